""""Tarjoa tilaa" (laheta/tila/) in Chromium: the form writes a space file
that `bulletin check` passes and the build publishes, and refuses what the
check refuses, with the same rules (the schema exported from fields.py)."""
import pytest

from browser import chromium, guard_requests, served
from conftest import Site


@pytest.fixture(scope="module")
def form_site(tmp_path_factory):
    site = Site(tmp_path_factory.mktemp("spaceform"))
    assert site.build("2026-12-01") == 0
    with served(site.output) as base, chromium() as browser:
        yield site, base, browser


@pytest.fixture
def page(form_site):
    site, base, browser = form_site
    context = browser.new_context(accept_downloads=True)
    page = context.new_page()
    leaks = guard_requests(page, base)
    errors = []
    page.on("pageerror", lambda err: errors.append(str(err)))
    page.goto(base + "/laheta/tila/")
    yield page
    assert leaks == [] and errors == []
    context.close()


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
    ("#f-capacity", "0", "Henkilömäärä: kirjoita positiivinen kokonaisluku"),
    ("#f-capacity", "kaksikymmentä", "Henkilömäärä: kirjoita positiivinen kokonaisluku"),
    ("#f-available", "tiistai-ilta", "aikaa tiistai-ilta ei voi lukea"),
    ("#f-available", "ti 21-17", "aikaa ti 21-17 ei voi lukea"),
    ("#f-available", "pe–ma 8-16", "aikaa pe–ma 8-16 ei voi lukea"),
    ("#f-booking_email", "ei-osoite", "Sähköposti: kirjoita sähköpostiosoite"),
])
def test_the_form_refuses_what_the_check_refuses(page, field, value, message):
    fill(page)
    page.locator(field).fill(value)
    page.get_by_role("button", name="Tee tilan tiedosto").click()
    summary = page.locator("[data-error-summary]")
    assert summary.is_visible() and message in summary.inner_text()
    assert page.evaluate("document.activeElement.hasAttribute('data-error-summary')")
    assert not page.locator("[data-space-result]").is_visible()


def test_contact_details_need_consent(page):
    fill(page)
    page.get_by_label("Yhteyshenkilö on antanut luvan").uncheck()
    page.get_by_role("button", name="Tee tilan tiedosto").click()
    assert "julkaistaan vain luvalla" in page.locator("[data-error-summary]").inner_text()


def test_required_fields(page):
    page.get_by_role("button", name="Tee tilan tiedosto").click()
    text = page.locator("[data-error-summary]").inner_text()
    for name in ("tarjoava yhdistys", "tilan nimi", "osoite", "henkilömäärä"):
        assert f"Kirjoita {name}" in text
