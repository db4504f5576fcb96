"""The header on a phone: at most 140 px at 390 px wide, the menu a
<details> that opens without JavaScript, search one tap away; on a wide
screen the menu and the search form are shown as before."""
import pytest

from browser import browser, example_base, missing  # noqa: F401  (fixtures)
from test_a11y_machine_checks import axe_path, run_axe  # noqa: F401  (fixture)

PAGES = ["/", "/ilmoitukset/joulukonsertti-vuoksenlaulu/", "/haku/", "/laheta/", "/viikkokirje/"]


@pytest.fixture
def phone(browser):
    contexts = []

    def make(javascript=True, **options):
        context = browser.new_context(viewport={"width": 390, "height": 844}, java_script_enabled=javascript,
                                      **options)
        contexts.append(context)
        return context.new_page()

    yield make
    for context in contexts:
        context.close()


def header_height(page):
    return page.evaluate("document.querySelector('header').getBoundingClientRect().height")


@pytest.mark.parametrize("address", PAGES)
def test_header_is_at_most_140_px_on_a_390_px_phone(phone, example_base, address):
    page = phone(javascript=False)
    page.goto(example_base + address)
    assert header_height(page) <= 140
    # The content starts right under it.
    assert page.evaluate("document.querySelector('main').getBoundingClientRect().top") <= 140


def test_menu_opens_with_a_tap_without_javascript(phone, example_base):
    page = phone(javascript=False)
    page.goto(example_base + "/")
    links = page.locator(".bl-nav__link")
    count = links.count()
    assert count >= 6 and not links.first.is_visible()
    page.get_by_text("Valikko").click()
    assert [links.nth(i).is_visible() for i in range(count)] == [True] * count
    heights = [links.nth(i).bounding_box()["height"] for i in range(count)]
    assert min(heights) >= 44
    with page.expect_navigation():
        page.get_by_role("link", name="Tapahtumat", exact=True).click()
    assert page.url.endswith("/tapahtumat/")


def test_menu_opens_and_is_followed_with_the_keyboard(phone, example_base):
    page = phone()
    page.goto(example_base + "/")
    page.locator(".bl-menu__toggle").focus()
    page.keyboard.press("Enter")
    page.keyboard.press("Tab")
    assert page.evaluate("document.activeElement.textContent.trim()") == "Etusivu"
    page.keyboard.press("Tab")
    with page.expect_navigation():
        page.keyboard.press("Enter")
    assert page.url.endswith("/tapahtumat/")


def test_search_is_one_tap_away(phone, example_base):
    page = phone()  # the search page itself needs JavaScript (Pagefind)
    page.goto(example_base + "/")
    find = page.locator(".bl-header__find")
    assert find.is_visible() and find.bounding_box()["height"] >= 44
    assert not page.locator(".bl-header__search").is_visible()
    with page.expect_navigation():
        find.click()
    assert page.url.endswith("/haku/")
    page.locator("main input[type='search']").wait_for(state="visible")


def test_wide_screen_shows_the_menu_and_search_without_the_toggle(browser, example_base):
    context = browser.new_context(viewport={"width": 1280, "height": 800}, java_script_enabled=False)
    try:
        page = context.new_page()
        page.goto(example_base + "/")
        assert not page.locator(".bl-menu__toggle").is_visible()
        assert not page.locator(".bl-header__find").is_visible()
        links = page.locator(".bl-nav__link")
        assert links.count() >= 6 and [links.nth(i).is_visible() for i in range(links.count())] == [True] * links.count()
        assert page.locator(".bl-header__search input").is_visible()
    finally:
        context.close()


@pytest.mark.parametrize("scheme", ["light", "dark"])
def test_axe_finds_nothing_in_the_phone_header_open_or_closed(phone, example_base, axe_path, scheme):
    page = phone(color_scheme=scheme, bypass_csp=True)
    page.goto(example_base + "/")
    assert run_axe(page) == []
    page.locator(".bl-menu__toggle").click()
    assert run_axe(page) == []
