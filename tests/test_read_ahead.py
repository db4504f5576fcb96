"""Notices not in the cache are read on both cores (bulletin_contract/read_ahead.py):
a forked process reads half of them, and the build is the one a single
process makes, problems and all."""
import pytest

from bulletin_contract import read_ahead, reader
from conftest import notice_text
from test_reproducible import differences
from test_warm_identical import tree


@pytest.fixture
def reads(monkeypatch):
    """Notices this process's reader reads (a forked one counts in its own copy)."""
    seen = []
    read = reader.NoticeReader.read

    def counting(self, path):
        if "/notices/" in path:
            seen.append(path)
        return read(self, path)

    monkeypatch.setattr(reader.NoticeReader, "read", counting)
    return seen


def notices(site, count):
    for number in range(count):
        site.notice(f"n{number:02d}.md", notice_text(title=f"Ilmoitus {number}", body=f"Teksti {number}."))


def test_two_processes_read_what_one_does_and_the_build_is_the_same(site, reads, monkeypatch):
    notices(site, 24)
    monkeypatch.setattr(read_ahead, "MIN_FILES", 1000)
    assert site.build() == 0
    assert len(reads) == 24  # alone
    alone = tree(site.output)
    site.output = site.output.with_name("kaksin")
    reads.clear()
    monkeypatch.setattr(read_ahead, "MIN_FILES", 2)
    assert site.build() == 0
    assert len(reads) == 12  # the other half was read by the second process
    assert differences(tree(site.output), alone) == []


def test_notices_with_problems_read_by_either_process_are_refused_once(site, capsys, monkeypatch):
    notices(site, 10)
    for name in ("aa-rikki.md", "zz-rikki.md"):  # the first half, the second
        site.notice(name, notice_text(title="Rikki", extra="category_x: 1"))
    monkeypatch.setattr(read_ahead, "MIN_FILES", 2)
    assert site.build() == 1
    err = capsys.readouterr().err
    for name in ("aa-rikki.md", "zz-rikki.md"):
        assert err.count(f"{name}:6: Tuntematon avain category_x. Tarkoititko category?") == 1
    assert not (site.output / "ilmoitukset" / "n00").exists()  # nothing published


def test_full_collections_wait_while_notices_are_read():
    """While files are read, the collector's oldest generation is left
    alone (what is read lives to the end of the build); afterwards, as it
    was, whether a file was refused or not."""
    import gc

    class Reader:
        def read(self, path):
            during.append(gc.get_threshold())
            if path == "rikki.md":
                raise ValueError(path)
            return "<p>x</p>", {"title": path}

    during, before = [], gc.get_threshold()
    assert read_ahead._read(Reader(), ["a.md", "rikki.md", "b.md"]) == [("a.md", ("<p>x</p>", {"title": "a.md"})),
                                                               ("b.md", ("<p>x</p>", {"title": "b.md"}))]
    assert gc.get_threshold() == before
    assert len(during) == 3 and all(t[:2] == before[:2] and t[2] > 10_000 for t in during)
