"""Rules of an event's time, between its keys: the end after the start, a
series' rule, its days off and extra dates, clock times that do not exist,
the registration deadline. The result is the event's occurrences."""
from datetime import datetime, time, timedelta

from .fields import WEEKDAYS, clock_exists
from .model import Occurrence, Repeat
from .problems import Problem
from .schedule import MOST, day_of, end_for, first_rule_day, moment_on, rule_days, starts
from .writer import when_text

# Days one occurrence of a series may last: a week's would overlap the next.
SERIES_LONGEST = 6
# Days one event may last: a year's exhibition fits. Every day of an event is
# a day to find it by in search and on the events by month; an end typed
# decades away made tens of thousands of them, megabytes on its page.
EVENT_LONGEST = 366


class EventRules:
    def __init__(self, event, doc, t, problems):
        self.event, self.doc, self.t, self.problems = event, doc, t, problems
        self.raw = doc.data["event"]

    def refuse(self, line, message_key, **values):
        self.problems.append(Problem(self.doc.path, line, self.t(message_key, **values)))

    def line(self, *key):
        return self.doc.line_of("event", *key)

    def occurrences(self):
        """(Repeat or None, the first occurrence's end, [Occurrence]) when
        the time is valid, else None with the problems added."""
        event = self.event
        if "start" not in event or ("end" in self.raw and "end" not in event):
            return None  # already refused by its own rule
        start = event["start"]
        end = self._end(start, event.get("end"))
        if end is False:
            return None
        repeat = self._repeat(start)
        if repeat is False or ("dates" in self.raw and "dates" not in event):
            return None
        days_off = {moment_on(day, start) for day in repeat.days_off} if repeat else set()
        extras = self._extras(start, event.get("dates", []), set(starts(start, repeat)), days_off)
        if extras is None:
            return None
        if repeat is not None and not starts(start, repeat):
            # every day of the rule off, extra dates or not: a calendar's
            # DTSTART would be no day of its RRULE, the page's rule no day at all
            self.refuse(self.line("repeat"), "err_no_occurrences")
            return None
        series = repeat is not None or extras
        if series and end is not None and (day_of(end) - day_of(start)).days > SERIES_LONGEST:
            self.refuse(self.line("end"), "err_series_end", end=self.raw["end"],
                        clock=end.strftime("%H:%M") if isinstance(end, datetime) else "")
            return None
        if not series and end is not None and (day_of(end) - day_of(start)).days > EVENT_LONGEST:
            self.refuse(self.line("end"), "err_event_too_long", start=self.raw["start"], end=self.raw["end"],
                        most=EVENT_LONGEST)
            return None
        found = [Occurrence(s, end_for(s, start, end)) for s in starts(start, repeat, extras)]
        if len(found) > MOST:
            self.refuse(self.line("repeat", "until") if repeat else self.line("dates"),
                        "err_too_many_occurrences", count=len(found), most=MOST)
            return None
        if not self._clock_times_exist(found):
            return None
        self._deadline(found)
        if "status_note" in event and "status" not in self.raw:
            self.refuse(self.line("status_note"), "err_status_note_alone")
        return repeat, end, found

    def _end(self, start, end):
        """The first occurrence's end as a date or datetime (None: not
        given); False when it is refused."""
        if end is None:
            return None
        raw = self.raw
        line = self.line("end")
        time_only = isinstance(end, time)
        if time_only:
            if not isinstance(start, datetime):
                self.refuse(line, "err_end_time_without_start_time", value=raw["end"])
                return False
            end = datetime.combine(start.date(), end, tzinfo=start.tzinfo)
            if not clock_exists(end):
                self.refuse(line, "err_time_gap", key="event.end", value=f"{start.date()} {raw['end']}")
                return False
        start_day, end_day = day_of(start), day_of(end)
        if time_only and end < start:
            # a party until 00:30: the end is on the next day
            next_day = (start_day + timedelta(days=1)).isoformat()
            self.refuse(line, "err_end_after_midnight", start=raw["start"], end=raw["end"], day=next_day,
                        clock=end.strftime("%H:%M"))
            return False
        if end_day < start_day or (isinstance(end, datetime) and isinstance(start, datetime) and end < start):
            self.refuse(line, "err_end_before_start", start=raw["start"], end=raw["end"])
            return False
        if isinstance(end, datetime) and end == start:
            # 18:00–18:00 on every page: a slip for another time, or an end not known
            self.refuse(line, "err_end_at_start", start=raw["start"], end=raw["end"])
            return False
        if isinstance(end, datetime) != isinstance(start, datetime):
            # a start at a clock time ends at one, an all-day start on a day
            # (as in iCalendar, where DTSTART and DTEND are of one kind)
            key = "err_end_without_time" if isinstance(start, datetime) else "err_end_time_all_day"
            self.refuse(line, key, start=raw["start"], end=raw["end"], day=end_day.isoformat())
            return False
        return end

    def _repeat(self, start):
        """The series' rule (None: not a series), False when refused."""
        if "repeat" not in self.raw:
            return None
        values = self.event.get("repeat")
        if not values or "weekdays" not in values or "until" not in values or len(values) < len(self.raw["repeat"]):
            return False  # its own rules said what is wrong
        repeat = Repeat(weekdays=values["weekdays"], until=values["until"], interval=values.get("interval", 1),
                        nth=values.get("nth", []), days_off=values.get("except", []))
        first = day_of(start)
        if repeat.until < first:
            self.refuse(self.line("repeat", "until"), "err_until_before_start",
                        until=repeat.until.isoformat(), start=first.isoformat())
            return False
        # a monthly rule's days said as a reader says them: `kuukauden viimeinen torstai`
        named = self.t.dates.month_days(repeat) if repeat.nth else ", ".join(WEEKDAYS[d] for d in repeat.weekdays)
        rule_first = first_rule_day(first, repeat)
        if rule_first != first:
            self.refuse(self.line("start"), "err_start_not_in_rule", start=when_text(start), weekdays=named,
                        suggestion=when_text(moment_on(rule_first, start)) if rule_first else "")
            return False
        days = set(rule_days(first, repeat))
        refused = False
        for index, day in enumerate(repeat.days_off):
            line = self.doc.line_of_item(("event", "repeat", "except"), index)
            if not first <= day <= repeat.until:
                # on the rule's weekday too: "no day of the series (ti)" would not say why
                self.refuse(line, "err_except_outside_series", day=day.isoformat(), first=first.isoformat(),
                            until=repeat.until.isoformat())
                refused = True
            elif day not in days:
                self.refuse(line, "err_except_not_occurrence", day=day.isoformat(), weekdays=named)
                refused = True
        return False if refused else repeat

    def _extras(self, start, extras, rule_starts, days_off):
        """Extra dates as starts; None when one is refused."""
        found, refused = [], False
        self.extra_lines = {}  # an extra date's start -> its line, to point a later refusal at it
        for index, extra in enumerate(extras):
            line = self.doc.line_of_item(("event", "dates"), index)
            if isinstance(extra, datetime) and not isinstance(start, datetime):
                self.refuse(line, "err_date_time_all_day", value=when_text(extra), day=day_of(extra).isoformat())
                refused = True
                continue
            moment = moment_on(extra, start) if not isinstance(extra, datetime) else extra
            if moment in rule_starts:
                self.refuse(line, "err_date_is_occurrence", value=when_text(moment))
                refused = True
                continue
            if moment in days_off:
                # RFC 5545 takes an EXDATE out of the RDATEs too: calendars would drop it
                self.refuse(line, "err_date_is_day_off", value=when_text(moment), day=day_of(moment).isoformat())
                refused = True
                continue
            if moment < start and "repeat" not in self.raw:
                # (a series' start is its rule's first day: the first Tuesday
                # moved to Monday is an extra date before it, and a day off)
                self.refuse(line, "err_date_before_start", value=when_text(moment), start=when_text(start))
                refused = True
                continue
            found.append(moment)
            self.extra_lines[moment] = line
        return None if refused else found

    def _clock_times_exist(self, found):
        for occurrence in found:
            missing = [m for m in (occurrence.start, occurrence.end) if isinstance(m, datetime) and not clock_exists(m)]
            if not missing:
                continue
            start = occurrence.start
            if start in self.extra_lines:
                # an extra date is no day of a rule: repeat.except cannot take it,
                # so name its own line and a time that exists
                later = start + timedelta(hours=1)
                while not all(clock_exists(m) for m in (later, end_for(later, start, occurrence.end))
                              if isinstance(m, datetime)):
                    later += timedelta(hours=1)
                self.refuse(self.extra_lines[start], "err_extra_time_gap", day=when_text(start),
                            suggestion=when_text(later))
            else:
                # the day to leave out is the one the occurrence starts on, even
                # when it is its end, on the next day, that falls in the hour
                self.refuse(self.line("start"), "err_series_time_gap", day=when_text(missing[0]),
                            off=day_of(start).isoformat())
            return False
        return True

    def _deadline(self, found):
        """Not after the last occurrence is over: a day, after its last day;
        a time, after its end (its start without one) when it has a time."""
        deadline = self.event.get("registration_deadline")
        if deadline is None:
            return
        over = max(o.end or o.start for o in found)
        if isinstance(deadline, datetime) and isinstance(over, datetime):
            late = deadline > over
        else:
            over = max(o.last_day for o in found)
            late = day_of(deadline) > over
        if late:
            self.refuse(self.line("registration_deadline"), "err_deadline_after_event",
                        deadline=when_text(deadline), last=when_text(over))
