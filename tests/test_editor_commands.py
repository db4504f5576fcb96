"""The editors' commands: from-issue, add, new, and check's GitHub annotations."""
import io
import re
from pathlib import Path

import pytest

from bulletin_cli import new as new_command
from bulletin_cli.cli import main
from bulletin_contract.problems import Problem
from conftest import event_text, notice_text

# add, new and from-issue refuse events that are over: a fixed day keeps these tests valid
pytestmark = pytest.mark.usefixtures("example_today")

EMPTY = "_No response_"


def issue_body(**answers):
    """An issue-form body as GitHub writes it, every field in the form's order."""
    fields = {
        "Otsikko": "Kevätkokous", "Ilmoituksen kieli": "suomi", "Yhdistys": "Testikylän Eläkkeensaajat ry",
        "Muut mukana olevat yhdistykset": EMPTY, "Aihe": "Tiedotteet",
        "Tapahtuman alkamisaika": EMPTY, "Tapahtuman päättymisaika": EMPTY, "Paikka": EMPTY, "Hinta": EMPTY,
        "Ilmoittautuminen": EMPTY, "Ilmoittautumisen viimeinen päivä": EMPTY, "Esteettömyys": EMPTY, "Toistuva tapahtuma: viikonpäivät": EMPTY,
        "Kuinka usein": EMPTY, "Viimeinen kerta": EMPTY, "Poikkeuspäivät": EMPTY, "Julkaisupäivä": "20.11.2026",
        "Voimassa viimeistään": EMPTY, "Lyhyt kuvaus": EMPTY, "Ilmoituksen teksti": "Tervetuloa kokoukseen.",
        "Avainsanat": EMPTY, "Yhteyshenkilön nimi": EMPTY, "Yhteyshenkilön sähköposti": EMPTY,
        "Yhteyshenkilön puhelinnumero": EMPTY,
        "Yhteystietojen julkaiseminen": "- [ ] Yhteyshenkilö on antanut luvan julkaista sähköpostiosoitteensa "
                                        "ja puhelinnumeronsa.",
    }
    fields.update(answers)
    return "\n\n".join(f"### {label}\n\n{answer}" for label, answer in fields.items()) + "\n"


def test_from_issue_writes_a_notice_that_passes_check(site, tmp_path, capsys):
    body = issue_body(**{"Aihe": "Tapahtumat", "Tapahtuman alkamisaika": "5.12.2026 klo 18.00",
                         "Tapahtuman päättymisaika": "20.00", "Paikka": "Kerhohuone",
                         "Avainsanat": "kokous, syksy", "Yhteyshenkilön nimi": "Aila",
                         "Yhteyshenkilön puhelinnumero": "040 123 4567",
                         "Yhteystietojen julkaiseminen": "- [X] Yhteyshenkilö on antanut luvan"})
    status, paths, err, comment = site.from_issue(body, capsys)
    assert status == 0, err
    assert len(paths) == 1 and paths[0].endswith("notices/2026/2026-11-20-kevatkokous.md")
    text = Path(paths[0]).read_text(encoding="utf-8")
    assert 'start: "2026-12-05 18:00"' in text and 'end: "20:00"' in text and "consent: true" in text
    assert site.check() == 0
    assert "2026-11-20-kevatkokous.md" in comment and comment.startswith("Kiitos!")
    # The same issue again is the same notice: refused, naming the file it repeats.
    status, again, err, comment = site.from_issue(body, capsys)
    assert status == 1 and again == []
    assert "Sama ilmoitus on jo tiedostossa" in comment and "2026-11-20-kevatkokous.md" in err
    # A different notice with the same title and day gets a name of its own, never the old file.
    status, other, err, _comment = site.from_issue(body.replace("5.12.2026 klo 18.00", "6.12.2026 klo 18.00"),
                                              capsys)
    assert status == 0 and other[0].endswith("2026-11-20-kevatkokous-2.md"), err


def test_a_tag_written_again_is_written_once_by_every_door(site, capsys):
    # "kuoro" and "Kuoro" are one tag with one page (fields.Words): the file holds it once, as the form writes
    # it, and thirteen times the same tag is one tag, not too many
    tags = ", ".join(["kuoro", "Kuoro", "kuoro "] * 4 + ["laulu"])
    status, paths, err, _comment = site.from_issue(issue_body(**{"Avainsanat": tags}), capsys)
    assert status == 0, err
    assert 'tags: ["kuoro", "laulu"]' in Path(paths[0]).read_text(encoding="utf-8")
    status = main(["new", "--content", str(site.content), "--title", "Kuoroilta", "--association", "testikyla",
                   "--category", "tiedotteet", "--tags", tags, "--body", "Tervetuloa!"])
    assert status == 0
    assert 'tags: ["kuoro", "laulu"]' in Path(capsys.readouterr().out.strip()).read_text(encoding="utf-8")
    assert site.check() == 0


def test_an_answer_pasted_with_non_breaking_spaces_is_read_as_the_form_reads_it(site, capsys):
    # Word and phones put U+00A0 between the groups of a number: the form writes one space, so must every door
    phone, email = "040\u00a0123\u00a04567", "aila@example.org\u00a0"
    status, paths, err, _comment = site.from_issue(issue_body(**{
        "Yhteyshenkilön nimi": "Aila\u00a0Esimerkki", "Yhteyshenkilön puhelinnumero": phone,
        "Yhteyshenkilön sähköposti": email,
        "Yhteystietojen julkaiseminen": "- [X] Yhteyshenkilö on antanut luvan"}), capsys)
    assert status == 0, err
    text = Path(paths[0]).read_text(encoding="utf-8")
    assert 'phone: "040 123 4567"' in text and 'email: "aila@example.org"' in text and 'name: "Aila Esimerkki"' in text
    status = main(["new", "--content", str(site.content), "--title", "Kuoroilta", "--association", "testikyla",
                   "--category", "tiedotteet", "--contact-name", "Aila", "--contact-phone", phone, "--consent",
                   "--body", "Tervetuloa!"])
    assert status == 0
    assert 'phone: "040 123 4567"' in Path(capsys.readouterr().out.strip()).read_text(encoding="utf-8")
    assert site.check() == 0


def test_from_issue_names_an_unanswered_question_not_a_line_of_the_file(site, tmp_path, capsys):
    # a weekly series with no last day: the submitter sees the form's question
    body = issue_body(**{"Aihe": "Tapahtumat", "Tapahtuman alkamisaika": "ti 8.12. klo 10",
                         "Paikka": "Kerhohuone", "Toistuva tapahtuma: viikonpäivät": "tiistai"})
    status, paths, err, comment = site.from_issue(body, capsys)
    assert status == 1 and paths == []
    assert "- Viimeinen kerta: tämä kohta puuttuu, ja ilmoitus tarvitsee sen. Täytä se." in comment
    assert "event.repeat.until" not in comment and "event.repeat.until" not in err


HOSTILE = [
    ("$(touch PWNED) `touch PWNED` ; rm -rf / && echo", "Teksti $(touch PWNED) | tee PWNED > PWNED"),
    ("${{ secrets.GITHUB_TOKEN }}", "${{ github.event.issue.body }} ${{ toJSON(github) }}"),
    ('<script>alert("x")</script> " \' : # - [ ] {{ }}', "`<img src=x onerror=alert(1)><script>alert(1)</script>`"),
    ("---", "---\ntitle: toinen\n---\n### Otsikko\n\nVäärä otsikko"),
]


def test_from_issue_keeps_hostile_text_as_text(site, tmp_path, capsys, monkeypatch):
    monkeypatch.chdir(tmp_path)
    written = {}
    for title, body in HOSTILE:
        status, paths, err, _comment = site.from_issue(issue_body(**{
            "Otsikko": title, "Ilmoituksen teksti": body}), capsys)
        assert status == 0, err
        written[title] = Path(paths[0]).stem
    assert not (tmp_path / "PWNED").exists()
    assert site.build() == 0  # one build for all of them: each is a page of its own
    for title, stem in written.items():
        page = site.page(f"ilmoitukset/{stem}/")
        assert page.h1.get_text() == title  # the title as written, nothing run or interpreted
        body_html = page.select_one(".bl-notice__body")
        assert body_html.find("script") is None
        assert not [a for tag in body_html.find_all(True) for a in tag.attrs if a.startswith("on")]


def test_from_issue_refuses_raw_html_with_a_hint(site, tmp_path, capsys):
    status, paths, err, comment = site.from_issue(issue_body(**{
        "Ilmoituksen teksti": "<img src=x onerror=alert(1)><script>alert(1)</script>"}), capsys)
    assert status == 1 and paths == []
    assert "Rivillä on HTML-koodia (<img>)" in err
    assert "HTML-koodia (&lt;img&gt;)" in comment  # the reply is markup-safe too
    assert "- Ilmoituksen teksti: Rivillä on HTML-koodia" in comment  # named by the form's own label
    assert list((site.content / "notices").rglob("*.md")) == []


@pytest.mark.parametrize("answers, message", [
    ({"Aihe": "Konsertit"}, "Aihe Konsertit ei kelpaa. Valitse jokin näistä: Tapahtumat, Tilat"),
    ({"Paikka": "Kerhohuone"}, "Kohta Tapahtuman alkamisaika puuttuu."),  # an event in any category
    ({"Julkaisupäivä": "ensi viikolla"}, "Julkaisupäivä: kirjoita päivä ja tarvittaessa kellonaika, esimerkiksi "
                                         "la 5.12. klo 18"),
    ({"Otsikko": EMPTY}, "Kohta Otsikko puuttuu."),
    ({"Aihe": "Tapahtumat"}, "Kohta Tapahtuman alkamisaika puuttuu."),
    ({"Julkaisupäivä": "31.2.2026"}, "Julkaisupäivä: Päivämäärää 31.2.2026 ei ole olemassa."),
    ({"Otsikko": "x" * 130}, "Kenttä Otsikko on liian pitkä (130 merkkiä, enintään 120)"),
    # a title under a heap of accents ("Zalgo") would be drawn over the lines above and below it
    ({"Otsikko": "K" + "\u0301\u0302\u0303\u0304\u0308\u0336" * 5 + "okous"},
     "Kentässä Otsikko on kirjaimen päällä 30 tarkkeen pino"),
    ({"Yhteyshenkilön sähköposti": "aila@example.org"}, "Rastita kohta Yhteystietojen julkaiseminen"),
    ({"Yhteyshenkilön sähköposti": "aila(at)example.org",
      "Yhteystietojen julkaiseminen": "- [X] lupa"}, "Sähköpostiosoite aila(at)example.org ei kelpaa"),
    ({"Aihe": "Tapahtumat", "Tapahtuman alkamisaika": "5.12.2026 18.00", "Tapahtuman päättymisaika": "4.12.2026",
      "Paikka": "Sali"}, "Tapahtuman päättymisaika: Tapahtuma päättyy"),
])
def test_from_issue_wrong_answers_get_finnish_messages(site, tmp_path, capsys, answers, message):
    status, paths, err, comment = site.from_issue(issue_body(**answers), capsys)
    assert status == 1 and paths == []
    assert message in err and message in comment
    assert list((site.content / "notices").rglob("*.md")) == []  # nothing written


def test_from_issue_reply_cannot_carry_markup_or_mentions(site, tmp_path, capsys):
    status, _paths, _err, comment = site.from_issue(issue_body(**{
        "Aihe": "<img src=x>@editors"}), capsys)
    assert status == 1
    assert "<img" not in comment and "&lt;img src=x&gt;@\u200beditors" in comment


def test_from_issue_reply_cannot_carry_a_link_in_the_bots_voice(site, tmp_path, capsys):
    # a new association named as a "log in here" link is echoed in the reply
    status, _paths, _err, comment = site.from_issue(issue_body(**{
        "Yhdistys": "Ohje: [Kirjaudu](https://evil.example/login) ![x](http://evil.example/x.png) www.evil.example"}),
        capsys)
    assert status == 0
    assert "Kirjaudu\\](https:/\u200b/evil.example/login)" in comment
    for live in ("](", "https://", "http://", "www."):
        assert live not in comment.replace("\\]", "")  # escaped brackets make no link


def test_from_issue_reply_cannot_be_unescaped_with_a_backslash(site, capsys):
    """A backslash before a bracket escaped it again: `\\[` is a backslash and
    a live bracket, and `//evil.example` is an address with no scheme to break."""
    import markdown
    status, _paths, _err, comment = site.from_issue(issue_body(**{
        "Julkaisupäivä": "\\[Vahvista tunnuksesi\\](//evil.example/kirjaudu) \\![x\\](//evil.example/x.png)"}),
        capsys)
    assert status == 1 and "Vahvista tunnuksesi" in comment
    shown = markdown.markdown(comment)
    assert "<a " not in shown and "<img " not in shown, shown


def test_from_issue_without_the_form(site, tmp_path, capsys):
    status, _paths, err, comment = site.from_issue("Hei, tässä ilmoitus: kokous tiistaina.", capsys)
    assert status == 1 and "Tekstistä ei löytynyt ilmoituslomakkeen kohtia" in comment


def test_from_issue_new_association_gets_a_file_for_the_editors(site, tmp_path, capsys):
    status, paths, err, comment = site.from_issue(issue_body(**{"Yhdistys": "Imatran Shakkikerho ry"}),
                                             capsys)
    assert status == 0, err
    assert paths[1].endswith("associations/imatran-shakkikerho.yml")
    assert Path(paths[1]).read_text(encoding="utf-8") == 'name: "Imatran Shakkikerho ry"\n'
    assert "association: \"imatran-shakkikerho\"" in Path(paths[0]).read_text(encoding="utf-8")
    assert "Yhdistystä Imatran Shakkikerho ry ei vielä ollut sivustolla" in comment
    assert site.check() == 0


FORM_FILE = notice_text(title="Kirpputori: kaikki pois, la", date="2026-11-20")


def add(site, text, *extra, capsys, tmp_path):
    source = tmp_path / "lahetys.txt"
    source.write_text(text, encoding="utf-8")
    status = main(["add", str(source), "--content", str(site.content), *extra])
    out, err = capsys.readouterr()
    return status, out.split(), err


def test_add_places_the_form_file_and_never_overwrites(site, tmp_path, capsys):
    status, first, err = add(site, FORM_FILE, capsys=capsys, tmp_path=tmp_path)
    assert status == 0, err
    # the same e-mail added twice is one notice
    status, again, err = add(site, FORM_FILE, capsys=capsys, tmp_path=tmp_path)
    assert status == 1 and again == [] and "Sama ilmoitus on jo tiedostossa" in err
    assert "2026-11-20-kirpputori-kaikki-pois-la.md" in err
    # another notice of the same title and day gets a name of its own, never the old file
    status, second, _err = add(site, FORM_FILE.replace('title: "Kirpputori: kaikki pois, la"',
                                                       'title: "Kirpputori: kaikki pois, la!"'),
                               capsys=capsys, tmp_path=tmp_path)
    assert status == 0 and first != second
    assert first[0].endswith("notices/2026/2026-11-20-kirpputori-kaikki-pois-la.md")
    assert second[0].endswith("2026-11-20-kirpputori-kaikki-pois-la-2.md")
    # normalized: every value double-quoted, keys in the contract's order
    assert Path(first[0]).read_text(encoding="utf-8").startswith(
        '---\ntitle: "Kirpputori: kaikki pois, la"\nassociation: "testikyla"\ncategory: "tiedotteet"\n')
    assert site.check() == 0


def test_add_from_an_email_with_text_around_it(site, tmp_path, capsys):
    email = ("From: sihteeri@example.org\nSubject: ilmoitus\n\nHei!\n\nTässä ilmoituksemme:\n\n"
             + FORM_FILE + "\nTerveisin\nAila\n")
    quoted = "".join(f"> {line}\n" for line in FORM_FILE.splitlines())
    marked = "Hei,\n=== ILMOITUS ALKAA ===\n" + FORM_FILE + "=== ILMOITUS PÄÄTTYY ===\n-- \nAila"
    for text, body_tail in ((email, "Terveisin\nAila"), (quoted, "Ilmoituksen teksti."),
                            (marked, "Ilmoituksen teksti.")):
        status, paths, err = add(site, text, capsys=capsys, tmp_path=tmp_path)
        assert status == 0, err
        assert Path(paths[0]).read_text(encoding="utf-8").rstrip().endswith(body_tail)
        assert site.check() == 0
        Path(paths[0]).unlink()  # the next way of sending is the same notice: one at a time


def test_add_from_standard_input(site, monkeypatch, capsys):
    monkeypatch.setattr("sys.stdin", io.StringIO(FORM_FILE))
    assert main(["add", "-", "--content", str(site.content)]) == 0
    assert Path(capsys.readouterr().out.strip()).is_file()


@pytest.mark.parametrize("text, message", [
    ("Hei, ilmoitus tulee myöhemmin.", "Tekstistä ei löytynyt ilmoitusta"),
    ("Hei\n\n" + notice_text(date="5.12.2026"), "lahetys.txt:7: Kirjoita päivämäärä 5.12.2026 muodossa"),
    (notice_text(extra="save_as: index.html"), "Avain save_as on sivuston oma"),
    (notice_text(association="tuntematon"), "Yhdistystä tuntematon ei löydy"),
    # the example's day is 1.12.2026: a year typo would go straight to the archive
    (event_text(start="2025-12-05 18:00"), "Tapahtuma on jo ohi: se päättyi 5.12.2025"),
])
def test_add_refuses_bad_submissions_and_writes_nothing(site, tmp_path, capsys, text, message):
    status, paths, err = add(site, text, capsys=capsys, tmp_path=tmp_path)
    assert status == 1 and paths == []
    assert message in err
    assert list((site.content / "notices").rglob("*.md")) == []


def test_add_with_a_new_association(site, tmp_path, capsys):
    text = notice_text(association="imatran-shakkikerho-ry")
    status, paths, err = add(site, text, "--new-association", "Imatran Shakkikerho ry", capsys=capsys,
                             tmp_path=tmp_path)
    assert status == 0, err
    assert Path(paths[1]).name == "imatran-shakkikerho-ry.yml"
    assert site.check() == 0
    status, _paths, err = add(site, text, "--new-association", "Toinen", capsys=capsys, tmp_path=tmp_path)
    assert status == 2 and "on jo olemassa" in err


def test_new_from_flags(site, capsys):
    status = main(["new", "--content", str(site.content), "--title", "Joulumyyjäiset", "--association",
                   "Testikylän Eläkkeensaajat ry", "--category", "Tapahtumat", "--date", "1.11.2026",
                   "--start", "5.12.2026 10.00", "--end", "14.00", "--location", "Asukastupa", "--tags",
                   "joulu, myyjäiset", "--contact-name", "Aila", "--contact-phone", "040 123 4567", "--consent",
                   "--body", "Tervetuloa myyjäisiin!"])
    path = Path(capsys.readouterr().out.strip())
    assert status == 0 and path.name == "2026-11-01-joulumyyjaiset.md"
    text = path.read_text(encoding="utf-8")
    assert 'association: "testikyla"' in text and 'start: "2026-12-05 10:00"' in text
    assert text.rstrip().endswith("Tervetuloa myyjäisiin!")
    assert site.check() == 0


def test_new_names_the_flag_of_a_bad_value(site, capsys):
    status = main(["new", "--content", str(site.content), "--title", "Kokous", "--association", "testikyla",
                   "--category", "tiedotteet", "--expires", "huomenna", "--body", "Teksti."])
    # a day `new` cannot read is told as the issue form tells it, as a usage error (a wrong weekday is too)
    err = capsys.readouterr().err
    assert status == 2 and "--expires: kirjoita päivä" in err and "Kohtaa ”huomenna” ei voi lukea päiväksi" in err


def test_new_without_a_terminal_says_which_flag_is_missing(site, capsys, monkeypatch):
    monkeypatch.setattr("sys.stdin", io.StringIO(""))
    assert main(["new", "--content", str(site.content), "--title", "Kokous"]) == 2
    assert "Puuttuu Yhdistys. Anna se valitsimella --association." in capsys.readouterr().err


def test_new_asks_for_the_last_day_of_a_series_as_a_missing_flag(site, capsys, monkeypatch):
    # not "Lisää rivi event.repeat.until" of a file that `new` never wrote
    monkeypatch.setattr("sys.stdin", io.StringIO(""))
    assert main(["new", "--content", str(site.content), "--title", "Tuolijumppa", "--association", "testikyla",
                 "--category", "liikunta", "--start", "2026-12-08 10:00", "--location", "Kerhohuone",
                 "--weekdays", "ti", "--body", "Tervetuloa!", "--today", "2026-12-01"]) == 2
    assert "Puuttuu Viimeinen kerta. Anna se valitsimella --until." in capsys.readouterr().err
    assert list((site.content / "notices").rglob("*.md")) == []


def test_new_asks_questions_in_a_terminal(site, capsys, monkeypatch):
    answers = iter(["", "Kevätkokous", "testikyla", "tapahtumat", "2026-03-20 18:00", "Kerhohuone", "Tervetuloa!"])
    asked = []
    monkeypatch.setattr("builtins.input", lambda prompt: asked.append(prompt) or next(answers))
    parser_args = ["new", "--content", str(site.content), "--today", "2026-03-01"]
    monkeypatch.setattr(new_command.sys.stdin, "isatty", lambda: True, raising=False)
    assert main(parser_args) == 0
    assert asked == ["Otsikko: ", "Otsikko: ", "Yhdistys: ", "Aihe: ", "Tapahtuman alkamisaika: ", "Paikka: ",
                     "Ilmoituksen teksti: "]
    assert Path(capsys.readouterr().out.strip()).name == "2026-03-01-kevatkokous.md"
    assert site.check() == 0


@pytest.mark.parametrize("path, expected", [
    ("content/notices/a.md", "::error file=content/notices/a.md,line=3::viesti%0Atoinen rivi 100%25"),
    ("content/notices/a,b:c.md", "::error file=content/notices/a%2Cb%3Ac.md,line=3::viesti%0Atoinen rivi 100%25"),
])
def test_github_annotation_escapes_as_github_does(path, expected):
    assert Problem(path, 3, "viesti\ntoinen rivi 100%").as_github() == expected


def test_new_asks_a_wrong_answer_again_instead_of_ending(site, capsys, monkeypatch):
    answers = iter(["Kevätkokous", "Testikylän Eläkkeensaajat ry", "konsertit", "tapahtumat",
                    "31.2.", "la 21.3. klo 18–20", "Kerhohuone", "Tervetuloa!"])
    monkeypatch.setattr("builtins.input", lambda prompt: next(answers))
    monkeypatch.setattr(new_command.sys.stdin, "isatty", lambda: True, raising=False)
    assert main(["new", "--content", str(site.content), "--today", "2026-03-01"]) == 0
    out, err = capsys.readouterr()
    assert "Tuntematon aihe konsertit" in err and "Päivämäärää 31.2.2027 ei ole olemassa" in err
    text = Path(out.strip()).read_text(encoding="utf-8")
    assert 'start: "2026-03-21 18:00"' in text and 'end: "2026-03-21 20:00"' in text
    assert text.rstrip().endswith("Tervetuloa!")


def test_new_without_a_text_refuses_rather_than_writing_a_placeholder(site, capsys, monkeypatch):
    monkeypatch.setattr("sys.stdin", io.StringIO(""))
    assert main(["new", "--content", str(site.content), "--title", "Kokous", "--association", "testikyla",
                 "--category", "tiedotteet"]) == 2
    assert "Puuttuu Ilmoituksen teksti. Anna se valitsimella --body." in capsys.readouterr().err
    assert list((site.content / "notices").rglob("*.md")) == []


def test_new_asks_for_consent_by_its_option_not_by_a_line_of_the_file(site, capsys):
    status = main(["new", "--content", str(site.content), "--title", "Kokous", "--association", "testikyla",
                   "--category", "tiedotteet", "--contact-email", "aila@example.org", "--body", "Tervetuloa!"])
    out, err = capsys.readouterr()
    assert status == 1 and out == "" and "bulletin new: --consent: " in err and "Anna valitsin --consent" in err, err
    assert "consent: true" not in err and ".md" not in err, err
    assert list((site.content / "notices").rglob("*.md")) == []

# a partner the site does not know; a text with HTML: refused only once the notice is made
@pytest.mark.parametrize("given, flag", [(["--partners", "Testikylän Eläkkeensaajat"], "--partners"),
                                         (["--body", "<script>x</script>"], "--body")])
def test_new_names_the_option_of_a_value_refused_late_never_a_file_not_written(site, capsys, given, flag):
    args = ["--title", "Kokous", "--association", "testikyla", "--category", "tiedotteet", "--date", "20.11.2026",
            "--body", "Tervetuloa!", *given]
    status = main(["new", "--content", str(site.content), *args])
    out, err = capsys.readouterr()
    assert status != 0 and out == "" and f"bulletin new: {flag}: " in err, err
    assert ".md" not in err, err
    assert list((site.content / "notices").rglob("*.md")) == []


SERIES = ["--category", "tapahtumat", "--start", "ti 8.12. klo 10", "--location", "Kerhohuone"]


# each option with a value its rule refuses, and the key of the file `new` writes it to
@pytest.mark.parametrize("option, key, given", [
    ("--summary", "summary", ["x" * 301]),
    ("--tags", "tags", ["x" * 41]),
    ("--lang", "lang", ["klingon"]),
    ("--expires", "expires", ["1.11.2026", "--date", "20.11.2026"]),
    ("--contact-name", "contact.name", ["x" * 101]),
    ("--location", "event.location", ["x" * 201, *SERIES[:4]]),
    ("--weekdays", "event.repeat.weekdays", ["xx", *SERIES, "--until", "26.1."]),
    ("--interval", "event.repeat.interval", ["x", *SERIES, "--weekdays", "ti", "--until", "26.1."]),
    ("--nth", "event.repeat.nth", ["7", *SERIES, "--weekdays", "ti", "--until", "26.1."]),
    ("--except", "except", ["3.3.2027", *SERIES, "--weekdays", "ti", "--until", "26.1."]),
    ("--except", "except", ["9.12.2026", *SERIES, "--weekdays", "ti", "--until", "26.1."]),  # a Wednesday
    ("--until", "repeat.until", ["1.12.2026", *SERIES, "--weekdays", "ti"]),  # before the start
    ("--until", "repeat.until", ["31.12.2029", *SERIES, "--weekdays", "ma, ti, ke, to, pe, la, su"]),  # too many
    ("--partners", "partners", ["testikyla"]),  # its own association
    ("--interval", "event.repeat.interval", ["1.5", *SERIES, "--weekdays", "ti", "--until", "26.1."]),
    # the rules between fields: each names the options, as they are typed (`--end klo 12`, not `end: "12:00"`)
    ("--start", "start", ["ke 9.12. klo 10", *SERIES[:2], *SERIES[4:], "--weekdays", "ti", "--until", "26.1."]),
    ("--end", "end", ["26.1.2027 klo 12", *SERIES, "--weekdays", "ti", "--until", "26.1."]),  # the series' last day
    ("--end", "end", ["klo 10", *SERIES]),  # at the start
])
def test_new_names_the_option_of_a_refused_value_never_the_files_key(site, capsys, option, key, given):
    # a user of `new` typed an option: "Kenttä summary", "rivin lang" or "kohdasta except" name a file never seen
    status = main(["new", "--content", str(site.content), "--title", "Kokous", "--association", "testikyla",
                   "--category", "tiedotteet", "--body", "Tervetuloa!", option, *given])
    out, err = capsys.readouterr()
    assert status == 1 and out == "" and f"bulletin new: {option}: " in err, err
    assert not re.search(rf"\b{re.escape(key)}\b|\bevent\.|\brepeat\b", err.replace(option, "")), err
    told = [line.removeprefix("bulletin new: ").removeprefix(f"{option}: ") for line in err.splitlines()]
    assert not any(re.search(r"--[a-z]+:", line) for line in told), err  # `--interval 1`, as it is typed
    assert list((site.content / "notices").rglob("*.md")) == []


def test_new_asks_for_the_weekdays_of_a_series_as_a_missing_option(site, capsys):
    status = main(["new", "--content", str(site.content), "--title", "Kokous", "--association", "testikyla",
                   *SERIES, "--until", "26.1.", "--body", "Tervetuloa!"])
    err = capsys.readouterr().err
    assert status != 0 and "Puuttuu Viikonpäivät. Anna se valitsimella --weekdays." in err, err
    assert list((site.content / "notices").rglob("*.md")) == []


def test_new_writes_a_series_as_people_say_it(site, capsys):
    status = main(["new", "--content", str(site.content), "--title", "Tuolijumppa", "--association", "testikyla",
                   "--category", "Vapaaehtoiset", "--start", "ti 8.12. klo 10–11", "--location", "Kerhohuone",
                   "--weekdays", "tiistai, torstai", "--until", "26.1.", "--except", "22.12., 24.12.",
                   "--body", "Tervetuloa!"])
    out, err = capsys.readouterr()
    assert status == 0, err
    text = Path(out.strip()).read_text(encoding="utf-8")
    assert ('  repeat:\n    weekdays: ["ti", "to"]\n    until: "2027-01-26"\n'
            '    except: ["2026-12-22", "2026-12-24"]\n') in text
    assert 'category: "vapaaehtoiset"' in text and site.check() == 0


# --- a retired association: add, new and from-issue refuse as check does ------------------

def _retired_by(command, site, tmp_path, capsys, date):
    """Submit a notice of the retired association `vanha` by `command`: (status, paths, stderr)."""
    if command == "add":
        return add(site, notice_text(association="vanha", date=date), capsys=capsys, tmp_path=tmp_path)
    if command == "new":
        status = main(["new", "--content", str(site.content), "--title", "Kevätkokous", "--association",
                       "vanha", "--category", "tiedotteet", "--date", date, "--body", "Tervetuloa."])
        out, err = capsys.readouterr()
        return status, out.split(), err
    day = ".".join(reversed(date.split("-")))
    status, paths, err, _comment = site.from_issue(issue_body(**{
        "Yhdistys": "Vanha kerho ry", "Julkaisupäivä": day}), capsys)
    return status, paths, err


@pytest.mark.parametrize("command", ["add", "new", "from-issue"])
def test_a_retired_association_gets_no_new_notice_by_any_command(site, tmp_path, capsys, command):
    site.association("vanha", "name: Vanha kerho ry\nactive: false\n")
    # check's message, from a notice file of the retired association
    written = site.notice("2026/kokous.md", notice_text(association="vanha", date="2026-11-28"))
    assert site.check() == 1
    said = "Yhdistys vanha on lopettanut toimintansa, eikä sille julkaista uusia ilmoituksia."
    assert said in capsys.readouterr().out
    written.unlink()
    status, paths, err = _retired_by(command, site, tmp_path, capsys, "2026-11-28")
    assert status == 1 and paths == [] and said in err
    assert list((site.content / "notices").rglob("*.md")) == []
    # a notice long past goes to its archive, as check lets it
    status, paths, err = _retired_by(command, site, tmp_path, capsys, "2025-01-10")
    assert status == 0, err
    assert site.check() == 0


def _joint_by(command, site, partners, capsys):
    """A joint notice of testikyla with `partners` as people write them, by
    `new` or `from-issue`: (status, paths written, what was said)."""
    if command == "new":
        status = main(["new", "--content", str(site.content), "--title", "Yhteiskonsertti", "--association",
                       "testikyla", "--category", "tiedotteet", "--date", "20.11.2026", "--partners", partners,
                       "--body", "Tervetuloa konserttiin!"])
        out, err = capsys.readouterr()
        return status, out.split(), err
    return site.from_issue(issue_body(**{"Muut mukana olevat yhdistykset": partners}), capsys)[:3]


@pytest.mark.parametrize("command", ["new", "from-issue"])
# a partner; the notice's own association; one unknown; a retired one
@pytest.mark.parametrize("partner", ["kuoro", "testikyla", "Pallokerho", "vanha"])
def test_a_joint_notice_gets_checks_verdict_by_every_command(site, capsys, command, partner):
    site.association("kuoro", "name: Laulukuoro ry\n")
    site.association("vanha", "name: Vanha kerho ry\nactive: false\n")
    # check's verdict on the file written by hand
    by_hand = site.notice("2026/kasin.md", notice_text(date="2026-11-20", extra=f"partners: [{partner}]"))
    capsys.readouterr()
    accepted = site.check() == 0
    said = [line.split(": ", 1)[1] for line in capsys.readouterr().out.splitlines() if "kasin.md:" in line]
    by_hand.unlink()
    status, paths, err = _joint_by(command, site, partner, capsys)
    assert (status == 0) == accepted and bool(said) != accepted, err
    if accepted:
        assert f'partners: ["{partner}"]' in Path(paths[0]).read_text(encoding="utf-8")
        assert site.check() == 0
    else:
        assert paths == [] and all(message in err for message in said), (said, err)
        assert list((site.content / "notices").rglob("*.md")) == []


@pytest.mark.parametrize("command", ["new", "from-issue", "check"])
def test_two_partners_joined_with_ja_are_told_to_be_separated_with_a_comma(site, capsys, command):
    site.association("kuoro", "name: Laulukuoro ry\n")
    site.association("pallo", "name: Imatran Pallokerho ry\n")
    joined = "Laulukuoro ry ja Imatran Pallokerho ry"
    if command == "check":
        site.notice("2026/kasin.md", notice_text(date="2026-11-20", extra=f'partners: ["{joined}"]'))
        capsys.readouterr()
        status, err = site.check(), capsys.readouterr().out
    else:
        status, _paths, err = _joint_by(command, site, joined, capsys)
        assert list((site.content / "notices").rglob("*.md")) == []
    said = f"Yhdistystä {joined} ei löydy. Jos tarkoitit kahta yhdistystä, erota ne pilkulla: Laulukuoro ry, " \
           "Imatran Pallokerho ry."
    assert status != 0 and said in err and ".yml" not in err, err


def test_a_name_with_ja_is_not_two_partners_unless_both_are_known(site, capsys):
    site.association("koti", "name: Koti ja Koulu ry\n")
    site.association("kuoro", "name: Laulukuoro ry\n")
    status, paths, err = _joint_by("new", site, "Koti ja Koulu ry", capsys)
    assert status == 0 and 'partners: ["koti"]' in Path(paths[0]).read_text(encoding="utf-8"), err
    Path(paths[0]).unlink()
    status, _paths, err = _joint_by("new", site, "Koti ja Koulu ry ja Imatran Nuorisoseura ry", capsys)
    assert status != 0 and "pilkulla" not in err and "koti-ja-koulu-ry-ja-imatran-nuorisoseura" in err, err


@pytest.mark.parametrize("command", ["new", "from-issue"])
def test_partners_are_written_by_name_or_identifier_as_the_association_is(site, capsys, command):
    site.association("kuoro", "name: Laulukuoro ry\n")
    site.association("pallo", "name: Imatran Pallokerho ry\n")
    status, paths, err = _joint_by(command, site, "Laulukuoro ry, pallo ry, kuoro-ry", capsys)
    assert status == 0, err
    assert 'partners: ["kuoro", "pallo"]' in Path(paths[0]).read_text(encoding="utf-8")
    assert site.check() == 0


# --- from-issue: the association profile form -----------------------------------------------

def profile_body(**answers):
    """A profile issue body as GitHub writes it, every field in the form's order."""
    from bulletin_cli.issue_form import PROFILE_FIELDS
    from bulletin_i18n import Translator

    t = Translator("fi")
    fields = {t(field.label_key): EMPTY for field in PROFILE_FIELDS}
    assert set(answers) <= set(fields)
    fields.update(answers)
    return "\n\n".join(f"### {label}\n\n{answer}" for label, answer in fields.items()) + "\n"


def test_from_issue_makes_a_new_association_file_from_the_profile_form(site, tmp_path, capsys):
    body = profile_body(**{
        "Yhdistyksen nimi": "Imatran Shakkikerho ry",
        "Kuvaus": "Shakkia torstaisin.\n\n### Ei kohta\n\nToinen kappale.",
        "Kohderyhmät": "- [X] nuoret\n- [ ] urheilu\n- [x] kulttuuri",
        "Mitä voimme tarjota muille": "- Shakkilaudat lainaan\nShakinopetusta kouluille\n",
        "Mitä tarvitsemme": "Kerhotila torstai-iltoihin", "Y-tunnus": "0112038-9", "Perustamisvuosi": "1995"})
    status, paths, err, comment = site.from_issue(body, capsys)
    assert status == 0, err
    assert paths == [str(site.content / "associations" / "imatran-shakkikerho.yml")]
    text = Path(paths[0]).read_text(encoding="utf-8")
    assert 'groups: ["nuoret", "kulttuuri"]' in text and "### Ei kohta" in text
    assert 'offers: ["Shakkilaudat lainaan", "Shakinopetusta kouluille"]' in text
    assert 'business_id: "0112038-9"' in text and "active" not in text
    assert comment.startswith("Kiitos! Yhdistyksen tiedoista tehtiin tiedosto")
    assert site.check() == 0
    # the same association again, as new: refused, pointing to the question for updates
    status, paths, err, comment = site.from_issue(body, capsys)
    assert status == 1 and "Yhdistys Imatran Shakkikerho ry on jo sivustolla" in comment


def test_from_issue_updates_an_association_keeping_its_slug_and_unanswered_values(site, tmp_path, capsys):
    body = profile_body(**{
        "Mitä yhdistystä tiedot koskevat?": "Testikylän eläkkeensaajat",
        "Yhdistyksen nimi": "Testikylän Eläkkeensaajat ja Ystävät ry",
        "Mitä tarvitsemme": "Kuljetusapua retkille",
        "Toiminta": "- [X] Yhdistys on lopettanut toimintansa"})
    status, paths, err, comment = site.from_issue(body, capsys)
    assert status == 0, err
    assert paths == [str(site.content / "associations" / "testikyla.yml")]
    text = Path(paths[0]).read_text(encoding="utf-8")
    assert 'name: "Testikylän Eläkkeensaajat ja Ystävät ry"' in text and 'needs: ["Kuljetusapua retkille"]' in text
    assert "Kokoonnumme **tiistaisin**" in text and 'email: "info@example.org"' in text  # kept
    assert "active: false" in text and "päivitettiin" in comment
    assert list((site.content / "associations").iterdir()) == [Path(paths[0])]
    assert site.check() == 0


def test_from_issue_updates_an_association_in_its_own_subfolder(site, tmp_path, capsys):
    # associations may be sorted into folders: an update is written over the file that is there,
    # not as a second file of the same slug (which the check refuses)
    kept = site.content / "associations" / "kylat" / "testikyla.yml"
    kept.parent.mkdir()
    (site.content / "associations" / "testikyla.yml").rename(kept)
    assert site.check() == 0
    status, paths, err, comment = site.from_issue(profile_body(**{
        "Mitä yhdistystä tiedot koskevat?": "Testikylän eläkkeensaajat", "Yhdistyksen nimi": "Testikylän Eläkkeensaajat ry",
        "Perustamisvuosi": "1987"}), capsys)
    assert status == 0, err
    assert paths == [str(kept)] and 'founded: "1987"' in kept.read_text(encoding="utf-8")
    assert not (site.content / "associations" / "testikyla.yml").exists()
    assert site.check() == 0


def test_a_refused_profile_issue_is_answered_about_the_details_sent_not_a_notice(site, tmp_path, capsys):
    status, _paths, _err, comment = site.from_issue(profile_body(**{"Yhdistyksen nimi": EMPTY}), capsys)
    assert status == 1 and "ilmoitu" not in comment.lower()  # "Kiitos ilmoituksesta" to a profile
    assert comment.startswith("Kiitos! Lähettämissäsi tiedoissa on kohtia, jotka pitää korjata")
    assert "- Kohta Yhdistyksen nimi puuttuu. Täytä se muokkaamalla tätä viestiä (Edit)." in comment


@pytest.mark.parametrize("answers, message", [
    ({"Y-tunnus": "0112038-8"}, "Y-tunnus"),
    ({"Mitä voimme tarjota muille": "\n".join(f"Tarjous {n}" for n in range(13))}, "Mitä voimme tarjota muille"),
    ({"Mitä yhdistystä tiedot koskevat?": "Olematon seura"}, "Yhdistystä Olematon seura ei löydy sivustolta"),
    ({"Yhdistyksen nimi": EMPTY}, "Kohta Yhdistyksen nimi puuttuu."),
    ({"Perustamisvuosi": "87"}, "Perustamisvuosi"),
    ({"Yhdistyksen nimi": "Testikylän eläkkeensaajat"}, "Yhdistys Testikylän eläkkeensaajat on jo sivustolla"),
])
def test_from_issue_refuses_wrong_profile_answers_and_writes_nothing(site, tmp_path, capsys, answers, message):
    before = sorted((site.content / "associations").iterdir())
    status, paths, err, comment = site.from_issue(profile_body(**{
        "Yhdistyksen nimi": "Imatran Shakkikerho ry", **answers}), capsys)
    assert status == 1 and paths == [] and message in err and message in comment, err
    assert sorted((site.content / "associations").iterdir()) == before


def wanted_issue(**wanted):
    """An issue body of tilat with the answers about a space wanted in their
    place in the form (after the expiry, before the summary)."""
    body = issue_body(**{"Aihe": "Tilat"})
    before, after = body.split("### Lyhyt kuvaus")
    return before + "".join(f"### {label}\n\n{answer}\n\n" for label, answer in wanted.items()) + \
        "### Lyhyt kuvaus" + after


def test_from_issue_writes_a_space_wanted_that_passes_check(site, tmp_path, capsys):
    body = wanted_issue(**{"Etsittävä tila: henkilömäärä": "15",
                           "Etsittävä tila: milloin": "ti 17-19; ti, to klo 9.00–11.00",
                           "Etsittävä tila: kertaa viikossa": EMPTY,
                           "Etsittävä tila: käyttötarkoitus": "- [ ] Kokoukset (kokous)\n- [X] Liikunta ja tanssi (liikunta)",
                           "Etsittävä tila: varusteet": "- [x] Piano (piano)\n- [ ] Sauna (sauna)",
                           "Etsittävä tila: esteettömyys": "- [x] Porrasaton sisäänkäynti (porrasaton)\n- [ ] Hissi (hissi)",
                           "Etsittävä tila: tarve alkaa": "1.1.2027", "Etsittävä tila: tarve päättyy": "31.5.2027"})
    status, paths, err, comment = site.from_issue(body, capsys)
    assert status == 0, err
    text = Path(paths[0]).read_text(encoding="utf-8")
    assert ('wanted:\n  capacity: "15"\n  when: ["ti 17-19", "ti, to klo 9.00–11.00"]\n  purposes: ["liikunta"]\n'
            '  equipment: ["piano"]\n  accessibility: ["porrasaton"]\n  from: "2027-01-01"\n  until: "2027-05-31"\n') in text
    assert site.check() == 0


@pytest.mark.parametrize("answers, message", [
    ({"Etsittävä tila: henkilömäärä": "15", "Etsittävä tila: milloin": "tiistai iltaisin"},
     "Aikaa tiistai iltaisin kentässä Etsittävä tila: milloin ei voi lukea"),
    ({"Etsittävä tila: henkilömäärä": "15", "Etsittävä tila: milloin": "ti 17-19; joka toinen to klo 18-20"},
     "Aika joka toinen to klo 18-20 kentässä Etsittävä tila: milloin ei ole joka viikko, mutta ajat kirjoitetaan "
     'viikoittaisina. Kirjoita viikon aika, esimerkiksi "to klo 18-20", ja kerro tekstissä, millä viikoilla se on.'),
    ({"Etsittävä tila: henkilömäärä": "0", "Etsittävä tila: milloin": "ti 17-19"},
     "Kentän Etsittävä tila: henkilömäärä arvon pitää olla kokonaisluku 1–9999, nyt 0"),
    ({"Etsittävä tila: käyttötarkoitus": "- [X] Liikunta ja tanssi (liikunta)"},
     "Kohta Etsittävä tila: henkilömäärä puuttuu."),
    ({"Etsittävä tila: henkilömäärä": "15", "Etsittävä tila: milloin": "ti 17-19",
      "Etsittävä tila: tarve alkaa": "1.5.2027", "Etsittävä tila: tarve päättyy": "1.1.2027"},
     "päivä (1.1.2027) on ennen kauden alkua (1.5.2027)"),  # as the web form writes days
    ({"Tarjottava tila": "kerhohuonne"}, "Tilaa kerhohuonne ei löydy"),
])
def test_from_issue_refuses_a_bad_space_wanted_or_offered(site, tmp_path, capsys, answers, message):
    status, paths, err, comment = site.from_issue(wanted_issue(**answers), capsys)
    assert status == 1 and paths == []
    assert message in err and message in comment


@pytest.mark.parametrize("door", ["new", "add", "from-issue"])
def test_every_door_says_a_notice_dated_later_is_scheduled_as_check_does(site, tmp_path, capsys, door):
    if door == "new":
        status = main(["new", "--content", str(site.content), "--title", "Kevätkokous", "--association",
                       "testikyla", "--category", "tiedotteet", "--date", "15.12.2026", "--body", "Tervetuloa."])
        out, err = capsys.readouterr()
    elif door == "add":
        status, paths, err = add(site, notice_text("Kevätkokous", date="2026-12-15"), capsys=capsys,
                                 tmp_path=tmp_path)
        out = "\n".join(paths)
    else:
        status, paths, err, comment = site.from_issue(issue_body(**{"Julkaisupäivä": "15.12.2026"}), capsys,
                                                      today="2026-12-01")
        out = "\n".join(paths)
        assert "ajastettu, julkaistaan 15.12.2026" in comment, comment
    assert status == 0, err
    written = out.split()[0]
    assert f"{written}: ajastettu, julkaistaan 15.12.2026." in err.splitlines(), err
    capsys.readouterr()
    assert main(["check", "--content", str(site.content), "--today", "2026-12-01", written]) == 0
    assert f"{written}: ajastettu, julkaistaan 15.12.2026." in capsys.readouterr().err


@pytest.mark.parametrize("answers, label", [
    ({"Muut mukana olevat yhdistykset": "Testikylän Eläkkeensaajat ry"}, "Muut mukana olevat yhdistykset"),
    ({"Aihe": "Tapahtumat", "Tapahtuman alkamisaika": "5.11.2026 klo 18", "Paikka": "Sali"},
     "Tapahtuman alkamisaika"),
    ({"Ilmoituksen teksti": "Tervetuloa!\n\n<script>alert(1)</script>"}, "Ilmoituksen teksti"),
])
def test_a_late_refusal_of_the_issue_form_names_the_issue_and_the_answer_not_an_unwritten_file(site, capsys,
                                                                                              answers, label):
    # the notice's own association as its partner, an event that is over, HTML: found once the file is made
    body = issue_body(**answers)
    status, paths, err, comment = site.from_issue(body, capsys)
    assert status == 1 and paths == [] and list((site.content / "notices").rglob("*.md")) == []
    line = body.split("\n").index(f"### {label}") + 1
    refusals = [said for said in err.splitlines() if said.startswith(str(site.root))
                or said.startswith("content") or ".md:" in said]
    assert len(refusals) == 1 and refusals[0].startswith(f"{site.root / 'issue-body.md'}:{line}: {label}: "), err
    assert "kevatkokous" not in err and f"\n- {label}: " in comment


@pytest.mark.parametrize("command", ["new", "from-issue"])
@pytest.mark.parametrize("written, told", [
    # "Imatrankosken Eläkeläiset; Laulukuoro" was one name, read by its words as the first association alone
    ("Imatrankosken Eläkeläiset; Laulukuoro ry", None),
    # two names without a separator are the first one's words and one more: taken as it, which is said
    ("Imatrankosken Eläkeläiset Laulukuoro, kuoro",
     "Yhdistys Imatrankosken Eläkeläiset Laulukuoro on sivustolla nimellä Imatrankosken Eläkeläiset ry (imel)"),
])
def test_each_partner_is_found_and_one_found_by_a_name_not_written_so_is_told(site, capsys, command, written, told):
    site.association("kuoro", "name: Laulukuoro ry\n")
    site.association("imel", "name: Imatrankosken Eläkeläiset ry\n")
    status, paths, err = _joint_by(command, site, written, capsys)
    assert status == 0, err
    assert 'partners: ["imel", "kuoro"]' in Path(paths[0]).read_text(encoding="utf-8")
    if told:
        assert err.count("Yhdistys ") == 1 and told in err, err


@pytest.mark.parametrize("answers, labels", [
    ({"Tapahtuman alkamisaika": "ke 9.12.2026 klo 18"}, ["Tapahtuman alkamisaika"]),  # no Tuesday
    ({"Tapahtuman päättymisaika": "26.1.2027 klo 20"}, ["Tapahtuman päättymisaika", "Viimeinen kerta"]),
])
def test_the_issue_form_names_the_other_fields_by_their_labels(site, capsys, answers, labels):
    # the rules between fields, as the issue form's person reads them: never "start-kohtaan" or "repeat.until"
    status, paths, err, comment = site.from_issue(issue_body(**{
        "Aihe": "Tapahtumat", "Tapahtuman alkamisaika": "ti 8.12.2026 klo 18", "Paikka": "Kerhohuone",
        "Toistuva tapahtuma: viikonpäivät": "ti", "Viimeinen kerta": "26.1.2027", **answers}), capsys)
    assert status == 1 and paths == []
    assert all(f"kohtaan {label}" in comment for label in labels), comment
    assert not re.search(r"\b(start|end|repeat|until|except|dates)\b|-kohtaan", comment), comment


def test_a_registration_deadline_is_taken_and_one_after_the_event_refused_at_every_command(site, capsys):
    # the issue form and `new` ask for it as the web form does; the file's rule says the same at each
    event = {"Aihe": "Tapahtumat", "Tapahtuman alkamisaika": "5.12.2026 klo 18.00", "Paikka": "Kerhohuone"}
    status, paths, err, _comment = site.from_issue(issue_body(**event, **{
        "Ilmoittautumisen viimeinen päivä": "1.12.2026 klo 16"}), capsys)
    assert status == 0, err
    assert 'registration_deadline: "2026-12-01 16:00"' in Path(paths[0]).read_text(encoding="utf-8")
    late = ("Ilmoittautumisen viimeinen päivä 6.12.2026 on tapahtuman viimeisen kerran (5.12.2026) jälkeen. "
            "Korjaa kohta {field}: ilmoittautuminen voi päättyä viimeistään 5.12.2026.")
    status, paths, err, comment = site.from_issue(issue_body(**dict(event, Otsikko="Toinen"), **{
        "Ilmoittautumisen viimeinen päivä": "6.12.2026"}), capsys)
    assert status == 1 and paths == []
    assert late.format(field="Ilmoittautumisen viimeinen päivä") in comment
    flags = ["new", "--content", str(site.content), "--title", "Kolmas", "--association", "testikyla",
             "--category", "tapahtumat", "--start", "5.12.2026 klo 18", "--location", "Kerhohuone", "--body", "Tervetuloa!"]
    assert main(flags + ["--registration-deadline", "6.12.2026"]) == 1
    assert "--registration-deadline: " + late.format(field="--registration-deadline") in capsys.readouterr().err
    assert main(flags + ["--registration-deadline", "la 5.12."]) == 0
    assert 'registration_deadline: "2026-12-05"' in Path(capsys.readouterr().out.strip()).read_text(encoding="utf-8")
    assert site.check() == 0


def test_an_empty_list_is_told_in_the_words_of_the_door_not_the_files(site, capsys):
    # a list of the file is a comma list in a box or a flag: no brackets to write between, no file key
    status, paths, err, comment = site.from_issue(issue_body(**{
        "Aihe": "Tapahtumat", "Tapahtuman alkamisaika": "ti 8.12. klo 18", "Paikka": "Sali",
        "Toistuva tapahtuma: viikonpäivät": ",", "Viimeinen kerta": "26.1.2027"}), capsys)
    assert status == 1 and paths == []
    assert ("Kentän Toistuva tapahtuma: viikonpäivät luettelo on tyhjä. Kirjoita siihen ainakin yksi kohta, "
            "esimerkiksi Toistuva tapahtuma: viikonpäivät: ti.") in comment
    assert main(["new", "--content", str(site.content), "--title", "Kerho", "--association", "testikyla",
                 "--category", "tapahtumat", "--start", "ti 8.12. klo 18", "--location", "Sali", "--weekdays", ",",
                 "--until", "26.1.2027", "--body", "Tervetuloa!"]) == 1
    assert ('--weekdays: Kentän --weekdays luettelo on tyhjä. Kirjoita siihen ainakin yksi kohta, esimerkiksi '
            '--weekdays "ti".') in capsys.readouterr().err


@pytest.mark.parametrize("flag", ["--registration-deadline", "--expires"])
def test_new_tells_a_time_alone_where_a_day_is_asked_as_people_write_days(site, capsys, flag):
    # not "Kirjoita --expires: VVVV-KK-PP TT:MM", the file's form, to a person who typed 16.00;
    # an event's end alone is a time on its start's day
    status = main(["new", "--content", str(site.content), "--title", "Kerho", "--association", "testikyla",
                   "--category", "tapahtumat", "--start", "la 5.12. klo 18", "--end", "20.00", "--location", "Sali",
                   flag, "16.00", "--body", "Tervetuloa!"])
    err = capsys.readouterr().err
    assert status == 2 and "VVVV" not in err
    assert f"{flag}: kirjoita päivä ja tarvittaessa kellonaika, esimerkiksi la 5.12. klo 18 tai 5.12.2026 18.00. " \
           "Kohtaa ”16.00” ei voi lukea päiväksi." in err
