"""Mistakes editors and submitters make: every one gets a clear message and
a non-zero exit, never a traceback, a lost value or a file in a wrong place."""
import io
from pathlib import Path

import pytest

from bulletin_cli import serve as serve_module
from bulletin_cli.cli import main
from conftest import ROOT, event_text, notice_text

# add, new and from-issue refuse events that are over: a fixed day keeps these tests valid
pytestmark = pytest.mark.usefixtures("example_today")


def run(args, capsys):
    status = main(args)
    out, err = capsys.readouterr()
    return status, out, err


# --- commands and their arguments --------------------------------------------

@pytest.mark.parametrize("day", ["0001-01-01", "9999-12-31"])
def test_today_far_from_now_is_a_usage_error(site, day, capsys):
    status, _out, err = run(["build", "--content", str(site.content), "--output", str(site.output),
                             "--today", day], capsys)
    assert status == 2 and "--today" in err and "VVVV-KK-PP" in err


def test_output_that_is_a_file_or_the_root_is_refused(site, tmp_path, capsys):
    a_file = tmp_path / "notes.txt"
    a_file.write_text("keep me", encoding="utf-8")
    for output in (a_file, "/"):
        status, _out, err = run(["build", "--content", str(site.content), "--output", str(output)], capsys)
        assert status == 2 and "--output" in err, err
    assert a_file.read_text(encoding="utf-8") == "keep me"


@pytest.mark.parametrize("where", ["julkaisu", "notices/julkaisu"])
def test_output_inside_the_content_folder_is_refused_before_anything_is_written(site, capsys, where):
    # the build's files (and its cache beside them) would be read as content: the check broke on them after
    output = site.content / where
    before = sorted(site.content.rglob("*"))
    status, _out, err = run(["build", "--content", str(site.content), "--output", str(output)], capsys)
    assert status == 2
    assert err.strip() == (f"bulletin build: --output {output}: kansio on sisältökansiossa {site.content}; "
                           "valitse kansio sen ulkopuolelta.")
    assert sorted(site.content.rglob("*")) == before
    assert site.check() == 0


def test_output_where_nothing_can_be_written_is_a_usage_error(site, capsys):
    status, _out, err = run(["build", "--content", str(site.content), "--output", "/proc/bulletin-out"], capsys)
    assert status == 2 and "--output" in err


def broken_settings(tmp_path, line):
    settings = tmp_path / "conf.py"
    settings.write_text(f"exec(open({str(ROOT / 'pelicanconf.py')!r}).read())\n"
                        f"PATH = {str(ROOT / 'content')!r}\nTHEME = {str(ROOT / 'theme')!r}\n"
                        f"PLUGIN_PATHS = [{str(ROOT / 'plugins')!r}]\n{line}\n")
    return settings


@pytest.mark.parametrize("line", ["SITENAME = 'Ilmoitukset", "OUTPUT_PATH = 5", "SITENAME = NIMI"])
def test_a_broken_settings_file_names_its_line(tmp_path, line, capsys):
    settings = broken_settings(tmp_path, line)
    status, _out, err = run(["-s", str(settings), "check"], capsys)
    assert status == 2 and f"{settings}:" in err and "Traceback" not in err


def test_serve_keeps_going_when_the_settings_break(tmp_path, capsys):
    settings = broken_settings(tmp_path, "SITENAME = 'Ilmoitukset")

    def load():
        from bulletin_cli.project import load_settings
        return load_settings(str(settings))

    assert serve_module._rebuild(load) is False
    assert "conf.py:5" in capsys.readouterr().err

    def explode():
        raise RuntimeError("template being edited")

    assert serve_module._rebuild(explode) is False
    assert "template being edited" in capsys.readouterr().err


# --- add: what comes in by e-mail ----------------------------------------------

def test_add_refuses_a_windows_1252_file_instead_of_mangling_it(site, tmp_path, capsys):
    mail = tmp_path / "viesti.txt"
    mail.write_bytes(("Hei!\n\n" + notice_text(title="Kevätjuhla äitienpäivänä")).encode("cp1252"))
    status, out, err = run(["add", str(mail), "--content", str(site.content)], capsys)
    assert status == 1 and out == ""
    assert f"{mail}:4: " in err and "UTF-8" in err
    assert not list((site.content / "notices").rglob("*.md"))


def test_add_from_standard_input_in_another_encoding(site, monkeypatch, capsys):
    raw = notice_text(title="Kevätjuhla").encode("cp1252")
    monkeypatch.setattr("sys.stdin", io.TextIOWrapper(io.BytesIO(raw), encoding="utf-8",
                                                      errors="surrogateescape"))
    status, _out, err = run(["add", "-", "--content", str(site.content)], capsys)
    assert status == 1 and "stdin:2: " in err and "UTF-8" in err


def test_add_from_standard_input_in_utf8(site, monkeypatch, capsys):
    raw = ("Terveisin\r\n\r\n" + notice_text(title="Kevätjuhla")).encode("utf-8")
    monkeypatch.setattr("sys.stdin", io.TextIOWrapper(io.BytesIO(raw), encoding="utf-8"))
    status, out, err = run(["add", "-", "--content", str(site.content)], capsys)
    assert status == 0, err
    assert 'title: "Kevätjuhla"' in Path(out.strip()).read_text(encoding="utf-8")


# --- front matter as a secretary writes it -------------------------------------

def check_one(site, name, text, capsys):
    path = site.notice(name, text)
    status = site.check(path)
    out, _err = capsys.readouterr()
    return status, out.strip().splitlines()


@pytest.mark.parametrize("title_line, line, expected", [
    ("title: Joulujuhla: tervetuloa kaikki", 2, 'Kirjoita koko arvo lainausmerkkeihin: title: "Joulujuhla: tervetuloa kaikki"'),
    ("title: 'Pikkujoulu's'", 2, 'lainausmerkkeihin: title: "Pikkujoulu\'s"'),
    ('title: "Joulujuhla" ja muuta', 2, "lainausmerkkeihin: title: '\"Joulujuhla\" ja muuta'"),
    ("title: ”Joulujuhla”", 2, 'Kirjoita suorat lainausmerkit: title: "Joulujuhla"'),
    ("title: Joulujuhla #2", 2, 'Merkin # jälkeinen teksti jäisi pois. Kirjoita koko arvo lainausmerkkeihin: '
                                'title: "Joulujuhla #2"'),
    ("title:Joulujuhla", 2, "Kaksoispisteen jälkeen puuttuu välilyönti. Kirjoita: title: Joulujuhla"),
    ("title:\u00a0Joulujuhla", 2, "erikoisvälilyönti"),
])
def test_yaml_mistakes_get_the_line_to_write_instead(site, title_line, line, expected, capsys):
    text = notice_text().replace('title: "Testi-ilmoitus"', title_line)
    status, lines = check_one(site, "a.md", text, capsys)
    assert status == 1 and len(lines) == 1, lines
    assert lines[0].startswith(f"content/notices/a.md:{line}: ") or f"a.md:{line}: " in lines[0]
    assert expected in lines[0]


@pytest.mark.parametrize("change, line, expected", [
    (lambda t: t.replace('  location', '   location'), 8, "Rivin sisennys on väärin"),
    (lambda t: t.replace('  location', '\u00a0\u00a0location'), 8, "erikoisvälilyönti"),
    (lambda t: t.replace('  start: "2026-12-05 18:00"', '  start: “2026-12-05 18:00”'), 7,
     'Kirjoita suorat lainausmerkit: start: "2026-12-05 18:00"'),
])
def test_yaml_mistakes_in_the_event_group(site, change, line, expected, capsys):
    status, lines = check_one(site, "a.md", change(event_text()), capsys)
    assert status == 1 and len(lines) == 1, lines
    assert f"a.md:{line}: " in lines[0] and expected in lines[0]
    assert "mapping values" not in lines[0] and "expected" not in lines[0]


def test_tabs_and_odd_spaces_are_named_on_every_line_at_once(site, capsys):
    # pasted from a word processor, the front matter has them on many lines: each is told in one run
    text = event_text().replace("  start", "\tstart").replace("  location", "\u00a0\u00a0location")
    status, lines = check_one(site, "a.md", text.replace("category:", "category:\u00a0"), capsys)
    assert status == 1
    assert [line.split(": ")[0].rsplit(":", 1)[1] for line in lines] == ["4", "7", "8"], lines
    assert "sarkain" in lines[1].lower() and all("erikoisvälilyönti" in lines[i] for i in (0, 2)), lines


@pytest.mark.parametrize("title_line, title", [
    ('title: "“Kesäyö” ja “Talviyö”"', "“Kesäyö” ja “Talviyö”"),
    ("title: Kirja ”Seitsemän veljestä”", "Kirja ”Seitsemän veljestä”"),
    ('title: "Joulujuhla #2"  # toinen kerta', "Joulujuhla #2"),
    ("title: Joulujuhla#2", "Joulujuhla#2"),
])
def test_quotes_and_hashes_that_are_meant_pass(site, title_line, title, capsys):
    site.notice("a.md", notice_text().replace('title: "Testi-ilmoitus"', title_line))
    assert site.build() == 0, capsys.readouterr()
    assert site.page("ilmoitukset/a/").h1.get_text(strip=True) == title


# --- dates and times as people write them --------------------------------------

@pytest.mark.parametrize("start, expected", [
    ("5.12.2026 klo 18", 'event.start: 2026-12-05 18:00'),
    ("la 5.12.2026 klo 18.30", 'event.start: 2026-12-05 18:30'),
    ("5.12.2026 kello 18.30", 'event.start: 2026-12-05 18:30'),  # as the form and the issue form read it
    ("2026-12-5", "event.start: 2026-12-05"),
    ("2026-12-05 18.00", "event.start: 2026-12-05 18:00"),
    ("la 5.12. klo 18", 'puuttuu vuosi. Kirjoita koko päivämäärä muodossa VVVV-KK-PP, jossa VVVV on vuosi: '
                        'event.start: "VVVV-12-05 18:00"'),
])
def test_near_miss_dates_get_the_iso_to_write(site, start, expected, capsys):
    status, lines = check_one(site, "a.md", event_text(start=start), capsys)
    assert status == 1 and len(lines) == 1 and "a.md:7: " in lines[0], lines
    assert expected in lines[0]


def test_an_end_written_with_klo_gets_the_time_to_write(site, capsys):
    status, lines = check_one(site, "a.md", event_text(end="klo 20"), capsys)
    assert status == 1 and "a.md:8: " in lines[0] and 'event.end: "20:00"' in lines[0], lines


def test_commands_take_dates_as_people_write_them(site, capsys):
    status, out, err = run(["new", "--content", str(site.content), "--title", "Joulujuhla",
                            "--association", "testikyla", "--category", "tapahtumat", "--date", "20.11.2026",
                            "--start", "la 5.12.2026 klo 18", "--end", "klo 20", "--location", "Kerhohuone",
                            "--body", "Tervetuloa!"],
                           capsys)
    assert status == 0, err
    text = Path(out.strip()).read_text(encoding="utf-8")
    assert 'start: "2026-12-05 18:00"' in text and 'end: "20:00"' in text


# --- an association whose file check refuses ----------------------------------

def test_a_notice_of_an_association_whose_file_is_refused_says_so_at_every_door(site, tmp_path, capsys):
    """Not "no such association; add the file" (it is there), nor a traceback
    with the notice written and the association's file not."""
    from test_editor_commands import issue_body, profile_body
    broken = site.association("rikki", "name: Rikki ry\nfounded: vuonna 1990\n")
    said = (f"Yhdistyksen rikki tiedostossa {broken} on virheitä, joten siihen ei voi vielä viitata. "
            f"Korjaa ensin tiedosto: bulletin check {broken}")
    for written in ("rikki", "Rikki ry"):
        notice = site.notice("x.md", notice_text(association=written))
        status, out, _err = run(["check", "--content", str(site.content), str(notice)], capsys)
        assert status == 1 and out.splitlines() == [f"{notice}:3: {said}."], out
        notice.unlink()
    status, out, err = run(["new", "--content", str(site.content), "--title", "Kokous", "--association", "rikki",
                            "--category", "tiedotteet", "--body", "Tervetuloa."], capsys)
    assert status == 1 and said in err and out == ""
    status, paths, err, comment = site.from_issue(issue_body(Yhdistys="Rikki ry"), capsys)
    assert status == 1 and paths == [] and said in err and said in comment
    assert list((site.content / "notices").rglob("*.md")) == []
    # nor is it written over as a new association's file by the profile form's issue
    status, paths, err, comment = site.from_issue(profile_body(**{"Yhdistyksen nimi": "Rikki ry"}), capsys)
    assert status == 1 and paths == [] and said in err and said in comment
    assert broken.read_text(encoding="utf-8") == "name: Rikki ry\nfounded: vuonna 1990\n"


def test_a_series_organised_by_an_association_whose_file_is_refused_says_so(site, capsys):
    """As a notice does: not "no such association; add the file" of a file that is there."""
    broken = site.association("rikki", "name: Rikki ry\nfounded: vuonna 1990\n")
    (site.content / "series").mkdir()
    series = site.content / "series" / "illat.yml"
    series.write_text("name: Järjestöillat\norganisers: [testikyla, rikki]\n", encoding="utf-8")
    status, out, _err = run(["check", "--content", str(site.content)], capsys)
    assert status == 1 and f"{series}:2: Yhdistyksen rikki tiedostossa {broken} on virheitä" in out, out
