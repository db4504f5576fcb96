"""The submission form in Debian's Chromium, filled in as a person would."""
import json
from datetime import datetime, timezone
import urllib.parse
from pathlib import Path

import pytest
from playwright.sync_api import expect

from bulletin_cli.cli import main
from bulletin_contract.schema import GITHUB_URL_LIMIT
from bulletin_contract.people_dates import read_clock, read_day
from bulletin_contract.writer import notice_file
from browser import built_and_served, checked_context, served
from conftest import Site

# add, new and from-issue refuse events that are over: a fixed day keeps these tests valid
pytestmark = pytest.mark.usefixtures("example_today")

BODY = "Tervetuloa joulukonserttiin!\n\nOhjelmassa on **rakkaita** joululauluja."
FORM_TODAY = datetime(2026, 12, 1, 12, 0)
LONG_FINNISH = ("Yhdistyksen syyskokouksessa käsitellään sääntömääräiset asiat: toimintakertomus, "
                "tilinpäätös ja hallituksen jäsenten valinta. Kahvitarjoilu ennen kokousta. ")


@pytest.fixture(scope="module")
def form_site(tmp_path_factory):
    site = Site(tmp_path_factory.mktemp("form"))
    # partners of a joint notice: one active, one retired (which the form knows but does not offer)
    site.association("kuoro", "name: Laulukuoro ry\n")
    site.association("vanha", "name: Vanha kerho ry\nactive: false\n")
    with built_and_served(site) as opened:
        yield opened


@pytest.fixture
def page(form_site):
    site, base, browser = form_site
    # the form refuses events that are over, by the reader's clock
    with checked_context(browser, base) as open_page:
        yield open_page("/laheta/", before=lambda page: page.clock.set_fixed_time(FORM_TODAY))


def fill_event(page, title='Joulukonsertti "Tähtitaivas": tervetuloa!', body=BODY):
    page.get_by_label("Otsikko").fill(title)
    page.get_by_label("Yhdistys", exact=True).select_option(label="Testikylän Eläkkeensaajat ry")
    page.get_by_label("Tapahtumat", exact=True).check()
    page.get_by_label("Alkamispäivä").fill("5.12.2026")
    page.get_by_label("Alkamiskellonaika").fill("18.00")
    page.get_by_label("Päättymiskellonaika").fill("20.00")
    page.get_by_label("Paikka", exact=True).fill("Kerhohuone, Koulukatu 1, Imatra")
    page.get_by_label("Julkaisupäivä").fill("20.11.2026")
    page.get_by_label("Ilmoituksen teksti").fill(body)
    page.get_by_label("Avainsanat").fill("joulu, musiikki, joulu")
    page.get_by_label("Yhteyshenkilön nimi").fill("Aila Esimerkki")
    page.get_by_label("Yhteyshenkilö on antanut luvan").check()
    page.get_by_label("Yhteyshenkilön sähköposti").fill("aila@example.org")
    page.get_by_label("Yhteyshenkilön puhelinnumero").fill("040 123 4567")


def preview(page):
    page.get_by_role("button", name="Esikatsele ilmoitus").click()


def test_filled_form_downloads_a_file_that_passes_check_and_builds(form_site, page):
    site = form_site[0]
    fill_event(page)
    preview(page)
    assert page.evaluate("document.activeElement.id") == "esikatselu"
    shown = page.locator("[data-preview-notice]").inner_text()
    assert "la 5.12.2026 klo 18.00–20.00" in shown and "Testikylän Eläkkeensaajat ry" in shown
    with page.expect_download() as info:
        page.get_by_role("button", name="Lataa tiedosto").click()
    download = info.value
    name = download.suggested_filename
    assert name.startswith("2026-11-20-joulukonsertti-tahtitaivas-tervetuloa-") and name.endswith(".md")
    text = open(download.path(), encoding="utf-8").read()
    # The script writes exactly what the Python writer writes.
    assert text == notice_file({
        "title": 'Joulukonsertti "Tähtitaivas": tervetuloa!', "association": "testikyla",
        "category": "tapahtumat", "date": "2026-11-20", "tags": ["joulu", "musiikki"],
        "event": {"start": "2026-12-05 18:00", "end": "20:00", "location": "Kerhohuone, Koulukatu 1, Imatra"},
        "contact": {"name": "Aila Esimerkki", "email": "aila@example.org", "phone": "040 123 4567", "consent": True},
    }, BODY)
    assert page.locator("[data-file]").input_value() == text  # the file as it will be sent
    path = site.notice(f"2026/{name}", text)
    assert site.check(path) == 0
    assert site.build("2026-12-01") == 0
    notice = site.page(f"ilmoitukset/{name[:-3]}/")
    assert notice.h1.get_text() == 'Joulukonsertti "Tähtitaivas": tervetuloa!'
    assert "aila@example.org" in notice.select_one(".bl-contact").get_text()
    path.unlink()


@pytest.mark.parametrize("end_day, said", [
    ("6.12.2026", "la 5.12.2026 klo 18.00–24.00"),
    # days later, as the notice page says it: not "ma 7.12.2026 klo 0.00", a day it is not on
    ("7.12.2026", "la 5.12.2026 klo 18.00 – su 6.12.2026 klo 24.00"),
])
def test_the_preview_ends_an_event_at_midnight_on_its_last_day(page, end_day, said):
    fill_event(page)
    page.get_by_label("Päättymispäivä").fill(end_day)
    page.get_by_label("Päättymiskellonaika").fill("0.00")
    preview(page)
    shown = page.locator("[data-preview-notice]").inner_text()
    assert said in shown, shown


@pytest.mark.parametrize("language, lines", [
    ("selkokieli", ["Tule mukaan.", "Kahvi on ilmaista.", "Tervetuloa!"]),  # render.LINE_BY_LINE, as the page keeps them
    ("suomi", ["Tule mukaan. Kahvi on ilmaista. Tervetuloa!"]),
])
def test_the_preview_keeps_the_lines_of_plain_finnish_as_the_page_does(page, language, lines):
    fill_event(page, body="Tule mukaan.\nKahvi on ilmaista.\nTervetuloa!")
    page.get_by_label("Ilmoituksen kieli").select_option(label=language)
    preview(page)
    paragraph = page.locator("[data-preview-notice] .bl-notice__body p")
    assert paragraph.count() == 1
    assert paragraph.inner_text().replace("\n", " " if len(lines) == 1 else "\n").split("\n") == lines


def test_failed_send_shows_the_error_summary_with_focus(page):
    page.get_by_label("Julkaisupäivä").fill("31.2.2026")
    page.get_by_label("Tapahtumat", exact=True).check()
    page.get_by_label("Alkamispäivä").fill("huomenna")
    preview(page)
    summary = page.locator("[data-error-summary]")
    assert summary.is_visible()
    assert page.evaluate("document.activeElement.hasAttribute('data-error-summary')")
    assert page.title().startswith("Virhe:")
    messages = summary.locator("a").all_inner_texts()
    assert messages == ["Kirjoita otsikko.", "Valitse yhdistys.",
                        "Alkamispäivä: kirjoita päivämäärä muodossa 5.12.2026.", "Kirjoita paikka.",
                        "Julkaisupäivä: Päivämäärää 31.2.2026 ei ole olemassa. Tarkista päivä ja kuukausi.",
                        "Kirjoita ilmoituksen teksti."]
    # each message is also beside its field, tied to the control
    title = page.get_by_label("Otsikko")
    assert title.get_attribute("aria-invalid") == "true"
    assert "f-title-error" in title.get_attribute("aria-describedby").split()
    assert page.locator("#f-title-error").inner_text().endswith("Kirjoita otsikko.")
    # a link in the summary takes the person to the field
    summary.get_by_role("link", name="Kirjoita paikka.").click()
    assert page.evaluate("document.activeElement.id") == "f-location"
    # corrected, the errors go away
    page.get_by_label("Julkaisupäivä").fill("2026-11-20")
    fill_event(page)
    preview(page)
    assert not summary.is_visible() and page.locator("[data-preview]").is_visible()


def test_too_many_tags_are_refused_as_the_check_refuses_them(page):
    fill_event(page)
    page.get_by_label("Avainsanat").fill(", ".join(f"sana{n}" for n in range(13)))
    preview(page)
    assert page.locator("[data-error-summary] a").all_inner_texts() == [
        "Kentässä Avainsanat on 13 sanaa; enintään 12 mahtuu. Valitse tärkeimmät."]
    page.get_by_label("Avainsanat").fill(", ".join(f"sana{n}" for n in range(12)))
    preview(page)
    assert page.locator("[data-preview]").is_visible()


def test_the_form_shows_every_error_check_gives_in_checks_words(form_site, page, capsys):
    # the form lists by field, check by line: the same findings either way, none but the first dropped
    site = form_site[0]
    body = ("Tervetuloa <b>kaikki</b>\n\n[ohje](javascript:alert(1))\n\n| a | b |\n|---|---|\n| 1 | 2 | 3 |\n\n"
            "Lisää <!-- Wordin kommentti -->")
    answers = {"Lyhyt kuvaus": "x" * 301, "Yhteyshenkilön sähköposti": "aila@", "Yhteyshenkilön puhelinnumero": "abc"}
    fill_event(page, body=body)
    for label, value in answers.items():
        page.get_by_label(label).fill(value)
    preview(page)
    shown = page.locator("[data-error-summary] a").all_inner_texts()
    path = site.notice("2026/virheet.md", notice_file({
        "title": "Joulukonsertti", "association": "testikyla", "category": "tapahtumat", "date": "2026-11-20",
        "summary": "x" * 301, "event": {"start": "2026-12-05 18:00", "end": "20:00", "location": "Kerhohuone"},
        "contact": {"name": "Aila", "email": "aila@", "phone": "abc", "consent": True}}, body))
    said = site.refusals(path, capsys)
    assert len(shown) == len(said) == 7
    # the text's findings word for word, each named by its line of the text
    body_said = [message for message in said if message.startswith(("Rivillä", "Linkin", "Taulukon"))]
    assert [message.split(": ", 1)[1] for message in shown if message.startswith("Ilmoituksen teksti, rivi")] \
        == body_said and len(body_said) == 4
    assert "Kenttä Lyhyt kuvaus on liian pitkä (301 merkkiä, enintään 300). Lyhennä tekstiä." in shown
    assert "Kenttä summary on liian pitkä (301 merkkiä, enintään 300). Lyhennä tekstiä." in said


def test_github_address_is_measured_and_a_long_notice_hides_the_button(page, capsys):
    fill_event(page, body=LONG_FINNISH * 4)
    preview(page)
    github = page.locator("[data-send-github]")
    short_bytes = int(github.get_attribute("data-url-bytes"))
    href = github.get_attribute("href")
    path = page.locator("[data-send-download-hint]").inner_text().split()[2]
    file_text = page.locator("[data-file]").input_value()
    # The measure is the encoded address itself, as GitHub receives it.
    expected = ("https://github.com/imatra-jarjestot/ilmoitukset/new/main?filename=content/notices/2026/" + path +
                "&value=" + urllib.parse.quote(file_text, safe="-_.!~*'()"))
    assert href == expected and short_bytes == len(expected.encode())
    assert github.is_visible() and short_bytes <= GITHUB_URL_LIMIT

    page.get_by_role("button", name="Muokkaa ilmoitusta").click()
    page.get_by_label("Ilmoituksen teksti").fill(LONG_FINNISH * 30)  # about 4,500 characters
    preview(page)
    long_bytes = int(github.get_attribute("data-url-bytes"))
    assert long_bytes > GITHUB_URL_LIMIT and not github.is_visible()
    why = page.locator("[data-send-github-too-long]")
    assert why.is_visible() and f"({long_bytes} tavua, enintään {GITHUB_URL_LIMIT})" in why.inner_text()
    assert page.get_by_role("button", name="Lataa tiedosto").is_visible()
    with capsys.disabled():
        print(f"\nGitHub address: {len(LONG_FINNISH * 4)} characters of text -> {short_bytes} bytes; "
              f"{len(LONG_FINNISH * 30)} characters -> {long_bytes} bytes")


def test_new_association_by_mail_is_added_with_bulletin_add(form_site, page, tmp_path, capsys):
    site = form_site[0]
    fill_event(page)
    page.get_by_label("Yhdistys", exact=True).select_option(label="Yhdistykseni ei ole listalla")
    page.get_by_label("Yhdistyksen nimi").fill("Imatran Shakkikerho ry")
    preview(page)
    note = page.locator("[data-preview-new]")
    assert note.is_visible() and "Imatran Shakkikerho ry" in note.inner_text()
    mailto = page.get_by_role("link", name="Lähetä sähköpostilla").get_attribute("href")
    address, query = mailto.split("?", 1)
    assert address == "mailto:toimitus@example.org"
    mail = urllib.parse.parse_qs(query)
    assert mail["subject"] == ['Ilmoitus: Joulukonsertti "Tähtitaivas": tervetuloa!']
    body = mail["body"][0]
    assert "Sen nimi on Imatran Shakkikerho ry." in body and "=== ILMOITUS ALKAA ===" in body
    email = tmp_path / "viesti.txt"
    email.write_text("Lähettäjä: aila@example.org\n\n" + body + "\n-- \nAila\n", encoding="utf-8")
    assert main(["add", str(email), "--content", str(site.content),
                 "--new-association", "Imatran Shakkikerho ry"]) == 0
    notice, association = capsys.readouterr().out.split()
    assert association.endswith("associations/imatran-shakkikerho.yml")
    assert site.check() == 0
    for written in (notice, association):  # printed relative to here, or whole
        Path(written).unlink()


def test_an_association_on_the_list_typed_as_new_is_that_association(page):
    # the issue form and `new` find it by its name so (slugs.named_association): no second file of one name
    fill_event(page)
    page.get_by_label("Yhdistys", exact=True).select_option(label="Yhdistykseni ei ole listalla")
    page.get_by_label("Yhdistyksen nimi").fill("testikylän eläkkeensaajat RY")
    preview(page)
    assert 'association: "testikyla"' in page.locator("[data-file]").input_value()
    assert page.locator("[data-preview-new]").is_hidden()
    assert "Testikylän Eläkkeensaajat ry" in page.locator("[data-preview-notice]").inner_text()
    # a retired one gets no new notice, as the issue form says
    page.get_by_role("button", name="Muokkaa ilmoitusta").click()
    page.get_by_label("Yhdistyksen nimi").fill("vanha kerho")
    preview(page)
    assert page.locator("[data-error-summary] a").all_inner_texts() == [
        "Yhdistyksen nimi: Yhdistys vanha on lopettanut toimintansa, eikä sille julkaista uusia "
        "ilmoituksia. Tarkista yhdistys tai poista ilmoitus."]



@pytest.mark.parametrize("label, written", [
    ("Yhdistyksen nimi", "Testikylän Eläkkeensaajаt ry"),  # a Cyrillic а: not the one on the list
    ("Yhdistyksen nimi", "Tеstikylän kuoro"),  # nor a new one that looks Finnish
    ("Yhdistyksen nimi", "Ｔｅｓｔｉｋｙｌä Eläkkeensaajat"),  # full-width letters
    ("Muut mukana olevat yhdistykset", "Laulukuοro ry"),  # a Greek omicron
])
def test_a_name_with_a_lookalike_letter_is_refused_as_check_refuses_it(page, label, written):
    from bulletin_contract.fields import refuse_lookalike
    from bulletin_contract.problems import Invalid
    from bulletin_i18n import Translator
    fill_event(page)
    if label == "Yhdistyksen nimi":
        page.get_by_label("Yhdistys", exact=True).select_option(label="Yhdistykseni ei ole listalla")
    page.get_by_label(label).fill(written)
    preview(page)
    with pytest.raises(Invalid) as err:
        refuse_lookalike(written, label)
    said = Translator("fi")(err.value.message_key, **err.value.values)
    assert "näppäimistön kirjaimin" in said
    assert any(said in error for error in page.locator("[data-error-summary] a").all_inner_texts())
    assert page.locator("[data-file]").input_value() == ""

def test_copy_puts_the_file_on_the_clipboard(form_site):
    site, base, browser = form_site
    context = browser.new_context(permissions=["clipboard-read", "clipboard-write"])
    page = context.new_page()
    page.goto(base + "/laheta/")
    fill_event(page)
    preview(page)
    page.get_by_role("button", name="Kopioi tiedosto").click()
    # waited for by Playwright's locator, not a string evaluated in the page, which the CSP refuses
    expect(page.locator("[data-send-copy-status]")).to_have_text("Tiedosto on kopioitu. Liitä se sähköpostiviestiin.")
    assert page.evaluate("navigator.clipboard.readText()") == page.locator("[data-file]").input_value()
    context.close()


def test_without_javascript_the_page_tells_how_to_send(form_site):
    site, base, browser = form_site
    context = browser.new_context(java_script_enabled=False)
    page = context.new_page()
    page.goto(base + "/laheta/")
    assert not page.locator("main form").is_visible()
    assert page.get_by_role("link", name="toimitus@example.org").get_attribute("href") == "mailto:toimitus@example.org"
    template = page.locator("pre").inner_text()
    assert "Otsikko:" in template and "Paikka:" in template and "Tapahtumat, Tilat" in template
    context.close()


def test_the_schema_in_the_page_is_the_one_the_script_uses(page):
    schema = json.loads(page.locator("main form").get_attribute("data-schema"))
    page.get_by_label("Otsikko").fill("x" * (schema["fields"]["title"]["limit"] + 1))
    preview(page)
    assert f"(121 merkkiä, enintään {schema['fields']['title']['limit']})" in page.locator("#f-title-error").inner_text()


def test_dates_and_times_as_people_write_them(page):
    """No year (the next such day from the reader's today), a weekday, `klo`,
    a comma or a colon, a range of times: shown back in full in the preview."""
    fill_event(page)
    page.get_by_label("Alkamispäivä").fill("la 5.12. klo 18–20")
    page.get_by_label("Alkamiskellonaika").fill("")
    page.get_by_label("Päättymiskellonaika").fill("")
    page.get_by_label("Julkaisupäivä").fill("1.12.")
    preview(page)
    assert "la 5.12.2026 klo 18.00–20.00" in page.locator("[data-preview-notice]").inner_text()
    text = page.locator("[data-file]").input_value()
    assert 'start: "2026-12-05 18:00"' in text and 'end: "2026-12-05 20:00"' in text
    assert 'date: "2026-12-01"' in text
    page.get_by_role("button", name="Muokkaa ilmoitusta").click()
    page.get_by_label("Alkamispäivä").fill("3.1.")  # passed this year: next year's
    page.get_by_label("Alkamiskellonaika").fill("18,30")
    page.get_by_label("Päättymiskellonaika").fill("20:00")
    preview(page)
    assert "su 3.1.2027 klo 18.30–20.00" in page.locator("[data-preview-notice]").inner_text()



def test_a_two_digit_year_and_a_minus_for_a_dash_are_read_as_the_other_doors_read_them(page):
    fill_event(page)
    page.get_by_label("Alkamispäivä").fill("ma 7.12.26 klo 18\u221220")  # a phone's minus for the dash
    page.get_by_label("Alkamiskellonaika").fill("")
    page.get_by_label("Päättymiskellonaika").fill("")
    page.get_by_label("Julkaisupäivä").fill("1.12.26")
    preview(page)
    text = page.locator("[data-file]").input_value()
    assert read_day("ma 7.12.26 klo 18\u221220", FORM_TODAY.date()) == ("2026-12-07", "18:00", "20:00")
    assert 'start: "2026-12-07 18:00"' in text and 'end: "2026-12-07 20:00"' in text
    assert 'date: "2026-12-01"' in text


# What Python's strip() takes off a date or a time, the issue form and `new`
# take off (people_dates.py), and so the form: U+0085, where a Latin-1 reading
# of Windows text had its ellipsis, and U+001C-U+001F are white space; a byte
# order mark is not.
@pytest.mark.parametrize("label, written, file", [
    ("Alkamispäivä", "5.12.2026\x85", 'start: "2026-12-05 18:00"'),
    ("Alkamispäivä", "\x1f5.12.", 'start: "2026-12-05 18:00"'),
    ("Alkamispäivä", "5.12.2026\ufeff", None),
    ("Alkamiskellonaika", "18.00\x85", 'start: "2026-12-05 18:00"'),
    ("Alkamiskellonaika", "\ufeff18.00", None)])
def test_a_date_or_time_is_read_with_the_white_space_of_the_other_doors(page, label, written, file):
    read = read_day(written, FORM_TODAY.date()) if label == "Alkamispäivä" else read_clock(written)
    assert (read is not None) == (file is not None)  # as people_dates reads it
    fill_event(page)
    page.get_by_label(label).fill(written)
    preview(page)
    errors = page.locator("[data-error-summary] a").all_inner_texts()
    if file:
        assert errors == [] and file in page.locator("[data-file]").input_value()
    else:
        assert errors[0].startswith(label)  # the first of what it says


def test_a_weekday_that_is_another_days_is_refused_as_the_issue_form_and_new_refuse_it(page):
    fill_event(page)
    page.get_by_label("Alkamispäivä").fill("ti 9.12.")
    preview(page)
    assert page.locator("[data-error-summary] a").all_inner_texts() == [
        "Alkamispäivä: 9.12.2026 on keskiviikko, ei tiistai. Kirjoita oikea päivä tai oikea viikonpäivä."]
    page.get_by_label("Alkamispäivä").fill("ke 9.12.")  # the day's own weekday is the day
    preview(page)
    assert 'start: "2026-12-09 18:00"' in page.locator("[data-file]").input_value()


def tuesdays_until_january(page):
    """An event every Tuesday from 1.12. to 26.1., its days off left to the test."""
    fill_event(page)
    page.get_by_label("Alkamispäivä").fill("ti 1.12.")
    page.get_by_label("Toistuva tapahtuma").check()
    page.get_by_label("tiistai", exact=True).check()
    page.get_by_label("Viimeinen kerta").fill("26.1.")


def test_a_day_off_whose_weekday_is_another_days_is_refused_as_the_other_doors_refuse_it(page):
    tuesdays_until_january(page)
    page.get_by_label("Poikkeuspäivät").fill("29.12., ti 9.12.")
    preview(page)
    assert page.locator("[data-error-summary] a").all_inner_texts() == [
        "Poikkeuspäivät: 9.12.2026 on keskiviikko, ei tiistai. Kirjoita oikea päivä tai oikea viikonpäivä."]
    page.get_by_label("Poikkeuspäivät").fill("29.12., ti 8.12.")
    preview(page)
    assert 'except: ["2026-12-29", "2026-12-08"]' in page.locator("[data-file]").input_value()


def test_a_range_of_days_off_is_refused_saying_to_write_each_day_as_the_other_doors_say_it(page):
    tuesdays_until_january(page)
    page.get_by_label("Poikkeuspäivät").fill("22.12.–5.1.")
    preview(page)
    assert page.locator("[data-error-summary] a").all_inner_texts() == [
        "Poikkeuspäivät: kirjoita jokainen poikkeuspäivä erikseen, ei päivien väliä (22.12.–5.1.), esimerkiksi "
        "2.6., 9.6., 16.6. Pitkästä tauosta, kuten kesätauosta, voi tehdä myös kaksi ilmoitusta: toisen tauon "
        "alkuun asti ja toisen tauon jälkeen."]


def test_days_off_are_read_as_the_issue_form_and_new_read_them(page):
    tuesdays_until_january(page)
    page.get_by_label("Poikkeuspäivät").fill("29.12. ja 5.1.")  # series_words.words
    preview(page)
    assert 'except: ["2026-12-29", "2027-01-05"]' in page.locator("[data-file]").input_value()
    # a time with a day off or the last day is not dropped: refused, as the other doors refuse it
    page.get_by_role("button", name="Muokkaa ilmoitusta").click()
    page.get_by_label("Poikkeuspäivät").fill("29.12. klo 18")
    page.get_by_label("Viimeinen kerta").fill("26.1. klo 18")
    preview(page)
    assert page.locator("[data-error-summary] a").all_inner_texts() == [
        'Kenttään Viimeinen kerta kirjoitetaan pelkkä päivä ilman kellonaikaa: "26.1.2027".',
        'Kenttään Poikkeuspäivät kirjoitetaan pelkkä päivä ilman kellonaikaa: "29.12.2026".']


def test_a_range_of_times_and_another_end_are_refused_as_the_issue_form_and_new_refuse_them(page):
    fill_event(page)
    page.get_by_label("Alkamispäivä").fill("la 5.12. klo 18–20")
    page.get_by_label("Alkamiskellonaika").fill("")
    page.get_by_label("Päättymiskellonaika").fill("21.00")
    preview(page)
    assert page.locator("[data-error-summary] a").all_inner_texts() == [
        "Päättymiskellonaika: alkamisajassa on jo päättymisaika klo 20.00, mutta tässä on 21.00. "
        "Kirjoita päättymisaika vain toiseen kohtaan."]
    page.get_by_label("Päättymiskellonaika").fill("20.00")  # the same end twice is one end
    preview(page)
    assert 'end: "20:00"' in page.locator("[data-file]").input_value()


@pytest.mark.parametrize("day, start, end, kept, refused", [
    # the time boxes agree with the day's: nothing is lost
    ("la 5.12. klo 18–20", "18.00", "", ('start: "2026-12-05 18:00"', 'end: "2026-12-05 20:00"'), None),
    ("la 5.12. klo 18–20", "18", "20.00", ('start: "2026-12-05 18:00"', 'end: "20:00"'), None),
    # they differ: which is meant is the person's to say
    ("la 5.12. klo 18–20", "17.00", "", None,
     "Alkamiskellonaika: kohdassa ”Alkamispäivä” on jo kellonaika klo 18.00, mutta tässä on 17.00. "
     "Kirjoita kellonaika vain toiseen kohtaan."),
    ("la 5.12. klo 18–20", "18–21", "", None,
     "Alkamiskellonaika: alkamisajassa on jo päättymisaika klo 20.00, mutta tässä on 18–21. "
     "Kirjoita päättymisaika vain toiseen kohtaan."),
])
def test_a_time_written_with_the_start_day_and_in_its_own_box_is_kept_or_refused(page, day, start, end, kept,
                                                                                   refused):
    fill_event(page)
    page.get_by_label("Alkamispäivä").fill(day)
    page.get_by_label("Alkamiskellonaika").fill(start)
    page.get_by_label("Päättymiskellonaika").fill(end)
    preview(page)
    errors = page.locator("[data-error-summary] a").all_inner_texts()
    if refused:
        assert errors == [refused]
    else:
        text = page.locator("[data-file]").input_value()
        assert errors == [] and all(line in text for line in kept), text


@pytest.mark.parametrize("label, written", [("Päättymispäivä", "6.12. klo 10–12"),
                                             ("Päättymiskellonaika", "20–21")])
def test_a_range_of_times_where_one_time_is_asked_is_refused_as_the_other_doors_refuse_it(page, label, written):
    fill_event(page)
    page.get_by_label("Päättymiskellonaika").fill("")
    page.get_by_label(label).fill(written)
    preview(page)
    assert page.locator("[data-error-summary] a").all_inner_texts() == [
        f"{label}: kirjoita tähän yksi aika, ei aikaväliä ({written}). "
        "Tapahtuman kellonaikojen välin voi kirjoittaa alkamisaikaan: la 5.12. klo 18–20."]


def test_a_range_of_days_is_refused_saying_where_its_days_go_as_the_other_doors_say_it(page):
    fill_event(page)
    page.get_by_label("Alkamispäivä").fill("18.–20.12.2026")
    preview(page)
    assert page.locator("[data-error-summary] a").all_inner_texts() == [
        "Alkamispäivä: kirjoita tähän yksi päivä, ei päivien väliä (18.–20.12.2026). Monipäiväisen tapahtuman "
        "ensimmäinen päivä kirjoitetaan alkamisaikaan ja viimeinen päättymisaikaan."]


def test_the_form_reckons_today_where_the_bulletin_is(form_site):
    # 22.30 UTC on 1.12. is already 2.12. in Helsinki, the day `check` and the build reckon with
    site, base, browser = form_site
    late = datetime(2026, 12, 1, 22, 30, tzinfo=timezone.utc)
    with checked_context(browser, base, timezone_id="UTC") as open_page:
        page = open_page("/laheta/", before=lambda page: page.clock.set_fixed_time(late))
        assert page.evaluate("new Date().getDate()") == 1  # the browser's own clock
        assert page.get_by_label("Julkaisupäivä").input_value() == "2.12.2026"
        fill_event(page)
        page.get_by_label("Julkaisupäivä").fill("2.12.")
        page.get_by_label("Alkamispäivä").fill("1.12.")  # passed in Helsinki: next year's
        preview(page)
        text = page.locator("[data-file]").input_value()
        assert 'date: "2026-12-02"' in text and 'start: "2027-12-01 18:00"' in text


def test_date_and_time_fields_give_phones_a_keyboard_with_dots_and_commas(page):
    for label in ("Alkamispäivä", "Alkamiskellonaika", "Päättymispäivä", "Päättymiskellonaika", "Julkaisupäivä"):
        assert page.get_by_label(label).get_attribute("inputmode") == "text"


def test_a_draft_is_kept_in_this_browser_and_offered_back_until_deleted(page):
    fill_event(page)
    page.get_by_label("Tapahtumat", exact=True).check()
    page.reload()
    draft = page.locator("[data-draft]")
    assert draft.is_visible() and page.get_by_label("Otsikko").input_value() == ""
    page.get_by_role("button", name="Jatka keskeneräistä ilmoitusta").click()
    assert page.get_by_label("Otsikko").input_value() == 'Joulukonsertti "Tähtitaivas": tervetuloa!'
    assert page.get_by_label("Paikka", exact=True).is_visible()  # the event's fields shown again
    assert page.get_by_label("Yhteyshenkilön sähköposti").input_value() == "aila@example.org"
    assert not draft.is_visible()
    page.go_back()
    page.go_forward()
    assert page.locator("[data-draft]").is_visible()  # after Back and Forward too
    page.get_by_role("button", name="Poista keskeneräinen ilmoitus").click()
    assert page.evaluate("Object.keys(localStorage)") == []
    page.reload()
    assert not page.locator("[data-draft]").is_visible()


def test_unticking_consent_says_the_address_will_not_be_published(page):
    fill_event(page)
    warning = page.locator("[data-consent-warning]")
    assert not warning.is_visible()
    page.get_by_label("Yhteyshenkilö on antanut luvan").uncheck()
    assert warning.is_visible() and "ei julkaista" in warning.inner_text()
    preview(page)
    assert "aila@example.org" not in page.locator("[data-file]").input_value()


def test_a_call_with_an_info_evening_keeps_its_expiry(form_site, page):
    # a funding call open until 31.1. with an info evening on 5.12.: the notice
    # is current until the call closes, as check and the build read it
    fill_event(page)
    page.get_by_label("Rahoitus", exact=True).check()
    page.locator("[name=has_event]").check()
    page.get_by_label("Voimassa viimeistään").fill("31.1.2027")
    preview(page)
    text = page.locator("[data-file]").input_value()
    assert 'expires: "2027-01-31"' in text and 'start: "2026-12-05 18:00"' in text
    path = form_site[0].notice("2026/infoilta.md", text)
    assert form_site[0].check(path) == 0
    path.unlink()


def test_a_retired_association_is_offered_only_in_the_profile_form(form_site, tmp_path):
    # add, new and from-issue refuse a current notice of a retired association (active: false):
    # the notice and space forms do not offer one, the profile form does (it may come back)
    site = Site(tmp_path)
    site.association("vanha", "name: Vanha kerho ry\nactive: false\n")
    assert site.build("2026-12-01") == 0
    with served(site.output) as base, checked_context(form_site[2], base) as open_page:
        for path, select in (("/laheta/", "#f-association"), ("/laheta/tila/", "#f-association"),
                             ("/yhdistyksen-tiedot/", "#f-slug")):
            names = open_page(path).locator(select + " option").all_inner_texts()
            assert "Testikylän Eläkkeensaajat ry" in names
            assert ("Vanha kerho ry" in names) == (path == "/yhdistyksen-tiedot/"), path


def test_a_joint_notice_names_its_partners_and_is_listed_on_their_pages(form_site, page):
    site = form_site[0]
    fill_event(page, title="Yhteiskonsertti")
    # by name or identifier, as the association's own select writes it: each once
    page.get_by_label("Muut mukana olevat yhdistykset").fill("Laulukuoro ry, kuoro")
    preview(page)
    assert "Mukana myös\nLaulukuoro ry" in page.locator("[data-preview-notice]").inner_text()
    text = page.locator("[data-file]").input_value()
    assert '\npartners: ["kuoro"]\n' in text
    path = site.notice("2026/yhteiskonsertti.md", text)
    assert site.check(path) == 0 and site.build("2026-12-01") == 0
    partner = site.page("yhdistykset/kuoro/")
    assert "Yhteiskonsertti" in [a.get_text(strip=True) for a in partner.select("main a")]
    path.unlink()


def test_the_partners_offered_are_the_active_others(page):
    page.get_by_label("Yhdistys", exact=True).select_option(label="Testikylän Eläkkeensaajat ry")
    page.get_by_label("Muut mukana olevat yhdistykset").fill("Laulukuoro ry,")
    offered = page.locator("#f-partners-list option").evaluate_all("options => options.map(o => o.value)")
    assert offered == []  # the own association, the one written and the retired one are not offered
    page.get_by_label("Muut mukana olevat yhdistykset").fill("")
    offered = page.locator("#f-partners-list option").evaluate_all("options => options.map(o => o.value)")
    assert offered == ["Laulukuoro ry"]


@pytest.mark.parametrize("written, in_file", [
    ("Testikylän Eläkkeensaajat ry", "testikyla"),  # the notice's own association
    # by its name's words, as new and the issue form find it (slugs.same_name): without "ry", in lower case
    ("testikylän eläkkeensaajat", "testikyla"),
    ("Pallokerho", "Pallokerho"),  # not on the site
    ("Vanha kerho ry", "vanha"),  # retired
])
def test_a_partner_is_refused_in_checks_words(form_site, page, capsys, written, in_file):
    site = form_site[0]
    fill_event(page)
    page.get_by_label("Muut mukana olevat yhdistykset").fill(written)
    preview(page)
    shown = page.locator("[data-error-summary] a").all_inner_texts()
    said = site.refusals(site.notice("2026/kumppani.md", notice_file({
        "title": "Joulukonsertti", "association": "testikyla", "category": "tapahtumat", "date": "2026-11-20",
        "partners": [in_file], "event": {"start": "2026-12-05 18:00", "location": "Kerhohuone"}}, BODY)), capsys)
    assert len(said) == 1 and shown == [f"Muut mukana olevat yhdistykset: {said[0]}"]


def test_partners_written_with_semicolons_are_each_a_partner(page):
    # as new and the issue form read them (slugs.NAMES_SEPARATOR): "Laulukuoro ry; kuoro" is no one name
    fill_event(page, title="Yhteiskonsertti")
    page.get_by_label("Muut mukana olevat yhdistykset").fill("Laulukuoro ry;")
    offered = page.locator("#f-partners-list option").evaluate_all("options => options.map(o => o.value)")
    assert offered == []  # the one written is not offered again
    page.get_by_label("Muut mukana olevat yhdistykset").fill("Laulukuoro ry; kuoro")
    preview(page)
    assert '\npartners: ["kuoro"]\n' in page.locator("[data-file]").input_value()


def test_a_new_association_in_letters_the_form_cannot_write_is_asked_in_latin_letters_too(form_site, page, tmp_path,
                                                                                          capsys):
    # 中文 has an address (zhong-wen) by the other doors' Unidecode, which the form does not carry:
    # it is no name without letters, and the form asks for the letters of its address
    site = form_site[0]
    fill_event(page)
    page.get_by_label("Yhdistys", exact=True).select_option(label="Yhdistykseni ei ole listalla")
    page.get_by_label("Yhdistyksen nimi").fill("伊马特拉华人协会")
    preview(page)
    assert page.locator("[data-error-summary] a").all_inner_texts() == [
        "Yhdistyksen nimi: Lomake ei osaa kirjoittaa nimen 伊马特拉华人协会 kirjaimia latinalaisin kirjaimin, joilla "
        "yhdistyksen osoite sivustolla kirjoitetaan. Kirjoita nimen perään sulkuihin nimi latinalaisin kirjaimin, "
        "esimerkiksi 伊马特拉华人协会 (Imatra Society), tai lähetä ilmoitus GitHubin ilmoituslomakkeella tai "
        "sähköpostilla."]
    name = "伊马特拉华人协会 (Imatran kiinalaiset)"
    page.get_by_label("Yhdistyksen nimi").fill(name)
    preview(page)
    assert 'association: "imatran-kiinalaiset"' in page.locator("[data-file]").input_value()
    body = urllib.parse.parse_qs(page.get_by_role("link", name="Lähetä sähköpostilla").get_attribute("href")
                                 .split("?", 1)[1])["body"][0]
    email = tmp_path / "viesti.txt"
    email.write_text("Lähettäjä: aila@example.org\n\n" + body + "\n", encoding="utf-8")
    assert main(["add", str(email), "--content", str(site.content), "--new-association", name]) == 0
    notice, association = capsys.readouterr().out.split()
    assert association.endswith("associations/imatran-kiinalaiset.yml")
    assert site.check() == 0
    for written in (notice, association):
        Path(written).unlink()


@pytest.mark.parametrize("written, said", [
    ("ke 2.12. klo 16", "Ilmoittautuminen viimeistään\nke 2.12.2026 klo 16.00"),
    ("3.12.2026 klo 0.00", "Ilmoittautuminen viimeistään\nke 2.12.2026 klo 24.00"),  # as the page says a midnight
    ("30.11.2026", "Ilmoittautuminen päättyi\nma 30.11.2026"),  # over by today, as the page says it
])
def test_the_preview_says_the_registration_deadline_as_the_notice_page_does(page, written, said):
    fill_event(page)
    page.get_by_label("Ilmoittautumisen viimeinen päivä").fill(written)
    preview(page)
    assert said in page.locator("[data-preview-notice]").inner_text()
