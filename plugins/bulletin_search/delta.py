"""Which pages a rebuild gives Pagefind: all of them, or only those that changed.

Pagefind has no incremental mode, and indexing every notice again was half
of a rebuild after one notice changed. So the full index a build makes (the
base, `pagefind/`) is kept with a record of each indexed page's hash and
Pagefind's id for it. A rebuild whose indexed pages mostly match the record
moves the base over from the previous output and indexes only the changed
and new pages, into a second bundle (the delta) that the search page merges
in with Pagefind's `mergeIndex`. The base's results for pages that changed
or left the site are listed in the delta's `changes.json`, for the search
page to drop.

A page found through the delta is scored with the delta's own word counts,
so its rank among the base's results can differ from a full index's. The
delta therefore stays small: past `delta_limit` changed pages, or whenever
anything but page contents changed (settings, theme, code, Pagefind), the
build indexes everything again. A build without a previous output (a fresh
clone, CI) always makes a full index.
"""
import gzip
import hashlib
import json
from pathlib import Path

from bulletin_incremental import REUSE

from .records import record_hash

BASE = "pagefind"
DELTA = "pagefind-delta"
CHANGES = "changes.json"
RECORD = "search-index"  # REUSE's name for the base's record
PAGES = "search-pages"  # and for the hashes of the previous build's pages


def delta_limit(pages):
    """The most changed pages a rebuild indexes on their own: 5 %, at least 25."""
    return max(25, pages // 20)


def page_hashes(site, folders, known=None):
    """{path under site: sha256 of the file, or None when it is not indexed}
    of the pages in `folders`; the indexed ones have data-pagefind-body.
    (Pagefind skips the others, such as the directory of associations, only
    while some page has one.) `known` is the previous build's: a page left
    in place is byte for byte the file it hashed, and is not read again."""
    known = known or {}
    hashes = {}
    for folder in folders:
        # through REUSE: a rebuild leaves unchanged pages in the previous output
        for name, path in REUSE.files(site, folder, ".html"):
            if name in known and REUSE.left_in_place(name):
                hashes[name] = known[name]
                continue
            data = Path(path).read_bytes()
            hashes[name] = hashlib.sha256(data).hexdigest() if b"data-pagefind-body" in data else None
    return hashes


def page_ids(bundle):
    """{path under the site: Pagefind's page id} of a bundle's pages, from its
    fragment files (gzip of b"pagefind_dcd" and JSON with the page's url)."""
    ids = {}
    for fragment in sorted(Path(bundle, "fragment").glob("*.pf_fragment")):
        data = json.loads(gzip.decompress(fragment.read_bytes())[len(b"pagefind_dcd"):])
        url = data["url"].lstrip("/")
        ids[url + "index.html" if url.endswith("/") or not url else url] = fragment.stem
    return ids


def _entry(bundle):
    try:
        return hashlib.sha256(Path(bundle, "pagefind-entry.json").read_bytes()).hexdigest()
    except OSError:
        return None


class Plan:
    """What this build indexes. `changed` is None for a full index of the
    present's bundle, else its pages for the delta (possibly none).
    `archive` names every archive bundle of the site (archive.py), newest
    first; `reindexed` those this build indexes: a year whose pages all
    match the record moves over from the previous output whole."""

    folder = DELTA + "/"

    def __init__(self, site, folders, records=None, archived=None):
        self.site = Path(site)
        # the records that are not pages (records.py) are kept as pages
        # are, by their address: a changed offer is indexed in the delta
        self.records = records or {}
        archived = archived or {}
        self.hashes, self.years = {}, {}
        recalled = REUSE.recall(PAGES)
        self.pages = page_hashes(site, folders, recalled if isinstance(recalled, dict) else None)
        indexed = {p: h for p, h in self.pages.items() if h is not None}
        for path, digest in (indexed | {k: record_hash(r) for k, r in self.records.items()}).items():
            bundle = archived.get(path)
            (self.years.setdefault(bundle, {}) if bundle else self.hashes)[path] = digest
        self.archive = sorted(self.years, reverse=True)
        self.reindexed = list(self.archive)
        self.changed, self.base, self.record = None, {}, None
        record = REUSE.recall(RECORD)
        if not record or record.get("site") != REUSE.site or not REUSE.previous:
            return
        years = record.get("archive", {})
        self.reindexed = [b for b in self.archive if not self._kept(b, years.get(b))]
        if _entry(Path(REUSE.previous, BASE)) != record.get("entry"):
            return  # the previous output's base is not the recorded one
        base = record["pages"]
        changed = sorted(p for p, h in self.hashes.items() if base.get(p, [None])[0] != h)
        if len(changed) > delta_limit(len(self.hashes)):
            return
        if REUSE.take_folder(BASE):
            self.changed, self.base, self.record = changed, base, record

    def _kept(self, bundle, recorded):
        """Whether the archive bundle moved over: its pages are those recorded."""
        return (recorded is not None and recorded["pages"] == self.years[bundle]
                and _entry(Path(REUSE.previous, bundle)) == recorded["entry"] and REUSE.take_folder(bundle))

    @property
    def full(self):
        return self.changed is None

    @property
    def has_delta(self):
        """Whether the search page merges a delta: pages changed or left."""
        return not self.full and (bool(self.changed) or set(self.base) != set(self.hashes))

    @property
    def version(self):
        """Names this delta in the search page's address of changes.json,
        so a browser does not keep an older one."""
        pages = {p: self.hashes.get(p) for p in set(self.base) ^ set(self.hashes) | set(self.changed or ())}
        return hashlib.sha256(json.dumps(pages, sort_keys=True).encode()).hexdigest()[:16]

    def jobs(self):
        """(bundle, pages, records) for each bundle this build indexes."""
        jobs = []
        if self.full:
            jobs.append((BASE, self._pages(self.hashes), list(self._records(self.hashes))))
        elif self.changed:
            jobs.append((DELTA, self._pages(self.changed), list(self._records(self.changed))))
        return jobs + [(b, self._pages(self.years[b]), []) for b in self.reindexed]

    def _pages(self, paths):
        return sorted(p for p in paths if p not in self.records)

    def _records(self, paths):
        return (self.records[p] for p in sorted(paths) if p in self.records)

    def finish(self):
        """After Pagefind: remember the bundles for the next build, and
        write the delta's list of base results to drop."""
        # A year that moved over is still in the previous output: recorded
        # from this build's folder, its entry would be missing, and the next
        # build would index that year again.
        years = {b: {"entry": _entry(self.site / b if b in self.reindexed else Path(REUSE.previous, b)),
                     "pages": self.years[b]} for b in self.archive}
        REUSE.remember(PAGES, self.pages)
        if self.full:
            bundle = self.site / BASE
            ids = page_ids(bundle)
            REUSE.remember(RECORD, {"site": REUSE.site, "entry": _entry(bundle), "archive": years,
                                    "pages": {p: [h, ids.get(p)] for p, h in self.hashes.items()}})
            return
        REUSE.remember(RECORD, self.record | {"archive": years})
        if not self.has_delta:
            return
        delta = self.site / DELTA
        added = page_ids(delta) if self.changed else {}
        stale = {p for p in self.base if p not in self.hashes or p in self.changed}
        # A page whose indexed text did not change keeps its id in the delta:
        # dropping the id would drop the page.
        superseded = sorted({self.base[p][1] for p in stale if self.base[p][1]} - set(added.values()))
        delta.mkdir(exist_ok=True)
        (delta / CHANGES).write_text(json.dumps({"delta": sorted(added.values()), "superseded": superseded}),
                                     encoding="utf-8")
