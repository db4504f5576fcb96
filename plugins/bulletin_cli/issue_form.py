"""The GitHub issue forms: their fields, their YAML and reading a notice's answers.

One list of fields gives both the notice form (.github/ISSUE_TEMPLATE/ilmoitus.yml,
written by `bulletin issue-form`) and the reading of a submitted issue's body
(`bulletin from-issue`), with the labels from the translation table, so the
two cannot disagree. The association profile form (yhdistys.yml, `bulletin
issue-form --profile`) has the same labels as the site's profile form, and
the space form (tila.yml, `--space`) the questions of `bulletin new --space`.
Tests hold the committed forms to these lists.
"""
import re
from dataclasses import dataclass

import yaml

from bulletin_contract.fields import ASSOCIATION_FIELDS, NOTICE_FIELDS, SPACE_FIELDS
from bulletin_contract.problems import Problem

ISSUE_LABEL = "ilmoitus"
TEMPLATE_PATH = ".github/ISSUE_TEMPLATE/ilmoitus.yml"


@dataclass(frozen=True)
class IssueField:
    id: str
    label_key: str
    type: str  # input, textarea, dropdown, checkboxes
    target: tuple  # key path in the notice's front matter; () for the body
    required: bool = False
    hint_key: str = None
    # "categories", "groups", "languages", a vocabulary's setting, the districts' or the translation key of a
    # checkbox's one option
    options: str = None


FIELDS = [
    IssueField("title", "f_title", "input", ("title",), True, "f_title_hint"),
    IssueField("lang", "f_lang", "dropdown", ("lang",), hint_key="f_lang_hint", options="languages"),
    IssueField("association", "f_association", "input", ("association",), True, "issue_association_hint"),
    IssueField("partners", "f_partners", "input", ("partners",), hint_key="f_partners_hint"),
    IssueField("category", "f_category", "dropdown", ("category",), True, options="categories"),
    IssueField("start", "issue_start", "input", ("event", "start"), hint_key="issue_start_hint"),
    IssueField("end", "issue_end", "input", ("event", "end"), hint_key="issue_end_hint"),
    IssueField("location", "f_location", "input", ("event", "location"), hint_key="issue_location_hint"),
    IssueField("price", "f_price", "input", ("event", "price"), hint_key="f_price_hint"),
    IssueField("registration", "f_registration", "input", ("event", "registration"), hint_key="f_registration_hint"),
    IssueField("registration_deadline", "f_registration_deadline", "input", ("event", "registration_deadline"),
               hint_key="f_registration_deadline_hint"),
    IssueField("accessibility", "f_accessibility", "input", ("event", "accessibility"),
               hint_key="f_accessibility_hint"),
    IssueField("weekdays", "issue_weekdays", "input", ("event", "repeat", "weekdays"), hint_key="issue_weekdays_hint"),
    IssueField("frequency", "f_frequency", "input", ("event", "repeat", "interval"), hint_key="issue_frequency_hint"),
    IssueField("until", "f_until", "input", ("event", "repeat", "until"), hint_key="issue_until_hint"),
    IssueField("except", "f_except", "input", ("event", "repeat", "except"), hint_key="f_except_hint"),
    IssueField("date", "f_date", "input", ("date",), hint_key="issue_date_hint"),
    IssueField("expires", "f_expires", "input", ("expires",), hint_key="f_expires_hint"),
    # a notice of tilat looking for a space (its `wanted` facts) or naming one offered
    IssueField("wanted_capacity", "issue_wanted_capacity", "input", ("wanted", "capacity"),
               hint_key="issue_wanted_capacity_hint"),
    IssueField("wanted_when", "issue_wanted_when", "input", ("wanted", "when"), hint_key="issue_wanted_when_hint"),
    IssueField("wanted_times_per_week", "issue_wanted_times_per_week", "input", ("wanted", "times_per_week")),
    IssueField("wanted_purposes", "issue_wanted_purposes", "checkboxes", ("wanted", "purposes"),
               options="BULLETIN_SPACE_PURPOSES"),
    IssueField("wanted_equipment", "issue_wanted_equipment", "checkboxes", ("wanted", "equipment"),
               options="BULLETIN_SPACE_EQUIPMENT"),
    IssueField("wanted_accessibility", "issue_wanted_accessibility", "checkboxes", ("wanted", "accessibility"),
               options="BULLETIN_SPACE_ACCESSIBILITY"),
    IssueField("wanted_from", "issue_wanted_from", "input", ("wanted", "from"), hint_key="f_wanted_season_hint"),
    IssueField("wanted_until", "issue_wanted_until", "input", ("wanted", "until"), hint_key="f_wanted_season_hint"),
    IssueField("space", "issue_space", "input", ("space",), hint_key="issue_space_hint"),
    IssueField("summary", "f_summary", "input", ("summary",), hint_key="f_summary_hint"),
    IssueField("body", "f_body", "textarea", (), True, "f_body_hint"),
    IssueField("tags", "f_tags", "input", ("tags",), hint_key="f_tags_hint"),
    IssueField("contact_name", "f_contact_name", "input", ("contact", "name")),
    IssueField("contact_email", "f_contact_email", "input", ("contact", "email")),
    IssueField("contact_phone", "f_contact_phone", "input", ("contact", "phone"), hint_key="f_contact_phone_hint"),
    IssueField("consent", "issue_consent", "checkboxes", ("contact", "consent"), options="issue_consent_option"),
]
BY_ID = {field.id: field for field in FIELDS}

# --- the association profile form: the site's profile form's labels and hints ---
PROFILE_LABEL = "yhdistys"
PROFILE_TEMPLATE_PATH = ".github/ISSUE_TEMPLATE/yhdistys.yml"
PROFILE_FIELDS = [
    IssueField("slug", "p_which", "input", (), hint_key="profile_issue_slug_hint"),
    IssueField("name", "p_name", "input", ("name",), True, "p_name_hint"),
    IssueField("description", "p_description", "textarea", ("description",), hint_key="p_description_hint"),
    IssueField("groups", "p_groups", "checkboxes", ("groups",), options="groups"),
    IssueField("offers", "p_offers", "textarea", ("offers",), hint_key="p_offers_hint"),
    IssueField("needs", "p_needs", "textarea", ("needs",), hint_key="p_needs_hint"),
    IssueField("website", "p_website", "input", ("website",), hint_key="p_website_hint"),
    IssueField("email", "p_email", "input", ("email",)),
    IssueField("phone", "p_phone", "input", ("phone",), hint_key="f_contact_phone_hint"),
    IssueField("address", "p_address", "input", ("address",), hint_key="p_address_hint"),
    IssueField("members", "p_members", "input", ("members",), hint_key="p_members_hint"),
    IssueField("founded", "p_founded", "input", ("founded",), hint_key="p_founded_hint"),
    IssueField("register_number", "p_register_number", "input", ("register_number",),
               hint_key="p_register_number_hint"),
    IssueField("business_id", "p_business_id", "input", ("business_id",), hint_key="p_business_id_hint"),
    IssueField("active", "p_active", "checkboxes", ("active",), hint_key="p_retired_hint", options="p_retired"),
]


def _hint_values(target, table):
    """What a hint may name of its rule: {limit}, and {most} of a list."""
    parser = table[target[0]].parse if len(target) == 1 and target[0] in table else None
    return {"limit": getattr(parser, "limit", None), "most": getattr(parser, "most", None)}


def _options(field, settings, t):
    if field.options == "categories":
        return list(settings["BULLETIN_CATEGORIES"].values())
    if field.options == "languages":  # by their own names; the site's first, chosen unless changed
        return list(settings["BULLETIN_LANGUAGES"].values())
    if field.options == "groups":
        return [{"label": group} for group in settings["BULLETIN_GROUPS"]]
    if field.options == "BULLETIN_DISTRICTS":
        return list(settings[field.options])
    if field.options in settings:
        return vocabulary_options(settings[field.options])
    return [{"label": t(field.options)}]


def vocabulary_options(vocabulary):
    """A vocabulary (slug -> label) as checkboxes, each label with its slug,
    which `ticked_slugs` reads back."""
    return [{"label": f"{label} ({slug})"} for slug, label in vocabulary.items()]


def ticked_slugs(answer):
    """The slugs of the ticked boxes of a vocabulary (`- [X] Hissi (hissi)`)."""
    return re.findall(r"^\s*[-*]\s*\[[xX]\].*\(([a-z0-9-]+)\)\s*$", answer, re.MULTILINE)


def form_yaml(settings, t, profile=False):
    """The issue form's YAML text: the notice form, or the association profile form."""
    fields, table = (PROFILE_FIELDS, ASSOCIATION_FIELDS) if profile else (FIELDS, NOTICE_FIELDS)
    prefix = "profile_issue" if profile else "issue_form"
    return _dump(t(f"{prefix}_name"), t(f"{prefix}_description"), PROFILE_LABEL if profile else ISSUE_LABEL,
                 _body(t(f"{prefix}_intro"), fields, table, settings, t),
                 "`bulletin issue-form` from the field list in plugins/bulletin_cli/issue_form.py")


def _body(intro, fields, table, settings, t):
    body = [{"type": "markdown", "attributes": {"value": intro}}]
    for field in fields:
        attributes = {"label": t(field.label_key)}
        if field.hint_key:
            attributes["description"] = t(field.hint_key, **_hint_values(field.target, table))
        if field.options:
            attributes["options"] = _options(field, settings, t)
        if field.options == "languages":
            attributes["default"] = list(settings["BULLETIN_LANGUAGES"]).index(settings["BULLETIN_LANGUAGE"])
        item = {"type": field.type, "id": field.id, "attributes": attributes}
        if field.required:
            item["validations"] = {"required": True}
        body.append(item)
    return body


def _dump(name, description, label, body, source):
    form = {"name": name, "description": description, "title": f"{name}: ", "labels": [label], "body": body}
    header = (f"# Written by {source}\n"
              "# and the translation table. Change those and run the command again; do not edit by hand.\n")
    return header + yaml.safe_dump(form, allow_unicode=True, sort_keys=False, width=100)


SPACE_LABEL = "tila"
SPACE_TEMPLATE_PATH = ".github/ISSUE_TEMPLATE/tila.yml"
# Keys of the space table whose answers are chosen from a vocabulary.
_VOCABULARIES = {"purposes": "BULLETIN_SPACE_PURPOSES", "equipment": "BULLETIN_SPACE_EQUIPMENT",
                 "accessibility": "BULLETIN_SPACE_ACCESSIBILITY"}


def space_fields():
    """The space form's fields: the questions of `bulletin new --space`, with
    the vocabularies as checkboxes, the districts as a list and the free
    hours a line each, then the consent to publish the booking contact."""
    from .new_space import QUESTIONS, REQUIRED, SLOT_HINT

    fields = []
    for target, label_key, _separator in QUESTIONS:
        key = "_".join(target)
        kind = "checkboxes" if key in _VOCABULARIES else {"district": "dropdown", "available": "textarea"}.get(key)
        fields.append(IssueField(key, label_key, kind or "input", target, target in REQUIRED,
                                 SLOT_HINT if key == "available" else None,
                                 _VOCABULARIES.get(key) or ("BULLETIN_DISTRICTS" if key == "district" else None)))
    fields.append(IssueField("booking_consent", "sf_booking", "checkboxes", (), options="sf_consent"))
    return fields


def space_form_yaml(settings, t):
    """The issue form for a space offered (`bulletin issue-form --space`)."""
    return _dump(t("space_form_title"), t("space_issue_intro"), SPACE_LABEL,
                 _body(t("space_issue_intro"), space_fields(), SPACE_FIELDS, settings, t),
                 "`bulletin issue-form --space` from the questions in plugins/bulletin_cli/new_space.py")


_HEADING = re.compile(r"^###\s+(.+?)\s*$")


def parse_body(path, text, t, fields=FIELDS):
    """An issue-form body (of the form with `fields`) to {field id: (text, line)}.

    GitHub writes every field as `### Label` and the answer under it, in the
    form's order, empty answers as `_No response_`. Only the body (the first
    textarea: a notice's text, an association's description) can hold `###`
    lines of its own, so the fields before it are found from the start and
    the fields after it from the end."""
    lines = text.replace("\r\n", "\n").replace("\r", "\n").split("\n")
    labels = [(field.id, t(field.label_key)) for field in fields]
    body_index = next(i for i, field in enumerate(fields) if field.type == "textarea")
    starts = {}
    position = 0
    for field_id, label in labels[: body_index + 1]:
        for number in range(position, len(lines)):
            match = _HEADING.match(lines[number])
            if match and match.group(1) == label:
                starts[field_id] = position = number
                break
    end = len(lines)
    for field_id, label in reversed(labels[body_index + 1:]):
        for number in range(end - 1, position, -1):
            match = _HEADING.match(lines[number])
            if match and match.group(1) == label:
                starts[field_id] = end = number
                break
    if not starts:
        raise Problem(path, 1, t("issue_err_no_form", name=t("issue_form_name"))).as_error()
    ordered = sorted(starts.items(), key=lambda item: item[1])
    answers = {}
    for index, (field_id, start) in enumerate(ordered):
        stop = ordered[index + 1][1] if index + 1 < len(ordered) else len(lines)
        answer = "\n".join(lines[start + 1: stop]).strip("\n")
        if answer.strip() == t("issue_no_answer"):
            answer = ""
        answers[field_id] = (answer, start + 1)
    return answers


def headings(text):
    """The labels of an issue body's `### Label` lines: which form it answers."""
    return {match.group(1) for match in map(_HEADING.match, text.splitlines()) if match}


_TICKED = re.compile(r"^\s*[-*]\s*\[[xX]\]\s*(.*?)\s*$", re.MULTILINE)


def checked(answer):
    """A checkboxes answer (`- [X] ...`) to True or False."""
    return bool(_TICKED.search(answer))


def ticked(answer):
    """The labels of the ticked boxes of a checkboxes answer."""
    return _TICKED.findall(answer)
