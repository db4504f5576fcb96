"""Event notices as iCalendar (RFC 5545), built with the icalendar library.

Deterministic by design: UID is the notice's slug at the site's domain,
DTSTAMP is the notice's publication date, and nothing reads the clock.
Text values go through icalendar's TEXT type, which escapes commas,
semicolons, backslashes and newlines, so a notice cannot break the file.

Times are written in UTC. A Helsinki time with a VTIMEZONE would be the
richer form, but the VTIMEZONE that can be generated from zoneinfo lists
the changes as RDATE lists, which some parsers read wrongly (ical.js, the
parser in Thunderbird, reads only the first date of each list and puts
summer events an hour off). UTC is read the same by every app, which shows the time
in the phone's own zone; X-WR-TIMEZONE tells apps where the events are.
"""
from datetime import date, datetime, timedelta, timezone

from icalendar import Calendar, Event, Timezone, vText

from .text import plain_text_blocks

# Subscribing apps look again this often (RFC 7986 and Apple's older name).
REFRESH = timedelta(hours=12)


def span(event):
    """DTSTART and DTEND of an event.

    Events given as days, and events over several days, are all-day: dates,
    DTEND the day after the last day (exclusive, as RFC 5545 wants). A timed
    event without an end time gets no DTEND: RFC 5545 reads that as ending
    when it starts, and the bulletin does not invent an end the notice
    did not give (the calendar shows the start time)."""
    if event.all_day or event.first_day != event.last_day:
        return event.first_day, event.last_day + timedelta(days=1)
    end = event.end.astimezone(timezone.utc) if isinstance(event.end, datetime) else None
    return event.start.astimezone(timezone.utc), end


class CalendarBuilder:
    def __init__(self, settings, t, site, domain, today):
        self.settings = settings
        self.t = t
        self.site = site
        self.domain = domain
        # RFC 5545 wants at least one component in a calendar: one with no
        # events (an association with none coming) gets the site's time zone.
        self.placeholder = Timezone.from_tzid(settings["BULLETIN_TIMEZONE"], first_date=date(today.year, 1, 1),
                                              last_date=date(today.year + 1, 1, 1))

    def description(self, article):
        """Plain text: the notice's text, then its facts and address."""
        event = article.notice.event
        facts = [
            ("notice_when", self.t.dates.when_long(event)),
            ("notice_where", event.location),
            ("notice_price", event.price),
            ("notice_registration", event.registration),
            ("notice_accessibility", event.accessibility),
            ("notice_association", article.association_profile.name),
        ]
        lines = [f"{self.t(key)}: {value}" for key, value in facts if value]
        return "\n\n".join([plain_text_blocks(article.content), "\n".join(lines),
                            f"{self.site}/{article.url}"])

    def vevent(self, article):
        notice = article.notice
        start, end = span(notice.event)
        vevent = Event()
        vevent.add("uid", f"{notice.slug}@{self.domain}")
        vevent.add("dtstamp", notice.date.astimezone(timezone.utc))
        vevent.add("dtstart", start)
        if end is not None:
            vevent.add("dtend", end)
        vevent.add("summary", notice.title)
        vevent.add("location", notice.event.location)
        vevent.add("url", f"{self.site}/{article.url}")
        vevent.add("description", self.description(article))
        return vevent

    def document(self, articles, name=None, description=None):
        """The bytes of an .ics file. With a name it is a calendar to
        subscribe to; without, one event to add to one's own calendar."""
        cal = Calendar()
        cal.add("prodid", f"-//{self.domain}//bulletin//{self.settings['BULLETIN_LANGUAGE'].upper()}")
        cal.add("version", "2.0")
        cal.add("calscale", "GREGORIAN")
        cal.add("method", "PUBLISH")
        if name:
            for key in ("name", "x-wr-calname"):
                cal.add(key, vText(name))
            for key in ("description", "x-wr-caldesc"):
                cal.add(key, vText(description))
            cal.add("refresh-interval", REFRESH, parameters={"VALUE": "DURATION"})
            cal.add("x-published-ttl", "PT12H")
            cal.add("x-wr-timezone", self.settings["BULLETIN_TIMEZONE"])
        for article in articles:
            cal.add_component(self.vevent(article))
        if not articles:
            cal.add_component(self.placeholder)
        return cal.to_ical()
