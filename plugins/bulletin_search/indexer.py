"""Runs Pagefind over the built site (the binary comes from the pagefind_bin wheel)."""
import logging
import subprocess
import sys
import time
from pathlib import Path

from .stable import stabilize

log = logging.getLogger(__name__)


class SearchIndexError(RuntimeError):
    pass


def indexed_pages(settings):
    """A glob of the pages that carry data-pagefind-body: the notices and
    the associations. Pagefind would otherwise read every page of the site,
    the long listings too, only to find nothing to index in them."""
    folders = {settings["ARTICLE_SAVE_AS"].split("/")[0], settings["BULLETIN_URLS"]["association"].split("/")[0]}
    if any("{" in folder or "." in folder for folder in folders):
        return None  # a pattern without a folder of its own: read everything
    return "{" + ",".join(sorted(folders)) + "}/**/*.html"


def run_pagefind(site, glob=None):
    """Index `site` in place: Pagefind writes its bundle to `site`/pagefind/.
    Pages with data-pagefind-body (notices, associations) are indexed, others
    not; `glob` limits the pages Pagefind reads at all."""
    started = time.monotonic()
    command = [sys.executable, "-m", "pagefind", "--site", str(site), "--silent"]
    if glob:
        command += ["--glob", glob]
    result = subprocess.run(command, capture_output=True, text=True)
    if result.returncode != 0:
        raise SearchIndexError(f"Pagefind could not index {site}: {(result.stderr or result.stdout).strip()}")
    stabilize(Path(site) / "pagefind")
    log.info("Search index written in %.1f s", time.monotonic() - started)
