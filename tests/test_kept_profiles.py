"""Association, series and space files read in an earlier build are taken as
they were read, and read again whenever anything their reading depends on
changed (bulletin_incremental/kept_profiles.py)."""
import shutil

import pytest
from pelican.settings import read_settings

from bulletin_contract import validate
from bulletin_contract.checks import load_profiles, load_spaces
from bulletin_i18n import Translator
from bulletin_incremental.kept_profiles import FILE, KeptProfiles
from bulletin_settings import with_defaults
from conftest import ROOT

T = Translator("fi")
DESCRIPTION_IMAGE = "images/kerho.png"
# one image in a description, one series by it: what its reading depends on beyond its own bytes
ASSOCIATION = f"""\
name: Kuvakerho ry
description: |
  Kokoonnumme **tiistaisin**.

  ![Kerhohuone]({{static}}/{DESCRIPTION_IMAGE})
groups: [eläkeläiset]
email: kuvakerho@example.org
"""
SERIES = """\
name: Kuvakerhon illat
description: Illat *kerhohuoneella*.
organisers: [kuvakerho]
"""


@pytest.fixture
def content(tmp_path):
    folder = tmp_path / "content"
    shutil.copytree(ROOT / "content", folder)
    (folder / "associations" / "kuvakerho.yml").write_text(ASSOCIATION, encoding="utf-8")
    (folder / "series" / "kuvakerhon-illat.yml").write_text(SERIES, encoding="utf-8")
    (folder / DESCRIPTION_IMAGE).parent.mkdir(exist_ok=True)
    (folder / DESCRIPTION_IMAGE).write_bytes(b"\x89PNG\r\n\x1a\n")
    return folder


def settings_for(content, **more):
    return with_defaults(read_settings(str(ROOT / "pelicanconf.py"), override={
        "PATH": str(content), "CACHE_PATH": str(content.parent / "cache"), **more}))


class Reads:
    """Every profile file the contract's reader reads (not takes from the kept ones)."""

    def __init__(self, monkeypatch):
        self.paths = []
        read = validate._yaml_profile

        def counted(path, *args, **kwargs):
            self.paths.append(path.name)
            return read(path, *args, **kwargs)

        monkeypatch.setattr(validate, "_yaml_profile", counted)


def load(settings, kept=True):
    """(associations, series, spaces, problems) as a build loads them."""
    reads = KeptProfiles(settings) if kept else None
    associations, series, problems, ctx = load_profiles(settings["PATH"], settings, T, reads)
    spaces, more = load_spaces(settings["PATH"], ctx, reads)
    if reads is not None:
        reads.save()
    return associations, series, spaces, [str(p) for p in problems + more]


def test_a_rebuild_takes_every_profile_as_it_was_read(content, monkeypatch):
    settings = settings_for(content)
    first = load(settings)
    reads = Reads(monkeypatch)
    again = load(settings)
    assert reads.paths == []
    assert again == first == load(settings, kept=False)  # read afresh: the same
    association = again[0]["kuvakerho"]
    assert "<strong>tiistaisin</strong>" in association.description_html and "kerho.png" in association.description_html
    assert "<em>kerhohuoneella</em>" in again[1]["kuvakerhon-illat"].description_html
    assert again[2] and all(space.description_html for space in again[2].values() if space.description)


def test_a_changed_file_alone_is_read_again(content, monkeypatch):
    settings = settings_for(content)
    load(settings)
    path = content / "associations" / "kuvakerho.yml"
    path.write_text(ASSOCIATION.replace("Kuvakerho ry", "Kuvakerho ja Kamerat ry"), encoding="utf-8")
    reads = Reads(monkeypatch)
    associations, *_ = load(settings)
    assert reads.paths == ["kuvakerho.yml"]
    assert associations["kuvakerho"].name == "Kuvakerho ja Kamerat ry"


def test_a_removed_image_refuses_the_kept_association(content):
    settings = settings_for(content)
    assert load(settings)[3] == []
    (content / DESCRIPTION_IMAGE).unlink()
    associations, _, _, problems = load(settings)
    assert "kuvakerho" not in associations
    assert any("kuvakerho.yml" in problem and "kerho.png" in problem for problem in problems)


def test_a_removed_organiser_refuses_the_kept_series(content):
    settings = settings_for(content)
    load(settings)
    (content / "associations" / "kuvakerho.yml").unlink()
    _, series, _, problems = load(settings)
    assert "kuvakerhon-illat" not in series
    assert any("kuvakerhon-illat.yml" in problem for problem in problems)


def test_other_settings_or_another_working_folder_read_every_file(content, monkeypatch, tmp_path):
    settings = settings_for(content)
    load(settings)
    reads = Reads(monkeypatch)
    load(settings_for(content, SITENAME="Toinen nimi"))  # a setting the reading context does not have
    everything = len(reads.paths)
    assert everything > 20
    reads.paths.clear()
    load(settings)
    monkeypatch.chdir(tmp_path)  # a profile's path is shown relative to the working folder
    load(settings)
    assert len(reads.paths) == 2 * everything


def test_a_file_with_problems_is_never_kept(content, monkeypatch):
    settings = settings_for(content)
    broken = content / "associations" / "rikki.yml"
    broken.write_text("name: Rikki ry\nemail: ei-osoite\n", encoding="utf-8")
    first = load(settings)[3]
    reads = Reads(monkeypatch)
    assert load(settings)[3] == first and any("rikki.yml" in problem for problem in first)
    assert reads.paths == ["rikki.yml"]


def test_an_unreadable_kept_file_reads_every_file(content, monkeypatch):
    settings = settings_for(content)
    first = load(settings)
    kept = content.parent / "cache" / FILE
    kept.write_bytes(kept.read_bytes()[:100])
    reads = Reads(monkeypatch)
    assert load(settings) == first
    assert len(reads.paths) > 20
    reads.paths.clear()
    assert load(settings) == first and reads.paths == []  # and it was written whole again
