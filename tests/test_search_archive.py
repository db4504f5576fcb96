"""Search's archive (bulletin_search/archive.py): the present's notices in
the first bundle, each year of expired notices in a bundle of its own,
indexed once, its pages that change later in the archive's delta, and
merged in by the search page when the reader asks or the present finds
too little."""
import gzip
import hashlib
import json
import re

import pytest
from playwright.sync_api import expect

from browser import browser, served  # noqa: F401 (fixtures)
import bulletin_search.delta
from bulletin_search.delta import ARCHIVE_DELTA, page_ids
from bulletin_search.lemmas import words
from conftest import event_text, notice_text

CURRENT = "ilmoitukset/syyskokous/index.html"
PAST = {"2025": "ilmoitukset/kevatretki/index.html", "2024": "ilmoitukset/kesajuhla/index.html"}
PAST_BUNDLES = [f"pagefind-arkisto-{year}" for year in PAST]


def archive_site(site):
    site.notice("syyskokous.md", notice_text(title="Syyskokous", body="Kokoonnumme kerhohuoneella."))
    site.notice("kevatretki.md", event_text(title="Kevätretki", start="2025-05-10 10:00", date="2025-04-01",
                                             body="Retki Saimaan rantaan ja takaisin."))
    return site.notice("kesajuhla.md", notice_text(title="Kesäjuhla", date="2024-06-01",
                                                   body="Juhlimme kesää Vuoksen rannalla."))


def bundles(site):
    return sorted(p.name for p in site.output.glob("pagefind*"))


def fragments(site, bundle):
    """{fragment file: sha256} of a bundle: its pages as Pagefind wrote them."""
    return {p.name: hashlib.sha256(p.read_bytes()).hexdigest()
            for p in sorted((site.output / bundle / "fragment").iterdir())}


def fragment_text(site, bundle, page):
    fragment = site.output / bundle / "fragment" / f"{page_ids(site.output / bundle)[page]}.pf_fragment"
    return json.loads(gzip.decompress(fragment.read_bytes())[len(b"pagefind_dcd"):])["content"]


def test_each_past_year_has_a_bundle_with_only_its_pages(site):
    archive_site(site)
    assert site.build() == 0
    assert bundles(site) == ["pagefind", "pagefind-arkisto-2024", "pagefind-arkisto-2025"]
    present = set(page_ids(site.output / "pagefind"))
    assert CURRENT in present and not present & set(PAST.values())
    for year, page in PAST.items():
        assert set(page_ids(site.output / f"pagefind-arkisto-{year}")) == {page}
    archive = site.page("haku/").select_one("#bl-search")["data-archive"]
    assert archive == "/pagefind-arkisto-2025/ /pagefind-arkisto-2024/"  # newest first


def archive_changes(site):
    return json.loads((site.output / ARCHIVE_DELTA / "changes.json").read_text())


def entries(site):
    return {y: (site.output / f"pagefind-arkisto-{y}" / "pagefind-entry.json").stat().st_ino for y in PAST}


def test_a_changed_page_of_a_past_year_goes_to_the_archive_delta_and_its_year_moves_over(site):
    changed = archive_site(site)
    assert site.build() == 0
    before = {b: fragments(site, b) for b in bundles(site)}
    moved = entries(site)
    old_id = page_ids(site.output / "pagefind-arkisto-2024")[PAST["2024"]]
    assert site.page("haku/").select_one("#bl-search").get("data-archive-delta") is None
    changed.write_text(notice_text(title="Kesäjuhla", date="2024-06-01", body="Juhlimme kesää Imatrankosken rannalla."),
                       encoding="utf-8")
    assert site.build() == 0
    # both years moved over as they were: neither was indexed again
    assert entries(site) == moved
    assert {b: fragments(site, b) for b in PAST_BUNDLES} == {b: before[b] for b in PAST_BUNDLES}
    # the changed page is in the archive's delta, and its old result is dropped
    assert set(page_ids(site.output / ARCHIVE_DELTA)) == {PAST["2024"]}
    assert "Imatrankosken" in fragment_text(site, ARCHIVE_DELTA, PAST["2024"])
    new_id = page_ids(site.output / ARCHIVE_DELTA)[PAST["2024"]]
    assert archive_changes(site) == {"delta": [new_id], "superseded": [old_id]}
    search = site.page("haku/").select_one("#bl-search")
    assert search["data-archive-delta"] == "/pagefind-arkisto-delta/"
    # not in the present's delta (which holds at most the association page,
    # listing it among the earlier)
    delta = site.output / "pagefind-delta"
    assert not delta.exists() or set(page_ids(delta)) <= {"yhdistykset/testikyla/index.html"}
    # the next rebuild, after a change in the present, moves the years and
    # the archive's delta over: the delta is against the years as indexed
    site.notice("syyskokous.md", notice_text(title="Syyskokous", body="Kokoonnumme kahvilassa."))
    assert site.build() == 0
    assert entries(site) == moved
    assert archive_changes(site) == {"delta": [new_id], "superseded": [old_id]}


def test_too_many_changes_in_the_archive_index_their_years_again(site, monkeypatch):
    changed = archive_site(site)
    assert site.build() == 0
    moved = entries(site)
    monkeypatch.setattr(bulletin_search.delta, "delta_limit", lambda pages: 0)
    changed.write_text(notice_text(title="Kesäjuhla", date="2024-06-01", body="Juhlimme kesää Imatrankosken rannalla."),
                       encoding="utf-8")
    assert site.build() == 0
    after = entries(site)
    assert after["2025"] == moved["2025"]  # unchanged: moved over
    assert after["2024"] != moved["2024"]  # indexed again, with the page as it is now
    assert "Imatrankosken" in fragment_text(site, "pagefind-arkisto-2024", PAST["2024"])
    assert not (site.output / ARCHIVE_DELTA).exists()
    assert site.page("haku/").select_one("#bl-search").get("data-archive-delta") is None


def test_a_notice_that_expires_leaves_the_present_for_its_year(site):
    archive_site(site)
    assert site.build() == 0
    assert CURRENT in page_ids(site.output / "pagefind")
    assert site.build(today="2027-03-01") == 0
    assert set(page_ids(site.output / "pagefind-arkisto-2026")) == {CURRENT}


@pytest.fixture
def archived_site(site):
    archive_site(site)
    for number in range(3):  # enough for the present to answer a search of its own
        site.notice(f"kokous{number}.md", notice_text(title=f"Kokous {number}", body="Kokoonnumme kerhohuoneella."))
    assert site.build() == 0
    with served(site.output) as base:
        yield base


@pytest.fixture
def page(browser):
    context = browser.new_context()
    page = context.new_page()
    problems, requests = [], []
    page.on("pageerror", lambda error: problems.append(str(error)))
    page.on("response", lambda r: r.status >= 400 and problems.append(f"{r.status} {r.url}"))
    page.on("request", lambda r: requests.append(r.url))
    page.requests = requests
    yield page
    context.close()
    assert problems == []


def archive_requests(page):
    return [url for url in page.requests if "/pagefind-arkisto-" in url]


def test_a_search_the_present_answers_loads_no_archive(page, archived_site):
    page.goto(f"{archived_site}/haku/?q=kerhohuone")
    expect(page.get_by_role("status")).to_have_text("5 tulosta")  # and the association
    assert archive_requests(page) == []
    assert page.locator(".bl-result--archived").count() == 0
    expect(page.get_by_label("Hae myös arkistosta")).not_to_be_checked()
    expect(page.locator("#haku-arkistosta")).to_be_hidden()


def test_a_word_only_the_archive_has_is_found_there_and_marked(page, archived_site):
    page.goto(f"{archived_site}/haku/?q=kesäjuhla")
    expect(page.get_by_role("status")).to_have_text("1 tulos")
    expect(page.locator("#haku-arkistosta")).to_have_text("Arkistosta löytyi 1 vanhentunut ilmoitus.")
    result = page.locator(".bl-result")
    expect(result).to_have_count(1)
    expect(result.locator("h2 a")).to_have_text("Kesäjuhla")
    expect(result.locator(".bl-result__archived")).to_have_text("Arkistosta")
    assert archive_requests(page)


def test_the_archive_choice_is_part_of_the_address(page, archived_site):
    page.goto(f"{archived_site}/haku/?q=kerhohuoneella")
    expect(page.get_by_role("status")).to_have_text("5 tulosta")
    page.get_by_label("Hae myös arkistosta").check()
    expect(page).to_have_url(re.compile(r"[?&]arkisto=1"))
    # the present's results as before, then the archive's event "Kerhohuone, Imatra"
    expect(page.get_by_role("status")).to_have_text("6 tulosta")
    expect(page.locator(".bl-result").nth(5).locator("h2 a")).to_have_text("Kevätretki")
    expect(page.locator(".bl-result--archived")).to_have_count(1)
    expect(page.locator("#haku-arkistosta")).to_have_text("Arkistosta löytyi 1 vanhentunut ilmoitus.")
    page.goto(f"{archived_site}/haku/?q=retki&arkisto=1")
    expect(page.get_by_label("Hae myös arkistosta")).to_be_checked()
    expect(page.locator(".bl-result--archived h2 a")).to_have_text(["Kevätretki"])


def test_a_search_of_the_archive_finds_it_as_it_is_after_a_rebuild(site, page):
    changed = archive_site(site)
    site.notice("kevatkokous.md", notice_text(title="Kevätkokous", date="2026-03-01", body="Valitsimme hallituksen."))
    site.notice("joulu.md", notice_text(title="Joulumyyjäiset", body="Myymme piparkakkuja."))
    assert site.build() == 0
    changed.write_text(notice_text(title="Kesäjuhla", date="2024-06-01", body="Juhlimme kesää Pelkolan niityllä."),
                       encoding="utf-8")
    # a later day: the present's notices expire into 2026, a year indexed before
    assert site.build(today="2027-01-20") == 0
    assert {"ilmoitukset/joulu/index.html", PAST["2024"]} <= set(page_ids(site.output / ARCHIVE_DELTA))
    with served(site.output) as base:
        page.goto(f"{base}/haku/?q=pelkolan&arkisto=1")
        expect(page.get_by_role("status")).to_have_text("1 tulos")
        expect(page.locator(".bl-result--archived h2 a")).to_have_text(["Kesäjuhla"])
        page.goto(f"{base}/haku/?q=vuoksen&arkisto=1")  # the page's old text
        expect(page.get_by_role("status")).to_have_text("Ei tuloksia. Kokeile toista sanaa tai poista rajauksia.")
        page.goto(f"{base}/haku/?q=piparkakkuja")  # only the archive has it now
        expect(page.get_by_role("status")).to_have_text("1 tulos")
        expect(page.locator(".bl-result--archived h2 a")).to_have_text(["Joulumyyjäiset"])
        page.goto(f"{base}/haku/?q=hallituksen&arkisto=1")  # a page of 2026 as indexed before
        expect(page.locator(".bl-result--archived h2 a")).to_have_text(["Kevätkokous"])


def indexed_words(site, present):
    """The words Pagefind indexed in the present's bundles or the archive's:
    each page's text and its metadata (Pagefind searches both)."""
    found = set()
    for bundle in site.glob("pagefind*"):
        if (bundle.name in ("pagefind", "pagefind-delta")) != present:
            continue
        for fragment in (bundle / "fragment").iterdir():
            data = json.loads(gzip.decompress(fragment.read_bytes())[len(b"pagefind_dcd"):])
            meta = [value for key, value in data["meta"].items() if key != "date"]
            found.update(words(" ".join([data["content"], *meta])))
    return found


def test_the_lemma_map_names_exactly_the_words_only_the_archive_has(example_site):
    # the example has events, series, statuses, joint hiring, spaces, offers
    # and needs, expired notices of two years: the map's word lists are made
    # from the text Pagefind indexes, not from another drawing of the notices
    present, archive = indexed_words(example_site, True), indexed_words(example_site, False)
    listed = {"now": set(), "past": set()}
    for file in (example_site / "haku" / "lemmat").iterdir():
        table = json.loads(file.read_text(encoding="utf-8"))
        for part, found in listed.items():
            for forms in table.get(part, {}).values():
                found.update(forms)
    assert listed["past"] == archive - present
    assert listed["now"] <= present - archive


@pytest.fixture
def near_words_site(site):
    site.association("sienikerho", "name: Imatran Sienikerho ry\ndescription: Sienestystä.\n")
    site.notice("kaavoitus.md", notice_text(title="Kaavoitus", body="Ota kantaa kaavoitukseen."))
    site.notice("kokous.md", notice_text(title="Kokous", body="Sienikerhon kokous kerhohuoneella."))
    site.notice("sienet.md", notice_text(title="Sieniretki", association="sienikerho", date="2024-08-01",
                                         body="Keräsimme kantarelleja metsästä."))
    assert site.build() == 0
    with served(site.output) as base:
        yield base


def test_a_word_only_the_archive_has_is_not_answered_by_a_near_word_of_the_present(page, near_words_site):
    # Pagefind's present finds "kantaa" for "kantarelleja" and "kantarelli"
    for query in ("kantarelleja", "kantarelli"):
        page.goto(f"{near_words_site}/haku/?q={query}")
        expect(page.locator("#haku-arkistosta")).to_have_text("Arkistosta löytyi 1 vanhentunut ilmoitus.")
        expect(page.locator(".bl-result--archived h2 a")).to_have_text(["Sieniretki"])
    page.goto(f"{near_words_site}/haku/?q=kantarelleja")
    expect(page.get_by_role("status")).to_have_text("1 tulos")
    expect(page.locator(".bl-result h2 a")).to_have_text(["Sieniretki"])


def test_an_archived_notice_is_found_by_its_association_name(page, near_words_site):
    # the name is in the notice's metadata, not its text; the present has it too
    page.goto(f"{near_words_site}/haku/?q=sienikerho&arkisto=1")
    expect(page.locator(".bl-result--archived h2 a")).to_have_text(["Sieniretki"])
    titles = page.locator(".bl-result h2 a")
    expect(titles.first).not_to_have_text("Sieniretki")  # the present's first
