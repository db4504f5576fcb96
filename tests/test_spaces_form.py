""""Tarjoa tilaa" (laheta/tila/) in Chromium: the form writes a space file
that `bulletin check` passes and the build publishes, and refuses what the
check refuses, with the same rules (the schema exported from fields.py)."""
import re
import shutil
from datetime import datetime, timezone

import pytest

from bulletin_cli.cli import main
from bulletin_i18n import Translator
from browser import built_and_served, checked_context, downloaded, example_base  # noqa: F401 (fixture)
from conftest import ROOT, Site


@pytest.fixture(scope="module")
def form_site(tmp_path_factory):
    site = Site(tmp_path_factory.mktemp("spaceform"))
    (site.content / "spaces").mkdir()
    (site.content / "spaces" / "kylatalon-sali.yml").write_text(
        "name: Kylätalon sali\nassociation: testikyla\naddress: Kylätie 1, Imatra\ncapacity: 40\n", encoding="utf-8")
    with built_and_served(site) as opened:
        yield opened


@pytest.fixture
def page(form_site):
    site, base, browser = form_site
    with checked_context(browser, base) as open_page:
        yield open_page("/laheta/tila/")


def fill(page):
    page.get_by_label("Tilan nimi").fill('Kerhohuone "Pihlaja": kylätalo')
    page.get_by_label("Tarjoava yhdistys").select_option(label="Testikylän Eläkkeensaajat ry")
    page.get_by_label("Osoite", exact=True).fill("Kylätie 1, 55800 Imatra")
    page.locator("#f-district").select_option("Rautio")
    page.get_by_label("Henkilömäärä").fill("25")
    page.get_by_label("Kokoukset").check()
    page.get_by_label("Keittiö", exact=True).check()
    page.get_by_label("Porrasaton sisäänkäynti").check()
    page.get_by_label("Vapaat ajat").fill("ti 17-21\nma–pe klo 8.00–16.00")
    page.get_by_label("Maksuton yhdistyksille").check()
    page.get_by_label("Varausten yhteyshenkilö").fill("Aila Esimerkki")
    page.locator("#f-booking_email").fill("aila@example.org")
    page.get_by_label("Yhteyshenkilö on antanut luvan").check()
    page.get_by_label("Kuvaus").fill("Valoisa huone.\n\nKahvinkeitin ja **astiat**.")


def test_the_form_writes_a_space_that_passes_check_and_is_built(form_site, page):
    site = form_site[0]
    fill(page)
    page.get_by_role("button", name="Tee tilan tiedosto").click()
    with page.expect_download() as info:
        page.get_by_role("button", name="Lataa tiedosto").click()
    download = info.value
    assert download.suggested_filename == "kerhohuone-pihlaja-kylatalo.yml"
    text = open(download.path(), encoding="utf-8").read()
    assert page.locator("[data-file]").input_value() == text
    assert 'available: ["ti 17-21", "ma–pe klo 8.00–16.00"]' in text and "free: true" in text
    (site.content / "spaces").mkdir(exist_ok=True)
    target = site.content / "spaces" / download.suggested_filename
    target.write_text(text, encoding="utf-8")
    try:
        assert site.check() == 0
        assert site.build("2026-12-01") == 0
        built = site.page("tilat/kerhohuone-pihlaja-kylatalo/")
        assert built.h1.get_text(strip=True) == 'Kerhohuone "Pihlaja": kylätalo'
        assert "tiistai" in built.select_one("table.bl-week").get_text()
    finally:
        target.unlink()


@pytest.mark.parametrize("field, value, message", [
    # the description is Markdown, checked as the notice's text is
    ("#f-description", "Valoisa.\n\n<script>alert(1)</script>", "Kuvaus, rivi 3: Rivillä on HTML-koodia (<script>)"),
    ("#f-description", "[x](javascript:alert(1))", "Kuvaus, rivi 1: Linkin osoite alkaa javascript:"),
])
def test_the_form_refuses_what_the_check_refuses(page, field, value, message):
    fill(page)
    page.locator(field).fill(value)
    page.get_by_role("button", name="Tee tilan tiedosto").click()
    summary = page.locator("[data-error-summary]")
    assert summary.is_visible() and message in summary.inner_text()
    assert page.evaluate("document.activeElement.hasAttribute('data-error-summary')")
    assert not page.locator("[data-space-result]").is_visible()


def test_the_form_takes_the_free_hours_check_takes(form_site, page):
    # the part of the day after a hyphen is no range of days; "kello" is "klo"
    site, available = form_site[0], "tiistai-iltaisin 17-19\nti kello 9-12\ntiistai–torstai 8-10"
    path = site.content / "spaces" / "hyva.yml"
    path.write_text("name: Hyvä\nassociation: testikyla\naddress: Tie 1\ncapacity: 5\navailable: "
                    '["tiistai-iltaisin 17-19", "ti kello 9-12", "tiistai–torstai 8-10"]\n', encoding="utf-8")
    try:
        assert site.check() == 0
    finally:
        path.unlink()
    fill(page)
    page.get_by_label("Vapaat ajat").fill(available)
    page.get_by_role("button", name="Tee tilan tiedosto").click()
    assert not page.locator("[data-error-summary]").is_visible()
    assert 'available: ["tiistai-iltaisin 17-19", "ti kello 9-12", "tiistai–torstai 8-10"]' in (
        page.locator("[data-file]").input_value())


# Free hours the checker refuses, each with its own message (slots.py): the
# form shows that very message (test_the_form_says_of_a_slot_what_check_says).
BAD_SLOTS = [
    "tiistai-ilta",  # no hours
    "tistai 17-21",  # not a weekday
    "kesäkuu 17-21",  # a word that starts as a weekday (ke) is none
    "ti",  # a weekday without hours
    "tijato 18-20",  # "ja" glued to the days: no list
    "ti 21-17",  # ends before it starts
    "ti 17.00–25.00",  # no such hour
    "ti 17.75-21",  # no such minute
    "pe–ma 8-16",  # days the wrong way round
    "ti 17-21, to 18-20",  # two times on one line
    "ti 17-21\nke",  # a good line, then a bad one
    "ti 17-21\njoka toinen to 18-20",  # not every week: the weekly time to write instead
    "parillisina viikkoina tiistaisin klo 9-11",
]


def check_says(site, available, capsys, capacity="5", more=""):
    """What `bulletin check` says of a space with these free hours (and
    persons, and `more` lines), without its `path:line: ` (one message: the
    check names the first slot it cannot read)."""
    path = site.content / "spaces" / "huono.yml"
    listed = ", ".join(f'"{slot}"' for slot in available.split("\n"))
    path.write_text(f"name: Huono\nassociation: testikyla\naddress: Tie 1\ncapacity: {capacity}\n"
                    f"available: [{listed}]\n{more}", encoding="utf-8")
    return site.refusals(path, capsys)


@pytest.mark.parametrize("available", BAD_SLOTS)
def test_the_form_says_of_a_slot_what_check_says(form_site, page, capsys, available):
    said = check_says(form_site[0], available, capsys)
    assert len(said) == 1 and "kentässä available" in said[0]
    fill(page)
    page.get_by_label("Vapaat ajat").fill(available)
    page.get_by_role("button", name="Tee tilan tiedosto").click()
    # the checker's words, the field named by its label as the notice form names it
    assert page.locator("[data-error-summary] a").all_inner_texts() == [
        said[0].replace("kentässä available", "kentässä Vapaat ajat")]
    assert page.locator("#f-available-error").inner_text().endswith(said[0].replace("available", "Vapaat ajat"))
    assert not page.locator("[data-space-result]").is_visible()


@pytest.mark.parametrize("capacity", ["0", "kaksikymmentä", "10000", "2,5", "noin 1 500", "12 00"])
def test_the_form_says_of_a_number_what_check_says(form_site, page, capsys, capacity):
    said = check_says(form_site[0], "ti 17-21", capsys, capacity=f'"{capacity}"')
    assert len(said) == 1 and "Kentän capacity arvon" in said[0]
    fill(page)
    page.get_by_label("Henkilömäärä").fill(capacity)
    page.get_by_role("button", name="Tee tilan tiedosto").click()
    assert page.locator("[data-error-summary] a").all_inner_texts() == [said[0].replace("capacity", "Henkilömäärä")]
    assert not page.locator("[data-space-result]").is_visible()


def test_the_form_writes_thousands_written_apart_as_digits(page):
    fill(page)
    page.get_by_label("Henkilömäärä").fill(" 1 200 ")
    page.get_by_role("button", name="Tee tilan tiedosto").click()
    assert 'capacity: "1200"\n' in page.locator("[data-file]").input_value()


# A port in another script's digits is no port to a browser, nor to the form;
# an address written as on paper is refused in the check's words.
@pytest.mark.parametrize("key, value", [
    ("url", "https://example.org:\u0668\u0660\u0668\u0660/varaa"), ("url", "ftp://example.org/varaa"),
    ("url", "www.example.org/varaa"), ("email", "aila(at)example.org"), ("phone", "soita illalla")])
def test_the_form_says_of_a_booking_address_what_check_says(form_site, page, capsys, key, value):
    said = check_says(form_site[0], "ti 17-21", capsys, more=f'booking: {{{key}: "{value}", consent: true}}\n')
    assert len(said) == 1 and value in said[0]
    fill(page)
    page.locator(f"#f-booking_{key}").fill(value)
    page.get_by_role("button", name="Tee tilan tiedosto").click()
    label = page.locator(f"[data-field=booking_{key}]").get_attribute("data-label")
    assert page.locator("[data-error-summary] a").all_inner_texts() == [f"{label}: {said[0]}"]
    assert not page.locator("[data-space-result]").is_visible()


# Text drawn as nothing (a Hangul filler, the blank Braille pattern, a
# zero-width space) is an empty field to the checker, and so to the form.
@pytest.mark.parametrize("key, label, value", [
    ("price", "Hinta", "\u3164\u3164"), ("entry", None, "\u2800"), ("price", "Hinta", "\u200b \ufe0f"),
    ("description", "Kuvaus", "\u200b")])
def test_the_form_says_of_text_drawn_as_nothing_what_check_says(form_site, page, capsys, key, label, value):
    said = check_says(form_site[0], "ti 17-21", capsys, more=f'{key}: "{value}"\n')
    assert len(said) == 1 and f"Kenttä {key} on tyhjä" in said[0]
    fill(page)
    field = page.locator(f"#f-{key}")
    field.fill(value)
    label = label or page.locator(f"[data-field={key}]").get_attribute("data-label")
    page.get_by_role("button", name="Tee tilan tiedosto").click()
    assert page.locator("[data-error-summary] a").all_inner_texts() == [said[0].replace(key, label)]
    assert not page.locator("[data-space-result]").is_visible()


def test_a_name_drawn_as_nothing_is_refused(page):
    fill(page)
    page.get_by_label("Tilan nimi").fill("\u3164")
    page.get_by_role("button", name="Tee tilan tiedosto").click()
    assert page.locator("[data-error-summary] a").all_inner_texts() == [
        Translator("fi")("err_empty", key="Tilan nimi")]
    assert not page.locator("[data-space-result]").is_visible()


def test_contact_details_need_consent(page):
    fill(page)
    page.get_by_label("Yhteyshenkilö on antanut luvan").uncheck()
    page.get_by_role("button", name="Tee tilan tiedosto").click()
    assert "julkaistaan vain luvalla" in page.locator("[data-error-summary]").inner_text()


def test_required_fields(page):
    page.get_by_role("button", name="Tee tilan tiedosto").click()
    text = page.locator("[data-error-summary]").inner_text()
    assert "Valitse tarjoava yhdistys" in text  # chosen from a list, as the notice form says it
    for name in ("tilan nimi", "osoite", "henkilömäärä"):
        assert f"Kirjoita {name}" in text


def answers_for(monkeypatch, answers):
    asked = []
    replies = iter(answers)
    monkeypatch.setattr("builtins.input", lambda prompt: asked.append(prompt) or next(replies))
    return asked


SPACE_ANSWERS = ["Testikylän sali", "Testikylän Eläkkeensaajat ry", "Kylätie 1, Imatra", "", "30", "Rautio", "",
                 "kokous, liikunta", "", "porrasaton", "ti 17-21; ti, to klo 9.00–12.00", "10 €/h", "",
                 "Aila", "aila@example.org", "", "", "k"]


def new_space_file(site, monkeypatch, today, name=SPACE_ANSWERS[0]):
    """`bulletin new --space --today <today>` with SPACE_ANSWERS, the space
    named `name`: (path, questions asked)."""
    from bulletin_cli.cli import _site
    from bulletin_cli.new_space import new_space
    import argparse
    asked = answers_for(monkeypatch, [name, *SPACE_ANSWERS[1:]])
    args = argparse.Namespace(settings=str(ROOT / "pelicanconf.py"), content=str(site.content), today=today)
    return new_space(_site(args)[0], interactive=True), asked


def test_new_space_asks_checks_and_writes_a_space_that_builds(site, monkeypatch):
    path, asked = new_space_file(site, monkeypatch, "2026-11-30")
    assert path == site.content / "spaces" / "testikylan-sali.yml"
    assert asked[0] == "Tilan nimi: " and asked[3] == "Henkilömäärä: "  # required: asked again when empty
    assert asked[5].startswith("Alue (vapaaehtoinen")
    # the form has a line for each free time, the terminal one answer: it says how to give several
    assert "ti 17-21; to 18-20" in asked[10]
    text = path.read_text(encoding="utf-8")
    assert 'association: "testikyla"' in text and 'available: ["ti 17-21", "ti, to klo 9.00–12.00"]' in text
    assert 'date: "2026-11-30"\n' in text  # the day it is offered: the feed of new spaces and the weekly letter
    assert site.check() == 0 and site.build() == 0
    assert "ti 9–12, ti 17–21, to 9–12" in site.page("tilat/").get_text()


def test_new_space_never_takes_the_name_of_a_space_in_a_subfolder(site, monkeypatch):
    # a space's name is its file's name in any folder: a second would make the content fail the check
    kept = site.content / "spaces" / "vanhat" / "testikylan-sali.yml"
    kept.parent.mkdir(parents=True)
    kept.write_text("name: Testikylän sali\nassociation: testikyla\naddress: Kylätie 1\ncapacity: 30\n",
                    encoding="utf-8")
    path, _ = new_space_file(site, monkeypatch, "2026-11-30")
    assert path == site.content / "spaces" / "testikylan-sali-2.yml"
    assert site.check() == 0


def test_the_form_writes_the_file_new_space_writes_dated_today_in_the_bulletins_time(form_site, site, monkeypatch):
    # 22.30 UTC on 1.12. is already 2.12. in Helsinki: the browser's own clock (UTC) says 1.12.
    with checked_context(form_site[2], form_site[1], timezone_id="UTC") as open_page:
        page = open_page("/laheta/tila/")
        page.clock.set_fixed_time(datetime(2026, 12, 1, 22, 30, tzinfo=timezone.utc))
        assert page.evaluate("new Date().getDate()") == 1
        page.get_by_label("Tilan nimi").fill("Testikylän sali")  # the answers of SPACE_ANSWERS
        page.get_by_label("Tarjoava yhdistys").select_option(label="Testikylän Eläkkeensaajat ry")
        page.get_by_label("Osoite", exact=True).fill("Kylätie 1, Imatra")
        page.get_by_label("Henkilömäärä").fill("30")
        page.locator("#f-district").select_option("Rautio")
        page.get_by_label("Kokoukset").check()
        page.get_by_label("Liikunta ja tanssi").check()
        page.get_by_label("Porrasaton sisäänkäynti").check()
        page.get_by_label("Vapaat ajat").fill("ti 17-21\nti, to klo 9.00–12.00")
        page.get_by_label("Hinta").fill("10 €/h")
        page.get_by_label("Varausten yhteyshenkilö").fill("Aila")
        page.locator("#f-booking_email").fill("aila@example.org")
        page.get_by_label("Yhteyshenkilö on antanut luvan").check()
        page.get_by_role("button", name="Tee tilan tiedosto").click()
        written = page.locator("[data-file]").input_value()
    assert 'date: "2026-12-02"\n' in written
    path, _ = new_space_file(site, monkeypatch, "2026-12-02")
    assert written == path.read_text(encoding="utf-8")  # the same keys, values and order


def test_new_space_asks_a_bad_answer_again_naming_its_question(site, monkeypatch, capsys):
    # the person answered questions: the rule's message names the question, not the file's key
    from bulletin_cli.cli import _site
    from bulletin_cli.new_space import new_space
    import argparse
    answers = list(SPACE_ANSWERS)
    answers[4:5] = ["kolmekymmentä", "30"]
    answers[11:12] = ["joka toinen ti 17-21", "ti 17-21"]
    asked = answers_for(monkeypatch, answers)
    args = argparse.Namespace(settings=str(ROOT / "pelicanconf.py"), content=str(site.content), today=None)
    path = new_space(_site(args)[0], interactive=True)
    err = capsys.readouterr().err
    assert "Kentän Henkilömäärä arvon pitää olla kokonaisluku 1–9999, nyt kolmekymmentä." in err
    assert "Aika joka toinen ti 17-21 kentässä Vapaat ajat ei ole joka viikko" in err
    assert "capacity" not in err and "available" not in err
    assert len(asked) == len(answers) and [prompt.split(":")[0] for prompt in asked[4:6]] == ["Henkilömäärä"] * 2
    assert 'capacity: "30"' in path.read_text(encoding="utf-8") and '"ti 17-21"' in path.read_text(encoding="utf-8")


def test_new_space_without_a_terminal_says_so(site, capsys):
    assert main(["new", "--space", "--content", str(site.content)]) != 0
    assert "laheta/tila/" in capsys.readouterr().err


def test_space_issue_form_is_written_from_the_questions():
    import yaml
    from bulletin_cli.issue_form import SPACE_LABEL, SPACE_TEMPLATE_PATH, space_form_yaml
    from bulletin_cli.project import load_settings
    from bulletin_i18n import translator_for
    settings = load_settings(str(ROOT / "pelicanconf.py"))
    committed = (ROOT / SPACE_TEMPLATE_PATH).read_text(encoding="utf-8")
    assert committed == space_form_yaml(settings, translator_for(settings)), \
        "run: bulletin issue-form --space --output " + SPACE_TEMPLATE_PATH
    form = yaml.safe_load(committed)
    assert form["labels"] == [SPACE_LABEL]
    items = {item["id"]: item for item in form["body"] if item["type"] != "markdown"}
    assert {"name", "association", "address", "capacity"} == {
        i for i, item in items.items() if item.get("validations", {}).get("required")}
    assert [o["label"] for o in items["accessibility"]["attributes"]["options"]][0] == \
        "Porrasaton sisäänkäynti (porrasaton)"
    assert items["district"]["attributes"]["options"] == settings["BULLETIN_DISTRICTS"]


# --- "Etsimme tilaa" in the notice form (laheta/), through to the matches ---

# On the example: 20 persons on Tuesday 18-20, step-free. Fit: these three.
# Not: Rautio's village hall (a ramp, no step-free entrance), Koskenpallo's
# meeting room (12 persons), Karhumäki's hall (not free on Tuesdays), and
# the choir's own rehearsal hall (it fits, but the choir is the one asking).
FITS = ["askeleen-sali", "hopeakosken-kerhohuone", "vuoksenniskan-asukastuvan-kerhohuone"]
MISSES = ["raution-kylatalo", "koskenpallon-kokoushuone", "karhumaen-liikuntasali", "vuoksenlaulun-harjoitussali"]


def fill_space_wanted(page, title, association, when):
    """The notice form's first answers for a space wanted, for 20 persons, on 1 December."""
    page.clock.set_fixed_time(datetime(2026, 12, 1, 12, 0))
    page.get_by_label("Otsikko").fill(title)
    page.get_by_label("Yhdistys", exact=True).select_option(association)
    page.get_by_label("Tilat", exact=True).check()
    page.get_by_label("Etsimme tilaa").check()
    page.get_by_label("Henkilömäärä").fill("20")
    page.get_by_label("Milloin tarvitsette tilaa").fill(when)


def example_content_with(tmp_path, name, text):
    """A copy of the example content with the notice `name` the form wrote."""
    content = tmp_path / "content"
    shutil.copytree(ROOT / "content", content)
    (content / "notices" / "2026" / name).write_text(text, encoding="utf-8")
    return content


def test_the_notice_form_writes_a_space_wanted_whose_page_lists_the_spaces_that_fit(form_site, example_base, tmp_path):
    from bs4 import BeautifulSoup
    with checked_context(form_site[2], example_base) as open_page:  # the module's Chromium
        page = open_page("/laheta/")
        fill_space_wanted(page, "Kuorolle harjoitustila tiistaisin", "kuoro-vuoksenlaulu", "ti klo 18.00–20.00")
        page.get_by_label("Porrasaton sisäänkäynti").check()
        page.get_by_label(re.compile("^Tarve päättyy")).fill("31.5.2027")
        page.get_by_label("Julkaisupäivä").fill("1.12.2026")
        page.get_by_label("Ilmoituksen teksti").fill("Kuoro etsii harjoitustilaa keväälle.")
        page.get_by_role("button", name="Esikatsele ilmoitus").click()
        assert page.locator("[data-preview] .bl-wanted").inner_text().count("20 hlöä") == 1
        name, text = downloaded(page)
    assert 'wanted:\n  capacity: "20"\n  when: ["ti klo 18.00–20.00"]\n  accessibility: ["porrasaton"]\n' \
           '  until: "2027-05-31"\n' in text
    content = example_content_with(tmp_path, name, text)
    assert main(["check", "--content", str(content)]) == 0
    output = tmp_path / "output"
    assert main(["build", "--content", str(content), "--output", str(output), "--today", "2026-12-01"]) == 0
    built = BeautifulSoup((output / "ilmoitukset" / name[:-3] / "index.html").read_text(encoding="utf-8"),
                          "html.parser")
    listed = [a["href"].rstrip("/").split("/")[-1] for a in built.select(".bl-wanted .bl-match > a")]
    assert listed and sorted(listed) == FITS
    assert not set(MISSES) & set(listed)
    assert "vapaana ti 17–21, 20 hlöä, porrasaton sisäänkäynti" in built.select_one(".bl-wanted").get_text(" ")


def test_the_notice_form_asks_for_the_equipment_a_space_wanted_needs(form_site, example_base, tmp_path):
    # a choir that needs a piano ticks it as the space form's own equipment;
    # there was no box for it, and a space without one was offered as fitting
    with checked_context(form_site[2], example_base) as open_page:
        page = open_page("/laheta/")
        fill_space_wanted(page, "Harjoitustila pianolla", "teatteri-koskenkorento", "ti 18-20")
        page.locator("#f-wanted_equipment").get_by_label("Piano").check()
        page.get_by_label("Julkaisupäivä").fill("1.12.2026")
        page.get_by_label("Ilmoituksen teksti").fill("Etsimme tilaa, jossa on piano.")
        page.get_by_role("button", name="Esikatsele ilmoitus").click()
        assert "Varusteet\nPiano" in page.locator("[data-preview] .bl-wanted").inner_text()
        name, text = downloaded(page)
    assert 'when: ["ti 18-20"]\n  equipment: ["piano"]\n' in text
    content = example_content_with(tmp_path, name, text)
    assert main(["check", "--content", str(content), "--today", "2026-12-01"]) == 0


def test_the_notice_form_names_a_space_offered(form_site, example_base, tmp_path):
    with checked_context(form_site[2], example_base) as open_page:  # the module's Chromium
        page = open_page("/laheta/")
        page.get_by_label("Otsikko").fill("Salimme on vapaana tiistaisin")
        page.get_by_label("Yhdistys", exact=True).select_option("invalidiyhdistys-askel")
        page.get_by_label("Tilat", exact=True).check()
        page.get_by_label("Tarjoamme tilaa").check()
        assert not page.get_by_label("Henkilömäärä").is_visible()
        page.get_by_label(re.compile("^Tarjottava tila")).select_option(label="Askeleen sali")
        page.get_by_label("Ilmoituksen teksti").fill("Sali on vapaana.")
        page.get_by_role("button", name="Esikatsele ilmoitus").click()
        text = page.locator("[data-file]").input_value()
    assert 'category: "tilat"\n' in text and 'space: "askeleen-sali"\n' in text and "wanted" not in text
    content = tmp_path / "content"
    shutil.copytree(ROOT / "content", content)
    path = content / "notices" / "2026" / "tarjous.md"
    path.write_text(text, encoding="utf-8")
    assert main(["check", "--content", str(content), str(path)]) == 0
    path.write_text(text.replace("askeleen-sali", "askeleen-salix"), encoding="utf-8")
    assert main(["check", "--content", str(content), str(path)]) == 1  # the check knows the spaces


def test_a_new_space_never_gets_the_file_of_one_that_is_there(page):
    # another association's "Kylätalon sali" would be replaced by the download
    fill(page)
    page.get_by_label("Tilan nimi").fill("Kylätalon sali")
    page.get_by_role("button", name="Tee tilan tiedosto").click()
    with page.expect_download() as info:
        page.get_by_role("button", name="Lataa tiedosto").click()
    assert info.value.suggested_filename == "kylatalon-sali-2.yml"


@pytest.mark.parametrize("name", ["Sali ½", "ｻﾛﾝ ｶﾞｸ", "サロン", "Ｓａｌｉ ２", "Sali²"])
def test_the_form_names_the_file_as_new_space_does(page, site, monkeypatch, name):
    # a fraction, half-width or full-width letters: one slug rule at both doors
    fill(page)
    page.get_by_label("Tilan nimi").fill(name)
    page.get_by_role("button", name="Tee tilan tiedosto").click()
    with page.expect_download() as info:
        page.get_by_role("button", name="Lataa tiedosto").click()
    path, _ = new_space_file(site, monkeypatch, "2026-11-30", name)
    assert info.value.suggested_filename == path.name
