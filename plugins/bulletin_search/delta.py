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

The archive's years (archive.py) are kept the same way: a year indexed
before moves over whole, and its pages that changed since, or came into
it (a notice that expired), are indexed into the archive's own delta
(`pagefind-arkisto-delta/`), which the search page merges with the years.
So one changed notice of a past year, or a day's expired notices, no longer
index a whole year again; past `delta_limit` changed pages of the archive,
the years with a change are indexed again instead.
"""
import gzip
import hashlib
import json
from pathlib import Path

from bulletin_incremental import REUSE

from .records import record_hash

BASE = "pagefind"
DELTA = "pagefind-delta"
ARCHIVE_DELTA = "pagefind-arkisto-delta"  # changed pages of the archive's years (archive.py)
CHANGES = "changes.json"
RECORD = "search-index"  # REUSE's name for the base's record
PAGES = "search-pages"  # and for the hashes of the previous build's pages
_UNINDEXED = (None,)  # the record's [hash, id] of a page the bundle does not have


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


class Changes:
    """The pages of a bundle (or of several, the archive's years) that
    changed since they were indexed, for a delta bundle: `changed` pages to
    index, and the ids of the indexed results to drop. `base` is
    {page: [hash, Pagefind's id]} as indexed, `pages` {page: hash} now."""

    def __init__(self, folder, base, pages):
        self.folder, self.base, self.pages = folder, base, pages
        self.changed = sorted(p for p, h in pages.items() if base.get(p, _UNINDEXED)[0] != h)

    @property
    def any(self):
        """Whether the search page merges the delta: pages changed or left."""
        return bool(self.changed) or set(self.base) != set(self.pages)

    @property
    def version(self):
        """Names this delta in the search page's address of changes.json,
        so a browser does not keep an older one."""
        pages = {p: self.pages.get(p) for p in set(self.base) ^ set(self.pages) | set(self.changed)}
        return hashlib.sha256(json.dumps(pages, sort_keys=True).encode()).hexdigest()[:16]

    def write(self, site):
        """After Pagefind: the delta's changes.json, its pages' ids and the base's results to drop."""
        delta = Path(site, self.folder)
        added = page_ids(delta) if self.changed else {}
        stale = {p for p in self.base if p not in self.pages or p in self.changed}
        # A page whose indexed text did not change keeps its id in the delta:
        # dropping the id would drop the page.
        superseded = sorted({self.base[p][1] for p in stale if self.base[p][1]} - set(added.values()))
        delta.mkdir(exist_ok=True)
        (delta / CHANGES).write_text(json.dumps({"delta": sorted(added.values()), "superseded": superseded}),
                                     encoding="utf-8")


def _indexed(bundle, pages):
    """{page: [hash, id]} of a bundle just indexed, for the record."""
    ids = page_ids(bundle)
    return {p: [h, ids.get(p)] for p, h in pages.items()}


class Plan:
    """What this build indexes. `present` is None for a full index of the
    present's bundle, else its Changes for the delta (possibly none).
    `archive` names every archive bundle of the site (archive.py), newest
    first; `reindexed` those this build indexes. A year indexed before moves
    over from the previous output whole, its changed pages going to the
    archive's own delta (`past`), unless the archive changed too much."""

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
        self.present = self.past = self.record = None
        self.kept_years = {}  # {bundle: its record} of the years that move over
        record = REUSE.recall(RECORD)
        if not record or record.get("site") != REUSE.site or not REUSE.previous:
            return
        self._plan_archive(record.get("archive", {}))
        if _entry(Path(REUSE.previous, BASE)) != record.get("entry"):
            return  # the previous output's base is not the recorded one
        present = Changes(DELTA + "/", record["pages"], self.hashes)
        if len(present.changed) <= delta_limit(len(self.hashes)) and REUSE.take_folder(BASE):
            self.present, self.record = present, record

    def _plan_archive(self, recorded):
        """Which years move over, and the archive's delta: the pages of the
        years that moved over as they are now, against those years'
        records. Past `delta_limit` changed pages, the years with a change
        are indexed again instead."""
        kept = {b: recorded[b] for b in self.archive if self._recorded(b, recorded.get(b))}
        past = self._changes(kept)
        if len(past.changed) > delta_limit(sum(map(len, self.years.values()))):
            kept = {b: r for b, r in kept.items() if {p: v[0] for p, v in r["pages"].items()} == self.years[b]}
            past = None
        self.kept_years = {b: r for b, r in kept.items() if REUSE.take_folder(b)}
        self.reindexed = [b for b in self.archive if b not in self.kept_years]
        # the changes worked out above, unless a year was left out since
        self.past = past if past is not None and len(self.kept_years) == len(kept) else self._changes(self.kept_years)

    def _changes(self, years):
        """Changes of the pages of `years` ({bundle: record}) since indexed."""
        return Changes(ARCHIVE_DELTA + "/", {p: v for r in years.values() for p, v in r["pages"].items()},
                       {p: h for b in years for p, h in self.years[b].items()})

    @staticmethod
    def _recorded(bundle, recorded):
        """Whether the previous output has the year's bundle as recorded."""
        return (isinstance(recorded, dict) and isinstance(recorded.get("pages"), dict)
                and all(isinstance(v, list) for v in recorded["pages"].values())
                and _entry(Path(REUSE.previous, bundle)) == recorded.get("entry"))

    @property
    def full(self):
        return self.present is None

    def deltas(self):
        """The Changes the search page merges: the present's, the archive's."""
        return [c for c in (self.present, self.past) if c is not None and c.any]

    @property
    def has_delta(self):
        return self.present is not None and self.present.any

    @property
    def has_archive_delta(self):
        return self.past is not None and self.past.any

    def jobs(self):
        """(bundle, pages, records) for each bundle this build indexes."""
        jobs = []
        if self.full:
            jobs.append((BASE, self._pages(self.hashes), list(self._records(self.hashes))))
        elif self.present.changed:
            jobs.append((DELTA, self._pages(self.present.changed), list(self._records(self.present.changed))))
        if self.past is not None and self.past.changed:
            jobs.append((ARCHIVE_DELTA, self.past.changed, []))
        return jobs + [(b, self._pages(self.years[b]), []) for b in self.reindexed]

    def _pages(self, paths):
        return sorted(p for p in paths if p not in self.records)

    def _records(self, paths):
        return (self.records[p] for p in sorted(paths) if p in self.records)

    def finish(self):
        """After Pagefind: remember the bundles for the next build, and
        write the deltas' lists of results to drop."""
        # A year that moved over keeps the record it was indexed with: its
        # changes since are in the archive's delta, measured against it.
        years = dict(self.kept_years)
        for bundle in self.reindexed:
            years[bundle] = {"entry": _entry(self.site / bundle), "pages": _indexed(self.site / bundle, self.years[bundle])}
        REUSE.remember(PAGES, self.pages)
        if self.full:
            bundle = self.site / BASE
            REUSE.remember(RECORD, {"site": REUSE.site, "entry": _entry(bundle), "archive": years,
                                    "pages": _indexed(bundle, self.hashes)})
        else:
            REUSE.remember(RECORD, self.record | {"archive": years})
        for changes in self.deltas():
            changes.write(self.site)
