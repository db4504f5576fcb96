"""Event notices as iCalendar (RFC 5545), built with the icalendar library.

Deterministic by design: UID is the notice's slug at the site's domain,
DTSTAMP is the notice's publication date (never after the build day's
start: bulletin_settings.build_start), and nothing reads the clock.
No SEQUENCE or LAST-MODIFIED: they count and date an event's revisions, and
the content keeps no history of them (a notice edited to a new time keeps its
`date`), so neither could grow with an edit. One that stood still would be
worse than none: an app that syncs a calendar event by event takes an event
again only when its LAST-MODIFIED grows (ICSx⁵ does), and RFC 5546 orders
versions by SEQUENCE, then DTSTAMP. Without them an app reads each event
afresh at every refresh, as subscribing apps mostly do anyway.
Text values go through icalendar's TEXT type, which escapes commas,
semicolons, backslashes and newlines, so a notice cannot break the file.

Times are written in the site's zone (TZID) with a VTIMEZONE, so that a
series keeps its clock time across the daylight-saving changes (RRULE is
expanded in local time). The VTIMEZONE states the changes as yearly rules,
not as the RDATE lists that zoneinfo-based generators write, which some
parsers read wrongly (ical.js, in Thunderbird, takes only the first date of
each list). A series is one VEVENT: RRULE, EXDATE for its days off and
RDATE for its extra dates, and a VEVENT of its own (RECURRENCE-ID) for an
occurrence whose real length is not the series' usual one (over a clock change).
"""
from collections import Counter
from datetime import date, datetime, time, timedelta, timezone
from zoneinfo import ZoneInfo

from icalendar import Calendar, Event, Timezone, TimezoneDaylight, TimezoneStandard, vRecur, vText

from bulletin_contract.reader import STATE
from bulletin_contract.schedule import nth_weekday
from bulletin_settings import build_start

from .text import plain_text_blocks

# Subscribing apps look again this often (RFC 7986 and Apple's older name).
REFRESH = timedelta(hours=12)
BYDAY = ("MO", "TU", "WE", "TH", "FR", "SA", "SU")
# A moved event's notice gives its new time, which is as sure as any other:
# TENTATIVE would tell a calendar's user it may not take place then. The
# move is said in the title and the description.
STATUS = {None: "CONFIRMED", "peruttu": "CANCELLED", "siirretty": "CONFIRMED"}


def span(event):
    """DTSTART and DTEND of an event's first occurrence that is no extra
    date: DTSTART must be a day of the RRULE (RFC 5545 leaves a set with
    another undefined), and an extra date, earlier too, is an RDATE.

    Events given as days, and timed events whose end is a day, are all-day:
    dates, DTEND the day after the last day (exclusive, as RFC 5545 wants).
    A timed end keeps its time, past midnight too. A timed event without an
    end time gets no DTEND: RFC 5545 reads that as ending when it starts, and
    the bulletin does not invent an end the notice did not give."""
    first = event.first_of_rule
    if first.all_day or (first.end is not None and not isinstance(first.end, datetime)):
        return first.first_day, first.last_day + timedelta(days=1)
    return first.start, first.end


def elapsed(occurrence):
    """How long a timed occurrence lasts in real time, not on the clock."""
    return occurrence.end.astimezone(timezone.utc) - occurrence.start.astimezone(timezone.utc)


def usual_length(event):
    """The real length most occurrences of a timed series have (the first's
    on a tie): the length its rule says."""
    lengths = Counter(map(elapsed, event.occurrences))
    first = elapsed(event.first_of_rule)
    return max(lengths, key=lambda length: (lengths[length], length == first))


def unusual(event):
    """The occurrences of a timed series whose length in real time is not
    its usual one: those over a clock change (a night 22.00–5.00 when the
    clocks go back is an hour longer), the first too when it is one (a
    series from the night of the change: judged by the first, every other
    night was one of these). RFC 5545 gives each occurrence of a rule the
    real length of DTSTART to DTEND, some apps (ical.js,
    recurring-ical-events) its clock times; an occurrence of its own says
    the notice's clock times to both."""
    if not event.is_series or not isinstance(event.first_of_rule.end, datetime):
        return []
    usual = usual_length(event)
    return [o for o in event.occurrences if elapsed(o) != usual]


def _transitions(zone, year):
    """The zone's offset changes in a year: [(local moment before, offset
    before, offset after)], found hour by hour."""
    changes = []
    moment = datetime(year, 1, 1, tzinfo=timezone.utc)
    before = moment.astimezone(zone).utcoffset()
    while moment.year == year:
        moment += timedelta(hours=1)
        after = moment.astimezone(zone).utcoffset()
        if after != before:
            changes.append(((moment.astimezone(timezone(before))).replace(tzinfo=None), before, after,
                            moment.astimezone(zone).tzname()))
            before = after
    return changes


def vtimezone(tzid, year):
    """VTIMEZONE with the year's changes as yearly rules (last or n-th
    weekday of the month, as in every European and American zone), or one
    standard offset for a zone without changes."""
    zone = ZoneInfo(tzid)
    tz = Timezone()
    tz.add("tzid", tzid)
    changes = _transitions(zone, year)
    if not changes:
        offset = datetime(year, 1, 1, tzinfo=zone).utcoffset()
        part = TimezoneStandard()
        part.add("dtstart", datetime(1970, 1, 1))
        part.add("tzoffsetfrom", offset)
        part.add("tzoffsetto", offset)
        part.add("tzname", datetime(year, 1, 1, tzinfo=zone).tzname())
        tz.add_component(part)
        return tz
    for local, before, after, name in changes:
        day = local.date()
        last = nth_weekday(day.year, day.month, day.weekday(), -1) == day
        n = -1 if last else (day.day - 1) // 7 + 1
        part = TimezoneDaylight() if after > before else TimezoneStandard()
        # the first such day in 1970, at the same clock time: DTSTART must
        # be an instance of its own rule
        first = nth_weekday(1970, day.month, day.weekday(), n)
        part.add("dtstart", datetime.combine(first, local.time()))
        part.add("rrule", {"freq": "yearly", "bymonth": day.month, "byday": f"{n}{BYDAY[day.weekday()]}"})
        part.add("tzoffsetfrom", before)
        part.add("tzoffsetto", after)
        part.add("tzname", name)
        tz.add_component(part)
    return tz


def recurrence(event, start):
    """RRULE, EXDATE and RDATE of a series (empty for one occurrence)."""
    props = []
    repeat = event.repeat
    if repeat:
        rule = {"freq": "monthly" if repeat.nth else "weekly", "interval": repeat.interval, "wkst": "MO"}
        if repeat.nth:
            rule["byday"] = [f"{n}{BYDAY[d]}" for d in repeat.weekdays for n in repeat.nth]
        else:
            rule["byday"] = [BYDAY[d] for d in repeat.weekdays]
        if isinstance(start, datetime):
            # inclusive; in UTC, as RFC 5545 wants with a zoned DTSTART
            last = datetime.combine(repeat.until, start.time(), tzinfo=start.tzinfo)
            rule["until"] = last.astimezone(timezone.utc)
        else:
            rule["until"] = repeat.until
        props.append(("rrule", vRecur(rule)))
        if repeat.days_off:
            props.append(("exdate", [_like(day, start) for day in repeat.days_off]))
    if event.dates:
        props.append(("rdate", [_like(when, start) for when in event.dates]))
    return props


def _like(when, start):
    """A day or moment of a series written as its DTSTART is: a date, or
    a zoned time (a day alone at the start's clock time)."""
    if isinstance(start, datetime) and not isinstance(when, datetime):
        return datetime.combine(when, start.time(), tzinfo=start.tzinfo)
    return when


class CalendarBuilder:
    def __init__(self, settings, t, site, domain, today):
        self.settings = settings
        self.t = t
        self.site = site
        self.domain = domain
        self.today = today  # a registration deadline over by it is said as closed
        self.latest = build_start(settings, today)
        # Every calendar carries the site's zone: its times are written in
        # it, and RFC 5545 wants at least one component in a calendar (one
        # with no events: an association with none coming).
        self.zone = vtimezone(settings["BULLETIN_TIMEZONE"], today.year).to_ical()
        # An event in the calendars to subscribe to (the site's and its
        # association's) is in its own file too: serialised once (icalendar's
        # line folding was most of a calendar's time). Only those are kept:
        # every event of a ten-year archive would be tens of megabytes.
        self.events = {}  # id(article) -> its VEVENT's bytes, while this builder lives

    def description(self, article):
        """Plain text: the notice's text, then its facts (as the notice page
        says them) and address."""
        event = article.notice.event
        t, dates = self.t, self.t.dates
        facts = [
            (t("notice_when"), "\n".join(dates.series_lines(event)) if event.is_series else dates.when_long(event)),
            (t("notice_where"), event.location),
            (t("notice_price"), event.price),
            (t("notice_registration"), event.registration),
            (t.registration_by(event.signing_up_over(self.today)),
             event.signing_up_by and dates.deadline(event.signing_up_by)),
            (t("notice_accessibility"), event.accessibility),
            (t("notice_association"), article.association_profile.name),
            # a joint notice is in each partner's calendar: its subscribers see their own too
            (t("notice_partners"), ", ".join(STATE.associations[slug].name for slug in article.notice.partners)),
        ]
        lines = [f"{label}: {value}" for label, value in facts if value]
        # why it is cancelled or postponed first, as the notice page says it
        status = [" ".join(filter(None, (self.t(f"status_banner_{event.status}"), event.status_note)))] \
            if event.status else []
        return "\n\n".join([*status, plain_text_blocks(article.content), "\n".join(lines),
                            f"{self.site}/{article.url}"])

    def vevents(self, article):
        """The notice's VEVENT, with its rule, and one for each occurrence
        whose length the rule does not say (unusual)."""
        event = article.notice.event
        start, end = span(event)
        own = unusual(event)
        if any(o.start == start for o in own):
            # the first is unlike the rest: the rule says their length
            # (DURATION, exact), and the first night has a VEVENT of its own
            series = self.vevent(article, start, None)
            series.add("duration", usual_length(event))
        else:
            series = self.vevent(article, start, end)
        for name, value in recurrence(event, start):
            series.add(name, value)
        overrides = []
        for occurrence in own:
            one = self.vevent(article, occurrence.start, occurrence.end)
            one.add("recurrence-id", occurrence.start)
            overrides.append(one)
        return [series, *overrides]

    def stamp(self, notice):
        """DTSTAMP: when the notice was published, as far as this build knows."""
        return min(notice.date, self.latest).astimezone(timezone.utc)

    def vevent(self, article, start, end):
        notice, event = article.notice, article.notice.event
        vevent = Event()
        vevent.add("uid", f"{notice.slug}@{self.domain}")
        vevent.add("dtstamp", self.stamp(notice))
        vevent.add("dtstart", start)
        if end is not None:
            vevent.add("dtend", end)
        vevent.add("status", STATUS[event.status])
        # apps that do not show STATUS still say it in the title
        status = f"{self.t('status_' + event.status)}: " if event.status else ""
        vevent.add("summary", status + notice.title)
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
        # the zone and the events after the calendar's own lines, as
        # icalendar writes its components
        end = b"END:VCALENDAR\r\n"
        head = cal.to_ical()
        events = b"".join(self.event(article, keep=bool(name)) for article in articles)
        return head[:-len(end)] + self.zone + events + end

    def event(self, article, keep):
        data = self.events.get(id(article))
        if data is None:
            data = b"".join(vevent.to_ical() for vevent in self.vevents(article))
            if keep:
                self.events[id(article)] = data
        return data
