"""How fast and how small: the bulletin's build against bare Pelican and Hugo.

    .venv/bin/python benchmarks/build_bench.py --notices 5000 --repeat 3

Generates N notices (any number; benchmarks/generate.py), then measures,
taking the median of --repeat runs:
- a cold `bulletin build` (fresh output, no cache), and warm rebuilds with
  nothing changed, after one notice changed and after one notice was added;
- bare Pelican (default theme and feeds) + Pagefind on the same notices, and
  Hugo (when installed) with a minimal theme + Pagefind;
- publishing the output as `bulletin publish` does (ghp-import, pushed to a
  repository on the same machine), the first time and after one change;
- peak memory of any single process of each run, child processes included;
- output size, the gzip-compressed HTML and CSS of the largest notice page,
  the gzip-compressed HTML of the largest listing page (and of the largest
  page of any kind), and the bytes a first search query transfers (Chromium,
  when the site has a search page).
It prints a table with the ratios to the baselines. Run it from the
repository root on a quiet machine; everything is written under --work.
"""
import argparse
import gzip
import json
import os
import re
import shutil
import statistics
import subprocess
import sys
import tempfile
from pathlib import Path

from baselines import hugo_site, pelican_site
from generate import DAYS, generate

ROOT = Path(__file__).resolve().parents[1]
sys.path.append(str(ROOT / "tests"))  # browser.py: Chromium and a local server
BIN = Path(sys.executable).parent
TODAY = "2026-12-01"
GZIP_LEVEL = 6  # what web servers commonly use

# Runs a command in a fresh process and reports its time and the largest
# resident set of any process it waited for: RUSAGE_CHILDREN covers
# grandchildren too (Pagefind under the build), as they are waited for.
RUNNER = """
import json, resource, subprocess, sys, time
with open(sys.argv[1], "ab") as log:
    start = time.perf_counter()
    code = subprocess.run(sys.argv[2:], stdout=log, stderr=log).returncode
    seconds = time.perf_counter() - start
usage = resource.getrusage(resource.RUSAGE_CHILDREN)
print(json.dumps({"seconds": seconds, "cpu": usage.ru_utime + usage.ru_stime, "rss_kb": usage.ru_maxrss,
                  "code": code}))
"""


class Run:
    """Runs one command; returns {seconds, cpu (user+system), rss (bytes)}.
    Python writes its bytecode, as it does by default on a user's machine:
    an environment that turns that off (PYTHONDONTWRITEBYTECODE) would have
    every build compile the plugins' code again (0.1 s)."""

    def __init__(self, work):
        self.log = work / "commands.log"
        self.env = {k: v for k, v in os.environ.items() if k != "PYTHONDONTWRITEBYTECODE"}

    def __call__(self, *cmd, cwd=ROOT):
        out = subprocess.run([sys.executable, "-c", RUNNER, str(self.log), *map(str, cmd)],
                             cwd=cwd, capture_output=True, text=True, check=True, env=self.env)
        result = json.loads(out.stdout)
        if result["code"]:
            sys.exit(f"failed: {' '.join(map(str, cmd))}\nsee {self.log}")
        return {"seconds": result["seconds"], "cpu": result["cpu"], "rss": result["rss_kb"] * 1024}


def steps(run, commands):
    """Several commands one after another: times add up, memory is the peak."""
    results = [run(*cmd, cwd=cwd) for cmd, cwd in commands]
    return {"seconds": sum(r["seconds"] for r in results), "cpu": sum(r["cpu"] for r in results),
            "rss": max(r["rss"] for r in results)}


def median_of(repeat, measure):
    """Median times of `repeat` runs, and the highest peak memory seen."""
    results = [measure() for _ in range(repeat)]
    return {"seconds": statistics.median(r["seconds"] for r in results),
            "cpu": statistics.median(r["cpu"] for r in results),
            "rss": max(r["rss"] for r in results)}


def folder_bytes(folder):
    files = [p for p in Path(folder).rglob("*") if p.is_file()]
    return sum(p.stat().st_size for p in files), len(files)


def gz(data):
    return len(gzip.compress(data, GZIP_LEVEL, mtime=0))


def page_weight(site, page):
    """Compressed bytes of a page and the stylesheets it links."""
    html = page.read_bytes()
    total = gz(html)
    for href in re.findall(rb'<link[^>]+rel="?stylesheet"?[^>]*href="([^"]+)"', html) + \
            re.findall(rb'<link[^>]+href="([^"]+)"[^>]*rel="?stylesheet"?', html):
        href = href.decode().split("?")[0]
        css = site / href.lstrip("/") if href.startswith("/") else page.parent / href
        total += gz(css.read_bytes())
    return total


def renders_without_javascript(site, page):
    """Whether Chromium with JavaScript off shows the page's heading and
    text laid out by its stylesheet."""
    from browser import chromium, served

    with served(site) as base, chromium() as browser:
        tab = browser.new_context(java_script_enabled=False).new_page()
        tab.goto(f"{base}/{page.relative_to(site).as_posix()}")
        heading = tab.locator("h1").first
        text = tab.locator("p", has_text=re.compile(r"\w{4}")).last
        return heading.is_visible() and text.is_visible()


def largest(pages):
    return max(pages, key=lambda p: p.stat().st_size)


def first_search_bytes(site, query):
    """Bytes Chromium fetches to open the search page with a query and show
    its results: (bytes as stored, bytes a gzip-serving host would send,
    number of files)."""
    from browser import chromium, served
    from playwright.sync_api import expect

    with served(site) as base, chromium() as browser:
        page = browser.new_page()
        responses = []
        page.on("response", lambda response: responses.append(response))
        page.goto(f"{base}/haku/?q={query}")
        # The page's status line says when the results are shown (a locator:
        # the page's CSP allows no script from the test).
        expect(page.locator("#haku-tila")).to_have_text(re.compile(r"tulos|Ei tuloksia"), timeout=60000)
        page.wait_for_load_state("networkidle")
        raw = packed = 0
        for response in responses:
            body = response.body()
            raw += len(body)
            # Pagefind's index files are gzip already; a host compresses the rest.
            packed += len(body) if body.startswith(b"\x1f\x8b") else gz(body)
    return raw, packed, len(responses)


# `bulletin publish`'s step after the build: the output as one commit of
# gh-pages, pushed (here to a repository on the same machine).
PUBLISH = """
import sys, ghp_import
ghp_import.ghp_import(sys.argv[1], remote="origin", branch="gh-pages", push=True, nojekyll=True,
                      mesg="Julkaistu", no_history=True, force=True)
"""


def publishing(run, work, out):
    """Measures publishing the output: the first time, and again after one
    notice changed (the rebuild not counted), as each deploy does."""
    site, remote = work / "publish" / "site", work / "publish" / "remote.git"
    shutil.rmtree(work / "publish", ignore_errors=True)
    subprocess.run(["git", "init", "-q", "--bare", remote], check=True)
    subprocess.run(["git", "init", "-q", site], check=True)
    subprocess.run(["git", "-C", site, "remote", "add", "origin", remote], check=True)
    publish = [sys.executable, "-c", PUBLISH, out]
    return run(*publish, cwd=site), lambda: run(*publish, cwd=site)


def change_one_notice(content, round_):
    notice = sorted((content / "notices").rglob("*.md"))[len(round_) * 7 % 100]
    with open(notice, "a", encoding="utf-8") as out:
        out.write(f"\nLisäys {len(round_)}: aikataulu tarkentui.\n")
    round_.append(notice)


def add_one_notice(content, round_):
    """A new notice: a copy of a generated one under a new name (its own address)."""
    source = sorted((content / "notices").rglob("*.md"))[len(round_) * 11 % 100]
    target = content / "notices" / "lisatyt" / f"lisatty-{len(round_) + 1:03d}.md"
    target.parent.mkdir(exist_ok=True)
    target.write_bytes(source.read_bytes())
    round_.append(target)


# Listings (bulletin_pages): categories, archive months, tags, associations,
# events, the print sheet, and their pages 2, 3, ...
LISTING = re.compile(r"^(aiheet/[^/]+|arkisto/\d{4}/\d\d|avainsanat/[^/]+|yhdistykset/[^/]+|tapahtumat|tulosta)"
                     r"/(sivu/\d+/)?index\.html$")


def largest_compressed(site, pattern=None):
    """(gzip bytes, address) of the largest compressed HTML page, of those
    whose address matches `pattern` (None: every page)."""
    found = (0, "")
    for page in site.rglob("*.html"):
        address = page.relative_to(site).as_posix()
        if pattern is None or pattern.match(address):
            found = max(found, (gz(page.read_bytes()), address))
    return found


def fmt_s(value):
    return f"{value:.2f} s"


def fmt_b(value):
    return f"{value / 1024 / 1024:.1f} MB" if value > 10 * 1024 * 1024 else f"{value / 1024:.1f} KB"


def main():
    p = argparse.ArgumentParser(description="Benchmark the bulletin build against Pelican and Hugo.")
    p.add_argument("--notices", type=int, default=1000, help="how many notices to generate (any number)")
    p.add_argument("--days", type=int, default=DAYS,
                   help="the days over which the notices were published (3653: a ten-year archive)")
    p.add_argument("--repeat", type=int, default=3, help="runs per measurement; the median is shown")
    p.add_argument("--work", type=Path, help="working folder (default: a new temporary folder)")
    p.add_argument("--query", default="konsertti", help="the first search query")
    p.add_argument("--no-hugo", action="store_true", help="skip Hugo even when installed")
    args = p.parse_args()

    work = (args.work or Path(tempfile.mkdtemp(prefix="bulletin-bench-"))).resolve()
    work.mkdir(parents=True, exist_ok=True)
    run = Run(work)
    shutil.rmtree(work / "content", ignore_errors=True)
    content = generate(work / "content", args.notices, days=args.days)
    print(f"{args.notices} notices over {args.days} days in {content}", file=sys.stderr)
    results = {}

    # --- the bulletin -------------------------------------------------------
    out = work / "bulletin"
    from bulletin_cli.project import cache_path
    build = [BIN / "bulletin", "build", "--content", content, "--output", out, "--today", TODAY]

    def cold():
        shutil.rmtree(out, ignore_errors=True)
        shutil.rmtree(cache_path(out), ignore_errors=True)
        return run(*build)

    changed, added = [], []

    def warm():
        change_one_notice(content, changed)
        return run(*build)

    def added_one():
        add_one_notice(content, added)
        return run(*build)

    results["bulletin"] = {"cold": median_of(args.repeat, cold)}
    results["bulletin"]["unchanged"] = median_of(args.repeat, lambda: run(*build))
    results["bulletin"]["warm"] = median_of(args.repeat, warm)
    results["bulletin"]["added"] = median_of(args.repeat, added_one)
    first, again = publishing(run, work, out)
    results["bulletin"]["publish_first"] = first
    results["bulletin"]["publish"] = median_of(args.repeat, lambda: (warm(), again())[1])
    results["bulletin"]["size"] = folder_bytes(out)
    results["bulletin"]["cache"] = folder_bytes(cache_path(out))
    results["bulletin"]["listing"] = largest_compressed(out, LISTING)
    results["bulletin"]["any_page"] = largest_compressed(out)
    notice_pages = list((out / "ilmoitukset").glob("*/index.html"))
    page = largest(notice_pages)
    results["bulletin"]["page"] = (page_weight(out, page), renders_without_javascript(out, page))

    # --- bare Pelican + Pagefind -------------------------------------------
    pelican_folder = work / "pelican"
    settings = pelican_site(content, pelican_folder)
    pelican_out = pelican_folder / "out"
    pagefind = [sys.executable, "-m", "pagefind", "--site"]

    def pelican_cold():
        shutil.rmtree(pelican_out, ignore_errors=True)
        return steps(run, [([BIN / "pelican", "-s", settings, "-o", pelican_out, "-q"], pelican_folder),
                           ([*pagefind, pelican_out], pelican_folder)])

    results["pelican"] = {"cold": median_of(args.repeat, pelican_cold), "size": folder_bytes(pelican_out)}
    stems = {p.stem for p in (content / "notices").rglob("*.md")}
    pelican_pages = [p for p in pelican_out.glob("*.html") if p.stem in stems]
    page = largest(pelican_pages)
    results["pelican"]["page"] = (page_weight(pelican_out, page), renders_without_javascript(pelican_out, page))

    # --- Hugo + Pagefind ----------------------------------------------------
    hugo = shutil.which("hugo")
    if hugo and not args.no_hugo:
        hugo_folder = hugo_site(content, work / "hugo")
        hugo_out = hugo_folder / "out"

        def hugo_cold():
            shutil.rmtree(hugo_out, ignore_errors=True)
            shutil.rmtree(hugo_folder / "resources", ignore_errors=True)
            return steps(run, [([hugo, "--quiet", "-d", hugo_out], hugo_folder),
                               ([*pagefind, hugo_out], hugo_folder)])

        results["hugo"] = {"cold": median_of(args.repeat, hugo_cold), "size": folder_bytes(hugo_out)}
        hugo_pages = list((hugo_out / "ilmoitukset").rglob("index.html"))
        page = largest([p for p in hugo_pages if p.parent.name in stems])
        results["hugo"]["page"] = (page_weight(hugo_out, page), renders_without_javascript(hugo_out, page))

    if (out / "haku" / "index.html").exists():
        results["bulletin"]["search"] = first_search_bytes(out, args.query)
    report(args, results)
    (work / "results.json").write_text(json.dumps(results, indent=1), encoding="utf-8")


def report(args, results):
    ours = results["bulletin"]
    peers = [name for name in ("pelican", "hugo") if name in results]
    titles = {"pelican": "Pelican+Pagefind", "hugo": "Hugo+Pagefind"}
    head = ["", "bulletin", *(titles[n] for n in peers), *(f"÷ {titles[n]}" for n in peers)]
    rows = []

    def row(label, mine, theirs, show):
        ratios = [f"{mine / t:.2f}×" if t else "–" for t in theirs]
        rows.append([label, show(mine), *(show(t) if t else "–" for t in theirs), *ratios])

    def note(label, text):
        rows.append([label, text, *[""] * (2 * len(peers))])

    for key, label in (("seconds", "cold build, wall"), ("cpu", "cold build, CPU")):
        row(label, ours["cold"][key], [results[n]["cold"][key] for n in peers], fmt_s)
    for kind, what in (("unchanged", "nothing changed"), ("warm", "1 notice changed"), ("added", "1 notice added")):
        for key, label in (("seconds", "rebuild, wall"), ("cpu", "rebuild, CPU")):
            note(f"{label} ({what})",
                 f"{fmt_s(ours[kind][key])} = {ours[kind][key] / ours['cold'][key]:.2f}× our cold")
    note("publish to gh-pages (ghp-import, push), first", fmt_s(ours["publish_first"]["seconds"]))
    note("publish again after 1 notice changed", fmt_s(ours["publish"]["seconds"]))
    row("peak memory, any one process", max(ours[k]["rss"] for k in ("cold", "unchanged", "warm", "added")),
        [results[n]["cold"]["rss"] for n in peers], fmt_b)
    row("output size", ours["size"][0], [results[n]["size"][0] for n in peers], fmt_b)
    row("output files", ours["size"][1], [results[n]["size"][1] for n in peers], str)
    note("output + cache, what a deploy restores", fmt_b(ours["size"][0] + ours["cache"][0]))
    row("largest notice page, gzip HTML+CSS", ours["page"][0], [results[n]["page"][0] for n in peers], fmt_b)
    rows.append(["  renders with JavaScript off", "yes" if ours["page"][1] else "no",
                 *("yes" if results[n]["page"][1] else "no" for n in peers), *[""] * len(peers)])
    note("largest listing page, gzip HTML", f"{fmt_b(ours['listing'][0])} ({ours['listing'][1]})")
    note("largest page of any kind, gzip HTML", f"{fmt_b(ours['any_page'][0])} ({ours['any_page'][1]})")
    if "search" in ours:
        raw, compressed, count = ours["search"]
        note(f"first search {args.query!r}", f"{fmt_b(raw)} in {count} files ({fmt_b(compressed)} gzip)")
    else:
        note("first search", "no search page in this build")
    widths = [max(len(str(r[i])) for r in [head, *rows]) for i in range(len(head))]
    print(f"\n{args.notices} notices published over {args.days} days, median of {args.repeat} runs")
    for r in [head, *rows]:
        print("  ".join(str(c).ljust(w) for c, w in zip(r, widths)).rstrip())


if __name__ == "__main__":
    main()
