"""Weekly time slots as people write them: `ti 17-21`, `ti klo 17.00–21.00`,
`ma–pe 8-16`, `ti, to 18-20`, `arkisin 17-21`.

One parser for a space's free hours (`available`) and a wanted space's
hours (`wanted.when`), so the two always mean the same and can be matched.
"""
import re
from dataclasses import dataclass

from .problems import Invalid

# A weekday is its first two letters, as in Finnish calendars; the whole
# word (tiistai, tiistaisin, keskiviikkona, tiistaiaamuisin, and with the
# part of the day after a hyphen: tiistai-iltaisin) is read too, but no
# other word that starts so ("kesäkuu" is no Wednesday). The part of the day
# may follow the two letters too: ti-iltaisin, la-aamuisin. Written once for
# a list, it leaves a hyphen on the days before the last (tiistai- ja
# torstai-iltaisin, ti-, ke- ja to-aamuisin), read before ", " or " ja " only.
DAYS = ("ma", "ti", "ke", "to", "pe", "la", "su")
_LETTERS = "[a-zåäöÅÄÖ]*"
_PART = rf"-(?:aamu|p[äÄ]iv|ilta|y[öÖ]){_LETTERS}"
_ELLIPSIS = r"-(?=\s*,|\s+ja\s)"
_END = rf"(?:{_ELLIPSIS}|{_LETTERS}(?:{_PART})?)"
_DAY = (rf"(ma|ti|ke|to|pe|la|su)(?:(?<=ma)anantai{_END}|(?<=ti)istai{_END}|(?<=ke)skiviikko{_END}|"
        rf"(?<=to)rstai{_END}|(?<=pe)rjantai{_END}|(?<=la)uantai{_END}|(?<=su)nnuntai{_END}|\.|{_PART}|{_ELLIPSIS})?")
DASH = r"\s*[-–—]\s*"
_CLOCK = r"(\d{1,2})(?:[.:](\d{2}))?"
# Days in a list: `ti, to`, `ti,to` or `ti ja to`; "ja" is a word of its own
# ("tijato" is no list: a typo, refused as unread rather than read as two days).
# Words for several days at once ("arkisin 17-21"), each written alone
# before the hours, in lower case with one space between its words.
GROUPS = {
    "arkisin": range(5), "arkipäivisin": range(5), "arkipäivinä": range(5),
    "viikonloppuisin": range(5, 7), "viikonloppuna": range(5, 7),
    "päivittäin": range(7), "joka päivä": range(7),
}
_GROUP = "|".join(word.replace("ä", "[äÄ]").replace(" ", r"\s") for word in GROUPS)
SLOT = re.compile(
    rf"^(?:(?P<group>{_GROUP})|(?P<days>{_DAY}(?:(?P<range>{DASH}){_DAY}|(?:(?:\s*,\s*|\s+ja\s+){_DAY})*)))"
    # a sentence's full stop after the hours ("ti 18–20.") is no part of them
    rf"\s+(?:(?:klo\.?|kello)\s*)?{_CLOCK}{DASH}{_CLOCK}\.?$",
    re.IGNORECASE | re.ASCII,
)
# ASCII: Python's Unicode matching would read ſ as s, K (kelvin) as k and
# other scripts' digits as digits, which the form's JavaScript does not.
DAY_WORD = re.compile(_DAY, re.IGNORECASE | re.ASCII)
# Hours from-to: two in a text not read ("ti 17-21, to 18-20", "ti 9-11 ja
# 17-21") are two slots, each to be written apart.
HOURS = re.compile(rf"{_CLOCK}{DASH}{_CLOCK}", re.ASCII)
EXAMPLE = '"ti 17-21"'
# How often, said of a time that is not every week: "joka toinen ti 18-20",
# "joka 2. ti", "parillisina viikkoina", "kuun ensimmäinen ti", "kerran
# kuussa". A slot is weekly, free or wanted every week: the time is told what
# to write (the weekly time, the weeks in the text), not that it cannot be read.
OFTEN = re.compile(
    r"(?<!\w)(?:joka\s+(?:toinen|kolmas|neljäs|[2-9]\.?)(?:\s+viikko)?|(?:parillis|pariton|parittom)\w*(?:\s+viik\w*)?"
    r"|(?:joka\s+)?kuu(?:n|kauden)\s+\w+|kerran\s+kuussa)(?!\w)", re.IGNORECASE)
# Days named in running text, as a need says when it wants premises
# ("Harjoitustila tiistai-iltoihin", "Kokoustila viikonloppuisin"): a word
# for several days, or a weekday's whole name; not its two letters, which a
# text has as words of their own.
NAMED_DAYS = re.compile(rf"\b(?:{_GROUP}|{_DAY})\b", re.IGNORECASE)


@dataclass(frozen=True, order=True)
class Slot:
    """A weekday (0 = Monday) and minutes from midnight, end after start."""

    day: int
    start: int
    end: int

    def covers(self, other):
        return self.day == other.day and self.start <= other.start and other.end <= self.end

    def has_hour(self, day, hour):
        """Is the hour from `hour` to `hour`+1 on `day` within this slot?"""
        return self.day == day and self.start <= hour * 60 and (hour + 1) * 60 <= self.end


def _minutes(hours, minutes, key, text):
    hours, minutes = int(hours), int(minutes or 0)
    if hours > 24 or minutes > 59 or (hours == 24 and minutes):
        raise Invalid("err_slot_clock", key=key, value=text)
    return hours * 60 + minutes


def parse_slot(text, key):
    """One written slot to a tuple of Slots (a range of days gives several)."""
    line = " ".join(text.split())
    match = SLOT.match(line)
    if not match:
        several = len(HOURS.findall(line)) > 1
        if OFTEN.search(line) and not several:
            raise Invalid("err_slot_not_weekly", key=key, value=text, example=_weekly(line))
        raise Invalid("err_slot_several" if several else "err_slot", key=key, value=text, example=EXAMPLE)
    h1, m1, h2, m2 = match.groups()[-4:]
    start, end = _minutes(h1, m1, key, text), _minutes(h2, m2, key, text)
    if end <= start:
        raise Invalid("err_slot_order", key=key, value=text)
    if match.group("group"):
        return tuple(Slot(day, start, end) for day in GROUPS[match.group("group").lower()])
    written = [DAYS.index(m.group(1).lower()) for m in DAY_WORD.finditer(match.group("days"))]
    if match.group("range"):  # ma–pe; not the hyphen of tiistai-iltaisin
        first, last = written
        if last < first:
            raise Invalid("err_slot_days", key=key, value=text)
        written = range(first, last + 1)
    return tuple(Slot(day, start, end) for day in sorted(set(written)))


def _weekly(line):
    """The slot without its words of how often (`joka toinen ti 18-20`: "ti 18-20"),
    when that is a slot; else the example."""
    weekly = " ".join(OFTEN.sub(" ", line).split())
    return f'"{weekly}"' if SLOT.match(weekly) else EXAMPLE


def weekdays_named(text):
    """The weekdays (0 = Monday) a text names by name: an empty set for none."""
    days = set()
    for found in NAMED_DAYS.finditer(" ".join(text.split())):
        word = found.group(0).lower()
        if word in GROUPS:
            days.update(GROUPS[word])
        elif len(word.rstrip(".")) > 2:
            days.add(DAYS.index(word[:2]))
    return frozenset(days)


def merged(slots):
    """Slots sorted, with those that overlap or touch on one day made one
    (`ti 17-19` and `ti 19-21` are `ti 17-21`), so a need across them fits."""
    out = []
    for slot in sorted(slots):
        if out and out[-1].day == slot.day and slot.start <= out[-1].end:
            out[-1] = Slot(slot.day, out[-1].start, max(out[-1].end, slot.end))
        else:
            out.append(slot)
    return out


def clock(minutes):
    """540 -> `9`, 1050 -> `17.30`: hours as Finns write them in ranges."""
    hours, rest = divmod(minutes, 60)
    return f"{hours}.{rest:02d}" if rest else str(hours)


def slot_text(slot, weekdays=DAYS):
    """A Slot as it is shown: `ti 17–21` (en dash)."""
    return f"{weekdays[slot.day]} {clock(slot.start)}–{clock(slot.end)}"
