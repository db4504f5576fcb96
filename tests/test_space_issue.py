"""`bulletin from-issue` with the space form (tila.yml): the file `bulletin new
--space` writes for the same answers, or the checker's messages by question."""
import argparse

import pytest

from bulletin_cli.cli import _site, main
from bulletin_cli.issue_form import space_fields
from bulletin_cli.new_space import new_space
from bulletin_cli.project import load_settings
from bulletin_contract.problems import ContentError
from bulletin_i18n import Translator
from conftest import ROOT, Site

EMPTY = "_No response_"
TODAY = "2026-11-30"
CONSENT = "Yhteyshenkilö on antanut luvan julkaista sähköpostiosoitteensa ja puhelinnumeronsa."


def boxes(setting, ticked):
    """A vocabulary's checkboxes as GitHub writes them: every option, the ticked with [X]."""
    vocabulary = load_settings()[setting]
    return "\n".join(f"- [{'X' if slug in ticked else ' '}] {label} ({slug})" for slug, label in vocabulary.items())


def space_body(**answers):
    """A space issue body as GitHub writes it, every field in the form's order."""
    t = Translator("fi")
    fields = {t(field.label_key): EMPTY for field in space_fields()}
    assert set(answers) <= set(fields)
    fields.update(answers)
    return "\n\n".join(f"### {label}\n\n{answer}" for label, answer in fields.items()) + "\n"


def good_body(**answers):
    return space_body(**{
        "Tilan nimi": 'Kerhohuone "Pihlaja": kylätalo', "Tarjoava yhdistys": "Testikylän Eläkkeensaajat ry",
        "Osoite": "Kylätie 1, 55800 Imatra", "Henkilömäärä": "30", "Alue": "Rautio", "Pinta-ala (m²)": "45",
        "Mihin tila sopii": boxes("BULLETIN_SPACE_PURPOSES", {"kokous", "liikunta"}),
        "Varusteet": boxes("BULLETIN_SPACE_EQUIPMENT", set()),
        "Esteettömyys": boxes("BULLETIN_SPACE_ACCESSIBILITY", {"porrasaton"}),
        "Vapaat ajat": "ti 17-21\nti, to klo 9.00–12.00\n", "Hinta": "10 €/h",
        "Varausten yhteyshenkilö": "Aila", "Sähköposti": "aila@example.org",
        "Varauskalenterin osoite": "https://example.org/varaa", "Varaukset": f"- [X] {CONSENT}", **answers})


# the same answers at the terminal, in the order `bulletin new --space` asks
TERMINAL_ANSWERS = ['Kerhohuone "Pihlaja": kylätalo', "Testikylän Eläkkeensaajat ry", "Kylätie 1, 55800 Imatra",
                    "30", "Rautio", "45", "kokous, liikunta", "", "porrasaton", "ti 17-21; ti, to klo 9.00–12.00",
                    "10 €/h", "", "Aila", "aila@example.org", "", "https://example.org/varaa", "k"]


def test_from_issue_writes_the_space_new_space_writes_for_the_same_answers(site, tmp_path, capsys, monkeypatch):
    status, paths, err, comment = site.from_issue(good_body(), capsys, TODAY)
    assert status == 0, err + comment
    assert paths == [str(site.content / "spaces" / "kerhohuone-pihlaja-kylatalo.yml")]
    assert comment.startswith("Kiitos! Tilan tiedoista tehtiin tiedosto")
    assert site.check() == 0

    other = Site(tmp_path / "terminal")
    replies = iter(TERMINAL_ANSWERS)
    monkeypatch.setattr("builtins.input", lambda prompt: next(replies))
    args = argparse.Namespace(settings=str(ROOT / "pelicanconf.py"), content=str(other.content), today=TODAY)
    asked = new_space(_site(args)[0], interactive=True)
    assert asked.name == "kerhohuone-pihlaja-kylatalo.yml"
    written = (site.content / "spaces" / asked.name).read_text(encoding="utf-8")
    assert written == asked.read_text(encoding="utf-8")
    assert f'date: "{TODAY}"\n' in written and 'purposes: ["kokous", "liikunta"]' in written
    assert "consent: true" in written and "equipment" not in written


def test_from_issue_names_the_questions_of_bad_space_answers_and_writes_nothing(site, tmp_path, capsys):
    body = good_body(**{"Henkilömäärä": "kolmekymmentä", "Vapaat ajat": "ti 17-21\ntistai 17-21",
                        "Varaukset": f"- [ ] {CONSENT}"})
    status, paths, err, comment = site.from_issue(body, capsys, TODAY)
    assert status == 1 and paths == []
    assert "Kentän Henkilömäärä arvon pitää olla kokonaisluku 1–9999, nyt kolmekymmentä." in comment
    assert "Aikaa tistai 17-21 kentässä Vapaat ajat ei voi lukea." in comment  # the line at fault, not the answer
    assert "Rastita kohta Varaukset" in comment
    assert "capacity" not in comment and "available" not in comment and "Aihe" not in comment
    assert not (site.content / "spaces").exists()


def test_from_issue_never_takes_the_name_of_a_space_in_a_subfolder(site, tmp_path, capsys):
    kept = site.content / "spaces" / "vanhat" / "kerhohuone-pihlaja-kylatalo.yml"
    kept.parent.mkdir(parents=True)
    kept.write_text("name: Pihlaja\nassociation: testikyla\naddress: Kylätie 1\ncapacity: 30\n", encoding="utf-8")
    status, paths, err, _comment = site.from_issue(good_body(), capsys, TODAY)
    assert status == 0, err
    assert paths == [str(site.content / "spaces" / "kerhohuone-pihlaja-kylatalo-2.yml")]
    assert site.check() == 0


def test_a_retired_association_offers_no_space_by_any_command(site, tmp_path, capsys, monkeypatch):
    from conftest import ASSOCIATION
    site.association("testikyla", ASSOCIATION + "active: false\n")
    said = "Yhdistys testikyla on lopettanut toimintansa, eikä sen tiloja tarjota."
    status, paths, err, comment = site.from_issue(good_body(), capsys, TODAY)
    assert status == 1 and paths == [] and said in comment
    replies = iter(TERMINAL_ANSWERS)
    monkeypatch.setattr("builtins.input", lambda prompt: next(replies))
    args = argparse.Namespace(settings=str(ROOT / "pelicanconf.py"), content=str(site.content), today=TODAY)
    with pytest.raises(ContentError) as refused:
        new_space(_site(args)[0], interactive=True)
    assert [said in problem.message for problem in refused.value.problems] == [True]
    assert not (site.content / "spaces").exists()
