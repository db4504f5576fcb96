"""Runs Pagefind over the built site (the binary comes from the pagefind_bin wheel)."""
import logging
import subprocess
import sys
import time
from pathlib import Path

from .stable import stabilize
from .types import address, search_types

log = logging.getLogger(__name__)


class SearchIndexError(RuntimeError):
    pass


def indexed_folders(settings):
    """The folders of the pages that carry data-pagefind-body: the notices,
    the associations and the other kinds in types.TYPES. Pagefind would
    otherwise read every page of the site, the long listings too, only to
    find nothing to index in them."""
    folders = {address(settings, value).split("/")[0] for value in search_types(settings)}
    if any("{" in folder or "." in folder for folder in folders):
        return None  # a pattern without a folder of its own: read everything
    return sorted(folders)


def indexed_pages(settings):
    """A glob of the indexed pages, or None for every page."""
    folders = indexed_folders(settings)
    return "{" + ",".join(folders) + "}/**/*.html" if folders else None


class Indexer:
    """Pagefind over a site. With `glob`, the pages it reads are only the
    notices and associations, so it can start as soon as those are written
    (bulletin_pages says when) and index on the second core while the
    listings, feeds and calendars are still being written; `finish` waits
    for it when the build is done."""

    def __init__(self):
        self.process = None
        self.plan = None  # this build's delta.Plan, made when the pages are written

    def start(self, site, glob=None, bundle="pagefind"):
        self.stop()  # one left from a build that failed
        self.site, self.bundle, self.started = str(site), bundle, time.monotonic()
        command = [sys.executable, "-m", "pagefind", "--site", self.site, "--silent", "--output-subdir", bundle]
        if glob:
            command += ["--glob", glob]
        self.process = subprocess.Popen(command, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)

    def stop(self):
        if self.process is not None:
            self.process.kill()
            self.process.communicate()
            self.process = None

    def finish(self, site, glob=None, bundle="pagefind"):
        """Index `site` in place, or wait for the indexing started on it:
        Pagefind writes its bundle to `site`/`bundle`/."""
        if self.process is None or self.site != str(site):
            self.start(site, glob, bundle)
        out, err = self.process.communicate()
        code, self.process = self.process.returncode, None
        if code != 0:
            raise SearchIndexError(f"Pagefind could not index {site}: {(err or out).strip()}")
        stabilize(Path(site) / self.bundle)
        log.info("Search index written in %.1f s", time.monotonic() - self.started)


INDEXER = Indexer()
