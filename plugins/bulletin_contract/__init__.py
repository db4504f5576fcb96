"""The content contract: strict front matter, field rules and whole-site checks.

Notices and content pages are read by our own reader (replacing Pelican's
Markdown reader), association files are read at start, and at the end of the
reading phase every problem found stops the build with `path:line: message`.
"""
import os
from dataclasses import replace

from pelican import signals
from pelican.generators import ArticlesGenerator, PagesGenerator
from pelican.plugins.signals import signal  # Pelican's own (blinker), in plugin order

from bulletin_i18n import translator_for
from bulletin_settings import today

from .cache import never_cache_failures, site_files, use_cache_folder
from .checks import (
    foreign_spaces, in_static_paths, links, load_profiles, load_spaces, page_addresses, retired, retired_spaces, same_addresses,
    static_files, stray_files, unpublished,
)
from .order import newest_first
from .problems import ContentError, Problem
from .read_ahead import read_uncached
from .reader import STATE, NoticeReader
from .validate import display_path


# Sent with the Pelican object as a build starts. A receiver may answer with
# a reader of association, series and space files that keeps what it read
# for later builds: called as reads(read, path, raw, ctx) instead of
# read(path, raw, ctx), and its save() once every file is read.
profile_reads = signal("bulletin_profile_reads")


def start_build(pelican):
    STATE.__init__()
    t = translator_for(pelican.settings)
    reads = next((answer for _, answer in profile_reads.send(pelican) if answer is not None), None)
    associations, series, problems, ctx = load_profiles(pelican.settings["PATH"], pelican.settings, t, reads)
    STATE.associations, STATE.series = associations, series
    STATE.problems.extend(problems)
    spaces, problems = load_spaces(pelican.settings["PATH"], ctx, reads)
    STATE.spaces = spaces
    STATE.problems.extend(problems)
    STATE.problems.extend(retired_spaces(spaces.values(), associations, t))
    if reads is not None:
        reads.save()
    STATE.problems.extend(static_files(pelican.settings["PATH"], pelican.settings, t))
    STATE.problems.extend(links(pelican.settings["PATH"], t))
    STATE.problems.extend(stray_files(pelican.settings["PATH"], pelican.settings, t))
    STATE.ctx = replace(ctx, spaces=set(spaces))
    if pelican.settings.get("CACHE_CONTENT") or pelican.settings.get("LOAD_CONTENT_CACHE"):
        use_cache_folder(pelican.settings, {"associations": associations, "series": series, "spaces": spaces,
                                            "files": site_files(pelican.settings)})


def use_notice_reader(readers):
    # Only our reader: an .html or .rst file among the notices would otherwise
    # be published past the contract. Pelican's "static" reader stays: it
    # copies the images (STATIC_PATHS, checked by checks.static_files).
    static = readers.reader_classes["static"]
    readers.reader_classes.clear()
    readers.reader_classes.update(md=NoticeReader, static=static)
    never_cache_failures(readers)


def order_notices(generator):
    # A notice dated after the build's day is scheduled: it is held back
    # here, before anything (pages, listings, feeds, calendars, search) is
    # derived from the list, and appears in the first build on its day.
    day = today(generator.settings)
    published, STATE.scheduled = [], []
    for article in generator.articles:
        (STATE.scheduled if article.notice.is_scheduled(day) else published).append(article)
    # Pelican reads files in the order of a set, which follows PYTHONHASHSEED;
    # notices of the same date would come out in a different order each build.
    # Sorted here, everything Pelican derives from the list is stable too.
    generator.articles[:] = newest_first(published)
    STATE.published = tuple(generator.articles)


def only_site_images(generator):
    # Pelican also publishes, as it is, any file that a {static} or {attach}
    # address in a text names (in a link, or inside an image's alt text),
    # wherever in the content folder it is: an SVG or HTML file would run on
    # the site's address. Only STATIC_PATHS, whose files are checked, go out.
    settings, kept = generator.settings, []
    for static in generator.staticfiles:
        if in_static_paths(os.path.relpath(static.source_path, settings["PATH"]), settings):
            kept.append(static)
        else:
            folder = settings["STATIC_PATHS"][0]
            STATE.problems.append(Problem(display_path(static.source_path), 1,
                                          STATE.ctx.t("err_static_outside", folder=folder)))
    generator.staticfiles[:] = kept  # the same list as the context's "staticfiles"


def check_across_files(generators):
    generator = next(g for g in generators if isinstance(g, ArticlesGenerator))
    t = STATE.ctx.t
    held = generator.articles + STATE.scheduled
    notices = [a.notice for a in held]
    problems = list(STATE.problems)
    problems.extend(same_addresses(notices, t))
    problems.extend(retired(notices, STATE.associations, today(generator.settings),
                            generator.settings["BULLETIN_EXPIRY_DAYS"], t))
    problems.extend(foreign_spaces(notices, STATE.spaces, today(generator.settings),
                                   generator.settings["BULLETIN_EXPIRY_DAYS"], t))
    pages = next(g for g in generators if isinstance(g, PagesGenerator)).pages
    problems.extend(page_addresses([(display_path(p.source_path), p.slug) for p in pages], generator.settings, t))
    # a file with problems is unpublished by design: named once, for them
    said = {problem.path for problem in STATE.problems}
    sources = [a.source_path for a in held] + [p.source_path for p in pages]
    problems.extend(p for p in unpublished(generator.settings["PATH"], sources, t) if p.path not in said)
    if problems:
        raise ContentError(problems)


def register():
    # initialized: settings are final; read associations before any notice.
    signals.initialized.connect(start_build)
    # readers_init: the moment Pelican decides which reader takes which file.
    signals.readers_init.connect(use_notice_reader)
    # article_generator_init: the reader and its cache are ready, no notice is read.
    signals.article_generator_init.connect(read_uncached)
    # article_generator_pretaxonomy: every notice is read, nothing derived yet.
    signals.article_generator_pretaxonomy.connect(order_notices)
    # all_generators_finalized: notices and pages are read, nothing is written.
    signals.all_generators_finalized.connect(check_across_files)
    # static_generator_finalized: static files are found, none is copied yet.
    signals.static_generator_finalized.connect(only_site_images)
