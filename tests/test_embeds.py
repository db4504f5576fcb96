"""Embeds for associations' own sites (`.../upotus/`): the current notices
of an association or a category, with no script and no request that leaves
the site, readable in a frame, and a snippet to copy on the association page."""
import re

import pytest
from bs4 import BeautifulSoup

from browser import browser, example_base, missing, served  # noqa: F401  (fixtures)
from test_a11y_machine_checks import axe_path, run_axe  # noqa: F401  (fixture)
from conftest import notice_text

EMBEDS = ["yhdistykset/kuoro-vuoksenlaulu/upotus/", "aiheet/tapahtumat/upotus/", "aiheet/rahoitus/upotus/"]


def read(site, address):
    return (site / address / "index.html").read_text(encoding="utf-8")


def test_every_association_and_category_has_an_embed(example_site):
    for folder in list((example_site / "yhdistykset").iterdir()) + list((example_site / "aiheet").iterdir()):
        if folder.is_dir():
            assert (folder / "upotus" / "index.html").is_file(), folder


@pytest.mark.parametrize("address", EMBEDS)
def test_embed_has_no_script_and_loads_only_its_own_stylesheet(example_site, address):
    html = read(example_site, address)
    soup = BeautifulSoup(html, "html.parser")
    assert soup.find("script") is None and not re.search(r"\son[a-z]+=", html)
    loaded = [tag.get("src") or tag.get("href") for tag in soup.find_all(["link", "img", "iframe", "object"])
              if tag.name != "link" or "stylesheet" in tag.get("rel", [])]
    assert loaded == ["/theme/css/upotus.css"]
    assert {a.get("target") for a in soup.find_all("a")} == {"_blank"}  # links open outside the frame
    assert "default-src 'none'" in soup.find("meta", attrs={"http-equiv": "Content-Security-Policy"})["content"]


def test_association_embed_lists_its_current_notices_only(example_site):
    soup = BeautifulSoup(read(example_site, "yhdistykset/kuoro-vuoksenlaulu/upotus/"), "html.parser")
    page = BeautifulSoup(read(example_site, "yhdistykset/kuoro-vuoksenlaulu/"), "html.parser")
    current = [a.get_text(strip=True) for a in page.select("main h2 + ul .bl-item__title a")][:10]
    listed = [a.get_text(strip=True) for a in soup.select(".bl-embed__name a")]
    assert listed and listed == current[:len(listed)]
    assert all(a["href"].startswith("http://127.0.0.1:8000/ilmoitukset/") for a in soup.select(".bl-embed__name a"))
    assert "su 13.12.2026 klo 15.00–16.30" in soup.get_text(" ")


def test_association_page_offers_the_snippet_to_copy(example_site):
    soup = BeautifulSoup(read(example_site, "yhdistykset/kuoro-vuoksenlaulu/"), "html.parser")
    code = soup.find("textarea", id="upotuskoodi")
    assert code.has_attr("readonly") and soup.find("label", attrs={"for": "upotuskoodi"})
    snippet = BeautifulSoup(code.get_text(), "html.parser").iframe
    assert snippet["src"] == "http://127.0.0.1:8000/yhdistykset/kuoro-vuoksenlaulu/upotus/"
    assert snippet["title"] == "Kuoroyhdistys Vuoksenlaulu ry: ajankohtaista"


def test_the_snippet_copies_a_name_with_quotes_and_ampersands_whole(site):
    """What the reader copies from the box is HTML for their own site: a
    name such as Teatteriyhdistys "Kulissi" ry must stay inside the title
    attribute, not end it (the rest copied as stray attributes)."""
    name = 'Teatteriyhdistys "Kulissi" & <Näyttämö> ry'
    site.association("kulissi", f"name: '{name}'\ngroups: [kulttuuri]\n")
    assert site.build() == 0
    copied = site.page("yhdistykset/kulissi/").find("textarea", id="upotuskoodi").get_text()
    frame = BeautifulSoup(copied, "html.parser").iframe
    assert frame["title"] == f"{name}: ajankohtaista"
    assert frame["src"] == "http://127.0.0.1:8000/yhdistykset/kulissi/upotus/"
    assert set(frame.attrs) == {"src", "title", "width", "height", "loading"}


@pytest.mark.parametrize("scheme", ["light", "dark"])
def test_embed_in_a_frame_of_another_site_requests_nothing_elsewhere_and_passes_axe(
        browser, example_base, axe_path, scheme, tmp_path):
    """A page of another origin (another port) frames the embed, as an
    association's site would."""
    (tmp_path / "index.html").write_text(
        f'<!DOCTYPE html><html lang="fi"><title>Yhdistys</title><iframe title="Ilmoitukset" width="340" '
        f'height="600" src="{example_base}/yhdistykset/kuoro-vuoksenlaulu/upotus/"></iframe></html>', encoding="utf-8")
    context = browser.new_context(color_scheme=scheme, bypass_csp=True, viewport={"width": 360, "height": 700})
    requests = []
    context.on("request", lambda r: requests.append(r.url))
    try:
        with served(tmp_path) as host:
            page = context.new_page()
            page.goto(host + "/")
            frame = page.frame_locator("iframe")
            frame.locator(".bl-embed__name a").first.wait_for()
        assert [u for u in requests if not u.startswith((host + "/", example_base + "/"))] == []
        assert [u for u in requests if u.startswith(example_base)] == [
            f"{example_base}/yhdistykset/kuoro-vuoksenlaulu/upotus/", f"{example_base}/theme/css/upotus.css"]
        size = frame.locator(".bl-embed__summary").first.evaluate("e => parseFloat(getComputedStyle(e).fontSize)")
        assert size >= 18
        assert page.frames[1].evaluate("document.documentElement.scrollWidth <= document.documentElement.clientWidth")
        embed_page = context.new_page()
        embed_page.goto(example_base + "/yhdistykset/kuoro-vuoksenlaulu/upotus/")
        assert run_axe(embed_page) == []
    finally:
        context.close()


def test_an_associations_embed_lists_the_joint_notices_it_is_a_partner_in(site):
    site.association("kuoro", "name: Kuoro ry\n")
    site.association("pallo", "name: Pallo ry\n")
    site.notice("yhteinen.md", notice_text("Yhteinen ilta", category="yhteistyo", extra=(
        'partners: [kuoro]\nevent:\n  start: "2026-12-12 18:00"\n  location: Kerhohuone')))
    site.notice("oma.md", notice_text("Kuoron oma tiedote", association="kuoro"))
    assert site.build("2026-12-01") == 0

    def listed(slug):
        return [a.get_text(strip=True) for a in site.page(f"yhdistykset/{slug}/upotus/").select(".bl-embed__name a")]

    assert listed("kuoro") == ["Yhteinen ilta", "Kuoron oma tiedote"]
    assert listed("testikyla") == ["Yhteinen ilta"] and listed("pallo") == []
