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


def test_the_issue_form_finds_the_association_by_its_identifier_with_ry(site, capsys):
    # it was taken for a new association of that identifier, whose file is there: a crash
    status, paths, err, comment = site.from_issue(issue_body(Yhdistys="testikyla ry"), capsys)
    assert status == 0 and 'association: "testikyla"' in Path(paths[0]).read_text(encoding="utf-8"), err
    assert sorted(p.name for p in (site.content / "associations").iterdir()) == ["testikyla.yml"]
