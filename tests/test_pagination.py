"""No page grows with the archive: listings in pages, feeds of the newest
items, a calendar of a window of days.

One site of generated notices (benchmarks/generate.py), built with small
limits, so that every listing has several pages."""
import gzip
import re
import sys
from collections import Counter
from datetime import date, timedelta
from xml.etree import ElementTree

import pytest
from bs4 import BeautifulSoup
from icalendar import Calendar

from bulletin_cli.cli import main
from conftest import ROOT

sys.path.append(str(ROOT / "benchmarks"))
from generate import generate  # noqa: E402

NOTICES = 600
PAGE_SIZE = 12
FEED_ITEMS = 15
AHEAD_DAYS = 20  # generated events begin up to 60 days after their notice
TODAY = date(2026, 12, 1)
GZIP_LIMIT = 60 * 1024
LISTING = re.compile(r"^(aiheet/[^/]+|arkisto/\d{4}/\d\d|avainsanat/[^/]+|yhdistykset/[^/]+|tapahtumat|tulosta)/")


@pytest.fixture(scope="module")
def site(tmp_path_factory):
    root = tmp_path_factory.mktemp("paged")
    content = generate(root / "content", NOTICES)
    settings = root / "paged.py"
    settings.write_text(f"exec(open({str(ROOT / 'pelicanconf.py')!r}).read())\n"
                        f"THEME = {str(ROOT / 'theme')!r}\nPLUGIN_PATHS = [{str(ROOT / 'plugins')!r}]\n"
                        f"BULLETIN_PAGE_SIZE = {PAGE_SIZE}\nBULLETIN_FEED_ITEMS = {FEED_ITEMS}\n"
                        f"BULLETIN_CALENDAR_AHEAD_DAYS = {AHEAD_DAYS}\n", encoding="utf-8")
    output = root / "output"
    assert main(["-s", str(settings), "build", "--content", str(content), "--output", str(output),
                 "--today", TODAY.isoformat()]) == 0
    return output


def soup(path):
    return BeautifulSoup(path.read_text(encoding="utf-8"), "html.parser")


def listing_roots(output):
    """The first page of every listing: index.html files whose folder is a listing's own."""
    roots = set()
    for path in output.rglob("index.html"):
        address = path.parent.relative_to(output).as_posix() + "/"
        match = LISTING.match(address)
        if match and address == match.group(0):
            roots.add(address)
    return sorted(roots)


def chain(output, root):
    """The pages of the listing at `root`, followed by their rel="next" links;
    checks each page's rel="prev" and its visible navigation on the way."""
    pages, address, previous = [], root, None
    while address is not None:
        page = soup(output / address / "index.html")
        pages.append((address, page))
        prev = page.find("link", rel="prev")
        assert (prev["href"] if prev else None) == (f"/{previous}" if previous else None), address
        nxt = page.find("link", rel="next")
        nav = page.select_one("nav.bl-pager")
        if nxt or prev:
            assert nav is not None and nav["aria-label"] == "Sivut"
            assert nav.select_one('[aria-current="page"]')["href"] == f"/{address}"
            assert nav.find("a", rel="next", string="Seuraava sivu")["href"] == nxt["href"] if nxt else True
            assert nav.find("a", rel="prev", string="Edellinen sivu")["href"] == prev["href"] if prev else True
        else:
            assert nav is None
        previous, address = address, (nxt["href"].lstrip("/") if nxt else None)
        assert len(pages) < 1000
    return pages


def listed(page):
    return [a["href"] for a in page.select("main .bl-item__title a, main .bl-board__title a")]


@pytest.fixture(scope="module")
def listings(site):
    return {root: chain(site, root) for root in listing_roots(site)}


def test_every_listing_page_is_small_and_holds_at_most_a_page_of_entries(site, listings):
    assert len(listings) > 50
    assert sum(len(pages) > 1 for pages in listings.values()) > 20
    for root, pages in listings.items():
        for address, page in pages:
            assert len(listed(page)) <= PAGE_SIZE, address
            assert len(gzip.compress((site / address / "index.html").read_bytes(), 6)) <= GZIP_LIMIT, address


def test_the_chain_reaches_every_page_written(site, listings):
    written = {p.parent.relative_to(site).as_posix() + "/" for p in site.rglob("sivu/*/index.html")}
    chained = {address for pages in listings.values() for address, _ in pages[1:]}
    assert written == chained
    sitemap = (site / "sitemap.xml").read_text(encoding="utf-8")
    assert all(f"/{address}</loc>" in sitemap for address in written)


def archive_facts(listings):
    """Every notice once, from the archive months: address -> (category label, expired)."""
    facts = Counter()
    info = {}
    for root, pages in listings.items():
        if root.startswith("arkisto/"):
            for _, page in pages:
                for item in page.select("main .bl-item"):
                    href = item.select_one(".bl-item__title a")["href"]
                    facts[href] += 1
                    by = item.select_one(".bl-item__by")
                    info[href] = (by.get_text().split("·")[1].strip(), by.select_one(".bl-item__expired") is not None)
    return facts, info


def test_every_notice_is_on_exactly_one_page_of_its_month_and_its_category(site, listings):
    facts, info = archive_facts(listings)
    # notices dated after the build's day are not published yet
    written = {f"/{p.parent.relative_to(site).as_posix()}/" for p in site.glob("ilmoitukset/*/index.html")}
    assert set(facts) == written and len(written) > NOTICES * 0.8 and set(facts.values()) == {1}
    labels = {}
    for root, pages in listings.items():
        if root.startswith("aiheet/"):
            labels[pages[0][1].find("h1").get_text().split(" – ")[0]] = Counter(
                href for _, page in pages for href in listed(page))
    for label, counted in labels.items():
        expected = {href for href, (category, expired) in info.items() if category == label and not expired}
        assert set(counted) == expected and set(counted.values()) <= {1}, label
    assert sum(len(c) for c in labels.values()) > 3 * FEED_ITEMS


def published(site, href):
    page = soup(site / href.strip("/") / "index.html")
    return page.find("meta", property="article:published_time")["content"][:10]


def test_feeds_carry_the_newest_items_only(site, listings):
    _, info = archive_facts(listings)
    current = [href for href, (_, expired) in info.items() if not expired]
    dates = {href: published(site, href) for href in current}
    for name in ("kaikki.rss.xml", "kaikki.atom.xml"):
        tree = ElementTree.parse(site / "syotteet" / name)
        links = [e.text for e in tree.iter("guid")] or [e.text for e in tree.iter("{http://www.w3.org/2005/Atom}id")][1:]
        hrefs = [re.sub(r"^https?://[^/]+", "", link) for link in links]
        assert len(hrefs) == FEED_ITEMS < len(current)
        left_out = set(current) - set(hrefs)
        assert min(dates[h] for h in hrefs) >= max(dates[h] for h in left_out), name
    for path in (site / "syotteet" / "aiheet").glob("*.rss.xml"):
        assert len(list(ElementTree.parse(path).iter("item"))) <= FEED_ITEMS


def starts(path):
    calendar = Calendar.from_ical(path.read_bytes())
    return {str(e["UID"]): e.decoded("DTSTART") for e in calendar.walk("VEVENT")}


def day(value):
    return value.date() if hasattr(value, "date") else value


def test_the_site_calendar_holds_the_window_of_days_only(site):
    listed_events = starts(site / "kalenteri" / "tapahtumat.ics")
    assert listed_events
    until = TODAY + timedelta(days=AHEAD_DAYS)
    assert all(day(start) <= until for start in listed_events.values())
    beyond = {uid for path in site.glob("ilmoitukset/*/tapahtuma.ics") for uid, start in starts(path).items()
              if day(start) > until}
    assert beyond and not beyond & set(listed_events)


@pytest.mark.parametrize("scheme", ["light", "dark"])
def test_axe_finds_nothing_on_a_page_of_a_listing(site, listings, scheme):
    from browser import chromium, served
    from test_a11y_machine_checks import AXE, run_axe

    if not AXE.is_file():
        pytest.skip("axe-core is not installed: tests/install-and-run installs it")
    longest = max(listings.values(), key=len)
    # the middle page of the longest listing (links both ways) and the second
    # page of an association's notices (its own template)
    addresses = [longest[len(longest) // 2][0], next(pages[1][0] for root, pages in listings.items()
                                                    if root.startswith("yhdistykset/") and len(pages) > 1)]
    with served(site) as base, chromium() as browser:
        context = browser.new_context(color_scheme=scheme, bypass_csp=True)
        for address in addresses:
            page = context.new_page()
            page.goto(f"{base}/{address}")
            assert run_axe(page) == [], address
        context.close()


def test_page_numbers_show_both_ends_and_the_neighbours():
    from bulletin_pages.pagination import paginate

    pages = paginate("x/", [("a", range(95)), ("b", range(3))], 10, "{listing}sivu/{number}/")
    assert [p.url for p in pages[:3]] == ["x/", "x/sivu/2/", "x/sivu/3/"] and len(pages) == 10
    assert pages[4].numbers() == [1, None, 3, 4, 5, 6, 7, None, 10]
    assert pages[9].sections == [("a", [90, 91, 92, 93, 94]), ("b", [0, 1, 2])]
    assert pages[0].prev_url is None and pages[9].next_url is None
    assert paginate("y/", [("a", [])], 10, "{listing}sivu/{number}/")[0].numbers() == [1]
