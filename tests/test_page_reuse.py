"""A rebuild leaves unchanged notice pages where they are in the previous
output (bulletin_incremental), renders a page again when anything it shows
changed, and moves in only what it wrote."""
import json
import shutil
import sys
from types import SimpleNamespace

import pytest

import bulletin_search.delta
from bulletin_cli.project import cache_path
from bulletin_incremental import reuse
from bulletin_incremental.reuse import RECORD, PageReuse, article_key, read_record, site_key
from bulletin_pages.generator import BulletinPagesGenerator
from bulletin_search.delta import page_ids

from bulletin_cli.cli import main
from conftest import ASSOCIATION, ROOT, event_text, notice_text
from test_reproducible import differences
from test_warm_identical import SEARCH


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


def test_an_association_added_with_its_notice_leaves_the_other_notice_pages_in_place(site):
    site.association("kuoro", "name: Kuoro ry\n")
    site.notice("a.md", notice_text("Yhteinen", category="yhteistyo", extra="partners: [kuoro]"))
    site.notice("b.md", notice_text("Toka"))
    assert site.build() == 0
    pages = inode(site, "ilmoitukset/a/"), inode(site, "ilmoitukset/b/")
    site.association("uusi", "name: Uusi ry\n")
    site.notice("c.md", notice_text("Uuden oma", association="uusi"))
    assert site.build() == 0
    assert (inode(site, "ilmoitukset/a/"), inode(site, "ilmoitukset/b/")) == pages
    assert site.page("ilmoitukset/c/").h1.get_text() == "Uuden oma"
    site.association("kuoro", "name: Laulukuoro ry\n")  # a partner's new name: on the page that names it
    assert site.build() == 0
    assert "Laulukuoro ry" in site.page("ilmoitukset/a/").get_text()


class _Article:
    def __init__(self, notice, profile, read=None):
        self.metadata = {"notice": notice if read is None else read}  # what the reader made
        self.notice, self.association_profile, self.title = notice, profile, notice.title


def test_a_page_key_takes_the_notice_as_read_by_its_file_and_anything_else_by_what_it_is():
    profile, notice = SimpleNamespace(name="Yhdistys ry"), SimpleNamespace(title="Konsertti", body="Tervetuloa")
    key = article_key("site", _Article(notice, profile), b"file-1", {})
    # the notice as its file was read: the file's digest stands for it
    assert article_key("site", _Article(SimpleNamespace(title="Konsertti", body="muu"), profile), b"file-1", {}) == key
    assert article_key("site", _Article(notice, profile), b"file-2", {}) != key
    # a notice that is not the one read (a plugin put another) counts by what it is
    other = SimpleNamespace(title="Konsertti", body="Tervetuloa")
    assert article_key("site", _Article(notice, profile, read=other), b"file-1", {}) != key
    changed = SimpleNamespace(title="Konsertti", body="Tervetuloa kaikki")
    assert article_key("site", _Article(changed, profile, read=other), b"file-1", {}) != article_key(
        "site", _Article(notice, profile, read=other), b"file-1", {})
    # the association's profile, its text kept for the build, counts by what it is
    texts = {}
    assert article_key("site", _Article(notice, profile), b"file-1", texts) == key
    assert article_key("site", _Article(notice, SimpleNamespace(name="Toinen ry")), b"file-1", texts) != key
    profile.name = "Yhdistys ry, uusi nimi"
    assert article_key("site", _Article(notice, profile), b"file-1", {}) != key


def test_the_site_key_names_the_installed_libraries_once_however_the_path_lists_them(monkeypatch, tmp_path):
    settings = {"THEME": str(ROOT / "theme"), "PLUGINS": []}
    key = site_key(settings)
    # the same install on the path twice (PYTHONPATH and an editable install's .pth)
    monkeypatch.setattr(sys, "path", [*sys.path, *sys.path])
    assert site_key(settings) == key
    # a library installed beside them is another site
    (tmp_path / "uusi_kirjasto-1.0.dist-info").mkdir()
    (tmp_path / "uusi_kirjasto-1.0.dist-info" / "METADATA").write_text("Name: uusi-kirjasto\nVersion: 1.0\n")
    monkeypatch.setattr(sys, "path", [str(tmp_path), *sys.path])
    assert site_key(settings) != key


def test_records_that_cannot_be_read_back_draw_every_page_again(site):
    site.notice("a.md", notice_text("Eka"))
    changed = site.notice("b.md", notice_text("Toka"))
    assert site.build() == 0
    a = inode(site, "ilmoitukset/a/")
    records = list(cache_path(site.output).rglob(f"*{RECORD}"))
    assert len(records) >= 3  # the inputs, the pages' keys, the output's files
    for record in records:
        record.write_bytes(b"\xff katkennut")
    changed.write_text(notice_text("Toka, korjattu"), encoding="utf-8")
    assert site.build() == 0
    assert inode(site, "ilmoitukset/a/") != a  # drawn again: no key to match
    assert site.page("ilmoitukset/b/").h1.get_text() == "Toka, korjattu"
    assert all(read_record(record) is not None for record in records)  # and written anew


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
    site.notice("d.md", notice_text("Ilmoitus d"))

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



def test_the_profile_forms_values_files_follow_their_associations(site):
    changed = site.association("toinen", "name: Toinen yhdistys ry\noffers: [Tila lainaan]\n")
    assert site.build() == 0
    folder = site.output / "yhdistyksen-tiedot"
    untouched = folder / "testikyla.json"
    inode = untouched.stat().st_ino
    changed.write_text("name: Toinen yhdistys ry\noffers: [Kahvinkeitin lainaan]\n", encoding="utf-8")
    assert site.build() == 0
    assert untouched.stat().st_ino == inode  # left in place, not written again
    assert json.loads((folder / "toinen.json").read_text(encoding="utf-8"))["offers"] == ["Kahvinkeitin lainaan"]
    changed.unlink()
    assert site.build() == 0
    assert not (folder / "toinen.json").exists()


def files(output):
    return {p.relative_to(output).as_posix(): p.read_bytes() for p in output.rglob("*") if p.is_file()}


def test_unchanged_pages_stay_where_they_are(site):
    for name in "ab":
        site.notice(f"{name}.md", notice_text(f"Ilmoitus {name}"))
    assert site.build() == 0
    notices = site.output / "ilmoitukset"
    before = (site.output.stat().st_ino, notices.stat().st_ino, notices.stat().st_mtime_ns)
    assert site.build() == 0
    # no folder of a notice moved in or out of the notices' folder
    assert (site.output.stat().st_ino, notices.stat().st_ino, notices.stat().st_mtime_ns) == before


def test_a_rebuild_after_changes_by_hand_is_a_cold_builds_output(site, tmp_path):
    for name in "abc":
        site.notice(f"{name}.md", event_text(f"Tapahtuma {name}", start="2026-12-05 18:00"))
    assert site.build() == 0
    cold = files(site.output)
    shutil.rmtree(site.output / "ilmoitukset" / "a")  # a notice's folder deleted
    assert site.build() == 0
    assert files(site.output) == cold
    (site.output / "oma.html").write_text("käsin lisätty", encoding="utf-8")  # a file added at the top
    assert site.build() == 0
    assert files(site.output) == cold
    for path in site.output.iterdir():  # the folder emptied
        shutil.rmtree(path) if path.is_dir() else path.unlink()
    assert site.build() == 0
    assert files(site.output) == cold


def test_the_previous_output_is_checked_on_the_other_core_as_the_build_starts(site, monkeypatch):
    for name in "abc":
        site.notice(f"{name}.md", event_text(f"Tapahtuma {name}", start="2026-12-05 18:00"))
    assert site.build() == 0
    page = site.output / "ilmoitukset" / "a" / "index.html"
    drawn = page.read_bytes()
    page.write_text("käsin muutettu", encoding="utf-8")  # a page edited by hand
    site.notice("c.md", event_text("Tapahtuma c, uusi nimi", start="2026-12-05 18:00"))
    looked = []
    stamp = reuse.file_stamp
    monkeypatch.setattr(reuse, "file_stamp", lambda path: looked.append(path) or stamp(path))
    assert site.build() == 0
    assert page.read_bytes() == drawn
    assert b"uusi nimi" in (site.output / "ilmoitukset" / "c" / "index.html").read_bytes()
    # the page left in place was looked at by the forked process alone
    assert looked and not [path for path in looked if "/ilmoitukset/b/" in path]


def test_build_failing_while_moving_in_leaves_previous_output_whole(site, monkeypatch):
    for name in "abc":
        site.notice(f"{name}.md", notice_text(f"Ilmoitus {name}"))
    assert site.build() == 0
    before = files(site.output)
    site.notice("b.md", notice_text("Ilmoitus b, korjattu"))
    (site.content / "notices" / "c.md").unlink()
    site.notice("d.md", notice_text("Ilmoitus d"))

    def broken(self, output, written):
        raise OSError("disk full")

    monkeypatch.setattr(PageReuse, "commit", broken)
    with pytest.raises(OSError):
        site.build()
    assert files(site.output) == before
    assert not site.output.with_name(".output-old").exists()
    monkeypatch.undo()
    assert site.build() == 0
    assert site.page("ilmoitukset/b/").h1.get_text() == "Ilmoitus b, korjattu"
    assert site.page("ilmoitukset/d/").h1.get_text() == "Ilmoitus d"
    assert not (site.output / "ilmoitukset" / "c").exists()


def test_a_full_search_index_in_a_rebuild_reads_the_pages_left_in_place(site, monkeypatch):
    for name in "abcd":
        site.notice(f"{name}.md", notice_text(f"Ilmoitus {name}"))
    assert site.build() == 0
    unchanged = files(site.output)["ilmoitukset/d/index.html"]
    monkeypatch.setattr(bulletin_search.delta, "delta_limit", lambda pages: 1)  # a full index again
    for name in "abc":
        site.notice(f"{name}.md", notice_text(f"Ilmoitus {name}, korjattu"))
    assert site.build() == 0
    assert not (site.output / "pagefind-delta").exists()
    indexed = page_ids(site.output / "pagefind")
    assert {f"ilmoitukset/{name}/index.html" for name in "abcd"} <= set(indexed)
    assert files(site.output)["ilmoitukset/d/index.html"] == unchanged




def edit(path, old, new):
    text = path.read_text(encoding="utf-8")
    assert old in text
    path.write_text(text.replace(old, new, 1), encoding="utf-8")


def test_association_and_letter_pages_are_drawn_again_exactly_when_what_they_show_changed(tmp_path):
    """The example, then a change to each thing an association page shows
    beside its own notices, each on another association's page: a warm
    rebuild writes what a cold build writes, and the association and letter
    pages that show nothing changed stay where they were."""
    content = tmp_path / "content"
    shutil.copytree(ROOT / "content", content)
    warm = tmp_path / "warm"

    def build(output=warm):
        assert main(["build", "--content", str(content), "--output", str(output), "--today", "2026-12-01"]) == 0
        return files(output)

    def as_cold(after, name):
        return [f for f in differences(after, build(tmp_path / name)) if not f.startswith(SEARCH)] == []

    before = build()
    page = lambda address: warm / address / "index.html"  # noqa: E731
    letters = sorted(p.parent.name for p in (warm / "viikkokirje").glob("*/index.html"))
    wanted, joint = "Kielikahvila tarvitsee uuden kokoontumispaikan", "Soveltavan liikunnan ryhmä yhteistyönä"
    touched = [wanted, joint, "Nuorisoyhdistys Kipinä ry", "Kotiseututalon aitta"]
    quiet = [w for w in letters if not any(t in page(f"viikkokirje/{w}/").read_text(encoding="utf-8") for t in touched)]
    assert quiet and len(quiet) < len(letters)
    kept = ["yhdistykset/imatran-postimerkkikerho/", "yhdistykset/imatran-postimerkkikerho/upotus/", *(f"viikkokirje/{w}/" for w in quiet)]
    inodes = {address: page(address).stat().st_ino for address in kept}

    # what the association offers, on its own page
    edit(content / "associations" / "nuorisoyhdistys-kipina.yml", "\noffers:", "\noffers:\n  - Pistekirjoituksen opetusta")
    # a space's facts, on its association's page
    edit(content / "spaces" / "kotiseututalon-aitta.yml", "capacity: 2", "capacity: 4")
    # the series it organises
    edit(content / "series" / "jarjestoillat.yml", "organisers: [", "organisers: [kuoro-vuoksenlaulu, ")
    # a wanted notice of another association, on the page of the association whose space it fits
    edit(content / "notices" / "2026" / "kokoontumistila-haussa-silta.md", wanted, "Kielikahvilalle etsitään tilaa")
    # a joint notice of another association, on its partner's page
    edit(content / "notices" / "2026" / "soveltava-liikunta-yhteistyo.md", joint, "Soveltava liikunta yhdessä")
    after = build()
    assert as_cold(after, "cold")
    shown = {"yhdistykset/nuorisoyhdistys-kipina/": "Pistekirjoituksen opetusta",
             "yhdistykset/kotiseutuyhdistys-koskenhelmi/": 'data-capacity="4"',
             "yhdistykset/kuoro-vuoksenlaulu/": "Järjestöillat",
             "yhdistykset/invalidiyhdistys-askel/": "Kielikahvilalle etsitään tilaa",
             "yhdistykset/tukiviittoma/": "Soveltava liikunta yhdessä"}
    for address, text in shown.items():
        assert text not in before[f"{address}index.html"].decode() and text in after[f"{address}index.html"].decode()
    for text in ("Kielikahvilalle", "Soveltava liikunta", "4 hlöä, Imatrankoski"):  # in letters too
        assert any(text.encode() in after[f"viikkokirje/{w}/index.html"] for w in letters)
    assert {address: page(address).stat().st_ino for address in kept} == inodes  # left in place

    # a series' name, on its organiser's page and its notices' pages
    edit(content / "series" / "jarjestoillat.yml", "name: Järjestöillat", "name: Järjestöjen illat")
    after = build()
    assert as_cold(after, "cold-again")
    assert "Järjestöjen illat" in after["yhdistykset/etela-karjalan-jarjestoverkosto/index.html"].decode()


def test_attributes_the_article_was_made_with_count_by_its_file_and_added_ones_by_what_they_are():
    profile, notice = SimpleNamespace(name="Yhdistys ry"), SimpleNamespace(title="Konsertti", body="Tervetuloa")
    read = "Konsertti"  # the title as read: Pelican copies it from the metadata

    def made(title, content, expired=False):
        article = _Article(notice, profile)
        article.title, article._content, article.slug = title, content, "konsertti"
        article.metadata["title"] = read
        article._made_names = frozenset(["metadata", "notice", "title", "_content", "slug"])
        article.expired = expired  # added by a later step of the build
        return article

    key = article_key("site", made(read, "<p>Tervetuloa</p>"), b"file-1", {})
    # as made: the file's digest stands for them
    assert article_key("site", made(read, "<p>muu</p>"), b"file-1", {}) == key
    assert article_key("site", made(read, "<p>Tervetuloa</p>"), b"file-2", {}) != key
    # a copy of the metadata that is no longer that object counts by what it is
    assert article_key("site", made("Konsertti, peruttu", "<p>Tervetuloa</p>"), b"file-1", {}) != key
    # what later steps added counts by what it is
    assert article_key("site", made(read, "<p>Tervetuloa</p>", expired=True), b"file-1", {}) != key
    # without the file's digest, everything counts by what it is
    assert article_key("site", made(read, "<p>muu</p>")) != article_key("site", made(read, "<p>x</p>"))


def test_the_installed_libraries_are_read_once_while_the_path_and_its_folders_stay_as_they_are(monkeypatch, tmp_path):
    settings = {"THEME": str(ROOT / "theme"), "PLUGINS": []}
    other = tmp_path / "muu"
    other.mkdir()
    monkeypatch.setattr(sys, "path", [str(tmp_path), *sys.path])
    key = site_key(settings)
    read, distributions = [], reuse.metadata.distributions
    monkeypatch.setattr(reuse.metadata, "distributions", lambda **kw: read.append(kw) or distributions(**kw))
    assert site_key(settings) == key and read == []
    # installed into a folder already on the path: the folder's time changes
    (tmp_path / "uusi_kirjasto-1.0.dist-info").mkdir()
    (tmp_path / "uusi_kirjasto-1.0.dist-info" / "METADATA").write_text("Name: uusi-kirjasto\nVersion: 1.0\n")
    assert site_key(settings) != key and len(read) == 1
    # a folder added to the path (Pelican adds the working folder) is read alone
    monkeypatch.setattr(sys, "path", [str(other), *sys.path])
    site_key(settings)
    assert [kw["path"] for kw in read[1:]] == [[str(other)]]


def test_the_files_of_a_folder_are_those_written_and_those_left_in_place_under_it(tmp_path):
    reuse_ = PageReuse()
    previous, output = tmp_path / "edellinen", tmp_path / "uusi"
    reuse_.output_path, reuse_.previous = str(output), str(previous)
    reuse_.old_files = {name: [1, 1] for name in (
        "ilmoitukset/a/index.html", "ilmoitukset/b/index.html", "ilmoitukset/b/tapahtuma.ics",
        "ilmoitukset/c/index.html", "ilmoitukset-vanhat/d/index.html", "yhdistykset/e/index.html", "index.html")}
    reuse_.kept = {"ilmoitukset/a/index.html", "ilmoitukset/b/tapahtuma.ics", "ilmoitukset-vanhat/d/index.html",
                   "yhdistykset/e/index.html", "index.html"}
    (output / "ilmoitukset" / "c").mkdir(parents=True)
    (output / "ilmoitukset" / "c" / "index.html").write_text("uusi")
    assert reuse_.files(str(output), "ilmoitukset", ".html") == [
        ("ilmoitukset/a/index.html", str(previous / "ilmoitukset/a/index.html")),
        ("ilmoitukset/c/index.html", str(output / "ilmoitukset/c/index.html"))]
    assert [name for name, _ in reuse_.files(str(output), "ilmoitukset/b")] == ["ilmoitukset/b/tapahtuma.ics"]
    assert reuse_.files(str(tmp_path / "muu"), "yhdistykset") == []  # another site: nothing left in place there
