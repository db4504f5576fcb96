"""A rebuild with nothing changed stops before Pelican starts
(bulletin_incremental.unchanged); any change to what the output is made
from, or to the output itself, makes a real rebuild."""
import hashlib
import os
import shutil

import pytest
from pelican import Pelican

from bulletin_incremental import unchanged

from conftest import notice_text


def stamps(output):
    """Every output file's inode and time: what a build that writes nothing leaves alone."""
    return {p.relative_to(output): (p.stat().st_ino, p.stat().st_mtime_ns)
            for p in output.rglob("*") if p.is_file()}


def files(output):
    return {p.relative_to(output): p.read_bytes() for p in output.rglob("*") if p.is_file()}


class Ran(Exception):
    pass


@pytest.fixture
def built(site, monkeypatch):
    site.notice("a.md", notice_text("Eka"))
    site.notice("b.md", notice_text("Toka"))
    assert site.build() == 0

    def ran(self):
        raise Ran()
    # From here on, a build that starts Pelican raises Ran.
    monkeypatch.setattr(Pelican, "run", ran)
    return site


def test_a_rebuild_with_nothing_changed_writes_nothing_and_says_so(built, capsys):
    before = stamps(built.output)
    capsys.readouterr()
    assert built.build() == 0
    assert stamps(built.output) == before
    assert "on jo ajan tasalla" in capsys.readouterr().err


def test_the_same_content_written_again_counts_as_unchanged(built):
    # A fresh checkout (a deploy with its output restored) has new file times, the same bytes.
    path = built.content / "notices" / "a.md"
    path.write_bytes(path.read_bytes())
    os.utime(path, ns=(1, 1))
    assert built.build() == 0


@pytest.mark.parametrize("change", [
    lambda site: site.notice("b.md", notice_text("Toka, korjattu")),
    lambda site: site.notice("c.md", notice_text("Kolmas")),
    lambda site: (site.content / "notices" / "b.md").unlink(),
    lambda site: (site.content / "notices" / "b.md").rename(site.content / "notices" / "bb.md"),
    lambda site: site.association("testikyla", "name: Testikylän Eläkkeensaajat ry\nemail: uusi@example.org\n"),
    lambda site: (site.content / "pages" / "tietoa.md").write_text("Title: Tietoa\n\nUusi teksti.\n"),
], ids=["changed", "added", "removed", "renamed", "association", "page"])
def test_any_content_change_rebuilds(built, change):
    change(built)
    with pytest.raises(Ran):
        built.build()


def test_another_day_rebuilds(built):
    with pytest.raises(Ran):
        built.build(today="2026-12-02")


def test_changed_settings_or_code_rebuild(built, monkeypatch):
    import bulletin_incremental.reuse
    monkeypatch.setattr(bulletin_incremental.reuse, "site_key", lambda settings: "toinen")
    with pytest.raises(Ran):
        built.build()


@pytest.mark.parametrize("harm", [
    lambda out: shutil.rmtree(out / "ilmoitukset" / "a"),
    lambda out: (out / "ilmoitukset" / "b" / "index.html").write_text("käsin muutettu"),
    lambda out: (out / "oma.html").write_text("käsin lisätty"),
], ids=["page removed", "page edited", "file added"])
def test_an_output_changed_by_hand_is_built_again_as_it_was(built, monkeypatch, harm):
    cold = files(built.output)
    harm(built.output)
    monkeypatch.undo()  # Pelican runs again
    assert built.build() == 0
    assert files(built.output) == cold


def test_after_a_rebuild_that_left_pages_in_place_nothing_changed_is_still_unchanged(site, monkeypatch):
    site.notice("a.md", notice_text("Eka"))
    site.notice("b.md", notice_text("Toka"))
    assert site.build() == 0
    site.notice("b.md", notice_text("Toka, korjattu"))
    assert site.build() == 0  # a's page is left in place, its stamp taken from the previous record
    page = site.output / "ilmoitukset" / "a" / "index.html"
    run = Pelican.run

    def ran(self):
        raise Ran()
    monkeypatch.setattr(Pelican, "run", ran)
    assert site.build() == 0  # the record matches the output: Pelican does not start
    page.write_text(page.read_text(encoding="utf-8") + "<!-- käsin -->", encoding="utf-8")
    with pytest.raises(Ran):  # a page left in place and then edited by hand is made again
        site.build()
    monkeypatch.setattr(Pelican, "run", run)
    assert site.build() == 0
    assert "käsin" not in page.read_text(encoding="utf-8")


def test_a_content_file_is_read_again_only_when_its_stamp_changed_or_had_just_changed(tmp_path, monkeypatch):
    notices = tmp_path / "content" / "notices"
    notices.mkdir(parents=True)
    a, b = notices / "a.md", notices / "b.md"
    a.write_bytes(b"eka")
    b.write_bytes(b"toka")
    settings = {"PATH": str(tmp_path / "content"), "CACHE_PATH": str(tmp_path / "cache")}
    read = []

    def spy(path, *args, **kwargs):
        if str(path).endswith(".md"):  # the record is opened too
            read.append(os.path.basename(path))
        return open(path, *args, **kwargs)

    monkeypatch.setattr(unchanged, "open", spy, raising=False)
    first = unchanged.content_digests(settings)
    assert sorted(read) == ["a.md", "b.md"]
    read.clear()
    assert unchanged.content_digests(settings) == first
    assert sorted(read) == ["a.md", "b.md"]  # changed just before: could change again unseen
    monkeypatch.setattr(unchanged, "SETTLED_NS", 0)  # as if a while had passed since
    read.clear()
    assert unchanged.content_digests(settings) == first
    assert read == []  # taken from the record
    b.write_bytes(b"tokb")  # the same size, and perhaps the same time
    os.utime(a, ns=(1, 1))  # the same bytes, another time
    read.clear()
    again = unchanged.content_digests(settings)
    assert sorted(read) == ["a.md", "b.md"]
    assert again[str(b)] == hashlib.sha256(b"tokb").digest() and again[str(a)] == first[str(a)]


def test_a_file_changed_among_many_is_read_anew_each_time_until_the_stamps_are_saved_again(tmp_path, monkeypatch):
    """A few files read do not save every stamp again (unchanged.py): each
    is read again next time, and its digest is always its bytes'."""
    notices = tmp_path / "content" / "notices"
    notices.mkdir(parents=True)
    for number in range(300):
        (notices / f"n{number:03d}.md").write_bytes(b"sama")
    settings = {"PATH": str(tmp_path / "content"), "CACHE_PATH": str(tmp_path / "cache")}
    monkeypatch.setattr(unchanged, "SETTLED_NS", 0)
    unchanged.content_digests(settings)
    record = tmp_path / "cache" / unchanged.STAMPS_FILE
    saved = record.stat().st_mtime_ns
    changed = notices / "n007.md"
    for version in (b"uusi", b"uusin", b"sama"):
        changed.write_bytes(version)
        assert unchanged.content_digests(settings)[str(changed)] == hashlib.sha256(version).digest()
        assert record.stat().st_mtime_ns == saved  # one file of 300 read: the stamps are not written again
    for number in range(5):  # more than one in a hundred read: saved
        (notices / f"n{number:03d}.md").write_bytes(b"muu")
    unchanged.content_digests(settings)
    assert record.stat().st_mtime_ns != saved
