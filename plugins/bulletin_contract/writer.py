"""Notice files in one canonical form: the form every tool writes.

Every text value is a double-quoted YAML string, so a title with quotes,
colons, a leading dash or a `#` stays one valid value; keys come in the order
of the field tables and nested groups are indented by two spaces. The
submission form's script (theme/static/js/submit.js) writes exactly this form;
a browser test holds the two together.
"""
import unicodedata
from datetime import datetime

from . import fields
from .slots import slot_text

_ESCAPES = {'"': '\\"', "\\": "\\\\", "\n": "\\n", "\t": "\\t"}


def quote(text):
    """A YAML double-quoted scalar; invisible and line-breaking characters
    are written as escapes so that the value stays on its line."""
    out = []
    for char in text:
        if char in _ESCAPES:
            out.append(_ESCAPES[char])
        elif unicodedata.category(char) in ("Cc", "Zl", "Zp") or char in "\ufeff\ufffe\uffff":
            out.append(f"\\u{ord(char):04x}")
        else:
            out.append(char)
    return '"' + "".join(out) + '"'


def _empty(value):
    return value is None or value == "" or value == [] or value == {}


def _emit(values, table, lines, indent, key_path, line_keys):
    unknown = set(values) - set(table)
    if unknown:
        raise ValueError(f"not in the content contract: {', '.join(sorted(unknown))}")
    for key, rule in table.items():
        value = values.get(key)
        if isinstance(value, dict):
            value = {k: v for k, v in value.items() if not _empty(v)}
        if _empty(value):
            continue
        here = key_path + (key,)
        line_keys[len(lines) + 1] = here
        if isinstance(rule.parse, fields.Mapping):
            lines.append(f"{indent}{key}:")
            _emit(value, rule.parse.fields, lines, indent + "  ", here, line_keys)
        elif isinstance(rule.parse, fields.Materials):  # title: address, a line each
            lines.append(f"{indent}{key}:")
            lines.extend(f"{indent}  {quote(title)}: {quote(address)}" for title, address in value.items())
        elif isinstance(value, bool):
            lines.append(f"{indent}{key}: {'true' if value else 'false'}")
        elif isinstance(value, list):
            lines.append(f"{indent}{key}: [{', '.join(quote(item) for item in value)}]")
        else:
            lines.append(f"{indent}{key}: {quote(value)}")


def notice_file(values, body):
    """Front matter values (texts, lists, booleans, nested dicts) and the
    Markdown body to the text of a notice file."""
    return notice_file_with_lines(values, body)[0]


def notice_file_with_lines(values, body):
    """Like notice_file, and which key is on which line (for messages)."""
    lines, line_keys = ["---"], {}
    _emit(values, fields.NOTICE_FIELDS, lines, "", (), line_keys)
    lines.append("---")
    body = body.replace("\r\n", "\n").replace("\r", "\n").strip("\n")
    for number in range(len(lines) + 1, len(lines) + body.count("\n") + 2):
        line_keys[number] = ()  # the body's lines: () as in a key path
    return "\n".join(lines) + "\n" + body + "\n", line_keys


def space_file(values):
    """A space's values (content/spaces/<slug>.yml) in the canonical form."""
    lines = []
    _emit(values, fields.SPACE_FIELDS, lines, "", (), {})
    return "\n".join(lines) + "\n"


def when_text(value):
    """A parsed date or datetime back to the text a file holds."""
    if isinstance(value, datetime):
        return value.strftime("%Y-%m-%d %H:%M")
    return value.isoformat()


def repeat_values(repeat):
    if repeat is None:
        return None
    return {
        "weekdays": [fields.WEEKDAYS[d] for d in repeat.weekdays],
        "interval": str(repeat.interval) if repeat.interval != 1 else None,
        "nth": [str(n) for n in repeat.nth],
        "until": when_text(repeat.until),
        "except": [when_text(d) for d in repeat.days_off],
    }


def notice_values(notice):
    """The values of a valid Notice, ready for notice_file."""
    values = {
        "title": notice.title,
        "association": notice.association,
        "category": notice.category,
        "date": when_text(notice.date.date() if notice.date.time() == datetime.min.time() else notice.date),
        "summary": notice.summary,
        "tags": list(notice.tags),
        "expires": when_text(notice.expires) if notice.expires else None,
        "lang": notice.lang if notice.lang != "fi" else None,
    }
    if notice.event:
        e = notice.event
        values["event"] = {
            "start": when_text(e.start), "end": when_text(e.end) if e.end else None,
            "location": e.location, "price": e.price, "registration": e.registration,
            "accessibility": e.accessibility, "repeat": repeat_values(e.repeat),
            "dates": [when_text(d) for d in e.dates], "status": e.status, "status_note": e.status_note,
            "registration_deadline": when_text(e.registration_deadline) if e.registration_deadline else None,
        }
    if notice.hire:
        h = notice.hire
        values["hire"] = {"hours_per_week": str(h.hours_per_week), "pay_subsidy": h.pay_subsidy, "tasks": h.tasks,
                          "from": when_text(h.starts) if h.starts else None}
    if notice.wanted:  # a space wanted, its hours as they are shown (`ti 17–19`)
        w = notice.wanted
        values["wanted"] = {
            "capacity": str(w.capacity), "when": [slot_text(slot) for slot in w.when],
            "times_per_week": str(w.times_per_week) if w.times_per_week else None,
            "purposes": list(w.purposes), "equipment": list(w.equipment),
            "accessibility": list(w.accessibility),
            "from": when_text(w.first_day) if w.first_day else None,
            "until": when_text(w.last_day) if w.last_day else None,
        }
    values.update(space=notice.space, partners=list(notice.partners), series=notice.series,
                  materials=dict(notice.materials))
    if notice.contact:
        c = notice.contact
        values["contact"] = {"name": c.name, "email": c.email, "phone": c.phone,
                             "consent": True if c.consent else None}
    return values


def association_file(values):
    """The values of an association (texts, lists, booleans) to the text of
    its YAML file, in the order of the table; the profile form's script
    (theme/static/js/profile.js) writes the same."""
    lines = []
    _emit(values, fields.ASSOCIATION_FIELDS, lines, "", (), {})
    return "\n".join(lines) + "\n"


def association_values(profile):
    """The values of a valid AssociationProfile, ready for association_file."""
    values = {key: getattr(profile, key) for key in fields.ASSOCIATION_FIELDS}
    for key in ("members", "founded"):
        values[key] = str(values[key]) if values[key] is not None else None
    values["active"] = None if profile.active else False  # active is the default
    return values
