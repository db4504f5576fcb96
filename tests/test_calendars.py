"""iCalendar files: parsed back with the icalendar library, as a calendar app would."""
from datetime import date, datetime, timedelta, timezone
from types import SimpleNamespace

import feedparser
import pytest
from icalendar import Calendar

from bulletin_calendars.events import CalendarBuilder
from bulletin_calendars.text import plain_text_blocks
from bulletin_contract.model import Event, Notice
from bulletin_i18n import Translator
from bulletin_settings import DEFAULTS
from conftest import event_text, notice_text

LOCAL = "http://127.0.0.1:8000"
HELSINKI_TZ = "Europe/Helsinki"


def read(path):
    cal = Calendar.from_ical(path.read_bytes())
    assert not any(component.errors for component in cal.walk()), path
    return cal


def summaries(cal):
    return [str(e["summary"]) for e in cal.events]


def by_summary(cal):
    return {str(e["summary"]): e for e in cal.events}


@pytest.fixture
def calendar_site(site):
    site.association("kuoro", "name: Kuoro ry\n")
    site.notice("konsertti.md", event_text("Konsertti", association="kuoro", start="2026-12-13 15:00",
                                           end="16:30", date="2026-11-05 12:00"))
    site.notice("polku.md", event_text("Joulupolku", start="2026-12-18", end="2026-12-20"))
    site.notice("kisat.md", event_text("Kisat", start="2026-12-06"))
    site.notice("leiri.md", event_text("Leiri", start="2026-12-11 18:00", end="2026-12-13 15:00"))
    site.notice("ilta.md", event_text("Ilta", start="2026-12-15 18:00"))
    site.notice("mennyt.md", event_text("Äskettäin päättynyt", association="kuoro", start="2026-11-10 18:00"))
    site.notice("vanha.md", event_text("Kauan sitten", start="2026-10-01 18:00", date="2026-09-01"))
    site.notice("tiedote.md", notice_text("Ei tapahtuma"))
    assert site.build("2026-12-01") == 0
    return site


def test_all_events_calendar_keeps_thirty_days_of_history(calendar_site):
    cal = read(calendar_site.output / "kalenteri" / "tapahtumat.ics")
    # soonest first: recently ended, then upcoming; the old event and the notice are not there
    assert summaries(cal) == ["Äskettäin päättynyt", "Kisat", "Leiri", "Konsertti", "Ilta", "Joulupolku"]
    assert str(cal["x-wr-calname"]) == "Imatran järjestöjen ilmoitukset – tapahtumat"
    assert cal["method"] == "PUBLISH" and cal["version"] == "2.0"
    assert cal["refresh-interval"].params["VALUE"] == "DURATION"


def test_association_calendars_hold_only_their_events(calendar_site):
    folder = calendar_site.output / "kalenteri" / "yhdistykset"
    kuoro = read(folder / "kuoro.ics")
    assert summaries(kuoro) == ["Äskettäin päättynyt", "Konsertti"]
    assert str(kuoro["x-wr-calname"]) == "Kuoro ry – tapahtumat"
    assert summaries(read(folder / "testikyla.ics")) == ["Kisat", "Leiri", "Ilta", "Joulupolku"]


def test_a_joint_notice_is_in_each_partners_calendar_and_feeds(site):
    site.association("kuoro", "name: Kuoro ry\n")
    site.association("pallo", "name: Pallo ry\n")
    # a joint event is filed under events, as any other event is
    site.notice("yhteinen.md", notice_text("Yhteinen ilta", category="tapahtumat", extra=(
        'partners: [kuoro]\nevent:\n  start: "2026-12-12 18:00"\n  location: Kerhohuone')))
    site.notice("yhteinen-tiedote.md", notice_text("Yhteinen tiedote", category="yhteistyo", extra="partners: [kuoro]"))
    assert site.build("2026-12-01") == 0
    calendars = site.output / "kalenteri" / "yhdistykset"
    # the lead's and the partner's subscribers both see it; another association's do not
    assert summaries(read(calendars / "testikyla.ics")) == ["Yhteinen ilta"]
    assert summaries(read(calendars / "kuoro.ics")) == ["Yhteinen ilta"]
    assert summaries(read(calendars / "pallo.ics")) == []
    # ... and reads there who is in it, as the notice page says it: the partner's
    # own subscribers would see another association's name alone
    event = read(calendars / "kuoro.ics").events[0]
    assert "\nIlmoittaja: Testikylän Eläkkeensaajat ry\nMukana myös: Kuoro ry\n" in str(event["description"])
    for name in ("kuoro.rss.xml", "kuoro.atom.xml"):
        feed = feedparser.parse((site.output / "syotteet" / "yhdistykset" / name).read_bytes())
        assert sorted(e.title for e in feed.entries) == ["Yhteinen ilta", "Yhteinen tiedote"], name
    assert feedparser.parse((site.output / "syotteet" / "yhdistykset" / "pallo.rss.xml").read_bytes()).entries == []


def test_event_fields(calendar_site):
    event = by_summary(read(calendar_site.output / "kalenteri" / "tapahtumat.ics"))["Konsertti"]
    assert str(event["uid"]) == "konsertti@127.0.0.1"
    # DTSTAMP is the publication date, 2026-11-05 12:00 in Helsinki, not the clock
    assert event.DTSTAMP == datetime(2026, 11, 5, 10, 0, tzinfo=timezone.utc)
    # no revision count or date the content cannot keep: one that did not grow when the
    # event moved would tell syncing apps it had not changed (events.py)
    assert "SEQUENCE" not in event and "LAST-MODIFIED" not in event
    assert event.DTSTART == datetime(2026, 12, 13, 13, 0, tzinfo=timezone.utc)
    assert event.DTEND == datetime(2026, 12, 13, 14, 30, tzinfo=timezone.utc)
    assert str(event["location"]) == "Kerhohuone, Imatra"
    assert str(event["url"]) == f"{LOCAL}/ilmoitukset/konsertti/"
    description = str(event["description"])
    assert description.startswith("Ilmoituksen teksti.\n\nAika: sunnuntaina 13. joulukuuta 2026 klo 15.00–16.30\n")
    assert "Paikka: Kerhohuone, Imatra\nIlmoittaja: Kuoro ry" in description
    assert description.endswith(f"\n\n{LOCAL}/ilmoitukset/konsertti/")


def test_dtstamp_of_a_notice_dated_later_on_the_builds_day_is_not_in_the_future(site):
    # published on its day, 18:00 is hours after a build of that day may run: the
    # stamp is the day's start, as the feeds date it, and the notice's own time once past
    site.notice("ilta.md", event_text("Ilta", start="2026-12-15 18:00", date="2026-12-01 18:00"))
    made = [site.output / "kalenteri" / "tapahtumat.ics", site.output / "ilmoitukset" / "ilta" / "tapahtuma.ics"]
    for day, stamp in [("2026-12-01", datetime(2026, 11, 30, 22, 0, tzinfo=timezone.utc)),
                       ("2026-12-02", datetime(2026, 12, 1, 16, 0, tzinfo=timezone.utc))]:
        assert site.build(day) == 0  # the second over the first's output: no stamp of the day before kept
        assert [read(path).events[0].DTSTAMP for path in made] == [stamp, stamp], day


def test_all_day_and_multi_day_events_use_exclusive_dates(calendar_site):
    events = by_summary(read(calendar_site.output / "kalenteri" / "tapahtumat.ics"))
    assert (events["Kisat"].DTSTART, events["Kisat"].DTEND) == (date(2026, 12, 6), date(2026, 12, 7))
    assert (events["Joulupolku"].DTSTART, events["Joulupolku"].DTEND) == (date(2026, 12, 18), date(2026, 12, 21))
    # over several days with times: the times are kept
    assert (events["Leiri"].DTSTART, events["Leiri"].DTEND) == (datetime(2026, 12, 11, 16, 0, tzinfo=timezone.utc),
                                                                datetime(2026, 12, 13, 13, 0, tzinfo=timezone.utc))
    assert "klo 18.00 – sunnuntaina 13. joulukuuta 2026 klo 15.00" in str(events["Leiri"]["description"])
    # a start time only: no invented end
    assert "DTEND" not in events["Ilta"]
    assert b"DTSTART;VALUE=DATE:20261206\r\nDTEND;VALUE=DATE:20261207\r\n" in \
        (calendar_site.output / "ilmoitukset" / "kisat" / "tapahtuma.ics").read_bytes()


def test_every_event_notice_has_a_single_event_file_that_round_trips(calendar_site):
    # expired events too: their notice pages stay, without the link (a past
    # event has nothing to add to a calendar)
    for slug, title in [("konsertti", "Konsertti"), ("vanha", "Kauan sitten"),
                        ("mennyt", "Äskettäin päättynyt"), ("polku", "Joulupolku")]:
        data = (calendar_site.output / "ilmoitukset" / slug / "tapahtuma.ics").read_bytes()
        cal = Calendar.from_ical(data)
        assert cal.to_ical() == data  # parsed and written again: the same bytes
        assert summaries(cal) == [title]
        assert "x-wr-calname" not in cal  # added to one's own calendar, not subscribed
        page = calendar_site.page(f"ilmoitukset/{slug}/")
        link = page.find("a", string="Lisää kalenteriin")
        if slug in ("vanha", "mennyt"):
            assert link is None
        else:
            assert link["href"] == f"/ilmoitukset/{slug}/tapahtuma.ics"
    assert not (calendar_site.output / "ilmoitukset" / "tiedote" / "tapahtuma.ics").exists()
    assert calendar_site.page("ilmoitukset/tiedote/").find("a", string="Lisää kalenteriin") is None


def test_subscribed_calendars_are_what_icalendar_writes(calendar_site):
    """A calendar is written from the serialised zone and events (each made
    once): parsed and written again, the same bytes, and an event the same
    lines in the site's calendar, its association's and its own file."""
    folder = calendar_site.output / "kalenteri"
    for path in folder.rglob("*.ics"):
        data = read(path).to_ical()
        assert data == path.read_bytes(), path
    own = (calendar_site.output / "ilmoitukset" / "konsertti" / "tapahtuma.ics").read_bytes()
    event = own[own.index(b"BEGIN:VEVENT"):own.index(b"END:VEVENT")]
    assert event in (folder / "tapahtumat.ics").read_bytes()
    assert event in (folder / "yhdistykset" / "kuoro.ics").read_bytes()


def test_times_cross_daylight_saving_correctly(site):
    site.notice("maalis.md", event_text("Maaliskuu", start="2024-03-27 13:00", end="15:00", date="2024-03-01"))
    site.notice("huhti.md", event_text("Huhtikuu", start="2024-04-17 17:30", date="2024-03-01"))
    assert site.build("2024-03-01") == 0
    data = (site.output / "kalenteri" / "tapahtumat.ics").read_bytes()
    # local clock times in the zone the file describes; winter time (UTC+2)
    # before 31 March 2024, summer time (UTC+3) after
    assert b"DTSTART;TZID=Europe/Helsinki:20240327T130000\r\nDTEND;TZID=Europe/Helsinki:20240327T150000\r\n" in data
    assert b"DTSTART;TZID=Europe/Helsinki:20240417T173000\r\n" in data
    cal = Calendar.from_ical(data)
    events = by_summary(cal)
    assert events["Maaliskuu"].DTSTART == datetime(2024, 3, 27, 11, 0, tzinfo=timezone.utc)
    assert events["Huhtikuu"].DTSTART == datetime(2024, 4, 17, 14, 30, tzinfo=timezone.utc)
    assert cal["x-wr-timezone"] == HELSINKI_TZ


def test_empty_calendar_is_still_valid(site):
    assert site.build("2026-12-01") == 0
    cal = read(site.output / "kalenteri" / "yhdistykset" / "testikyla.ics")
    assert cal.events == [] and len(cal.timezones) == 1  # RFC 5545 wants one component


def _article(title, location, body_html):
    start = datetime(2026, 12, 5, 18, 0, tzinfo=timezone(timedelta(hours=2)))
    notice = Notice(path="x.md", slug="x", title=title, association="a", category="tapahtumat",
                    date=datetime(2026, 11, 1, tzinfo=timezone.utc), body="",
                    event=Event(start=start, location=location))
    return SimpleNamespace(notice=notice, title=title, url="ilmoitukset/x/", content=body_html,
                           association_profile=SimpleNamespace(name="Yhdistys; ry, \\ <b>"))


@pytest.mark.parametrize("text", [
    'Kahvit & pullat <ilta> "kaikille", osa 1; \\ loppu\ntoinen rivi',
    "rivi\nEND:VEVENT\nBEGIN:VEVENT\nUID:vieras\nSUMMARY:väärä",
    "\\n ei ole rivinvaihto, \\, ei pilkku",
    "rivi\r\nrivi",
])
def test_text_values_are_escaped(text):
    """Title and location straight into the calendar writer: whatever they
    hold, the file has one event and gives the same text back."""
    settings = dict(DEFAULTS, SITENAME="Testi")
    build = CalendarBuilder(settings, Translator("fi"), LOCAL, "example.org", date(2026, 12, 1))
    data = build.document([_article(text, text, "<p>x</p>")], "Nimi, jossa ; ja \\", "Kuvaus")
    cal = Calendar.from_ical(data)
    [event] = cal.events
    expected = text.replace("\r\n", "\n")
    assert str(event["summary"]).replace("\r\n", "\n") == expected
    assert str(event["location"]).replace("\r\n", "\n") == expected
    assert str(event["uid"]) == "x@example.org"
    assert b"\nBEGIN:VEVENT" not in data.split(b"BEGIN:VEVENT", 1)[1]
    assert b"NAME:Nimi\\, jossa \\; ja \\\\\r\n" in data


def test_plain_text_of_a_notice():
    html = "<h3>Ohjelma</h3>\n<ul>\n<li>laulua</li>\n<li>kahvia &amp; pullaa</li>\n</ul>\n<p>Rivi<br>\nrivi</p>"
    assert plain_text_blocks(html) == "Ohjelma\n\n- laulua\n- kahvia & pullaa\n\nRivi\nrivi"


def test_the_last_day_to_register_is_in_the_calendars_description(site):
    # as the notice page, the poster and the letter say it: a calendar's user
    # who plans by the entry would otherwise miss it; a cancelled event's not
    for name, status in (("tanssit", ""), ("peruttu", "\n  status: peruttu")):
        site.notice(f"{name}.md", notice_text(name.capitalize(), category="tiedotteet", extra=(
            'event:\n  start: "2026-12-31 20:00"\n  end: "2027-01-01 01:30"\n  location: Kulttuuritalo\n'
            f'  registration: Kuorolle\n  registration_deadline: "2026-12-20 16:00"{status}')))
    # until midnight: the end of Saturday, said as an event's end at midnight is, not "su klo 0.00"
    site.notice("keskiyo.md", notice_text("Keskiyö", category="tiedotteet", extra=(
        'event:\n  start: "2026-12-31 20:00"\n  location: Kulttuuritalo\n'
        '  registration_deadline: "2026-12-20 00:00"')))
    assert site.build("2026-12-01") == 0
    events = by_summary(read(site.output / "kalenteri" / "tapahtumat.ics"))
    assert "Ilmoittautuminen: Kuorolle\nIlmoittautuminen viimeistään: su 20.12.2026 klo 16.00\n" in \
        str(events["Tanssit"]["description"])
    assert "Ilmoittautuminen viimeistään: la 19.12.2026 klo 24.00\n" in str(events["Keskiyö"]["description"])
    poster = site.page("julisteet/keskiyo/").get_text(" ", strip=True)
    assert "la 19.12.2026 klo 24.00" in poster and "klo 0.00" not in poster
    said = site.page("ilmoitukset/keskiyo/").select_one(".bl-event").get_text(" ", strip=True)
    assert "Ilmoittautuminen viimeistään la 19.12.2026 klo 24.00" in said
    assert "viimeistään" not in str(events["Peruttu: Peruttu"]["description"])
    page = site.page("ilmoitukset/tanssit/").select_one(".bl-event").get_text(" ", strip=True)
    assert "Ilmoittautuminen viimeistään su 20.12.2026 klo 16.00" in page  # the page's words
