"""`bulletin from-issue FILE`: a GitHub issue-form body to a notice file.

The body is only ever read as data: the workflow writes it to a file through
an environment variable, and nothing here runs it or pastes it anywhere but
into double-quoted YAML values and the notice's Markdown body (which the build
sanitizes). Every answer is checked with the contract's own rule, named by its
label, so the submitter gets Finnish messages about the form they filled in.
"""
import html
import re
import sys
from datetime import date

from bulletin_contract.fields import (CONTACT_FIELDS, EVENT_FIELDS, NOTICE_FIELDS, REPEAT_FIELDS, WANTED_FIELDS, Invalid,
                                     one_line)
from bulletin_contract.problems import ContentError, Problem
from bulletin_contract.schema import EVENT_CATEGORY
from bulletin_contract.slugs import association_slug
from bulletin_contract.validate import display_path, needs_consent
from bulletin_i18n import FileFields
from bulletin_i18n.languages import standard_tag

from .issue_form import FIELDS, checked, parse_body, ticked_slugs
from . import series_words
from .placing import as_iso, event_end, place, tags_written, written_date_problems

_TABLES = {(): NOTICE_FIELDS, ("event",): EVENT_FIELDS, ("contact",): CONTACT_FIELDS,
           ("event", "repeat"): REPEAT_FIELDS, ("wanted",): WANTED_FIELDS}
_DATES = {"date", "start", "end", "expires", "until", "registration_deadline", "wanted_from", "wanted_until"}
# Boxes of a vocabulary, `- [X] Label (slug)`, read as the slugs ticked.
_VOCABULARIES = {"wanted_purposes", "wanted_equipment", "wanted_accessibility"}
# A date the person wrote that is no date at all: the checker's message would
# show the file's ISO form.
_NOT_A_DATE = {"err_date", "err_date_finnish", "err_datetime_finnish", "err_date_no_year", "err_time_form",
               "err_time_only"}


class Answers:
    """The issue's answers with their labels and lines, collecting problems."""

    def __init__(self, path, text, t, today, fields=FIELDS, tables=_TABLES):
        self.path, self.t, self.today = display_path(path), t, today
        self.by_id, self.tables = {field.id: field for field in fields}, tables
        self.answers = parse_body(path, text, t, fields)
        self.problems = []
        self.range_ends = {}  # field id -> the end of a range of times written in it

    def label(self, field_id):
        return self.t(self.by_id[field_id].label_key)

    def text(self, field_id):
        answer = self.answers.get(field_id, ("", 1))[0]
        kind = self.by_id[field_id].type
        # a box of one line as the form reads it; ticked boxes come a line each
        return answer if kind == "textarea" else answer.strip() if kind == "checkboxes" else one_line(answer)

    def fail(self, field_id, message):
        self.problems.append(Problem(*self.where(field_id), message))

    def where(self, field_id):
        """(the issue's path, the line of the field's answer; 1 for none)."""
        return self.path, self.answers.get(field_id, ("", 1))[1]

    def where_of_key(self, key):
        """Where the answer that wrote a key path of the file is: a group's
        (`event`) first field's, the issue's first line for none."""
        fields = self.by_id.values()
        field_ids = [f.id for f in fields if f.target == key] or \
            [f.id for f in fields if key and f.target[:len(key)] == key]
        return self.where(field_ids[0]) if field_ids else (self.path, 1)

    def _notice_value(self, field_id, text, ctx):
        """A notice's answer as its file holds it: dates in ISO, lists as lists,
        a language by its tag."""
        if field_id == "lang":
            names = {name: tag for tag, name in (ctx.languages or {}).items()}
            return names.get(text) or standard_tag(text) or text
        if field_id in _DATES:
            value, self.range_ends[field_id] = as_iso(text, self.today, recent=field_id == "date")
            return value
        if field_id == "tags":
            return tags_written(text)
        if field_id == "weekdays":
            return series_words.weekdays(text)
        if field_id == "except":
            return [as_iso(word, self.today)[0] for word in series_words.words(text)]
        if field_id == "wanted_when":  # a slot may hold a comma: "ti, to 18-20"
            return [part.strip() for part in text.split(";") if part.strip()]
        if field_id in _VOCABULARIES:
            return ticked_slugs(text)
        return text

    def checked_value(self, field_id, ctx, value=None, as_checked=False):
        """The answer (or `value` made of it), through its field's rule with
        the label as the key; `as_checked`: the rule's message names the
        part at fault as it was written (a line of free hours)."""
        text = self.text(field_id)
        if not text:
            return None
        field = self.by_id[field_id]
        if value is None:
            value = self._notice_value(field_id, text, ctx)
        rule = self.tables[field.target[:-1]][field.target[-1]]
        label = self.label(field_id)
        # the dates written: the answer, or each day off
        dates = [text] if field_id in _DATES else series_words.words(text) if field_id == "except" else []
        problems = written_date_problems(self.t, label, dates, self.today, recent=field_id == "date",
                                         range_allowed=field_id == "start", times=rule.parse.times,
                                         days_off=field_id == "except", clock_alone=field_id == "end") if dates else []
        for problem in problems:
            self.fail(field_id, problem)
        if problems:
            return value
        try:
            rule.parse(value, label, ctx)
        except Invalid as err:
            for fault in (err, *err.more):  # each day off at fault, not the first alone
                self._refusal(field_id, fault, label, text if len(dates) < 2 else None, as_checked)
        return value

    def _refusal(self, field_id, err, label, text, as_checked):
        """Fail `field_id` with the rule's message, naming the answer as it
        was written (`text`; None: the item the rule names), the field by its label."""
        if err.message_key in _NOT_A_DATE:  # said in the form's words, not the file's
            self.fail(field_id, self.t("issue_err_when", label=label))
            return
        message = self.t(err.message_key, **(err.values if as_checked or text is None
                                              else dict(err.values, value=text[:80])))
        self.fail(field_id, message if label in message else self.t("issue_err_problem", label=label,
                                                                    message=message))


def _category(answers, settings, t):
    text = answers.text("category")
    for slug, label in settings["BULLETIN_CATEGORIES"].items():
        if text in (slug, label):
            return slug
    if text:
        allowed = ", ".join(settings["BULLETIN_CATEGORIES"].values())
        answers.fail("category", t("issue_err_category", value=text, allowed=allowed))
    return None


class IssueFields:
    """Fields as the issue form names them in a message: by their labels
    (`kohtaan Viimeinen kerta`), a value written `Viimeinen kerta: 26.1.2027`,
    as the web form writes them (bulletin_i18n.FileFields' twin)."""

    def __init__(self, t):
        self.labels = {".".join(field.target): t(field.label_key) for field in FIELDS if field.target}
        self.labels["event.repeat"] = self.labels["event.repeat.weekdays"]  # a series' rule: its days first

    def name(self, path):
        return self.labels.get(path) or FileFields().name(path)

    def write(self, field, value, form=""):
        return f"{field}: {value}"


def notice_from_issue(path, text, site, today):
    """Read an issue body, check it and write the notice; returns (notice
    path, new association's path and name, or None and None, what is to be
    known of the notice written, such as its later day). Raises
    ContentError with every problem, in the submitter's terms, and writes
    nothing then."""
    site.t = site.t.naming(IssueFields(site.t))  # every rule's message names the form's fields
    t, ctx = site.t, site.ctx
    answers = Answers(path, text, t, today)
    for field in FIELDS:
        if field.required and not answers.text(field.id):
            answers.fail(field.id, t("issue_err_missing", label=answers.label(field.id)))
    category = _category(answers, site.settings, t)
    # Any category may have an event; tapahtumat must.
    event_ids = [f.id for f in FIELDS if f.target[:1] == ("event",)]
    has_event = category == EVENT_CATEGORY or any(answers.text(i) for i in event_ids)
    if category and has_event:
        for field_id in ("start", "location"):
            if not answers.text(field_id):
                answers.fail(field_id, t("issue_err_missing", label=answers.label(field_id)))

    # The facts of a space wanted: given at all, they need the persons and the hours.
    wanted_ids = [f.id for f in FIELDS if f.target[:1] == ("wanted",)]
    has_wanted = any(ticked_slugs(answers.text(i)) if i in _VOCABULARIES else answers.text(i) for i in wanted_ids)
    if has_wanted:
        for field_id in ("wanted_capacity", "wanted_when"):
            if not answers.text(field_id):
                answers.fail(field_id, t("issue_err_missing", label=answers.label(field_id)))

    name = answers.text("association")
    slug = site.find_association(name) if name else None
    found_notes = [site.association_note(name, slug) if slug else None, *site.partner_notes(answers.text("partners"))]
    new_association = None
    if name and not slug:
        slug = association_slug(name)
        try:
            site.check_name(name)
            if slug in site.refused:  # its file is there, refused by check: the rule's message, not a second file
                NOTICE_FIELDS["association"].parse(slug, answers.label("association"), ctx)
            new_association = name
        except Invalid as err:
            answers.fail("association", t(err.message_key, **dict(err.values, key=answers.label("association"))))

    values = {"title": None, "association": slug, "category": category,
              "date": None, "event": {"repeat": {}}, "contact": {}, "wanted": {}}
    for field in FIELDS:
        if field.id in ("association", "category", "consent", "frequency") or not field.target:
            continue
        # partners by name or identifier, as the association; the rule names each one at fault as written,
        # as it names the time at fault of several (the web form's words)
        value = answers.checked_value(field.id, ctx, site.find_associations(answers.text(field.id)), True) \
            if field.id == "partners" else answers.checked_value(field.id, ctx, as_checked=field.id == "wanted_when")
        if value is None and field.id == "date":
            value = today.isoformat()
        if field.id == "lang" and value == site.settings["BULLETIN_LANGUAGE"]:
            value = None  # the site's language is not written
        if len(field.target) == 1:
            values[field.target[0]] = value
        elif has_event or field.target[0] == "contact" or (has_wanted and field.target[0] == "wanted"):
            holder = values
            for key in field.target[:-1]:
                holder = holder[key]
            holder[field.target[-1]] = value
    often = answers.text("frequency")
    if often and has_event:
        said = series_words.frequency(often)
        if said is None:
            answers.fail("frequency", t("issue_err_frequency", label=answers.label("frequency")))
        else:
            values["event"]["repeat"]["interval"], values["event"]["repeat"]["nth"] = said
    if category and values["event"].get("start"):
        try:
            values["event"]["end"] = event_end(answers.range_ends.get("start"), values["event"].get("end"),
                                               answers.text("end"), answers.label("end"))
        except Invalid as err:
            answers.fail("end", t(err.message_key, **err.values))
    consent = checked(answers.text("consent"))
    contact = values["contact"]
    if needs_consent(contact) and not consent:
        answers.fail("consent", t("issue_err_consent", label=answers.label("consent")))
    if any(contact.values()):
        contact["consent"] = True if consent else None
    if answers.problems:
        raise ContentError(answers.problems)

    labels = {f.target: t(f.label_key) for f in FIELDS}  # () is the body
    labels.update({("event",): t("f_event"), ("contact",): t("f_contact"), ("wanted",): t("f_wanted")})
    if new_association:
        site.associations[slug] = None  # known to the check below; its file follows
    notes = []
    notice = place(site, values, answers.text("body"), labels=labels, tell=notes.append,
                   answered=answers.where_of_key)
    for note in filter(None, [*found_notes, *notes]):
        print(note, file=sys.stderr)
    association_path = site.add_association(slug, new_association) if new_association else None
    return notice, association_path, new_association, notes


def quiet(text):
    # The reply is Markdown on GitHub, in the bot's voice: answers echoed in
    # it must not become markup, links (a "log in here" in the project's
    # name) or mentions. Brackets escaped make no link or image (a backslash
    # written before one escaped too, else it would take the escape back); a
    # bare address is linked by GitHub unless broken by an invisible space.
    text = html.escape(text, quote=False).replace("\\", "\\\\").replace("@", "@\u200b")
    text = text.replace("[", "\\[").replace("]", "\\]")
    return _ADDRESS.sub(lambda m: m[0][:-1] + "\u200b" + m[0][-1], text)


_ADDRESS = re.compile(r"(?i)\b(?:[a-z][a-z0-9+.-]*://|www\.)")


def comment(t, notice=None, association=None, name=None, problems=(), notes=()):
    """The reply to the submitter, as Markdown for the issue."""
    if problems:
        items = "\n".join(f"- {quiet(p.message)}" for p in problems)
        return f"{t('issue_comment_failed')}\n\n{items}\n"
    text = "".join(quiet(note) + "\n\n" for note in notes) + t("issue_comment_ok", path=display_path(notice))
    if association:
        text = quiet(t("issue_new_association", name=name, path=display_path(association))) + "\n\n" + text
    return text + "\n"


def run(path, text, site, today: date, comment_path=None):
    """The command's work: returns the written paths; raises ContentError."""
    try:
        notice, association, name, notes = notice_from_issue(path, text, site, today)
    except ContentError as err:
        if comment_path:
            comment_path.write_text(comment(site.t, problems=err.problems), encoding="utf-8")
        raise
    if comment_path:
        comment_path.write_text(comment(site.t, notice, association, name, notes=notes), encoding="utf-8")
    return [notice] + ([association] if association else [])
