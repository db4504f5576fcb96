"""What a week's letter holds, worked out from the notices alone.

A letter is the bulletin as it stood on its Monday morning: everything
published by the end of the Sunday before. So a week's letter does not
change as the week goes on, each notice is new in exactly one letter, and
the letters of earlier weeks can be made again by any build. A space is new
in the letter after the day it was offered (its file's `date`; a space
without one is never called new), and so is a notice of space wanted.
"""
from bisect import bisect_left
from collections import defaultdict
from dataclasses import dataclass, field
from datetime import date, timedelta

from bulletin_contract.order import newest_first
from bulletin_contract.schedule import day_of
from bulletin_pages.listings import Listed, by_start

FUNDING = "rahoitus"  # the category whose notices are calls with a deadline


@dataclass(frozen=True)
class WeekId:
    year: int  # ISO week-numbering year
    week: int

    @classmethod
    def of(cls, day):
        year, week, _ = day.isocalendar()
        return cls(year, week)

    @classmethod
    def parse(cls, text):
        """`2026-W49` (as --week takes it) or `2026-49` (as in the address)."""
        year, _, week = text.upper().replace("-W", "-").partition("-")
        monday = date.fromisocalendar(int(year), int(week), 1)  # ValueError when impossible
        return cls.of(monday)

    @property
    def monday(self):
        return date.fromisocalendar(self.year, self.week, 1)

    @property
    def sunday(self):
        return self.monday + timedelta(days=6)

    @property
    def slug(self):
        return f"{self.year}-{self.week:02d}"

    @property
    def iso(self):
        return f"{self.year}-W{self.week:02d}"

    def next(self, count=1):
        return WeekId.of(self.monday + timedelta(weeks=count))


def events_of_week(events, first, last):
    """The occurrences of `events` (articles) on the days first..last, as
    `Listed`, soonest first: a series once for each of its days in the week,
    an occurrence of several days in every week it touches."""
    return by_start(Listed(a, o) for a in events for o in a.notice.event.occurrences_between(first, last))


@dataclass
class DaysOff:
    article: object  # a series' notice
    days: list  # its days off (`except`) in one week


@dataclass
class EventWeek:
    week: WeekId
    events: list  # [Listed]
    days_off: list = field(default_factory=list)  # [DaysOff], soonest first


@dataclass
class Letter:
    week: WeekId
    event_weeks: list  # this week and the next: [EventWeek]
    new_by_category: list  # [(category slug, label, [Listed])], newest first; an event by its next occurrence
    funding: list  # open calls, soonest deadline first (not repeated among the new)
    spaces: list = field(default_factory=list)  # spaces offered the week before, newest first
    needs: list = field(default_factory=list)  # new notices of space wanted (not repeated among the new)
    articles: list = field(default_factory=list)  # every notice the letter names, once

    @property
    def empty(self):
        return not self.articles and not self.spaces


def letters_for(weeks, articles, settings, spaces=()):
    """{week: its letter} of `weeks` from all the notices (Pelican's
    articles) and spaces. The notices are sorted out once for all the weeks,
    in one pass over the archive: a letter that went over every notice by
    itself made the letters of a build cost the notices times the weeks, and
    a pass for each thing sought was a twentieth of a rebuild at 100,000."""
    letters = {}
    if not weeks:
        return letters
    shown = [w for week in weeks for w in (week, week.next())]
    first, last = min(w.monday for w in shown), max(w.sunday for w in shown)
    new_from, new_until = min(w.monday for w in weeks) - timedelta(days=7), max(w.monday for w in weeks)
    expiry_days = settings["BULLETIN_EXPIRY_DAYS"]
    touching = defaultdict(list)  # week -> the events with an occurrence in it, in the notices' order
    series, funding, recent = [], [], []
    for article in articles:
        notice = article.notice
        event = notice.event
        if event:
            for week in _weeks_touched(event, first, last):
                touching[week].append(article)
            if event.repeat and not event.cancelled:
                series.append(article)
        # a call with an info evening is a call when it says its deadline (`expires`)
        if notice.category == FUNDING and (not event or notice.expires):
            funding.append((notice.last_current_day(expiry_days), article.slug, article))
        if new_from <= article.date.date() < new_until:
            recent.append(article)
    days_off = _days_off_by_week(series, first, last)
    recent.sort(key=lambda a: a.date.date())
    days = [a.date.date() for a in recent]
    # the calls by deadline: a week's are those still open on its Monday, a
    # slice, where asking every call of the archive for every week grew with both
    funding.sort(key=lambda call: call[:2])
    deadlines = [deadline for deadline, _, _ in funding]
    for week in weeks:
        monday = week.monday
        new = recent[bisect_left(days, monday - timedelta(days=7)):bisect_left(days, monday)]
        open_calls = [a for _, _, a in funding[bisect_left(deadlines, monday):] if a.date.date() < monday]
        letters[week] = _letter(week, touching, open_calls, new, settings, spaces, days_off)
    return letters


def _days_off_by_week(series, first, last):
    """{week: [DaysOff]} of the days off (`except`) of `series` (notices of
    a series not cancelled) from `first` to `last`, soonest first: a meeting
    left out of its week without a word had its regulars at a locked door.
    A cancelled series' days off tell nothing: its every meeting says it is
    cancelled."""
    found = defaultdict(dict)  # week -> {id(article): DaysOff}
    for article in series:
        for day in sorted(article.notice.event.repeat.days_off):
            if first <= day <= last:
                found[WeekId.of(day)].setdefault(id(article), DaysOff(article, [])).days.append(day)
    return {week: sorted(series.values(), key=lambda off: (off.days[0], off.article.slug))
            for week, series in found.items()}


def _weeks_touched(event, first, last):
    """The weeks from `first` to `last` (days) that an occurrence of `event` touches."""
    weeks = set()
    for occurrence in event.occurrences:
        day, end = max(occurrence.first_day, first), min(occurrence.current_until, last)
        while day <= end:
            week = WeekId.of(day)
            weeks.add(week)
            day = week.sunday + timedelta(days=1)
    return weeks


def _letter(week, touching, funding, new, settings, spaces, days_off):
    """The letter of `week`: `touching` the events by the weeks they touch,
    `funding` the calls published before its Monday and open on it, soonest
    deadline first, `new` the notices published the week before, `days_off`
    the series' days off by week."""
    monday = week.monday
    first_new = monday - timedelta(days=7)
    expiry_days = settings["BULLETIN_EXPIRY_DAYS"]
    event_weeks = [EventWeek(w, events_of_week([a for a in touching.get(w, ()) if a.date.date() < monday],
                                               w.monday, w.sunday),
                             [off for off in days_off.get(w, ()) if off.article.date.date() < monday])
                   for w in (week, week.next())]
    listed = {id(entry.article) for w in event_weeks for entry in w.events}

    listed |= {id(a) for a in funding}

    new = [a for a in new if id(a) not in listed and a.notice.is_current(monday, expiry_days)]
    new = newest_first(new)
    needs = [a for a in new if a.notice.wanted]
    new = [a for a in new if not a.notice.wanted]
    new_spaces = sorted((one for one in spaces if one.date and first_new <= day_of(one.date) < monday),
                        key=lambda one: (-day_of(one.date).toordinal(), one.slug))
    new_by_category = []
    for slug, label in settings["BULLETIN_CATEGORIES"].items():
        in_category = [Listed(a, a.notice.event.next_occurrence(monday) if a.notice.event else None)
                       for a in new if a.notice.category == slug]
        if in_category:
            new_by_category.append((slug, label, in_category))

    named = [entry.article for w in event_weeks for entry in w.events] + new + needs + funding
    named += [off.article for w in event_weeks for off in w.days_off]
    # each once: a weekly meeting is listed by every meeting, in both weeks
    named = list({id(a): a for a in named}.values())
    return Letter(week, event_weeks, new_by_category, funding, new_spaces, needs, named)


def weeks_to_write(articles, today, count):
    """The weeks whose letters a build writes: the last `count` weeks up to
    today's, from the week of the first notice on."""
    current = WeekId.of(today)
    if not articles:
        return [current]
    first = WeekId.of(min(a.date.date() for a in articles))
    start = max(first.monday, current.monday - timedelta(weeks=count - 1))
    weeks, week = [], WeekId.of(start)
    while week.monday <= current.monday:
        weeks.append(week)
        week = week.next()
    return weeks
