"""The search page in Debian's Chromium, on the built example content.

Every page carries its Content-Security-Policy in a <meta>; the search page's
adds only what Pagefind needs (bulletin_csp, search.html), so these tests also
show that policy is enough.
"""
import json
import re
import time
from datetime import date
from urllib.parse import parse_qs, quote, urlsplit

import pytest
from bs4 import BeautifulSoup
from playwright.sync_api import expect

from browser import beside, browser, description, example_base, served  # noqa: F401 (fixtures)
from bulletin_search.lemmas import file_key, words
from conftest import event_text, notice_text

# the status once a search is done: a count, some words found, or none,
# after the days that words of the query named (tänään: "la 5.12.2026: ")
COUNT = re.compile(r"^(?:[^:]+\d{4}: )?(\d+ tulosta|1 tulos|Ei tuloksia.*|Mikään ilmoitus ei sisällä kaikkia hakusanoja.*)$")


@pytest.fixture(scope="module")
def base(example_base):
    return example_base


@pytest.fixture
def page(browser):
    context = browser.new_context()
    page = context.new_page()
    problems = []
    # Chromium asks for /favicon.ico, which the site does not have; the
    # site's own requests are checked by their responses instead.
    page.on("console", lambda m: m.type in ("error", "warning") and not m.text.startswith("Failed to load resource")
            and problems.append(m.text))
    page.on("response", lambda r: r.status >= 400 and problems.append(f"{r.status} {r.url}"))
    page.on("pageerror", lambda error: problems.append(str(error)))
    yield page
    context.close()
    assert problems == []  # no CSP violation, no script error


def search(page, base, query=""):
    page.goto(f"{base}/haku/{query}")
    status = page.get_by_role("status")
    expect(status).to_have_text(COUNT)
    return status.inner_text()


def address(href):
    """The address of a link under the site, with its #item if it has one."""
    parts = urlsplit(href)
    return parts.path + (f"#{parts.fragment}" if parts.fragment else "")


def results(page):
    """[(address, title, details line, excerpt text, [marked words])] as shown."""
    shown = []
    for item in page.locator(".bl-result").all():
        link = item.locator("h2 a")
        shown.append((address(link.get_attribute("href")), link.inner_text(),
                      item.locator(".bl-result__meta").inner_text(),
                      item.locator(".bl-result__excerpt").inner_text(),
                      item.locator(".bl-result__excerpt mark").all_inner_texts()))
    return shown


def addresses(page):
    return [r[0] for r in results(page)]


def show_all(page):
    """Press "Näytä lisää" until every result is shown."""
    while page.locator("#haku-lisaa").is_visible():
        before = page.locator(".bl-result").count()
        page.click("#haku-lisaa")
        expect(page.locator(".bl-result")).not_to_have_count(before)


def count_of(status):
    return 1 if status == "1 tulos" else int(status.split()[0]) if status[0].isdigit() else 0


@pytest.mark.parametrize("query, notice", [
    ("asukastupa", "joulumyyjaiset-talkoovaki"),  # the notice says "asukastuvalle"
    ("asukastuvalla", "joulumyyjaiset-talkoovaki"),
    ("talkooväki", "joulumyyjaiset-talkoovaki"),  # "talkooväelle", "Talkooväkeä"
    ("talkooväelle", "joulumyyjaiset-talkoovaki"),
    ("kahvinkeittäjä", "joulumyyjaiset-talkoovaki"),  # "kahvinkeittäjiä"
    ("seurakuntakeskus", "puurojuhla-silta"),  # "seurakuntakeskuksen"
    ("vakuutus", "yhteinen-varasto-vuoksenniska"),  # "vakuutuksesta"
    ("asukastupa joulumyyjäiset", "joulumyyjaiset-vuoksenniska"),
])
def test_base_and_inflected_forms_find_the_notice(page, base, query, notice):
    search(page, base, f"?q={query}")
    show_all(page)  # spaces named for the same places may come first
    assert f"/ilmoitukset/{notice}/" in addresses(page)


def test_pagefind_runs_on_the_page_without_loading_its_worker(page, base):
    fetched = []
    page.on("request", lambda request: fetched.append(request.url))
    search(page, base, "?q=asukastupa")
    assert results(page)
    assert any(url.endswith("/pagefind/pagefind.js") for url in fetched)
    assert not [url for url in fetched if "worker" in url]  # 41 KB a first search does not need


def plain_pagefind(page, query):
    return page.evaluate("""async (q) => {
        const pf = await import('/pagefind/pagefind.js');
        const found = await pf.search(q);
        return Promise.all(found.results.map(async (r) => (await r.data()).url));
    }""", query)


@pytest.mark.parametrize("query, notice", [
    ("seurakuntakeskus", "puurojuhla-silta"),
    ("vakuutus", "yhteinen-varasto-vuoksenniska"),
])
def test_plain_pagefind_misses_what_the_lemma_map_finds(page, base, query, notice):
    search(page, base, f"?q={query}")
    assert f"/ilmoitukset/{notice}/" in addresses(page)
    assert f"/ilmoitukset/{notice}/" not in plain_pagefind(page, query)


def page_words(example_site, address):
    """The words of a page, or of the page an item (#tarjous-1) is on."""
    page = address.split("#")[0].strip("/")
    soup = BeautifulSoup((example_site / page / "index.html").read_text(encoding="utf-8"),
                         "html.parser")
    return set(words(soup.select_one("main").get_text(" ")))


@pytest.mark.parametrize("query", ["asukastupa", "talkooväki", "joulu", "kerhohuone"])
def test_excerpts_are_in_the_words_of_the_page_with_the_match_marked(page, base, example_site, query):
    search(page, base, f"?q={query}")
    shown = results(page)
    assert shown
    for address, title, _details, excerpt, marks in shown:
        on_page = page_words(example_site, address)
        assert set(words(excerpt)) <= on_page, f"{address}: {set(words(excerpt)) - on_page}"
        assert marks, f"{address}: nothing marked in {excerpt!r}"
        assert {m.lower() for m in marks} <= on_page


def test_every_form_of_the_query_word_is_marked(page, base):
    search(page, base, "?q=talkooväki")
    [(_, title, details, excerpt, marks)] = [r for r in results(page) if "talkoovaki" in r[0]]
    assert title == "Talkooväkeä joulumyyjäisiin – leipojia, myyjiä ja kahvinkeittäjiä"
    assert details == "Julkaistu 22.11.2026 · Vuoksenniskan Asukkaat ry · Vapaaehtoiset"
    assert {"Talkooväkeä", "talkooväelle"} <= set(marks)


def test_an_event_result_shows_its_time_and_an_association_result_says_so(page, base):
    search(page, base, "?q=joulumyyjäiset")
    by_address = {r[0]: r for r in results(page)}
    event = by_address["/ilmoitukset/joulumyyjaiset-vuoksenniska/"]
    assert event[2] == "la 5.12.2026 klo 10.00–14.00 · Vuoksenniskan Asukkaat ry · Tapahtumat"
    search(page, base, "?q=asukastupa")
    show_all(page)  # its offer and need are found as well
    by_address = {r[0]: r for r in results(page)}
    assert by_address["/yhdistykset/vuoksenniskan-asukkaat/"][2] == "Yhdistys"
    assert by_address["/yhdistykset/vuoksenniskan-asukkaat/#tarjous-2"][2] == "Tarjous"


def expired(soup):
    return soup.select_one('meta[data-pagefind-meta="expired[content]"]') is not None


def notice_filters(example_site, archive=True):
    """{address: {filter: [values]}} of every notice page, from the built
    HTML; without `archive`, of the current notices only."""
    found = {}
    for path in (example_site / "ilmoitukset").glob("*/index.html"):
        soup = BeautifulSoup(path.read_text(encoding="utf-8"), "html.parser")
        if not archive and expired(soup):
            continue
        fields = {}
        for meta in soup.select("meta[data-pagefind-filter]"):
            fields.setdefault(meta["data-pagefind-filter"].removesuffix("[content]"), []).append(meta["content"])
        found[f"/ilmoitukset/{path.parent.name}/"] = fields
    return found


def test_a_filter_narrows_the_results_and_goes_into_the_address(page, base, example_site):
    everything = count_of(search(page, base, "?q=asukastupa"))
    page.select_option("#haku-aihe", "tilat")
    status = page.get_by_role("status")
    expect(status).not_to_have_text(re.compile(rf"^{everything} tulosta$"))
    expect(status).to_have_text(COUNT)
    narrowed = count_of(status.inner_text())
    assert 0 < narrowed < everything
    filters = notice_filters(example_site)
    for address, *_ in results(page):
        assert filters[address]["category"] == ["tilat"]
    assert parse_qs(urlsplit(page.url).query) == {"q": ["asukastupa"], "category": ["tilat"]}
    # the address gives the same search again
    page.reload()
    expect(page.locator("#haku-aihe")).to_have_value("tilat")
    expect(status).to_have_text(f"{narrowed} tulosta" if narrowed > 1 else "1 tulos")


@pytest.mark.parametrize("query, key, value", [
    ("?category=tilat", "category", "tilat"),
    ("?association=vuoksenniskan-asukkaat", "association", "vuoksenniskan-asukkaat"),
    ("?group=el%C3%A4kel%C3%A4iset", "group", "eläkeläiset"),
    ("?upcoming=1", "upcoming", "1"),
])
@pytest.mark.parametrize("archive", [False, True])
def test_browsing_by_a_filter_with_no_words_lists_every_match(page, base, example_site, query, key, value, archive):
    # the expired notices when the archive is asked for (arkisto=1)
    status = search(page, base, query + ("&arkisto=1" if archive else ""))
    expected = {a for a, f in notice_filters(example_site, archive).items() if value in f.get(key, [])}
    if key in ("association", "group"):  # association pages, and their offers and needs, carry these too
        for slug in association_filters(example_site, key, value):
            soup = BeautifulSoup((example_site / "yhdistykset" / slug / "index.html").read_text(encoding="utf-8"),
                                 "html.parser")
            expected |= {f"/yhdistykset/{slug}/"} | {f"/yhdistykset/{slug}/#{li['id']}" for li in soup.select("li[id]")}
    assert count_of(status) == len(expected)
    show_all(page)
    expect(page.locator(".bl-result")).to_have_count(len(expected))
    assert set(addresses(page)) == expected


@pytest.mark.parametrize("query, label, value, field", [
    ("?category=xyz", "Aihe", "xyz", "#haku-aihe"),  # was dropped without a word: the prompt, as if none were given
    ("?q=asukastupa&association=ei-ole", "Yhdistys", "ei-ole", "#haku-yhdistys"),  # was every result
    ("?q=asukastupa&upcoming=kyll%C3%A4", "Vain tulevat tapahtumat", "kyllä", "#haku-tulevat"),
])
def test_a_filter_value_the_form_does_not_offer_is_said_beside_it_as_on_tilat(page, base, query, label, value,
                                                                             field):
    page.goto(f"{base}/haku/{query}")
    said = f"Rajauksen ”{label}” arvoa ”{value}” ei ymmärretty, eikä hakua rajattu sen mukaan."
    status = page.get_by_role("status")
    expect(status).to_have_text(re.compile("^" + re.escape(said) + " (Kirjoita hakusana|\\d+ tulosta)"))
    # a status filled as the page opens is not announced: the field says it, beside it and when reached
    assert beside(page, field) == said and description(page, field) == said
    # a search the reader makes is by the form's filters: the message goes
    page.locator("#haku-q").fill("kuoro")
    page.locator("#haku-q").press("Enter")
    expect(status).to_have_text(COUNT)
    assert beside(page, field) is None and description(page, field) == ""


def association_filters(example_site, key, value):
    slugs = []
    for path in (example_site / "yhdistykset").glob("*/index.html"):
        soup = BeautifulSoup(path.read_text(encoding="utf-8"), "html.parser")
        if soup.select_one(f'meta[data-pagefind-filter="{key}[content]"][content="{value}"]'):
            slugs.append(path.parent.name)
    return slugs


def test_upcoming_events_are_browsed_soonest_first(page, base, example_site):
    search(page, base, "?upcoming=1")
    dates = []
    for address in addresses(page):
        soup = BeautifulSoup((example_site / address.strip("/") / "index.html").read_text(encoding="utf-8"),
                             "html.parser")
        dates.append(soup.select_one('meta[data-pagefind-sort="date[content]"]')["content"])
    assert dates == sorted(dates) and dates[0] >= "2026-12-01"


def test_the_count_is_announced_and_more_results_come_on_request(page, base):
    status = search(page, base, "?q=joulu")
    assert page.locator("#haku-tila").get_attribute("role") == "status"
    total = count_of(status)
    assert total > 10  # enough to need a second page
    expect(page.locator(".bl-result")).to_have_count(10)
    more = page.get_by_role("button", name="Näytä lisää tuloksia")
    more.focus()
    page.keyboard.press("Enter")
    expect(page.locator(".bl-result")).to_have_count(min(total, 20))
    # focus moves to the first new result, so a keyboard user goes on reading there
    assert page.evaluate("document.activeElement.closest('.bl-result') === document.querySelectorAll('.bl-result')[10]")


def test_no_results_says_so(page, base):
    assert search(page, base, "?q=xylofonikonsertti").startswith("Ei tuloksia.")
    expect(page.locator(".bl-result")).to_have_count(0)


def test_keyboard_only_from_the_header_form_to_a_filtered_search(page, base):
    page.goto(f"{base}/")
    for _ in range(20):  # skip link, site name, menu, then the search field
        page.keyboard.press("Tab")
        if page.evaluate("document.activeElement.id") == "bl-header-q":
            break
    assert page.evaluate("document.activeElement.id") == "bl-header-q"
    page.keyboard.type("talkooväki")
    page.keyboard.press("Enter")
    page.wait_for_url(re.compile(r"/haku/\?q="))
    status = page.get_by_role("status")
    expect(status).to_have_text("4 tulosta")  # a notice, and three associations that offer talkooväki
    expect(page.locator("#haku-q")).to_have_value("talkooväki")
    # on to the topic filter and down its options with the arrow keys
    page.focus("#haku-q")
    page.keyboard.press("Tab")  # the search button
    page.keyboard.press("Tab")  # the type filter
    assert page.evaluate("document.activeElement.id") == "haku-tyyppi"
    page.keyboard.press("Tab")  # the topic filter
    assert page.evaluate("document.activeElement.id") == "haku-aihe"
    page.keyboard.press("ArrowDown")  # first topic: tapahtumat
    expect(status).to_have_text(re.compile("Ei tuloksia"))
    assert "category=tapahtumat" in page.url


def test_a_filter_moved_through_with_the_arrow_keys_searches_once_where_it_stops(page, base):
    """A closed list changes at each press of an arrow key. A keyboard user
    passing three topics to the one wanted got three searches: three
    entries in the history to go Back through, and a count said for each
    (a mouse's choice is one change)."""
    search(page, base, "?q=joulu")
    status = page.get_by_role("status")
    status.evaluate("""status => { window.blSaid = [];
        new MutationObserver(() => window.blSaid.push(status.textContent))
          .observe(status, {childList: true, characterData: true, subtree: true}); }""")
    entries = page.evaluate("history.length")
    page.focus("#haku-aihe")
    for _ in range(3):
        page.keyboard.press("ArrowDown")
        page.wait_for_timeout(150)
    chosen = page.locator("#haku-aihe").input_value()
    expect(page).to_have_url(re.compile(rf"category={chosen}$"))
    expect(status).to_have_text(COUNT)
    page.wait_for_timeout(1500)  # and nothing more after it
    counts = [said for said in page.evaluate("window.blSaid") if COUNT.match(said)]
    assert page.evaluate("history.length") - entries == 1 and len(counts) == 1, counts


def test_the_search_page_without_javascript_links_to_browsing(browser, base):
    context = browser.new_context(java_script_enabled=False)
    page = context.new_page()
    page.goto(f"{base}/haku/?q=asukastupa")
    assert page.locator("#bl-search").is_hidden()
    message = page.locator("#bl-search-nojs")
    expect(message).to_be_visible()
    assert "JavaScript" in message.inner_text()
    links = page.locator("#bl-search-browse a")
    hrefs = [links.nth(i).get_attribute("href") for i in range(links.count())]
    assert "/aiheet/tilat/" in hrefs and "/yhdistykset/" in hrefs and "/arkisto/" in hrefs
    expect(page.get_by_role("link", name="Arkisto").last).to_be_visible()
    context.close()


def test_with_javascript_the_message_gives_way_to_the_search(page, base):
    search(page, base, "?q=asukastupa")
    expect(page.locator("#bl-search-nojs")).to_be_hidden()
    expect(page.locator("#bl-search-browse")).to_be_hidden()
    expect(page.get_by_label("Hae ilmoituksista")).to_be_visible()
    expect(page.get_by_role("group", name="Rajaa hakua")).to_be_visible()


def test_file_keys_match_between_build_and_browser(page, base):
    search(page, base, "?q=asukastupa")
    samples = [[w, n] for w in ["asukastupa", "äiti", "öljy", "ää", "3b", "ab"] for n in (2, 3)]
    keys = page.evaluate(
        "(samples) => import('/theme/js/search.js').then((m) => samples.map(([w, n]) => m.fileKey(w, n)))", samples)
    assert keys == [file_key(w, n) for w, n in samples]


def test_the_number_of_searches_per_query_is_bounded(page, base):
    search(page, base, "?q=asukastupa")
    combos = page.evaluate("""() => import('/theme/js/search.js').then((m) => [
        m.combinations([['a', 'b'], ['c']]),
        m.combinations([['a1', 'a2', 'a3', 'a4', 'a5', 'a6'], ['b1', 'b2', 'b3', 'b4', 'b5', 'b6']]).length,
    ])""")
    assert combos[0] == ["a c", "b c"]
    assert combos[1] <= 24


def test_excerpt_text_never_becomes_markup(browser, site):
    site.notice("merkit.md", notice_text(
        title="Merkkien testi",
        body="Kirjoita lomakkeeseen `<img src=x onerror=document.title='rikki'>` ja AT&T tuotteet."))
    assert site.build() == 0
    with served(site.output) as address:
        page = browser.new_page()
        search(page, address, "?q=lomakkeeseen")
        excerpt = page.locator(".bl-result__excerpt").first
        expect(excerpt).to_contain_text("<img src=x onerror=document.title='rikki'>")
        expect(excerpt).to_contain_text("AT&T")
        assert page.locator(".bl-results img").count() == 0
        assert page.title() != "rikki"
        page.close()


def test_the_search_page_fits_a_small_phone(browser, base):
    page = browser.new_page(viewport={"width": 320, "height": 640})
    search(page, base, "?q=asukastupa&category=tilat")
    assert page.evaluate("document.documentElement.scrollWidth") <= 320
    page.close()


# --- queries a reader types -------------------------------------------------------

@pytest.mark.parametrize("query, stem", [
    ("asukastupa", "asukastu"),  # "asukastupa@example.org": not "example", "org"
    ("avustus", "avust"),  # "toiminta-avustus": not "toiminta"
    ("hdmi", "hdmi"),  # "HDMI-johto": not "johto"
    ("kirjasto", "kirjasto"),
])
def test_only_the_query_words_are_marked_in_a_token_pagefind_marks_whole(page, base, query, stem):
    search(page, base, f"?q={query}")
    marks = [m for r in results(page) for m in r[4]]
    assert marks
    assert [m for m in marks if stem not in m.lower()] == []  # järjestöavustukset is one


def test_a_notice_found_by_its_association_name_has_the_name_marked(page, base):
    search(page, base, "?q=Seniorikerho Hopeakoski&arkisto=1")  # the notice has expired
    show_all(page)  # after the association's page, its offers and needs (named in their titles)
    [item] = [i for i in page.locator(".bl-result").all() if "sieniretki" in i.locator("a").get_attribute("href")]
    # the name is nowhere in the notice's text, only in the details line
    assert item.locator(".bl-result__excerpt mark").count() == 0
    assert item.locator(".bl-result__meta mark").all_inner_texts() == ["Seniorikerho", "Hopeakoski"]


def test_a_word_typed_without_diacritics_finds_its_inflected_forms(page, base):
    # the notices say "Karhumäen", which Pagefind does not reach from "karhumaki"
    search(page, base, "?q=karhumaki")
    shown = {r[0]: r[4] for r in results(page)}
    assert "Karhumäen" in shown["/ilmoitukset/hiihtopaiva-karhumaki/"]
    assert "Karhumäen" in shown["/yhdistykset/karhumaen-kunto/"]


def test_words_no_notice_has_together_find_the_notices_with_some_and_say_so(page, base):
    # Pagefind asks for every word: no notice is about both skiing and floorball
    page.goto(f"{base}/haku/?q=hiihto sählyturnaus koskenpallo")
    status = page.get_by_role("status")
    expect(status).to_have_text(re.compile(r"^Mikään ilmoitus ei sisällä kaikkia hakusanoja\. \d+ tulosta"))
    show_all(page)
    shown = addresses(page)
    # the notice with two of the words comes first
    assert shown[0] == "/ilmoitukset/sahlyturnaus-koskenpallo/"
    assert "/ilmoitukset/hiihtopaiva-karhumaki/" in shown
    assert count_of(status.inner_text().split(". ", 1)[1]) == len(shown)
    # the filters still hold
    page.select_option("#haku-aihe", "tilat")
    expect(status).to_have_text(re.compile("^Ei tuloksia"))


def test_back_and_forward_return_to_the_previous_searches(page, base):
    search(page, base, "?q=asukastupa")
    status = page.get_by_role("status")
    first = status.inner_text()
    page.fill("#haku-q", "kerho")
    page.press("#haku-q", "Enter")
    expect(page).to_have_url(re.compile(r"\?q=kerho$"))
    expect(status).to_have_text(COUNT)
    second = status.inner_text()
    page.select_option("#haku-aihe", "tilat")
    expect(page).to_have_url(re.compile(r"\?q=kerho&category=tilat$"))
    page.go_back()
    expect(page).to_have_url(re.compile(r"\?q=kerho$"))
    expect(page.locator("#haku-aihe")).to_have_value("")
    expect(status).to_have_text(second)
    page.go_back()
    expect(page).to_have_url(re.compile(r"\?q=asukastupa$"))
    expect(page.locator("#haku-q")).to_have_value("asukastupa")
    expect(status).to_have_text(first)
    # the title names the search, so the entries of the history differ
    expect(page).to_have_title(re.compile(r"^asukastupa – Haku – "))
    assert "/ilmoitukset/joulumyyjaiset-vuoksenniska/" in addresses(page)
    page.go_forward()
    expect(page.locator("#haku-q")).to_have_value("kerho")
    expect(status).to_have_text(second)
    # the same search again adds no entry
    page.press("#haku-q", "Enter")
    expect(status).to_have_text(second)
    page.go_back()
    expect(page.locator("#haku-q")).to_have_value("asukastupa")


@pytest.mark.parametrize("query", ["–", "!!!", "*", "'"])
def test_a_query_without_words_asks_for_a_word_instead_of_listing_everything(page, base, query):
    page.goto(f"{base}/haku/?q={quote(query)}")
    expect(page.get_by_role("status")).to_have_text("Kirjoita hakusana tai valitse rajaus.")
    expect(page.locator(".bl-result")).to_have_count(0)


def test_the_last_part_of_a_compound_finds_the_compound(page, base):
    # "riisipuuroa" (or "joulupuuro") and "Seurakuntakeskuksen": one notice has both
    assert search(page, base, "?q=puuro seurakuntakeskus") == "1 tulos"
    [(address, *_, marks)] = results(page)
    assert address == "/ilmoitukset/puurojuhla-silta/"
    assert "Seurakuntakeskuksen" in marks and any("puuro" in m for m in marks)
    # "tupa": the notice of the tupa first (of the archive's: it has expired),
    # and those of the asukastupa
    search(page, base, "?q=tupa&arkisto=1")
    show_all(page)  # spaces named for an asukastupa may come before it
    first_archived = page.locator(".bl-result--archived h2 a").first.get_attribute("href")
    assert urlsplit(first_archived).path == "/ilmoitukset/kesavuorot-kotiseututalo/"
    assert "/ilmoitukset/joulumyyjaiset-talkoovaki/" in addresses(page)  # "asukastuvalle"


def test_the_last_part_of_a_compound_the_dictionary_knows_finds_it(page, base):
    # "villasukka" is a lemma of its own in simplemma's dictionary; no page says "sukka"
    search(page, base, "?q=sukka&arkisto=1")
    found = {address: marks for address, *_, marks in results(page)}
    assert found.keys() >= {"/ilmoitukset/joulumyyjaiset-vuoksenniska/", "/ilmoitukset/joulutori-rautio/"}
    assert found["/ilmoitukset/joulumyyjaiset-vuoksenniska/"] == ["villasukkia"]  # the notice's own word


def test_the_summary_of_the_listings_is_searched_and_shown_with_the_match_marked(page, base, example_site):
    # "hirsitupa" is only in the summary, which the listings show
    assert "hirsitupa" not in page_words(example_site, "/ilmoitukset/kesavuorot-kotiseututalo/")
    search(page, base, "?q=hirsitupa")
    [(address, _, _, excerpt, marks)] = results(page)
    assert address == "/ilmoitukset/kesavuorot-kotiseututalo/"
    assert excerpt.startswith("Tunnelmallinen hirsitupa") and marks == ["hirsitupa"]


# --- search that forgives: typing errors, phrases, languages, kinds of page ---

NONE = "Ei tuloksia. Kokeile toista sanaa tai poista rajauksia."


@pytest.mark.parametrize("query, word, notice", [
    ("konsetti", "konsertti", "joulukonsertti-vuoksenlaulu"),  # a letter left out
    ("syyskookous", "syyskokous", "syyskokous-hopeakoski"),  # a letter too many
    ("induktiosilmkka", "induktiosilmukka", "sali-vuorot-askel"),
    ("Kosnertti", "konsertti", "joulukonsertti-vuoksenlaulu"),  # two letters swapped, a phone's capital
    ("kahvilx", "kahvila", "perhekahvila-mansikkapaikka"),  # a site's word, its last letter mistyped
    ("asukastuvalal", "asukastuvalla", "siivoustalkoot-vuoksenniska"),  # no case ends so
])
def test_a_typing_error_is_searched_as_the_site_word_and_says_so(page, base, query, word, notice):
    search(page, base, f"?q={query}")
    assert f"/ilmoitukset/{notice}/" in addresses(page)[:5]
    line = page.locator("#haku-korjattu")
    expect(line).to_have_text(f"Haettiin myös: {word}. Hae vain kirjoittamallasi: {query}")
    # the excerpts mark the site's words, not what was typed
    assert any(word in " ".join(marks).lower() for *_, marks in results(page))
    # the link searches exactly as typed: nothing, and no correction
    line.get_by_role("link").click()
    expect(page.get_by_role("status")).to_have_text(NONE)
    expect(line).to_be_hidden()
    assert parse_qs(urlsplit(page.url).query) == {"q": [query], "exact": ["1"]}
    assert page.locator("#haku-q").input_value() == query


def test_exactly_as_typed_a_word_no_page_has_finds_no_part_of_it(page, base):
    # Pagefind alone would find the pages with a word that begins it (the
    # Swedish "i" of the Lucia notice); among known words, those still count
    search(page, base, "?q=induktiosilmkka&exact=1")
    expect(page.get_by_role("status")).to_have_text(NONE)
    page.goto(f"{base}/haku/?q=joulu%20konsetti&exact=1")
    expect(page.get_by_role("status")).to_contain_text("Mikään ilmoitus ei sisällä kaikkia hakusanoja")
    assert "/ilmoitukset/joulukonsertti-vuoksenlaulu/" in addresses(page)
    expect(page.locator("#haku-korjattu")).to_be_hidden()


def test_a_new_query_after_an_exact_one_is_corrected_again(page, base):
    search(page, base, "?q=konsetti&exact=1")
    page.fill("#haku-q", "syyskookous")
    page.press("#haku-q", "Enter")
    expect(page.locator("#haku-korjattu")).to_contain_text("Haettiin myös: syyskokous")
    assert "exact" not in parse_qs(urlsplit(page.url).query)


def test_a_typing_error_among_other_words_is_corrected_too(page, base):
    # Pagefind alone would leave the unknown word out and list every "joulu"
    search(page, base, "?q=joulu%20konsetti")
    assert addresses(page) == ["/ilmoitukset/joulukonsertti-vuoksenlaulu/"]
    expect(page.locator("#haku-korjattu")).to_contain_text("Haettiin myös: konsertti")


@pytest.mark.parametrize("query", [
    "joulu Konsetti",  # a capital after the first word: a name
    "klb",  # a short word
    "konsertti",  # a word of the site
    "asukastuvalle",  # a form of the site's word
    "karhumaki",  # without ä
])
def test_names_short_words_and_the_site_words_are_not_corrected(page, base, query):
    search(page, base, f"?q={quote(query)}")
    expect(page.locator("#haku-korjattu")).to_be_hidden()


@pytest.mark.parametrize("query, notice", [
    ("kahvilaan", "perhekahvila-mansikkapaikka"),
    ("kuoroon", "kuoroharjoitukset-vuoksenlaulu"),
    ("asukastuvassa", "siivoustalkoot-vuoksenniska"),  # a compound no dictionary has
])
def test_a_correct_form_no_page_has_finds_the_word_without_a_typing_error_note(page, base, query, notice):
    # the reader wrote a right Finnish form: being told "Haettiin myös:
    # kuoron" read as if it were mistyped
    search(page, base, f"?q={quote(query)}")
    assert f"/ilmoitukset/{notice}/" in addresses(page)
    expect(page.locator("#haku-korjattu")).to_be_hidden()


def test_the_vocabulary_is_fetched_only_for_a_word_no_page_has(page, base):
    requested = []
    page.on("request", lambda r: requested.append(urlsplit(r.url).path))
    search(page, base, "?q=konsertti")
    assert not [p for p in requested if "/haku/sanasto/" in p]
    page.fill("#haku-q", "konsetti")
    page.press("#haku-q", "Enter")
    expect(page.locator("#haku-korjattu")).to_be_visible()
    # "konsetti" has 8 letters: the site's words of 7, 8 and 9 letters
    assert sorted(p for p in requested if "/haku/sanasto/" in p) == [
        "/haku/sanasto/7.json", "/haku/sanasto/8.json", "/haku/sanasto/9.json"]


def test_a_quoted_phrase_finds_only_the_words_together(browser, site):
    site.notice("yhdessa.md", notice_text(title="Kerhon päivä", body="Avoimet ovet kerhohuoneella lauantaina."))
    site.notice("erikseen.md", notice_text(title="Kerhon ilta", body="Ovet ovat avoimet koko illan."))
    site.notice("taivutettu.md", notice_text(title="Talon päivä", body="Avoimet ovista sisään kaikki."))
    assert site.build() == 0
    with served(site.output) as address:
        page = browser.new_page()
        search(page, address, "?q=avoimet%20ovet")
        assert sorted(addresses(page)) == ["/ilmoitukset/erikseen/", "/ilmoitukset/taivutettu/",
                                           "/ilmoitukset/yhdessa/"]
        search(page, address, f"?q={quote(chr(34) + 'avoimet ovet' + chr(34))}")
        # any form of the last word ("ovista"), the others as typed
        assert sorted(addresses(page)) == ["/ilmoitukset/taivutettu/", "/ilmoitukset/yhdessa/"]
        search(page, address, f"?q={quote(chr(34) + 'ovet avoimet' + chr(34))}")
        assert addresses(page) == []
        search(page, address, f"?q={quote(chr(34) + 'avoimet ovet' + chr(34) + ' lauantai')}")
        assert addresses(page) == ["/ilmoitukset/yhdessa/"]
        page.close()


# A notice in each language: a word it has only inflected, the base form a
# reader types, and whether simplemma knows the pair (checked below). The
# base form is never the start of the form, which Pagefind finds anyway.
LANGUAGES = [
    ("fi", "Kädet saveen kerhossa.", "kädet", "käsi"),
    ("sv", "Mötet hålls i klubbrummet.", "hålls", "hålla"),
    ("en", "Meetings are held in the club room.", "held", "hold"),
    ("ru", "Встреча в субботу в клубе.", "субботу", "суббота"),
    ("uk", "Зустріч у суботу в клубі.", "суботу", "субота"),
    ("et", "Kohtumine laupäeval klubis.", "laupäeval", "laupäev"),
    ("de", "Wir ging zusammen zum Verein.", "ging", "gehen"),
    ("fr", "Promenade avec les chevaux du club.", "chevaux", "cheval"),
]


@pytest.fixture(scope="module")
def languages_base(tmp_path_factory):
    from conftest import Site
    site = Site(tmp_path_factory.mktemp("kielet"))
    for lang, body, *_ in LANGUAGES:
        site.notice(f"kieli-{lang}.md", notice_text(title=f"Kerho {lang}", body=body, extra=f"lang: {lang}"))
    assert site.build() == 0
    with served(site.output) as address:
        yield address


@pytest.mark.parametrize("lang, body, form, lemma", LANGUAGES, ids=[row[0] for row in LANGUAGES])
def test_a_notice_in_another_language_is_found_by_its_base_form_and_shown_as_written(
        page, languages_base, lang, body, form, lemma):
    import simplemma
    assert simplemma.lemmatize(form, lang=lang) == lemma
    search(page, languages_base, f"?q={quote(lemma)}")
    found = results(page)
    assert [r[0] for r in found] == [f"/ilmoitukset/kieli-{lang}/"]
    assert body in found[0][3]  # the excerpt is the text as written
    assert [m.lower() for m in found[0][4]] == [form]


def test_the_type_filter_narrows_to_one_kind_of_page_and_is_a_link(page, base, example_site):
    search(page, base, "?q=kuoro")
    both = addresses(page)
    assert any(a.startswith("/yhdistykset/") for a in both) and any(a.startswith("/ilmoitukset/") for a in both)
    page.select_option("#haku-tyyppi", "yhdistys")
    # the search starts when the address changes (after a pause for the arrow keys): then its count
    expect(page).to_have_url(re.compile(r"type=yhdistys"))
    expect(page.get_by_role("status")).to_have_text(COUNT)
    only = addresses(page)
    assert only and all(a.startswith("/yhdistykset/") for a in only)
    assert results(page)[0][2] == "Yhdistys"  # its own result line
    search(page, base, "?type=ilmoitus")
    assert count_of(page.get_by_role("status").inner_text()) == len(notice_filters(example_site, archive=False))
    search(page, base, "?type=ilmoitus&arkisto=1")
    notices = len(list((example_site / "ilmoitukset").glob("*/index.html")))
    assert count_of(page.get_by_role("status").inner_text()) == notices


# --- everything on the site: offers, needs and series --------------------------

def lines(page):
    """[(address, title, details line)] of the results shown."""
    return [r[:3] for r in results(page)]


def test_an_offer_and_a_need_are_found_by_an_inflected_form_on_their_own_lines(page, base):
    search(page, base, "?q=kuljetusapua")  # the offer says "Kuljetusapu"
    found = lines(page)
    # the link names whose item it is: associations share needs word for word
    assert ("/yhdistykset/karhumaen-kunto/#tarjous-1", "Kuljetusapu retkille (9-paikkainen auto) – Karhumäen Kunto ry",
            "Tarjous") in found
    assert ("/yhdistykset/invalidiyhdistys-askel/#tarve-2",
            "Kuljetusapua retkille pyörätuolilla liikkuville – Invalidiyhdistys Askel ry", "Tarve") in found
    # each item once, not again through its association's page
    assert not [link for link, *_ in found if re.fullmatch(r"/yhdistykset/[^/]+/", link)]
    offer = page.locator(".bl-result", has=page.locator('a[href$="#tarjous-1"]'))
    assert offer.locator(".bl-result__excerpt mark").all_inner_texts() == ["Kuljetusapu"]


def test_a_result_line_of_an_offer_leads_to_the_item_on_its_association_page(page, base):
    search(page, base, "?q=kuljetusapua&type=tarjous")
    page.locator(".bl-result h2 a").first.click()
    expect(page).to_have_url(re.compile(r"/yhdistykset/karhumaen-kunto/#tarjous-1$"))
    expect(page.locator(":target")).to_have_text("Kuljetusapu retkille (9-paikkainen auto)")
    expect(page.locator(":target")).to_be_in_viewport()


def test_a_series_is_found_as_a_series(page, base):
    search(page, base, "?q=palkkatuki")
    found = lines(page)
    assert ("/sarjat/jarjestoillat/", "Järjestöillat", "Etelä-Karjalan Järjestöverkosto ry · Sarja") in found
    kinds = {details.split(" · ")[-1] for *_, details in found}
    assert {"Tarjous", "Tarve", "Sarja"} <= kinds
    search(page, base, "?type=sarja")
    assert lines(page) == [("/sarjat/jarjestoillat/", "Järjestöillat", "Etelä-Karjalan Järjestöverkosto ry · Sarja")]


def test_the_offer_and_need_filter_is_a_link_that_restores_itself(page, base, example_site):
    search(page, base, "?q=kuljetusapua&type=tarve")
    expect(page.locator("#haku-tyyppi")).to_have_value("tarve")
    needs = lines(page)
    assert len(needs) == 5 and all(details == "Tarve" for *_, details in needs)
    page.select_option("#haku-tyyppi", "tarjous")
    expect(page.get_by_role("status")).to_have_text("1 tulos")
    expect(page).to_have_url(re.compile(r"[?&]type=tarjous"))
    page.go_back()
    expect(page.get_by_role("status")).to_have_text("5 tulosta")
    expect(page.locator("#haku-tyyppi")).to_have_value("tarve")
    # browsing one kind lists every item of it: the offers on the association pages
    offers = len([i for i in BeautifulSoup((example_site / "yhdistykset" / "karhumaen-kunto" / "index.html")
                                           .read_text(encoding="utf-8"), "html.parser").select("[id^=tarjous-]")])
    search(page, base, "?type=tarjous&association=karhumaen-kunto")
    assert count_of(page.get_by_role("status").inner_text()) == offers == 3


def test_the_words_of_the_interface_on_a_page_find_nothing(browser, site):
    # Every current event has "Lisää kalenteriin" and every space page "Kaikki
    # tilat": links of the page, not words of the notice or the space. A
    # reader looking for a calendar or for everything must not get them all.
    site.notice("kerhoilta.md", event_text(title="Kerhoilta", body="Tervetuloa pelaamaan."))
    (site.content / "spaces").mkdir()
    (site.content / "spaces" / "bandikamppa.yml").write_text(
        "name: Testikylän bändikämppä\nassociation: testikyla\naddress: Kerhotie 1, Imatra\ncapacity: 20\n"
        "purposes: [kerho]\navailable: [\"ma 9-21\"]\nbooking:\n  name: Puheenjohtaja\n"
        "  phone: \"040 000 0000\"\n  consent: true\n", encoding="utf-8")
    assert site.build() == 0
    with served(site.output) as address:
        page = browser.new_page()
        search(page, address, "?q=pelaamaan")  # the event is indexed
        assert addresses(page) == ["/ilmoitukset/kerhoilta/"]
        search(page, address, "?q=bändikämppä")  # and so is the space
        assert addresses(page) == ["/tilat/bandikamppa/"]
        for query in ("kalenteriin", "kaikki"):
            search(page, address, f"?q={query}")
            assert addresses(page) == [], query
        search(page, address, "?q=pelaamaan")
        assert "kalenteri" not in results(page)[0][3]
        page.close()


def test_a_space_is_found_by_its_facts_in_any_form_not_by_their_labels(browser, site):
    # A reader looking for a room with a piano, step-free, searches for it:
    # the space page showed its equipment, accessibility and address, but
    # search read only its name and description, and found no space
    (site.content / "spaces").mkdir()
    (site.content / "spaces" / "sali.yml").write_text(
        "name: Urheilutalon sali\nassociation: testikyla\naddress: Urheilutie 3, Imatra\ncapacity: 60\n"
        "purposes: [liikunta]\nequipment: [piano, pukuhuone]\naccessibility: [porrasaton]\n"
        "entry: Vahtimestari avaa oven.\n", encoding="utf-8")
    assert site.build() == 0
    with served(site.output) as address:
        page = browser.new_page()
        for query in ("pianolla", "pukuhuoneet", "porrasaton", "urheilutiellä", "vahtimestari"):
            search(page, address, f"?q={query}")
            assert addresses(page) == ["/tilat/sali/"], query
        for query in ("varusteet", "esteettömyys", "osoite"):  # the labels of the facts are no words of the space
            search(page, address, f"?q={query}")
            assert addresses(page) == [], query
        page.close()


def test_a_weekday_finds_its_events_not_every_word_its_abbreviation_begins(browser, site):
    # The dates say "la 12.12.2026", so "la" is a form of lauantai on the
    # site; but Pagefind finds every word a query word begins ("lainaan",
    # "lautapelejä"), so a search for Saturday must not ask for "la".
    site.notice("lauantai.md", event_text(title="Kerhoilta", start="2026-12-12 18:00", body="Tervetuloa pelaamaan."))
    site.notice("lainaan.md", notice_text(title="Lautapelejä lainaan", body="Lainaamme laatikollisen lautapelejä."))
    assert site.build() == 0
    with served(site.output) as address:
        page = browser.new_page()
        for query in ("lauantai", "lauantaina"):
            search(page, address, f"?q={query}")
            assert addresses(page) == ["/ilmoitukset/lauantai/"], query
        page.close()


@pytest.mark.parametrize("query, today", [("tänään", "2026-12-05"), ("huomenna", "2026-12-04"),
                                          ("joulumyyjäiset huomenna", "2026-12-04")])
def test_today_and_tomorrow_find_the_events_of_the_readers_day(page, base, query, today):
    # they were searched as words: "tänään" listed two grant notices,
    # "huomenna" nothing, and with another word only that word's pages
    page.clock.set_fixed_time(f"{today}T09:00:00")
    status = search(page, base, f"?q={quote(query)}")
    assert status.startswith("la 5.12.2026: ")  # the day searched
    assert "Mikään" not in status  # every word found
    found = addresses(page)
    assert "/ilmoitukset/joulumyyjaiset-vuoksenniska/" in found  # la 5.12.2026
    assert "/ilmoitukset/perhekahvila-mansikkapaikka/" in found or " " in query
    assert "/ilmoitukset/asukasraha-pienavustus/" not in found


@pytest.mark.parametrize("weekday", ["la", "su"])
def test_a_weekday_abbreviation_alone_lists_that_days_events_before_the_words_it_begins(page, base, weekday):
    # "la" listed "Lavasteita ja esiintymisasuja lainaan" first: Pagefind
    # finds every word that "la" begins; the dates say "la 19.12."
    search(page, base, f"?q={weekday}")
    details = [line for _, _, line, _, _ in results(page)]
    assert all(line.startswith(f"{weekday} ") or f" {weekday} " in line for line in details[:4]), details


@pytest.mark.parametrize("lang, query", [("ru", "суббота"), ("sv", "hålla"), ("fi", "käsi")])
def test_a_result_in_another_language_says_so_to_a_screen_reader(page, languages_base, lang, query):
    # as the listings do: the title and the text a writer wrote carry their
    # language, so a screen reader reads them in its voice; Finnish ones
    # are in the page's own language
    search(page, languages_base, f"?q={quote(query)}")
    item = page.locator(".bl-result").first
    expected = None if lang == "fi" else lang
    assert item.locator(".bl-result__title").get_attribute("lang") == expected
    assert item.locator(".bl-result__excerpt").get_attribute("lang") == expected
    assert item.locator(".bl-result__meta").get_attribute("lang") is None  # the site's words


@pytest.mark.parametrize("query", ["tanssit zumba", "zumba tanssit", "tanssit Zumba"])
def test_a_word_no_page_has_is_not_dropped_from_a_query_of_several(browser, site, query):
    # Pagefind leaves out of a query a word it has nowhere, so the pages
    # with "tanssit" came as if they had "zumba" too ("1 tulos"). No word
    # of the site is near "zumba", so nothing corrects it: the page says
    # that no notice has every word, and lists those with some.
    site.notice("tanssit.md", notice_text(title="Tanssit nuorisotalolla", body="Tervetuloa tanssimaan."))
    assert site.build() == 0
    with served(site.output) as address:
        page = browser.new_page()
        page.goto(f"{address}/haku/?q={quote(query)}")
        expect(page.get_by_role("status")).to_have_text(
            "Mikään ilmoitus ei sisällä kaikkia hakusanoja. 1 tulos, jossa on osa niistä.")
        assert addresses(page) == ["/ilmoitukset/tanssit/"]
        expect(page.locator("#haku-korjattu")).to_be_hidden()
        search(page, address, "?q=zumba")
        assert addresses(page) == []
        page.close()


@pytest.mark.parametrize("query, found", [
    # Pagefind's stem of a form no page has begins a word of the site's:
    # the word inflected, not a typing error of another (vuorossa, lapset)
    ("kuorossa", "/ilmoitukset/kuoroharjoitukset-vuoksenlaulu/"),
    ("lapaset", "/ilmoitukset/joulumyyjaiset-vuoksenniska/"),  # the notice says "lapasia"
    ("tanssiin", "/ilmoitukset/uudenvuoden-tanssit-kipina/"),
    ("sählyyn", "/ilmoitukset/pelivuoro-kipina/"),  # "sählyä" in its summary only
    # a misspelt compound, found by its first part
    ("kuoroharjotukset", "/ilmoitukset/kuoroharjoitukset-vuoksenlaulu/"),
])
def test_a_form_no_page_has_finds_the_word_it_begins_with_uncorrected(page, base, query, found):
    search(page, base, f"?q={query}")
    show_all(page)
    assert found in addresses(page)
    expect(page.locator("#haku-korjattu")).to_be_hidden()


def test_a_word_no_page_has_finds_nothing_by_a_short_word_that_begins_it(page, base):
    page.goto(f"{base}/haku/")
    assert plain_pagefind(page, "sukat")  # by the "su" of Sunday's dates
    search(page, base, "?q=sukat")
    expect(page.get_by_role("status")).to_have_text(NONE)


def test_a_query_of_thousands_of_letters_is_answered_as_soon_as_a_word(page, base):
    # the lemma and vocabulary files were looked for by each of its lengths:
    # seconds, growing with the square of its letters
    def timed(query):
        started = time.monotonic()
        search(page, base, f"?q={query}")
        return time.monotonic() - started

    word = timed("kuoroharjotukset")
    assert timed("kuoroharjoitus" * 430) < 2 * word + 1



def test_words_joined_by_a_hyphen_rank_the_pages_with_them_together_first(browser, site):
    # Pagefind ranks by the words alone: the page that says "ensi" and
    # "ilta" often came before the premiere's
    site.notice("ensi-ilta.md", notice_text(title="Teatterikerhon näytelmä", body="Näytelmän ensi-ilta on kulttuuritalolla."))
    site.notice("illat.md", notice_text(title="Ensi viikon ilta", body=(
        "Ensi viikolla ilta kerhossa. Ilta alkaa kuudelta, ensi kerralla ilta jatkuu. Ilta ja ilta, ensi kerta.")))
    assert site.build() == 0
    with served(site.output) as address:
        page = browser.new_page()
        search(page, address, "?q=ensi%20ilta")
        assert addresses(page) == ["/ilmoitukset/illat/", "/ilmoitukset/ensi-ilta/"]
        search(page, address, "?q=ensi-ilta")
        assert addresses(page) == ["/ilmoitukset/ensi-ilta/", "/ilmoitukset/illat/"]
        page.close()


def test_an_everyday_word_finds_the_notices_in_the_written_word_and_back(browser, site):
    # "kirppis" and "kirppari" are what readers type for the "kirpputori"
    # of the notices (bulletin_search/synonyms.py); no dictionary joins them
    site.notice("kirpputori.md", notice_text(title="Lasten vaatteet", body="Tervetuloa kirpputorille koululle."))
    site.notice("kirppis.md", notice_text(title="Tavaraa kerhoon", body="Kirppikselle voi tuoda tavaraa."))
    site.notice("srk.md", notice_text(title="Joulupuuro", body="Yhteistyössä Imatran seurakunnan kanssa."))
    site.notice("muu.md", notice_text(title="Kerhoilta", body="Kerho kokoontuu tiistaisin."))
    assert site.build() == 0
    both = ["/ilmoitukset/kirppis/", "/ilmoitukset/kirpputori/"]
    with served(site.output) as address:
        page = browser.new_page()
        for query, found in [("kirppari", both), ("kirppis", both), ("Kirpputori", both), ("srk", ["/ilmoitukset/srk/"])]:
            search(page, address, f"?q={query}")
            assert sorted(addresses(page)) == found, query
            expect(page.locator("#haku-korjattu")).to_be_hidden()
        # the excerpt marks the notice's own word
        search(page, address, "?q=kirppari")
        marked = {title: marks for _, title, _, _, marks in results(page)}
        assert marked == {"Lasten vaatteet": ["kirpputorille"], "Tavaraa kerhoon": ["Kirppikselle"]}
        page.close()


def test_an_inflected_form_of_a_word_on_a_page_is_not_corrected_into_another(browser, site):
    # "nuorisotalolla" is no page's word, "nuorisotalo" is: Pagefind finds
    # it. One edit further lies "nuorisotilalla", which the page searched
    # instead, as if the reader had asked for the other place.
    site.notice("talo.md", notice_text(title="Disko", body="Disko nuorisotalo Kipinässä perjantaina."))
    site.notice("tila.md", notice_text(title="Kerho", body="Kerho nuorisotilassa ja nuorisotilalla."))
    assert site.build() == 0
    with served(site.output) as address:
        page = browser.new_page()
        search(page, address, "?q=nuorisotalolla")
        assert addresses(page) == ["/ilmoitukset/talo/"]
        expect(page.locator("#haku-korjattu")).to_be_hidden()
        search(page, address, "?q=nuorisotaloon")  # corrected to the word the page has
        assert addresses(page) == ["/ilmoitukset/talo/"]
        page.close()


def test_a_date_finds_the_pages_with_that_day_not_with_its_numbers_anywhere(browser, site):
    # "19.12." was searched as 19 and 12: a page with 19 seats for 12 euros
    # came with the events of that day; Pagefind alone finds near words for
    # a day no page has
    site.notice("tapahtuma.md", event_text(title="Joulukonsertti", start="2026-12-19 18:00"))
    site.notice("numerot.md", notice_text(title="Retki", body="Bussissa on 19 paikkaa, ja retki maksaa 12 euroa."))
    site.notice("ilman.md", notice_text(title="Aukioloajat", body="Kahvio on suljettu 19.12. ja avataan taas."))
    site.notice("vuosi.md", notice_text(title="Pöytäkirja", body="Syyskokous pidettiin 19.12.2025 kerhohuoneella."))
    site.notice("toinen.md", notice_text(title="Varaukset", body="Pöytävaraukset 9.12. mennessä."))
    assert site.build() == 0
    with served(site.output) as address:
        page = browser.new_page()
        for query, found in [
            ("19.12.", ["ilman", "tapahtuma", "vuosi"]),
            ("19.12.2026", ["ilman", "tapahtuma"]),  # a day without a year may be any year's
            ("9.12.", ["toinen"]),
            ("joulukonsertti 19.12.", ["tapahtuma"]),
            ("24.12.", []),
        ]:
            search(page, address, f"?q={quote(query)}")
            assert sorted(addresses(page)) == [f"/ilmoitukset/{name}/" for name in found], query
        page.close()


@pytest.mark.parametrize("query, day", [
    ("31.2.", "31.2."),
    ("32.12.", "32.12."),
    ("31.4.2027", "31.4.2027"),
    ("29.2.2027", "29.2.2027"),  # not a leap year
    ("30.2.–3.3.", "30.2.–3.3."),
    ("konsertti la 31.2.", "la 31.2."),
    ("18.12–32.12", "18.12–32.12"),
    ("31.2", "31.2"),  # without its last dot: searched as 31 and 2, six pages
    ("konsertti to 30.2", "to 30.2"),
])
def test_a_day_that_is_no_day_of_the_calendar_is_said_so_not_searched_as_numbers(page, base, query, day):
    # "30.2.–3.3." was searched as its numbers: 13 pages with a 30 or a 3
    page.goto(f"{base}/haku/?q={quote(query)}")
    expect(page.get_by_role("status")).to_have_text(
        f"Kalenterissa ei ole päivää, jonka kirjoitit: {day}. Tarkista päivä ja kuukausi.")
    assert results(page) == []


@pytest.mark.parametrize("query", ["29.2.", "29.2", "18.30", "3.14", "0.5"])  # a leap day, a time, numbers
def test_a_day_of_a_leap_year_and_a_time_are_not_taken_for_impossible_days(page, base, query):
    assert not search(page, base, f"?q={quote(query)}").startswith("Kalenterissa")


def test_the_last_part_of_a_compound_that_begins_with_a_nen_words_form_finds_it(browser, site):
    # eläkeläis- (of eläkeläinen) and osallistumis- are in no dictionary: the
    # compounds were no compounds, and "kerho" found no Eläkeläiskerho
    site.notice("kerho.md", notice_text(title="Eläkeläiskerho kokoontuu", body="Eläkeläiskerhon syyskausi alkaa."))
    site.notice("maksu.md", notice_text(title="Retki", body="Osallistumismaksu on kymmenen euroa."))
    assert site.build() == 0
    with served(site.output) as address:
        page = browser.new_page()
        for query, marked in [("kerho", {"Eläkeläiskerho", "Eläkeläiskerhon"}), ("maksu", {"Osallistumismaksu"})]:
            search(page, address, f"?q={query}")
            found = {address: set(marks) for address, *_, marks in results(page)}
            assert found.get(f"/ilmoitukset/{query}/") == marked, query
        page.close()


def test_a_time_finds_the_events_at_that_time_first_not_its_numbers_anywhere(browser, site):
    # "18.30" was searched as 18 and 30: a price of 18 euros with a bag for
    # 30 cents and a phone number came among the events at half past six
    site.notice("alkaa.md", event_text(title="Runoilta", start="2026-12-16 18:30", end="20:00"))
    site.notice("kuudelta.md", event_text(title="Peli-ilta", start="2026-12-17 18:00", body="Pelipaikkoja on 30."))
    site.notice("ovet.md", notice_text(title="Kuoron konsertti", body="Ovet avataan 18.30. Tervetuloa!"))
    site.notice("hinta.md", notice_text(title="Kirjamyynti", body="Kirja 18 euroa, kassi 30 senttiä. Puh. 040 183 0000."))
    assert site.build() == 0
    with served(site.output) as address:
        page = browser.new_page()
        for query, found in [
            ("18.30", ["alkaa", "ovet"]),  # the event at the time first, then a text that says it
            ("18:30", ["alkaa", "ovet"]),
            ("klo 18.30", ["alkaa", "ovet"]),
            ("klo 18", ["kuudelta"]),
            ("18.30–20.00", ["alkaa", "ovet"]),  # an event's hours are at their start
            ("klo 18-21", ["kuudelta"]),
            ("klo. 18", ["kuudelta"]),
            ("runoilta 18.30", ["alkaa"]),
        ]:
            search(page, address, f"?q={quote(query)}")
            assert [a.split("/")[-2] for a in addresses(page)] == found, query
        search(page, address, "?q=18")  # a number alone is still a word of the pages
        assert "/ilmoitukset/hinta/" in addresses(page)
        page.close()


def test_a_day_finds_the_ranges_and_the_series_it_is_in(browser, site):
    # "18.–20.12." is one word to Pagefind, and a weekly series' later days
    # are on no page: neither was found by the day between
    site.notice("nayttely.md", event_text(title="Näyttely", start="2026-12-18 10:00", end="2026-12-20 16:00",
                                          body="Näyttely on avoinna 18.–20.12. joka päivä."))
    site.notice("tauko.md", notice_text(title="Kirjaston joulutauko", body="Lainaamo on kiinni 18.12.–3.1."))
    site.notice("sarja.md", notice_text(title="Lukupiiri", category="tapahtumat", extra="""
        event:
          start: "2026-12-08 17:00"
          location: Kirjasto
          repeat:
            weekdays: [ti]
            until: "2027-02-23"
        """))
    site.notice("muu.md", notice_text(title="Kerhoilta", body="Kerho kokoontuu 12 kertaa 19 viikon aikana."))
    assert site.build() == 0
    # the text's days are the event's own: listed once, as its days
    head = BeautifulSoup((site.output / "ilmoitukset" / "nayttely" / "index.html").read_text(encoding="utf-8"),
                         "html.parser")
    filters = [meta["data-pagefind-filter"] for meta in head.select("meta[data-pagefind-filter]")]
    assert filters.count("day[content]") == 6 and "date[content]" not in filters
    with served(site.output) as address:
        page = browser.new_page()
        for query, found in [
            ("19.12.", ["nayttely", "tauko"]),
            ("19.12", ["nayttely", "tauko"]),  # without the last dot
            ("2.1.2027", ["tauko"]),  # the range's end is next year's
            ("22.12.", ["sarja", "tauko"]),
            ("ti 22.12.", ["sarja", "tauko"]),  # a weekday with the day is the day
            ("lukupiiri 9.2.", ["sarja"]),
            # a range typed is any of its days
            ("20.–22.12.", ["nayttely", "sarja", "tauko"]),
            ("4.1.2027–10.1.2027", ["sarja"]),
            ("21.12–21.12", ["tauko"]),
        ]:
            search(page, address, f"?q={quote(query)}")
            assert sorted(a.split("/")[-2] for a in addresses(page)) == found, query
        # a Wednesday is none of its days: the page has the word, not the day
        assert search(page, address, f"?q={quote('lukupiiri 10.2.')}").startswith("Mikään ilmoitus ei sisällä")
        search(page, address, f"?q={quote('19.12.')}")
        assert addresses(page)[0] == "/ilmoitukset/nayttely/"  # the event on the day before the text's range
        page.close()


def test_a_day_with_a_year_finds_the_notices_of_that_year_only(browser, site):
    # "19.12." in a notice published in November 2026 is 19.12.2026: a
    # search for 19.12.2025 found it with last year's notice
    site.notice("tana.md", notice_text(title="Aukioloajat", date="2026-11-20", body="Kahvio on suljettu 19.12."))
    site.notice("viime.md", notice_text(title="Muistelua", date="2026-11-20", body="Kuoro lauloi 19.12.2025 kirkossa."))
    site.notice("vanha.md", notice_text(title="Joulukahvit", date="2025-11-20", body="Kahvit 19.12. kerholla."))
    site.notice("tammikuu.md", event_text(title="Talvikokous", start="2026-12-28 18:00",
                                          body="Esityslista jaetaan 3.1. kokouksen jatkoksi."))
    assert site.build() == 0
    with served(site.output) as address:
        page = browser.new_page()
        for query, found in [
            ("19.12.2025", ["vanha", "viime"]),
            ("19.12.2026", ["tana"]),
            ("19.12.", ["tana", "vanha", "viime"]),
            ("3.1.2027", ["tammikuu"]),  # the January after the December event
            ("3.1.2026", []),
        ]:
            search(page, address, f"?q={quote(query)}&arkisto=1")
            assert sorted(a.split("/")[-2] for a in addresses(page)) == found, query
        # the excerpt shows where the text writes the day, marked
        search(page, address, f"?q={quote('19.12.')}")
        assert {address: marks for address, *_, marks in results(page)}["/ilmoitukset/tana/"] == ["19", "12"]
        page.close()


def test_an_inflected_everyday_word_no_page_has_finds_the_notices_in_either_word(browser, site):
    # "kirppiksellä" and "jumpalle" are on no page, and their stems are not
    # those of kirppis and jumppa: they found nothing, or the pages of other
    # words that begin alike (bulletin_search/synonyms.py, lemmas.py)
    site.notice("tori.md", notice_text(title="Lasten vaatteet", body="Tervetuloa kirpputorille koululle."))
    site.notice("kirppis.md", notice_text(title="Tavaraa kerhoon", body="Kirppis on auki lauantaisin."))
    site.notice("voimistelu.md", notice_text(title="Aamuvoimistelu", body="Voimistelua senioreille salissa."))
    site.notice("jumppa.md", notice_text(title="Tuolijumppa", body="Jumppa alkaa taas."))
    site.notice("pallo.md", notice_text(title="Kesäkisat", body="Jalkapalloa ja pesäpalloa kentällä."))
    site.notice("kuoro.md", notice_text(title="Laulajia", body="Kuoro etsii uusia laulajia."))
    assert site.build() == 0
    with served(site.output) as address:
        page = browser.new_page()
        for query, found in [
            ("kirppiksellä", ["kirppis", "tori"]),
            ("kirppikselle", ["kirppis", "tori"]),
            ("Kirppareille", ["kirppis", "tori"]),
            ("jumpalle", ["jumppa", "voimistelu"]),
            ("jumppaan", ["jumppa", "voimistelu"]),
            ("futikseen", ["pallo"]),
            ("kuorolle", ["kuoro"]),
        ]:
            search(page, address, f"?q={quote(query)}")
            assert sorted(a.split("/")[-2] for a in addresses(page)) == found, query
            expect(page.locator("#haku-korjattu")).to_be_hidden()
        page.close()


def test_a_notice_about_the_word_comes_before_those_found_by_their_associations_name(browser, site):
    # Every notice of "Testikylän Eläkkeensaajat ry" has the name in its
    # data, and eläkkeensaaja stands for eläkeläinen (synonyms.py): its
    # meeting's notice came before another's trip for pensioners. It is
    # still found, after: the association's own notices may be sought.
    site.association("kerho", "name: Hopeakosken kerho ry\nemail: kerho@example.org\n")
    site.notice("kokous.md", notice_text(title="Syyskokous", body="Hallitus kokoontuu kerhohuoneella."))
    trip = ("Lähdemme retkelle Savonlinnaan. Bussi lähtee torilta aamulla, ja matkalla pysähdytään kahville. "
            "Olavinlinnassa on opastettu kierros, jonka jälkeen syödään yhdessä lounas ravintolassa.")
    site.notice("retki.md", notice_text(title="Retki Savonlinnaan", association="kerho", extra="tags: [eläkeläiset]",
                                        body=trip))
    assert site.build() == 0
    with served(site.output) as address:
        page = browser.new_page()
        search(page, address, "?q=eläkeläiset")
        found = addresses(page)
        assert found.index("/ilmoitukset/retki/") < found.index("/ilmoitukset/kokous/")
        page.close()


@pytest.mark.parametrize("queries", ["recall_queries.txt", "typo_queries.txt"])
def test_the_benchmarks_queries_find_their_notices_on_the_first_page(browser, base, queries):
    # benchmarks/search_bench.py reports these; here each must keep working:
    # a base form finds the notice that has the word only inflected, and a
    # word with a typing error the notice with the word, among the first ten
    import sys
    from conftest import ROOT
    sys.path.append(str(ROOT / "benchmarks"))
    from search_bench import read_pairs, recall
    rows = recall(browser, base, read_pairs(ROOT / "benchmarks" / queries))
    assert [(r["q"], r["slug"], r["ours"]) for r in rows if not 0 <= r["ours"] < 10] == []


# A week's events around the reader's today, Wednesday 9.12.2026 (a
# Finnish week begins on Monday), and the months after: {name: start}.
AROUND_TODAY = {
    "edellinen-su": "2026-12-06 12:00",
    "tama-ma": "2026-12-07 18:00", "tama-ti": "2026-12-08 18:00", "tama-ke": "2026-12-09 18:00",
    "tama-to": "2026-12-10 18:00", "tama-pe": "2026-12-11 18:00", "tama-la": "2026-12-12 12:00",
    "tama-su": "2026-12-13 12:00",
    "ensi-ma": "2026-12-14 18:00", "ensi-su": "2026-12-20 12:00", "sitten-ma": "2026-12-21 18:00",
    "joulukuun-loppu": "2026-12-31 20:00", "tammikuu": "2027-01-05 18:00", "helmikuu": "2027-02-05 18:00",
}
CONCERTS = {"konsertti-joulu": "2026-12-19 18:00", "konsertti-tammi": "2027-01-09 18:00"}


@pytest.fixture(scope="module")
def around_today_base(tmp_path_factory):
    from conftest import Site
    site = Site(tmp_path_factory.mktemp("viikko"))
    for name, start in AROUND_TODAY.items():
        site.notice(f"{name}.md", event_text(title=f"Ilta {name}", start=start, location="Imatra",
                                              body="Tervetuloa!"))
    for name, start in CONCERTS.items():
        site.notice(f"{name}.md", event_text(title="Konsertti", start=start, location="Imatra"))
    # the words a period is said in, on a page with no day in the period
    site.notice("sanat.md", notice_text(title="Kuoron kuulumiset", body="Joulukuussa ja tammikuussa laulamme "
                                        "tällä viikolla ja ensi viikolla, viikonloppuna ja ensi kuussa."))
    # words that each weekday's abbreviation begins
    puuhat = "Maalausta, tiedotteita, kesää, tonttuja, perheitä, laulua ja suunnistusta"
    site.notice("puuhat.md", notice_text(title=puuhat, body=f"{puuhat}. " * 3))
    assert site.build() == 0
    with served(site.output) as address:
        yield address


@pytest.mark.parametrize("query, found, days", [
    ("tällä viikolla", ["tama-ke", "tama-la", "tama-ma", "tama-pe", "tama-su", "tama-ti", "tama-to"],
     "ma 7.12.2026 – su 13.12.2026"),
    ("ensi viikolla", ["ensi-ma", "ensi-su", "konsertti-joulu"], "ma 14.12.2026 – su 20.12.2026"),
    ("viikonloppuna", ["tama-la", "tama-su"], "la 12.12.2026 – su 13.12.2026"),
    ("tänä viikonloppuna", ["tama-la", "tama-su"], "la 12.12.2026 – su 13.12.2026"),
    ("ensi viikonloppuna", ["ensi-su", "konsertti-joulu"], "la 19.12.2026 – su 20.12.2026"),
    ("ensi kuussa", ["konsertti-tammi", "tammikuu"], "pe 1.1.2027 – su 31.1.2027"),
    ("Tammikuussa konsertti", ["konsertti-tammi"], "pe 1.1.2027 – su 31.1.2027"),
    ("helmikuu", ["helmikuu"], "ma 1.2.2027 – su 28.2.2027"),  # the next February
    ("joulukuun konsertti", ["konsertti-joulu"], "ti 1.12.2026 – to 31.12.2026"),  # this month's every day
    # a month's name with a year is that year's month, not this one's and the year a word besides
    ("joulukuussa 2027", [], "ke 1.12.2027 – pe 31.12.2027"),
    ("tammikuun 2027 konsertti", ["konsertti-tammi"], "pe 1.1.2027 – su 31.1.2027"),
    # one period named twice is named once
    ("joulukuussa tässä kuussa konsertti joulukuussa", ["konsertti-joulu"], "ti 1.12.2026 – to 31.12.2026"),
])
def test_a_period_in_words_finds_the_events_on_its_days_and_the_status_names_them(
        page, around_today_base, query, found, days):
    # "joulukuussa" and "ensi viikolla" were searched as words: a page that
    # says them came, and December's events did not
    page.clock.set_fixed_time("2026-12-09T09:00:00")
    status = search(page, around_today_base, f"?q={quote(query)}")
    assert status.startswith(f"{days}: ") and status.count("–") == 1 and "Mikään" not in status
    assert sorted(a.split("/")[-2] for a in addresses(page)) == found


def test_joulukuussa_lists_the_months_events_not_the_page_with_the_word(page, around_today_base):
    page.clock.set_fixed_time("2026-12-09T09:00:00")
    assert search(page, around_today_base, "?q=joulukuussa") == "ti 1.12.2026 – to 31.12.2026: 13 tulosta"
    show_all(page)
    december = [name for name, start in AROUND_TODAY.items() if start.startswith("2026-12")]
    assert sorted(a.split("/")[-2] for a in addresses(page)) == sorted(december + ["konsertti-joulu"])


WEEKDAYS = ["ma", "ti", "ke", "to", "pe", "la", "su"]


@pytest.mark.parametrize("weekday", WEEKDAYS)
def test_every_weekday_abbreviation_lists_that_days_events_before_the_words_it_begins(
        page, around_today_base, weekday):
    # "to" and "pe" were no forms of torstai and perjantai, as "la" is of
    # lauantai: Pagefind's words that they begin (tonttuja, perheitä) came
    # with Thursday's and Friday's events
    search(page, around_today_base, f"?q={weekday}")
    found = [a.split("/")[-2] for a in addresses(page)]
    on_the_day = sorted(name for name, start in {**AROUND_TODAY, **CONCERTS}.items()
                        if date.fromisoformat(start[:10]).weekday() == WEEKDAYS.index(weekday))
    assert sorted(found[:found.index("puuhat")]) == on_the_day
