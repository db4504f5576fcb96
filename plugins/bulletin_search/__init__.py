"""Search: the search page, the site's word forms by lemma, and a Pagefind
index of the notice, association, space and series pages and of the
associations' offers and needs."""
from pathlib import Path

from pelican import signals

from bulletin_contract.reader import STATE
from bulletin_incremental import REUSE
from bulletin_pages.generator import searchable_written

from .archive import archived_pages
from .days import search_filters
from .delta import BASE, Plan
from .generator import SearchGenerator
from .indexer import INDEXER, indexed_folders
from .records import site_records


def get_generators(pelican):
    return SearchGenerator


def add_filters(generator):
    generator.env.filters["search_filters"] = search_filters


def start_index(generator):
    """Index the notices and associations now, all of them or, in a rebuild,
    those that changed (see delta.py), the present apart from each year of
    the archive (archive.py). Without folders of their own, Pagefind reads
    every page and waits for all of them."""
    folders = indexed_folders(generator.settings)
    if not folders:
        INDEXER.plan = None
        return
    records = site_records(generator.settings, STATE.associations, STATE.series)
    plan = INDEXER.plan = Plan(generator.output_path, folders, records, archived_pages(generator.context["articles"]))
    # Pagefind reads each page it indexes from this build's folder: a page
    # left in place in the previous output is moved in first
    REUSE.gather_files(page for _, pages, _ in plan.jobs() for page in pages or ())
    INDEXER.start(generator.output_path, plan.jobs())


def index_site(pelican):
    plan, INDEXER.plan = INDEXER.plan, None
    if plan is not None and plan.site != Path(pelican.output_path):
        plan = None  # made for another build
    if plan is None:
        records = site_records(pelican.settings, STATE.associations, STATE.series)
        REUSE.gather(indexed_folders(pelican.settings))
        INDEXER.finish(pelican.output_path, [(BASE, None, list(records.values()))])
        return
    INDEXER.finish(pelican.output_path, plan.jobs())
    plan.finish()


def register():
    # generator_init: every template sees the filter of _search.html
    signals.generator_init.connect(add_filters)
    # get_generators: the search page and the lemma map are written with the
    # other pages, from the notices Pelican has read.
    signals.get_generators.connect(get_generators)
    # searchable_written: the notice and association pages are in the output
    # folder, the listings not yet: Pagefind indexes while they are written.
    searchable_written.connect(start_index)
    # finalized: every page is in the output folder (a staging folder under
    # `bulletin build`), so Pagefind indexes what readers will get.
    signals.finalized.connect(index_site)
