"""Events as associations hold them: series with days off and extra dates,
statuses, events in any category, the daylight-saving changes, and notices
scheduled for a later day. Calendars are expanded with recurring-ical-events,
a library independent of the bulletin's own arithmetic."""
import json
import re
import textwrap
from datetime import date, datetime, time, timedelta, timezone

import feedparser
import pytest
import recurring_ical_events
from icalendar import Calendar

from bulletin_cli.cli import main
from bulletin_contract.fields import HELSINKI
from bulletin_contract.model import Repeat
from bulletin_contract.schedule import nth_weekday, rule_days
from bulletin_contract.validate import read_notice
from bulletin_sharing import structured
from dateutil import rrule
from conftest import notice_text
from test_contract import CTX, problems_of


def at(y, m, d, hh=0, mm=0):
    return datetime(y, m, d, hh, mm, tzinfo=HELSINKI)


def series(event, category="tapahtumat", extra="", date_="2026-11-20"):
    """A notice whose event is written as YAML lines under `event:`."""
    lines = "event:\n" + textwrap.indent(textwrap.dedent(event).strip(), "  ")
    return notice_text(category=category, date=date_, extra=lines + ("\n" + extra if extra else ""))


def read(text):
    return read_notice("notices/x.md", text.encode("utf-8"), CTX)


WEEKLY = """\
start: "2027-01-12 10:00"
end: "11:00"
location: Kerhohuone
repeat:
  weekdays: [ti, to]
  until: "2027-05-25"
  except: ["2027-03-02"]
"""


# --- the contract -----------------------------------------------------------

def test_a_weekly_series_reads_into_its_occurrences():
    event = read(series(WEEKLY)).event
    starts = [o.start for o in event.occurrences]
    assert starts[:3] == [at(2027, 1, 12, 10), at(2027, 1, 14, 10), at(2027, 1, 19, 10)]
    assert at(2027, 3, 2, 10) not in starts and at(2027, 3, 4, 10) in starts
    assert starts[-1] == at(2027, 5, 25, 10)
    assert all(o.end - o.start == timedelta(hours=1) for o in event.occurrences)
    assert len(starts) == 20 + 19 - 1  # twenty Tuesdays, nineteen Thursdays, one day off
    assert event.is_series and event.last_day == date(2027, 5, 25)


@pytest.mark.parametrize("category", ["rahoitus", "vapaaehtoiset", "yhteistyo", "tilat", "tiedotteet"])
def test_an_event_is_allowed_in_every_category(category):
    assert read(series(WEEKLY, category=category)).event.first_day == date(2027, 1, 12)


@pytest.mark.parametrize("event, line, fragment", [
    # a weekday that is not one of the seven
    ('start: "2027-01-12 10:00"\nlocation: x\nrepeat:\n  weekdays: [tiistai]\n  until: "2027-05-25"', 10,
     "lyhenteenä ti"),
    ('start: "2027-01-12 10:00"\nlocation: x\nrepeat:\n  weekdays: [xx]\n  until: "2027-05-25"', 10,
     "ma, ti, ke, to, pe, la, su"),
    ('start: "2027-01-12 10:00"\nlocation: x\nrepeat:\n  weekdays: ti\n  until: "2027-05-25"', 10, "luettelo"),
    # until before start
    ('start: "2027-01-12 10:00"\nlocation: x\nrepeat:\n  weekdays: [ti]\n  until: "2027-01-05"', 11,
     "viimeinen päivä 2027-01-05 on ennen"),
    # more than 400 occurrences
    ('start: "2027-01-04 10:00"\nlocation: x\nrepeat:\n  weekdays: [ma, ti, ke, to, pe, la, su]\n'
     '  until: "2028-12-31"', 11, "enintään 400"),
    # a day off that is not an occurrence, on its own line
    ('start: "2027-01-12 10:00"\nlocation: x\nrepeat:\n  weekdays: [ti]\n  until: "2027-05-25"\n  except:\n'
     '    - "2027-03-02"\n    - "2027-03-03"', 14, "Päivä 2027-03-03 ei ole sarjan päivä"),
    # repeat without weekdays or until
    ('start: "2027-01-12 10:00"\nlocation: x\nrepeat:\n  until: "2027-05-25"', 9, "repeat.weekdays"),
    ('start: "2027-01-12 10:00"\nlocation: x\nrepeat:\n  weekdays: [ti]', 9, "repeat.until"),
    # an unknown status
    ('start: "2027-01-12 10:00"\nlocation: x\nstatus: cancelled', 9, "peruttu, siirretty"),
    ('start: "2027-01-12 10:00"\nlocation: x\nstatus_note: Sairastumisen vuoksi.', 9, "status: peruttu"),
    # registration deadline after the last occurrence
    ('start: "2027-01-12 10:00"\nlocation: x\nregistration_deadline: "2027-01-13"', 9, "viimeisen kerran"),
    ('start: "2027-01-12 10:00"\nlocation: x\nrepeat:\n  weekdays: [ti]\n  until: "2027-01-26"\n'
     'registration_deadline: "2027-01-27"', 12, "(2027-01-26) jälkeen"),
    # ... at a time after the last one is over, on its day (meant the day before)
    ('start: "2027-01-12 10:00"\nend: "14:00"\nlocation: x\nregistration_deadline: "2027-01-12 18:00"', 10,
     "Ilmoittautumisen viimeinen päivä 2027-01-12 18:00 on tapahtuman viimeisen kerran (2027-01-12 14:00) jälkeen"),
    # clock times that do not exist in Helsinki: the spring-forward hour
    ('start: "2027-03-28 03:30"\nlocation: x', 7, "ei ole Suomessa"),
    ('start: "2027-03-28 02:30"\nend: "03:15"\nlocation: x', 8, "ei ole Suomessa"),
    ('start: "2027-03-14 03:30"\nend: "05:00"\nlocation: x\nrepeat:\n  weekdays: [su]\n  until: "2027-04-25"',
     7, "kesäajan alkamisen tuntiin"),
    # an extra date at the start's clock time in the skipped hour: its own line, no repeat.except to point to
    ('start: "2027-03-07 03:30"\nend: "04:30"\nlocation: x\ndates:\n  - "2027-03-14"\n  - "2027-03-28"', 12,
     'esimerkiksi "2027-03-28 04:30", tai poista se kohdasta dates'),
    ('start: "2027-03-07 02:30"\nend: "03:30"\nlocation: x\ndates:\n  - "2027-03-28"', 11,
     'Lisäpäivän kerta 2027-03-28 02:30 osuu kesäajan alkamisen tuntiin'),
    # the start is not a day of its rule, with the first one to write
    ('start: "2027-01-13 10:00"\nlocation: x\nrepeat:\n  weekdays: [ti]\n  until: "2027-05-25"', 7,
     'start: "2027-01-19 10:00"'),
    # the old way of writing a season: end months after the start
    ('start: "2027-01-12 10:00"\nend: "2027-05-25 11:00"\nlocation: x\nrepeat:\n  weekdays: [ti]\n'
     '  until: "2027-05-25"', 8, 'end: "11:00"'),
    # other values of the new keys
    ('start: "2027-01-12 10:00"\nlocation: x\nrepeat:\n  weekdays: [ti]\n  interval: 0\n  until: "2027-05-25"',
     11, "kokonaisluku 1–52"),
    ('start: "2027-01-12 10:00"\nlocation: x\nrepeat:\n  weekdays: [ti]\n  nth: [6]\n  until: "2027-05-25"',
     11, "-1 (viimeinen)"),
    ('start: "2027-01-12 10:00"\nlocation: x\nrepeat:\n  weekdays: [ti]\n  until: "2027-05-25 10:00"', 11,
     'pelkkä päivä ilman kellonaikaa: "2027-05-25"'),
    ('start: "2027-01-12"\nlocation: x\ndates: ["2027-01-20 12:00"]', 9, "ei kirjoiteta kellonaikaa"),
    ('start: "2027-01-12 10:00"\nlocation: x\ndates: ["2027-01-10"]', 9, "ennen ensimmäistä kertaa"),
    ('start: "2027-01-12 10:00"\nlocation: x\nrepeat:\n  weekdays: [ti]\n  until: "2027-05-25"\n'
     'dates: ["2027-01-19"]', 12, "on jo sarjan kerta"),
    # a day off outside the series, on its weekday: said so, not "no day of the series (ti)"
    ('start: "2027-01-12 10:00"\nlocation: x\nrepeat:\n  weekdays: [ti]\n  until: "2027-05-25"\n'
     '  except: ["2027-03-02", "2027-01-05", "2027-06-01"]', 12,
     "Päivä 2027-01-05 ei ole sarjan aikana (2027-01-12–2027-05-25), joten sitä ei tarvitse jättää pois"),
    ('start: "2027-01-12 10:00"\nlocation: x\nrepeat:\n  weekdays: [ti]\n  until: "2027-05-25"\n'
     '  except: ["2027-03-02", "2027-01-05", "2027-06-01"]', 12, "Päivä 2027-06-01 ei ole sarjan aikana"),
    # a day off given back as an extra date at the same time: the page would list it and a
    # calendar drop it (RFC 5545's EXDATE takes out RDATEs too)
    ('start: "2027-01-12 10:00"\nlocation: x\nrepeat:\n  weekdays: [ti]\n  until: "2027-05-25"\n'
     '  except: ["2027-03-02"]\ndates:\n  - "2027-03-04 10:00"\n  - "2027-03-02"', 15,
     "Lisäpäivä 2027-03-02 10:00 on myös kohdassa repeat.except"),
    # every day of the rule off, extra dates left: the rule says no day, a calendar's
    # DTSTART would be none of its RRULE's
    ('start: "2027-01-12 10:00"\nend: "12:00"\nlocation: x\nrepeat:\n  weekdays: [ti]\n  until: "2027-01-19"\n'
     '  except: ["2027-01-12", "2027-01-19"]\ndates: ["2027-01-13 17:00"]', 10,
     "Sarjan säännöstä ei jää yhtään kertaa"),
])
def test_series_refusals_name_the_line_and_what_to_write(event, line, fragment):
    problems = problems_of(series(event, category="rahoitus"))
    assert any(p.line == line and fragment in p.message for p in problems), problems


def test_an_event_lasts_at_most_a_year():
    """A leap year's exhibition, 366 days, is an event; a day more is refused
    as the end to check (an end typed decades away made a day of search for
    each of its days)."""
    year = 'start: "2028-01-01"\nend: "2029-01-01"\nlocation: Museo'
    assert read(series(year, category="rahoitus")).event.first_day == date(2028, 1, 1)
    problems = problems_of(series(year.replace("2029-01-01", "2029-01-02"), category="rahoitus"))
    assert [(p.line, "enintään 366 päivää" in p.message) for p in problems] == [(8, True)]


def test_expires_before_date_is_refused():
    problems = problems_of(notice_text(date="2026-11-20", extra='expires: "2026-11-19"'))
    assert [(p.line, "ennen kuin se julkaistaan" in p.message) for p in problems] == [(6, True)]


def test_an_ambiguous_autumn_hour_is_accepted_and_an_event_past_midnight_keeps_its_times():
    event = read(series('start: "2027-10-30 22:00"\nend: "2027-10-31 03:30"\nlocation: x')).event
    assert event.occurrences[0].end == at(2027, 10, 31, 3, 30)
    assert event.last_day == date(2027, 10, 31)


def test_a_night_series_ending_in_the_skipped_hour_names_the_day_to_leave_out(site, capsys):
    # Saturday nights 23.30–3.30: the night of 27.3.2027 would end in the hour
    # summer time skips. The day to leave out is the one the occurrence
    # starts on (27.3.), which repeat.except takes, not the day it ends on.
    night = ('start: "2027-03-20 23:30"\nend: "2027-03-21 03:30"\nlocation: Laavu\nrepeat:\n'
             '  weekdays: [la]\n  until: "2027-04-03"')
    path = site.notice("yovaellus.md", series(night, category="vapaaehtoiset"))
    assert site.check() == 1
    said = "".join(capsys.readouterr())
    assert "yovaellus.md:7: " in said and 'lisää "2027-03-27" kohtaan repeat.except' in said, said
    # doing as told passes
    path.write_text(series(night + '\n  except: ["2027-03-27"]', category="vapaaehtoiset"), encoding="utf-8")
    assert site.check() == 0, capsys.readouterr().err


# --- the arithmetic ---------------------------------------------------------

def repeat(weekdays, until, interval=1, nth=(), days_off=()):
    return Repeat(weekdays=list(weekdays), until=until, interval=interval, nth=list(nth), days_off=list(days_off))


@pytest.mark.parametrize("first, rule, expected", [
    # every second Friday across the year's end (ISO weeks 52, 1 and 2 of the next year)
    (date(2026, 12, 18), repeat([4], date(2027, 1, 31), interval=2),
     [date(2026, 12, 18), date(2027, 1, 1), date(2027, 1, 15), date(2027, 1, 29)]),
    # the first and last Tuesday of every second month, over the year's end
    (date(2026, 11, 3), repeat([1], date(2027, 3, 31), interval=2, nth=[1, -1]),
     [date(2026, 11, 3), date(2026, 11, 24), date(2027, 1, 5), date(2027, 1, 26), date(2027, 3, 2),
      date(2027, 3, 30)]),
    # a fifth Saturday exists in some months only
    (date(2027, 1, 30), repeat([5], date(2027, 6, 30), nth=[5]),
     [date(2027, 1, 30), date(2027, 5, 29)]),
    # two weekdays a week, every third week
    (date(2027, 1, 4), repeat([0, 3], date(2027, 2, 28), interval=3),
     [date(2027, 1, 4), date(2027, 1, 7), date(2027, 1, 25), date(2027, 1, 28), date(2027, 2, 15),
      date(2027, 2, 18)]),
])
def test_rule_days(first, rule, expected):
    assert rule_days(first, rule) == expected


@pytest.mark.parametrize("year, month, weekday, n, expected", [
    (2027, 3, 6, -1, date(2027, 3, 28)),  # the last Sunday of March: summer time begins
    (2027, 10, 6, -1, date(2027, 10, 31)),  # the last Sunday of October: it ends
    (2027, 2, 0, 1, date(2027, 2, 1)),
    (2027, 2, 0, 5, None),
    (2028, 2, 1, -1, date(2028, 2, 29)),  # a leap day
])
def test_nth_weekday(year, month, weekday, n, expected):
    assert nth_weekday(year, month, weekday, n) == expected


@pytest.mark.parametrize("start, until, weekday", [("2027-03-21", "2027-04-04", "su"),
                                                   ("2027-10-24", "2027-11-07", "su")])
def test_occurrences_keep_their_clock_time_across_the_daylight_saving_changes(start, until, weekday):
    text = series(f'start: "{start} 10:00"\nend: "11:30"\nlocation: x\nrepeat:\n  weekdays: [{weekday}]\n'
                  f'  until: "{until}"')
    occurrences = read(text).event.occurrences
    assert [(o.start.hour, o.start.minute, o.end.hour, o.end.minute) for o in occurrences] == [(10, 0, 11, 30)] * 3
    offsets = [o.start.utcoffset() for o in occurrences]
    assert offsets[0] != offsets[-1]  # the clocks changed in between, the times did not


# --- the site ---------------------------------------------------------------

SERIES = {
    # name: (event lines, category)
    "jumppa": ('start: "2027-01-12 10:00"\nend: "11:00"\nlocation: Sali\nrepeat:\n  weekdays: [ti, to]\n'
               '  until: "2027-05-25"\n  except: ["2027-03-02", "2027-03-30"]', "tapahtumat"),
    "peli": ('start: "2026-12-18 18:00"\nend: "20:00"\nlocation: Halli\nrepeat:\n  weekdays: [pe]\n'
             '  interval: 2\n  until: "2027-04-30"', "tapahtumat"),
    "kahvila": ('start: "2026-11-07 10:00"\nend: "12:00"\nlocation: Perhetalo\nrepeat:\n  weekdays: [la]\n'
                '  nth: [1, -1]\n  until: "2027-06-30"\ndates: ["2026-12-19 12:30", "2026-12-23"]', "tapahtumat"),
    "yokerho": ('start: "2027-03-20 22:00"\nend: "2027-03-21 01:00"\nlocation: Nuorisotila\nrepeat:\n'
                '  weekdays: [la]\n  until: "2027-04-10"', "vapaaehtoiset"),
    "leiri": ('start: "2027-01-09"\nend: "2027-01-10"\nlocation: Kota\nrepeat:\n  weekdays: [la]\n  interval: 4\n'
              '  until: "2027-05-01"\n  except: ["2027-03-06"]', "tapahtumat"),
    "kaksi": ('start: "2027-02-14 12:00"\nend: "13:00"\nlocation: Kirjasto\ndates: ["2027-02-21 18:00"]',
              "rahoitus"),
    "peruttu": ('start: "2026-12-02 14:00"\nend: "15:30"\nlocation: Toimisto\nrepeat:\n  weekdays: [ke]\n'
                '  until: "2027-02-24"\nstatus: peruttu\nstatus_note: Vetäjä on sairastunut.', "tapahtumat"),
    "siirretty": ('start: "2027-01-20 17:00"\nlocation: Sali\nstatus: siirretty', "yhteistyo"),
    # Tuesdays; the first one moved to Monday at 17 (an extra date before the start, and a day off),
    # the second one moved after the Friday extra date of 15.1.
    "siirtyi": ('start: "2027-01-12 18:00"\nend: "19:30"\nlocation: Sali\nrepeat:\n  weekdays: [ti]\n'
                '  until: "2027-02-23"\n  except: ["2027-01-12", "2027-01-19"]\n'
                'dates: ["2027-01-11 17:00", "2027-01-15 17:00"]', "tapahtumat"),
    # Sunday mornings at 3.30: on 31.10.2027 the clocks go from 4.00 back to 3.00
    "syysyo": ('start: "2027-10-24 03:30"\nend: "04:30"\nlocation: Laavu\nrepeat:\n  weekdays: [su]\n'
               '  until: "2027-11-07"', "vapaaehtoiset"),
    # Saturday nights until 5.00 over the autumn clock change: the night of 30.10.2027 is an
    # hour longer, and still 22.00–5.00 on the clock
    "diskoyo": ('start: "2027-10-23 22:00"\nend: "2027-10-24 05:00"\nlocation: Nuorisotila\nrepeat:\n'
                '  weekdays: [la]\n  until: "2027-11-06"', "tiedotteet"),
    # night walks from the night the clocks go back: that one is an hour longer than the others
    "yokavelyt": ('start: "2027-10-30 22:00"\nend: "2027-10-31 04:00"\nlocation: Kaupunginpuisto\nrepeat:\n'
                  '  weekdays: [la]\n  until: "2027-11-13"', "tapahtumat"),
}


@pytest.fixture(scope="module")
def series_site(tmp_path_factory):
    from conftest import Site
    site = Site(tmp_path_factory.mktemp("series"))
    for name, (event, category) in SERIES.items():
        site.notice(f"{name}.md", series(event, category=category))
    site.notice("kertaluontoinen.md", series('start: "2026-12-20 18:00"\nlocation: Kirkko'))
    site.notice("ohi.md", series('start: "2026-11-24 18:00"\nlocation: Kirkko\nrepeat:\n  weekdays: [ti]\n'
                                 '  until: "2026-11-30"', date_="2026-11-01"))
    assert site.build("2026-12-10") == 0
    return site


def expanded(path):
    cal = Calendar.from_ical(path.read_bytes())
    found = recurring_ical_events.of(cal).between(date(2026, 1, 1), date(2028, 1, 1))
    return cal, sorted((e["DTSTART"].dt, e["DTEND"].dt if "DTEND" in e else e["DTSTART"].dt) for e in found)


def occurrences_of(site, name):
    path = site.content / "notices" / f"{name}.md"
    return read_notice(path, path.read_bytes(), CTX).event.occurrences


@pytest.mark.parametrize("name", list(SERIES) + ["kertaluontoinen"])
def test_calendar_expands_to_exactly_the_notices_occurrences(series_site, name):
    cal, found = expanded(series_site.output / "ilmoitukset" / name / "tapahtuma.ics")
    occurrences = occurrences_of(series_site, name)
    if occurrences[0].all_day:  # DTEND of a day is the next day (exclusive)
        expected = [(o.start, o.last_day + timedelta(days=1)) for o in occurrences]
    else:
        expected = [(o.start, o.end or o.start) for o in occurrences]  # no end: RFC 5545 ends it at its start
    assert found == expected
    # local clock times, in a zone the file describes itself
    assert [c["TZID"] for c in cal.walk("VTIMEZONE")] == ["Europe/Helsinki"]


def test_a_night_over_the_clock_change_keeps_its_clock_times_in_the_calendar(series_site):
    _, found = expanded(series_site.output / "ilmoitukset" / "diskoyo" / "tapahtuma.ics")
    assert found == [(at(2027, 10, d, 22), at(2027, 10, d + 1, 5)) for d in (23, 30)] + \
        [(at(2027, 11, 6, 22), at(2027, 11, 7, 5))]
    # the night of the change is an hour longer (UTC+3 at 22.00, UTC+2 at 5.00)
    assert [s.utcoffset() - e.utcoffset() for s, e in found] == [timedelta(0), timedelta(hours=1), timedelta(0)]


@pytest.mark.parametrize("name", ["diskoyo", "yokavelyt"])
def test_each_night_over_the_clock_change_lasts_in_the_calendar_as_rfc_5545_reads_it(series_site, name):
    # RFC 5545 gives each occurrence of a rule the real length of its DTEND - DTSTART,
    # or its DURATION (some apps read it so, recurring-ical-events by the clock): the
    # night of the change has a VEVENT of its own, the first night too
    vevents = list(Calendar.from_ical((series_site.output / "ilmoitukset" / name / "tapahtuma.ics").read_bytes())
                   .walk("VEVENT"))
    [rule] = [v for v in vevents if "RECURRENCE-ID" not in v]
    own = {v["RECURRENCE-ID"].dt.astimezone(timezone.utc): v for v in vevents if "RECURRENCE-ID" in v}
    length = rule["DURATION"].dt if "DURATION" in rule else \
        rule.DTEND.astimezone(timezone.utc) - rule.DTSTART.astimezone(timezone.utc)
    for occurrence in occurrences_of(series_site, name):
        start, end = occurrence.start.astimezone(timezone.utc), occurrence.end.astimezone(timezone.utc)
        if start in own:
            assert (own[start].DTSTART, own[start].DTEND) == (occurrence.start, occurrence.end)
        else:
            assert start + length == end, occurrence
    # the night of the change alone: judged by the first night, yokavelyt's
    # every other night was one of its own
    assert len(own) == 1


def test_a_series_from_the_night_of_the_clock_change_is_its_rule_in_every_calendar(series_site):
    """Night walks from the night the clocks go back: each calendar, the
    site's, the association's and the notice's, holds the rule and that
    first night, and gives the nights the notice page lists, each as long
    as the notice says."""
    page = series_site.page("ilmoitukset/yokavelyt/")
    listed = [datetime.fromisoformat(t["datetime"]) for t in page.select(".bl-event__occurrences time")]
    ends = [o.end.astimezone(timezone.utc) for o in occurrences_of(series_site, "yokavelyt")]
    assert len(listed) == len(ends) == 3
    for path in ("kalenteri/tapahtumat.ics", "kalenteri/yhdistykset/testikyla.ics",
                 "ilmoitukset/yokavelyt/tapahtuma.ics"):
        cal = Calendar.from_ical((series_site.output / path).read_bytes())
        assert len([v for v in cal.walk("VEVENT") if v["UID"].startswith("yokavelyt@")]) == 2, path
        found = sorted((e["DTSTART"].dt.astimezone(timezone.utc), e["DTEND"].dt.astimezone(timezone.utc))
                       for e in recurring_ical_events.of(cal).between(date(2026, 1, 1), date(2028, 1, 1))
                       if e["UID"].startswith("yokavelyt@"))
        assert found == [(start.astimezone(timezone.utc), end) for start, end in zip(listed, ends)], path


def test_a_time_in_the_repeated_autumn_hour_is_the_first_in_the_calendar_too(series_site):
    # 3.30 on 31.10.2027 is the first 3.30, in summer time (UTC+3), as RFC 5545
    # reads the file's local time: the same moments as the notice's, compared
    # in UTC (aware times in one zone compare by their clock, not their offset)
    _, found = expanded(series_site.output / "ilmoitukset" / "syysyo" / "tapahtuma.ics")
    utc = [(s.astimezone(timezone.utc), e.astimezone(timezone.utc)) for s, e in found]
    assert utc == [(o.start.astimezone(timezone.utc), o.end.astimezone(timezone.utc))
                   for o in occurrences_of(series_site, "syysyo")]
    assert utc[1] == (datetime(2027, 10, 31, 0, 30, tzinfo=timezone.utc),
                      datetime(2027, 10, 31, 2, 30, tzinfo=timezone.utc))


def test_calendar_says_a_cancelled_series_is_cancelled(series_site):
    event = Calendar.from_ical((series_site.output / "ilmoitukset" / "peruttu" / "tapahtuma.ics").read_bytes())
    vevent = next(iter(event.walk("VEVENT")))
    assert vevent["STATUS"] == "CANCELLED" and str(vevent["SUMMARY"]).startswith("Peruttu: ")
    # and why, first, as the notice page says it
    assert str(vevent["DESCRIPTION"]).startswith("Tapahtuma on peruttu. Vetäjä on sairastunut.\n\n")
    rule = vevent["RRULE"]
    assert rule["FREQ"] == ["WEEKLY"] and rule["BYDAY"] == ["WE"]
    assert rule["UNTIL"][0].utcoffset() == timedelta(0)  # UNTIL in UTC


def test_calendar_holds_a_moved_event_at_its_new_time_confirmed_and_says_it_moved(series_site):
    # the notice's time is the new one: a calendar app that showed it as tentative
    # would tell its user the event may not take place then
    vevent = next(iter(Calendar.from_ical(
        (series_site.output / "ilmoitukset" / "siirretty" / "tapahtuma.ics").read_bytes()).walk("VEVENT")))
    assert vevent["STATUS"] == "CONFIRMED" and vevent["DTSTART"].dt == at(2027, 1, 20, 17)
    assert str(vevent["SUMMARY"]).startswith("Siirretty: ")
    assert str(vevent["DESCRIPTION"]).startswith("Tapahtuma on siirretty.")


def test_site_calendar_expands_each_series_and_an_event_past_midnight_keeps_its_times(series_site):
    cal = Calendar.from_ical((series_site.output / "kalenteri" / "tapahtumat.ics").read_bytes())
    timed = [e for e in recurring_ical_events.of(cal).between(date(2026, 1, 1), date(2028, 1, 1))
             if isinstance(e["DTSTART"].dt, datetime)]
    found = sorted((e["DTSTART"].dt, e["DTEND"].dt) for e in timed if "DTEND" in e)
    starts = {start for start, end in found}
    assert at(2027, 1, 14, 10) in starts and at(2027, 3, 2, 10) not in starts
    night = [(s, e) for s, e in found if s == at(2027, 3, 20, 22)]
    assert night == [(at(2027, 3, 20, 22), at(2027, 3, 21, 1))]  # not an all-day event over two days


def json_ld(page):
    return json.loads(page.find("script", type="application/ld+json").string)


def test_json_ld_of_a_series_has_its_schedule(series_site):
    data = json_ld(series_site.page("ilmoitukset/jumppa/"))
    assert data["@type"] == "Event" and data["startDate"] == "2027-01-12T10:00:00+02:00"
    assert data["eventSchedule"] == {
        "@type": "Schedule", "repeatFrequency": "P1W",
        "byDay": ["https://schema.org/Tuesday", "https://schema.org/Thursday"],
        "startDate": "2027-01-12", "endDate": "2027-05-25", "startTime": "10:00:00", "endTime": "11:00:00",
        "exceptDate": ["2027-03-02", "2027-03-30"], "scheduleTimezone": "Europe/Helsinki",
    }
    assert data["eventStatus"] == "https://schema.org/EventScheduled"


def schedule_starts(schedule):
    """The starts a schema.org Schedule says, expanded with dateutil (not the
    bulletin's arithmetic): byMonthWeek counts from the month's start only."""
    every = int(schedule["repeatFrequency"][1:-1])
    days = [getattr(rrule, name.rsplit("/", 1)[1][:2].upper()) for name in schedule["byDay"]]
    if "byMonthWeek" in schedule:
        days = [day(n) for day in days for n in schedule["byMonthWeek"]]
    first = date.fromisoformat(schedule["startDate"])
    clock = time.fromisoformat(schedule.get("startTime", "00:00:00"))
    found = rrule.rrule(rrule.MONTHLY if schedule["repeatFrequency"].endswith("M") else rrule.WEEKLY,
                        dtstart=datetime.combine(first, clock), interval=every, byweekday=days, wkst=rrule.MO,
                        until=datetime.combine(date.fromisoformat(schedule["endDate"]), clock))
    off = set(schedule.get("exceptDate", []))
    timed = "startTime" in schedule
    return [(m.replace(tzinfo=HELSINKI) if timed else m.date()) for m in found if m.date().isoformat() not in off]


@pytest.mark.parametrize("name", list(SERIES))
def test_json_ld_of_a_series_says_exactly_its_occurrences(series_site, name):
    data = json_ld(series_site.page(f"ilmoitukset/{name}/"))
    expected = [o.start for o in occurrences_of(series_site, name)]
    if "eventSchedule" in data:
        assert "subEvent" not in data
        assert schedule_starts(data["eventSchedule"]) == expected
    elif len(expected) == 1:
        assert "subEvent" not in data and data["startDate"] == expected[0].isoformat()
    else:  # what a Schedule cannot say (the last such weekday, extra dates), each occurrence says
        said = [sub["startDate"] for sub in data["subEvent"]]
        assert said == [o.isoformat() for o in expected]


def iso_duration(text):
    days, hours, minutes = re.fullmatch(r"P(?:(\d+)D)?(?:T(?:(\d+)H)?(?:(\d+)M)?)?", text).groups()
    return timedelta(days=int(days or 0), hours=int(hours or 0), minutes=int(minutes or 0))


@pytest.mark.parametrize("name, past_midnight", [("yokerho", True), ("leiri", True), ("jumppa", False)])
def test_a_schedule_whose_occurrences_pass_midnight_says_how_long_they_last(series_site, name, past_midnight):
    # endTime alone reads as the same day: 22.00–01.00 and a weekend camp need their length
    schedule = json_ld(series_site.page(f"ilmoitukset/{name}/"))["eventSchedule"]
    assert ("duration" in schedule) == past_midnight
    if past_midnight:
        for o in occurrences_of(series_site, name):
            end = o.end if not o.all_day else o.last_day + timedelta(days=1)  # all day: to the end of its last
            start = o.start if not o.all_day else o.first_day
            assert start + iso_duration(schedule["duration"]) == end


@pytest.mark.parametrize("first, nth, weeks", [
    ("2027-01-05", [1, 3], [1, 3]), ("2027-01-26", [-1], None), ("2027-01-12", [2, -1], None)])
def test_a_monthly_schedule_says_its_weeks_or_is_left_to_the_occurrences(first, nth, weeks):
    event = read(series(f'start: "{first} 18:00"\nlocation: x\nrepeat:\n  weekdays: [ti]\n'
                        f'  nth: {nth}\n  until: "2027-06-30"'.replace("'", ""))).event
    schedule = structured.schedule(event, "Europe/Helsinki")
    if weeks is None:
        assert schedule is None
    else:
        assert schedule["byMonthWeek"] == weeks and schedule_starts(schedule) == [o.start for o in event.occurrences]


# a moved event's time is its new one: "rescheduled" (schema.org's "postponed" has no new date yet)
@pytest.mark.parametrize("name, status", [("peruttu", "EventCancelled"), ("siirretty", "EventRescheduled")])
def test_json_ld_status(series_site, name, status):
    assert json_ld(series_site.page(f"ilmoitukset/{name}/"))["eventStatus"] == f"https://schema.org/{status}"


def text_of(node):
    return " ".join(node.get_text(" ").split())


def test_notice_page_says_the_rule_the_days_off_and_the_next_occurrence(series_site):
    page = series_site.page("ilmoitukset/jumppa/")
    when = text_of(page.select_one(".bl-event__when"))
    assert "Joka tiistai ja torstai klo 10.00–11.00, 12.1.–25.5.2027" in when
    assert "Ei: 2.3., 30.3." in when
    assert "Seuraavan kerran ti 12.1. klo 10.00–11.00" in when
    assert "Kaikki kerrat (37)" in when
    kahvila = text_of(series_site.page("ilmoitukset/kahvila/").select_one(".bl-event__when"))
    assert "Kuukauden ensimmäinen ja viimeinen lauantai klo 10.00–12.00" in kahvila
    assert "Lisäksi: la 19.12. klo 12.30–14.30, ke 23.12. klo 10.00–12.00" in kahvila
    assert "Seuraavan kerran la 19.12. klo 12.30–14.30" in kahvila  # today is 10.12.


def test_a_series_whose_first_occurrence_is_an_extra_date_says_the_rules_own_time(series_site):
    # the first Tuesday moved to Monday at 17: the Tuesdays are still at 18.00–19.30,
    # on the page, the poster and in the feed (the calendar's DTSTART is a Tuesday's)
    said = "Joka tiistai klo 18.00–19.30, 11.1.–23.2.2027"
    assert said in text_of(series_site.page("ilmoitukset/siirtyi/").select_one(".bl-event__when"))
    assert said in text_of(series_site.page("julisteet/siirtyi/").select_one(".bl-poster__when"))
    feed = feedparser.parse((series_site.output / "syotteet" / "kaikki.rss.xml").read_bytes())
    assert next(e for e in feed.entries if e.link.endswith("/siirtyi/")).summary.startswith(said + ";")


def test_cancelled_event_says_so_at_the_top_and_in_listings(series_site):
    page = series_site.page("ilmoitukset/peruttu/")
    status = page.select_one(".bl-notice__status")
    assert text_of(status) == "Tapahtuma on peruttu. Vetäjä on sairastunut."
    assert status.find_previous("h1") is not None and not status.find_previous(class_="bl-event")
    item = next(li for li in series_site.page("").select(".bl-item") if "peruttu" in li.a["href"])
    assert text_of(item.select_one(".bl-item__status")) == "Peruttu:"


def test_front_page_places_a_series_once_by_its_next_occurrence(series_site):
    titles = [a["href"].split("/")[-2] for a in series_site.page("").select("main .bl-list")[0].select(".bl-item a")]
    # 10.12.: the cancelled Wednesdays (16.12. next), a Friday series (18.12.), a single event (20.12.)…
    assert titles.index("peruttu") < titles.index("peli") < titles.index("kertaluontoinen")
    assert titles.index("kahvila") < titles.index("kertaluontoinen")  # la 19.12.
    assert len(titles) == len(set(titles))
    assert "ohi" not in titles
    peli = next(li for li in series_site.page("").select(".bl-item") if "/peli/" in li.a["href"])
    assert "pe 18.12.2026 klo 18.00–20.00" in text_of(peli) and "(joka toinen viikko pe)" in text_of(peli)


def test_events_by_month_lists_every_occurrence_on_its_day(series_site):
    page = series_site.page("tapahtumat/")
    january = next(h for h in page.select("h2") if "Tammikuun" in h.get_text())
    items = january.find_next("ul").select(".bl-item")
    jumppa = [text_of(li.select_one(".bl-item__when")) for li in items if "/jumppa/" in li.a["href"]]
    assert jumppa[:3] == ["ti 12.1.2027 klo 10.00–11.00", "to 14.1.2027 klo 10.00–11.00",
                          "ti 19.1.2027 klo 10.00–11.00"]
    assert len(jumppa) == 6  # 12., 14., 19., 21., 26., 28.1.
    whens = [li.select_one(".bl-item__when").get_text() for li in items]
    assert whens.index("ti 12.1.2027 klo 10.00–11.00") < whens.index("pe 15.1.2027 klo 18.00–20.00")


def test_a_past_or_cancelled_event_offers_no_calendar_link(series_site):
    assert not series_site.page("ilmoitukset/ohi/").select(".bl-event__calendar-link")
    assert series_site.page("ilmoitukset/jumppa/").select(".bl-event__calendar-link")
    # a cancelled series still to come: the page says so, and offers nothing to add
    cancelled = series_site.page("ilmoitukset/peruttu/")
    assert "Tapahtuma on peruttu." in cancelled.get_text(" ", strip=True)
    assert not cancelled.select(".bl-event__calendar-link") and "Lisää kalenteriin" not in str(cancelled)
    assert series_site.page("ilmoitukset/siirretty/").select(".bl-event__calendar-link")  # a moved one is on


def test_feed_items_of_events_say_when_and_where_first(series_site):
    feed = feedparser.parse((series_site.output / "syotteet" / "kaikki.rss.xml").read_bytes())
    entry = next(e for e in feed.entries if e.link.endswith("/jumppa/"))
    first_line = entry.summary.split("<br />")[0]
    # its days off and extra dates too, as the notice page, the poster and the calendar say them:
    # a reader of the feed alone would go on a day off, and not know of an extra date
    assert first_line == ("Joka tiistai ja torstai klo 10.00–11.00, 12.1.–25.5.2027; Ei: 2.3., 30.3.; seuraavaksi "
                          "ti 12.1. klo 10.00–11.00 · Sali")
    kahvila = next(e for e in feed.entries if e.link.endswith("/kahvila/"))
    assert "; Lisäksi: la 19.12. klo 12.30–14.30, ke 23.12. klo 10.00–12.00; seuraavaksi " in kahvila.summary
    atom = feedparser.parse((series_site.output / "syotteet" / "kaikki.atom.xml").read_bytes())
    cancelled = next(e for e in atom.entries if e.link.endswith("/peruttu/"))
    assert cancelled.summary.startswith("Peruttu: Joka keskiviikko")
    assert cancelled.summary.split("<br />")[0].endswith(" · Toimisto · Vetäjä on sairastunut.")


def test_search_records_a_series_by_its_next_occurrence(series_site):
    page = series_site.page("ilmoitukset/jumppa/")
    sort = page.find("meta", attrs={"data-pagefind-sort": "date[content]"})
    assert sort["content"] == "2027-01-12T10:00+02:00"
    upcoming = page.find("meta", attrs={"data-pagefind-filter": "upcoming[content]"})
    assert upcoming is not None
    assert series_site.page("ilmoitukset/ohi/").find("meta", attrs={"data-pagefind-filter": "upcoming[content]"}) \
        is None


# --- a series in words, the same in every output ---------------------------

CLUB = {
    # singing on Mondays and Wednesdays; the last Wednesday (until) and two
    # holidays off, and a Sunday concert as an extra date
    "lauluillat": ('start: "2027-01-04 18:00"\nend: "19:30"\nlocation: Hopeakosken kerhohuone\nrepeat:\n'
                   '  weekdays: [ma, ke]\n  until: "2027-05-26"\n  except: ["2027-01-06", "2027-04-05", "2027-05-26"]\n'
                   'dates: ["2027-04-11 15:00"]'),
    # the hall was booked on the first Tuesday of the season
    "tuolijumppa": ('start: "2027-01-05 10:00"\nend: "11:00"\nlocation: Liikuntasali\nrepeat:\n  weekdays: [ti]\n'
                    '  until: "2027-03-30"\n  except: ["2027-01-05"]'),
    # a weekend at the hut from the first Friday of each month
    "retkiviikonloput": ('start: "2027-01-01"\nend: "2027-01-03"\nlocation: Kotalammen kota\nrepeat:\n'
                         '  weekdays: [pe]\n  nth: [1]\n  until: "2027-06-30"'),
    # Saturday dances until midnight: the evening's end, not the Sunday
    "lauantaitanssit": ('start: "2026-12-05 20:00"\nend: "2026-12-06 00:00"\nlocation: Seurantalo\nrepeat:\n'
                        '  weekdays: [la]\n  until: "2026-12-19"'),
    # a weekend at the camp from the first Friday evening of each month until Sunday afternoon
    "leiriviikonloput": ('start: "2027-01-01 18:00"\nend: "2027-01-03 15:00"\nlocation: Leirikeskus\nrepeat:\n'
                         '  weekdays: [pe]\n  nth: [1]\n  until: "2027-06-30"'),
    # a camp from Friday evening until midnight of Saturday: it ends on Saturday, at 24.00
    "leirilauantaihin": 'start: "2026-12-11 18:00"\nend: "2026-12-13 00:00"\nlocation: Leirikeskus',
}


@pytest.fixture(scope="module")
def club_site(tmp_path_factory):
    from conftest import Site
    site = Site(tmp_path_factory.mktemp("club"))
    for name, event in CLUB.items():
        site.notice(f"{name}.md", series(event))
    assert site.build("2026-12-01") == 0
    return site


def said(site, name):
    """The series as the notice page, the poster and the calendar's DESCRIPTION say it."""
    page = [text_of(p) for p in site.page(f"ilmoitukset/{name}/").select(".bl-event__when p")]
    poster = site.page(f"julisteet/{name}/").select_one(".bl-poster__when")
    cal = Calendar.from_ical((site.output / "ilmoitukset" / name / "tapahtuma.ics").read_bytes())
    description = str(next(iter(cal.walk("VEVENT")))["DESCRIPTION"])
    return page, list(poster.stripped_strings), description


def test_days_off_outside_the_first_and_last_occurrence_are_not_listed(club_site):
    page, poster, description = said(club_site, "lauluillat")
    # 26.5. (until) is off: the series ends on Monday 24.5. and says nothing of 26.5.
    assert page[:2] == ["Joka maanantai ja keskiviikko klo 18.00–19.30, 4.1.–24.5.2027", "Ei: 6.1., 5.4."]
    assert poster[:2] == page[:2]
    assert "Aika: Joka maanantai ja keskiviikko klo 18.00–19.30, 4.1.–24.5.2027\nEi: 6.1., 5.4.\n" in description
    # the first Tuesday is off: the series starts on 12.1. with no day off to tell
    page, poster, description = said(club_site, "tuolijumppa")
    assert page[0] == poster[0] == "Joka tiistai klo 10.00–11.00, 12.1.–30.3.2027"
    assert not any("Ei:" in text for text in page + poster + [description])


def test_a_series_of_weekends_spans_to_its_last_days_end(club_site):
    page, poster, description = said(club_site, "retkiviikonloput")
    assert page[0] == poster[0] == "Kuukauden ensimmäinen perjantai, 1.1.–6.6.2027"
    assert "Aika: Kuukauden ensimmäinen perjantai, 1.1.–6.6.2027\n" in description
    _, found = expanded(club_site.output / "ilmoitukset" / "retkiviikonloput" / "tapahtuma.ics")
    assert found[-1] == (date(2027, 6, 4), date(2027, 6, 7))  # Friday to Sunday, DTEND exclusive


def test_an_evening_until_midnight_ends_on_its_own_day_in_every_output(club_site):
    page, poster, description = said(club_site, "lauantaitanssit")
    assert page[0] == poster[0] == "Joka lauantai klo 20.00–24.00, 5.12.–19.12.2026"
    assert "Aika: Joka lauantai klo 20.00–24.00, 5.12.–19.12.2026\n" in description
    listing = club_site.page("tapahtumat/")
    whens = [text_of(li.select_one(".bl-item__when")) for li in listing.select(".bl-item")
             if "/lauantaitanssit/" in li.a["href"]]
    assert whens[0] == "la 5.12.2026 klo 20.00–24.00"
    feed = feedparser.parse((club_site.output / "syotteet" / "kaikki.rss.xml").read_bytes())
    entry = next(e for e in feed.entries if e.link.endswith("/lauantaitanssit/"))
    assert "klo 0.00" not in entry.summary and "20.00–24.00" in entry.summary
    # the calendar keeps RFC 5545's end: the next day at 00.00
    _, found = expanded(club_site.output / "ilmoitukset" / "lauantaitanssit" / "tapahtuma.ics")
    assert found[-1] == (datetime(2026, 12, 19, 20, 0, tzinfo=HELSINKI), datetime(2026, 12, 20, 0, 0, tzinfo=HELSINKI))


def test_an_event_until_midnight_days_later_ends_on_its_last_day_at_24_in_every_output(club_site):
    # as one evening's 20.00–24.00: not "su 13.12.2026 klo 0.00", a day it is not on
    short, long = "pe 11.12.2026 klo 18.00 – la 12.12.2026 klo 24.00", \
        "perjantaina 11. joulukuuta 2026 klo 18.00 – lauantaina 12. joulukuuta 2026 klo 24.00"
    _, poster, description = said(club_site, "leirilauantaihin")
    page = club_site.page("ilmoitukset/leirilauantaihin/")
    assert text_of(page.select_one(".bl-event__when")) == poster[0] == long
    assert page.find("meta", attrs={"data-pagefind-meta": "when[content]"})["content"] == short  # search
    assert f"Aika: {long}\n" in description
    listing = club_site.page("tapahtumat/")
    assert [text_of(li.select_one(".bl-item__when")) for li in listing.select(".bl-item")
            if "/leirilauantaihin/" in li.a["href"]] == [short]
    feed = feedparser.parse((club_site.output / "syotteet" / "kaikki.rss.xml").read_bytes())
    entry = next(e for e in feed.entries if e.link.endswith("/leirilauantaihin/"))
    assert long in entry.summary and "klo 0.00" not in entry.summary
    # the calendar keeps RFC 5545's end, the next day at 00.00
    _, found = expanded(club_site.output / "ilmoitukset" / "leirilauantaihin" / "tapahtuma.ics")
    assert found == [(at(2026, 12, 11, 18), at(2026, 12, 13))]


def test_a_series_whose_occurrences_end_days_later_says_the_day_they_end(club_site):
    # not "klo 18.00–15.00", which reads as Friday's or the night's
    page, poster, description = said(club_site, "leiriviikonloput")
    rule = "Kuukauden ensimmäinen perjantai klo 18.00 – su klo 15.00, 1.1.–6.6.2027"
    assert page[0] == poster[0] == rule
    assert f"Aika: {rule}\n" in description
    _, found = expanded(club_site.output / "ilmoitukset" / "leiriviikonloput" / "tapahtuma.ics")
    assert found[0] == (at(2027, 1, 1, 18), at(2027, 1, 3, 15))


def test_a_series_that_is_over_says_it_ended_on_its_last_days_end(tmp_path):
    # the last weekend at the hut was 6.–8.11.: the series ended on Sunday
    from conftest import Site
    site = Site(tmp_path)
    site.notice("kotaviikonloput.md", series('start: "2026-10-02"\nend: "2026-10-04"\nlocation: Kota\nrepeat:\n'
                                              '  weekdays: [pe]\n  nth: [1]\n  until: "2026-11-30"', date_="2026-09-20"))
    assert site.build("2026-12-01") == 0
    page = site.page("ilmoitukset/kotaviikonloput/")
    assert text_of(page.select_one(".bl-event__next")) == "Sarja on päättynyt 8.11.2026."


def test_a_night_that_ended_in_the_small_hours_is_over_that_day(tmp_path):
    # Saturday nights 22.00–01.00, and one Saturday's party: built on Sunday
    # 21.3. (the nightly build runs after 01.00), both nights are over
    from conftest import Site
    site = Site(tmp_path)
    site.notice("yokerho.md", series('start: "2027-03-20 22:00"\nend: "2027-03-21 01:00"\nlocation: Nuorisotila\n'
                                     'repeat:\n  weekdays: [la]\n  until: "2027-04-10"', date_="2027-03-01"))
    site.notice("bileet.md", series('start: "2027-03-20 21:00"\nend: "2027-03-21 01:00"\nlocation: Nuorisotila',
                                    date_="2027-03-01"))
    # Sunday's dance until 01.00 is this week's, not next week's too
    site.notice("tanssit.md", series('start: "2027-03-21 20:00"\nend: "2027-03-22 01:00"\nlocation: Seurantalo',
                                     date_="2027-03-01"))
    assert site.build("2027-03-21") == 0
    this_week, next_week = (text_of(h.find_next("ul")) for h in site.page("tulosta/").select("h2")[:2])
    assert "su 21.3.2027 klo 20.00 – ma 22.3.2027 klo 1.00" in this_week and "ma 22.3." not in next_week, next_week
    when = text_of(site.page("ilmoitukset/yokerho/").select_one(".bl-event__when"))
    assert "Seuraavan kerran la 27.3. klo 22.00 – su 28.3. klo 1.00" in when, when
    front = [a["href"] for a in site.page("").select("main .bl-item a")]
    assert "/ilmoitukset/bileet/" not in front and "/ilmoitukset/yokerho/" in front
    march = text_of(site.page("tapahtumat/").select_one("main"))
    assert "la 20.3.2027" not in march and "la 27.3.2027" in march
    # an evening that ends later in the day is still on that day
    site.notice("bileet.md", series('start: "2027-03-20 21:00"\nend: "2027-03-21 07:00"\nlocation: Nuorisotila',
                                    date_="2027-03-01"))
    assert site.build("2027-03-21") == 0
    assert "/ilmoitukset/bileet/" in [a["href"] for a in site.page("").select("main .bl-item a")]


def test_an_extra_date_is_said_with_its_end_in_every_output(club_site):
    page, poster, description = said(club_site, "lauluillat")
    assert page[2] == poster[2] == "Lisäksi: su 11.4. klo 15.00–16.30"
    assert "\nEi: 6.1., 5.4.\nLisäksi: su 11.4. klo 15.00–16.30\nPaikka: Hopeakosken kerhohuone" in description
    # the words and the calendar's RDATE agree: 15.00–16.30, as long as the first occurrence
    _, found = expanded(club_site.output / "ilmoitukset" / "lauluillat" / "tapahtuma.ics")
    assert (at(2027, 4, 11, 15), at(2027, 4, 11, 16, 30)) in found
    assert found == [(o.start, o.end) for o in occurrences_of(club_site, "lauluillat")]


@pytest.mark.parametrize("event, line, fragment", [
    # the last Thursday of the month; 21.1. is the third
    ('start: "2027-01-21 18:00"\nend: "20:00"\nlocation: Kulttuuritalo\nrepeat:\n  weekdays: [to]\n  nth: [-1]\n'
     '  until: "2027-05-27"', 7,
     'ei ole sarjan päivä (kuukauden viimeinen torstai). Kirjoita kohtaan start sarjan ensimmäinen kerta, '
     'esimerkiksi start: "2027-01-28 18:00"'),
    # every other month, the second and the last Tuesday: the interval does not decide the day
    ('start: "2027-01-05 18:00"\nlocation: Kulttuuritalo\nrepeat:\n  weekdays: [ti]\n  nth: [-1, 2]\n'
     '  interval: 2\n  until: "2027-05-31"', 7,
     '(kuukauden toinen ja viimeinen tiistai). Kirjoita kohtaan start sarjan ensimmäinen kerta, '
     'esimerkiksi start: "2027-01-12 18:00"'),
    # a day off that is a Thursday, but not the last one
    ('start: "2027-01-28 18:00"\nlocation: Kulttuuritalo\nrepeat:\n  weekdays: [to]\n  nth: [-1]\n'
     '  until: "2027-05-27"\n  except: ["2027-04-22"]', 13,
     "Päivä 2027-04-22 ei ole sarjan päivä (kuukauden viimeinen torstai)"),
])
def test_a_day_off_a_monthly_rule_is_refused_naming_the_rule(event, line, fragment):
    problems = problems_of(series(event))
    assert any(p.line == line and fragment in p.message for p in problems), problems


# --- scheduled publication --------------------------------------------------

def test_a_notice_dated_later_is_published_on_its_day(site, capsys):
    site.notice("tuleva.md", notice_text("Tuleva tiedote", date="2026-12-15"))
    site.notice("tuleva-tapahtuma.md", series('start: "2026-12-20 18:00"\nlocation: x', date_="2026-12-14"))
    site.notice("nyt.md", notice_text("Nykyinen", date="2026-12-01 18:00"))
    assert site.build("2026-12-01") == 0
    out = site.output
    assert not (out / "ilmoitukset" / "tuleva").exists() and not (out / "ilmoitukset" / "tuleva-tapahtuma").exists()
    everything = " ".join(p.read_text(encoding="utf-8", errors="replace")
                          for p in out.rglob("*") if p.is_file() and p.suffix in (".html", ".xml", ".ics", ".json"))
    assert "ilmoitukset/tuleva" not in everything and "Tuleva tiedote" not in everything
    # a feed's dates never lie in the future: 18.00 on the build's day is given as its start
    feed = feedparser.parse((out / "syotteet" / "kaikki.atom.xml").read_bytes())
    assert feed.entries[0].published == "2026-12-01T00:00:00+02:00"

    capsys.readouterr()
    assert main(["check", "--content", str(site.content), "--today", "2026-12-01"]) == 0
    err = capsys.readouterr().err
    assert "notices/tuleva.md: ajastettu, julkaistaan 15.12.2026." in err
    assert "tuleva-tapahtuma.md: ajastettu, julkaistaan 14.12.2026." in err

    assert site.build("2026-12-15") == 0
    assert (out / "ilmoitukset" / "tuleva" / "index.html").exists()
    assert "Tuleva tiedote" in (out / "index.html").read_text(encoding="utf-8")


def test_a_scheduled_notice_still_meets_the_other_rules(site):
    site.notice("a/sama.md", notice_text("Yksi"))
    site.notice("b/sama.md", notice_text("Toinen", date="2027-01-01"))
    assert site.build("2026-12-01") == 1  # one address for two files, scheduled or not


# --- the editor commands ----------------------------------------------------

@pytest.mark.parametrize("until, status", [("2026-11-30", 1), ("2026-12-31", 0)])
def test_add_refuses_a_series_that_is_over_and_takes_one_going_on(site, tmp_path, example_today, until, status,
                                                                  capsys):
    text = series(f'start: "2026-11-03 10:00"\nlocation: x\nrepeat:\n  weekdays: [ti]\n  until: "{until}"')
    submission = tmp_path / "lahetys.md"
    submission.write_text(text, encoding="utf-8")
    assert main(["add", "--content", str(site.content), str(submission)]) == status
    if status:
        assert "Sarja on jo ohi: sen viimeinen kerta oli 24.11.2026" in capsys.readouterr().err
