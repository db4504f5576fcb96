"""A warm rebuild takes unchanged notices from the content cache, and still
refuses everything a cold build refuses."""
import shutil

import pytest

from bulletin_cli.project import cache_path
from bulletin_contract import reader
from bulletin_incremental import made_articles, reuse

from conftest import Site, notice_text


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
    assert any(cache_path(site.output).rglob(made_articles.PREFIX + "?" * 16))
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


@pytest.fixture
def share(monkeypatch):
    """Saved as what changed while at most half the entries did (a tenth
    in a real build: a small site would need many notices to show it)."""
    from bulletin_incremental import cache_delta
    monkeypatch.setattr(cache_delta, "SHARE", 0.5)


def _cache_files(site):
    from bulletin_incremental.cache_delta import CHANGED
    whole = next(cache_path(site.output).rglob(made_articles.PREFIX + "?" * 16))
    return whole, whole.with_name(whole.name + CHANGED)


def _keys(path):
    import pickle
    with open(path, "rb") as handle:
        return sorted(key.rsplit("/", 1)[1] for key in pickle.load(handle) if isinstance(key, str))  # not chunks


def test_a_rebuild_saves_only_the_entries_it_read_again(site, reads, share):
    notices = [site.notice(f"n{i}.md", notice_text(title=f"Ilmoitus {i}")) for i in range(5)]
    assert site.build() == 0
    whole, changed = _cache_files(site)
    before = whole.read_bytes()
    assert not changed.exists()
    notices[1].write_text(notice_text(title="Ilmoitus 1, korjattu"), encoding="utf-8")
    assert site.build() == 0
    assert whole.read_bytes() == before
    assert _keys(changed) == ["n1.md"]
    reads.clear()
    notices[3].write_text(notice_text(title="Ilmoitus 3, korjattu"), encoding="utf-8")
    assert site.build() == 0
    assert [p.rsplit("/", 1)[1] for p in reads] == ["n3.md"]  # n1.md taken from the second file
    assert whole.read_bytes() == before
    assert _keys(changed) == ["n1.md", "n3.md"]
    assert site.page("ilmoitukset/n1/").h1.get_text() == "Ilmoitus 1, korjattu"
    assert site.page("ilmoitukset/n3/").h1.get_text() == "Ilmoitus 3, korjattu"


def test_the_whole_cache_is_written_again_when_much_changed(site, reads, share):
    notices = [site.notice(f"n{i}.md", notice_text(title=f"Ilmoitus {i}")) for i in range(4)]
    assert site.build() == 0
    whole, changed = _cache_files(site)
    notices[0].write_text(notice_text(title="Uusi 0"), encoding="utf-8")
    assert site.build() == 0
    assert changed.exists()
    for i in (1, 2):
        notices[i].write_text(notice_text(title=f"Uusi {i}"), encoding="utf-8")
    assert site.build() == 0
    assert not changed.exists()
    assert _keys(whole) == ["n0.md", "n1.md", "n2.md", "n3.md"]
    reads.clear()
    notices[3].write_text(notice_text(title="Uusi 3"), encoding="utf-8")
    assert site.build() == 0
    assert [p.rsplit("/", 1)[1] for p in reads] == ["n3.md"]
    assert [site.page(f"ilmoitukset/n{i}/").h1.get_text() for i in range(4)] == [f"Uusi {i}" for i in range(4)]


def test_an_entry_left_behind_never_stands_for_a_changed_notice(site, reads, share):
    """A second file from an earlier build (as a build stopped midway could
    leave) holds an older version of a notice: its stamp no longer matches,
    so the notice is read again."""
    notices = [site.notice(f"n{i}.md", notice_text(title=f"Ilmoitus {i}")) for i in range(5)]
    assert site.build() == 0
    notices[1].write_text(notice_text(title="Versio 2"), encoding="utf-8")
    assert site.build() == 0
    whole, changed = _cache_files(site)
    older = changed.read_bytes()
    notices[1].write_text(notice_text(title="Versio 3"), encoding="utf-8")
    assert site.build() == 0
    changed.write_bytes(older)
    reads.clear()
    notices[4].write_text(notice_text(title="Ilmoitus 4, korjattu"), encoding="utf-8")
    assert site.build() == 0
    assert sorted(p.rsplit("/", 1)[1] for p in reads) == ["n1.md", "n4.md"]
    assert site.page("ilmoitukset/n1/").h1.get_text() == "Versio 3"


def test_a_build_collects_young_objects_less_often_and_puts_the_collector_back(site, monkeypatch):
    """Young collections wait for YOUNG_COLLECTION new objects while Pelican
    builds; after the build, refused or not, the thresholds are as before."""
    import gc

    from bulletin_cli import project

    during, before, run = [], gc.get_threshold(), project.Pelican.run

    def recording(self):
        during.append(gc.get_threshold())
        return run(self)

    monkeypatch.setattr(project.Pelican, "run", recording)
    assert site.build() == 0
    assert gc.get_threshold() == before
    site.notice("rikki.md", notice_text(title="Rikki", extra="category_x: 1"))
    assert site.build() == 1
    assert gc.get_threshold() == before
    assert during == [(project.YOUNG_COLLECTION, *before[1:])] * 2 and project.YOUNG_COLLECTION > before[0]


def test_records_replace_the_json_an_earlier_version_left(site):
    site.notice("a.md", notice_text())
    assert site.build() == 0
    records = {p.parent for p in cache_path(site.output).rglob(f"{reuse.KEYS_FILE}{reuse.RECORD}")}
    assert len(records) == 1
    [folder] = records
    old = [folder / f"{reuse.KEYS_FILE}.json", folder / f"{reuse.FILES_RECORD}.json",
           cache_path(site.output) / "build-inputs.json"]
    for path in old:
        path.write_text("{}", encoding="utf-8")
    site.notice("b.md", notice_text(title="Toinen"))
    assert site.build() == 0
    assert not any(path.exists() for path in old)
    assert reuse.read_record(folder / f"{reuse.KEYS_FILE}{reuse.RECORD}")  # the new ones are read back


def test_simplemmas_dictionary_outlives_the_rule_sets_cache(site, dictionaries_made, reads):
    """An association removed empties the rule set's folder (contract's
    cache.py); simplemma's prepared dictionary, a function of its version
    alone, is kept above it and not made again."""
    site.association("toinen", "name: Toinen yhdistys ry\ndescription: Uusi jäsen.\n")
    site.notice("a.md", notice_text(title="Kevätkonsertti kirkossa", body="Tervetuloa kuuntelemaan kuoroa."))
    assert site.build() == 0
    root = cache_path(site.output)
    assert [path.name for path in root.glob("simplemma-*-fi.pickle")] and dictionaries_made.read_text() == "fi\n"
    (site.content / "associations" / "toinen.yml").unlink()
    reads.clear()
    assert site.build() == 0
    assert reads  # started afresh: its words are looked up again
    assert not list(root.glob("*/simplemma-*"))
    assert dictionaries_made.read_text() == "fi\n"  # not made again


SERIES = "name: Kevään illat\ndescription: Illat keväällä.\norganisers: [testikyla]\n"


def _with_series_and_file(site):
    (site.content / "series").mkdir()
    (site.content / "series" / "illat.yml").write_text(SERIES, encoding="utf-8")
    (site.content / "files").mkdir()
    (site.content / "files" / "muistio.pdf").write_bytes(b"%PDF-1.4\n%%EOF\n")
    site.notice("sarja.md", notice_text(title="Ilta sarjassa", extra="series: illat"))
    site.notice("liite.md", notice_text(title="Muistio",
                                        extra='materials:\n  "Muistio (PDF)": "{static}/files/muistio.pdf"'))
    site.notice("muu.md", notice_text(title="Muu"))


def test_what_is_added_keeps_the_cache(site, reads):
    """A new association, series, space or file cannot make a cached notice
    invalid: only the new notices are read."""
    _with_series_and_file(site)
    assert site.build() == 0
    site.association("toinen", "name: Toinen yhdistys ry\n")
    (site.content / "series" / "syksy.yml").write_text(SERIES.replace("Kevään", "Syksyn"), encoding="utf-8")
    (site.content / "files" / "kutsu.pdf").write_bytes(b"%PDF-1.4\n%%EOF\n")
    site.notice("uusi.md", notice_text(title="Uusi", association="toinen", extra="series: syksy\nmaterials:\n"
                                       '  "Kutsu (PDF)": "{static}/files/kutsu.pdf"'))
    reads.clear()
    assert site.build() == 0
    assert [path.rsplit("/", 1)[1] for path in reads] == ["uusi.md"]


def test_a_record_that_cannot_be_written_makes_the_next_build_start_afresh(site, reads, monkeypatch):
    """Unrecorded, what a build caches could outlive a removal the record
    would have shown: the next build reads every notice again."""
    from bulletin_contract import cache

    _with_series_and_file(site)
    assert site.build() == 0
    site.association("toinen", "name: Toinen yhdistys ry\n")  # the record changes

    def cannot(*args, **kwargs):
        raise OSError("levy täynnä")

    with monkeypatch.context() as patched:
        patched.setattr(cache.json, "dump", cannot)
        assert site.build() == 0
    assert not list(cache_path(site.output).glob(f"*/{cache.NAMED}"))
    site.notice("uusi.md", notice_text(title="Uusi"))  # not "up to date": Pelican runs
    reads.clear()
    assert site.build() == 0
    assert sorted(path.rsplit("/", 1)[1] for path in reads) == ["liite.md", "muu.md", "sarja.md", "uusi.md"]


@pytest.mark.parametrize("removed, named_by, line", [
    ("series/illat.yml", "sarja.md", 6),
    ("files/muistio.pdf", "liite.md", 7),
    ("associations/testikyla.yml", "muu.md", 3),
])
def test_what_is_removed_refuses_a_cached_notice_as_a_cold_build_does(site, capsys, removed, named_by, line):
    _with_series_and_file(site)
    assert site.build() == 0
    (site.content / removed).unlink()
    capsys.readouterr()
    assert site.build() == 1
    warm = capsys.readouterr().err
    assert f"{named_by}:{line}:" in warm and "Traceback" not in warm
    cold = Site(site.root / "cold")
    shutil.rmtree(cold.content)
    shutil.copytree(site.content, cold.content)
    assert cold.build() == 1
    assert _problems(capsys.readouterr().err) == _problems(warm)


def _problems(err):
    """The problem lines of a build's messages, the content folder's path left out."""
    return sorted(line.split("/content/", 1)[1] for line in err.splitlines() if "/content/" in line)
