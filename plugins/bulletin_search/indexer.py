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


def run_pagefind(site):
    """Index `site` in place: Pagefind writes its bundle to `site`/pagefind/.
    Pages with data-pagefind-body (notices, associations) are indexed, others not."""
    started = time.monotonic()
    result = subprocess.run([sys.executable, "-m", "pagefind", "--site", str(site), "--silent"],
                            capture_output=True, text=True)
    if result.returncode != 0:
        raise SearchIndexError(f"Pagefind could not index {site}: {(result.stderr or result.stdout).strip()}")
    stabilize(Path(site) / "pagefind")
    log.info("Search index written in %.1f s", time.monotonic() - started)
