"""Search: the search page, the site's word forms by lemma, and a Pagefind
index of the notice and association pages."""
from pelican import signals

from bulletin_pages.generator import searchable_written

from .generator import SearchGenerator
from .indexer import INDEXER, indexed_pages


def get_generators(pelican):
    return SearchGenerator


def start_lemma_map(generators):
    next(g for g in generators if isinstance(g, SearchGenerator)).start_lemma_map()


def start_index(generator):
    glob = indexed_pages(generator.settings)
    if glob:  # else Pagefind reads every page: it waits for all of them
        INDEXER.start(generator.output_path, glob)


def index_site(pelican):
    INDEXER.finish(pelican.output_path, indexed_pages(pelican.settings))


def register():
    # get_generators: the search page and the lemma map are written with the
    # other pages, from the notices Pelican has read.
    signals.get_generators.connect(get_generators)
    # all_generators_finalized: every notice is read, its links to images
    # resolved, and the content checked (bulletin_contract refuses a build
    # on this signal, before us): nothing is written yet.
    signals.all_generators_finalized.connect(start_lemma_map)
    # searchable_written: the notice and association pages are in the output
    # folder, the listings not yet: Pagefind indexes while they are written.
    searchable_written.connect(start_index)
    # finalized: every page is in the output folder (a staging folder under
    # `bulletin build`), so Pagefind indexes what readers will get.
    signals.finalized.connect(index_site)
