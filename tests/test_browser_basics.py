"""The example site in a real browser: keyboard entry and no outside requests."""
import pytest

from browser import chromium, guard_requests, served


@pytest.fixture(scope="module")
def browser_and_base(example_site):
    with served(example_site) as base, chromium() as browser:
        yield browser, base


@pytest.mark.parametrize("address", ["/", "/ilmoitukset/joulumyyjaiset-vuoksenniska/"])
def test_skip_link_is_first_focus_and_moves_into_main(browser_and_base, address):
    browser, base = browser_and_base
    page = browser.new_page()
    leaks = guard_requests(page, base)
    page.goto(base + address)
    page.keyboard.press("Tab")
    focused = page.evaluate("document.activeElement.className + '|' + document.activeElement.textContent")
    assert focused == "bl-skip|Siirry sisältöön"
    assert page.evaluate("document.activeElement.getBoundingClientRect().top >= 0")  # visible when focused
    page.keyboard.press("Enter")
    assert page.evaluate("document.activeElement.id") == "sisalto"
    page.keyboard.press("Tab")
    inside_main = page.evaluate("document.getElementById('sisalto').contains(document.activeElement)")
    assert inside_main
    assert leaks == []
    page.close()


def test_notice_page_renders_its_facts(browser_and_base):
    browser, base = browser_and_base
    page = browser.new_page()
    leaks = guard_requests(page, base)
    page.goto(base + "/ilmoitukset/joulumyyjaiset-vuoksenniska/")
    assert page.locator("h1").all_inner_texts() == ["Joulumyyjäiset Vuoksenniskan asukastuvalla"]
    assert "lauantaina 5. joulukuuta 2026 klo 10.00–14.00" in page.locator(".bl-event__when").inner_text()
    # the stylesheet applied: body text at least 18px, line height 1.5
    size, height = page.evaluate(
        "(() => { const s = getComputedStyle(document.body); return [parseFloat(s.fontSize), parseFloat(s.lineHeight)] })()")
    assert size >= 18 and height / size >= 1.5
    assert leaks == []
    page.close()


def test_no_request_leaves_the_site_on_any_page_type(browser_and_base):
    browser, base = browser_and_base
    page = browser.new_page()
    leaks = guard_requests(page, base)
    for address in ["/", "/tapahtumat/", "/yhdistykset/", "/yhdistykset/koskenpallo/", "/arkisto/",
                    "/aiheet/tilat/", "/avainsanat/", "/tietosuojaseloste/", "/404.html"]:
        response = page.goto(base + address)
        assert response.ok, address
    assert leaks == []
    page.close()
