"""Search benchmark: indexing time and first-query bytes on generated notices,
and recall of base-form queries on the example content, plain Pagefind
against Pagefind with the lemma map.

    .venv/bin/python benchmarks/search_bench.py [--notices 3000] [--seed 1] [--extra-words 8]

Everything runs on this machine: the sites are built into a temporary folder,
served on 127.0.0.1 and searched in Debian's Chromium.
"""
import argparse
import gzip
import json
import logging
import re
import sys
import tempfile
import time
from pathlib import Path

from playwright.sync_api import expect

ROOT = Path(__file__).resolve().parents[1]
sys.path[:0] = [str(ROOT / "tests"), str(Path(__file__).parent)]

from bulletin_cli.cli import main as bulletin  # noqa: E402
from browser import chromium, served  # noqa: E402
from generate import generate  # noqa: E402

TODAY = "2026-12-01"
QUERIES = Path(__file__).with_name("recall_queries.txt")
FIRST_QUERY = "asukastupa"


class Timings(logging.Handler):
    """Collects the search plugin's own timing lines during a build."""

    def __init__(self):
        super().__init__(logging.INFO)
        self.lines = []

    def emit(self, record):
        self.lines.append(record.getMessage())


def build(content, output):
    handler = Timings()
    logger = logging.getLogger("bulletin_search")
    logger.addHandler(handler)
    logger.setLevel(logging.INFO)
    logger.propagate = False  # the figures are printed below, once
    started = time.monotonic()
    try:
        args = ["build", "--output", str(output), "--today", TODAY]
        status = bulletin(args + (["--content", str(content)] if content else []))
    finally:
        logger.removeHandler(handler)
        logger.propagate = True
    if status != 0:
        raise SystemExit(f"build failed with status {status}")
    return time.monotonic() - started, handler.lines


def folder_bytes(folder):
    return sum(p.stat().st_size for p in folder.rglob("*") if p.is_file())


def kib(n):
    return f"{n / 1024:.1f} KiB"


class Transfers:
    """Bytes of each response a page receives, from Playwright's response events."""

    def __init__(self, page):
        self.responses = []
        page.on("response", lambda response: self.responses.append(response))

    def since(self, start):
        raw = packed = 0
        for response in self.responses[start:]:
            body = response.body()
            raw += len(body)
            packed += len(gzip.compress(body))  # what a host serving gzip would send, roughly
        return len(self.responses) - start, raw, packed


def wait_for_results(page):
    expect(page.locator("#haku-tila")).to_have_text(re.compile(r"tulos|Ei tuloksia"), timeout=30000)


def first_query_bytes(browser, base, query):
    """Bytes of our search page's first query, and of plain Pagefind's."""
    figures = {}
    context = browser.new_context()
    page = context.new_page()
    seen = Transfers(page)
    page.goto(f"{base}/haku/")
    page.wait_for_load_state("networkidle")
    figures["search page itself"] = seen.since(0)
    start = len(seen.responses)
    page.fill("#haku-q", query)
    page.press("#haku-q", "Enter")
    wait_for_results(page)
    page.wait_for_load_state("networkidle")
    figures["first query, with lemma map"] = seen.since(start)
    context.close()

    context = browser.new_context()
    page = context.new_page()
    seen = Transfers(page)
    page.goto(f"{base}/haku/")
    page.wait_for_load_state("networkidle")
    start = len(seen.responses)
    page.evaluate("""async (q) => {
        const pf = await import('/pagefind/pagefind.js');
        const found = await pf.search(q);
        await Promise.all(found.results.slice(0, 10).map((r) => r.data()));
    }""", query)
    page.wait_for_load_state("networkidle")
    figures["first query, plain Pagefind"] = seen.since(start)
    context.close()
    return figures


def recall(browser, base, pairs):
    """For each (query, slug): found by plain Pagefind, by ours; in all results and in the first 10."""
    page = browser.new_page()
    page.goto(f"{base}/haku/")
    rows = page.evaluate("""async (pairs) => {
        const pf = await import('/pagefind/pagefind.js');
        const ours = await import('/theme/js/search.js');
        const urls = async (results) => Promise.all(results.map(async (r) => (await r.data()).url));
        const rows = [];
        for (const [q, slug] of pairs) {
            const plain = await urls((await pf.search(q)).results);
            const found = (await ours.find({ q })).found;  // every result, in order
            const mine = await urls(await found.next(found.size));
            const rank = (list) => list.findIndex((u) => u.includes(`/ilmoitukset/${slug}/`));
            rows.push({ q, slug, plain: rank(plain), ours: rank(mine) });
        }
        return rows;
    }""", pairs)
    page.close()
    return rows


def read_pairs():
    lines = QUERIES.read_text(encoding="utf-8").splitlines()
    return [line.split() for line in lines if line.strip() and not line.startswith("#")]


def report_recall(rows):
    total = len(rows)
    for key in ("plain", "ours"):
        found = sum(r[key] >= 0 for r in rows)
        top = sum(0 <= r[key] < 10 for r in rows)
        label = "plain Pagefind (Finnish stemmer)" if key == "plain" else "Pagefind + lemma map"
        print(f"  {label:34} found {found}/{total}, in the first 10: {top}/{total}")
    missed = [f"{r['q']} ({r['slug']})" for r in rows if r["ours"] < 0]
    print(f"  missed by ours: {', '.join(missed) or 'none'}")
    gained = [r["q"] for r in rows if r["ours"] >= 0 > r["plain"]]
    print(f"  found only with the lemma map: {', '.join(gained) or 'none'}")


def main():
    parser = argparse.ArgumentParser(description="Search benchmark")
    parser.add_argument("--notices", type=int, default=3000)
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--extra-words", type=int, default=8,
                        help="words from simplemma's dictionary added to each notice (see generate.py)")
    parser.add_argument("--json", help="also write the figures to this file")
    args = parser.parse_args()
    figures = {}
    with tempfile.TemporaryDirectory() as tmp, chromium() as browser:
        tmp = Path(tmp)

        print(f"Generated site: {args.notices} notices (seed {args.seed})")
        content = generate(tmp / "content", args.notices, args.seed, args.extra_words)
        seconds, lines = build(content, tmp / "generated")
        entry = json.loads((tmp / "generated" / "pagefind" / "pagefind-entry.json").read_text())
        lemma_folder = tmp / "generated" / "haku" / "lemmat"
        lemma_files = list(lemma_folder.glob("*.json"))
        print(f"  whole build: {seconds:.1f} s; pages indexed: {entry['languages']['fi']['page_count']}")
        for line in lines:
            print(f"  {line}")
        print(f"  Pagefind bundle: {kib(folder_bytes(tmp / 'generated' / 'pagefind'))}; lemma map: "
              f"{len(lemma_files)} files, {kib(folder_bytes(lemma_folder))} "
              f"(largest {kib(max(p.stat().st_size for p in lemma_files))})")
        figures["generated"] = {"notices": args.notices, "build_seconds": seconds, "log": lines}
        with served(tmp / "generated") as base:
            transfers = first_query_bytes(browser, base, FIRST_QUERY)
        print(f"  first query {FIRST_QUERY!r} on a fresh browser (responses, bytes, gzip-compressed):")
        for name, (count, raw, packed) in transfers.items():
            print(f"    {name:30} {count:3} responses, {kib(raw):>10}, gzip {kib(packed):>10}")
        figures["generated"]["transfers"] = transfers

        print("Example content: recall of base-form queries for words the notice has only inflected")
        build(None, tmp / "example")
        with served(tmp / "example") as base:
            rows = recall(browser, base, read_pairs())
        report_recall(rows)
        figures["recall"] = rows
    if args.json:
        Path(args.json).write_text(json.dumps(figures, indent=2, ensure_ascii=False), encoding="utf-8")


if __name__ == "__main__":
    main()
