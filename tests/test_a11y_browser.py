"""What the machine checks cannot see, checked in Chromium on the example
site: keyboard use, visible focus, reflow at 320px and 200% text, text size,
target size, link texts, motion, forced colours and the dark scheme."""
import collections
import json
import re
from urllib.parse import urldefrag, urljoin

import pytest
import yaml

from browser import browser, contrast, example_base, png_pixels  # noqa: F401  (fixtures)
from page_types import ERROR_SUMMARY, KEYBOARD_PAGES, PAGE_TYPES, PageType, ids, open_page, show_form_errors

# Every element a person can reach with Tab, in document order. Each gets a
# number (a JavaScript property, not an attribute) to follow it by. A group
# of radio buttons is one stop (its checked one, else its first): the arrow
# keys move inside it.
FOCUSABLES = """() => {
  const radioStop = e => {
    const group = [...document.querySelectorAll(`input[type=radio][name="${CSS.escape(e.name)}"]`)];
    return e === (group.find(r => r.checked) || group[0]);
  };
  const all = [...document.querySelectorAll(
    'a[href], button, input:not([type=hidden]), select, textarea, summary, [tabindex]')]
    .filter(e => e.tabIndex >= 0 && !e.disabled && !e.closest('[inert]') && e.getClientRects().length
                 && getComputedStyle(e).visibility !== 'hidden' && (e.type !== 'radio' || !e.name || radioStop(e)));
  all.forEach((e, i) => { e.blNumber = i; });
  return all.map(e => e.outerHTML.slice(0, 120));
}"""
# What decides how an element's focus looks: its own kind and class, and its
# container's. The focus check measures the first few of each kind, not every
# one of the hundred tag links alike.
KIND = """() => { const e = document.activeElement, p = e.parentElement;
  return [e.tagName, e.type || '', e.className, p.tagName, p.className].join('|'); }"""
ACTIVE = """() => {
  const e = document.activeElement;
  if (!e || e === document.body || e.blNumber === undefined) return null;
  const r = e.getBoundingClientRect();
  return {number: e.blNumber, x: r.x, y: r.y, width: r.width, height: r.height,
          html: e.outerHTML.slice(0, 120)};
}"""


# Kinds of page the shared list leaves out, for the checks that go over
# every kind: a notice in another language, a cancelled event, a topic
# other than events, a later page of a list, the subscription page, an embed.
EVERY_PAGE = PAGE_TYPES + [
    PageType("notice in Swedish", "/ilmoitukset/luciafest-vuoksenlaulu/"),
    PageType("cancelled event", "/ilmoitukset/lukupiiri-majakka/"),
    PageType("joint hiring notice", "/ilmoitukset/yhteinen-tyontekija-palkkatuella/"),
    PageType("category of spaces", "/aiheet/tilat/"),
    PageType("events, second page", "/tapahtumat/sivu/2/"),
    PageType("subscriptions page", "/tilaa/"),
    PageType("association's embed", "/yhdistykset/kuoro-vuoksenlaulu/upotus/"),
]


def double_the_text(page):
    """Text zoom: the root size doubled through the CSSOM (allowed by the
    CSP, unlike a style attribute in the page)."""
    before = page.evaluate("parseFloat(getComputedStyle(document.body).fontSize)")
    page.evaluate("""() => { const html = document.documentElement;
        html.style.fontSize = 2 * parseFloat(getComputedStyle(html).fontSize) + 'px'; }""")
    assert page.evaluate("parseFloat(getComputedStyle(document.body).fontSize)") == 2 * before


def add_css_rule(page, rule):
    """A rule added to the site's stylesheet through the CSSOM, which the
    Content-Security-Policy allows (a new <style> element it would not)."""
    page.evaluate("rule => document.styleSheets[0].insertRule(rule, document.styleSheets[0].cssRules.length)", rule)


@pytest.fixture
def new_page(browser):
    contexts = []

    def make(**options):
        context = browser.new_context(**options)
        contexts.append(context)
        return context.new_page()

    yield make
    for context in contexts:
        context.close()


def focus_ring_pixels(page, box, margin=10):
    """Pixels around the focused element that change by at least 3:1 in
    contrast when it loses focus (WCAG 2.2's measure of a focus indicator)."""
    size = page.viewport_size
    x, y = max(0, box["x"] - margin), max(0, box["y"] - margin)
    clip = {"x": x, "y": y,
            "width": min(size["width"], box["x"] + box["width"] + margin) - x,
            "height": min(size["height"], box["y"] + box["height"] + margin) - y}
    focused = png_pixels(page.screenshot(clip=clip, animations="disabled"))[2]
    page.evaluate("() => { const e = document.activeElement; e.blur(); window.blLast = e; }")
    plain = png_pixels(page.screenshot(clip=clip, animations="disabled"))[2]
    page.evaluate("() => window.blLast.focus()")
    return sum(1 for row_a, row_b in zip(focused, plain) for a, b in zip(row_a, row_b) if a != b and contrast(a, b) >= 3)


def tab_through(page, on_each=None, limit=400):
    """Press Tab until focus leaves the page or comes round again; returns
    the numbers of the elements reached, in order."""
    reached = []
    for _ in range(limit):
        page.keyboard.press("Tab")
        active = page.evaluate(ACTIVE)
        if active is None or active["number"] in reached:
            break
        reached.append(active["number"])
        if on_each:
            on_each(active)
    return reached


# -- Keyboard -----------------------------------------------------------------

FRESH_PAGES = [p for p in PAGE_TYPES if not p.errors]


@pytest.mark.parametrize("page_type", FRESH_PAGES, ids=ids(FRESH_PAGES))
def test_first_tab_reaches_the_skip_link_and_it_moves_focus_into_main(new_page, example_base, page_type):
    page = new_page()
    open_page(page, example_base, page_type)
    page.keyboard.press("Tab")
    skip = page.evaluate("""() => { const e = document.activeElement, r = e.getBoundingClientRect();
        return {cls: e.className, href: e.getAttribute('href'), text: e.textContent.trim(),
                visible: r.top >= 0 && r.bottom <= innerHeight && r.width > 40}; }""")
    assert skip["cls"] == "bl-skip" and skip["href"] == "#sisalto"
    assert skip["text"] == "Siirry sisältöön" and skip["visible"], skip
    page.keyboard.press("Enter")
    assert page.evaluate("document.activeElement.id") == "sisalto"
    page.keyboard.press("Tab")
    assert page.evaluate("document.querySelector('main').contains(document.activeElement)"), \
        "after the skip link, Tab must continue inside the main content"


@pytest.mark.parametrize("scheme", ["light", "dark", "forced colours"])
@pytest.mark.parametrize("page_type", KEYBOARD_PAGES, ids=ids(KEYBOARD_PAGES))
def test_every_interactive_element_is_reached_by_tab_and_shows_focus(new_page, example_base, page_type, scheme):
    options = {"forced_colors": "active"} if scheme == "forced colours" else {"color_scheme": scheme}
    page = new_page(viewport={"width": 1024, "height": 768}, **options)
    open_page(page, example_base, page_type)
    focusables = page.evaluate(FOCUSABLES)
    page.mouse.move(0, page.viewport_size["height"] - 1)  # no hover to blur the picture
    faint, seen = [], collections.Counter()

    def check(active):
        kind = page.evaluate(KIND)
        seen[kind] += 1
        if seen[kind] > 3:
            return
        changed = focus_ring_pixels(page, active)
        perimeter = 2 * (active["width"] + active["height"])
        if changed < perimeter:
            faint.append(f"{active['html']}: {changed} px change, need {perimeter:.0f}")

    reached = tab_through(page, check)
    assert reached == list(range(len(focusables))), \
        "Tab must reach every interactive element in reading order; missed: " + "\n".join(
            focusables[i] for i in range(len(focusables)) if i not in reached)
    assert faint == [], "focus is hard to see on:\n" + "\n".join(faint)


def test_focus_check_notices_a_missing_indicator(new_page, example_base):
    """The measure above fails when focus styles are taken away."""
    page = new_page(viewport={"width": 1024, "height": 768})
    page.goto(example_base + "/")
    add_css_rule(page, "*:focus-visible, *:focus { outline: none !important; box-shadow: none !important; }")
    page.evaluate(FOCUSABLES)
    page.locator(".bl-nav__link").nth(1).focus()
    active = page.evaluate(ACTIVE)
    assert focus_ring_pixels(page, active) < 2 * (active["width"] + active["height"])


def test_menu_works_with_the_keyboard(new_page, example_base):
    page = new_page()
    page.goto(example_base + "/")
    for _ in range(20):
        page.keyboard.press("Tab")
        if page.evaluate("document.activeElement.textContent.trim()") == "Tapahtumat":
            break
    assert page.evaluate("document.activeElement.closest('nav') !== null")
    with page.expect_navigation():
        page.keyboard.press("Enter")
    assert page.url.endswith("/tapahtumat/")
    assert page.locator(".bl-nav__link[aria-current]").inner_text() == "Tapahtumat"


# Is the focused element hidden under something the page draws over it?
# Points across it, each checked for what lies on top there.
OBSCURED = """() => { const e = document.activeElement, r = e.getBoundingClientRect();
  const points = [[0.5, 0.5], [0.1, 0.2], [0.9, 0.2], [0.1, 0.8], [0.9, 0.8]].map(([fx, fy]) => [r.x + fx * r.width, r.y + fy * r.height])
    .filter(([x, y]) => x >= 0 && y >= 0 && x < innerWidth && y < innerHeight);
  return points.length > 0 && points.every(([x, y]) => { const top = document.elementFromPoint(x, y);
    return top && !e.contains(top) && !top.contains(e); }); }"""


def test_focus_leaving_the_open_phone_menu_is_not_hidden_under_it(new_page, example_base):
    """WCAG 2.4.11: the phone menu lies over the page when open; tabbing on
    from its last link into the page must not put focus under it. Back at
    the menu's button with Shift+Tab, its links are there again."""
    page = new_page(viewport={"width": 390, "height": 844})
    page.goto(example_base + "/")
    page.locator(".bl-menu__toggle").focus()
    page.keyboard.press("Enter")
    links = page.locator(".bl-menu .bl-nav__link").count()
    for _ in range(links):
        page.keyboard.press("Tab")
    assert page.evaluate("document.activeElement.classList.contains('bl-nav__link')")
    hidden = []
    for _ in range(6):
        page.keyboard.press("Tab")
        if page.evaluate(OBSCURED):
            hidden.append(page.evaluate("document.activeElement.outerHTML.slice(0, 80)"))
    assert hidden == [], "focus went under the open menu"
    for _ in range(6):
        page.keyboard.press("Shift+Tab")
    assert page.evaluate("document.activeElement.classList.contains('bl-menu__toggle')")
    assert page.locator(".bl-menu .bl-nav").is_visible()
    page.keyboard.press("Tab")
    assert page.evaluate("document.activeElement.textContent.trim()") == "Etusivu"


def test_the_phone_menu_button_is_named_by_its_word_alone(new_page, example_base):
    """The arrow drawn after "Valikko" is decoration: a screen reader says
    "Valikko" and the state (expanded or not), not the arrow's name."""
    page = new_page(viewport={"width": 390, "height": 844})
    page.goto(example_base + "/")
    toggle = page.locator(".bl-menu__toggle")
    assert toggle.evaluate("e => getComputedStyle(e, '::after').content") != "none"  # the arrow is drawn
    for _ in range(2):
        node = next(n for n in page.context.new_cdp_session(page).send("Accessibility.getFullAXTree")["nodes"]
                    if n.get("role", {}).get("value") == "DisclosureTriangle")
        assert node["name"]["value"] == "Valikko"
        toggle.click()


def test_site_search_form_works_with_the_keyboard(new_page, example_base):
    page = new_page()
    page.goto(example_base + "/")
    box = page.locator("form[role='search'] input, header form input[type='search']")
    if box.count() == 0:
        pytest.skip("issue 4: no search form on the pages yet")
    box.first.focus()
    page.keyboard.type("joulu")
    with page.expect_navigation():
        page.keyboard.press("Enter")
    assert "/haku/" in page.url and "joulu" in page.url


def test_form_errors_are_reached_and_followed_with_the_keyboard(new_page, example_base):
    form_page = next(p for p in PAGE_TYPES if p.name == "submission form")
    page = new_page()
    open_page(page, example_base, form_page)
    page.evaluate(FOCUSABLES)
    sends = page.locator("main form button[type='submit'], main form input[type='submit'], main form button:not([type])")
    target = sends.first.evaluate("e => e.blNumber")
    for _ in range(300):
        page.keyboard.press("Tab")
        if page.evaluate("document.activeElement.blNumber") == target:
            break
    else:
        pytest.fail("the send button cannot be reached with Tab")
    page.keyboard.press("Enter")
    summary = page.locator(ERROR_SUMMARY).first
    summary.wait_for(state="visible", timeout=5000)
    assert summary.evaluate("s => s.contains(document.activeElement)"), "the error summary must take focus"
    first_link = summary.locator("a[href^='#']").first
    first_link.focus()
    page.keyboard.press("Enter")
    assert page.evaluate("['INPUT', 'SELECT', 'TEXTAREA'].includes(document.activeElement.tagName)"), \
        "an error link must take focus to its field"


def focused_description(page):
    """What a screen reader reads after the focused control's name: its
    description in Chromium's accessibility tree, and its group's (a
    fieldset's), which is read as focus enters the group."""
    cdp = page.context.new_cdp_session(page)
    root = cdp.send("DOM.getDocument", {"depth": 0})["root"]["nodeId"]
    said = []
    for selector in (":focus", "fieldset:has(:focus)"):
        node = cdp.send("DOM.querySelector", {"nodeId": root, "selector": selector})["nodeId"]
        if node:
            tree = cdp.send("Accessibility.getPartialAXTree", {"nodeId": node, "fetchRelatives": False})["nodes"]
            said.append(tree[0].get("description", {}).get("value", ""))
    return " ".join(" ".join(said).split())


def two_faulty_lines(field):
    def write(page):
        page.locator(field).fill("Hyvä rivi.\n<b>lihava</b>\n[linkki](javascript:alert(1))")
    return write


@pytest.mark.parametrize("address, write", [
    ("/laheta/", two_faulty_lines("#f-body")),
    ("/laheta/tila/", two_faulty_lines("#f-description")),
    ("/yhdistyksen-tiedot/", two_faulty_lines("#f-description")),
], ids=["notice form", "space form", "profile form"])
def test_each_error_of_the_summary_is_read_on_the_field_it_leads_to(new_page, example_base, address, write):
    """WCAG 3.3.1: a link of the error summary leads to its field, which is
    marked invalid and described by that link's message, also when the
    field has more than one (a text with two faulty lines), so that a
    reader who follows the second link hears the second fault."""
    page = new_page()
    page.goto(example_base + address)
    page.locator("main form").first.wait_for()
    write(page)
    show_form_errors(page)
    links = page.locator("[data-error-summary] a")
    messages = links.all_inner_texts()
    assert len(messages) >= 3
    unread = []
    for number, message in enumerate(messages):
        links.nth(number).focus()
        page.keyboard.press("Enter")
        invalid = page.evaluate("""() => { const e = document.activeElement;
            return e.getAttribute('aria-invalid') === 'true' || (e.type === 'radio' || e.type === 'checkbox'); }""")
        if not invalid or " ".join(message.split()) not in focused_description(page):
            unread.append(message)
    assert unread == []


# -- Reflow, zoom, text and targets ---------------------------------------------

OVERFLOW = """() => {
  const width = document.documentElement.clientWidth;
  const wide = [...document.body.querySelectorAll('*')].filter(e => {
    const r = e.getBoundingClientRect();
    return r.width > 0 && (r.right > width + 1 || r.left < -1) && !e.closest('.bl-skip, .bl-visually-hidden');
  }).slice(0, 5).map(e => e.outerHTML.slice(0, 100));
  return {scroll: document.documentElement.scrollWidth, width, wide};
}"""

CLIPPED = """() => [...document.body.querySelectorAll('*')].filter(e => {
  const s = getComputedStyle(e);
  const clips = /hidden|clip/.test(s.overflowX + s.overflowY) || /ellipsis/.test(s.textOverflow);
  return clips && !e.closest('.bl-visually-hidden, .bl-skip') && e.getClientRects().length
         && (e.scrollWidth > e.clientWidth + 1 || e.scrollHeight > e.clientHeight + 1);
}).map(e => e.outerHTML.slice(0, 100))"""


@pytest.mark.parametrize("page_type", PAGE_TYPES, ids=ids(PAGE_TYPES))
def test_no_horizontal_scrolling_at_320_px(new_page, example_base, page_type):
    page = new_page(viewport={"width": 320, "height": 640})
    open_page(page, example_base, page_type)
    result = page.evaluate(OVERFLOW)
    assert result["scroll"] <= result["width"], result["wide"]


@pytest.mark.parametrize("width", [1280, 640])
@pytest.mark.parametrize("page_type", PAGE_TYPES, ids=ids(PAGE_TYPES))
def test_nothing_is_cut_off_at_200_percent_text(new_page, example_base, page_type, width):
    page = new_page(viewport={"width": width, "height": 800})
    open_page(page, example_base, page_type)
    double_the_text(page)
    overflow = page.evaluate(OVERFLOW)
    assert overflow["scroll"] <= overflow["width"], overflow["wide"]
    assert page.evaluate(CLIPPED) == []


# A box that scrolls sideways inside the page (a wide table): a region the
# keyboard reaches, with a name, so that all of it can be read.
SCROLLERS = """() => [...document.body.querySelectorAll('*')].filter(e => {
  const s = getComputedStyle(e);
  return /auto|scroll/.test(s.overflowX) && e.scrollWidth > e.clientWidth + 1 && e.getClientRects().length;
}).map(e => ({html: e.outerHTML.slice(0, 100), focusable: e.tabIndex >= 0, role: e.getAttribute('role'),
              name: (e.getAttribute('aria-labelledby') || '').split(' ').filter(Boolean)
                      .map(id => document.getElementById(id).textContent).join(' ').trim() || e.getAttribute('aria-label')}))"""


@pytest.mark.parametrize("page_type", EVERY_PAGE, ids=ids(EVERY_PAGE))
def test_no_horizontal_scrolling_at_320_px_with_200_percent_text(new_page, example_base, page_type):
    """WCAG 1.4.10 and 1.4.4 at once: a phone's width with the text twice
    as large; long words, addresses and rows of boxes wrap, a wide table
    scrolls inside its own region."""
    page = new_page(viewport={"width": 320, "height": 640})
    open_page(page, example_base, page_type)
    double_the_text(page)
    overflow = page.evaluate(OVERFLOW)
    assert overflow["scroll"] <= overflow["width"], overflow["wide"]
    assert page.evaluate(CLIPPED) == []
    unreachable = [s for s in page.evaluate(SCROLLERS) if not (s["focusable"] and s["role"] and s["name"])]
    assert unreachable == [], "a box that scrolls sideways must be a named region reached with Tab"


@pytest.mark.parametrize("page_type", PAGE_TYPES, ids=ids(PAGE_TYPES))
def test_body_text_is_at_least_18_px_with_line_height_1_5(new_page, example_base, page_type):
    page = new_page()
    open_page(page, example_base, page_type)
    small = page.evaluate("""() => [...document.querySelectorAll(
        'main p, main li, main dd, main dt, main td, main label, footer p, footer li')].filter(e => {
      const s = getComputedStyle(e), size = parseFloat(s.fontSize);
      const line = s.lineHeight === 'normal' ? 1.2 * size : parseFloat(s.lineHeight);
      return e.getClientRects().length && e.textContent.trim() && (size < 18 || line < 1.5 * size - 0.01);
    }).map(e => `${e.outerHTML.slice(0, 80)}: ${getComputedStyle(e).fontSize} / ${getComputedStyle(e).lineHeight}`)""")
    assert small == []


TARGETS = """() => [...document.querySelectorAll(
    'nav a, form button, form select, form textarea, .bl-button,'
    + 'form input:not([type=hidden]):not([type=checkbox]):not([type=radio])')].filter(e => {
  const r = e.getBoundingClientRect();
  return e.getClientRects().length && getComputedStyle(e).visibility !== 'hidden'
         && (r.width < 44 - 0.01 || r.height < 44 - 0.01);
}).map(e => { const r = e.getBoundingClientRect();
  return `${e.outerHTML.slice(0, 80)}: ${r.width.toFixed(1)} x ${r.height.toFixed(1)}`; })"""


@pytest.mark.parametrize("width", [320, 1280])
@pytest.mark.parametrize("page_type", PAGE_TYPES, ids=ids(PAGE_TYPES))
def test_links_and_buttons_in_menus_and_forms_are_44_px(new_page, example_base, page_type, width):
    page = new_page(viewport={"width": width, "height": 800})
    open_page(page, example_base, page_type)
    assert page.evaluate(TARGETS) == []


# A checkbox or radio button squeezed by a long label beside it (flex
# shrinks it) is a thin sliver; each keeps at least 24 x 24 px (WCAG 2.5.8).
SMALL_BOXES = """() => [...document.querySelectorAll('main input[type=checkbox], main input[type=radio]')]
  .filter(e => e.checkVisibility()).map(e => { const r = e.getBoundingClientRect();
    return r.width < 24 - 0.01 || r.height < 24 - 0.01 ? `${e.id}: ${r.width.toFixed(1)} x ${r.height.toFixed(1)}` : null; })
  .filter(Boolean)"""


@pytest.mark.parametrize("width", [320, 390])
@pytest.mark.parametrize("address", ["/tilat/", "/laheta/tila/", "/haku/", "/yhdistykset/", "/laheta/"])
def test_checkboxes_and_radio_buttons_are_24_px_on_a_phone(new_page, example_base, address, width):
    page = new_page(viewport={"width": width, "height": 800})
    page.goto(example_base + address)
    page.locator("main form").first.wait_for()
    assert page.evaluate(SMALL_BOXES) == []
    double_the_text(page)
    assert page.evaluate(SMALL_BOXES) == []


# -- What a screen reader is told ------------------------------------------------

LIVE = "[aria-live]:not([aria-live=off]), [role=status], [role=alert], [role=log]"


def live_region_waits(page, selector):
    """True when the live region that will say `selector`'s message is in
    the page (rendered, so in the accessibility tree) before the message:
    screen readers announce changes inside a live region they already know,
    not a region that appears together with its message."""
    return page.locator(selector).evaluate(
        "(e, live) => { window.blRegion = e.closest(live); return Boolean(window.blRegion && window.blRegion.checkVisibility()); }",
        LIVE)


def said_in_that_region(page, selector, words):
    message = page.locator(selector)
    message.wait_for(state="visible", timeout=10000)
    assert words in message.inner_text()
    return message.evaluate("(e, live) => e.closest(live) === window.blRegion", LIVE)


def untick_consent_with_an_address(page):
    page.locator("#f-consent").check()
    page.locator("#f-contact_email").fill("aila@example.org")
    page.locator("#f-consent").uncheck()


def choose_an_association_whose_values_fail(page):
    page.locator("#f-slug").select_option("koskenpallo")


def search(query, archive=False):
    def run(page):
        page.locator("#haku-q").fill(query)
        page.locator("#haku-q").press("Enter")
        if archive:
            page.locator("#haku-arkisto").check()
    return run


@pytest.mark.parametrize("address, message, act, words", [
    ("/laheta/", "[data-consent-warning]", untick_consent_with_an_address, "ei julkaista"),
    ("/yhdistyksen-tiedot/", "[data-values-failed]", choose_an_association_whose_values_fail, "ei saatu haettua"),
    ("/haku/", "#haku-arkistosta", search("sieniretki", archive=True), "Arkistosta löytyi"),
    ("/haku/", "#haku-korjattu", search("konsetti"), "Haettiin myös"),
], ids=["consent warning", "profile values not fetched", "archive count", "corrected query"])
def test_status_messages_are_said_in_a_live_region_that_was_there_before(new_page, example_base, address, message,
                                                                          act, words):
    """WCAG 4.1.3: a message that appears after an action, without focus,
    reaches a screen reader only through a live region already present."""
    page = new_page()
    page.route("**/yhdistyksen-tiedot/*.json", lambda route: route.abort())
    page.goto(example_base + address)
    page.locator("main form").first.wait_for()
    assert live_region_waits(page, message), "the message's live region must be in the page before it speaks"
    act(page)
    assert said_in_that_region(page, message, words)


@pytest.mark.parametrize("address, choose", [
    ("/laheta/", ("#f-category-tilat", "#f-space_mode-wanted")),
    ("/laheta/", ("#f-category-rahoitus", "#f-has_event", "#f-repeat", "#f-consent")),
    ("/laheta/tila/", ()),
    ("/yhdistyksen-tiedot/", ()),
], ids=["space wanted", "event and contact", "space form", "profile form"])
def test_every_hint_of_a_field_or_group_is_read_with_it(new_page, example_base, address, choose):
    """WCAG 1.3.1 and 3.3.2: a hint under a label or a group's legend
    ("Yhteyshenkilön tiedot julkaistaan...") is part of the description a
    screen reader gives on reaching the field or group, as the accessibility
    tree computes it."""
    page = new_page()
    page.goto(example_base + address)
    page.locator("main form").first.wait_for()
    for selector in choose:
        page.locator(selector).check()
    hints = page.evaluate("""() => [...document.querySelectorAll('main form .bl-hint')]
        .filter(h => h.checkVisibility() && h.closest('.bl-field, fieldset')).map(h => h.textContent.trim())""")
    tree = page.context.new_cdp_session(page).send("Accessibility.getFullAXTree")["nodes"]
    descriptions = " | ".join(" ".join(node.get("description", {}).get("value", "").split())
                              for node in tree if not node.get("ignored"))
    assert hints and [hint for hint in hints if " ".join(hint.split()) not in descriptions] == []


# -- Link texts ---------------------------------------------------------------

VAGUE = {"lue lisää", "lisää", "lisätietoja", "tästä", "klikkaa tästä", "linkki", "lue", "jatka",
         "read more", "more", "here", "click here", "link"}


@pytest.mark.parametrize("page_type", PAGE_TYPES, ids=ids(PAGE_TYPES))
def test_every_link_says_where_it_goes(new_page, example_base, page_type):
    page = new_page()
    open_page(page, example_base, page_type)
    links = page.evaluate("""() => [...document.querySelectorAll('main a[href]')].map(a => ({
        name: (a.getAttribute('aria-label') || a.innerText).trim().replace(/\\s+/g, ' '),
        href: new URL(a.href, location.href).href.replace(/#.*$/, '')}))""")
    vague = [link for link in links if re.sub(r"[^\w ]", "", link["name"].lower()).strip() in VAGUE]
    assert vague == [], "a link's text must name what it opens"
    targets = {}
    for link in links:
        targets.setdefault(link["name"], set()).add(link["href"])
    assert {name: hrefs for name, hrefs in targets.items() if len(hrefs) > 1} == {}, \
        "links in the same content with the same text must go to the same place"
    # In every list of notices the link is the notice's own title.
    items = page.evaluate("""() => [...document.querySelectorAll('.bl-item, .bl-board__item')].map(i => ({
        title: i.querySelector('h2, h3').innerText.trim(),
        link: i.querySelector('h2 a, h3 a') && i.querySelector('h2 a, h3 a').innerText.trim()}))""")
    assert all(item["link"] == item["title"] for item in items), items


def named_links(node, found):
    """(accessible name, address) of each link in Playwright's aria snapshot
    (the names as the accessibility tree computes them: aria-label, alt
    texts, hidden parts left out)."""
    if isinstance(node, list):
        for child in node:
            named_links(child, found)
    elif isinstance(node, dict):
        for key, value in node.items():
            link = re.match(r'link(?: "((?:[^"\\]|\\.)*)")?', str(key))
            if link:
                url = next((v["/url"] for v in value or [] if isinstance(v, dict) and "/url" in v), None)
                found.append((" ".join(json.loads(f'"{link[1] or ""}"').split()), url))
            named_links(value, found)
    return found


@pytest.mark.parametrize("page_type", EVERY_PAGE, ids=ids(EVERY_PAGE))
def test_links_with_the_same_name_go_to_the_same_place(new_page, example_base, page_type):
    """WCAG 2.4.4 and 2.4.9 over the whole page (menu, content, footer): a
    list of a page's links by name (as a screen reader offers it) never has
    one name for two places; a link that reads apart from its visible text
    starts with that text (2.5.3)."""
    page = new_page()
    open_page(page, example_base, page_type)
    targets = {}
    for name, url in named_links(yaml.safe_load(page.locator("body").aria_snapshot()), []):
        if url is not None:
            targets.setdefault(name, set()).add(urldefrag(urljoin(page.url, url))[0])
    assert {name: sorted(urls) for name, urls in targets.items() if len(urls) > 1} == {}
    labelled = page.evaluate("""() => [...document.querySelectorAll('a[href][aria-label]')].map(a => [
        a.getAttribute('aria-label').replace(/\\s+/g, ' ').trim(), a.innerText.replace(/\\s+/g, ' ').trim()])""")
    assert [pair for pair in labelled if not pair[0].lower().startswith(pair[1].lower())] == []


# -- Motion -------------------------------------------------------------------

@pytest.mark.parametrize("page_type", PAGE_TYPES, ids=ids(PAGE_TYPES))
def test_nothing_moves_by_itself(new_page, example_base, page_type):
    page = new_page()
    open_page(page, example_base, page_type)
    first = page.screenshot()
    page.wait_for_timeout(1000)
    assert page.screenshot() == first, "the page changed without anyone touching it"
    assert page.evaluate("document.getAnimations().length") == 0
    assert page.locator("marquee, blink, video[autoplay], audio[autoplay], meta[http-equiv='refresh' i]").count() == 0


MOVING = """() => [...document.querySelectorAll('*')].flatMap(e => [null, '::before', '::after'].map(p => {
  const s = getComputedStyle(e, p);
  const moves = s.animationName !== 'none'
    || s.transitionDuration.split(',').some(d => parseFloat(d) > 0) || s.scrollBehavior === 'smooth';
  return moves ? `${e.tagName.toLowerCase()}.${e.className}${p || ''}` : null;
})).filter(Boolean)"""


@pytest.mark.parametrize("page_type", PAGE_TYPES, ids=ids(PAGE_TYPES))
def test_reduced_motion_turns_off_animation_and_transitions(new_page, example_base, page_type):
    page = new_page(reduced_motion="reduce")
    open_page(page, example_base, page_type)
    assert page.evaluate(MOVING) == []


def test_reduced_motion_check_notices_a_transition(new_page, example_base):
    page = new_page(reduced_motion="no-preference")
    page.goto(example_base + "/")
    add_css_rule(page, "a { transition: color 0.3s; }")
    assert page.evaluate(MOVING) != []


# -- Forced colours and the dark scheme ------------------------------------------

BORDERS = """() => [...document.querySelectorAll('body *')].map(e => {
  const s = getComputedStyle(e);
  return ['Top', 'Right', 'Bottom', 'Left'].filter(side =>
    parseFloat(s['border' + side + 'Width']) > 0 && s['border' + side + 'Style'] !== 'none'
    && s['border' + side + 'Color'] !== 'rgba(0, 0, 0, 0)' && s['border' + side + 'Color'] !== s.backgroundColor);
})"""


@pytest.mark.parametrize("page_type", PAGE_TYPES, ids=ids(PAGE_TYPES))
def test_forced_colours_keep_the_borders(new_page, example_base, page_type):
    page = new_page()
    open_page(page, example_base, page_type)
    normal = page.evaluate(BORDERS)
    page.emulate_media(forced_colors="active")
    assert page.evaluate("matchMedia('(forced-colors: active)').matches")
    forced = page.evaluate(BORDERS)
    lost = [i for i, (a, b) in enumerate(zip(normal, forced)) if set(a) - set(b)]
    assert lost == [], f"{len(lost)} elements lose a border in forced colours"
    # Boxes told apart by their background alone get a border there.
    boxes = page.evaluate("() => [...document.querySelectorAll('.bl-button, .bl-tiles__link, .bl-event, .bl-skip')]"
                          ".map(e => e.className)")
    borders = page.evaluate(BORDERS.replace("'body *'", "'.bl-button, .bl-tiles__link, .bl-event, .bl-skip'"))
    assert [box for box, sides in zip(boxes, borders) if not sides] == []


def test_dark_scheme_is_dark_and_readable(new_page, example_base):
    page = new_page(color_scheme="dark")
    page.goto(example_base + "/")
    colours = page.evaluate("""() => [getComputedStyle(document.body).backgroundColor, getComputedStyle(document.body).color,
        getComputedStyle(document.querySelector('main a')).color]""")
    background, text, link = [tuple(int(n) for n in re.findall(r"\d+", c)[:3]) for c in colours]
    assert max(background) < 60, "the dark scheme must have a dark background"
    assert contrast(background, text) >= 7 and contrast(background, link) >= 4.5
