"""An association written differently is found, not added again, and the commands say which."""
from pathlib import Path

import pytest

from bulletin_cli.cli import main
from test_editor_commands import issue_body

pytestmark = pytest.mark.usefixtures("example_today")


@pytest.mark.parametrize("written", [
    "testikylän eläkkeensaajat",  # case, no "ry"
    "Testikylan Elakkeensaajat r.y.",  # no diacritics
    "Testikylän Eläkkeensaajat yhdistys ry",  # a word extra
    "TESTIKYLA ry",  # the identifier with "ry", as the web form reads it
])
def test_new_finds_the_association_and_says_which(site, capsys, written):
    status = main(["new", "--content", str(site.content), "--title", "Kokous", "--association", written,
                   "--category", "tiedotteet", "--body", "Tervetuloa!"])
    out, err = capsys.readouterr()
    assert status == 0, err
    assert 'association: "testikyla"' in Path(out.strip()).read_text(encoding="utf-8")
    assert f"Yhdistys {written} on sivustolla nimellä Testikylän Eläkkeensaajat ry (testikyla)" in err
    assert sorted(p.name for p in (site.content / "associations").iterdir()) == ["testikyla.yml"]


def test_one_shared_word_is_not_the_same_association(site, capsys):
    status = main(["new", "--content", str(site.content), "--title", "Kokous", "--association", "Eläkkeensaajat",
                   "--category", "tiedotteet", "--body", "Tervetuloa!"])
    assert status == 1 and "Yhdistystä" in capsys.readouterr().err


@pytest.mark.parametrize("second", ["testikyla-ry", "testikyla-r-y"])
def test_two_association_files_named_but_for_ry_are_refused(site, capsys, second):
    """"Testikylä ry" would be one of them by one door and the other by
    another: a name with "ry" finds the file with it, "r.y." the one without."""
    path = site.association(second, "name: Testikylän Eläkkeensaajat ry\n")
    assert site.check() == 1
    out = capsys.readouterr().out
    assert f"{path}:1: Tiedostot {site.content / 'associations' / 'testikyla.yml'} ja {path} ovat saman " \
           f"yhdistyksen tiedostoja: tunnukset eroavat vain ry-päätteellä. Yhdistä tiedot tiedostoon testikyla.yml " \
           f"ja poista {path.name}." in out.splitlines(), out


def test_two_association_files_of_one_name_are_refused(site, capsys):
    """A name written in a form found the first of them only, and the directory listed it twice."""
    path = site.association("tk-elakkeensaajat", "name: Testikylän eläkkeensaajat r.y.\n")
    assert site.check() == 1
    out = capsys.readouterr().out
    assert f"{path}:1: Tiedostoissa {site.content / 'associations' / 'testikyla.yml'} ja {path} on saman " \
           "yhdistyksen nimi Testikylän eläkkeensaajat r.y.: lomakkeet ja komennot löytäisivät niistä vain " \
           "toisen. Yhdistä tiedot tiedostoon testikyla.yml ja poista tk-elakkeensaajat.yml." in out.splitlines(), out


@pytest.mark.parametrize("name", [
    "Testikylän Eläkkeensaajat ry.",  # the legal form with a full stop after it
    "Testikylän Eläkkeen\u00adsaajat ry",  # a soft hyphen, drawn as nothing
    "Testikylän Eläk\u200bkeensaajat ry",  # a zero-width space
])
def test_a_second_file_of_a_name_that_looks_the_same_is_refused(site, capsys, name):
    """The directory would list two associations drawn alike, and a notice
    could be sent in the name of the other one."""
    path = site.association("toinen", f'name: "{name}"\n')
    assert site.check() == 1
    out = capsys.readouterr().out
    assert f"{path}:1: Tiedostoissa {site.content / 'associations' / 'testikyla.yml'} ja {path} on saman " \
           "yhdistyksen nimi" in out, out


def test_the_issue_form_finds_the_association_by_its_identifier_with_ry(site, capsys):
    # it was taken for a new association of that identifier, whose file is there: a crash
    status, paths, err, comment = site.from_issue(issue_body(Yhdistys="testikyla ry"), capsys)
    assert status == 0 and 'association: "testikyla"' in Path(paths[0]).read_text(encoding="utf-8"), err
    assert sorted(p.name for p in (site.content / "associations").iterdir()) == ["testikyla.yml"]


# A Cyrillic а, a Greek omicron, full-width letters: the name looks like one
# on the list (or like a Finnish name) but is another text. Every door
# refuses it, naming the character and the word to type instead.
LOOKALIKES = [
    ("Testikylän Eläkkeensaajаt ry", "Eläkkeensaajаt on kyrillinen merkki а (U+0430)", "Eläkkeensaajat"),
    ("Testikylän Eläkkeensaajat rу", "rу on kyrillinen merkki у (U+0443)", "ry"),
    ("Tеstikylän kuoro", "Tеstikylän on kyrillinen merkki е (U+0435)", "Testikylän"),  # a new one
    ("Testikylän Eläkkeensaajat Kuοro", "Kuοro on kreikkalainen merkki ο (U+03BF)", "Kuoro"),
    ("Ｔｅｓｔｉｋｙｌä Eläkkeensaajat", "Ｔｅｓｔｉｋｙｌä on leveä merkki Ｔ (U+FF34)", "Testikylä"),
]


@pytest.mark.parametrize("written, said, fixed", LOOKALIKES)
def test_new_refuses_a_name_with_a_lookalike_letter(site, capsys, written, said, fixed):
    for flags in (["--association", written], ["--association", "testikyla", "--partners", f"Pallo, {written}"]):
        status = main(["new", "--content", str(site.content), "--title", "Kokous", *flags,
                       "--category", "tiedotteet", "--body", "Tervetuloa!"])
        out, err = capsys.readouterr()
        assert status == 1 and out == ""
        assert f"sanassa {said}" in err and f"näppäimistön kirjaimin: {fixed}." in err, err
    assert sorted(p.name for p in (site.content / "associations").iterdir()) == ["testikyla.yml"]


@pytest.mark.parametrize("written, said, fixed", LOOKALIKES)
def test_the_issue_form_refuses_a_name_with_a_lookalike_letter(site, capsys, written, said, fixed):
    status, paths, err, comment = site.from_issue(issue_body(Yhdistys=written), capsys)
    assert status == 1 and paths == []
    assert f"sanassa {said}" in comment and f"näppäimistön kirjaimin: {fixed}." in comment
    assert sorted(p.name for p in (site.content / "associations").iterdir()) == ["testikyla.yml"]


@pytest.mark.parametrize("written, said, fixed", LOOKALIKES)
def test_an_email_with_a_lookalike_letter_in_a_name_is_refused(site, tmp_path, capsys, written, said, fixed):
    from conftest import notice_text
    source = tmp_path / "viesti.txt"
    for text, extra in ((notice_text(association=written), []),
                        (notice_text(association="testikylan-kuoro"), ["--new-association", written])):
        source.write_text(text, encoding="utf-8")
        status = main(["add", str(source), "--content", str(site.content), *extra])
        out, err = capsys.readouterr()
        assert status != 0 and out == ""
        assert f"sanassa {said}" in err and f"näppäimistön kirjaimin: {fixed}." in err, err
    assert sorted(p.name for p in (site.content / "associations").iterdir()) == ["testikyla.yml"]


def test_a_letter_of_another_script_without_a_latin_twin_is_named(site, capsys):
    status = main(["new", "--content", str(site.content), "--title", "Kokous", "--association",
                   "Testikylän Eläkkeensдajat", "--category", "tiedotteet", "--body", "Tervetuloa!"])
    err = capsys.readouterr().err
    assert status == 1 and "Eläkkeensдajat on kyrillinen merkki д (U+0434) latinalaisten kirjainten seassa" in err


def test_a_name_wholly_in_another_script_is_no_lookalike(site, capsys):
    status = main(["new", "--content", str(site.content), "--title", "Kokous", "--association",
                   "Русский клуб Иматры", "--category", "tiedotteet", "--body", "Tervetuloa!"])
    assert status == 1 and "Yhdistystä Русский клуб Иматры ei löydy" in capsys.readouterr().err
