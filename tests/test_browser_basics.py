"""The example site in a real browser: keyboard entry and no outside requests."""
import pytest

from browser import browser, example_base, guard_requests  # noqa: F401 (fixtures)


@pytest.fixture
def page(browser, example_base):
    """A page of the example site; the test fails if any request leaves it."""
    page = browser.new_page()
    leaks = guard_requests(page, example_base)
    yield page
    page.close()
    assert leaks == []


@pytest.mark.parametrize("address", ["/", "/ilmoitukset/joulumyyjaiset-vuoksenniska/"])
def test_skip_link_is_first_focus_and_moves_into_main(page, example_base, address):
    page.goto(example_base + address)
    page.keyboard.press("Tab")
    focused = page.evaluate("document.activeElement.className + '|' + document.activeElement.textContent")
    assert focused == "bl-skip|Siirry sisältöön"
    assert page.evaluate("document.activeElement.getBoundingClientRect().top >= 0")  # visible when focused
    page.keyboard.press("Enter")
    assert page.evaluate("document.activeElement.id") == "sisalto"
    page.keyboard.press("Tab")
    inside_main = page.evaluate("document.getElementById('sisalto').contains(document.activeElement)")
    assert inside_main


def test_notice_page_renders_its_facts(page, example_base):
    page.goto(example_base + "/ilmoitukset/joulumyyjaiset-vuoksenniska/")
    assert page.locator("h1").all_inner_texts() == ["Joulumyyjäiset Vuoksenniskan asukastuvalla"]
    assert "lauantaina 5. joulukuuta 2026 klo 10.00–14.00" in page.locator(".bl-event__when").inner_text()
    # the stylesheet applied: body text at least 18px, line height 1.5
    size, height = page.evaluate(
        "(() => { const s = getComputedStyle(document.body); return [parseFloat(s.fontSize), parseFloat(s.lineHeight)] })()")
    assert size >= 18 and height / size >= 1.5


def test_no_request_leaves_the_site_on_any_page_type(page, example_base):
    for address in ["/", "/tapahtumat/", "/yhdistykset/", "/yhdistykset/koskenpallo/", "/arkisto/",
                    "/aiheet/tilat/", "/avainsanat/", "/tietosuojaseloste/", "/404.html"]:
        response = page.goto(example_base + address)
        assert response.ok, address
