"""A rebuild indexes only the pages that changed (bulletin_search/delta.py):
the full index moves over from the previous output, a second bundle holds
the changed pages, and the search page drops the first bundle's results for
pages that changed or left."""
import json
import re

import pytest
from playwright.sync_api import expect

import bulletin_incremental.reuse
import bulletin_search.delta
from browser import browser, served  # noqa: F401 (fixtures)
from bulletin_search.delta import DELTA, page_hashes, page_ids
from bulletin_search.generator import SearchGenerator
from conftest import ASSOCIATION, event_text, notice_text

ASSOCIATION_PAGE = "yhdistykset/testikyla/index.html"


def bundle_ids(site, bundle):
    folder = site.output / bundle
    return page_ids(folder) if folder.is_dir() else {}


def changes(site):
    path = site.output / "pagefind-delta" / "changes.json"
    return json.loads(path.read_text()) if path.exists() else {"delta": [], "superseded": []}


def searched(site):
    """{page: bundle} of the pages a reader's search finds, as search.js reads
    the bundles: the base without its superseded results, and the delta."""
    dropped = set(changes(site)["superseded"])
    pages = {p: "pagefind" for p, i in bundle_ids(site, "pagefind").items() if i not in dropped}
    pages.update({p: "pagefind-delta" for p in bundle_ids(site, "pagefind-delta")})
    return pages


def delta_address(site):
    return site.page("haku/").select_one("#bl-search").get("data-delta")


def base_inode(site):
    return (site.output / "pagefind" / "pagefind-entry.json").stat().st_ino


def test_a_new_notice_goes_to_the_delta_and_the_base_moves_over(site):
    site.notice("tupa.md", notice_text(title="Kerhohuone vapaana", body="Asukastuvalla on tilaa."))
    assert site.build() == 0
    assert searched(site) == {"ilmoitukset/tupa/index.html": "pagefind", ASSOCIATION_PAGE: "pagefind"}
    assert delta_address(site) is None
    base = base_inode(site)
    site.notice("tapahtuma.md", event_text(title="Syysmarkkinat", body="Markkinat asukastuvan pihalla."))
    assert site.build() == 0
    assert base_inode(site) == base  # the full index, moved over
    found = searched(site)
    assert found["ilmoitukset/tapahtuma/index.html"] == "pagefind-delta"
    assert found["ilmoitukset/tupa/index.html"] == "pagefind"
    assert set(found) == {"ilmoitukset/tupa/index.html", "ilmoitukset/tapahtuma/index.html", ASSOCIATION_PAGE}
    assert delta_address(site) == "/pagefind-delta/"


def test_a_changed_notice_supersedes_its_entry_in_the_base(site):
    site.notice("a.md", notice_text(title="Eka", body="Kirsikkapuu kukkii."))
    changed = site.notice("b.md", notice_text(title="Toka", body="Omenapuu kukkii."))
    assert site.build() == 0
    old = bundle_ids(site, "pagefind")["ilmoitukset/b/index.html"]
    changed.write_text(notice_text(title="Toka", body="Luumupuu kukkii."), encoding="utf-8")
    assert site.build() == 0
    assert old in changes(site)["superseded"]
    assert searched(site)["ilmoitukset/b/index.html"] == "pagefind-delta"
    assert searched(site)["ilmoitukset/a/index.html"] == "pagefind"


def test_a_changed_offer_is_indexed_in_the_delta_and_its_old_record_dropped(site):
    site.notice("a.md", notice_text(title="Eka"))
    for number in range(30):  # a site large enough for a delta of an association and its items
        site.notice(f"n{number}.md", notice_text(title=f"Ilmoitus {number}"))
    site.association("testikyla", ASSOCIATION + "offers: [Kahvinkeittoa juhliin]\nneeds: [Varastotilaa]\n")
    assert site.build() == 0
    old = bundle_ids(site, "pagefind")["yhdistykset/testikyla/#tarjous-1"]
    site.association("testikyla", ASSOCIATION + "offers: [Lipunmyyntiä juhliin]\nneeds: [Varastotilaa]\n")
    assert site.build() == 0
    assert old in changes(site)["superseded"]
    found = searched(site)
    assert found["yhdistykset/testikyla/#tarjous-1"] == "pagefind-delta"
    assert found["yhdistykset/testikyla/#tarve-1"] == "pagefind"  # unchanged, kept in the base
    assert found[ASSOCIATION_PAGE] == "pagefind-delta"


def test_a_removed_notice_leaves_the_search(site):
    site.notice("a.md", notice_text(title="Eka"))
    gone = site.notice("b.md", notice_text(title="Toka"))
    assert site.build() == 0
    gone.unlink()
    assert site.build() == 0
    assert "ilmoitukset/b/index.html" not in searched(site)
    assert "ilmoitukset/a/index.html" in searched(site)


def test_a_page_new_since_the_base_and_left_in_place_is_indexed_again(site):
    # The third build leaves c's page where the second wrote it, and the
    # delta still holds it: Pagefind reads it there.
    site.notice("a.md", notice_text(title="Eka"))
    changed = site.notice("b.md", notice_text(title="Toka"))
    assert site.build() == 0
    site.notice("c.md", notice_text(title="Kolmas", body="Karpalo kypsyy."))
    assert site.build() == 0
    changed.write_text(notice_text(title="Toka, korjattu"), encoding="utf-8")
    assert site.build() == 0
    assert {"ilmoitukset/b/index.html", "ilmoitukset/c/index.html"} <= set(page_ids(site.output / DELTA))
    assert site.page("ilmoitukset/c/").h1.get_text() == "Kolmas"


def test_a_rebuild_with_nothing_changed_has_no_delta(site):
    site.notice("a.md", notice_text(title="Eka"))
    assert site.build() == 0
    base = base_inode(site)
    assert site.build() == 0
    assert base_inode(site) == base
    assert not (site.output / "pagefind-delta").exists()
    assert delta_address(site) is None


def test_too_many_changes_index_everything_again(site, monkeypatch):
    files = [site.notice(f"n{i}.md", notice_text(title=f"Ilmoitus {i}")) for i in range(3)]
    assert site.build() == 0
    base = base_inode(site)
    monkeypatch.setattr(bulletin_search.delta, "delta_limit", lambda pages: 2)
    for number, path in enumerate(files):
        path.write_text(notice_text(title=f"Ilmoitus {number}, korjattu"), encoding="utf-8")
    assert site.build() == 0  # three notices and their association page changed
    assert base_inode(site) != base
    assert not (site.output / "pagefind-delta").exists()
    assert set(searched(site).values()) == {"pagefind"}
    assert len(searched(site)) == 4


def test_a_new_site_key_indexes_everything_again(site, monkeypatch):
    site.notice("a.md", notice_text(title="Eka"))
    assert site.build() == 0
    base = base_inode(site)
    # settings, theme, code or Pagefind changed: the record no longer applies
    monkeypatch.setattr(bulletin_incremental.reuse, "site_key", lambda settings: "toinen")
    assert site.build() == 0
    assert base_inode(site) != base
    assert not (site.output / "pagefind-delta").exists()


def test_a_failed_rebuild_leaves_the_search_whole_and_the_next_indexes_everything(site, monkeypatch):
    site.notice("a.md", notice_text(title="Eka"))
    assert site.build() == 0
    before = {p.relative_to(site.output): p.read_bytes() for p in (site.output / "pagefind").rglob("*")
              if p.is_file()}
    site.notice("b.md", notice_text(title="Toka"))

    def broken(self, writer):  # after the base moved over and the delta started
        raise RuntimeError("template broke")

    monkeypatch.setattr(SearchGenerator, "generate_output", broken)
    with pytest.raises(RuntimeError):
        site.build()
    after = {p.relative_to(site.output): p.read_bytes() for p in (site.output / "pagefind").rglob("*")
             if p.is_file()}
    assert after == before
    monkeypatch.undo()
    assert site.build() == 0
    assert set(searched(site).values()) == {"pagefind"}  # the record was used up: a full index
    assert "ilmoitukset/b/index.html" in searched(site)


# --- in the browser ----------------------------------------------------------

COUNT = re.compile(r"^(\d+ tulosta|1 tulos|Ei tuloksia.*)$")


@pytest.fixture
def page(browser):
    context = browser.new_context()
    page = context.new_page()
    problems = []
    page.on("pageerror", lambda error: problems.append(str(error)))
    page.on("response", lambda r: r.status >= 400 and not r.url.endswith("favicon.ico")
            and problems.append(f"{r.status} {r.url}"))
    yield page
    context.close()
    assert problems == []


def shown(page, base, query):
    page.goto(f"{base}/haku/{query}")
    expect(page.get_by_role("status")).to_have_text(COUNT)
    while page.locator("#haku-lisaa").is_visible():
        page.locator("#haku-lisaa").click()
    return [a.inner_text() for a in page.locator(".bl-result h2 a").all()]


def test_search_after_a_rebuild_shows_the_site_as_it_is_now(site, page):
    for day in (3, 9, 15, 21):
        site.notice(f"tapahtuma-{day}.md", event_text(title=f"Tapahtuma {day}.", start=f"2026-12-{day:02d} 18:00",
                                                        body="Kirsikkapuun alla."))
    changed = site.notice("puu.md", notice_text(title="Puun hoito", body="Kirsikkapuu kukkii keväällä."))
    gone = site.notice("pois.md", notice_text(title="Poistuva", body="Omenapuu kukkii."))
    assert site.build() == 0
    changed.write_text(notice_text(title="Puun hoito", body="Luumupuu kukkii keväällä."), encoding="utf-8")
    gone.unlink()
    site.notice("tapahtuma-12.md", event_text(title="Tapahtuma 12.", start="2026-12-12 18:00",
                                              body="Kirsikkapuun alla."))
    assert site.build() == 0
    assert delta_address(site) == "/pagefind-delta/"
    with served(site.output) as base:
        assert shown(page, base, "?q=luumupuu") == ["Puun hoito"]
        assert "Puun hoito" not in shown(page, base, "?q=kirsikkapuu")
        assert shown(page, base, "?q=omenapuu") == []
        # one result per page, the new one too
        assert sorted(shown(page, base, "?q=kirsikkapuun")) == [
            "Tapahtuma 12.", "Tapahtuma 15.", "Tapahtuma 21.", "Tapahtuma 3.", "Tapahtuma 9."]
        # browsing by date merges the two bundles in date order
        assert shown(page, base, "?upcoming=1") == [
            "Tapahtuma 3.", "Tapahtuma 9.", "Tapahtuma 12.", "Tapahtuma 15.", "Tapahtuma 21."]
        newest_first = shown(page, base, "?category=tapahtumat")
        assert newest_first == ["Tapahtuma 21.", "Tapahtuma 15.", "Tapahtuma 12.", "Tapahtuma 9.", "Tapahtuma 3."]


def test_only_pages_with_an_indexed_part_count(tmp_path):
    # Pagefind skips a page without data-pagefind-body only while another
    # page has one: a delta of such pages alone would index them whole.
    (tmp_path / "yhdistykset" / "a").mkdir(parents=True)
    (tmp_path / "yhdistykset" / "index.html").write_text("<main>Hakemisto</main>")
    (tmp_path / "yhdistykset" / "a" / "index.html").write_text("<main data-pagefind-body>A ry</main>")
    hashes = page_hashes(tmp_path, ["yhdistykset"])
    assert [name for name, digest in hashes.items() if digest] == ["yhdistykset/a/index.html"]
    assert hashes["yhdistykset/index.html"] is None


def test_a_page_of_the_delta_left_in_place_by_the_next_rebuild_is_indexed(site):
    # The delta holds every page that differs from the base, also one that
    # an earlier rebuild changed and this one left in place in the previous
    # output (bulletin_incremental): Pagefind must still be given it.
    site.association("toinen", ASSOCIATION.replace("Testikylän", "Toisen"))
    site.notice("tupa.md", notice_text(title="Kerhohuone vapaana", body="Asukastuvalla on tilaa."))
    site.notice("pelit.md", notice_text(title="Pelikerho", association="toinen", body="Pelataan shakkia."))
    assert site.build() == 0
    site.notice("tupa.md", notice_text(title="Kerhohuone vapaana", body="Asukastuvalla on tilaa iltaisin."))
    assert site.build() == 0
    changed = site.output / "ilmoitukset" / "tupa" / "index.html"
    left = changed.stat().st_ino
    site.notice("pelit.md", notice_text(title="Pelikerho", association="toinen", body="Pelataan shakkia ja gota."))
    assert site.build() == 0
    assert changed.stat().st_ino == left  # left in place, and indexed again
    found = searched(site)
    assert found["ilmoitukset/tupa/index.html"] == "pagefind-delta"
    assert found["ilmoitukset/pelit/index.html"] == "pagefind-delta"
