"""A warm rebuild takes unchanged notices from the content cache, and still
refuses everything a cold build refuses."""
import pytest

from bulletin_cli.project import cache_path
from bulletin_contract import reader

from conftest import notice_text


@pytest.fixture
def reads(monkeypatch):
    """Paths of the notices our reader reads (not taken from the cache)."""
    seen = []
    read = reader.read_notice

    def counting(path, raw, ctx):
        seen.append(path)
        return read(path, raw, ctx)

    monkeypatch.setattr(reader, "read_notice", counting)
    return seen


def test_warm_rebuild_reads_only_the_changed_notice(site, reads):
    site.notice("a.md", notice_text(title="Eka"))
    changed = site.notice("b.md", notice_text(title="Toka"))
    assert site.build() == 0
    assert len(reads) == 2
    reads.clear()
    changed.write_text(notice_text(title="Toka, korjattu"), encoding="utf-8")
    assert site.build() == 0
    assert [p.endswith("b.md") for p in reads] == [True]
    assert site.page("ilmoitukset/b/").h1.get_text() == "Toka, korjattu"
    assert site.page("ilmoitukset/a/").h1.get_text() == "Eka"


def test_cache_is_kept_outside_the_published_output(site):
    site.notice("a.md", notice_text())
    assert site.build() == 0
    assert any(cache_path(site.output).rglob("ArticlesGenerator-Readers"))
    assert not any("Readers" in p.name for p in site.output.rglob("*"))


def test_invalid_notice_is_refused_in_every_build(site, capsys):
    site.notice("a.md", notice_text())
    site.notice("rikki.md", notice_text(category="juhlat"))
    for _ in range(2):
        assert site.build() == 1
        assert "rikki.md:4:" in capsys.readouterr().err
    assert not site.output.exists()


def test_notice_broken_after_a_good_build_is_refused(site, capsys):
    site.notice("a.md", notice_text())
    path = site.notice("b.md", notice_text())
    assert site.build() == 0
    path.write_text(notice_text(category="juhlat"), encoding="utf-8")
    assert site.build() == 1
    assert "b.md:4:" in capsys.readouterr().err


def test_warm_rebuild_catches_a_duplicate_address(site, capsys):
    site.notice("2025/kevat.md", notice_text())
    assert site.build() == 0
    site.notice("2026/kevat.md", notice_text())
    assert site.build() == 1
    err = capsys.readouterr().err
    assert "2025/kevat.md" in err and "2026/kevat.md" in err


def test_warm_rebuild_notices_a_removed_association(site, reads, capsys):
    site.association("toinen", "name: Toinen yhdistys ry\n")
    site.notice("a.md", notice_text(association="toinen"))
    site.notice("b.md", notice_text())
    assert site.build() == 0
    (site.content / "associations" / "toinen.yml").unlink()
    reads.clear()
    assert site.build() == 1
    assert "a.md:3:" in capsys.readouterr().err
    assert len(reads) == 2  # other associations: every notice is checked again
