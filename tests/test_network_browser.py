"""The directory's and the cooperation page's filters in Chromium (filter.js)."""
import pytest

from browser import browser, example_base, guard_requests  # noqa: F401 (fixtures)


@pytest.fixture
def page(browser, example_base):  # noqa: F811
    context = browser.new_context()
    page = context.new_page()
    leaks = guard_requests(page, example_base)
    errors = []
    page.on("pageerror", lambda err: errors.append(str(err)))
    yield page
    assert leaks == [] and errors == []
    context.close()


def shown(page, selector):
    return [item.inner_text().split("\n")[0] for item in page.locator(selector).all() if item.is_visible()]


def test_directory_filters_by_what_is_offered_and_needed(page, example_base):
    page.goto(example_base + "/yhdistykset/")
    everyone = shown(page, ".bl-directory__entry a")
    page.get_by_label("Etsi tarjouksista ja tarpeista").fill("kuljetus")
    page.get_by_label("tarjoavat", exact=True).check()
    assert shown(page, ".bl-directory__entry a") == ["Karhumäen Kunto ry", "Karhumäen Kunto ry"]  # in two groups
    assert not page.get_by_role("heading", name="Kulttuuri").is_visible()  # a group with nobody left goes
    page.get_by_label("tarvitsevat", exact=True).check()
    needing = set(shown(page, ".bl-directory__entry a"))
    assert "Pallokerho Koskenpallo ry" in needing and "Karhumäen Kunto ry" not in needing
    assert page.locator("[data-filter-status]").inner_text().startswith("Näkyvissä")
    page.get_by_label("Etsi tarjouksista ja tarpeista").fill("")
    page.get_by_label("tarjoavat tai tarvitsevat").check()
    assert len(shown(page, ".bl-directory__entry a")) == len(everyone)


def test_cooperation_page_filters_by_target_group(page, example_base):
    page.goto(example_base + "/yhteistyo/")
    all_items = len(shown(page, ".bl-offer"))
    page.get_by_label("Näytä kohderyhmä").select_option("nuoret")
    items = page.locator(".bl-offer").all()
    visible = [i for i in items if i.is_visible()]
    assert 0 < len(visible) < all_items
    assert all("nuoret" in i.get_attribute("data-groups").split("|") for i in visible)
