"""Search: the search page, the site's word forms by lemma, and a Pagefind
index of the notice and association pages."""
from pelican import signals

from .generator import SearchGenerator
from .indexer import indexed_pages, run_pagefind


def get_generators(pelican):
    return SearchGenerator


def index_site(pelican):
    run_pagefind(pelican.output_path, indexed_pages(pelican.settings))


def register():
    # get_generators: the search page and the lemma map are written with the
    # other pages, from the notices Pelican has read.
    signals.get_generators.connect(get_generators)
    # finalized: every page is in the output folder (a staging folder under
    # `bulletin build`), so Pagefind indexes what readers will get.
    signals.finalized.connect(index_site)
