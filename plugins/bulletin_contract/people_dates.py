"""Dates and times as people write them: `5.12.`, `la 5.12. klo 18–20`,
`5.12.2026`, `klo 18`, `18`, `18.30`, `18,30`, `18:30`.

Files hold ISO dates only (fields.py). The entry points where people type
(the form, the issue form, `bulletin new`) read what they wrote with these
patterns and write ISO; a date without a year is the next such day from
today, but a publication date (`recent`) written a few days late is this
year's: "1.12." on 4 December is not meant for a year later. The form's
script reads with the same patterns and rule, exported in its schema.
"""
import re
from datetime import date

from bulletin_i18n.table_word import TableWord

# re.ASCII, as the form's JavaScript reads: Python's Unicode matching would
# read other scripts' digits (١٨, １８) as digits and fold ſ to s and the
# Kelvin sign to k. SPACE is JavaScript's \s, which re.ASCII would narrow.
SPACE = r"[\s\xa0\u1680\u2000-\u200a\u2028\u2029\u202f\u205f\u3000\ufeff]"
# The weekdays by their first two letters, Monday first (date.weekday()),
# and the longest way each is written before a date; a word that begins one
# of these (ti, tiistai) names that day, another (suljettu) none.
WEEKDAYS = ("ma", "ti", "ke", "to", "pe", "la", "su")
WEEKDAY_WORDS = ("maanantaina", "tiistaina", "keskiviikkona", "torstaina", "perjantaina", "lauantaina", "sunnuntaina")
_WEEKDAY_END = rf"\.?,?{SPACE}+"  # ti, ti., tiistaina,
WEEKDAY = rf"(?:(?:{'|'.join(WEEKDAYS)})[a-zåäöÅÄÖ]*{_WEEKDAY_END})?"
# A year in full or by its last two digits (7.12.26), read as the nearest
# such year (two_digit_year).
YEAR = r"\d{4}|\d{2}"
# Between the two times of a range: a hyphen, a dash, or what a phone or a
# word processor puts for one (a non-breaking hyphen U+2011, a minus U+2212).
DASH = "[-\u2010-\u2014\u2212]"
# A day, then perhaps a time or a range of times after a space, a comma or a T.
DAY = re.compile(
    rf"^(?:((?:{'|'.join(WEEKDAYS)})[a-zåäöÅÄÖ]*){_WEEKDAY_END})?"  # the word, to compare with the day's own
    rf"(?:(\d{{1,2}})\.(\d{{1,2}})(?:\.({YEAR})?)?|(\d{{4}})-(\d{{1,2}})-(\d{{1,2}}))"
    rf"(?:(?:,?{SPACE}+|T)(.+))?$",
    re.IGNORECASE | re.ASCII)
# "klo" or the word in full, "kello", before a time.
KLO = r"(?:klo\.?|kello)"
_KLO = rf"(?:{KLO}{SPACE}*)?"
# A time, or a range of times with a dash: `klo 18`, `18.30–20`, `18:30 - 20:00`, `kello 18`.
CLOCK = re.compile(
    rf"^{_KLO}(\d{{1,2}})(?:[.:,](\d{{2}}))?"
    rf"(?:{SPACE}*{DASH}{SPACE}*{_KLO}(\d{{1,2}})(?:[.:,](\d{{2}}))?)?$",
    re.IGNORECASE | re.ASCII)


# A range of days, `18.–20.12.2026`, `la 18.12. – su 20.12.`: no one day, and
# not read as one; an event of many days has its first day in its start and
# its last in its end.
DAY_RANGE = re.compile(
    rf"^{WEEKDAY}\d{{1,2}}\.(?:\d{{1,2}}\.(?:{YEAR})?)?{SPACE}*{DASH}{SPACE}*{WEEKDAY}\d{{1,2}}\.\d{{1,2}}\.?(?:{YEAR})?"
    rf"(?:,?{SPACE}.*)?$",
    re.IGNORECASE | re.ASCII)


def is_day_range(text):
    return DAY_RANGE.match(text.strip()) is not None


# Between the items of a list people write (days off, weekdays): `29.12., 5.1.`,
# `29.12. ja 5.1.`, `ti; to`.
LIST_SEPARATOR = re.compile(rf"[,;]|{SPACE}+ja{SPACE}+", re.ASCII)


def _clock(hours, minutes):
    return f"{int(hours):02d}:{minutes or '00'}"


def read_clock(text):
    """(start "HH:MM", end "HH:MM" or None) or None. The numbers are not
    checked: `25.00` is refused by the field's rule, with its message."""
    match = CLOCK.match(text.strip())
    if not match:
        return None
    h1, m1, h2, m2 = match.groups()
    return _clock(h1, m1), (_clock(h2, m2) if h2 else None)


# A publication date without a year more than this ahead is last such day's.
RECENT_DAYS = 183


def _read(text, today, recent):
    """(ISO day, (start, end), the weekday written (0–6) or None) or None."""
    match = DAY.match(text.strip())
    if not match:
        return None
    weekday, d, m, y, iso_y, iso_m, iso_d, rest = match.groups()
    if iso_y:
        y, m, d = iso_y, iso_m, iso_d
    elif len(y or "") == 2:
        y = two_digit_year(int(y), today)
    elif not y:  # the next such day from today
        y = today.year + ((int(m), int(d)) < (today.month, today.day))
        if recent and _days_ahead(today, int(y), int(m), int(d)) > RECENT_DAYS:
            y -= 1
    clocks = read_clock(rest) if rest else (None, None)
    if clocks is None:
        return None
    named = [index for index, word in enumerate(WEEKDAY_WORDS) if weekday and word.startswith(weekday.lower())]
    return f"{int(y):04d}-{int(m):02d}-{int(d):02d}", clocks, named[0] if named else None


# A year written by two digits is at most this many years from today's.
NEAREST_YEARS = 50


def two_digit_year(digits, today):
    """`26` of 7.12.26: the year so ending nearest to today (2026, not 2126;
    99 in 2026 is 1999, a day long over, which the rules then say)."""
    year = today.year // 100 * 100 + digits
    if year - today.year > NEAREST_YEARS:
        return year - 100
    return year + 100 if today.year - year > NEAREST_YEARS else year


def read_day(text, today, recent=False):
    """(ISO day, start "HH:MM" or None, end "HH:MM" or None) or None; None
    too when the weekday written is another day's (wrong_weekday)."""
    found = _read(text, today, recent)
    if found is None or wrong_weekday(text, today, recent):
        return None
    day, clocks, _ = found
    return (day, *clocks)


def wrong_weekday(text, today, recent=False):
    """(the weekday written, the day's own, as numbers 0–6 from Monday, and
    the ISO day) when they differ: "ti 9.12." of a Wednesday may mean Tuesday
    8.12., which is the person's to say. Else None."""
    found = _read(text, today, recent)
    if found is None or found[2] is None:
        return None
    day, _, written = found
    try:
        own = date.fromisoformat(day).weekday()
    except ValueError:
        return None  # no such day: the field's rule says so
    return (written, own, day) if written != own else None


def weekday_values(wrong):
    """The values of err_wrong_weekday for wrong_weekday's finding, as every
    door and check say it: "9.12.2026 on keskiviikko, ei tiistai"."""
    written, own, day = wrong
    year, month, number = day.split("-")
    return {"day": f"{int(number)}.{int(month)}.{year}", "own": TableWord("weekdays_name", own),
            "written": TableWord("weekdays_name", written)}


def _days_ahead(today, y, m, d):
    try:
        return (date(y, m, d) - today).days
    except ValueError:
        return 0  # no such day (31.2.): the field's rule says so


def read_when(text, today, recent=False):
    """A date and perhaps a time as people write it to (ISO start, ISO end
    or None); None when it is not a date. A range of times gives an end on
    the same day."""
    found = read_day(text, today, recent)
    if found is None:
        return None
    day, start, end = found
    return (f"{day} {start}" if start else day), (f"{day} {end}" if end else None)


def pattern_sources():
    """The patterns for the form's script (Python and JavaScript agree on these)."""
    return {"day": DAY.pattern, "clock": CLOCK.pattern, "listSeparator": LIST_SEPARATOR.pattern,
            "dayRange": DAY_RANGE.pattern}
