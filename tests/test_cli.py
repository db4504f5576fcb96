"""The `bulletin` command as an editor uses it."""
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from bulletin_cli.cli import main
from conftest import ROOT, notice_text


def test_check_example_content_is_clean(capsys):
    assert main(["check"]) == 0
    assert "ei virheitä" in capsys.readouterr().err


def test_check_one_file_and_exit_status(site, capsys):
    good = site.notice("hyva.md", notice_text())
    bad = site.notice("huono.md", notice_text(category="kokous"))
    assert site.check(good) == 0
    assert site.check(bad) == 1
    out = capsys.readouterr().out
    assert out.count("\n") == 1 and "huono.md:4: Tuntematon aihe kokous." in out


def test_check_a_file_outside_the_content_folder(site, tmp_path, capsys):
    outside = tmp_path / "lahetys.md"
    outside.write_text(notice_text(date="2026-02-30"), encoding="utf-8")
    assert site.check(outside) == 1
    assert "lahetys.md:5: Päivämäärää 2026-02-30 ei ole olemassa" in capsys.readouterr().out


@pytest.mark.parametrize("extra, message", [
    ("space: ei-ole", "Tilaa ei-ole ei löydy"),  # rules that need the site's other files
    ("series: ei-ole", "ei-ole"),
])
def test_a_file_outside_the_content_folder_gets_the_verdict_it_gets_inside(site, tmp_path, capsys, extra, message):
    text = notice_text(category="tilat" if "space" in extra else "tiedotteet", extra=extra)
    outside = tmp_path / "lahetys.md"
    outside.write_text(text, encoding="utf-8")
    inside = site.notice("lahetys.md", text)
    assert site.check(inside) == 1
    said_inside = capsys.readouterr().out.replace(str(inside), "FILE")
    assert message in said_inside
    inside.unlink()
    assert site.check(outside) == 1
    assert capsys.readouterr().out.replace(str(outside), "FILE") == said_inside


@pytest.mark.parametrize("name", ["kerho.yml", "kerho.yaml"])
def test_check_of_a_profile_file_outside_the_content_folder_says_where_to_put_it(site, tmp_path, capsys, name):
    # the profile and space forms' download: not a notice that should end in .md
    outside = tmp_path / name
    outside.write_text("name: Kerho ry\n", encoding="utf-8")
    assert site.check(outside) == 1
    content = site.content
    assert capsys.readouterr().out.splitlines() == [
        f"{outside}:1: Tiedosto {name} tarkistetaan kansiossaan: siirrä yhdistyksen tiedot kansioon "
        f"{content / 'associations'}, tila kansioon {content / 'spaces'} tai sarja kansioon {content / 'series'} "
        "ja tarkista se siellä."]


def test_check_of_a_folder_checks_the_files_in_it(site, capsys):
    # `bulletin check content/notices/2026`: the folder's files, as the whole check sees them
    site.notice("2026/hyva.md", notice_text())
    bad = site.notice("2026/syksy/huono.md", notice_text("Huono", category="kokous"))
    site.notice("2025/muu.md", notice_text("Muu", category="kokous"))  # not asked about
    assert site.check(site.content / "notices" / "2026") == 1
    out, err = capsys.readouterr()
    assert [line.split(": ")[0] for line in out.splitlines()] == [f"{bad}:4"]  # not 2025/muu.md
    assert "Tuntematon aihe kokous" in out and "tiedostoa ei ole" not in err
    bad.unlink()
    assert site.check(site.content / "notices" / "2026") == 0
    assert "1 tiedosto tarkistettu, ei virheitä." in capsys.readouterr().err


def test_check_a_new_file_that_takes_an_existing_address(site, capsys):
    site.notice("2025/kokous.md", notice_text())
    new = site.notice("2026/kokous.md", notice_text())
    assert site.check(new) == 1
    assert "saman osoitteen" in capsys.readouterr().out


def test_check_of_a_new_file_refuses_it_when_it_sorts_before_the_file_of_its_address(site, capsys):
    # Kevat.md comes before kevat.md: the build refuses the pair, so the check of either does
    old = site.notice("kevat.md", notice_text("Vanha"))
    new = site.notice("Kevat.md", notice_text("Uusi"))
    for path in (new, old):
        assert site.check(path) == 1
        said = capsys.readouterr().out.splitlines()
        assert said == [f"{path}:1: Tiedostot {new} ja {old} saisivat saman osoitteen kevat/. "
                        "Nimeä toinen tiedosto uudelleen."], said


def test_check_github_format(site, capsys):
    site.notice("a.md", notice_text(extra="titel: x"))
    assert main(["check", "--content", str(site.content), "--format", "github"]) == 1
    line = capsys.readouterr().out.strip()
    assert line.startswith("::error file=") and ",line=6::Tuntematon avain titel" in line


@pytest.mark.parametrize("args, message", [
    (["build", "--today", "1.12.2026"], "--today 1.12.2026: kirjoita päivä muodossa VVVV-KK-PP"),
    (["build", "--content", "/nonexistent/folder"], "kansiota ei ole"),
    (["check", "/nonexistent.md"], "/nonexistent.md: tiedostoa ei ole"),
    (["add", "/nonexistent.md"], "/nonexistent.md: tiedostoa ei ole"),
])
def test_usage_errors(args, message, capsys):
    assert main(args) == 2
    assert message in capsys.readouterr().err


def test_bad_setting_names_key_and_expected_form(tmp_path, capsys):
    settings = tmp_path / "conf.py"
    settings.write_text(f"exec(open({str(ROOT / 'pelicanconf.py')!r}).read())\n"
                        f"PATH = {str(ROOT / 'content')!r}\nTHEME = {str(ROOT / 'theme')!r}\n"
                        f"PLUGIN_PATHS = [{str(ROOT / 'plugins')!r}]\n"
                        "BULLETIN_EXPIRY_DAYS = {'tilat': 30}\n")
    assert main(["-s", str(settings), "check"]) == 2
    err = capsys.readouterr().err
    assert "BULLETIN_EXPIRY_DAYS" in err and "missing: rahoitus, tiedotteet, vapaaehtoiset, yhteistyo" in err


def test_plain_pelican_builds_the_site_too(tmp_path):
    out = tmp_path / "out"
    result = subprocess.run([sys.executable, "-m", "pelican", "content", "-s", "pelicanconf.py", "-o", str(out)],
                            cwd=ROOT, capture_output=True, text=True)
    assert result.returncode == 0, result.stderr
    assert (out / "index.html").exists() and (out / "ilmoitukset").is_dir()


def test_plain_pelican_refuses_invalid_content(site, tmp_path):
    site.notice("a.md", notice_text(date="huomenna"))
    result = subprocess.run([sys.executable, "-m", "pelican", str(site.content), "-s", "pelicanconf.py",
                             "-o", str(tmp_path / "out")], cwd=ROOT, capture_output=True, text=True)
    assert result.returncode != 0
    assert "a.md:5:" in result.stdout + result.stderr


def test_a_refused_build_ends_and_leaves_no_process_holding_its_output(tmp_path):
    # Refused at the check across files, after the lemma map's process was
    # forked: its result (more than a pipe holds) was never taken, and the
    # process stayed behind holding the build's output open, so a pipeline
    # or a CI step reading it never ended.
    content = tmp_path / "content"
    shutil.copytree(ROOT / "content", content)
    notice = next((content / "notices" / "2026").glob("*.md"))
    (content / "notices" / "kopio").mkdir()
    shutil.copy(notice, content / "notices" / "kopio" / notice.name)  # a second notice at the same address
    command = [str(Path(sys.executable).with_name("bulletin")), "build", "--content", str(content),
               "--output", str(tmp_path / "out"), "--today", "2026-12-01"]
    # reads the pipes to their end: only when every process holding them is gone
    result = subprocess.run(command, cwd=ROOT, capture_output=True, text=True, timeout=120)
    assert result.returncode == 1
    assert f"kopio/{notice.name}:1:" in result.stderr
