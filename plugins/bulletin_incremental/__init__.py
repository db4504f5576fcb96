"""Rebuild only what changed: notice pages whose inputs are the same as in
the previous build are taken from it instead of being rendered again.

`bulletin build` writes each build into a fresh folder and moves it in when
the build succeeds. Writing, then moving, thousands of unchanged notice
pages was most of a rebuild's time, so an unchanged page stays where it is
in the previous output, and only the files the build wrote move in
(reuse.py says when a page counts as unchanged, inplace.py how the files
move in and how a failure puts the previous output back). The notice pages
that are rendered are rendered on both cores (both_cores.py), unchanged
notices come back as the Articles Pelican made of them in an earlier build
(made_articles.py), association, series and space files come back as they
were read (kept_profiles.py), and Pelican's content caches are saved as what
changed (cache_delta.py).
"""
import gc
import os

from jinja2 import FileSystemBytecodeCache
from pelican import signals
from pelican.cache import FileDataCacher

from bulletin_contract import profile_reads

from . import both_cores, cache_delta, kept_profiles, made_articles, memo
from .reuse import REUSE, ReusingWriter

__all__ = ["REUSE", "register"]


def cache_templates(pelican):
    """Compiled templates are kept in the cache folder: every generator
    compiled every template again in every build, a fixed cost of seconds.
    Jinja keys each by its source, so a changed template is compiled anew."""
    settings = pelican.settings
    if settings.get("CACHE_CONTENT") and settings.get("CACHE_PATH"):
        folder = os.path.join(settings["CACHE_PATH"], "templates")
        os.makedirs(folder, exist_ok=True)
        settings["JINJA_ENVIRONMENT"] = {**settings["JINJA_ENVIRONMENT"],
                                         "bytecode_cache": FileSystemBytecodeCache(folder)}


def look_ahead(pelican):
    REUSE.look_ahead(pelican.settings)


def get_writer(pelican):
    return ReusingWriter


def freeze_loaded(generator):
    """Everything read so far lives to the end of the build: moved out of
    the collector's sight, so that later full collections no longer walk
    it, which grew faster than the site. Twice: once Pelican's content cache
    is loaded (every cached notice, before the notices are read from it) and
    once every notice and its page's inputs are."""
    gc.freeze()


_pelican_cache_load = FileDataCacher.__init__


def _load_uncollected(self, settings, cache_name, caching_policy, load_policy):
    """Pelican's content cache, loaded with the cycle collector paused:
    unpickling makes every cached notice at once, and the collector walked
    the growing heap again and again (0.4 s of a rebuild at 20,000
    notices). Loading makes no garbage for it to find. The notices' reader
    cache, while their Articles are kept (made_articles.py), is neither
    loaded nor saved."""
    cache_name, caching_policy, load_policy = made_articles.choose(self, settings, cache_name, caching_policy,
                                                                   load_policy)
    enabled = gc.isenabled()
    gc.disable()
    try:
        _pelican_cache_load(self, settings, cache_name, caching_policy, load_policy)
        cache_delta.load_changed(self)
    finally:
        if enabled:
            gc.enable()


def unfreeze(pelican):
    """Back in the collector's sight, for whatever runs after the build (tests build many times)."""
    gc.unfreeze()


def register():
    memo.install()
    made_articles.install()
    both_cores.install()
    cache_delta.install()
    FileDataCacher.__init__ = _load_uncollected
    # initialized: before any generator makes its template environment; the
    # contract has read the profiles and chosen its cache folder (plugin order).
    signals.initialized.connect(cache_templates)
    signals.initialized.connect(look_ahead)
    # get_writer: the one place where Pelican lets a plugin decide how each
    # page is written.
    signals.get_writer.connect(get_writer)
    # article_generator_init: the notices' generator has loaded Pelican's
    # content cache; all_generators_finalized: every notice and listing is
    # in memory, and writing begins.
    signals.article_generator_init.connect(freeze_loaded)
    signals.all_generators_finalized.connect(freeze_loaded)
    signals.finalized.connect(unfreeze)
    # the contract asks, as a build starts, who reads its profile files
    profile_reads.connect(kept_profiles.profile_reads)
