"""Apply the field tables to parsed files and collect every problem.

A file gives either a valid Notice/AssociationProfile or a list of problems,
each with the line of the key at fault (or of the front matter when a key is
missing) and a message that says what to write instead.
"""
import difflib
import functools
import os
from dataclasses import dataclass
from datetime import datetime, time

from . import fields
from .body_checks import SiteFiles, check_markdown
from .fields import Invalid
from .frontmatter import decode, parse_front_matter, parse_yaml
from .event_rules import EventRules
from .model import AssociationProfile, Contact, Event, Hire, Notice, SeriesProfile, Space, Wanted
from .schedule import day_of, moment_on
from .problems import ContentError, Problem
from .render import Renderer
from .slugs import slugify


# Joint hiring is cooperation: it belongs to this category. A joint notice
# (`partners`) may be of any: associations hold joint events, calls, news.
NETWORK_CATEGORY = "yhteistyo"


@dataclass
class Context:
    """What the rules need to know beyond the file itself."""

    t: object  # translator
    categories: dict
    groups: list
    associations: object = None  # slugs (a set, or a dict slug -> name), or None while unknown
    refused_associations: dict = None  # slug -> path of an association file that check refuses
    series: object = None  # slugs of content/series/, or None while unknown
    files: SiteFiles = SiteFiles()  # where {static} addresses may lead
    # spaces: the vocabularies (slug -> label), the districts, the known spaces
    space_purposes: dict = None
    space_equipment: dict = None
    space_accessibility: dict = None
    districts: list = ()
    spaces: object = None  # set of slugs, or None while unknown
    languages: dict = None  # the site's language choices, tag -> name (a refusal names them)


def display_path(path):
    """Paths in messages as a person typed them: relative to where they are."""
    path = os.fspath(path)
    rel = os.path.relpath(path)
    return path if rel.startswith("..") else rel


def _apply_table(data, table, doc, key_path, ctx, problems):
    """Check a mapping against a table; return the parsed values that passed."""
    t = ctx.t
    values = {}
    suggested = set()  # keys a misspelling was matched to: no "missing" message for them
    for key, raw in data.items():
        here = key_path + (key,)
        line = doc.line_of(*here)
        name = ".".join(here)
        if key not in table:
            if not key_path and key in fields.RESERVED_KEYS:
                message = t("err_reserved_key", key=key)
            else:
                close = difflib.get_close_matches(key.lower(), table, n=1, cutoff=0.6)
                suggested.update(close)
                message = (
                    t("err_unknown_key_suggest", key=key, suggestion=close[0])
                    if close
                    else t("err_unknown_key", key=key, allowed=", ".join(table))
                )
            problems.append(Problem(doc.path, line, message))
            continue
        rule = table[key]
        try:
            value = rule.parse(raw, name, ctx)
        except Invalid as err:
            for fault in (err, *err.more):
                # an empty list of an optional field may rather go, line and all
                message_key = "err_empty_list_optional" \
                    if fault.message_key == "err_empty_list" and not rule.required else fault.message_key
                problems.append(Problem(doc.path, _line_of_fault(doc, here, fault), t(message_key, **fault.values)))
            continue
        if isinstance(rule.parse, fields.Mapping):
            value = _apply_table(value, rule.parse.fields, doc, here, ctx, problems)
        values[key] = value
    for key, rule in table.items():
        if rule.required and key not in data and key not in suggested:
            name = ".".join(key_path + (key,))
            line = doc.line_of(*key_path) if key_path else doc.start_line
            problems.append(Problem(doc.path, line, t("err_missing_key", key=name, example=rule.example),
                                    missing=key_path + (key,)))
    return values


def _line_of_fault(doc, here, fault):
    """A rule may name the part at fault inside the value: a list's item
    (`item`) or a mapping's key (`at`)."""
    if fault.item is not None:
        return doc.line_of_item(here, fault.item)
    return doc.line_of(*here, *getattr(fault, "at", ()))


SPACES_CATEGORY = "tilat"


def _cross_checks(values, doc, ctx, problems):
    """Rules between fields: `tapahtumat` needs an event, the event's time
    (event_rules.py), expiry after publication (an event's notice may have
    one too: Notice.last_current_day), consent. Returns the
    event's (Repeat, end, occurrences), or None."""
    t = ctx.t
    raw = doc.data
    if values.get("category") == "tapahtumat" and "event" not in raw:
        problems.append(Problem(doc.path, doc.line_of("category"), t("err_event_missing")))
    if "expires" in values and "date" in values and day_of(values["expires"]) < day_of(values["date"]):
        problems.append(Problem(doc.path, doc.line_of("expires"), t("err_expires_before_date",
                                                                    expires=raw["expires"], date=raw["date"])))
    category = values.get("category")
    if "hire" in raw and category and category != NETWORK_CATEGORY:
        problems.append(Problem(doc.path, doc.line_of("hire"), t("err_network_category", key="hire",
                                                                 category=NETWORK_CATEGORY)))
    if values.get("association") in values.get("partners", ()):
        problems.append(Problem(doc.path, doc.line_of("partners"), t("err_partner_self", slug=values["association"])))
    _consent(values, "contact", doc, t, problems)
    _space_checks(values, doc, t, problems)
    if values.get("event") is not None and isinstance(raw.get("event"), dict):
        return EventRules(values["event"], doc, t, problems).occurrences()
    return None


def needs_consent(contact):
    """Is an e-mail address or a phone number to be published: only with
    the person's consent (every door asks for it in its own way)."""
    return bool(contact.get("email") or contact.get("phone"))


def _consent(values, key, doc, t, problems):
    contact = values.get(key) or {}
    if needs_consent(contact) and contact.get("consent") is not True:
        problems.append(Problem(doc.path, doc.line_of(key), t("err_consent", key=key)))


def _space_checks(values, doc, t, problems):
    """A space wanted or offered is a notice of `tilat`; a season ends after it starts."""
    raw, category = doc.data, values.get("category")
    for key in ("wanted", "space"):
        if key in raw and category and category != SPACES_CATEGORY:
            problems.append(Problem(doc.path, doc.line_of(key), t("err_space_category", key=key)))
    if "wanted" in raw and "space" in raw:
        problems.append(Problem(doc.path, doc.line_of("space"), t("err_wanted_and_space")))
    wanted = values.get("wanted") or {}
    if "from" in wanted and "until" in wanted and wanted["until"] < wanted["from"]:
        problems.append(Problem(doc.path, doc.line_of("wanted", "until"),
                                t("err_until_before_from", key="wanted.until",
                                  start=raw["wanted"]["from"], end=raw["wanted"]["until"])))


def read_notice(path, raw, ctx, content_root=None):
    """Bytes of a notice file to a Notice; raises ContentError with all problems."""
    shown = display_path(path)
    text = decode(shown, raw, ctx.t)
    doc = parse_front_matter(shown, text, ctx.t)
    problems = []
    values = _apply_table(doc.data, fields.NOTICE_FIELDS, doc, (), ctx, problems)
    schedule = _cross_checks(values, doc, ctx, problems)
    if fields.is_blank(doc.body):  # nothing to see, as an empty title is
        problems.append(Problem(shown, doc.body_line - 1, ctx.t("err_empty_body")))
    problems.extend(check_markdown(doc.body, doc.body_line, shown, ctx.t, ctx.files))
    slug = slugify(os.path.splitext(os.path.basename(path))[0])
    problems.extend(_slug_problems(shown, slug, ctx.t))
    if problems:
        raise ContentError(problems)
    when = values["date"]
    if not isinstance(when, datetime):
        when = datetime.combine(when, time(0), tzinfo=fields.HELSINKI)
    event = values.get("event")
    contact = values.get("contact")
    hire = values.get("hire")
    wanted = values.get("wanted")
    return Notice(
        wanted=_wanted(wanted) if wanted else None,
        space=values.get("space"),
        path=shown,
        slug=slug,
        title=values["title"],
        association=values["association"],
        category=values["category"],
        date=when,
        body=doc.body,
        summary=values.get("summary"),
        tags=values.get("tags", []),
        expires=values.get("expires"),
        event=_event(event, *schedule) if event else None,
        contact=Contact(**contact) if contact else None,
        lang=values.get("lang", "fi"),
        partners=values.get("partners", []),
        hire=Hire(**{"starts" if k == "from" else k: v for k, v in hire.items()}) if hire else None,
        series=values.get("series"),
        materials=values.get("materials", []),
        lines=dict(doc.lines),
    )


def _event(values, repeat, end, occurrences):
    facts = {k: v for k, v in values.items() if k not in ("repeat", "dates", "end")}
    start = values["start"]
    # an extra day alone is at the start's time: kept as that moment
    dates = [d if isinstance(d, datetime) else moment_on(d, start) for d in values.get("dates", [])]
    return Event(**facts, end=end, repeat=repeat, dates=dates, occurrences=tuple(occurrences))


def _values_or_problems(doc, table, ctx, markdown=None, more=(), cross=None, relative_links=False):
    """The table's values, or ContentError with every problem: those of the
    table, of `cross(values, problems)` (rules between fields), of `markdown`
    ((text, first line), checked as Markdown, its links relative to the site
    when `relative_links`) and `more`."""
    problems = list(more)
    values = _apply_table(doc.data, table, doc, (), ctx, problems)
    if cross is not None:
        cross(values, problems)
    if markdown is not None:
        problems.extend(check_markdown(*markdown, doc.path, ctx.t, ctx.files, relative_links))
    if problems:
        raise ContentError(problems)
    return values


# A file's name is its page's address, and its feeds' and calendars' file
# names add a few letters to it: a file system takes 255 bytes in a name.
SLUG_MOST = 100


def _slug_problems(shown, slug, t):
    """The problems of the address made of a file's name."""
    if not slug:
        return [Problem(shown, 1, t("err_slug"))]
    if len(slug) > SLUG_MOST:
        return [Problem(shown, 1, t("err_slug_too_long", length=len(slug), most=SLUG_MOST))]
    return []


def read_association(path, raw, ctx):
    slug, shown, values, lines = _yaml_profile(path, raw, ctx, fields.ASSOCIATION_FIELDS, "err_association_file")
    return AssociationProfile(slug=slug, path=shown, lines=lines, **values)


def _yaml_profile(path, raw, ctx, table, file_key, cross=None):
    """A YAML file named by its slug (associations, series, spaces) with a
    Markdown `description`: (slug, path, values, lines). `cross(values, doc,
    problems)` checks rules between fields."""
    shown = display_path(path)
    stem, ext = os.path.splitext(os.path.basename(path))
    if ext != ".yml" or slugify(stem) != stem:
        raise Problem(shown, 1, ctx.t(file_key, path=shown)).as_error()
    too_long = _slug_problems(shown, stem, ctx.t)
    if too_long:
        raise ContentError(too_long)
    doc = parse_yaml(shown, decode(shown, raw, ctx.t), ctx.t)
    description = doc.data.get("description")
    markdown = None
    if isinstance(description, str):
        markdown = description, doc.value_lines.get(("description",), doc.line_of("description"))
    values = _values_or_problems(doc, table, ctx, markdown, cross=cross and (
        lambda values, problems: cross(values, doc, problems)))
    # rendered here, once, by the reader that checked it: every page and
    # plugin shows the same HTML, and a build that keeps what it read keeps this too
    values["description_html"] = _renderer()(values["description"]) if values.get("description") else ""
    return stem, shown, values, dict(doc.lines)


@functools.cache
def _renderer():
    return Renderer()


def read_series(path, raw, ctx):
    slug, shown, values, lines = _yaml_profile(path, raw, ctx, fields.SERIES_FIELDS, "err_series_file")
    return SeriesProfile(slug=slug, path=shown, lines=lines, **values)


def read_page(path, raw, ctx):
    """A content page (how to submit, privacy...): (slug, values, body)."""
    shown = display_path(path)
    doc = parse_front_matter(shown, decode(shown, raw, ctx.t), ctx.t)
    slug = slugify(os.path.splitext(os.path.basename(path))[0])
    more = _slug_problems(shown, slug, ctx.t)
    # a page lives at the site's top, beside the pages it may link to ("../laheta/")
    values = _values_or_problems(doc, fields.PAGE_FIELDS, ctx, (doc.body, doc.body_line), more, relative_links=True)
    return slug, values, doc.body


def _wanted(values):
    values = dict(values)
    return Wanted(first_day=values.pop("from", None), last_day=values.pop("until", None), **values)


def read_space(path, raw, ctx):
    """A space file content/spaces/<slug>.yml to a Space; raises ContentError."""
    slug, shown, values, lines = _yaml_profile(
        path, raw, ctx, fields.SPACE_FIELDS, "err_space_file",
        cross=lambda values, doc, problems: _consent(values, "booking", doc, ctx.t, problems))
    booking = dict(values.pop("booking", None) or {})
    url = booking.pop("url", None)
    if values.get("free") is None:
        values["free"] = fields.price_says_free(values.get("price"))
    return Space(slug=slug, path=shown, lines=lines, booking=Contact(**booking) if booking else None,
                 url=url, **values)
