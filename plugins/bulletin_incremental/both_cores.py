"""Notice pages are rendered on both cores.

A cold build spent two fifths of its time rendering notice pages through
Jinja, one after the other. A notice page shows its own notice and the
site-wide context only (reuse.py), so the pages to render are split in two:
a forked process renders one half into the same output folder while this
one renders the other, and says which files it wrote, so that Pelican's
writer still refuses a second page at one address. The forked process
writes files and nothing else: every page's reuse key is taken here first.
A few pages are rendered here alone, sooner than a process starts.
"""
from itertools import chain

from pelican import signals
from pelican.generators import ArticlesGenerator
from pelican.writers import FileOverwriteFailedError

from bulletin_contract.beside import beside

from .reuse import REUSE

MIN_PAGES = 200


def _render(write, pages):
    """Render the pages; the paths the writer wrote, and of those the ones
    it may not write again (Pelican's override_output)."""
    writer = write.func.__self__
    written, overridden = set(writer._written_files), set(writer._overridden_files)
    for args, kwargs in pages:
        write(*args, **kwargs)
    return writer._written_files - written, writer._overridden_files - overridden


def generate_articles(self, write):
    """ArticlesGenerator.generate_articles, rendering on both cores what
    is not left in place from the previous build."""
    fresh = []
    for article in chain(self.translations, self.articles, self.hidden_translations, self.hidden_articles):
        signals.article_generator_write_article.send(self, content=article)
        save_as = article.save_as
        if save_as and REUSE.take(save_as, article):
            continue  # left in place: nothing more is asked of it (its url, its template)
        fresh.append(((save_as, self.get_template(article.template), self.context),
                      {"article": article, "category": getattr(article, "category", None),
                       "override_output": hasattr(article, "override_save_as"), "url": article.url, "blog": True}))
    writer = getattr(getattr(write, "func", None), "__self__", None)
    if len(fresh) < MIN_PAGES or not hasattr(writer, "_written_files"):
        for args, kwargs in fresh:
            write(*args, **kwargs)
        return
    half = len(fresh) // 2
    theirs = beside(_render, write, fresh[half:])
    _render(write, fresh[:half])
    written, overridden = theirs.result()
    for path in sorted(written & writer._written_files):
        # two pages at one address, one in each half: Pelican's own words,
        # which `bulletin build` reads the address from
        raise FileOverwriteFailedError(f'Failed to overwrite "{path}" as Pelican has already written to it '
                                       "previously (set `override=True` if intended)")
    writer._written_files |= written
    writer._overridden_files |= overridden


def install():
    ArticlesGenerator.generate_articles = generate_articles
