"""The notice form's language choice and names in any script, in Chromium:
the file it writes is the one the checker reads, and its slugs are the
checker's."""
import urllib.parse
from pathlib import Path

import pytest

from bulletin_cli.cli import main
from bulletin_contract.slugs import slugify
from bulletin_contract.writer import notice_file
from browser import downloaded, served
from test_a11y_machine_checks import run_axe
from test_submit_form import BODY, fill_event, form_site, page, preview  # noqa: F401 (fixtures)

pytestmark = pytest.mark.usefixtures("example_today")

EVENT = {"start": "2026-12-05 18:00", "end": "20:00", "location": "Kerhohuone, Koulukatu 1, Imatra"}
CONTACT = {"name": "Aila Esimerkki", "email": "aila@example.org", "phone": "040 123 4567", "consent": True}


def test_the_languages_offered_are_the_sites(page):
    choice = page.get_by_label("Ilmoituksen kieli")
    options = choice.locator("option")
    assert options.evaluate_all("os => os.map(o => [o.value, o.lang, o.textContent])") == [
        ["fi", "fi", "suomi"], ["fi-x-selko", "fi-x-selko", "selkokieli"], ["sv", "sv", "svenska"],
        ["en", "en", "English"], ["ru", "ru", "русский"]]
    assert choice.input_value() == "fi"


@pytest.mark.parametrize("name, tag", [("svenska", "sv"), ("selkokieli", "fi-x-selko"), ("suomi", None)])
def test_the_choice_writes_lang_only_when_not_finnish(form_site, page, name, tag):
    site = form_site[0]
    fill_event(page, title="Julkonsert")
    page.get_by_label("Ilmoituksen kieli").select_option(label=name)
    preview(page)
    shown_title = page.locator("[data-preview-notice] .bl-notice__title")
    assert shown_title.get_attribute("lang") == tag
    assert page.locator("[data-preview-notice] .bl-notice__body").get_attribute("lang") == tag
    # the labels around them stay the site's
    assert page.locator("[data-preview-notice] dt").first.get_attribute("lang") is None
    _name, text = downloaded(page)
    values = {"title": "Julkonsert", "association": "testikyla", "category": "tapahtumat", "date": "2026-11-20",
              "tags": ["joulu", "musiikki"], "event": EVENT, "contact": CONTACT}
    if tag:
        values["lang"] = tag
    assert text == notice_file(values, BODY)  # what the Python writer writes
    assert ("lang:" in text) == bool(tag)
    written = site.notice("2026/kieli.md", text)
    try:
        assert site.check() == 0
    finally:
        written.unlink()


def test_a_cyrillic_title_gives_a_readable_file_name(page):
    fill_event(page, title="Субботник в парке")
    preview(page)
    name, text = downloaded(page)
    assert name.startswith("2026-11-20-subbotnik-v-parke-") and name.endswith(".md")
    assert 'title: "Субботник в парке"' in text


def test_a_cyrillic_association_gets_the_checkers_slug(form_site, page, tmp_path, capsys):
    site = form_site[0]
    fill_event(page)
    page.get_by_label("Ilmoituksen kieli").select_option(label="русский")
    page.get_by_label("Yhdistys", exact=True).select_option(label="Yhdistykseni ei ole listalla")
    page.get_by_label("Yhdistyksen nimi").fill("Русский клуб Иматры")
    preview(page)
    mailto = page.get_by_role("link", name="Lähetä sähköpostilla").get_attribute("href")
    body = urllib.parse.parse_qs(mailto.split("?", 1)[1])["body"][0]
    assert 'association: "russkii-klub-imatry"' in body and 'lang: "ru"' in body
    email = tmp_path / "viesti.txt"
    email.write_text(body, encoding="utf-8")
    assert main(["add", str(email), "--content", str(site.content), "--new-association", "Русский клуб Иматры"]) == 0
    notice, association = capsys.readouterr().out.split()
    try:
        assert association.endswith("associations/russkii-klub-imatry.yml")
        assert site.check() == 0
    finally:
        for written in (notice, association):
            Path(written).unlink()


def test_a_name_without_letters_is_refused_with_the_checkers_message(page):
    fill_event(page)
    page.get_by_label("Yhdistys", exact=True).select_option(label="Yhdistykseni ei ole listalla")
    page.get_by_label("Yhdistyksen nimi").fill("!!! ???")
    preview(page)
    error = page.locator("#f-association_name-error")
    assert error.is_visible() and "Nimessä !!! ??? ei ole yhtään kirjainta" in error.inner_text()


@pytest.mark.parametrize("name", ["Субботник в парке", "Ελληνικός σύλλογος", "Straße-Fest ÆØ", "Kevään konsertti",
                                  "Kahvila €", "!!! €€€", "Đorđe Łukasz Œuvre", "Ёлка и ёж",
                                  "Объявление о съезде", "Игорь", "ｻｰﾋﾞｽ", "Sali ½",
                                  "جمعية الصداقة", "مُحَمَّد", "מועדון ישראלי", "Հայկական միություն",
                                  "ქართული კლუბი", "สมาคมไทย",
                                  # drawn as nothing, no break: the name Eläkkeensaajat
                                  "Eläkkeen\u00adsaajat", "Eläk\u200bkeen\u2060saajat\ufeff"])
def test_the_forms_slug_is_the_checkers(page, name):
    assert page.evaluate("name => BulletinForm.slugify(name)", name) == slugify(name)


@pytest.mark.parametrize("address", ["/ilmoitukset/luciafest-vuoksenlaulu/", "/ilmoitukset/novogodnii-prazdnik-silta/",
                                     "/ilmoitukset/selkokielinen-joulujuhla-askel/", "/ilmoitukset/language-cafe-english-silta/",
                                     "/tapahtumat/"])
def test_axe_finds_nothing_on_the_examples_notices_in_other_languages(form_site, example_site, address):
    browser = form_site[2]
    with served(example_site) as base:
        context = browser.new_context(bypass_csp=True)  # axe is injected as an inline script
        try:
            page = context.new_page()
            page.goto(base + address)
            assert page.locator("main [lang]").count() >= 2  # the title and the text (or a card's)
            assert run_axe(page) == []
        finally:
            context.close()
