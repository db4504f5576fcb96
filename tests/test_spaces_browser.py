"""The filters of tilat/ in Debian's Chromium, on the built example: a link
with filters set, choosing in the form, and the page without JavaScript."""
import re

import pytest
from playwright.sync_api import expect

from browser import beside, browser, description, example_base  # noqa: F401 (fixtures)


@pytest.fixture
def page(browser):
    context = browser.new_context()
    page = context.new_page()
    problems = []
    page.on("console", lambda m: m.type in ("error", "warning") and not m.text.startswith("Failed to load resource")
            and problems.append(m.text))
    page.on("pageerror", lambda error: problems.append(str(error)))
    yield page
    context.close()
    assert problems == []  # no CSP violation, no script error


def shown(page):
    """Slugs of the spaces visible on tilat/."""
    return sorted(page.eval_on_selector_all(
        "[data-space]", "cards => cards.filter(c => c.getClientRects().length)"
        ".map(c => c.querySelector('a').getAttribute('href').split('/').at(-2))"))


def test_a_link_with_filters_shows_only_the_spaces_that_meet_them(page, example_base):
    page.goto(example_base + "/tilat/?hlo=20&paiva=ti&klo=18&esteeton=porrasaton")
    # 20+ persons, free on Tuesday 18-19 and step-free: Askel's hall, Hopeakoski,
    # Koskenpallo's room is too small, Rautio's village hall has a ramp only
    assert shown(page) == ["askeleen-sali", "hopeakosken-kerhohuone", "vuoksenlaulun-harjoitussali",
                           "vuoksenniskan-asukastuvan-kerhohuone"]
    assert page.locator("#rajaus-hlo").input_value() == "20"
    assert page.locator("#rajaus-paiva").input_value() == "ti"
    assert page.locator("#rajaus-esteeton-porrasaton").is_checked()
    assert page.locator("[data-space-count]").inner_text() == "4 tilaa täyttää rajaukset."
    # a district with none of them loses its heading too
    assert not page.locator("#alue-rautio").is_visible()


@pytest.mark.parametrize("query, expected", [
    ("varuste=sauna", ["raution-kylatalon-sauna"]),
    ("kaytto=musiikki&esteeton=esteeton-wc", ["vuoksenlaulun-harjoitussali"]),
    ("esteeton=porrasaton&esteeton=opasteet", ["majakan-kokoushuone"]),  # every one chosen must hold
    ("maksuton=1&alue=tainionkoski", ["koskenpallon-kokoushuone"]),
    ("hlo=55", ["raution-kylatalo"]),
    ("paiva=su&klo=19", ["kipinan-bandikamppa", "koskenpallon-varasto", "kotiseututalon-aitta"]),
])
def test_each_filter(page, example_base, query, expected):
    page.goto(f"{example_base}/tilat/?{query}")
    assert shown(page) == expected


def test_choosing_in_the_form_filters_at_once_and_makes_a_link(page, example_base):
    page.goto(example_base + "/tilat/")
    everything = shown(page)
    assert len(everything) >= 14 and page.locator("[data-space-count]").inner_text() == ""
    page.locator("#rajaus-varuste-bandikalusto").check()
    assert shown(page) == ["kipinan-bandikamppa"]
    expect(page).to_have_url(re.compile(r"/tilat/\?varuste=bandikalusto$"))  # the address is told the client late
    page.locator("#rajaus-hlo").fill("10")
    assert shown(page) == []
    assert page.locator("[data-space-none]").is_visible()
    page.get_by_role("link", name="Poista rajaukset").click()
    assert shown(page) == everything


def test_without_javascript_every_space_is_listed_by_district(browser, example_base):
    context = browser.new_context(java_script_enabled=False)
    page = context.new_page()
    page.goto(example_base + "/tilat/?hlo=500")
    assert len(shown(page)) >= 14  # nothing is filtered without the script...
    assert not page.locator("form[data-space-filters]").is_visible()  # ...so no filters are offered
    page.get_by_role("link", name="Rautio", exact=True).click()
    assert page.url.endswith("#alue-rautio")
    context.close()


def test_search_finds_the_spaces_by_their_type(page, example_base):
    from pathlib import Path
    spaces = len(list((Path(__file__).resolve().parents[1] / "content" / "spaces").glob("*.yml")))
    page.goto(example_base + "/haku/?type=tila")
    expect(page.locator("#haku-tila")).to_have_text(f"{spaces} tulosta")
    assert page.locator("#haku-tyyppi").input_value() == "tila"
    assert page.locator("#haku-tulokset a[href*='/tilat/']").count() == min(spaces, 10)


def test_the_district_links_lead_only_to_districts_shown_and_count_what_they_show(page, example_base):
    page.goto(example_base + "/tilat/?hlo=20&paiva=ti&klo=18&esteeton=porrasaton")
    links = page.locator("[data-district-of]")
    visible = {}
    for i in range(links.count()):
        item = links.nth(i)
        section = page.locator("#" + item.get_attribute("data-district-of"))
        assert item.is_visible() == section.is_visible()
        if item.is_visible():
            cards = section.locator("[data-space]").evaluate_all(
                "cards => cards.filter(c => c.getClientRects().length).length")
            visible[item.locator("a").inner_text()] = int(item.locator("[data-district-count]").inner_text())
            assert visible[item.locator("a").inner_text()] == cards
    assert "Rautio" not in visible and sum(visible.values()) == len(shown(page)) == 4


def test_taking_away_the_last_filter_says_that_every_space_is_shown(page, example_base):
    page.goto(example_base + "/tilat/?varuste=sauna")
    assert page.locator("[data-space-count]").inner_text() == "1 tila täyttää rajaukset."
    page.locator("#rajaus-varuste-sauna").uncheck()
    everything = len(shown(page))
    assert page.locator("[data-space-count]").inner_text() == f"Ei rajauksia: kaikki {everything} tilaa näytetään."
    assert page.locator("[data-district-of]").evaluate_all("items => items.every(i => !i.hidden)")


def type_55(page):
    page.locator("#rajaus-hlo").press_sequentially("55", delay=150)


def pass_two_days(page):
    page.locator("#rajaus-paiva").focus()
    page.keyboard.press("ArrowDown")  # maanantai
    page.wait_for_timeout(150)
    page.keyboard.press("ArrowDown")  # tiistai


@pytest.mark.parametrize("act, field, value", [
    (type_55, "#rajaus-hlo", "55"),
    (pass_two_days, "#rajaus-paiva", "ti"),
], ids=["digits typed", "days passed with the arrow keys"])
def test_the_count_is_said_once_where_the_reader_stops(page, example_base, act, field, value):
    """The count is a live region: a screen reader speaks each change of it.
    Typed digit by digit, "55" is said when the typing stops, not first as
    "5" ("12 tilaa...") and again; a day list moved through with the arrow
    keys (a change at each press) is said on the day it stops at. The list
    follows each step."""
    page.goto(example_base + "/tilat/")
    page.locator("[data-space-count]").evaluate("""status => { window.blSaid = [];
        new MutationObserver(() => window.blSaid.push(status.textContent))
          .observe(status, {childList: true, characterData: true, subtree: true}); }""")
    act(page)
    assert page.locator(field).input_value() == value
    count = len(shown(page))
    said = f"{count} tila täyttää rajaukset." if count == 1 else f"{count} tilaa täyttää rajaukset."
    expect(page.locator("[data-space-count]")).to_have_text(said)
    page.wait_for_timeout(1500)  # nothing more is said after it
    assert page.evaluate("window.blSaid") == [said]


@pytest.mark.parametrize("value", ["abc", "-5", "0", "2.5", "100000"])
def test_a_number_of_persons_not_understood_is_said_so_and_leaves_out_no_space(page, example_base, value):
    # Number("abc") filtered nothing, and the page said that every space
    # met the filters; a number no space's capacity can be is no filter either
    page.goto(example_base + "/tilat/")
    everything = shown(page)
    page.goto(f"{example_base}/tilat/?hlo={value}")
    assert shown(page) == everything
    said = f"Henkilömäärää ”{value}” ei ymmärretty, eikä tiloja rajattu sen mukaan. Kirjoita kokonaisluku 1–9999."
    error = page.locator("#rajaus-hlo-virhe")
    assert error.is_visible() and error.inner_text() == said
    assert page.locator("#rajaus-hlo").get_attribute("aria-invalid") == "true"
    assert page.locator("[data-space-count]").inner_text() == f"{said} {len(everything)} tilaa täyttää rajaukset."
    # a number understood takes its place
    page.locator("#rajaus-hlo").fill("55")
    assert shown(page) == ["raution-kylatalo"]
    assert not error.is_visible() and page.locator("#rajaus-hlo").get_attribute("aria-invalid") == "false"
    expect(page.locator("[data-space-count]")).to_have_text("1 tila täyttää rajaukset.")  # once the typing stops


@pytest.mark.parametrize("query, label, value, field", [
    ("paiva=tiistai", "Viikonpäivä", "tiistai", "#rajaus-paiva"),  # was every space, as if no day were chosen
    ("klo=25", "Vapaana kellonaikana", "25", "#rajaus-klo"),  # was no space at all
    ("klo=18.30", "Vapaana kellonaikana", "18.30", "#rajaus-klo"),
    ("alue=Vuoksenniska", "Alue", "Vuoksenniska", "#rajaus-alue"),  # the district's name, not its slug
    ("varuste=xyz", "Varusteet (kaikki valitut)", "xyz", "#rajaus-varuste"),
    ("maksuton=kyllä", "Maksuton yhdistyksille", "kyllä", "#rajaus-maksuton"),
])
def test_a_filter_value_the_form_does_not_offer_is_said_so_and_leaves_out_no_space(page, example_base, query,
                                                                                   label, value, field):
    page.goto(f"{example_base}/tilat/?hlo=55&{query}")
    assert shown(page) == ["raution-kylatalo"]  # by the filter understood only
    said = f"Rajauksen ”{label}” arvoa ”{value}” ei ymmärretty, eikä tiloja rajattu sen mukaan."
    assert page.locator("[data-space-count]").inner_text() == f"{said} 1 tila täyttää rajaukset."
    # The status is filled as the page opens, which no screen reader
    # announces: the field (or group) says it too, beside it and when reached.
    assert beside(page, field) == said and description(page, field) == said
    # the form shows the filters in force, and a change leaves the other out of the link
    assert page.locator("#rajaus-hlo").input_value() == "55"
    page.locator("#rajaus-hlo").fill("20")
    expect(page).to_have_url(re.compile(r"/tilat/\?hlo=20$"))
    expect(page.locator("[data-space-count]")).to_have_text(f"{len(shown(page))} tilaa täyttää rajaukset.")
    assert beside(page, field) is None and description(page, field) == ""


@pytest.mark.parametrize("name", ["0", "length", "item", "namedItem", "rajaus-hlo"])
def test_a_parameter_named_as_a_property_of_the_forms_fields_is_no_filter(page, example_base, name):
    # form.elements["0"] is the form's first field, form.elements.length its
    # number of fields and form.elements["rajaus-hlo"] a field by its id: such a parameter was taken for a filter not understood,
    # whose label was not found, and the script stopped with the form hidden
    page.goto(f"{example_base}/tilat/?hlo=55&{name}=1")
    assert shown(page) == ["raution-kylatalo"]
    assert page.locator("[data-space-count]").inner_text() == "1 tila täyttää rajaukset."
    assert page.locator("[data-space-filters]").is_visible()


def test_a_parameter_that_is_no_filter_says_nothing_of_filters(page, example_base):
    # a shared link gets ?fbclid=… or ?utm_source=…: the page said that every
    # space met "the filters", as if some were chosen
    page.goto(example_base + "/tilat/")
    everything = shown(page)
    page.goto(example_base + "/tilat/?fbclid=IwAR0abc&utm_source=uutiskirje")
    assert shown(page) == everything
    assert page.locator("[data-space-count]").inner_text() == ""
