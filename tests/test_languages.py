"""Notices in other languages: `lang` read as a language tag, only the
writer's words marked with it, and the feeds and og:locale following it."""
import json
import re
import xml.etree.ElementTree as ET

import pytest

from bulletin_cli.cli import main
from bulletin_contract.slugs import form_transliteration, form_unwritten_letters
from bulletin_settings import SettingsError, validate, with_defaults
from conftest import ROOT, event_text, notice_text

XML_LANG = "{http://www.w3.org/XML/1998/namespace}lang"


def checked(site, capsys, lang):
    path = site.notice("2026/kieli.md", notice_text(extra=f"lang: {lang}"))
    status = site.check(path)
    return status, capsys.readouterr()


@pytest.mark.parametrize("written, tag", [("FI", "fi"), ("sv-fi", "sv-FI"), ("SV", "sv"), ("en-gb", "en-GB"),
                                          ("fi-x-selko", "fi-x-selko"), ("RU", "ru")])
def test_a_tag_in_any_case_is_taken_and_written_as_langcodes_writes_it(site, tmp_path, capsys, written, tag):
    status, _out = checked(site, capsys, written)
    assert status == 0
    # `add` writes the notice again in the canonical form
    source = tmp_path / "lahetys.md"
    source.write_text(notice_text(title=f"Kieli {written}", extra=f"lang: {written}"), encoding="utf-8")
    assert main(["add", str(source), "--content", str(site.content)]) == 0
    text = open(capsys.readouterr().out.strip(), encoding="utf-8").read()
    assert (f'lang: "{tag}"' in text) if tag != "fi" else ("lang:" not in text)


@pytest.mark.parametrize("written", ["xx", "finnish", "suomeksi", "zz-FI", "und"])
def test_what_is_not_a_language_tag_is_refused_naming_the_line_and_what_to_write(site, capsys, written):
    status, (out, _err) = checked(site, capsys, written)
    assert status == 1
    assert f"kieli.md:6: Kielikoodi {written} ei kelpaa. Kirjoita kielen tunnus, esimerkiksi " \
           "fi-x-selko (selkokieli), sv (svenska), en (English), ru (русский)." in out


@pytest.mark.parametrize("written, tag", [("suomi", "fi"), ("Svenska", "sv"), ("русский", "ru")])
def test_a_languages_name_gets_its_tag(site, capsys, written, tag):
    status, (out, _err) = checked(site, capsys, written)
    assert status == 1 and f"kieli.md:6: {written} on kielen nimi. Kirjoita sen tunnus: lang: {tag}" in out


def test_the_sites_languages_are_language_tags():
    for wrong in ({"fi": "suomi", "swedish": "svenska"}, {"fi": "suomi", "sv-fi": "svenska"}, {"sv": "svenska"}):
        with pytest.raises(SettingsError, match="BULLETIN_LANGUAGES"):
            validate(with_defaults({"BULLETIN_LANGUAGES": wrong}))


@pytest.fixture(scope="module")
def languages_site(tmp_path_factory):
    from conftest import Site
    site = Site(tmp_path_factory.mktemp("languages"))
    swedish = event_text("Luciakonsert", start="2026-12-13 18:00", body="Välkommen alla!")
    site.notice("2026/luciakonsert.md", swedish.replace("\n---\nVälkommen", "\nlang: sv-FI\n---\nVälkommen"))
    site.notice("2026/volunteers.md", notice_text(title="Volunteers wanted", body="Help us!", extra="lang: en"))
    site.notice("2026/prazdnik.md", notice_text(title="Праздник", body="Приходите!", extra="lang: ru"))
    site.notice("2026/selko.md", notice_text(title="Toimisto on kiinni", body="Toimisto on kiinni.",
                                             extra="lang: fi-x-selko"))
    site.notice("2026/kokous.md", notice_text(title="Kokous", body="Tervetuloa!"))
    assert site.build() == 0
    return site


def test_only_the_writers_title_and_text_are_marked(languages_site):
    page = languages_site.page("ilmoitukset/luciakonsert/")
    assert page.find("html")["lang"] == "fi"
    assert page.select_one("article.bl-notice").get("lang") is None
    assert page.select_one(".bl-notice__title")["lang"] == "sv-FI"
    assert page.select_one(".bl-notice__body")["lang"] == "sv-FI"
    assert "Välkommen alla!" in page.select_one(".bl-notice__body").get_text()
    # the Finnish labels around them are not
    labels = page.select("article dt") + page.select("article h2")
    assert labels and all(label.find_parent(attrs={"lang": True}).name == "html" for label in labels)
    # the language is said in its own name
    said = [dd for dd in page.select(".bl-facts dd") if dd.find_previous_sibling("dt").get_text() == "Kieli"]
    assert [(dd.get_text(), dd["lang"]) for dd in said] == [("svenska", "sv-FI")]


def test_a_finnish_notice_has_no_lang_of_its_own(languages_site):
    page = languages_site.page("ilmoitukset/kokous/")
    assert not page.select("main [lang]")
    assert page.find("meta", property="og:locale")["content"] == "fi_FI"


@pytest.mark.parametrize("slug, locale", [("luciakonsert", "sv_FI"), ("volunteers", "en_US"), ("prazdnik", "ru_RU"),
                                          ("selko", "fi_FI"), ("kokous", "fi_FI")])
def test_og_locale_follows_the_notice(languages_site, slug, locale):
    page = languages_site.page(f"ilmoitukset/{slug}/")
    assert page.find("meta", property="og:locale")["content"] == locale


def test_listings_mark_the_title_and_summary(languages_site):
    page = languages_site.page("")
    cards = {li.select_one(".bl-item__title").get_text(strip=True): li for li in page.select(".bl-item")}
    card = cards["Праздник"]
    assert card.select_one(".bl-item__title")["lang"] == "ru"
    assert card.select_one(".bl-item__summary")["lang"] == "ru"
    assert card.select_one(".bl-item__lang").get_text() == "русский"
    assert card.select_one(".bl-item__by").get("lang") is None
    assert cards["Toimisto on kiinni"].select_one(".bl-item__lang").get_text() == "selkokieli"
    assert not cards["Kokous"].select("[lang]")


def test_feeds_carry_the_notices_language(languages_site):
    feeds = languages_site.output / "syotteet"
    atom = ET.parse(feeds / "kaikki.atom.xml").getroot()
    ns = {"a": "http://www.w3.org/2005/Atom"}
    assert atom.get(XML_LANG) == "fi"
    by_title = {e.find("a:title", ns).text: e.get(XML_LANG) for e in atom.findall("a:entry", ns)}
    assert by_title == {"Luciakonsert": "sv-FI", "Volunteers wanted": "en", "Праздник": "ru",
                        "Toimisto on kiinni": "fi-x-selko", "Kokous": None}
    rss = ET.parse(feeds / "kaikki.rss.xml").getroot()
    dc = "{http://purl.org/dc/elements/1.1/}language"
    by_title = {i.findtext("title"): i.findtext(dc) for i in rss.iter("item")}
    assert by_title["Праздник"] == "ru" and by_title["Luciakonsert"] == "sv-FI" and by_title["Kokous"] is None
    items = json.loads((feeds / "kaikki.json").read_text(encoding="utf-8"))["items"]
    assert {i["title"]: i.get("language") for i in items}["Volunteers wanted"] == "en"


def test_the_forms_transliteration_is_unidecodes():
    script = (ROOT / "theme" / "static" / "js" / "form-core.js").read_text(encoding="utf-8")
    table = json.loads(re.search(r"var TRANSLITERATION = (\{.*?\});\n", script).group(1))
    assert table == form_transliteration()  # else: .venv/bin/python scripts/transliteration.py
    assert table["ж"] == "zh" and table["ß"] == "ss"
    # the letters it cannot write that have a slug: a tag or name of them is one, as to check
    unwritten = re.search(r"var UNWRITTEN = /\[(.*?)\]/u;\n", script).group(1)
    assert unwritten == form_unwritten_letters() and "\\u{4e00}-" in unwritten


def test_new_takes_the_language_as_a_tag_in_any_case(site, capsys, example_today):
    status = main(["new", "--content", str(site.content), "--title", "Julfest", "--association", "testikyla",
                   "--category", "tiedotteet", "--date", "1.12.2026", "--lang", "SV-fi", "--body", "Välkommen!"])
    out, err = capsys.readouterr()
    assert status == 0, err
    assert 'lang: "sv-FI"' in open(out.strip(), encoding="utf-8").read()
    status = main(["new", "--content", str(site.content), "--title", "Jul", "--association", "testikyla",
                   "--category", "tiedotteet", "--date", "1.12.2026", "--lang", "svenska", "--body", "Hej!"])
    assert status == 1 and "--lang: svenska on kielen nimi. Kirjoita sen tunnus: lang: sv" in capsys.readouterr().err


@pytest.mark.parametrize("answer, line", [("svenska", 'lang: "sv"'), ("selkokieli", 'lang: "fi-x-selko"'),
                                          ("suomi", None), ("_No response_", None)])
def test_the_issue_forms_language_choice(site, tmp_path, capsys, example_today, answer, line):
    from test_editor_commands import issue_body
    status, paths, err, _comment = site.from_issue(issue_body(**{"Ilmoituksen kieli": answer}), capsys)
    assert status == 0, err
    text = open(paths[0], encoding="utf-8").read()
    assert (line in text) if line else ("lang:" not in text)
    assert site.check() == 0


def test_a_notice_in_a_right_to_left_script_is_set_right_to_left_wherever_it_goes(site, tmp_path):
    """Arabic or Hebrew marked only with `lang` is laid out left to right:
    the paragraph starts at the left and a closing "!" or "." is drawn at
    the beginning of the sentence. Everything a reader gets (the page, the
    letter and its e-mail, the embed, the print sheet, the poster) says
    `dir="rtl"` where it says the language, and `ltr` text says nothing."""
    site.notice("ilta.md", event_text("أمسية عائلية في إيماترا!", start="2026-12-02 17:00", date="2026-11-25",
                                      location="مدرسة مانسيكالا، إيماترا", body="مرحبا بالجميع!")
                .replace("\n---\n", "\nlang: ar\n---\n", 1))
    site.notice("shalom.md", notice_text(title="ערב שירה בציבור", date="2026-11-26", body="ברוכים הבאים.",
                                         extra="lang: he"))
    site.notice("konsert.md", event_text("Luciakonsert", start="2026-12-03 18:00", date="2026-11-25",
                                         body="Välkommen!").replace("\n---\n", "\nlang: sv\n---\n", 1))
    assert site.build() == 0
    mail = tmp_path / "kirje.eml"
    assert main(["digest", "--content", str(site.content), "--today", "2026-12-01", "--output", str(mail)]) == 0
    import email
    import email.policy
    from bs4 import BeautifulSoup
    letter_mail = email.message_from_bytes(mail.read_bytes(), policy=email.policy.default)
    pages = {address: site.page(address) for address in (
        "ilmoitukset/ilta/", "ilmoitukset/shalom/", "", "viikkokirje/2026-49/", "yhdistykset/testikyla/upotus/",
        "tulosta/", "julisteet/ilta/")}
    pages["e-mail"] = BeautifulSoup(letter_mail.get_body(("html",)).get_content(), "html.parser")
    for where, page in pages.items():
        marked = page.select("body [lang]")
        assert {e["lang"] for e in marked} >= ({"ar"} if where != "ilmoitukset/shalom/" else {"he"}), where
        for element in marked:
            expected = "rtl" if element["lang"] in ("ar", "he") else None
            assert element.get("dir") == expected, (where, str(element)[:120])
    # the poster's blocks of the writer's words are aligned as they are written, the site's words among them
    poster = pages["julisteet/ilta/"]
    assert [poster.select_one(f".bl-poster__{part}").get("dir") for part in ("title", "where", "summary")] == ["rtl"] * 3
