"""Dates and times written the Finnish way (or the table's language's way).

Short `5.12.2023`, with weekday `ti 5.12.2023 klo 18.00`, spelled out
`tiistaina 5. joulukuuta 2023 klo 18.00`; a dot between hours and minutes and
an en dash in ranges (`klo 13–15`).
"""
import re
from datetime import date, datetime, timedelta

DASH = "\u2013"
END_OF_DAY = "24.00"  # an end or a last moment at 00.00, said on the day it ends


def _schedule():
    """The contract's rule of an event's days (when an end at midnight
    ends), taken when first asked: bulletin_contract imports this package
    for its messages, so importing it as this module loads is a cycle
    (Pelican loads bulletin_settings, and so this package, first)."""
    from bulletin_contract import schedule
    return schedule

# A day or a time as a file holds it (2026-12-05, 2026-12-05 18:00, 18:00),
# inside a message's value but not inside a file's name (2026-12-05-kokous.md).
FILE_MOMENT = re.compile(r"(?<![\w./:-])(\d{4})-(\d{2})-(\d{2})(?: (\d{2}):(\d{2}))?(?![\w/:-])"
                         r"|(?<![\w.:-])(\d{2}):(\d{2})(?![\w:])", re.ASCII)


def has_time(value):
    return isinstance(value, datetime)


class DateFormatter:
    def __init__(self, table):
        self.table = table

    def clock(self, value):
        # 18.00, 9.30: hours without a leading zero, minutes always two digits.
        return f"{value.hour}.{value.minute:02d}"

    def end_clock(self, start, end):
        """An end's time: 24.00 for midnight, the end of the evening before."""
        return END_OF_DAY if _schedule().ends_at_midnight(start, end) else self.clock(end)

    def deadline(self, value):
        """A last moment to do something, as `weekday_date`; at 00.00 the
        end of the day before, `la 19.12.2026 klo 24.00`, as an event's end
        is said: "su 20.12. klo 0.00" is read as the end of Sunday too."""
        if has_time(value) and (value.hour, value.minute) == (0, 0):
            day = self.weekday_date(value.date() - timedelta(days=1))
            return f"{day} {self.table['time_prefix']} {END_OF_DAY}"
        return self.weekday_date(value)

    def short_date(self, value):
        return f"{value.day}.{value.month}.{value.year}"

    def as_written(self, text):
        """The file's days and times in `text` as the forms write them to
        people: `2026-12-05 18:00` as `5.12.2026 klo 18.00`, `20:00` as
        `klo 20.00` (no such day, 31.2., as written). The form's script
        does the same with FILE_MOMENT (submit.js)."""
        def written(match):
            y, m, d, hours, minutes, clock_hours, clock_minutes = match.groups()
            clock = f"{self.table['time_prefix']} {int(hours or clock_hours or 0)}.{minutes or clock_minutes}"
            if clock_hours:
                return clock
            day = f"{int(d)}.{int(m)}.{y}"
            return f"{day} {clock}" if hours else day
        return FILE_MOMENT.sub(written, text)

    def _with_clock(self, value, text):
        """`text` and, for a moment, ` klo 18.00`."""
        return f"{text} {self.table['time_prefix']} {self.clock(value)}" if has_time(value) else text

    def weekday_date(self, value):
        return self._with_clock(value, f"{self.table['weekdays_short'][value.weekday()]} {self.short_date(value)}")

    def long_date(self, value):
        weekday = self.table["weekdays_essive"][value.weekday()]
        month = self.table["months_partitive"][value.month - 1]
        return self._with_clock(value, f"{weekday} {value.day}. {month} {value.year}")

    def _range(self, start, end, one_day):
        if end is None:
            return one_day(start)
        same_day = _schedule().last_day_of(start, end) == start.date() if has_time(end) and has_time(start) else (
            not has_time(start) and not has_time(end) and start == end
        )
        if same_day and has_time(start):
            # klo 13.00–15.00 on one day, klo 20.00–24.00 until its midnight
            return f"{one_day(start)}{DASH}{self.end_clock(start, end)}"
        if same_day:
            return one_day(start)
        if has_time(end) and _schedule().ends_at_midnight(start, end):
            # until midnight days later: 24.00 on its last day, as an evening's 20.00–24.00
            last = _schedule().last_day_of(start, end)
            return f"{one_day(start)} {DASH} {one_day(last)} {self.table['time_prefix']} {self.end_clock(start, end)}"
        return f"{one_day(start)} {DASH} {one_day(end)}"

    def when_short(self, event):
        """An event or one occurrence: `ti 5.12.2023 klo 18.00–20.00`."""
        return self._range(event.start, event.end, self.weekday_date)

    def when_long(self, event):
        return self._range(event.start, event.end, self.long_date)

    # --- series ---

    def day_month(self, value):
        return f"{value.day}.{value.month}."

    def weekday_day(self, value):
        """`ti 16.2. klo 10.00`: a day within a series whose year is said."""
        return self._with_clock(value, f"{self.table['weekdays_short'][value.weekday()]} {self.day_month(value)}")

    def in_series(self, occurrence):
        """One occurrence of a series whose year is said: `ti 16.2. klo 10.00–11.00`."""
        return self._range(occurrence.start, occurrence.end, self.weekday_day)

    def clock_range(self, occurrence):
        """`klo 10.00–11.00`, a night's `klo 22.00–1.00`, or '' for days.
        An end on a later day than that says its weekday, `klo 18.00 – su
        klo 15.00`: `klo 18.00–15.00` would read as the same day or night."""
        start, end = occurrence.start, occurrence.end
        if not has_time(start):
            return ""
        clock = f"{self.table['time_prefix']} {self.clock(start)}"
        if not has_time(end):
            return clock
        if occurrence.current_until == occurrence.first_day:  # over on its day, or a night
            return f"{clock}{DASH}{self.end_clock(start, end)}"
        weekday = self.table["weekdays_short"][occurrence.last_day.weekday()]
        return f"{clock} {DASH} {weekday} {self.table['time_prefix']} {self.end_clock(start, end)}"

    def span(self, first, last):
        """`12.1.–25.5.2027`, `12.12.2026–25.5.2027`, or one day."""
        if first == last:
            return self.short_date(first)
        start = self.day_month(first) if first.year == last.year else self.short_date(first)
        return f"{start}{DASH}{self.short_date(last)}"

    def _and(self, words):
        words = list(words)
        return words[0] if len(words) == 1 else f"{', '.join(words[:-1])} {self.table['and']} {words[-1]}"

    def _ordinal(self, n, table="ordinal_every"):
        return self.table[table].get(str(n)) or self.table["ordinal_fallback"].format(n=n)

    def rule(self, event, short=False):
        """The series' rule in words (`Joka tiistai ja torstai`, short
        `joka ti ja to`), or None for one occurrence."""
        repeat, suffix = event.repeat, "_short" if short else ""
        if repeat is None:
            if len(event.occurrences) < 2:
                return None
            return self.table["series_dates" + suffix].format(count=len(event.occurrences))
        names = self.table["weekdays_short" if short else "weekdays_name"]
        if repeat.nth:
            which, days = self._in_month(repeat, suffix, names)
            if repeat.interval == 1:
                return self.table["series_monthly" + suffix].format(which=which, days=days)
            return self.table["series_every_nth_month" + suffix].format(
                which=which, days=days, nth=self._ordinal(repeat.interval, "ordinal_every_genitive"))
        if repeat.interval == 1:
            return self.table["series_weekly" + suffix].format(days=self._and(names[d] for d in repeat.weekdays))
        adverbs = names if short else self.table["weekdays_adverb"]
        return self.table["series_every_nth_week" + suffix].format(
            nth=self._ordinal(repeat.interval), days=self._and(adverbs[d] for d in repeat.weekdays))

    def series(self, event):
        """`Joka tiistai ja torstai klo 10.00–11.00, 12.1.–25.5.2027`: from
        the first occurrence to the last one's last day (a weekend's Sunday),
        at the rule's clock time (an extra date, even the first, may be at another)."""
        clock = self.clock_range(event.first_of_rule) if event.repeat else ""
        head = " ".join(part for part in (self.rule(event), clock) if part)
        return f"{head}, {self.span(event.first_day, event.last_day)}"

    def days_off(self, event):
        """The days off within the series' span: one before the first
        occurrence or after the last changes nothing for a reader."""
        if not event.repeat:
            return ""
        first, last = event.first_day, event.last_day
        return ", ".join(self.day_month(d) for d in event.repeat.days_off if first <= d <= last)

    def extra_dates(self, event):
        """The extra dates of a series with a rule, with their end times (a
        list of dates alone is all its occurrences, shown as such)."""
        if not event.repeat:
            return ""
        return ", ".join(self.in_series(o) for o in event.extra_occurrences)

    def series_lines(self, event):
        """A series in words, as every output says it: the rule and span,
        then its days off and extra dates (`Ei: 2.3.`, `Lisäksi: …`)."""
        lines = [self.series(event)]
        for key, days in (("series_except", self.days_off(event)), ("series_extra", self.extra_dates(event))):
            if days:
                lines.append(self.table[key].format(days=days))
        return lines

    def month_days(self, repeat):
        """The days a monthly rule gives, for a message about one day:
        `kuukauden viimeinen torstai` (whatever the interval: the first
        occurrence decides the months)."""
        which, days = self._in_month(repeat, "", self.table["weekdays_name"])
        return self.table["series_days_monthly"].format(which=which, days=days)

    def _in_month(self, repeat, suffix, names):
        """`ensimmäinen ja viimeinen`, `lauantai` of a monthly rule."""
        which = self._and(self.table["ordinal_in_month" + suffix][str(n)] for n in sorted(repeat.nth, key=_nth_order))
        return which, self._and(names[d] for d in repeat.weekdays)

    @staticmethod
    def iso(value):
        if isinstance(value, datetime):
            return value.isoformat(timespec="minutes")
        if isinstance(value, date):
            return value.isoformat()
        return str(value)


def _nth_order(n):
    # first, second… then the last ones: "ensimmäinen ja viimeinen"
    return (n < 0, abs(n) if n > 0 else -abs(n))
