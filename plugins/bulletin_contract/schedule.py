"""When an event happens: its occurrences, from one start, a weekly or
monthly rule with days off, and extra dates.

Occurrences keep their wall-clock time across the daylight-saving changes
(chair exercise is at 10.00 in March and in April), as RFC 5545 expands a
rule whose DTSTART has a time zone; the calendars write exactly this rule,
and a test expands it with an independent library to hold the two equal.
"""
from calendar import monthrange
from datetime import date, datetime, timedelta

MOST = 400  # occurrences in one notice: a year of twice-weekly meetings fits


def day_of(value):
    return value.date() if isinstance(value, datetime) else value


def ends_at_midnight(start, end):
    """An end at 00.00 after a start with a time: the end of the day before
    (the evening until midnight, 20.00–24.00), not a time on the next day."""
    return isinstance(start, datetime) and isinstance(end, datetime) and end.date() > start.date() \
        and (end.hour, end.minute) == (0, 0)


def last_day_of(start, end):
    """The last day an occurrence is on: its end's day, the day before for an
    end at midnight."""
    if ends_at_midnight(start, end):
        return end.date() - timedelta(days=1)
    return day_of(end if end is not None else start)


def nth_weekday(year, month, weekday, n):
    """The n-th `weekday` (0 = Monday) of a month, counted from its end when
    n < 0; None when the month has no such day (a fifth Tuesday)."""
    days = monthrange(year, month)[1]
    if n > 0:
        day = 1 + (weekday - date(year, month, 1).weekday()) % 7 + 7 * (n - 1)
    else:
        day = days - (date(year, month, days).weekday() - weekday) % 7 - 7 * (-n - 1)
    return date(year, month, day) if 1 <= day <= days else None


def rule_days(first, repeat, limit=MOST + 1):
    """The days a rule gives from `first` to its last day, at most `limit`.

    Weekly: the rule's weekdays in every `interval`-th week, weeks from
    Monday (RFC 5545's default WKST) counted from the first day's week.
    Monthly (with `nth`): those weekdays' n-th in every `interval`-th month."""
    days = []
    if repeat.nth:
        year, month = first.year, first.month
        while date(year, month, 1) <= repeat.until and len(days) < limit:
            found = (nth_weekday(year, month, wd, n) for wd in repeat.weekdays for n in repeat.nth)
            days += sorted(d for d in set(found) if d and first <= d <= repeat.until)
            month += repeat.interval
            year, month = year + (month - 1) // 12, (month - 1) % 12 + 1
    else:
        week = first - timedelta(days=first.weekday())
        while week <= repeat.until and len(days) < limit:
            days += [d for wd in repeat.weekdays if first <= (d := week + timedelta(days=wd)) <= repeat.until]
            week += timedelta(weeks=repeat.interval)
    return days[:limit]


def first_rule_day(after, repeat):
    """The first day on or after `after` that a rule gives (for a hint)."""
    days = rule_days(after, repeat, limit=1)
    return days[0] if days else None


def moment_on(day, like):
    """`like` (a date, or a time of day in a zone) moved to `day`."""
    if isinstance(like, datetime):
        return datetime.combine(day, like.time(), tzinfo=like.tzinfo)
    return day


def end_for(start, first_start, first_end):
    """An occurrence's end: as long after its start as the first one's,
    on the wall clock (Python adds to a zoned time in local time), so
    10.00–11.00 stays 10.00–11.00 after the clocks change."""
    if first_end is None:
        return None
    return start + (first_end - first_start)


def starts(start, repeat=None, dates=()):
    """Every occurrence's start, sorted: the rule's days (or the start
    alone) without the days off, then the extra dates (a date alone meaning
    the start's clock time)."""
    days = rule_days(day_of(start), repeat) if repeat else [day_of(start)]
    off = set(repeat.days_off) if repeat else set()
    found = {moment_on(day, start) for day in days if day not in off}
    for extra in dates:
        found.add(extra if isinstance(extra, datetime) or not isinstance(start, datetime)
                  else moment_on(extra, start))
    return sorted(found)  # all dates, or all times in one zone: validate.py refuses a mix
