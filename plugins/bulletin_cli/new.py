"""`bulletin new`: a valid notice skeleton from flags, or from questions.

Flags give the values; a required value that is missing is asked for when
the command runs in a terminal, and is an error otherwise. Dates may be
written the Finnish way (5.12.2026 18.00).
"""
import sys

from bulletin_contract.schema import EVENT_CATEGORY

from .placing import as_iso, place
from .project import UsageError

# (flag, key path in the front matter, label key); the order of the questions.
FLAGS = [
    ("title", ("title",), "f_title"),
    ("association", ("association",), "f_association"),
    ("category", ("category",), "f_category"),
    ("date", ("date",), "f_date"),
    ("start", ("event", "start"), "issue_start"),
    ("end", ("event", "end"), "issue_end"),
    ("location", ("event", "location"), "f_location"),
    ("price", ("event", "price"), "f_price"),
    ("registration", ("event", "registration"), "f_registration"),
    ("accessibility", ("event", "accessibility"), "f_accessibility"),
    ("expires", ("expires",), "f_expires"),
    ("summary", ("summary",), "f_summary"),
    ("tags", ("tags",), "f_tags"),
    ("contact-name", ("contact", "name"), "f_contact_name"),
    ("contact-email", ("contact", "email"), "f_contact_email"),
    ("contact-phone", ("contact", "phone"), "f_contact_phone"),
]
_DATES = {"date", "start", "end", "expires"}


def add_arguments(parser):
    for flag, _target, _label in FLAGS:
        parser.add_argument(f"--{flag}")
    parser.add_argument("--consent", action="store_true",
                        help="the contact person agreed to publishing their e-mail and phone")
    parser.add_argument("--body", help="the text of the notice (default: a placeholder to replace)")


def _answer(args, flag):
    return getattr(args, flag.replace("-", "_"))


def _ask(t, flag, label_key, interactive):
    if not interactive:
        raise UsageError(t("new_err_not_interactive", label=t(label_key), flag=f"--{flag}"))
    answer = ""
    while not answer.strip():
        answer = input(t("new_prompt", label=t(label_key)))
    return answer.strip()


def new_notice(args, site, today, interactive=None):
    t = site.t
    interactive = sys.stdin.isatty() if interactive is None else interactive
    answers = {flag: _answer(args, flag) for flag, _target, _label in FLAGS}
    labels = dict((flag, label) for flag, _target, label in FLAGS)
    for flag in ("title", "association", "category"):
        if not answers[flag]:
            answers[flag] = _ask(t, flag, labels[flag], interactive)
    for slug, label in site.settings["BULLETIN_CATEGORIES"].items():
        if answers["category"].strip().lower() in (slug, label.lower()):
            answers["category"] = slug
    answers["association"] = site.find_association(answers["association"]) or answers["association"]
    if answers["category"] == EVENT_CATEGORY:
        for flag in ("start", "location"):
            if not answers[flag]:
                answers[flag] = _ask(t, flag, labels[flag], interactive)
    answers["date"] = answers["date"] or today.isoformat()

    values = {"event": {}, "contact": {}}
    range_ends = {}
    for flag, target, _label in FLAGS:
        value = answers[flag]
        if value and flag in _DATES:
            value, range_ends[flag] = as_iso(value, today)
        if value and flag == "tags":
            value = [word.strip() for word in value.split(",") if word.strip()]
        if len(target) == 1:
            values[target[0]] = value
        else:
            values[target[0]][target[1]] = value
    if range_ends.get("start") and not answers["end"]:
        values["event"]["end"] = range_ends["start"]  # `la 5.12. klo 18–20`
    if any(values["contact"].values()) and args.consent:
        values["contact"]["consent"] = True
    body = args.body or t("new_body_placeholder")
    # Problems name the flag that gave the value.
    return place(site, values, body, labels={target: f"--{flag}" for flag, target, _label in FLAGS})
