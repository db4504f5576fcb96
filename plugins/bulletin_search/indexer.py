"""Runs Pagefind over the built site (the binary comes from the pagefind_bin wheel)."""
import base64
import logging
import threading
import time
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

from .service import Service
from .stable import stabilize
from .types import RECORDS, address, search_types

log = logging.getLogger(__name__)
SESSIONS = 2  # Pagefind processes at once: the machines that build have two cores or more


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


def page_url(path):
    """The address Pagefind gives a page it reads from the site folder."""
    return "/" + path.removesuffix("index.html")


class Indexer:
    """Pagefind over a site, and the records that are not pages (records.py).
    A build's indexing is a list of jobs, (bundle, pages, records), each
    indexed in a Pagefind process of its own, two at a time, so the
    memory any one process takes is that of the largest bundle
    (delta.Plan.jobs), and a cold build's bundles (the present and each
    year of the archive) are indexed on both cores once the pages are
    written. Pages given as None are every page of the site (no folders
    to name them by). The indexed pages are written first (bulletin_pages
    says when), so Pagefind starts then and indexes on the second core
    while the listings, feeds and calendars are still being written;
    `finish` waits for it when the build is done."""

    def __init__(self):
        self.thread = self.failure = None
        self.services = []  # the Pagefind processes at work
        self.plan = None  # this build's delta.Plan, made when the pages are written
        self.lock = threading.Lock()

    def start(self, site, jobs):
        self.stop()  # one left from a build that failed
        self.site, self.jobs, self.started = str(site), jobs, time.monotonic()
        self.stopping, self.failure = False, None
        self.thread = threading.Thread(target=self._index, daemon=True)
        self.thread.start()

    def _index(self):
        try:
            # the largest first, so that the two sessions end together
            jobs = sorted(self.jobs, key=lambda job: -len(job[1] or ()) - len(job[2]))
            with ThreadPoolExecutor(max_workers=SESSIONS) as pool:
                list(pool.map(self._job, jobs))  # raises the first job's failure
        except Exception as err:  # noqa: BLE001 (finish raises it in the build's thread)
            self.failure = err

    def _job(self, job):
        with self.lock:
            if self.stopping:
                return
            service = Service()
            self.services.append(service)
        try:
            self._write(service, *job)
        finally:
            service.close()
            with self.lock:
                self.services.remove(service)

    def _write(self, service, bundle, pages, records):
        site = Path(self.site).resolve()
        index = service.ask(type="NewIndex", config=None)["index_id"]
        if pages is None:
            service.ask(type="AddDir", index_id=index, path=str(site), glob=None)
        service.ask_each(dict(type="AddFile", index_id=index, file_path=None, url=page_url(page),
                              file_contents=(site / page).read_text(encoding="utf-8")) for page in pages or ())
        service.ask_each(dict(type="AddRecord", index_id=index, **record) for record in records)
        # The files are written here, not by Pagefind: its service could
        # answer WriteFiles and leave, once its input closed, before a file
        # was complete (an empty pagefind-entry.json, seen under load).
        files = service.ask(type="GetFiles", index_id=index)["files"]
        while files:  # each file's text let go once written
            file = files.pop()
            path = site / bundle / file["path"]
            path.parent.mkdir(parents=True, exist_ok=True)
            path.write_bytes(base64.b64decode(file["content"]))

    def stop(self):
        if self.thread is not None:
            with self.lock:
                self.stopping = True
                for service in self.services:
                    service.process.kill()  # its thread reads the end of its answers and leaves
            self.thread.join()
            self.thread = None

    def finish(self, site, jobs):
        """Index `site` in place, or wait for the indexing started on it:
        Pagefind writes each bundle to `site`/`bundle`/."""
        if self.thread is None or self.site != str(site):
            self.start(site, jobs)
        self.thread.join()
        failure, self.thread = self.failure, None
        if failure is not None:
            raise SearchIndexError(f"Pagefind could not index {site}: {failure}")
        for bundle, _, _ in self.jobs:
            stabilize(Path(site) / bundle)
        log.info("Search index of %d bundles written in %.1f s", len(self.jobs), time.monotonic() - self.started)


INDEXER = Indexer()
