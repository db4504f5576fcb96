"""Dates and times as people write them, in every entry point that people type into."""
from datetime import date
from pathlib import Path

import pytest

from bulletin_cli.cli import main
from bulletin_contract.people_dates import read_clock, read_when
from conftest import notice_text
from test_editor_commands import EMPTY, issue_body

pytestmark = pytest.mark.usefixtures("example_today")

TODAY = date(2026, 12, 1)


@pytest.mark.parametrize("text, expected", [
    ("5.12.", ("2026-12-05", None)),
    ("5.12", ("2026-12-05", None)),
    ("5.12.2026", ("2026-12-05", None)),
    ("la 5.12.", ("2026-12-05", None)),
    ("la 5.12. klo 18", ("2026-12-05 18:00", None)),
    ("lauantaina 5.12. klo 18.30–20", ("2026-12-05 18:30", "2026-12-05 20:00")),
    ("5.12. 18,30", ("2026-12-05 18:30", None)),
    ("La 5.12.2026 klo 18:30 - 20:00", ("2026-12-05 18:30", "2026-12-05 20:00")),
    ("3.1.", ("2027-01-03", None)),  # the next such day from today
    ("1.12.", ("2026-12-01", None)),  # today is the next such day
    ("2026-12-5", ("2026-12-05", None)),
    ("la\u00a05.12.\u00a0klo\u202f18", ("2026-12-05 18:00", None)),  # spaces the form's \s reads too
    # a year by its last two digits: the nearest such year
    ("7.12.26", ("2026-12-07", None)),
    ("ma 7.12.26 klo 18\u221220", ("2026-12-07 18:00", "2026-12-07 20:00")),  # a minus for the dash
    ("7.12.99", ("1999-12-07", None)),  # not 2099: the rules then say it is over
    ("5.12.202", None),
    ("huomenna", None),
    ("18", None),  # a time is not a day
])
def test_a_day_as_people_write_it(text, expected):
    assert read_when(text, TODAY) == expected


@pytest.mark.parametrize("text, expected", [
    ("20.11.", "2026-11-20"),  # written late: this year's, not a year ahead
    ("1.12.", "2026-12-01"),
    ("3.1.", "2027-01-03"),  # soon: the next such day, as for any date
    ("31.5.", "2027-05-31"),
])
def test_a_publication_day_without_a_year_is_the_nearest(text, expected):
    assert read_when(text, TODAY, recent=True) == (expected, None)
    assert read_when("20.11.", TODAY) == ("2027-11-20", None)  # an event's day: the next such day


@pytest.mark.parametrize("text, expected", [
    ("klo 18", ("18:00", None)), ("18", ("18:00", None)), ("18.30", ("18:30", None)),
    ("18,30", ("18:30", None)), ("18:30", ("18:30", None)), ("18–20", ("18:00", "20:00")),
    ("klo 18.30 - 20", ("18:30", "20:00")), ("kello 18", ("18:00", None)), ("Kello 18–kello 20", ("18:00", "20:00")),
    ("kuudelta", None), ("kellot 18", None),
    # what a phone or a word processor puts for a dash: a minus, a non-breaking hyphen
    ("18\u221220", ("18:00", "20:00")), ("18\u201120", ("18:00", "20:00")), ("18 \u2212 20.30", ("18:00", "20:30")),
])
def test_a_time_as_people_write_it(text, expected):
    assert read_clock(text) == expected


# Other scripts' digits and look-alike letters (ſ, the Kelvin sign K), which
# Python's Unicode matching reads as 0-9, s and k: the form's JavaScript does not.
@pytest.mark.parametrize("text", [
    "\u0665.\u0661\u0662.", "\uff15.12.2026", "5.12. klo \u0661\u0668", "\u017fu 6.12.", "\u212ae 9.12.",
    "la 5.12. \u212alo 18", "\u0968\u0966\u0968\u0966-12-05",
])
def test_other_digits_and_look_alike_letters_are_no_day(text):
    assert read_when(text, TODAY) is None


@pytest.mark.parametrize("text", ["\u0661\u0668.\u0660\u0660", "\uff11\uff18", "klo 18\u2013\u0662\u0660"])
def test_other_digits_are_no_time(text):
    assert read_clock(text) is None


def test_new_refuses_an_end_in_other_digits_as_check_does(site, capsys):
    # read as 18:00 once, written as "18:٠٠", which check took and the form refused
    status = main(["new", "--content", str(site.content), "--title", "Joulumyyjäiset", "--association",
                   "testikyla", "--category", "tapahtumat", "--start", "la 5.12. klo 10",
                   "--end", "\u0661\u0668.\u0660\u0660", "--location", "Asukastupa", "--body", "Tervetuloa!"])
    out = capsys.readouterr()
    assert status != 0 and out.out == ""
    # refused as check refuses it, in the words of the door (a day as people write one, not ISO)
    assert "--end: kirjoita päivä ja tarvittaessa kellonaika" in out.err
    assert "Kohtaa ”\u0661\u0668.\u0660\u0660” ei voi lukea päiväksi" in out.err


def test_issue_form_takes_a_day_without_a_year_and_a_range_of_times(site, capsys):
    body = issue_body(**{"Aihe": "Tapahtumat", "Tapahtuman alkamisaika": "la 5.12. klo 18–20",
                         "Paikka": "Kerhohuone", "Julkaisupäivä": "28.11."})
    status, paths, err, _comment = site.from_issue(body, capsys)
    assert status == 0, err
    text = Path(paths[0]).read_text(encoding="utf-8")
    # --today 2026-11-28: 5.12. is this year's, 28.11. is today
    assert 'start: "2026-12-05 18:00"' in text and 'end: "2026-12-05 20:00"' in text
    assert 'date: "2026-11-28"' in text
    assert site.check() == 0


def test_issue_form_reply_speaks_the_forms_words_not_iso(site, capsys):
    body = issue_body(**{"Aihe": "Tapahtumat", "Tapahtuman alkamisaika": "lauantaina kuudelta",
                         "Paikka": "Kerhohuone", "Voimassa viimeistään": EMPTY})
    status, _paths, _err, comment = site.from_issue(body, capsys)
    assert status == 1
    assert "Tapahtuman alkamisaika: kirjoita päivä ja tarvittaessa kellonaika, esimerkiksi la 5.12. klo 18" in comment
    assert "VVVV" not in comment and "event." not in comment



# The web form writes a message's days and times as people write them
# (test_submit_form); the issue form and `new` say the same words.
@pytest.mark.parametrize("answers, flags, said", [
    ({"Tapahtuman alkamisaika": "7.12. klo 18", "Tapahtuman päättymisaika": "8.12."},
     ["--start", "7.12. klo 18", "--end", "8.12."],
     "{key}: Tapahtuma alkaa kellonaikana (7.12.2026 klo 18.00), mutta sen loppuun on kirjoitettu pelkkä päivä "
     "(8.12.2026). Kirjoita loppuun myös kellonaika, esimerkiksi \"8.12.2026 TT:MM\", tai poista alusta "
     "kellonaika, jos tapahtuma kestää kokonaisia päiviä."),
    ({"Tapahtuman alkamisaika": "ti 1.12. klo 18", "Toistuva tapahtuma: viikonpäivät": "ti",
      "Viimeinen kerta": "26.1. klo 18"},
     ["--start", "ti 1.12. klo 18", "--weekdays", "ti", "--until", "26.1. klo 18"],
     'Kenttään {key} kirjoitetaan pelkkä päivä ilman kellonaikaa: "26.1.2027".'),
])
def test_the_issue_form_and_new_write_days_in_a_message_as_the_web_form_does(site, capsys, answers, flags, said):
    body = issue_body(**{"Aihe": "Tapahtumat", "Paikka": "Kerhohuone", **answers})
    status, paths, err, comment = site.from_issue(body, capsys)
    label = "Tapahtuman päättymisaika" if "--end" in flags else "Viimeinen kerta"
    assert status == 1 and said.format(key=label) in comment, comment
    status = main(["new", "--content", str(site.content), "--title", "Kokous", "--association", "testikyla",
                   "--category", "tapahtumat", "--location", "Sali", "--body", "Tervetuloa!", *flags])
    out = capsys.readouterr()
    assert status != 0 and said.split("{key}")[1] in out.err, out.err  # new names the flag its own way


@pytest.mark.parametrize("written, start, end", [
    ("9.12. kello 18.30-20", "2026-12-09 18:30", "2026-12-09 20:00"),
    ("ke 9.12.2026 kello 18", "2026-12-09 18:00", None),
    ("9.12. klo 18 - kello 20", "2026-12-09 18:00", "2026-12-09 20:00"),
])
def test_issue_form_takes_kello_written_out_as_klo(site, capsys, written, start, end):
    # "kello" is how many write "klo" in full; the space form's hours took it already
    from_issue_start(site, capsys, written, start, end)
    assert site.check() == 0


def from_issue_start(site, capsys, written, start, end):
    """The file the issue form makes of an event starting `written`: its
    start and end must be `start` and `end` (None: no end)."""
    body = issue_body(**{"Aihe": "Tapahtumat", "Tapahtuman alkamisaika": written, "Paikka": "Kerhohuone"})
    status, paths, err, _comment = site.from_issue(body, capsys)
    assert status == 0, err
    text = Path(paths[0]).read_text(encoding="utf-8")
    assert f'start: "{start}"' in text and (f'end: "{end}"' in text if end else "end:" not in text)
    return Path(paths[0])


@pytest.mark.parametrize("written, start, end", [
    ("7.12.26 klo 18", "2026-12-07 18:00", None),
    ("ma 7.12.26 18\u221220", "2026-12-07 18:00", "2026-12-07 20:00"),
    ("7.12. klo 18\u201120", "2026-12-07 18:00", "2026-12-07 20:00"),
])
def test_issue_form_and_new_take_a_two_digit_year_and_a_minus_for_a_dash(site, capsys, written, start, end):
    from_issue_start(site, capsys, written, start, end).unlink()
    status = main(["new", "--content", str(site.content), "--title", "Kokous", "--association", "testikyla",
                   "--category", "tapahtumat", "--start", written, "--location", "Sali", "--body", "Tervetuloa!"])
    path = capsys.readouterr().out.strip()
    assert status == 0 and f'start: "{start}"' in Path(path).read_text(encoding="utf-8")


@pytest.mark.parametrize("written, start", [("7.12.26 klo 18", "2026-12-07 18:00"), ("ma 7.12.26 18", "2026-12-07 18:00"),
                                            ("31.12.99", "1999-12-31")])
def test_check_names_the_day_the_doors_read_of_a_two_digit_year(site, capsys, written, start):
    # the doors read the year as its nearest: check asks for that day in ISO, not for any date
    status = main(["new", "--content", str(site.content), "--title", "Kokous", "--association", "testikyla",
                   "--category", "tiedotteet", "--date", written, "--body", "Tervetuloa!"])
    out = capsys.readouterr()
    assert status == 0 and f'date: "{start}"' in Path(out.out.strip()).read_text(encoding="utf-8"), out.err
    Path(out.out.strip()).unlink()
    path = site.notice("kasin.md", notice_text(date=written))
    iso = "päivä ja kellonaika" if " " in start else "päivämäärä"
    assert site.refusals(path, capsys) == [f"Kirjoita {iso} {written} muodossa VVVV-KK-PP{' TT:MM' * (' ' in start)}: "
                                          f"date: {start}."]


def test_a_day_no_door_can_read_is_told_in_the_doors_words_not_the_files(site, capsys):
    # `new` reads 7.12. klo 18 as the issue form does: it must not ask for 2026-12-07 18:00
    said = ("{key}: kirjoita päivä ja tarvittaessa kellonaika, esimerkiksi la 5.12. klo 18 tai 5.12.2026 18.00. "
            "Kohtaa ”{value}” ei voi lukea päiväksi.")
    status = main(["new", "--content", str(site.content), "--title", "Kokous", "--association", "testikyla",
                   "--category", "tapahtumat", "--start", "7/12 klo 18", "--location", "Sali", "--body", "Tervetuloa!"])
    err = capsys.readouterr().err
    assert status == 2 and said.format(key="--start", value="7/12 klo 18") in err and "VVVV" not in err, err
    body = issue_body(**{"Aihe": "Tapahtumat", "Tapahtuman alkamisaika": "ti 1.12. klo 18", "Paikka": "Kerhohuone",
                         "Toistuva tapahtuma: viikonpäivät": "ti", "Viimeinen kerta": "26.1.",
                         "Poikkeuspäivät": "joulupäivä, uusivuosi"})
    status, _paths, _err, comment = site.from_issue(body, capsys)  # each day off that is none, by its words
    # a day off is a day alone (a time in it is refused): no time is asked for
    day_alone = "{key}: kirjoita päivä, esimerkiksi ti 8.12. tai 8.12.2026. Kohtaa ”{value}” ei voi lukea päiväksi."
    assert status == 1 and all(day_alone.format(key="Poikkeuspäivät", value=day) in comment
                               for day in ("joulupäivä", "uusivuosi")), comment


@pytest.mark.parametrize("flag, label, written", [("except", "Poikkeuspäivät", "joulun aika"),
                                                  ("until", "Viimeinen kerta", "kevään loppu")])
def test_a_day_alone_no_door_can_read_is_not_asked_for_a_time(site, capsys, flag, label, written):
    said = "{key}: kirjoita päivä, esimerkiksi ti 8.12. tai 8.12.2026. Kohtaa ”{value}” ei voi lukea päiväksi."
    series = {"until": "26.1.2027", "except": "22.12.2026", flag: written}
    status = main(["new", "--content", str(site.content), "--title", "Kerho", "--association", "testikyla",
                   "--category", "tapahtumat", "--start", "ti 8.12.2026 klo 18", "--location", "Sali",
                   "--weekdays", "ti", "--until", series["until"], "--except", series["except"], "--body", "Tervetuloa!"])
    err = capsys.readouterr().err
    assert status == 2 and said.format(key=f"--{flag}", value=written) in err and "kellonaika" not in err, err
    body = issue_body(**{"Aihe": "Tapahtumat", "Tapahtuman alkamisaika": "ti 8.12.2026 klo 18", "Paikka": "Sali",
                         "Toistuva tapahtuma: viikonpäivät": "ti", "Viimeinen kerta": series["until"],
                         "Poikkeuspäivät": series["except"]})
    status, _paths, err, _comment = site.from_issue(body, capsys)
    assert status == 1 and said.format(key=label, value=written) in err and "kellonaika" not in err, err


def test_a_range_of_times_and_another_end_are_refused_at_every_door(site, capsys):
    # "klo 18–20" and an end of 21: which one is meant is the submitter's to say, not a silent pick
    body = issue_body(**{"Aihe": "Tapahtumat", "Tapahtuman alkamisaika": "ke 9.12. klo 18–20",
                         "Tapahtuman päättymisaika": "klo 21", "Paikka": "Kerhohuone"})
    status, paths, err, comment = site.from_issue(body, capsys)
    said = ("Tapahtuman päättymisaika: alkamisajassa on jo päättymisaika klo 20.00, mutta tässä on klo 21. "
            "Kirjoita päättymisaika vain toiseen kohtaan.")
    assert status == 1 and paths == [] and said in comment and said in err
    status = main(["new", "--content", str(site.content), "--title", "Kokous", "--association", "testikyla",
                   "--category", "tapahtumat", "--start", "ke 9.12. klo 18–20", "--end", "klo 21",
                   "--location", "Sali", "--body", "Tervetuloa!"])
    out = capsys.readouterr()
    assert status == 2 and out.out == ""
    assert ("--end: alkamisajassa on jo päättymisaika klo 20.00, mutta tässä on klo 21. "
            "Kirjoita päättymisaika vain toiseen kohtaan.") in out.err
    assert list((site.content / "notices").rglob("*.md")) == []


def test_a_weekday_that_is_another_days_is_refused_at_every_door(site, capsys):
    # 9.12.2026 is a Wednesday: "ti 9.12." may mean Tuesday 8.12., which is the submitter's to say
    said = "{key}: 9.12.2026 on keskiviikko, ei tiistai. Kirjoita oikea päivä tai oikea viikonpäivä."
    body = issue_body(**{"Aihe": "Tapahtumat", "Tapahtuman alkamisaika": "ti 9.12. klo 18", "Paikka": "Kerhohuone"})
    status, paths, err, comment = site.from_issue(body, capsys)
    assert status == 1 and paths == []
    assert said.format(key="Tapahtuman alkamisaika") in comment and said.format(key="Tapahtuman alkamisaika") in err
    status = main(["new", "--content", str(site.content), "--title", "Kokous", "--association", "testikyla",
                   "--category", "tapahtumat", "--start", "Tiistaina 9.12. klo 18", "--location", "Sali",
                   "--body", "Tervetuloa!"])
    out = capsys.readouterr()
    assert status == 2 and said.format(key="--start") in out.err
    assert list((site.content / "notices").rglob("*.md")) == []
    # the day's own weekday, or none, is the day
    assert read_when("ke 9.12. klo 18", TODAY) == ("2026-12-09 18:00", None)
    assert read_when("9.12. klo 18", TODAY) == ("2026-12-09 18:00", None)


def test_a_day_off_whose_weekday_is_another_days_is_refused_at_every_door(site, capsys):
    # the days off of a series are dates people write with weekdays too: "ti 9.12." is the start's rule
    said = "{key}: 9.12.2026 on keskiviikko, ei tiistai. Kirjoita oikea päivä tai oikea viikonpäivä."
    body = issue_body(**{"Aihe": "Tapahtumat", "Tapahtuman alkamisaika": "ti 1.12. klo 18", "Paikka": "Kerhohuone",
                         "Toistuva tapahtuma: viikonpäivät": "ti", "Viimeinen kerta": "26.1.",
                         "Poikkeuspäivät": "29.12., ti 9.12."})
    status, paths, err, comment = site.from_issue(body, capsys)
    assert status == 1 and paths == []
    assert said.format(key="Poikkeuspäivät") in comment and said.format(key="Poikkeuspäivät") in err
    status = main(["new", "--content", str(site.content), "--title", "Kuoro", "--association", "testikyla",
                   "--category", "tapahtumat", "--start", "ti 1.12. klo 18", "--location", "Sali",
                   "--weekdays", "ti", "--until", "26.1.", "--except", "29.12., ti 9.12.", "--body", "Tervetuloa!"])
    out = capsys.readouterr()
    assert status == 2 and said.format(key="--except") in out.err
    assert list((site.content / "notices").rglob("*.md")) == []



@pytest.mark.parametrize("days, said", [
    ("ti 9.12., ti 16.12.", ["{key}: 9.12.2026 on keskiviikko, ei tiistai.", "{key}: 16.12.2026 on keskiviikko, ei tiistai."]),
    ("29.12. klo 18 ja 5.1. klo 18", ['Kenttään {key} kirjoitetaan pelkkä päivä ilman kellonaikaa: "29.12.2026".',
                                      'Kenttään {key} kirjoitetaan pelkkä päivä ilman kellonaikaa: "5.1.2027".']),
])
def test_every_bad_day_off_is_told_at_once_at_every_door(site, capsys, days, said):
    body = issue_body(**{"Aihe": "Tapahtumat", "Tapahtuman alkamisaika": "ti 1.12. klo 18", "Paikka": "Kerhohuone",
                         "Toistuva tapahtuma: viikonpäivät": "ti", "Viimeinen kerta": "26.1.", "Poikkeuspäivät": days})
    status, _paths, _err, comment = site.from_issue(body, capsys)
    assert status == 1 and all(each.format(key="Poikkeuspäivät") in comment for each in said), comment
    status = main(["new", "--content", str(site.content), "--title", "Kuoro", "--association", "testikyla",
                   "--category", "tapahtumat", "--start", "ti 1.12. klo 18", "--location", "Sali",
                   "--weekdays", "ti", "--until", "26.1.", "--except", days, "--body", "Tervetuloa!"])
    err = capsys.readouterr().err
    assert status != 0 and all(each.split("{key}")[1] in err for each in said), err


def test_a_range_of_times_where_one_time_is_asked_is_refused_at_every_door(site, capsys):
    # only the start takes "klo 10–12": in the end, the publication day or the expiry its end was dropped
    said = "{key}: kirjoita tähän yksi aika, ei aikaväliä ({value}). Tapahtuman kellonaikojen välin voi kirjoittaa alkamisaikaan: la 5.12. klo 18–20."
    body = issue_body(**{"Aihe": "Tapahtumat", "Tapahtuman alkamisaika": "ma 7.12. klo 18",
                         "Tapahtuman päättymisaika": "8.12. klo 10–12", "Paikka": "Kerhohuone"})
    status, paths, err, comment = site.from_issue(body, capsys)
    message = said.format(key="Tapahtuman päättymisaika", value="8.12. klo 10–12")
    assert status == 1 and paths == [] and message in comment and message in err
    status = main(["new", "--content", str(site.content), "--title", "Tiedote", "--association", "testikyla",
                   "--category", "tiedotteet", "--expires", "31.12. klo 10-12", "--body", "Tervetuloa!"])
    out = capsys.readouterr()
    assert status == 2 and said.format(key="--expires", value="31.12. klo 10-12") in out.err
    assert list((site.content / "notices").rglob("*.md")) == []


DAY_RANGE_SAID = ("{key}: kirjoita tähän yksi päivä, ei päivien väliä ({value}). Monipäiväisen tapahtuman "
                  "ensimmäinen päivä kirjoitetaan alkamisaikaan ja viimeinen päättymisaikaan.")


@pytest.mark.parametrize("written", ["18.–20.12.2026", "18.-20.12.", "la 18.12. – su 20.12.", "18.12.2026—20.12.2026"])
def test_a_range_of_days_is_refused_at_every_door_saying_where_its_days_go(site, capsys, written):
    body = issue_body(**{"Aihe": "Tapahtumat", "Tapahtuman alkamisaika": written, "Paikka": "Kerhohuone"})
    status, paths, err, comment = site.from_issue(body, capsys)
    message = DAY_RANGE_SAID.format(key="Tapahtuman alkamisaika", value=written)
    assert status == 1 and paths == [] and message in comment and message in err
    status = main(["new", "--content", str(site.content), "--title", "Leiri", "--association", "testikyla",
                   "--category", "tapahtumat", "--start", written, "--location", "Sali", "--body", "Tervetuloa!"])
    out = capsys.readouterr()
    assert status == 2 and DAY_RANGE_SAID.format(key="--start", value=written) in out.err
    assert list((site.content / "notices").rglob("*.md")) == []


DAYS_OFF_RANGE_SAID = ("{key}: kirjoita jokainen poikkeuspäivä erikseen, ei päivien väliä ({value}), esimerkiksi "
                       "2.6., 9.6., 16.6. Pitkästä tauosta, kuten kesätauosta, voi tehdä myös kaksi ilmoitusta: "
                       "toisen tauon alkuun asti ja toisen tauon jälkeen.")


def test_a_range_of_days_off_is_refused_at_every_door_saying_to_write_each_day(site, capsys):
    # a summer break: the multi-day event's start and end, which the range's message spoke of, are no help here
    body = issue_body(**{"Aihe": "Tapahtumat", "Tapahtuman alkamisaika": "ti 12.1. klo 18", "Paikka": "Kerhohuone",
                         "Toistuva tapahtuma: viikonpäivät": "ti", "Viimeinen kerta": "31.8.",
                         "Poikkeuspäivät": "23.2., 1.6.–31.7."})
    status, paths, err, comment = site.from_issue(body, capsys)
    message = DAYS_OFF_RANGE_SAID.format(key="Poikkeuspäivät", value="1.6.–31.7.")
    assert status == 1 and paths == [] and message in comment and message in err
    status = main(["new", "--content", str(site.content), "--title", "Kerho", "--association", "testikyla",
                   "--category", "tapahtumat", "--start", "ti 12.1. klo 18", "--location", "Sali", "--weekdays", "ti",
                   "--until", "31.8.", "--except", "23.2., 1.6.–31.7.", "--body", "Tervetuloa!"])
    out = capsys.readouterr()
    assert status == 2 and DAYS_OFF_RANGE_SAID.format(key="--except", value="1.6.–31.7.") in out.err
    assert list((site.content / "notices").rglob("*.md")) == []


def test_check_says_of_a_files_date_whose_weekday_is_another_days_what_the_doors_say(site, capsys):
    # a near miss is given its ISO form to write, but not 2026-12-09 for "ti 9.12.2026": that may mean 8.12.
    path = site.notice("2026/kuoro.md", """---
title: "Kuoro"
association: testikyla
category: tapahtumat
date: "2026-11-20"
event:
  start: "2026-12-01 18:00"
  location: "Koulu"
  repeat:
    weekdays: [ti]
    until: "2027-02-23"
    except: ["ti 9.12.2026"]
  dates: ["2026-12-04 18:00", "ke 9.12.2026 18:00", "ti 16.12.2026 klo 18"]
---
Tervetuloa.
""")
    said = "{key}: {day} on keskiviikko, ei tiistai. Kirjoita oikea päivä tai oikea viikonpäivä."
    assert site.refusals(path, capsys) == [
        said.format(key="event.repeat.except", day="9.12.2026"),
        # the day's own weekday: only the ISO form is asked for
        "Kirjoita päivä ja kellonaika ke 9.12.2026 18:00 muodossa VVVV-KK-PP TT:MM: event.dates: 2026-12-09 18:00.",
        said.format(key="event.dates", day="16.12.2026")]  # every bad day of the list, in one run


def test_a_range_of_times_and_the_same_end_are_one_end(site, capsys):
    body = issue_body(**{"Aihe": "Tapahtumat", "Tapahtuman alkamisaika": "ke 9.12. klo 18–20",
                         "Tapahtuman päättymisaika": "20.00", "Paikka": "Kerhohuone"})
    status, paths, err, _comment = site.from_issue(body, capsys)
    assert status == 0, err
    assert 'end: "20:00"' in Path(paths[0]).read_text(encoding="utf-8")


def test_new_takes_a_day_and_a_range_of_times(site, capsys):
    status = main(["new", "--content", str(site.content), "--title", "Joulumyyjäiset", "--association",
                   "testikyla", "--category", "tapahtumat", "--start", "la 5.12. klo 10–14",
                   "--location", "Asukastupa", "--body", "Tervetuloa!"])
    assert status == 0
    text = Path(capsys.readouterr().out.strip()).read_text(encoding="utf-8")
    assert 'start: "2026-12-05 10:00"' in text and 'end: "2026-12-05 14:00"' in text


def test_issue_form_writes_a_series_as_people_say_it(site, capsys):
    body = issue_body(**{"Aihe": "Vapaaehtoiset", "Tapahtuman alkamisaika": "ti 1.12. klo 10–11",
                         "Paikka": "Kerhohuone", "Toistuva tapahtuma: viikonpäivät": "tiistai ja torstai",
                         "Kuinka usein": "joka toinen viikko", "Viimeinen kerta": "26.1.",
                         "Poikkeuspäivät": "29.12."})
    status, paths, err, _comment = site.from_issue(body, capsys)
    assert status == 0, err
    text = Path(paths[0]).read_text(encoding="utf-8")
    assert ('  repeat:\n    weekdays: ["ti", "to"]\n    interval: "2"\n    until: "2027-01-26"\n'
            '    except: ["2026-12-29"]\n') in text
    assert site.check() == 0


@pytest.mark.parametrize(("said", "interval"), [("kahden viikon välein", "2"), ("Joka 2. viikko", "2"),
                                               ("kolmen viikon välein", "3"), ("neljän viikon välein", "4")])
def test_issue_form_reads_weeks_apart_as_people_say_it(site, capsys, said, interval):
    body = issue_body(**{"Aihe": "Vapaaehtoiset", "Tapahtuman alkamisaika": "ti 1.12. klo 10–11",
                         "Paikka": "Kerhohuone", "Toistuva tapahtuma: viikonpäivät": "ti",
                         "Kuinka usein": said, "Viimeinen kerta": "26.1."})
    status, paths, err, _comment = site.from_issue(body, capsys)
    assert status == 0, err
    assert f'    interval: "{interval}"\n' in Path(paths[0]).read_text(encoding="utf-8")
    assert site.check() == 0


def test_issue_form_says_how_to_write_how_often(site, capsys):
    body = issue_body(**{"Aihe": "Tapahtumat", "Tapahtuman alkamisaika": "ti 1.12. klo 10",
                         "Paikka": "Kerhohuone", "Toistuva tapahtuma: viikonpäivät": "ti",
                         "Kuinka usein": "silloin tällöin", "Viimeinen kerta": "26.1."})
    status, _paths, _err, comment = site.from_issue(body, capsys)
    assert status == 1 and "Kuinka usein: kirjoita esimerkiksi joka viikko, joka toinen viikko" in comment
