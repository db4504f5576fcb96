"""The days and clock times a notice is about, as filters of its search page.

Pagefind reads "19.12.2026" as the word 19122026 and "18.30" as 1830, and
a range "18.–20.12." as neither of the days between; a query of numbers
found them anywhere (a price, a phone number). The search page (search.js)
asks instead for these filter values:

- `day` and `time`: the days the event is on (every day of one that lasts
  several, every occurrence of a series) and the clock times it starts;
- `date` and `clock`: the days and times the notice's own text writes
  (its deadlines, a range "18.12.–3.1."), found after the event's own.

A day is a value with its year (19.12.2026) and one without (19.12.), as a
reader may type either. A day the text writes without its year is in the
year that puts it in the event's time or nearest it (or the day the notice
was published): "3.1." in a notice of a December event is next January,
"20.5." in a series from September to May is the May of its spring, and
"19.12." in this year's notice is not last year's 19.12.2025.
"""
import re
from datetime import date, timedelta

from bulletin_contract.render import plain_text
from bulletin_i18n.translations import FI

# 19.12. or 19.12.2026, or a range: 18.–20.12., 18.12.–3.1.2027. A clock
# time's hour ("klo 18.10.") is left out by _AFTER_CLOCK below.
_DAYS = re.compile(r"(?<![\d.,:])(\d{1,2})\.(?:(\d{1,2})\.(\d{4})?)?"
                   r"(?:\s*[-–—]\s*(\d{1,2})\.(\d{1,2})\.(\d{4})?)?")
# 18.30, 18:30, klo 18, klo 18.30, kello 9
# 18.30, 18:30, klo 18, klo. 18, klo 18.30, kello 9; not the "19.12" of 19.12.
_CLOCK = re.compile(r"(?i:\b(?:klo|kello)\.?\s*)(\d{1,2})(?:[.:](\d{2}))?(?!\d)"
                    r"|(?<![\d.,:])(\d{1,2})[.:](\d{2})(?!\d|\.\d)(\.)?")
_AFTER_CLOCK = re.compile(r"(?i:\b(?:klo|kello))\.?\s*$")
LONGEST_RANGE = 366  # days listed of one written range: a longer one is its ends only


def _reader_days():
    """Words a reader types for days counted from their own today: the
    search page (search.js, given this table by search.html) asks for
    those days as it asks for a day typed, and searches the other words.
    As words they found the few pages that say "joulukuussa", not the
    events of December. Each word or phrase -> (what, how many):
    "day": n days from today; "week": the Monday to Sunday n weeks on;
    "weekend": that week's Saturday and Sunday; "month": the month n
    months on; "month of year": the month numbered n, this year's, or
    next year's once this year's is past. Only words of one meaning to a
    reader: "jouluna" is also a notice's word (open at Christmas) and its
    days are not agreed (24.–26.12.? the 25th?), so it stays a word, as
    does a month's partitive ("19. joulukuuta" is a day)."""
    words = {"tänään": ("day", 0), "huomenna": ("day", 1), "ylihuomenna": ("day", 2),
             "tällä viikolla": ("week", 0), "tämän viikon": ("week", 0),
             "ensi viikolla": ("week", 1), "ensi viikon": ("week", 1),
             "viikonloppuna": ("weekend", 0), "tänä viikonloppuna": ("weekend", 0),
             "tämän viikonlopun": ("weekend", 0),
             "ensi viikonloppuna": ("weekend", 1), "ensi viikonlopun": ("weekend", 1),
             "tässä kuussa": ("month", 0), "tämän kuun": ("month", 0),
             "ensi kuussa": ("month", 1), "ensi kuun": ("month", 1)}
    # joulukuu, joulukuun, joulukuussa: every month's name ends in -kuu
    for number, (name, genitive) in enumerate(zip(FI["months"], FI["months_genitive"]), start=1):
        words.update(dict.fromkeys((name, genitive, f"{name}ssa"), ("month of year", number)))
    return words


READER_DAYS = _reader_days()


def day_values(day):
    return [f"{day.day}.{day.month}.{day.year}", f"{day.day}.{day.month}."]


def clock_value(hour, minute):
    return f"{hour}.{minute:02d}"


def event_days(event):
    """Every day the event is on: each occurrence from its first day to the
    last it is going on (a night out that ends by morning is its evening's)."""
    days = set()
    for occurrence in event.occurrences:
        day = occurrence.first_day
        while day <= max(occurrence.current_until, occurrence.first_day):
            days.add(day)
            day += timedelta(days=1)
    return days


def event_times(event):
    return {clock_value(o.start.hour, o.start.minute) for o in event.occurrences if not o.all_day}


def _on(day, month, year, near):
    """The day, in `year` or, without one, in the year that puts it between
    the days `near` (first, last) or nearest them; None when there is no
    such day (31.2., 18.30.)."""
    try:
        if year:
            return date(int(year), month, day)
        found = [date(near[0].year + step, month, day) for step in (-1, 0, 1)]
    except ValueError:
        return None
    first, last = near
    return min(found, key=lambda d: max(first - d, d - last))


def written_days(text, near):
    """The days `text` writes, each day of a range too, years resolved by
    `near` (the first and last day of the event, or the day published)."""
    days = set()
    for match in _DAYS.finditer(text):
        if _AFTER_CLOCK.search(text[max(0, match.start() - 8):match.start()]):
            continue  # klo 18.10. is a time at the end of a sentence
        d1, m1, y1, d2, m2, y2 = match.groups()
        if d2 is None:
            if m1 is None:
                continue  # a number with a dot: "1." of a list
            found = _on(int(d1), int(m1), y1, near)
            days.update([found] if found else [])
            continue
        last = _on(int(d2), int(m2), y2, near)
        first = last and _on(int(d1), int(m1 or m2), y1 or last.year, near)
        if first and first > last and not y1:
            first = _on(int(d1), int(m1 or m2), last.year - 1, near)
        if not (first and last) or first > last:
            continue
        if (last - first).days > LONGEST_RANGE:
            days.update([first, last])
            continue
        days.update(first + timedelta(days=n) for n in range((last - first).days + 1))
    return days


def written_times(text):
    times = set()
    for match in _CLOCK.finditer(text):
        hour, minute = (match[1], match[2]) if match[1] else (match[3], match[4])
        hour, minute = int(hour), int(minute or 0)
        if match[5] and 1 <= minute <= 12:
            continue  # a day and its month: "19.12." (a time ends a sentence so too: "18.30.")
        if hour < 24 and minute < 60:
            times.add(clock_value(hour, minute))
    return times


def notice_written_text(article):
    """What the notice's writer wrote: its title, summary, text and event details."""
    notice = article.notice
    event = notice.event
    parts = [notice.title, notice.summary or "", plain_text(article._content)]
    if event:
        parts += [event.registration or "", event.price or "", event.accessibility or "", event.status_note or ""]
    return "\n".join(filter(None, parts))


def search_filters(article):
    """{filter: sorted values} of the notice's days and times (the module's doc)."""
    notice = article.notice
    event = notice.event
    near = (event.first_day, event.last_day) if event else (article.date.date(),) * 2
    text = notice_written_text(article)
    days, times = (event_days(event), event_times(event)) if event else (set(), set())
    # the search page asks for `date` or `day`, `clock` or `time`: the
    # event's own are not listed twice (a series' hundreds of days)
    found = {"day": days, "time": times, "date": written_days(text, near) - days,
             "clock": written_times(text) - times}
    values = {}
    for name, items in found.items():
        if name in ("day", "date"):
            items = {value for day in items for value in day_values(day)}
        if items:
            values[name] = sorted(items)
    return values
