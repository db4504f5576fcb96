"""A rebuild moves unchanged notice pages over from the previous output
(bulletin_incremental) and renders a page again when anything it shows
changed."""
import pytest

from bulletin_pages.generator import BulletinPagesGenerator

from conftest import ASSOCIATION, event_text, notice_text


def inode(site, address):
    return (site.output / address / "index.html").stat().st_ino


def test_unchanged_pages_are_moved_and_a_changed_one_rendered(site):
    site.notice("a.md", notice_text("Eka"))
    changed = site.notice("b.md", notice_text("Toka"))
    assert site.build() == 0
    a, b = inode(site, "ilmoitukset/a/"), inode(site, "ilmoitukset/b/")
    assert site.build() == 0  # nothing changed: every page moves over
    assert (inode(site, "ilmoitukset/a/"), inode(site, "ilmoitukset/b/")) == (a, b)
    changed.write_text(notice_text("Toka, korjattu"), encoding="utf-8")
    assert site.build() == 0
    assert inode(site, "ilmoitukset/a/") == a  # the same file, moved over
    assert inode(site, "ilmoitukset/b/") != b
    assert site.page("ilmoitukset/b/").h1.get_text() == "Toka, korjattu"
    assert site.page("ilmoitukset/a/").h1.get_text() == "Eka"


def test_event_folder_moves_whole_and_follows_its_notice(site):
    site.notice("a.md", event_text("Konsertti", start="2026-12-05 18:00"))
    changed = site.notice("b.md", event_text("Tanssit", start="2026-12-06 18:00"))
    assert site.build() == 0
    folder = (site.output / "ilmoitukset" / "a").stat().st_ino
    changed.write_text(notice_text("Tanssit peruttu"), encoding="utf-8")  # no longer an event
    assert site.build() == 0
    assert (site.output / "ilmoitukset" / "a").stat().st_ino == folder
    assert (site.output / "ilmoitukset" / "a" / "tapahtuma.ics").exists()
    assert not (site.output / "ilmoitukset" / "b" / "tapahtuma.ics").exists()
    assert site.page("ilmoitukset/b/").h1.get_text() == "Tanssit peruttu"


def test_new_association_name_renders_its_notice_pages_again(site):
    site.notice("a.md", notice_text())
    assert site.build() == 0
    site.association("testikyla", ASSOCIATION.replace("Testikylän Eläkkeensaajat ry", "Testikylän Seniorit ry"))
    assert site.build() == 0
    assert "Testikylän Seniorit ry" in site.page("ilmoitukset/a/").select_one(".bl-facts").get_text()


def test_a_new_day_renders_a_notice_that_expired_again(site):
    site.notice("a.md", event_text("Konsertti", start="2026-12-05 18:00"))
    assert site.build("2026-12-05") == 0
    assert site.page("ilmoitukset/a/").select_one(".bl-notice__expired") is None
    assert site.build("2026-12-06") == 0
    assert site.page("ilmoitukset/a/").select_one(".bl-notice__expired") is not None


def test_removed_notice_leaves_the_site(site):
    site.notice("a.md", notice_text())
    gone = site.notice("b.md", notice_text())
    assert site.build() == 0
    gone.unlink()
    assert site.build() == 0
    assert not (site.output / "ilmoitukset" / "b").exists()
    assert (site.output / "ilmoitukset" / "a" / "index.html").exists()


def test_build_failing_after_pages_moved_leaves_previous_output_whole(site, monkeypatch):
    for name in "abc":
        site.notice(f"{name}.md", notice_text(f"Ilmoitus {name}"))
    assert site.build() == 0
    before = {p.relative_to(site.output): p.read_bytes() for p in site.output.rglob("*") if p.is_file()}

    def broken(self, writer):
        raise RuntimeError("template broke")

    monkeypatch.setattr(BulletinPagesGenerator, "generate_output", broken)
    with pytest.raises(RuntimeError):
        site.build()
    after = {p.relative_to(site.output): p.read_bytes() for p in site.output.rglob("*") if p.is_file()}
    assert after == before
    monkeypatch.undo()
    # and the next build, with nothing to take over, renders every page
    assert site.build() == 0
    assert site.page("ilmoitukset/c/").h1.get_text() == "Ilmoitus c"


def test_feeds_and_calendars_follow_their_notices(site):
    site.association("toinen", "name: Toinen yhdistys ry\n")
    site.notice("a.md", event_text("Konsertti", start="2026-12-05 18:00"))
    changed = site.notice("b.md", event_text("Tanssit", start="2026-12-06 18:00", association="toinen"))
    assert site.build() == 0
    feeds = site.output / "syotteet" / "yhdistykset"
    calendars = site.output / "kalenteri" / "yhdistykset"
    untouched = [feeds / "testikyla.rss.xml", calendars / "testikyla.ics"]
    inodes = [p.stat().st_ino for p in untouched]
    changed.write_text(event_text("Lavatanssit", start="2026-12-06 18:00", association="toinen"), encoding="utf-8")
    assert site.build() == 0
    assert [p.stat().st_ino for p in untouched] == inodes  # moved over, not made again
    assert "Lavatanssit" in (feeds / "toinen.rss.xml").read_text(encoding="utf-8")
    assert "Lavatanssit" in (calendars / "toinen.ics").read_text(encoding="utf-8")
    assert "Lavatanssit" in (site.output / "syotteet" / "kaikki.atom.xml").read_text(encoding="utf-8")
    assert "Lavatanssit" in (site.output / "kalenteri" / "tapahtumat.ics").read_text(encoding="utf-8")
