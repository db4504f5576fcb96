"""The content contract as one table of field rules.

Each key maps to a rule: is it required, and which small parser turns the
text that was written into a value (or says, in the reader's language, what
to write instead). `bulletin check`, the build and the submission form's
schema all read these tables, so adding a field is one line here.
"""
import difflib
import math
import os
import re
import unicodedata
from dataclasses import dataclass
from datetime import date, datetime, time, timezone
from zoneinfo import ZoneInfo

from bulletin_i18n.languages import LONGEST_TAG, standard_tag
from bulletin_i18n.table_word import TableWord
from bulletin_settings import today as site_today

from .body_checks import site_file_problem
from .marks import MAX_STACKED_MARKS, stacked_marks
from .people_dates import KLO, SPACE, WEEKDAY, YEAR, two_digit_year, weekday_values, wrong_weekday
from .problems import Invalid
from .render import BIDI_CONTROLS, address_unreadable
from .slots import DAYS, EXAMPLE as SLOT_EXAMPLE, merged, parse_slot
from .slugs import ADDRESS, address_lookalike, joined_names, lookalike, slugify, without_legal_form

HELSINKI = ZoneInfo("Europe/Helsinki")


@dataclass(frozen=True)
class Rule:
    parse: object
    required: bool = False
    example: str = ""


# --- parsers -----------------------------------------------------------------
# Each takes (value, key, ctx) and returns the parsed value or raises Invalid.
# `kind` and `limit` describe the parser to the submission form's schema.

# Noncharacters that XML does not allow: a feed could not be written
_NOT_IN_XML = "\ufffe\uffff"


def one_line(text):
    """A line of text as the Text rule reads it: any run of white space
    (U+00A0 from Word, a tab) one space. The doors people type into read
    every one-line answer so (the form's oneLine)."""
    return " ".join(text.split())


def _require_text(value, key, example="…"):
    if not isinstance(value, str):
        if isinstance(value, list) and len(value) == 1 and isinstance(value[0], str):
            from .writer import quote  # the writer's rules import these: read when needed
            example = quote(value[0])  # `[Kuoro]` for `Kuoro`: the one text in the list is what to write
        raise Invalid("err_not_text", key=key, example=example)
    return value


# Letters and marks that are drawn as nothing (Hangul fillers, variation
# selectors, the blank Braille pattern); exported to contract.js (rules_export.py).
_DRAWN_AS_NOTHING = re.compile("[\u034f\u115f\u1160\u17b4\u17b5\u180b-\u180f\u2800\u3164\ufe00-\ufe0f\uffa0"
                               "\U000e0100-\U000e01ef]")


def is_blank(text):
    """Nothing to see: no text, or only format characters (zero-width
    spaces and joiners) or others drawn as nothing, which would make an
    empty link or heading."""
    return all(c.isspace() or unicodedata.category(c) == "Cf" or _DRAWN_AS_NOTHING.match(c) for c in text)


def _has_control(text):
    return any(
        (unicodedata.category(c) == "Cc" and c != "\n") or c in BIDI_CONTROLS or c in _NOT_IN_XML for c in text
    )


def _check_text(text, key, limit):
    """The rules of every text field, one line or many."""
    if is_blank(text):
        raise Invalid("err_empty", key=key)
    if _has_control(text):
        raise Invalid("err_control_char", key=key)
    marks = stacked_marks(text)
    if marks > MAX_STACKED_MARKS:
        raise Invalid("err_stacked_marks", key=key, count=marks, most=MAX_STACKED_MARKS)
    if len(text) > limit:
        raise Invalid("err_too_long", key=key, length=len(text), limit=limit)
    refuse_lookalike_address(text, key)
    return text


class Text:
    """Plain text on one line; runs of white space become one space."""

    kind = "text"
    marks = MAX_STACKED_MARKS

    def __init__(self, limit):
        self.limit = limit

    def __call__(self, value, key, ctx):
        return _check_text(one_line(_require_text(value, key)), key, self.limit)


def refuse_lookalike(text, key):
    """Invalid for a name with a lookalike letter (slugs.lookalike), which
    would be taken for another association's name or look like it."""
    found = lookalike(text)
    if found:
        word, letter, script, fixed = found
        raise Invalid("err_lookalike_letter" if fixed else "err_lookalike_other", key=key, word=word, letter=letter,
                      code=f"U+{ord(letter):04X}", script=TableWord(script), fixed=fixed)


def refuse_lookalike_address(text, key):
    """Invalid for a text with a web or e-mail address whose site's name has
    a lookalike letter (slugs.address_lookalike): it would lead elsewhere.
    (A web address field's pattern takes only ASCII in a site's name.)"""
    for match in ADDRESS.finditer(text):
        found = address_lookalike(match.group(0))
        if found:
            raise Invalid(found[0], key=key, **found[1])


class Name(Text):
    """An association's name: text, and no letter that only looks like a
    Finnish keyboard's (refuse_lookalike)."""

    kind = "name"

    def __call__(self, value, key, ctx):
        text = super().__call__(value, key, ctx)
        refuse_lookalike(text, key)
        return text


class LongText(Text):
    """Markdown text that keeps its line breaks (association descriptions)."""

    kind = "markdown"

    def __call__(self, value, key, ctx):
        return _check_text(_require_text(value, key).strip(), key, self.limit)


ISO_WHEN = re.compile(r"^(\d{4})-(\d{2})-(\d{2})(?:[ T](\d{2}):(\d{2}))?$", re.ASCII)
YEARS = (1900, 2100)
# re.ASCII here and below: as the form's JavaScript reads (people_dates.py says why)
CLOCK = re.compile(r"^(\d{1,2})[:.](\d{2})$", re.ASCII)


# Near misses that people write; never accepted in a file, but turned into
# the ISO form to write instead, and accepted by the form-like commands.
_TIME = rf"(?:{SPACE}+|T)(?:{KLO}{SPACE}*)?(\d{{1,2}})(?:[.:](\d{{2}}))?"
LOOSE_WHEN = [
    re.compile(rf"^{WEEKDAY}(\d{{1,2}})\.(\d{{1,2}})\.({YEAR})(?:{_TIME})?$", re.IGNORECASE | re.ASCII),  # d.m.yyyy, d.m.yy
    re.compile(rf"^(\d{{4}})-(\d{{1,2}})-(\d{{1,2}})(?:{_TIME})?$", re.IGNORECASE | re.ASCII),  # yyyy-m-d
]
LOOSE_CLOCK = re.compile(rf"^(?:{KLO}{SPACE}*(\d{{1,2}})(?:[.:](\d{{2}}))?|(\d{{1,2}})[.:](\d{{2}}))$",
                         re.IGNORECASE | re.ASCII)
NO_YEAR = re.compile(rf"^{WEEKDAY}(\d{{1,2}})\.(\d{{1,2}})\.?(?:{_TIME})?$", re.IGNORECASE | re.ASCII)


def finnish_to_iso(text, today):
    """`5.12.2026 18.00` (also `la 5.12.2026 klo 18`, `2026-12-5`, `7.12.26`:
    the year so ending nearest to `today`, as the doors read it) to
    `2026-12-05 18:00`; None when not written so.

    Files hold ISO dates only: the checker names the ISO form to write
    with this. The form and the editor commands read what people write
    with people_dates.py."""
    text = text.strip()
    for number, pattern in enumerate(LOOSE_WHEN):
        match = pattern.match(text)
        if match:
            first, second, third, hh, mm = match.groups()
            y, m, d = (third, second, first) if number == 0 else (first, second, third)
            y = two_digit_year(int(y), today) if len(y) == 2 else y
            return f"{y}-{int(m):02d}-{int(d):02d}" + (f" {int(hh):02d}:{mm or '00'}" if hh else "")
    return None


def clock_to_iso(text):
    """`klo 18`, `klo 18.30` or `18.30` to `18:00`/`18:30`; None otherwise."""
    match = LOOSE_CLOCK.match(text.strip())
    if not match:
        return None
    hh, mm = (match.group(1), match.group(2)) if match.group(1) else (match.group(3), match.group(4))
    return f"{int(hh):02d}:{mm or '00'}"


def parse_when(text, key, midnight="err_clock_impossible"):
    """`YYYY-MM-DD` to a date, `YYYY-MM-DD HH:MM` to a Helsinki datetime.
    `midnight`: the message for 24:00, which says how to write the end of
    a day in the field (When.midnight)."""
    text = text.strip()
    match = ISO_WHEN.match(text)
    if not match:
        # a year of two digits, the rules having no day of their own: today where the site is
        today = site_today({})
        iso = finnish_to_iso(text, today)
        if iso:
            _exists(iso, text, key, midnight)
            # "ti 9.12.2026" of a Wednesday may mean 8.12.: no ISO form to write, as no door reads it
            wrong = wrong_weekday(text, today)
            if wrong:
                raise Invalid("err_wrong_weekday", key=key, **weekday_values(wrong))
            raise Invalid("err_datetime_finnish" if " " in iso else "err_date_finnish", key=key, value=text, iso=iso)
        no_year = NO_YEAR.match(text)
        if no_year:
            d, m, hh, mm = no_year.groups()
            clock = f" {int(hh):02d}:{mm or '00'}" if hh else ""
            # the day in a leap year (29.2. is one), the time on a day without a clock change
            _exists(f"2000-{int(m):02d}-{int(d):02d}", text, key)
            _exists(f"2000-01-01{clock}", text, key, midnight)
            raise Invalid("err_date_no_year", key=key, value=text, iso=f"VVVV-{int(m):02d}-{int(d):02d}{clock}")
        raise Invalid("err_date", key=key, value=text)
    y, m, d, hh, mm = match.groups()
    if not YEARS[0] <= int(y) <= YEARS[1]:  # calendars and time zones end somewhere
        raise Invalid("err_date_range", key=key, value=text, first=YEARS[0], last=YEARS[1])
    try:
        day = date(int(y), int(m), int(d))
    except ValueError:
        raise Invalid("err_date_impossible", key=key, value=text) from None
    if hh is None:
        return day
    if int(hh) > 23 or int(mm) > 59:
        raise _impossible_clock(hh, mm, key, text, midnight)
    moment = datetime.combine(day, time(int(hh), int(mm)), tzinfo=HELSINKI)
    if not clock_exists(moment):
        raise Invalid("err_time_gap", key=key, value=text)
    return moment


def _impossible_clock(hh, mm, key, text, midnight):
    """The Invalid of a time that is none; 24:00 gets `midnight`."""
    return Invalid(midnight if (int(hh), int(mm)) == (24, 0) else "err_clock_impossible", key=key, value=text)


def _exists(iso, text, key, midnight="err_clock_impossible"):
    """Refuse a near miss `text` whose ISO form `iso` names no real day or
    time (31.11., klo 24) as such: there is no ISO form of it to write."""
    try:
        parse_when(iso, key, midnight)
    except Invalid as err:
        raise Invalid(err.message_key, **{**err.values, "value": text}) from None


def clock_exists(moment):
    """False for a wall-clock time skipped when the clocks go forward
    (03:00–03:59 on the last Sunday of March in Helsinki): zoneinfo would
    quietly move it an hour, and the event would be listed at a time that
    was never written."""
    back = moment.astimezone(timezone.utc).astimezone(moment.tzinfo)
    return back.replace(tzinfo=None) == moment.replace(tzinfo=None)


class When:
    """A date, or a date and a time (Europe/Helsinki). `midnight`: the
    message for 24:00, which is written otherwise in each field: an
    event's end the next day at 0.00, an expiry as its day alone."""

    kind = "datetime"
    times = True  # a time may be written with the day (Day: not)

    def __init__(self, midnight="err_clock_impossible"):
        self.midnight = midnight

    def __call__(self, value, key, ctx):
        text = _require_text(value, key, '"2026-12-05 18:00"')
        if CLOCK.match(text.strip()):
            raise Invalid("err_time_only", key=key, value=text.strip())
        return parse_when(text, key, self.midnight)


class Day(When):
    """A date without a time (the last day of a series, a day off)."""

    kind = "date"
    times = False

    def __call__(self, value, key, ctx):
        when = super().__call__(value, key, ctx)
        if isinstance(when, datetime):
            raise Invalid("err_day_only", key=key, value=value.strip(), day=when.date().isoformat())
        return when


class EndWhen(When):
    """An event's end: like When, or only a time meaning the start's day."""

    kind = "end"

    def __init__(self):
        super().__init__(midnight="err_clock_midnight_end")

    def __call__(self, value, key, ctx):
        text = _require_text(value, key, '"2026-12-05 20:00"').strip()
        clock = CLOCK.match(text)
        if clock:
            try:
                return time(int(clock.group(1)), int(clock.group(2)))
            except ValueError:
                raise _impossible_clock(*clock.groups(), key, text, self.midnight) from None
        if clock_to_iso(text):
            raise Invalid("err_time_form", key=key, value=text, iso=clock_to_iso(text))
        return parse_when(text, key, self.midnight)


class Choice:
    """One of the slugs of a settings table (categories)."""

    kind = "choice"
    # the slugs are files of the content folder, of which there may be none yet
    # (`<message_key>_none` says so): a settings table is checked as the build starts
    may_be_none = False

    def __init__(self, source, message_key):
        self.source = source
        self.message_key = message_key

    def __call__(self, value, key, ctx):
        text = _require_text(value, key).strip()
        allowed = getattr(ctx, self.source)
        if text not in allowed:
            raise self.not_among(allowed, key, text)
        return text

    def not_among(self, known, key, text, near=None, **values):
        """The Invalid for `text`, which is not one of `known`: it names the
        few nearest to `near` (None: the text itself) when there are some,
        every one otherwise, and says when there is none to choose from."""
        if not known and self.may_be_none:
            return Invalid(self.message_key + "_none", key=key, value=text, **values)
        close = difflib.get_close_matches(text if near is None else near, sorted(known), n=3, cutoff=0.6)
        return Invalid(self.message_key, key=key, value=text, allowed=", ".join(close or sorted(known)), **values)


class Association(Choice):
    """A slug of a file in content/associations/ (checked once they are known).
    People write the association's name or capitals: the slug it makes is
    suggested, with or without "ry"."""

    may_be_none = True

    def __call__(self, value, key, ctx):
        text = _require_text(value, key).strip()
        if ctx.associations is None or text in ctx.associations:  # None: checked across files later
            return text
        refuse_lookalike(text, key)
        slug = slugify(text)
        slugs = (slug, without_legal_form(slug))  # "Kuoro ry" for kuoro
        refused = next((s for s in slugs if s in (ctx.refused_associations or {})), None)
        if refused:
            raise Invalid("err_association_refused", key=key, value=refused, path=ctx.refused_associations[refused])
        meant = next((s for s in slugs if s in ctx.associations), None)
        if meant:
            raise Invalid("err_association_slug", key=key, value=text, slug=meant)
        raise self.not_among(ctx.associations, key, text, near=slug, file=slug or "yhdistyksen-nimi")


MAX_TAGS = 12


def _list(value, key, examples):
    """`value`, which must be a YAML list; `examples`: items of an example
    list. `key:` with nothing after it is an empty list to a person, and
    is told so, as an empty list where one item is needed is."""
    if isinstance(value, str) and not value.strip():
        raise Invalid("err_empty_list", key=key, example=", ".join(examples[:1]))
    if not isinstance(value, list):
        raise Invalid("err_not_list", key=key, example=", ".join(examples))
    return value


def one_of_each(words):
    """Words that make the same page (Retki and retki are one tag) once, the
    first as written: what the file shows, and what the doors people type
    tags into write."""
    kept, slugs = [], set()
    for word in words:
        slug = slugify(word)
        if slug not in slugs:
            slugs.add(slug)
            kept.append(word)
    return kept


class Words:
    """A YAML list of short texts (tags, target groups)."""

    kind = "list"
    marks = MAX_STACKED_MARKS  # each word is a Text

    def __init__(self, limit=40, choices=None, most=None, too_many="err_too_many_words"):
        self.limit = limit
        self.choices = choices
        self.most = most  # each tag makes a page: thousands would make thousands
        self.too_many = too_many

    def __call__(self, value, key, ctx):
        _list(value, key, ("sana", "toinen sana"))
        if self.most is not None and len(value) > self.most:
            raise Invalid(self.too_many, key=key, count=len(value), most=self.most)
        words = []
        for index, item in enumerate(value):
            try:
                words.append(self.word(item, key, ctx))
            except Invalid as err:
                err.item = index  # the item's own line, not the list's
                raise
        return one_of_each(words)

    def word(self, item, key, ctx):
        if not isinstance(item, str):
            raise Invalid("err_list_item", key=key)
        word = Text(self.limit)(item, key, ctx)
        if not slugify(word):
            raise Invalid("err_tag", key=key, value=word)
        if self.choices:
            allowed = getattr(ctx, self.choices)
            if word not in allowed:
                raise Invalid("err_group", value=word, allowed=", ".join(allowed))
        return word


class Choices:
    """A YAML list of slugs from a settings vocabulary (slug -> label): the
    nearest allowed slug is named, and a label written instead of its slug
    gets the slug to write; several such, the whole list to write at once."""

    kind = "choices"

    def __init__(self, source):
        self.source = source

    def __call__(self, value, key, ctx):
        _list(value, key, list(getattr(ctx, self.source))[:2])
        allowed = getattr(ctx, self.source)
        by_label = {slugify(label): slug for slug, label in allowed.items()}
        chosen, unknown = [], []
        for item in value:
            if not isinstance(item, str):
                raise Invalid("err_list_item", key=key)
            word = item.strip()
            if word not in allowed:
                close = [by_label[slugify(word)]] if slugify(word) in by_label else \
                    difflib.get_close_matches(slugify(word) or word, list(allowed), n=1, cutoff=0.5)
                if not close:  # nothing near: every value it may be
                    raise Invalid("err_vocabulary_choices", key=key, value=word[:40], choices=", ".join(allowed))
                unknown.append((word[:40], close[0]))
                word = close[0]
            if word not in chosen:
                chosen.append(word)
        if len(unknown) == 1:
            raise Invalid("err_vocabulary", key=key, value=unknown[0][0], nearest=unknown[0][1])
        if unknown:  # labels written for slugs, as a list's every item often is: the whole list to write, at once
            raise Invalid("err_vocabulary_several", key=key, values=", ".join(word for word, _ in unknown),
                          fixed=", ".join(chosen))
        return chosen


class Slots:
    """A YAML list of weekly slots (`ti 17-21`), each read by slots.parse_slot."""

    kind = "slots"

    def __call__(self, value, key, ctx):
        if not _list(value, key, (SLOT_EXAMPLE,)):
            raise Invalid("err_empty_list", key=key, example=SLOT_EXAMPLE)
        found = []
        for item in value:
            if not isinstance(item, str):
                raise Invalid("err_list_item", key=key)
            found.extend(parse_slot(item, key))
        return merged(found)


class Images:
    """A YAML list of the site's own images, `{static}/images/kuva.jpg`."""

    kind = "images"

    def __init__(self, most):
        self.most = most

    def __call__(self, value, key, ctx):
        _list(value, key, ('"{static}/images/kuva.jpg"',))
        if len(value) > self.most:
            raise Invalid("err_too_many_words", key=key, count=len(value), most=self.most)
        for item in value:
            if not isinstance(item, str):
                raise Invalid("err_list_item", key=key)
            problem = site_file_problem(item.strip(), ctx.files)
            if problem:
                raise Invalid(problem[0], **problem[1])
        return [item.strip() for item in value]


class KnownSlug(Choice):
    """A slug of a file in a content folder, `ctx.<known>` (None while they
    are unknown); a wrong one is told the nearest slugs."""

    known = None
    may_be_none = True

    def __call__(self, value, key, ctx):
        text = _require_text(value, key).strip()
        slugs = getattr(ctx, self.known)
        if slugs is None or text in slugs:
            return text
        raise self.not_among(slugs, key, text, **self.hint(text))

    def hint(self, text):
        return {}


class Space(KnownSlug):
    """A slug of a file in content/spaces/."""

    known = "spaces"


# Nothing invisible in an address (controls, format characters such as the
# direction overrides, U+FFFE): a link would lead elsewhere than it reads.
# Written so that the form's JavaScript reads the patterns the same.
_INVISIBLE = r"\x00-\x1f\x7f-\x9f\xad\u061c\u200b-\u200f\u202a-\u202e\u2060-\u206f\ufeff\ufffe\uffff"
# `?`, `#` and `%` would make a mailto: link's query (a copy to someone else), fragment or escapes
_EMAIL = re.compile(rf"^[^@\s<>\"'(),;:\\?#%{_INVISIBLE}]+@[A-Za-z0-9.-]+\.[A-Za-z]{{2,}}$")
_PHONE = re.compile(r"^\+?[0-9 ()-]{5,25}$")
# [0-9], not \d: a port in another script's digits is none to a browser, nor to the form
_URL = re.compile(rf"^https?://[A-Za-z0-9.-]+(:[0-9]+)?(/[^\s<>\"'`\\{_INVISIBLE}]*)?$")


class Pattern:
    def __init__(self, kind, pattern, message_key, limit):
        self.kind, self.pattern, self.message_key, self.limit = kind, pattern, message_key, limit

    def __call__(self, value, key, ctx):
        text = _require_text(value, key).strip()
        if len(text) > self.limit or not self.pattern.match(text):
            raise Invalid(self.message_key, key=key, value=text[:80])
        return text


class LanguageTag:
    """A language tag (langcodes), in any case: `FI` is written `fi`, `sv-fi`
    `sv-FI`. A language's name (`suomi`, `svenska`) gets the tag to write."""

    kind = "lang"
    limit = LONGEST_TAG

    def __call__(self, value, key, ctx):
        text = _require_text(value, key).strip()
        tag = standard_tag(text)
        if tag:
            return tag
        choices = ctx.languages or {}
        named = next((tag for tag, name in choices.items() if name.casefold() == text.casefold()), None)
        if named:
            raise Invalid("err_lang_name", key=key, value=text, tag=named)
        others = [f"{tag} ({name})" for tag, name in choices.items() if tag != ctx.t.language]
        raise Invalid("err_lang", key=key, value=text[:80], examples=", ".join(others) or "sv, en, ru")


LANG = LanguageTag()


class Boolean:
    kind = "boolean"

    def __call__(self, value, key, ctx):
        text = _require_text(value, key, "true").strip().lower()
        if text in ("true", "yes", "kyllä"):
            return True
        if text in ("false", "no", "ei"):
            return False
        raise Invalid("err_boolean", key=key)


class Mapping:
    """A nested group of keys with its own table."""

    kind = "mapping"

    def __init__(self, fields, example):
        self.fields = fields
        self.example = example

    def __call__(self, value, key, ctx):
        if not isinstance(value, dict):
            raise Invalid("err_not_mapping_value", key=key, example=self.example)
        return value  # the validator walks self.fields with line numbers


class Fixed:
    """One of a fixed table of words (an event's status)."""

    kind = "fixed"

    def __init__(self, words, message_key):
        self.words, self.message_key = words, message_key

    def __call__(self, value, key, ctx):
        text = _require_text(value, key).strip()
        if text not in self.words:
            raise Invalid(self.message_key, key=key, value=text, allowed=", ".join(self.words))
        return text


# Thousands written apart, as Finns write them: "1 200", with a no-break or a
# narrow no-break space too. The forms read them so (form-core.js), and
# contract.js with these patterns.
_APART = "[ \u00a0\u202f]"
THOUSANDS = re.compile(f"[0-9]{{1,3}}(?:{_APART}[0-9]{{3}})+")
# The first number in a text refused, for what to write instead.
FIRST_NUMBER = re.compile(f"-?(?:{THOUSANDS.pattern}|[0-9]+(?:[.,][0-9]+)?)")


class Number:
    """A whole number within limits, written as digits."""

    kind = "number"

    def __init__(self, least, most):
        self.least, self.most = least, most

    def __call__(self, value, key, ctx):
        text = _require_text(value, key, str(self.least)).strip()
        number = re.sub("[^0-9]", "", text) if THOUSANDS.fullmatch(text) else text
        digits = len(str(self.most))  # no more digits than the largest value has
        if not re.fullmatch(rf"[0-9]{{1,{digits}}}", number) or not self.least <= int(number) <= self.most:
            raise self.refusal(text, key)
        return int(number)

    def refusal(self, text, key):
        """What to write instead of `text`: the whole numbers within the
        limits nearest to the first number in it (22 or 23 for "22,5", 40
        for "80", 20 for "20 h", 30 for "noin 30", 1500 for "1 500"), or the
        least for no number at all. (contract.js says the same.)"""
        found = FIRST_NUMBER.search(text)
        number = float(re.sub(_APART, "", found.group()).replace(",", ".")) if found else self.least
        lower, upper = (min(max(n, self.least), self.most) for n in (math.floor(number), math.ceil(number)))
        if lower != upper:
            return Invalid("err_number_fraction", key=key, value=text, least=self.least, most=self.most,
                           lower=lower, upper=upper)
        return Invalid("err_number", key=key, value=text, least=self.least, most=self.most, example=lower)


WEEKDAYS = DAYS  # as slots.py reads them in weekly hours


def _items(value, key, examples):
    """A list of at least one text."""
    if not _list(value, key, examples):
        raise Invalid("err_empty_list", key=key, example=examples[0])
    if any(not isinstance(item, str) for item in value):
        raise Invalid("err_list_item", key=key)
    return [item.strip() for item in value]


class Weekdays:
    """Weekdays as their Finnish abbreviations: [ti, to] -> [1, 3]."""

    kind = "weekdays"

    def __call__(self, value, key, ctx):
        days = []
        for word in _items(value, key, ("ti", "to")):
            short = word.lower()[:2]
            if word not in WEEKDAYS:
                raise Invalid("err_weekday_suggest" if short in WEEKDAYS else "err_weekday",
                              key=key, value=word, short=short, allowed=", ".join(WEEKDAYS))
            if WEEKDAYS.index(word) not in days:
                days.append(WEEKDAYS.index(word))
        return sorted(days)


class Ordinals:
    """Which such weekdays of the month: 1 to 5 from the start, -1 to -5 from the end."""

    kind = "ordinals"

    def __call__(self, value, key, ctx):
        found = []
        for word in _items(value, key, ("1", "-1")):
            if not re.fullmatch(r"-?[1-5]", word):
                raise Invalid("err_nth", key=key, value=word)
            if int(word) not in found:
                found.append(int(word))
        return sorted(found)


def every_item(items, read):
    """read(item) of each item. A list may have many items wrong: each is
    told in one run, at its own line (Invalid.item, Invalid.more), not one
    per run."""
    found, faults = [], []
    for index, item in enumerate(items):
        try:
            found.append(read(item))
        except Invalid as err:
            err.item = index
            faults.append(err)
    if faults:
        faults[0].more = faults[1:]
        raise faults[0]
    return found


class Days:
    """A list of dates, or of dates with times (each as When)."""

    kind = "days"

    def __init__(self, times=True, most=400):
        self.times, self.most = times, most

    def __call__(self, value, key, ctx):
        example = '"2027-02-14 12:00"' if self.times else '"2027-03-02"'
        items = _items(value, key, (example,))
        if len(items) > self.most:
            raise Invalid("err_too_many_words", key=key, count=len(items), most=self.most)
        parse = When() if self.times else Day()
        found = []
        for when in every_item(items, lambda item: parse(item, key, ctx)):
            if when not in found:
                found.append(when)
        return found
class Slugs:
    """A YAML list of association slugs (partners, organisers), each checked
    as `association` is."""

    kind = "associations"

    def __init__(self, most=12):
        self.most = most
        self.one = Association("associations", "err_association")

    def __call__(self, value, key, ctx):
        _list(value, key, ("yhdistyksen-tunnus", "toinen-yhdistys"))
        if len(value) > self.most:
            raise Invalid("err_too_many_items", key=key, count=len(value), most=self.most)
        slugs = []
        for slug in every_item(value, lambda item: self.item(item, key, ctx)):
            if slug not in slugs:
                slugs.append(slug)
        return slugs


    def item(self, value, key, ctx):
        """One association of the list; two names joined with "ja" are told
        to be separated (slugs.joined_names), not to be added as a new one."""
        text = value.strip() if isinstance(value, str) else value
        names = ctx.associations if isinstance(ctx.associations, dict) else {}
        joined = isinstance(text, str) and text not in names and joined_names(text, names)
        if joined:
            raise Invalid("err_associations_joined", key=key, value=text, first=joined[0], second=joined[1])
        return self.one(value, key, ctx)


class Series(KnownSlug):
    """A slug of a file in content/series/; a new one is named as its file."""

    known = "series"

    def hint(self, text):
        return {"file": slugify(text) or "sarjan-nimi"}


_BUSINESS_ID = re.compile(r"^(\d{7})-(\d)$", re.ASCII)
BUSINESS_ID_WEIGHTS = (7, 9, 10, 5, 8, 4, 2)


def business_id_check_digit(digits):
    """The check digit of a Y-tunnus's seven digits, or None when none can
    be right (remainder 1: such numbers are never given out)."""
    remainder = sum(int(d) * w for d, w in zip(digits, BUSINESS_ID_WEIGHTS)) % 11
    return None if remainder == 1 else (0 if remainder == 0 else 11 - remainder)


class BusinessId:
    """A Finnish business ID (Y-tunnus), 1234567-8, with its check digit."""

    kind = "business_id"
    pattern = _BUSINESS_ID

    def __call__(self, value, key, ctx):
        text = _require_text(value, key, '"1234567-8"').strip()
        match = _BUSINESS_ID.match(text.replace(" ", ""))
        if not match:
            if re.fullmatch(r"[0-9]{6}-[0-9]", text):  # the old six-digit form: a leading zero
                raise Invalid("err_business_id_zero", key=key, value=text, fixed="0" + text)
            raise Invalid("err_business_id", key=key, value=text[:40])
        digits, check = match.groups()
        if business_id_check_digit(digits) != int(check):
            raise Invalid("err_business_id_check", key=key, value=text)
        return f"{digits}-{check}"


class Materials:
    """Material of a notice (minutes, slides): a title and an address on
    each line. The address is a web address or a file of the site,
    {static}/files/muistio.pdf, checked like the images."""

    kind = "materials"

    def __call__(self, value, key, ctx):
        if not isinstance(value, dict):
            raise Invalid("err_not_mapping_value", key=key, example='"Muistio (PDF)": "{static}/files/muistio.pdf"')
        links = []
        for title, address in value.items():
            try:
                links.append((Text(120)(title, key, ctx), self.address(address, key, ctx)))
            except Invalid as err:
                err.at = (title,)  # the line of this item, not of the whole group
                raise
        return links

    def address(self, value, key, ctx):
        text = _require_text(value, key, '"{static}/files/muistio.pdf"').strip()
        if is_web_address(text):
            return text
        local = re.fullmatch(r"\{static\}/([A-Za-z0-9_-]+)/([A-Za-z0-9._-]+)", text)
        folders = ctx.files.folders
        if not local or local.group(1) not in folders or local.group(2).startswith("."):
            raise Invalid("err_material", key=key, value=text[:80], folder=folders[-1])
        path = f"{local.group(1)}/{local.group(2)}"
        if ctx.files.root is not None and not os.path.isfile(os.path.join(ctx.files.root, path)):
            raise Invalid("err_material_missing", key=key, value=text, folder=local.group(1))
        return text


def is_web_address(text):
    """An address of the pattern that browsers can open too: one they cannot
    read (a port past 65535) the sanitizer drops, a link to nowhere."""
    return bool(_URL.match(text)) and not address_unreadable(text)


class WebAddress(Pattern):
    """A web address field (a website, a booking page): is_web_address, in
    the pattern's words."""

    def __call__(self, value, key, ctx):
        text = super().__call__(value, key, ctx)
        if address_unreadable(text):
            raise Invalid(self.message_key, key=key, value=text[:80])
        return text


EMAIL = Pattern("email", _EMAIL, "err_email", 200)
PHONE = Pattern("phone", _PHONE, "err_phone", 30)
URL = WebAddress("url", _URL, "err_url", 500)
# The register of associations numbers them 123.456 (older ones 1.234).
REGISTER_NUMBER = Pattern("register_number", re.compile(r"^\d{1,3}(\.\d{3}){0,2}$", re.ASCII), "err_register_number", 11)
MAX_OFFER = 200  # characters in one offer or need
MAX_OFFERS = 12  # offers, and needs, of one association

# --- the tables -------------------------------------------------------------

# A weekly (or, with nth, monthly) series; its arithmetic is schedule.py's.
REPEAT_FIELDS = {
    "weekdays": Rule(Weekdays(), required=True, example="[ti, to]"),
    "interval": Rule(Number(1, 52), example="2"),
    "nth": Rule(Ordinals(), example="[1, -1]"),
    "until": Rule(Day(), required=True, example='"2027-05-25"'),
    "except": Rule(Days(times=False), example='["2027-03-02"]'),
}

STATUSES = ("peruttu", "siirretty")  # cancelled; moved, to the time the event gives (schema.org's EventRescheduled)

EVENT_FIELDS = {
    "start": Rule(When(), required=True, example='"2026-12-05 18:00"'),
    "end": Rule(EndWhen(), example='"2026-12-05 20:00"'),
    "location": Rule(Text(200), required=True, example="Kulttuuritalo, Virastokatu 1, Imatra"),
    "price": Rule(Text(200), example="Vapaa pääsy"),
    "registration": Rule(Text(300), example="Ilmoittaudu 1.12. mennessä"),
    "accessibility": Rule(Text(500), example="Esteetön sisäänkäynti"),
    "repeat": Rule(Mapping(REPEAT_FIELDS, "weekdays: [ti]"), example="…"),
    "dates": Rule(Days(), example='["2027-02-14 12:00"]'),
    "status": Rule(Fixed(STATUSES, "err_status"), example="peruttu"),
    "status_note": Rule(Text(300), example="Sairastumisen vuoksi."),
    "registration_deadline": Rule(When(), example='"2027-01-05"'),
}

CONTACT_FIELDS = {
    "name": Rule(Text(100), example="Aila Esimerkki"),
    "email": Rule(EMAIL, example="aila@example.org"),
    "phone": Rule(PHONE, example='"040 123 4567"'),
    "consent": Rule(Boolean(), example="true"),
}

# A joint-hiring proposal (in `yhteistyo`): one person shared by the partners.
HIRE_FIELDS = {
    "hours_per_week": Rule(Number(1, 40), required=True, example='"20"'),
    "pay_subsidy": Rule(Boolean(), required=True, example="true"),
    "tasks": Rule(Text(300), required=True, example="Kahvion pito ja tapahtumien järjestelyt"),
    "from": Rule(When(), example='"2027-03-01"'),
}

# A space wanted: the facts a space must have to fit (see bulletin_spaces.matching).
WANTED_FIELDS = {
    "capacity": Rule(Number(1, 9999), required=True, example="15"),
    "when": Rule(Slots(), required=True, example='["ti 17-19"]'),
    "times_per_week": Rule(Number(1, 7), example="1"),
    "purposes": Rule(Choices("space_purposes"), example="[liikunta]"),
    "equipment": Rule(Choices("space_equipment"), example="[piano]"),
    "accessibility": Rule(Choices("space_accessibility"), example="[porrasaton]"),
    "from": Rule(Day(), example='"2027-01-01"'),  # a season: days, not times
    "until": Rule(Day(), example='"2027-05-31"'),
}

NOTICE_FIELDS = {
    "title": Rule(Text(120), required=True, example='"Kevätkonsertti"'),
    "association": Rule(Association("associations", "err_association"), required=True, example="imatran-yhdistys"),
    "category": Rule(Choice("categories", "err_category"), required=True, example="tapahtumat"),
    "date": Rule(When(), required=True, example='"2026-12-01"'),
    "summary": Rule(Text(300), example='"Lyhyt kuvaus"'),
    "tags": Rule(Words(most=MAX_TAGS), example="[joulu, musiikki]"),
    "expires": Rule(When(midnight="err_clock_midnight_expires"), example='"2026-12-31"'),
    "event": Rule(Mapping(EVENT_FIELDS, 'start: "2026-12-05 18:00"'), example="…"),
    "contact": Rule(Mapping(CONTACT_FIELDS, "name: Aila Esimerkki"), example="…"),
    "lang": Rule(LANG, example="fi"),
    # --- networking: joint notices, joint hiring, series and their material ---
    "partners": Rule(Slugs(), example="[toinen-yhdistys, kolmas-yhdistys]"),
    "hire": Rule(Mapping(HIRE_FIELDS, 'hours_per_week: "20"'), example="…"),
    "series": Rule(Series("series", "err_series"), example="jarjestoillat"),
    "materials": Rule(Materials(), example="…"),
    "wanted": Rule(Mapping(WANTED_FIELDS, "capacity: 15"), example="…"),
    "space": Rule(Space("spaces", "err_space"), example="vuoksenniskan-kerhohuone"),
}

ASSOCIATION_FIELDS = {
    "name": Rule(Name(120), required=True, example="Imatran Esimerkkiyhdistys ry"),
    "description": Rule(LongText(5000), example="|\n  Yhdistys kokoontuu…"),
    "groups": Rule(Words(choices="groups"), example="[eläkeläiset]"),
    "website": Rule(URL, example="https://example.org"),
    "email": Rule(EMAIL, example="info@example.org"),
    "phone": Rule(PHONE, example='"040 123 4567"'),
    "address": Rule(Text(200), example="Esimerkkitie 1, 55100 Imatra"),
    # --- networking: what the association offers and needs, and who it is ---
    "offers": Rule(Words(limit=MAX_OFFER, most=MAX_OFFERS, too_many="err_too_many_items"), example='["Äänentoistolaitteet lainaan"]'),
    "needs": Rule(Words(limit=MAX_OFFER, most=MAX_OFFERS, too_many="err_too_many_items"), example='["Vapaaehtoisia kahvion pitoon"]'),
    "members": Rule(Number(1, 1_000_000), example='"120"'),
    "founded": Rule(Number(1800, YEARS[1]), example='"1987"'),
    "register_number": Rule(REGISTER_NUMBER, example='"123.456"'),
    "business_id": Rule(BusinessId(), example='"1234567-8"'),
    "active": Rule(Boolean(), example="false"),
}

SERIES_FIELDS = {
    "name": Rule(Text(120), required=True, example="Järjestöillat"),
    "description": Rule(LongText(5000), example="|\n  Järjestöjen yhteiset illat…"),
    "organisers": Rule(Slugs(), example="[imatran-yhdistys]"),
    "themes": Rule(Words(limit=120, most=MAX_TAGS, too_many="err_too_many_items"), example="[rahoitus, tilat]"),
}

BOOKING_FIELDS = {**CONTACT_FIELDS, "url": Rule(URL, example="https://example.org/varaa")}

SPACE_FIELDS = {
    "name": Rule(Text(120), required=True, example='"Vuoksenniskan asukastuvan kerhohuone"'),
    "association": Rule(Association("associations", "err_association"), required=True, example="imatran-yhdistys"),
    "address": Rule(Text(200), required=True, example='"Vuoksenniskantie 12, 55610 Imatra"'),
    "district": Rule(Choice("districts", "err_district"), example="Vuoksenniska"),
    "date": Rule(When(), example='"2026-12-01"'),  # when it was offered: the feed of new spaces
    "capacity": Rule(Number(1, 9999), required=True, example="25"),
    "area": Rule(Number(1, 9999), example="40"),
    "purposes": Rule(Choices("space_purposes"), example="[kokous, kerho]"),
    "equipment": Rule(Choices("space_equipment"), example="[keittio, wlan]"),
    "accessibility": Rule(Choices("space_accessibility"), example="[porrasaton, esteeton-wc]"),
    "available": Rule(Slots(), example='["ti 17-21", "la 10-16"]'),
    "price": Rule(Text(200), example='"Maksuton jäsenjärjestöille, muille 10 €/h"'),
    "free": Rule(Boolean(), example="true"),
    "entry": Rule(Text(300), example='"Avain lainataan asukastuvalta."'),
    "booking": Rule(Mapping(BOOKING_FIELDS, "name: Aila Esimerkki"), example="…"),
    "images": Rule(Images(most=12), example='["{static}/images/kerhohuone.jpg"]'),
    "description": Rule(LongText(5000), example="|\n  Valoisa kerhohuone…"),
}

# A price that says nothing but "free" (ilmainen, 0 €, vastikkeeton), for
# all or for associations: the space is free (`free`, tilat/?maksuton=1)
# though `free: true` is not said again. "Maksuton jäsenille, muille 10 €"
# says more, and is not; nor is "0 € / 10 €" (after the slash a unit, h or
# kerta, and no second price).
FREE_PRICE = re.compile(r"^(?:ilmainen|ilmaiseksi|maksuton|maksutta|vastikkeeton|veloitukseton|veloituksetta"
                        r"|0(?:[.,]00?)?\s*(?:€|e|eur|euroa)?(?:\s*/\s*[^\W\d_]+)?)"
                        r"(?:\s+(?:kaikille|yhdistyksille|järjestöille))?\W*$", re.IGNORECASE)


def price_says_free(price):
    return bool(price) and FREE_PRICE.match(price.strip()) is not None


PAGE_FIELDS = {
    "title": Rule(Text(120), required=True, example='"Tietosuojaseloste"'),
    "summary": Rule(Text(300), example='"Lyhyt kuvaus"'),
}

# Keys Pelican itself understands; a notice must not steer the build with them.
RESERVED_KEYS = {
    "save_as", "url", "template", "status", "slug", "author", "authors",
    "translation", "modified", "page_order", "override_url", "override_save_as",
    "save_as_url", "date_format", "timezone", "path",
}
