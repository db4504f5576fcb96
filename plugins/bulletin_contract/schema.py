"""The submission form's rules, exported from the same tables `bulletin check` reads.

The build writes this schema into the form page (laheta/) and the form's
script validates with it: the field kinds and limits, the date and contact
patterns, the categories, the associations and the form's messages. Changing
a rule in fields.py changes the form with the next build, so the two cannot
drift apart.
"""
import os
import re

from bulletin_i18n.dates import FILE_MOMENT

from . import fields, people_dates, render, slots, slugs
from .checks import ASSOCIATIONS_DIR
from .event_rules import EVENT_LONGEST, SERIES_LONGEST
from .model import NIGHT_ENDS
from .rules_export import RULE_MESSAGES, js_pattern, lookalike_rules, markdown_rules
from .schedule import MOST
from .validate import SPACES_CATEGORY

EVENT_CATEGORY = "tapahtumat"

# Encoded GitHub "new file" addresses longer than this fail on GitHub.
GITHUB_URL_LIMIT = 7500
# Mail programs cut or refuse mailto: addresses well before browsers do.
MAILTO_URL_LIMIT = 2000

# Translation keys the form's script needs (the page itself is a template).
FORM_MESSAGES = [
    "form_err_required_text", "form_err_required_choice", "form_err_date", "form_err_time", "form_err_two_times",
    "send_github_too_long", "send_mail_too_long", "send_copied", "send_copy_failed",
    "send_download_hint", "mail_subject", "mail_intro", "mail_begin", "mail_end",
    "mail_new_association", "preview_new_association", "err_name_no_letters", "form_err_name_latin", "time_prefix",
    "form_error_prefix",
    "form_err_in_field", "form_err_body_line", "series_all", "consent_warning", "err_two_ends",
    "err_wrong_weekday", "err_one_time", "err_day_range", "err_day_range_days_off",
    # the preview draws the notice with the notice page's own words
    "notice_association", "notice_category", "notice_published", "notice_when", "notice_where",
    "notice_price", "notice_registration", "notice_accessibility", "notice_contact", "notice_tags", "notice_partners",
    "registration_deadline", "registration_closed",
    "wanted_title", "space_capacity", "wanted_persons", "wanted_when", "space_purposes", "space_equipment",
    "space_accessibility",
    "wanted_season",
]


def rule_schema(rule):
    parser = rule.parse
    out = {"kind": parser.kind, "required": rule.required}
    if getattr(parser, "limit", None) is not None:
        out["limit"] = parser.limit
    if getattr(parser, "most", None) is not None:
        out["most"] = parser.most
    if getattr(parser, "marks", None) is not None:  # a text's accents on one letter
        out["marks"] = parser.marks
    if isinstance(parser, fields.Number):  # thousands written apart, and the number a refusal names
        out["thousands"], out["firstNumber"] = js_pattern(fields.THOUSANDS), js_pattern(fields.FIRST_NUMBER)
    for name in ("least", "words"):  # a number's lower limit, a fixed choice's words
        if getattr(parser, name, None) is not None:
            out[name] = list(parser.words) if name == "words" else parser.least
    if getattr(parser, "pattern", None) is not None:  # Pattern rules, and BusinessId
        out["pattern"] = parser.pattern.pattern
        if getattr(parser, "message_key", None):  # the checker's message for a value that does not match
            out["message"] = parser.message_key
    if getattr(parser, "midnight", None) is not None:  # a date and time's message for 24:00
        out["midnight"] = parser.midnight
    if isinstance(parser, fields.Name):  # slugs.lookalike, which contract.js's refuseLookalike reads
        out["lookalikes"] = lookalike_rules()
    if isinstance(parser, fields.Choices):
        out["choices"] = parser.source  # a key of the schema's "vocabularies"
    if isinstance(parser, fields.Mapping):
        out["fields"] = table_schema(parser.fields)
    return out


def table_schema(table):
    return {key: rule_schema(rule) for key, rule in table.items()}


def association_names(associations):
    """The associations as the forms' lists show them, by name."""
    return sorted(({"slug": slug, "name": p.name} for slug, p in associations.items()),
                  key=lambda a: a["name"].lower())


def form_schema(settings, t, associations, spaces=None):
    """Everything the form needs, as plain JSON-ready values.

    `associations`: profiles by slug (the build's STATE.associations);
    `spaces`: the spaces by slug (STATE.spaces), which an offering notice may name."""
    return {
        "fields": table_schema(fields.NOTICE_FIELDS),
        # the checker's patterns and limits for the text (contract.js)
        "markdown": markdown_rules(settings),
        "years": list(fields.YEARS),
        # a monthly rule's days in a message, as check's DateFormatter.month_days says them
        "series": {"most": MOST, "longest": SERIES_LONGEST, "eventLongest": EVENT_LONGEST, "nightEnds": NIGHT_ENDS.strftime("%H:%M"),
                   "monthDays": {"ordinals": t("ordinal_in_month"), "days": t("weekdays_name"),
                                 "text": t("series_days_monthly"), "and": t("and")}},
        "weekdayWords": list(fields.WEEKDAYS),
        "associationName": rule_schema(fields.ASSOCIATION_FIELDS["name"]),
        # a new association's slug: its name without "ry" (slugs.association_slug)
        "legalForm": js_pattern(slugs.LEGAL_FORM),
        "slugLegalForm": js_pattern(slugs.SLUG_LEGAL_FORM),  # a known one written with "ry" (named_association)
        "namesSeparator": js_pattern(slugs.NAMES_SEPARATOR),  # between a joint notice's partners
        "namesJoined": js_pattern(slugs.NAMES_JOINED),  # "ja" between two partners' names (slugs.joined_names)
        # a message's days and times as the form writes them to people (DateFormatter.as_written)
        "patterns": {**people_dates.pattern_sources(), "fileMoment": FILE_MOMENT.pattern},
        "recentDays": people_dates.RECENT_DAYS,
        "nearestYears": people_dates.NEAREST_YEARS,  # 7.12.26 (people_dates.two_digit_year)
        "weekdayWordsWritten": list(people_dates.WEEKDAY_WORDS),  # a word that begins one names that day
        "categories": [{"slug": slug, "label": label}
                       for slug, label in settings["BULLETIN_CATEGORIES"].items()],
        "eventCategory": EVENT_CATEGORY,
        # the languages offered; the site's own is not written (`lang:` only for another)
        "languages": [{"tag": tag, "name": name} for tag, name in settings["BULLETIN_LANGUAGES"].items()],
        "siteLanguage": settings["BULLETIN_LANGUAGE"],
        "lineByLine": sorted(render.LINE_BY_LINE),  # languages whose text keeps its lines on the page
        # no retired association (active: false): check, add, new and from-issue refuse its new notices
        "associations": association_names({slug: p for slug, p in associations.items() if p.active}),
        # ... but a retired one is known: as a partner, check's message says it has retired
        "retiredAssociations": association_names({slug: p for slug, p in associations.items() if not p.active}),
        "repository": settings.get("BULLETIN_REPOSITORY"),
        "branch": settings.get("BULLETIN_REPOSITORY_BRANCH", "main"),
        "contactEmail": settings.get("BULLETIN_CONTACT_EMAIL"),
        "githubLimit": GITHUB_URL_LIMIT,
        "mailtoLimit": MAILTO_URL_LIMIT,
        "weekdays": t("weekdays_short"),
        "messages": {key: t(key) for key in FORM_MESSAGES + RULE_MESSAGES},
        "spaces": sorted(({"slug": slug, "name": s.name, "association": s.association}
                          for slug, s in (spaces or {}).items()),
                         key=lambda s: s["name"].lower()),
        "spacesCategory": SPACES_CATEGORY,
        **space_schema(settings, t),
    }


# Translation keys the space form's script needs (laheta/tila/).
SPACE_FORM_MESSAGES = [
    "form_err_required_text", "form_err_required_choice", "form_err_too_long", "form_err_control", "err_stacked_marks",
    "err_email", "err_phone", "err_url", "form_err_in_field", "form_err_consent", "form_error_prefix", "err_empty",
    "send_github_too_long", "send_copied", "send_copy_failed", "send_download_hint", "send_mail_too_long",
    "mail_begin", "mail_end", "sf_mail_subject", "sf_mail_intro",
]


def space_schema(settings, t):
    """The space form's part: the space table, its vocabularies, the slot
    pattern (Python's named group written as JavaScript's) and the time zone
    of the day it writes as the space's `date`."""
    return {
        "spaceFields": table_schema(fields.SPACE_FIELDS),
        "vocabularies": {
            "space_purposes": settings["BULLETIN_SPACE_PURPOSES"],
            "space_equipment": settings["BULLETIN_SPACE_EQUIPMENT"],
            "space_accessibility": settings["BULLETIN_SPACE_ACCESSIBILITY"],
        },
        "districts": settings["BULLETIN_DISTRICTS"],
        "slotPattern": js_pattern(slots.SLOT),
        "slotDay": js_pattern(slots.DAY_WORD),
        "slotHours": js_pattern(slots.HOURS),
        "slotOften": js_pattern(slots.OFTEN),
        "slotDays": list(slots.DAYS),
        "slotGroups": {word: list(days) for word, days in slots.GROUPS.items()},
        "slotExample": slots.EXAMPLE,
        # a space is dated the day it is offered, where the bulletin is (`bulletin new --space` writes today)
        "timezone": settings["BULLETIN_TIMEZONE"],
        "spaceMessages": {key: t(key) for key in SPACE_FORM_MESSAGES},
    }


# --- the association profile form (yhdistyksen-tiedot/) ---

# The checker's messages for a Markdown text, and the form's way of naming its line.
BODY_MESSAGES = ["form_err_body_line", *(key for key in RULE_MESSAGES if key.startswith("err_body_"))]

PROFILE_MESSAGES = [
    "form_err_required_text", "form_err_too_long", "err_email", "err_phone", "form_err_control",
    "err_stacked_marks",
    "err_url", "err_number", "err_number_fraction", "err_empty", "form_err_in_field", "form_err_business_id", "form_err_business_id_check",
    "err_register_number", "err_lookalike_letter", "err_lookalike_other", *slugs.OTHER_SCRIPTS,
    "err_lookalike_address", "err_lookalike_address_other", "form_err_too_many_lines", "form_err_line_too_long", "form_err_slug_taken",
    "form_error_prefix", "send_github_too_long", "send_mail_too_long", "send_copied", "send_copy_failed",
    "send_download_hint", "profile_mail_subject", "profile_github_update", "profile_github_new", "mail_intro", "mail_begin", "mail_end",
    "profile_values_failed", "err_name_no_letters", "form_err_name_latin",
]


def _file_under(path, settings):
    """An association's file as a path under content/associations/: an
    update goes over the file itself, in whichever subfolder it is kept."""
    folder = os.path.join(settings.get("PATH", "content"), ASSOCIATIONS_DIR)
    return os.path.relpath(os.path.abspath(path), os.path.abspath(folder)).replace(os.sep, "/")


# Offers and needs are asked one a line, and people write them as a list:
# "- Kuljetusapu", "1. Kuljetusapu". The marker is no part of the item, in
# the profile form (profile.js) and the profile issue form (profile_issue).
LIST_MARKER = re.compile(r"^\s*(?:[-*•]|[0-9]+[.)])\s+")


def profile_schema(settings, t, associations):
    """What the profile form needs: the association table's rules, the
    target groups, the Y-tunnus check digit's weights, and the associations'
    slugs and names (an update keeps the slug; its present values, which it
    starts from, are a file of their own: bulletin_network.profile_values)."""
    return {
        "fields": table_schema(fields.ASSOCIATION_FIELDS),
        "legalForm": js_pattern(slugs.LEGAL_FORM),  # a new association's slug (slugs.association_slug)
        "groups": list(settings["BULLETIN_GROUPS"]),
        "businessIdWeights": list(fields.BUSINESS_ID_WEIGHTS),
        "listMarker": js_pattern(LIST_MARKER),
        # the description is Markdown, checked as the notice's text is (contract.js)
        "markdown": markdown_rules(settings),
        "associations": [{**entry, "file": _file_under(associations[entry["slug"]].path, settings)}
                         for entry in association_names(associations)],
        "folder": "content/associations/",
        "repository": settings.get("BULLETIN_REPOSITORY"),
        "branch": settings.get("BULLETIN_REPOSITORY_BRANCH", "main"),
        "contactEmail": settings.get("BULLETIN_CONTACT_EMAIL"),
        "githubLimit": GITHUB_URL_LIMIT,
        "mailtoLimit": MAILTO_URL_LIMIT,
        "messages": {key: t(key) for key in PROFILE_MESSAGES + BODY_MESSAGES},
    }
