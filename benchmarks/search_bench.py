"""Search benchmark: indexing time and first-query bytes on generated notices,
and on the example content the recall of base-form queries and of queries
with a typing error, plain Pagefind against our search (the lemma map and
the typing-error matcher).

    .venv/bin/python benchmarks/search_bench.py [--notices 3000] [--seed 1] [--extra-words 8]
        [--first-query asukastupa] [--typo-query konsetti]

--notices 0 measures the example content only.

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
TYPO_QUERIES = Path(__file__).with_name("typo_queries.txt")


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


def first_query_bytes(browser, base, query, typo_query):
    """Bytes of our search page's first query (one whose words are on the
    site, and one with a typing error), and of plain Pagefind's."""
    figures = {}
    for label, words in (("first query, with lemma map", query), ("first query with a typing error", typo_query)):
        context = browser.new_context()
        page = context.new_page()
        seen = Transfers(page)
        page.goto(f"{base}/haku/")
        page.wait_for_load_state("networkidle")
        figures["search page itself"] = seen.since(0)
        start = len(seen.responses)
        page.fill("#haku-q", words)
        page.press("#haku-q", "Enter")
        wait_for_results(page)
        page.wait_for_load_state("networkidle")
        figures[label] = seen.since(start)
        figures[label.replace("first query", "page and first query")] = seen.since(0)
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
    """For each (query, slug): found by plain Pagefind, by ours; in all results
    and in the first 10. Ours searches the archive's bundles too, as the
    search page's "Hae myös arkistosta" does (plain Pagefind searches the
    present's bundle only); `present` is ours without them."""
    page = browser.new_page()
    page.goto(f"{base}/haku/")
    rows = page.evaluate("""async (pairs) => {
        const pf = await import('/pagefind/pagefind.js');
        const ours = await import('/theme/js/search.js');
        const urls = async (results) => Promise.all(results.map(async (r) => (await r.data()).url));
        const rows = [];
        for (const [q, slug] of pairs) {
            const plain = await urls((await pf.search(q)).results);
            const every = async (state) => {
                const found = (await ours.find(state)).found;  // every result, in order
                return urls(await found.next(found.size));
            };
            const rank = (list) => list.findIndex((u) => u.includes(`/ilmoitukset/${slug}/`));
            rows.push({ q, slug, plain: rank(plain), ours: rank(await every({ q, archive: true })),
                        present: rank(await every({ q })) });
        }
        return rows;
    }""", pairs)
    page.close()
    return rows


def expired(site, rows):
    """The rows, each saying whether its notice has expired (is in the archive)."""
    for row in rows:
        page = (site / "ilmoitukset" / row["slug"] / "index.html").read_text(encoding="utf-8")
        row["expired"] = 'data-pagefind-meta="expired[content]"' in page
    return rows


def read_pairs(path):
    lines = path.read_text(encoding="utf-8").splitlines()
    return [line.split() for line in lines if line.strip() and not line.startswith("#")]


def report_recall(rows, top=10, ours="Pagefind + lemma map"):
    total = len(rows)
    for key in ("plain", "ours"):
        found = sum(r[key] >= 0 for r in rows)
        first = sum(0 <= r[key] < top for r in rows)
        label = "plain Pagefind (Finnish stemmer)" if key == "plain" else ours
        print(f"  {label:34} found {found}/{total}, in the first {top}: {first}/{total}")
    missed = [f"{r['q']} ({r['slug']}, {'not found' if r['ours'] < 0 else 'at ' + str(r['ours'] + 1)})"
              for r in rows if not 0 <= r["ours"] < top]
    print(f"  not in our first {top}: {', '.join(missed) or 'none'}")
    gained = [r["q"] for r in rows if r["ours"] >= 0 > r["plain"]]
    print(f"  found only by ours: {', '.join(gained) or 'none'}")
    current = [r for r in rows if not r.get("expired")]
    same = sum(0 <= r["present"] < top for r in current)
    print(f"  current notices without the archive: in the first {top}: {same}/{len(current)} "
          f"(and {len(rows) - len(current)} expired, in the archive)")


def main():
    parser = argparse.ArgumentParser(description="Search benchmark")
    parser.add_argument("--notices", type=int, default=3000)
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--extra-words", type=int, default=8,
                        help="words from simplemma's dictionary added to each notice (see generate.py)")
    parser.add_argument("--first-query", default="asukastupa", help="the query whose bytes are measured")
    parser.add_argument("--typo-query", default="konsetti", help="the same with a typing error")
    parser.add_argument("--json", help="also write the figures to this file")
    args = parser.parse_args()
    figures = {}
    with tempfile.TemporaryDirectory() as tmp, chromium() as browser:
        tmp = Path(tmp)
        if args.notices:
            figures["generated"] = generated_site(browser, tmp, args)

        print("Example content: recall of base-form queries for words the notice has only inflected")
        build(None, tmp / "example")
        with served(tmp / "example") as base:
            rows = expired(tmp / "example", recall(browser, base, read_pairs(QUERIES)))
            report_recall(rows)
            print("Example content: queries with one typing error each")
            typos = expired(tmp / "example", recall(browser, base, read_pairs(TYPO_QUERIES)))
            report_recall(typos, top=5, ours="Pagefind + lemma map + typo matcher")
        figures["recall"] = rows
        figures["typos"] = typos
    if args.json:
        Path(args.json).write_text(json.dumps(figures, indent=2, ensure_ascii=False), encoding="utf-8")


def generated_site(browser, tmp, args):
    """Build and index times and first-query bytes on generated notices."""
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
    spelling = list((tmp / "generated" / "haku" / "sanasto").glob("*.json"))
    print(f"  vocabulary: {len(spelling)} files, {kib(sum(p.stat().st_size for p in spelling))} "
          f"(largest {kib(max(p.stat().st_size for p in spelling))})")
    with served(tmp / "generated") as base:
        transfers = first_query_bytes(browser, base, args.first_query, args.typo_query)
    print(f"  first query {args.first_query!r}, and {args.typo_query!r}, on a fresh browser "
          "(responses, bytes, gzip-compressed):")
    for name, (count, raw, packed) in transfers.items():
        print(f"    {name:36} {count:3} responses, {kib(raw):>10}, gzip {kib(packed):>10}")
    return {"notices": args.notices, "build_seconds": seconds, "log": lines, "transfers": transfers}


if __name__ == "__main__":
    main()
