"""What the build gives search: the Pagefind index, what is indexed, the
search page, the lemma map and the search form on every page."""
import base64
import gzip
import json
import subprocess
import sys
from pathlib import Path

import pytest
from bs4 import BeautifulSoup

from bulletin_cli.cli import main
from bulletin_contract.model import AssociationProfile, SeriesProfile
from bulletin_i18n.translations import TABLES
from bulletin_search import stable
from bulletin_search.delta import page_ids
from bulletin_search.indexer import indexed_folders
from bulletin_search.lemmas import file_key
from bulletin_search.records import site_records
from bulletin_search.types import TYPES, search_types
from conftest import ROOT, event_text, notice_text


def page(output, address):
    return BeautifulSoup((output / address / "index.html").read_text(encoding="utf-8"), "html.parser")


def search_fields(soup, kind):
    """{key: [values]} of the page's data-pagefind-<kind>="key[content]" metas."""
    fields = {}
    for meta in soup.select(f"meta[data-pagefind-{kind}]"):
        key = meta[f"data-pagefind-{kind}"].removesuffix("[content]")
        fields.setdefault(key, []).append(meta["content"])
    return fields


def items(output):
    """[(association page, id)] of the offers and needs on the association pages."""
    return [(path.parent.name, li["id"]) for path in sorted((output / "yhdistykset").glob("*/index.html"))
            for li in BeautifulSoup(path.read_text(encoding="utf-8"), "html.parser").select("li.bl-offer[id]")]


def fragment(output, key):
    """What Pagefind recorded of a page or record (a key of page_ids)."""
    path = output / "pagefind" / "fragment" / f"{page_ids(output / 'pagefind')[key]}.pf_fragment"
    return json.loads(gzip.decompress(path.read_bytes())[len(b"pagefind_dcd"):])


def page_count(bundle):
    entry = json.loads((bundle / "pagefind-entry.json").read_text())
    return sum(language["page_count"] for language in entry["languages"].values())


def test_the_index_holds_every_page_offer_need_and_series(example_site):
    # the present's bundle and each year's of the archive: every page in one
    bundles = [example_site / "pagefind", *sorted(example_site.glob("pagefind-arkisto-*"))]
    assert len(bundles) > 1
    notices = len(list((example_site / "ilmoitukset").glob("*/index.html")))
    associations = len(list((example_site / "yhdistykset").glob("*/index.html")))
    spaces = len(list((example_site / "tilat").glob("*/index.html")))
    series = len(list((example_site / "sarjat").glob("*/index.html")))
    assert len(items(example_site)) > 50 and series == 1
    assert sum(map(page_count, bundles)) == notices + associations + spaces + len(items(example_site)) + series
    assert (example_site / "pagefind" / "pagefind.js").is_file()


def test_each_offer_and_need_is_a_record_of_its_own_linking_to_its_item(example_site):
    ids = page_ids(example_site / "pagefind")
    for slug, item in items(example_site):
        assert f"yhdistykset/{slug}/#{item}" in ids
    offer = fragment(example_site, "yhdistykset/karhumaen-kunto/#tarjous-1")
    assert offer["url"] == "/yhdistykset/karhumaen-kunto/#tarjous-1"
    assert offer["content"] == "Kuljetusapu retkille (9-paikkainen auto)"
    assert offer["meta"] == {"title": "Kuljetusapu retkille (9-paikkainen auto) – Karhumäen Kunto ry",
                             "kind": "Tarjous", "date": "9999"}
    assert offer["filters"] == {"type": ["tarjous"], "association": ["karhumaen-kunto"],
                                "group": ["urheilu", "nuoret"]}
    need = fragment(example_site, "yhdistykset/invalidiyhdistys-askel/#tarve-2")
    assert need["meta"]["title"] == "Kuljetusapua retkille pyörätuolilla liikkuville – Invalidiyhdistys Askel ry"
    assert need["filters"]["type"] == ["tarve"] and need["meta"]["kind"] == "Tarve"
    item = page(example_site, "yhdistykset/invalidiyhdistys-askel/").select_one("#tarve-2")
    assert item.get_text() == "Kuljetusapua retkille pyörätuolilla liikkuville"
    # found by itself, not again through its association's page
    assert "Kuljetusapua" not in fragment(example_site, "yhdistykset/invalidiyhdistys-askel/index.html")["content"]


def test_a_series_is_a_record_of_what_it_is(example_site):
    series = fragment(example_site, "sarjat/jarjestoillat/index.html")
    assert series["url"] == "/sarjat/jarjestoillat/"
    assert series["meta"]["title"] == "Järjestöillat" and series["meta"]["kind"] == "Sarja"
    assert series["meta"]["association"] == "Etelä-Karjalan Järjestöverkosto ry"
    assert series["filters"] == {"type": ["sarja"], "association": ["etela-karjalan-jarjestoverkosto"]}
    assert "kahdesti vuodessa" in series["content"] and "päättäjien tapaaminen" in series["content"]
    # its words are in the lemma map, as the pages' are ("kysymysten" is only there)
    lemmas = json.loads((example_site / "haku" / "lemmat" / f"{file_key('kysymysten')}.json").read_text(encoding="utf-8"))
    assert "kysymysten" in lemmas["forms"]["kysymys"]


def test_records_number_the_items_and_leave_out_a_retired_association():
    settings = {"BULLETIN_LANGUAGE": "fi", "BULLETIN_URLS": {"association": "yhdistykset/{slug}/", "series": "sarjat/{slug}/"}}
    associations = {
        "a": AssociationProfile("a", "a.yml", "A ry", offers=["Sali", "Teltta"], needs=["Kuljetusapua"]),
        "b": AssociationProfile("b", "b.yml", "B ry", offers=["Kahvia"], active=False),
    }
    series = {"illat": SeriesProfile("illat", "illat.yml", "Illat", themes=["rahoitus"])}
    records = site_records(settings, associations, series)
    assert list(records) == ["yhdistykset/a/#tarjous-1", "yhdistykset/a/#tarjous-2", "yhdistykset/a/#tarve-1",
                             "sarjat/illat/"]
    assert records["yhdistykset/a/#tarjous-2"]["filters"] == {"type": ["tarjous"], "association": ["a"]}
    assert records["sarjat/illat/"]["content"] == "Illat rahoitus"
    assert "association" not in records["sarjat/illat/"]["meta"]  # no organisers named
    # a site without series pages has no series records
    settings["BULLETIN_URLS"] = {"association": "yhdistykset/{slug}/"}
    assert "sarjat/illat/" not in site_records(settings, associations, series)


def test_the_items_on_the_cooperation_page_have_ids_too(example_site):
    soup = page(example_site, "yhteistyo/")
    assert soup.select_one("#tarjous-karhumaen-kunto-1").get_text().startswith("Kuljetusapu retkille")
    assert soup.select_one("#tarve-invalidiyhdistys-askel-2").get_text().startswith("Kuljetusapua retkille")


@pytest.mark.parametrize("address", ["", "aiheet/tilat/", "yhdistykset/", "tapahtumat/", "arkisto/",
                                     "avainsanat/", "haku/", "nain-ilmoitat/"])
def test_listing_and_other_pages_are_not_indexed(example_site, address):
    assert page(example_site, address).select("[data-pagefind-body]") == []


def test_a_notice_page_is_indexed_without_its_interface_labels(example_site):
    soup = page(example_site, "ilmoitukset/joulumyyjaiset-vuoksenniska/")
    body = soup.select_one("article[data-pagefind-body]")
    assert body.h1.get_text() == "Joulumyyjäiset Vuoksenniskan asukastuvalla"
    ignored = " ".join(e.get_text(" ") for e in body.select("[data-pagefind-ignore]"))
    for label in ("Ilmoittaja", "Aihe", "Julkaistu", "Tapahtuman tiedot", "Aika", "Paikka"):
        assert label in ignored


def test_an_association_page_indexes_its_profile_not_its_notice_lists(example_site):
    soup = page(example_site, "yhdistykset/vuoksenniskan-asukkaat/")
    body = soup.select_one("[data-pagefind-body]")
    assert body.h1.get_text() == "Vuoksenniskan Asukkaat ry"
    assert body.select(".bl-list, .bl-item") == []
    assert soup.select(".bl-item")  # the lists are there, outside the indexed part
    assert search_fields(soup, "filter") == {"type": ["yhdistys"], "association": ["vuoksenniskan-asukkaat"],
                                             "group": ["asukkaat"]}
    assert search_fields(soup, "meta") == {"kind": ["Yhdistys"], "date": ["9999"]}
    assert search_fields(soup, "sort") == {"date": ["9999"]}  # before the notices when newest first


def test_a_notice_carries_filters_and_result_details(example_site):
    soup = page(example_site, "ilmoitukset/joulumyyjaiset-vuoksenniska/")
    assert search_fields(soup, "filter") == {
        "type": ["ilmoitus"], "category": ["tapahtumat"], "association": ["vuoksenniskan-asukkaat"],
        "group": ["asukkaat"], "upcoming": ["1"],
        # its day and time, and those its text writes (bulletin_search.days)
        "day": ["5.12.", "5.12.2026"], "time": ["10.00"], "date": ["1.12.", "1.12.2026"], "clock": ["11.00"]}
    assert search_fields(soup, "meta") == {
        "kind": ["Ilmoitus"], "association": ["Vuoksenniskan Asukkaat ry"], "category": ["Tapahtumat"],
        "when": ["la 5.12.2026 klo 10.00–14.00"], "date": ["2026-12-05T10:00+02:00"],
        "summary": ["Käsitöitä, leivonnaisia ja joulupuuroa. Tuotto asukastuvan retkirahastoon."]}
    assert search_fields(soup, "sort") == {"date": ["2026-12-05T10:00+02:00"]}


def test_only_a_written_summary_is_searched_besides_the_text(example_site):
    # without one the listings show the first paragraph, which is indexed already
    soup = page(example_site, "ilmoitukset/kimppakyydit-tukiviittoma/")
    assert "summary" not in search_fields(soup, "meta")


def test_a_past_event_is_not_upcoming_and_is_marked_expired(example_site):
    soup = page(example_site, "ilmoitukset/syysmarkkinat-vuoksenniska/")
    fields = search_fields(soup, "filter")
    assert "upcoming" not in fields and fields["category"] == ["tapahtumat"]
    assert search_fields(soup, "meta")["expired"] == ["vanhentunut"]


def test_a_notice_that_is_not_an_event_shows_its_publication_date(example_site):
    soup = page(example_site, "ilmoitukset/joulumyyjaiset-talkoovaki/")
    assert search_fields(soup, "meta")["when"] == ["Julkaistu 22.11.2026"]
    assert "upcoming" not in search_fields(soup, "filter")


@pytest.mark.parametrize("address", ["", "ilmoitukset/joulumyyjaiset-talkoovaki/", "yhdistykset/", "404.html"])
def test_every_page_has_a_plain_search_form_that_lands_on_the_search_page(example_site, address):
    path = example_site / address if address.endswith(".html") else example_site / address / "index.html"
    soup = BeautifulSoup(path.read_text(encoding="utf-8"), "html.parser")
    form = soup.select_one("header form[role=search]")
    assert form["action"] == "/haku/" and form["method"] == "get"
    field = form.select_one("input[name=q]")
    assert soup.select_one(f"label[for={field['id']}]").get_text() == "Hae ilmoituksista"
    assert soup.select_one('nav a[href="/haku/"]').get_text() == "Hae"


def test_the_search_page_lists_its_lemma_files(example_site):
    soup = page(example_site, "haku/")
    search = soup.select_one("#bl-search")
    assert search.has_attr("hidden")  # shown by search.js
    listed = search["data-lemma-files"].split()
    written = sorted(p.stem for p in (example_site / "haku" / "lemmat").glob("*.json"))
    assert listed == written and "as" in listed
    forms = json.loads((example_site / "haku" / "lemmat" / "as.json").read_text(encoding="utf-8"))["forms"]
    assert {"asukastuvalla", "asukastuvalle", "asukastuvan"} <= set(forms["asukastupa"])
    assert soup.select_one("header form[role=search]") is None  # the page's own form is enough


def test_the_search_page_offers_every_filter_as_a_labelled_control(example_site):
    soup = page(example_site, "haku/")
    form = soup.select_one("#bl-search form")
    assert form.select_one("fieldset legend").get_text() == "Rajaa hakua"
    for name in ("q", "type", "category", "association", "group", "upcoming"):
        control = form.select_one(f"[name={name}]")
        assert soup.select_one(f"label[for={control['id']}]").get_text().strip()
    categories = [o["value"] for o in form.select("select[name=category] option")]
    assert categories == ["", "tapahtumat", "tilat", "rahoitus", "vapaaehtoiset", "yhteistyo", "tiedotteet"]
    assert "eläkeläiset" in [o["value"] for o in form.select("select[name=group] option")]


def test_the_print_button_is_not_indexed(example_site):
    # every notice has one: a search for its label would find them all
    fragments = page_ids(example_site / "pagefind")
    fragment = example_site / "pagefind" / "fragment" / f"{fragments['ilmoitukset/puurojuhla-silta/index.html']}.pf_fragment"
    content = json.loads(gzip.decompress(fragment.read_bytes())[len(b"pagefind_dcd"):])["content"]
    assert "Joulupuurojuhla" in content
    assert "Tulosta" not in content


def test_pagefind_reads_only_the_folders_of_indexed_pages():
    settings = {"ARTICLE_SAVE_AS": "ilmoitukset/{slug}/index.html",
                "BULLETIN_URLS": {"association": "yhdistykset/{slug}/", "space": "tilat/{slug}/"}}
    assert indexed_folders(settings) == ["ilmoitukset", "tilat", "yhdistykset"]
    # a pattern without a folder of its own: Pagefind reads every page
    assert indexed_folders(dict(settings, ARTICLE_SAVE_AS="{slug}.html")) is None


def test_another_kind_of_page_is_searched_once_its_address_is_set():
    # spaces (issue 13) and series (issue 14) plug in by their address in
    # BULLETIN_URLS, named in bulletin_search.types.TYPES; offers and needs
    # are items of the association pages
    settings = {"ARTICLE_SAVE_AS": "ilmoitukset/{slug}/index.html", "BULLETIN_URLS": {"association": "yhdistykset/{slug}/"}}
    assert search_types(settings) == ["ilmoitus", "yhdistys", "tarjous", "tarve"]
    settings["BULLETIN_URLS"] = dict(settings["BULLETIN_URLS"], space="tilat/{slug}/", series="sarjat/{slug}/")
    assert search_types(settings) == ["ilmoitus", "tila", "yhdistys", "tarjous", "tarve", "sarja"]
    # records are not read from pages: Pagefind reads no series page
    assert indexed_folders(settings) == ["ilmoitukset", "tilat", "yhdistykset"]
    assert set(TYPES) == {"ilmoitus", "tila", "yhdistys", "tarjous", "tarve", "sarja"}
    for value in TYPES:  # each has its label in both languages
        assert TABLES["fi"][f"search_type_{value}"] and TABLES["en"][f"search_type_{value}"]


def test_each_indexed_page_declares_its_kind(example_site):
    notice = page(example_site, "ilmoitukset/puurojuhla-silta/")
    association = page(example_site, "yhdistykset/kuoro-vuoksenlaulu/")
    space = page(example_site, "tilat/askeleen-sali/")
    for soup, value, label in ((notice, "ilmoitus", "Ilmoitus"), (association, "yhdistys", "Yhdistys"),
                               (space, "tila", "Tila")):
        assert soup.select_one('meta[data-pagefind-filter="type[content]"]')["content"] == value
        assert soup.select_one('meta[data-pagefind-meta="kind[content]"]')["content"] == label
    types = [o["value"] for o in page(example_site, "haku/").select("select[name=type] option")]
    assert types == ["", "ilmoitus", "tila", "yhdistys", "tarjous", "tarve", "sarja"]


def test_the_vocabulary_files_are_listed_and_hold_the_site_words(example_site):
    search = page(example_site, "haku/").select_one("#bl-search")
    listed = search["data-vocabulary-files"].split()
    written = sorted(p.stem for p in (example_site / "haku" / "sanasto").glob("*.json"))
    assert sorted(listed) == written and "9" in listed
    nine = json.loads((example_site / "haku" / "sanasto" / "9.json").read_text(encoding="utf-8"))
    assert nine["konsertti"] >= 1  # a lemma: the site has "joulukonsertti", "konserttiin"…
    assert all(len(word) == 9 and count > 0 for word, count in nine.items())


def test_pelican_itself_builds_the_search_index(tmp_path):
    output = tmp_path / "out"
    result = subprocess.run([sys.executable, "-m", "pelican", "content", "-s", "pelicanconf.py", "-o", str(output)],
                            cwd=ROOT, capture_output=True, text=True)
    assert result.returncode == 0, result.stderr
    assert (output / "pagefind" / "pagefind-entry.json").is_file()
    assert (output / "haku" / "index.html").is_file()


def test_two_builds_give_the_same_search_files(site, tmp_path):
    # six categories: Pagefind alone would order them differently from run to run
    for number, category in enumerate(["tilat", "rahoitus", "vapaaehtoiset", "yhteistyo", "tiedotteet"]):
        site.notice(f"n{number}.md", notice_text(title=f"Ilmoitus {number}", category=category))
    site.notice("tapahtuma.md", event_text())
    assert site.build() == 0
    again = tmp_path / "again"
    assert main(["build", "--content", str(site.content), "--output", str(again), "--today", "2026-12-01"]) == 0
    first = {p.relative_to(site.output): p.read_bytes() for p in (site.output / "pagefind").rglob("*") if p.is_file()}
    second = {p.relative_to(again): p.read_bytes() for p in (again / "pagefind").rglob("*") if p.is_file()}
    assert first == second


@pytest.mark.parametrize("item", [0, 23, 24, 255, 256, 70000, 2**33, "", "kylätalo", b"\x00\x01",
                                  [1, [2, "a"]], {"a": [1, 2], "b": {}}, ["x" * 300, list(range(30))]])
def test_the_index_codec_reads_back_what_it_writes(item):
    data = stable.encode(item)
    assert stable.decode(data) == (item, len(data))


@pytest.mark.parametrize("item", [-1, 1.5, None, True])
def test_the_index_codec_refuses_what_it_does_not_know(item):
    with pytest.raises(stable.Unknown):
        stable.encode(item)


def test_a_build_refused_for_a_file_makes_no_lemma_map(site, monkeypatch):
    from bulletin_search import generator

    started, beside = [], generator.beside

    def recording(*args, **kwargs):
        started.append(True)
        return beside(*args, **kwargs)

    monkeypatch.setattr(generator, "beside", recording)
    site.notice("hyva.md", notice_text(title="Hyvä"))
    site.notice("huono.md", notice_text(title="Huono", category="ei-tallaista"))
    assert site.build() == 1
    assert started == []
    (site.content / "notices" / "huono.md").unlink()
    assert site.build() == 0
    assert started == [True]


def test_indexing_started_early_is_awaited_and_one_left_over_is_stopped(site, tmp_path):
    from bulletin_search.indexer import Indexer

    site.notice("tupa.md", notice_text(title="Kerhohuone vapaana"))
    assert site.build() == 0
    indexer = Indexer()
    other = tmp_path / "toinen"
    indexer.start(other, [("pagefind", ["ilmoitukset/x/index.html"], [])])  # as a failed build would leave it: a folder that is gone
    (site.output / "pagefind").rename(tmp_path / "vanha")
    indexer.finish(site.output, [("pagefind", ["ilmoitukset/tupa/index.html", "yhdistykset/testikyla/index.html"], [])])
    entry = json.loads((site.output / "pagefind" / "pagefind-entry.json").read_text())
    assert entry["languages"]["fi"]["page_count"] == 2  # the notice and its association
    assert indexer.services == [] and indexer.thread is None


def test_pages_added_many_at_a_time_make_the_index_one_at_a_time_makes():
    """Service.ask_each keeps AHEAD requests on their way; Pagefind must get
    every page, in order, exactly as when each waits for its answer."""
    from bulletin_search.service import AHEAD, Service

    pages = [dict(type="AddFile", file_path=None, url=f"/ilmoitukset/sivu-{n}/",
                  file_contents=f'<html lang="fi"><body><main data-pagefind-body><h1>Sivu {n}</h1>'
                                f'<p>Kylätalon ilta {n} ja kuoro{n % 7}.</p></main></body></html>')
             for n in range(3 * AHEAD + 5)]

    def bundle(add):
        service = Service()
        try:
            index = service.ask(type="NewIndex", config=None)["index_id"]
            add(service, [dict(page, index_id=index) for page in pages])
            return {f["path"]: f["content"] for f in service.ask(type="GetFiles", index_id=index)["files"]}
        finally:
            service.close()

    one_at_a_time = bundle(lambda service, asked: [service.ask(**page) for page in asked])
    many_at_a_time = bundle(lambda service, asked: service.ask_each(asked))
    assert many_at_a_time == one_at_a_time
    entry = json.loads(base64.b64decode(one_at_a_time["pagefind-entry.json"]))
    assert entry["languages"]["fi"]["page_count"] == len(pages)


@pytest.mark.parametrize("text, days", [
    ("Avoinna 18.–20.12. joka päivä.", ["2026-12-18", "2026-12-19", "2026-12-20"]),
    ("Kiinni 30.12.–2.1.", ["2026-12-30", "2026-12-31", "2027-01-02", "2027-01-01"]),  # over the new year
    ("Ilmoittaudu 2.12. mennessä", ["2026-12-02"]),
    ("Kuoro lauloi 19.12.2025 kirkossa.", ["2025-12-19"]),
    ("Ovet avataan klo 18.10. Tervetuloa! Loppuu klo. 20.11.", []),  # times at the end of a sentence
    ("Ohjelma 17.30–20.00, hinta 18,30 €, puh. 040 183 0000.", []),
    ("1. kohta ja 31.2. ei ole päivä", []),
])
def test_the_days_a_text_writes_are_in_the_year_nearest_its_event(text, days):
    from datetime import date

    from bulletin_search.days import written_days
    near = (date(2026, 12, 18),) * 2
    assert sorted(written_days(text, near)) == sorted(date.fromisoformat(d) for d in days)


def test_a_day_a_series_text_writes_is_in_the_series_time():
    from datetime import date

    from bulletin_search.days import written_days
    autumn_to_spring = (date(2026, 9, 1), date(2027, 5, 25))
    # the spring's party is the May the series ends in, not the one before it began
    assert written_days("Kevätjuhla 20.5., joulutauko 22.12.–6.1.", autumn_to_spring) == {
        date(2027, 5, 20), *(date(2026, 12, 22) + (date(2026, 12, 23) - date(2026, 12, 22)) * n for n in range(16))}


@pytest.mark.parametrize("text, times", [
    ("Ovet avataan 18.30. Kello 9 ja klo 17, lopuksi 20:15.", ["18.30", "20.15", "17.00", "9.00"]),
    ("Alkaa klo. 18 ja päättyy klo. 19.10.", ["18.00", "19.10"]),  # not 19.10., a day of October
    ("Kahvila on kiinni 19.12. ja 19.12.2026, hinta 18,30 €.", []),  # days, a price
])
def test_the_clock_times_a_text_writes(text, times):
    from bulletin_search.days import written_times
    assert written_times(text) == set(times)
