"""The association profile form (yhdistyksen-tiedot/) in Debian's Chromium:
the file it writes passes `bulletin check`, as a new association and as an
update that keeps the slug and starts from the association's present values,
fetched from its own file beside the page."""
import json

import pytest
from playwright.sync_api import expect

from bulletin_contract.writer import association_file
from browser import built_and_served, checked_context, downloaded
from conftest import Site

SIILI = """\
name: Siilin Kerho ry
description: |
  Kerho kokoontuu torstaisin.

  Tervetuloa!
groups: [nuoret]
offers: [Kuljetusapu retkille]
business_id: "0112038-9"
"""


@pytest.fixture(scope="module")
def form_site(tmp_path_factory):
    site = Site(tmp_path_factory.mktemp("profile"))
    site.association("siilin-kerho", SIILI)
    kept = site.content / "associations" / "kylat"  # a town may keep its associations in folders
    kept.mkdir()
    (kept / "rautio.yml").write_text("name: Raution Kyläyhdistys ry\n", encoding="utf-8")
    with built_and_served(site) as opened:
        yield opened


@pytest.fixture
def open_form(form_site):
    site, base, browser = form_site
    with checked_context(browser, base) as open_page:
        yield lambda query="", before=None: open_page("/yhdistyksen-tiedot/" + query, before)


def preview(page):
    page.get_by_role("button", name="Esikatsele tiedosto").click()


def test_a_new_association_gets_a_file_that_passes_check(form_site, open_form):
    site = form_site[0]
    page = open_form()
    page.get_by_label("Yhdistyksen nimi").fill("Imatran Lintuharrastajat ry")
    page.get_by_label("Kuvaus").fill("Retkiä ja **laskentoja**.\n\nKaikki mukaan!")
    page.get_by_label("Eläkeläiset").check()
    page.get_by_label("Mitä voimme tarjota muille").fill("Kiikareita lainaan retkille\n\nOpastusta: lintujen tunnistus")
    page.get_by_label("Mitä tarvitsemme").fill("Kuljetusapua retkille")
    page.get_by_role("textbox", name="Sähköposti (vapaaehtoinen)").fill("linnut@example.org")
    page.get_by_label("Jäsenmäärä").fill("45")
    page.get_by_label("Perustamisvuosi").fill("1978")
    page.get_by_label("Yhdistysrekisterinumero").fill("123.456")
    page.get_by_role("textbox", name="Y-tunnus (vapaaehtoinen)").fill("1572860-0")
    preview(page)
    assert page.evaluate("document.activeElement.id") == "esikatselu"
    name, text = downloaded(page)
    assert name == "imatran-lintuharrastajat.yml"
    assert page.locator("[data-preview-path]").inner_text() == "content/associations/imatran-lintuharrastajat.yml"
    # The script writes what the Python writer writes.
    assert text == association_file({
        "name": "Imatran Lintuharrastajat ry", "description": "Retkiä ja **laskentoja**.\n\nKaikki mukaan!",
        "groups": ["eläkeläiset"], "email": "linnut@example.org",
        "offers": ["Kiikareita lainaan retkille", "Opastusta: lintujen tunnistus"], "needs": ["Kuljetusapua retkille"],
        "members": "45", "founded": "1978", "register_number": "123.456", "business_id": "1572860-0"})
    path = site.association("imatran-lintuharrastajat", text)
    try:
        assert site.check() == 0
    finally:
        path.unlink()


def test_offers_and_needs_written_as_a_list_are_read_as_the_issue_form_reads_them(form_site, open_form, capsys):
    # People write offers and needs as a list in either form ("- ", "1. "):
    # the marker is no part of the item, in the file of both doors.
    from test_editor_commands import profile_body

    site = form_site[0]
    offers = "1. Runonlausuntaa juhliin, myös ruotsiksi\n2. Äänentoistolaitteet lainaan"
    needs = "* Telttoja, pöytiä ja tuoleja kesäjuhlaan\n- Harjoitustila, mieluiten esteetön"
    page = open_form()
    page.get_by_label("Yhdistyksen nimi").fill("Imatran Lausujat")
    page.get_by_label("Mitä voimme tarjota muille").fill(offers)
    page.get_by_label("Mitä tarvitsemme").fill(needs)
    preview(page)
    name, text = downloaded(page)
    status, paths, err, _comment = site.from_issue(profile_body(**{
        "Yhdistyksen nimi": "Imatran Lausujat", "Mitä voimme tarjota muille": offers, "Mitä tarvitsemme": needs}),
        capsys, today="2026-12-01")
    assert status == 0, err
    written = site.content / "associations" / paths[0].rsplit("/", 1)[-1]
    try:
        assert (written.name, written.read_text(encoding="utf-8")) == (name, text)
        assert 'offers: ["Runonlausuntaa juhliin, myös ruotsiksi", "Äänentoistolaitteet lainaan"]' in text
    finally:
        written.unlink()

def test_white_space_is_what_check_calls_space(form_site, open_form, capsys):
    # U+0085 (NEL) and U+001C-U+001F are white space to Python, as to check:
    # text pasted from a Latin-1 reading of Windows text has U+0085 where
    # its ellipsis was. The form reads them so too, not as control characters.
    site = form_site[0]
    page = open_form()
    page.get_by_label("Yhdistyksen nimi").fill("Imatran Retkeilijät\x85ry\x85")
    page.get_by_label("Mitä voimme tarjota muille").fill("Opastusta\x1c\nKuljetusta\x85")
    page.locator("#f-address").fill("\x85Koskenparras 1")
    page.get_by_label("Kuvaus").fill("Retkiä ja laskentoja\x85")
    preview(page)
    assert page.locator("[data-error-summary] a").all_inner_texts() == []
    name, text = downloaded(page)
    assert 'name: "Imatran Retkeilijät ry"' in text and 'offers: ["Opastusta", "Kuljetusta"]' in text
    path = site.association(name[:-4], text)
    try:
        assert site.check() == 0
    finally:
        path.unlink()


def test_an_update_keeps_the_slug_and_the_present_values(form_site, open_form):
    site = form_site[0]
    page = open_form("?yhdistys=siilin-kerho")
    expect(page.get_by_label("Yhdistyksen nimi")).to_have_value("Siilin Kerho ry")  # once fetched
    assert page.get_by_label("Nuoret").is_checked()
    page.get_by_label("Mitä tarvitsemme").fill("Harjoitustila kevääksi")
    page.get_by_label("Yhdistys on lopettanut toimintansa").check()
    preview(page)
    name, text = downloaded(page)
    assert name == "siilin-kerho.yml"
    assert 'offers: ["Kuljetusapu retkille"]' in text and 'needs: ["Harjoitustila kevääksi"]' in text
    assert "active: false" in text and 'business_id: "0112038-9"' in text
    github = page.locator("[data-send-github]").get_attribute("href")
    assert github.endswith("/edit/main/content/associations/siilin-kerho.yml")
    original = (site.content / "associations" / "siilin-kerho.yml").read_text(encoding="utf-8")
    site.association("siilin-kerho", text)
    try:
        assert site.check() == 0
    finally:
        site.association("siilin-kerho", original)


def test_an_update_of_an_association_in_a_subfolder_goes_over_its_own_file(form_site, open_form):
    site = form_site[0]
    page = open_form("?yhdistys=rautio")
    expect(page.get_by_label("Yhdistyksen nimi")).to_have_value("Raution Kyläyhdistys ry")
    page.get_by_label("Mitä tarvitsemme").fill("Talkooväkeä kevääksi")
    preview(page)
    assert page.locator("[data-preview-path]").inner_text() == "content/associations/kylat/rautio.yml"
    github = page.locator("[data-send-github]").get_attribute("href")
    assert github.endswith("/edit/main/content/associations/kylat/rautio.yml")
    mail = page.locator("[data-send-mail]").get_attribute("href")
    assert "content%2Fassociations%2Fkylat%2Frautio.yml" in mail
    _name, text = downloaded(page)
    path = site.content / "associations" / "kylat" / "rautio.yml"
    original = path.read_text(encoding="utf-8")
    path.write_text(text, encoding="utf-8")  # over its own file: check sees one association
    try:
        assert site.check() == 0
    finally:
        path.write_text(original, encoding="utf-8")


def test_wrong_answers_are_refused_as_the_check_refuses_them(open_form):
    page = open_form()
    page.get_by_label("Yhdistyksen nimi").fill("Siilin Kerho ry")  # taken: an update is the way
    page.get_by_label("Mitä voimme tarjota muille").fill("\n".join(f"Tarjous {n}" for n in range(13)))
    page.get_by_label("Mitä tarvitsemme").fill("x" * 201)
    page.get_by_label("Verkkosivut").fill("www.example.org")
    page.get_by_label("Perustamisvuosi").fill("87")
    page.get_by_role("textbox", name="Y-tunnus (vapaaehtoinen)").fill("0112038-8")
    preview(page)
    summary = page.locator("[data-error-summary]")
    assert page.evaluate("document.activeElement.hasAttribute('data-error-summary')")
    assert summary.locator("a").all_inner_texts() == [
        "Yhdistyksen nimi: yhdistys Siilin Kerho ry on jo sivustolla. Valitse se ylempää listasta, niin päivität sen tietoja.",
        "Verkkosivut: Osoite www.example.org ei kelpaa. Kirjoita koko osoite alkaen https://.",  # check's words
        "Mitä voimme tarjota muille: enintään 12 riviä, nyt 13. Valitse tärkeimmät.",
        "Mitä tarvitsemme: rivi ”xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx…” on liian pitkä, enintään 200 merkkiä.",
        # the checker's own words (err_number), the key named by the form's label
        "Kentän Perustamisvuosi arvon pitää olla kokonaisluku 1800–2100, nyt 87. "
        "Kirjoita esimerkiksi Perustamisvuosi: 1800.",
        "Y-tunnus: tarkistusnumero ei täsmää, joten tunnuksessa on kirjoitusvirhe. Tarkista tunnus osoitteesta ytj.fi.",
    ]
    business_id = page.get_by_role("textbox", name="Y-tunnus (vapaaehtoinen)")
    assert business_id.get_attribute("aria-invalid") == "true"
    assert "f-business_id-error" in business_id.get_attribute("aria-describedby").split()


def test_an_address_or_number_is_refused_in_the_checks_words(form_site, open_form, capsys):
    # an address as people write one on paper: the check's message says what is wrong and what to write
    site = form_site[0]
    written = {"website": "www.imatranlinnut.fi", "email": "linnut(at)example.org", "phone": "soita illalla"}
    path = site.association("linnut", "name: Imatran Linnut\n" + "".join(f'{k}: "{v}"\n' for k, v in written.items()))
    said = site.refusals(path, capsys)
    assert len(said) == 3 and all(value in line for value, line in zip(written.values(), said))
    page = open_form()
    page.get_by_label("Yhdistyksen nimi").fill("Imatran Linnut")
    for key, value in written.items():
        page.locator(f"#f-{key}").fill(value)
    preview(page)
    labels = [page.locator(f"[data-field={key}]").get_attribute("data-label") for key in written]
    assert page.locator("[data-error-summary] a").all_inner_texts() == [
        f"{label}: {message}" for label, message in zip(labels, said)]


def test_an_address_that_leads_nowhere_is_refused_by_the_form_as_by_check(form_site, open_form, capsys):
    # the pattern reads a port past 65535 as an address; the browser and the
    # sanitizer read none, so the association's page would link nowhere
    site = form_site[0]
    address = "https://imatranpollot.fi:99999/"
    path = site.association("pollot", f'name: Imatran Pöllöt\nwebsite: "{address}"\n')
    said = site.refusals(path, capsys)
    assert len(said) == 1 and address in said[0]
    page = open_form()
    page.get_by_label("Yhdistyksen nimi").fill("Imatran Pöllöt")
    page.get_by_label("Verkkosivut").fill(address)
    preview(page)
    assert page.locator("[data-error-summary] a").all_inner_texts() == [f"Verkkosivut: {said[0]}"]


def test_text_drawn_as_nothing_is_empty_as_the_check_says(form_site, open_form, capsys):
    # A Hangul filler or the blank Braille pattern shows nothing: check calls
    # such a name, line or address empty, and the form says so in its words.
    site = form_site[0]
    path = site.association("tyhja", 'name: "\u3164"\ndescription: "\u200b"\noffers: ["Kahvia", "\u2800"]\n'
                                      'address: "\u200b\ufe0f"\n')
    said = site.refusals(path, capsys)
    assert said == [f"Kenttä {key} on tyhjä. Kirjoita siihen arvo tai poista rivi."
                    for key in ("name", "description", "offers", "address")]
    page = open_form()
    page.get_by_label("Yhdistyksen nimi").fill("\u3164")
    page.get_by_label("Kuvaus").fill("\u200b")
    page.get_by_label("Mitä voimme tarjota muille").fill("Kahvia\n\u2800")
    page.locator("#f-address").fill("\u200b\ufe0f")
    preview(page)
    assert sorted(page.locator("[data-error-summary] a").all_inner_texts()) == sorted(
        line.replace("name", "Yhdistyksen nimi").replace("offers", "Mitä voimme tarjota muille")
        .replace("address", "Osoite").replace("description", "Kuvaus") for line in said)


def test_a_new_association_of_a_present_ones_name_is_refused_as_the_check_refuses_it(form_site, open_form, capsys):
    # rautio.yml is "Raution Kyläyhdistys ry": a second file of that name is the same association twice
    site = form_site[0]
    path = site.association("raution-kylayhdistys", "name: Raution kyläyhdistys r.y.\n")
    assert any("saman yhdistyksen nimi" in line for line in site.refusals(path, capsys))
    page = open_form()
    page.get_by_label("Yhdistyksen nimi").fill("Raution kyläyhdistys r.y.")
    preview(page)
    assert page.locator("[data-error-summary] a").all_inner_texts() == [
        "Yhdistyksen nimi: yhdistys Raution Kyläyhdistys ry on jo sivustolla. Valitse se ylempää listasta, "
        "niin päivität sen tietoja."]


def test_a_heap_of_accents_is_refused_as_the_check_refuses_it(form_site, open_form, capsys):
    # "Zalgo": drawn over the lines above and below, over the directory's other names
    site, heap = form_site[0], "Siili" + "\u0301\u0308\u0336" * 3 + " ry"
    path = site.association("kasa", f'name: "{heap}"\n')
    said = site.refusals(path, capsys)
    assert said == ["Kentässä name on kirjaimen päällä 9 tarkkeen pino (enintään 5). "
                    "Kirjoita teksti ilman koristemerkkejä."]
    page = open_form()
    page.get_by_label("Yhdistyksen nimi").fill(heap)
    preview(page)
    assert page.locator("[data-error-summary] a").all_inner_texts() == [
        said[0].replace("name", "Yhdistyksen nimi")]


def test_without_javascript_the_page_shows_the_template(form_site):
    site = form_site[0]
    page = site.page("yhdistyksen-tiedot/")
    assert page.select_one("[data-profile-form]").has_attr("hidden")
    template = page.select_one(".bl-submit-nojs__template").get_text()
    assert "Yhdistyksen nimi:" in template and "Y-tunnus:" in template and "Mitä tarvitsemme:" in template


def test_the_page_lists_the_associations_and_each_ones_values_are_its_own_file(form_site):
    # The page would otherwise grow with every association's values.
    site = form_site[0]
    html = (site.output / "yhdistyksen-tiedot" / "index.html").read_text(encoding="utf-8")
    assert "Siilin Kerho ry" in html and "siilin-kerho" in html  # in the list to choose from
    assert "Kuljetusapu retkille" not in html and "0112038-9" not in html and "Tervetuloa!" not in html
    values = json.loads((site.output / "yhdistyksen-tiedot" / "siilin-kerho.json").read_text(encoding="utf-8"))
    assert values["offers"] == ["Kuljetusapu retkille"] and values["business_id"] == "0112038-9"
    assert values["description"] == "Kerho kokoontuu torstaisin.\n\nTervetuloa!"
    assert (site.output / "yhdistyksen-tiedot" / "testikyla.json").is_file()


def test_choosing_an_association_fills_in_its_values_from_its_file(open_form):
    page = open_form()
    page.get_by_label("Yhdistyksen nimi").fill("Kirjoitettu ensin")
    with page.expect_response("**/yhdistyksen-tiedot/siilin-kerho.json") as response:
        page.get_by_label("Mitä yhdistystä tiedot koskevat?").select_option("siilin-kerho")
    assert response.value.ok
    expect(page.get_by_label("Yhdistyksen nimi")).to_have_value("Siilin Kerho ry")
    expect(page.get_by_label("Mitä voimme tarjota muille")).to_have_value("Kuljetusapu retkille")
    expect(page.get_by_role("textbox", name="Y-tunnus (vapaaehtoinen)")).to_have_value("0112038-9")
    assert page.get_by_label("Nuoret").is_checked()
    # Another association: nothing of the first stays.
    page.get_by_label("Mitä yhdistystä tiedot koskevat?").select_option("testikyla")
    expect(page.get_by_label("Yhdistyksen nimi")).to_have_value("Testikylän Eläkkeensaajat ry")
    expect(page.get_by_label("Mitä voimme tarjota muille")).to_have_value("")
    assert not page.get_by_label("Nuoret").is_checked() and page.get_by_label("Eläkeläiset").is_checked()


def test_values_that_cannot_be_fetched_are_said_and_nothing_is_half_filled(open_form):
    page = open_form(before=lambda page: page.route("**/siilin-kerho.json", lambda route: route.abort()))
    chooser = page.get_by_label("Mitä yhdistystä tiedot koskevat?")
    chooser.select_option("siilin-kerho")
    status = page.locator("[data-values-failed]")
    expect(status).to_have_text(
        "Yhdistyksen Siilin Kerho ry nykyisiä tietoja ei saatu haettua, joten lomaketta ei täytetty. "
        "Tarkista verkkoyhteys ja valitse yhdistys uudelleen.")
    assert status.get_attribute("role") == "status" and status.is_visible()
    assert "f-slug-status" in chooser.get_attribute("aria-describedby").split()
    # No update without the present values: the form is back to a new association, empty.
    assert chooser.input_value() == "" and page.get_by_label("Yhdistyksen nimi").input_value() == ""
    # Choosing again (here one that can be fetched) takes the message away.
    chooser.select_option("testikyla")
    expect(page.get_by_label("Yhdistyksen nimi")).to_have_value("Testikylän Eläkkeensaajat ry")
    assert status.is_hidden() and "f-slug-status" not in (chooser.get_attribute("aria-describedby") or "")


def test_a_description_gets_the_checkers_verdict_on_its_text(open_form):
    # Markdown, as check reads an association's description: raw HTML and
    # dangerous links are refused by line, as in the notice form
    page = open_form()
    page.get_by_label("Yhdistyksen nimi").fill("Imatran Lintuharrastajat ry")
    page.get_by_label("Kuvaus").fill("Tervetuloa!\n\n<script>alert(1)</script> [x](javascript:alert(1))")
    preview(page)
    messages = page.locator("[data-error-summary] a").all_inner_texts()
    assert [m.split(":")[0] for m in messages] == ["Kuvaus, rivi 3", "Kuvaus, rivi 3"]
    # two findings on one line in check's order: by line, then by message
    assert "Linkin osoite alkaa javascript:" in messages[0] and "HTML-koodia (<script>)" in messages[1]


@pytest.mark.parametrize("name, said", [
    ("!!! ???", "Nimessä !!! ??? ei ole yhtään kirjainta."),
    # letters of an address only the other doors' Unidecode writes (yi-ma-te-la-hua-ren-xie-hui): asked in Latin too
    ("伊马特拉华人协会", "Lomake ei osaa kirjoittaa nimen 伊马特拉华人协会 kirjaimia latinalaisin kirjaimin"),
])
def test_a_new_association_whose_name_makes_no_file_name_is_refused_saying_why(open_form, name, said):
    page = open_form()
    page.get_by_label("Yhdistyksen nimi").fill(name)
    preview(page)
    assert page.locator("[data-error-summary] a").all_inner_texts()[0].startswith(f"Yhdistyksen nimi: {said}")
    assert not page.locator("[data-file]").is_visible()


def test_a_name_with_a_lookalike_letter_is_refused_as_the_check_refuses_it(form_site, open_form, capsys):
    # a Cyrillic а in a Finnish name: it would look like another's, or like the one it means
    site, name = form_site[0], "Imatrаn Kamarikuoro ry"
    path = site.association("imatran-kamarikuoro", f'name: "{name}"\n')
    said = site.refusals(path, capsys)
    assert said == ["Kentän name sanassa Imatrаn on kyrillinen merkki а (U+0430), joka näyttää suomalaisen "
                    "näppäimistön kirjaimelta mutta on eri merkki, joten nimeä ei voi tunnistaa. Kirjoita sana "
                    "suomalaisen näppäimistön kirjaimin: Imatran."]
    page = open_form()
    page.get_by_label("Yhdistyksen nimi").fill(name)
    preview(page)
    assert page.locator("[data-error-summary] a").all_inner_texts() == [
        said[0].replace("name", "Yhdistyksen nimi", 1)]
