"""One page of each kind the bulletin makes, in the built example site.

The accessibility tests run over this list. A page whose template another
issue brings (search, the form) is skipped, with the issue named, until that
template is in the theme; once it is, the page is checked like the others.
"""
from dataclasses import dataclass
from pathlib import Path

import pytest

THEME = Path(__file__).resolve().parents[1] / "theme" / "templates"


@dataclass(frozen=True)
class PageType:
    name: str
    address: str  # root-relative, as the site links it
    template: str = None  # a template that must exist for the page to be made
    issue: int = None  # the issue that brings that template
    errors: bool = False  # send the page's form empty first, to show its errors
    ready: str = None  # a selector that is visible once the page's script has drawn it
    choose: tuple = ()  # selectors of radios or boxes to tick first, to reveal a form's parts
    unreachable: str = None  # a glob of the site's files whose requests fail, as on a broken connection

    def skip_if_missing(self):
        if self.template and not (THEME / self.template).is_file():
            pytest.skip(f"issue {self.issue}: {self.name} ({self.template}) is not in the theme yet")


PAGE_TYPES = [
    PageType("front page", "/"),
    PageType("event notice", "/ilmoitukset/joulukonsertti-vuoksenlaulu/"),
    PageType("other notice", "/ilmoitukset/kaupungin-jarjestoavustus-2027/"),
    PageType("expired notice", "/ilmoitukset/sieniretki-hopeakoski/"),
    PageType("category", "/aiheet/tapahtumat/"),
    PageType("association directory", "/yhdistykset/"),
    PageType("association page", "/yhdistykset/kuoro-vuoksenlaulu/"),
    PageType("events by month", "/tapahtumat/"),
    PageType("archive", "/arkisto/"),
    PageType("archive month", "/arkisto/2026/11/"),
    PageType("tag", "/avainsanat/joulu/"),
    PageType("tags", "/avainsanat/"),
    PageType("content page", "/nain-ilmoitat/"),
    PageType("privacy notice", "/tietosuojaseloste/"),
    PageType("accessibility statement", "/saavutettavuusseloste/"),
    PageType("weekly print page", "/tulosta/"),
    PageType("event poster", "/julisteet/joulukonsertti-vuoksenlaulu/"),
    PageType("weekly letters", "/viikkokirje/"),
    PageType("weekly letter", "/viikkokirje/2026-49/"),
    PageType("404 page", "/404.html"),
    PageType("spaces", "/tilat/"),
    PageType("spaces filtered", "/tilat/?hlo=20&paiva=ti&klo=18&esteeton=porrasaton"),
    PageType("space page", "/tilat/askeleen-sali/"),
    PageType("wanted space notice", "/ilmoitukset/lentopallovuoro-haussa-karhumaen-kunto/"),
    PageType("space form", "/laheta/tila/"),
    PageType("space form with errors", "/laheta/tila/", errors=True),
    PageType("search page", "/haku/", template="search.html", issue=4),
    PageType("search page with a corrected query", "/haku/?q=konsetti", template="search.html", issue=4,
             ready="#haku-korjattu"),
    PageType("search page with offers, needs and series", "/haku/?q=palkkatuki", template="search.html", issue=17,
             ready="#haku-tulokset > li:first-child"),
    PageType("search page with results from the archive", "/haku/?q=sieniretki&arkisto=1", template="search.html",
             issue=18, ready=".bl-result--archived"),
    PageType("search page with a filter not understood", "/haku/?category=xyz", template="search.html",
             issue=4, ready="#haku-aihe-virhe"),
    PageType("submission form", "/laheta/", template="submit.html", issue=5),
    PageType("submission form with errors", "/laheta/", template="submit.html", issue=5, errors=True),
    PageType("submission form, a space wanted, with errors", "/laheta/", errors=True,
             choose=("#f-category-tilat", "#f-space_mode-wanted")),
    PageType("cooperation page", "/yhteistyo/", template="network.html", issue=14),
    PageType("joint hiring", "/yhteistyo/yhteispalkkaus/", template="joint_hiring.html", issue=14),
    PageType("series page", "/sarjat/jarjestoillat/", template="series.html", issue=14),
    PageType("retired association page", "/yhdistykset/imatran-postimerkkikerho/", template="association.html", issue=14),
    PageType("association profile form", "/yhdistyksen-tiedot/", template="profile_form.html", issue=14),
    PageType("association profile form with errors", "/yhdistyksen-tiedot/", template="profile_form.html", issue=14,
             errors=True),
    PageType("association profile form, the values not fetched", "/yhdistyksen-tiedot/?yhdistys=koskenpallo",
             template="profile_form.html", issue=18, unreachable="**/yhdistyksen-tiedot/*.json",
             ready="[data-values-failed]"),
]

# Pages with the most kinds of interactive element, for the slower checks.
KEYBOARD_PAGES = [p for p in PAGE_TYPES if p.name in {
    "front page", "event notice", "association page", "tags", "search page", "submission form", "spaces"}]

ERROR_SUMMARY = "[class*='error-summary'], [role='alert']"


def show_form_errors(page):
    """Send the main form empty, as a hasty person would, and wait for its
    error summary."""
    form = page.locator("main form").first
    form.locator("button[type='submit'], input[type='submit'], button:not([type])").first.click()
    page.locator(ERROR_SUMMARY).first.wait_for(state="visible", timeout=5000)


def open_page(page, base, page_type):
    """Go to a page type in a Playwright page; returns the HTTP response."""
    page_type.skip_if_missing()
    if page_type.unreachable:
        page.route(page_type.unreachable, lambda route: route.abort())
    response = page.goto(base + page_type.address)
    assert response.ok, f"{page_type.address}: HTTP {response.status}"
    for selector in page_type.choose:
        page.locator(selector).check()
    if page_type.errors:
        show_form_errors(page)
    if page_type.ready:
        page.locator(page_type.ready).wait_for(state="visible", timeout=10000)
    return response


def ids(page_types):
    return [p.name for p in page_types]
