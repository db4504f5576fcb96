"""Runs Pagefind over the built site (the binary comes from the pagefind_bin wheel)."""
import logging
import threading
import time
from pathlib import Path

from .service import Service
from .stable import stabilize
from .types import RECORDS, address, search_types

log = logging.getLogger(__name__)


class SearchIndexError(RuntimeError):
    pass


def indexed_folders(settings):
    """The folders of the pages that carry data-pagefind-body: the notices,
    the associations and the other kinds of page in types.TYPES. Pagefind
    would otherwise read every page of the site, the long listings too,
    only to find nothing to index in them."""
    folders = {address(settings, value).split("/")[0] for value in search_types(settings) if value not in RECORDS}
    if any("{" in folder or "." in folder for folder in folders):
        return None  # a pattern without a folder of its own: read everything
    return sorted(folders)


def indexed_pages(settings):
    """A glob of the indexed pages, or None for every page."""
    folders = indexed_folders(settings)
    return "{" + ",".join(folders) + "}/**/*.html" if folders else None


class Indexer:
    """Pagefind over a site, and the records that are not pages (records.py).
    With `glob`, the pages it reads are only the notices, associations and
    the other kinds of types.TYPES, so it can start as soon as those are
    written (bulletin_pages says when) and index on the second core while
    the listings, feeds and calendars are still being written; `finish`
    waits for it when the build is done. A glob of "" reads no page: a
    rebuild where only records changed."""

    def __init__(self):
        self.service = self.thread = self.failure = None
        self.plan = None  # this build's delta.Plan, made when the pages are written

    def start(self, site, glob=None, bundle="pagefind", records=()):
        self.stop()  # one left from a build that failed
        self.site, self.bundle, self.started = str(site), bundle, time.monotonic()
        self.service, self.failure = Service(), None
        self.thread = threading.Thread(target=self._index, args=(glob, list(records)), daemon=True)
        self.thread.start()

    def _index(self, glob, records):
        ask = self.service.ask
        try:
            index = ask(type="NewIndex", config=None)["index_id"]
            if glob != "":
                ask(type="AddDir", index_id=index, path=str(Path(self.site).resolve()), glob=glob)
            for record in records:
                ask(type="AddRecord", index_id=index, **record)
            ask(type="WriteFiles", index_id=index, output_path=str(Path(self.site, self.bundle).resolve()))
        except Exception as err:  # noqa: BLE001 (finish raises it in the build's thread)
            self.failure = err

    def stop(self):
        if self.service is not None:
            self.service.process.kill()  # the thread reads the end of its answers and leaves
            self.thread.join()
            self.service.close()
            self.service = self.thread = None

    def finish(self, site, glob=None, bundle="pagefind", records=()):
        """Index `site` in place, or wait for the indexing started on it:
        Pagefind writes its bundle to `site`/`bundle`/."""
        if self.service is None or self.site != str(site):
            self.start(site, glob, bundle, records)
        self.thread.join()
        self.service.close()
        failure, self.service, self.thread = self.failure, None, None
        if failure is not None:
            raise SearchIndexError(f"Pagefind could not index {site}: {failure}")
        stabilize(Path(site) / self.bundle)
        log.info("Search index written in %.1f s", time.monotonic() - self.started)


INDEXER = Indexer()
