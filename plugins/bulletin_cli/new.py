"""`bulletin new`: a valid notice from flags, or from questions.

Flags give the values; a required value that is missing is asked for when
the command runs in a terminal, and is an error otherwise. An answer that
breaks its field's rule is asked again with the rule's message, so a typo
does not end the session. Dates are read as people write them
(`la 5.12. klo 18–20`). A series: `--weekdays "ti, to" --until 26.5.2027`.
"""
import sys

from bulletin_contract.fields import CONTACT_FIELDS, EVENT_FIELDS, NOTICE_FIELDS, REPEAT_FIELDS, Invalid, one_line
from bulletin_contract.problems import ContentError
from bulletin_contract.schema import EVENT_CATEGORY
from bulletin_contract.validate import needs_consent
from bulletin_i18n import FileFields
from bulletin_i18n.languages import standard_tag

from . import series_words
from .placing import as_iso, event_end, place, tags_written, written_date_problems
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
    ("registration-deadline", ("event", "registration_deadline"), "f_registration_deadline"),
    ("accessibility", ("event", "accessibility"), "f_accessibility"),
    ("weekdays", ("event", "repeat", "weekdays"), "f_weekdays"),
    ("interval", ("event", "repeat", "interval"), "f_frequency"),
    ("nth", ("event", "repeat", "nth"), "f_frequency"),
    ("until", ("event", "repeat", "until"), "f_until"),
    ("except", ("event", "repeat", "except"), "f_except"),
    ("expires", ("expires",), "f_expires"),
    ("summary", ("summary",), "f_summary"),
    ("tags", ("tags",), "f_tags"),
    ("partners", ("partners",), "f_partners"),
    ("lang", ("lang",), "f_lang"),
    ("contact-name", ("contact", "name"), "f_contact_name"),
    ("contact-email", ("contact", "email"), "f_contact_email"),
    ("contact-phone", ("contact", "phone"), "f_contact_phone"),
]
_DATES = {"date", "start", "end", "expires", "until", "registration-deadline"}
_LISTS = {"tags", "weekdays", "nth", "except"}
_TABLES = {(): NOTICE_FIELDS, ("event",): EVENT_FIELDS, ("event", "repeat"): REPEAT_FIELDS,
           ("contact",): CONTACT_FIELDS}


class OptionFields:
    """Fields as `new` names them in a message: by the option that gives the
    value (`--until`), a value written `--until 25.5.2027`; a field no option
    gives by its key in the file."""

    options = {".".join(target): f"--{flag}" for flag, target, _label in FLAGS}
    options["event.repeat"] = "--weekdays"  # a series' rule: its days first

    def name(self, path):
        return self.options.get(path) or FileFields().name(path)

    def write(self, field, value, form=""):
        # a list is one value of its option, as a text: `--weekdays "ti, to"`
        return f'{field} "{value}"' if form else f"{field} {value}"


class Refused(UsageError):
    """A notice the rules refuse, told by its options: the exit status of
    every door that refuses a notice (ContentError's), not a usage error's."""
    exitcode = ContentError.exitcode


def add_arguments(parser, t):
    for flag, _target, label in FLAGS:
        parser.add_argument(f"--{flag}", help=t(label))
    parser.add_argument("--consent", action="store_true", help=t("cli_consent"))
    parser.add_argument("--body", help=t("f_body"))


def _answer(args, flag):
    """A flag's answer as the form reads a box: one line (fields.one_line)."""
    answer = getattr(args, flag.replace("-", "_"))
    return one_line(answer) if answer else answer


def _rule(target):
    """The rule of the file's field at key path `target`."""
    return _TABLES[target[:-1]][target[-1]]


def refusal(t, rule, value, name, ctx):
    """The message of a field's `rule` for `value`, naming the field `name`
    (an option, a question's label) where the file's key would be; or None."""
    try:
        rule.parse(value, name, ctx)
    except Invalid as err:
        return "\n".join(t(fault.message_key, **fault.values) for fault in (err, *err.more))
    return None


def _dates_in(flag, text):
    """The dates people wrote in an answer: the answer, or each day off."""
    return [text] if flag in _DATES else series_words.words(text) if flag == "except" else []


def _value(flag, text, today, site):
    """An answer as the file holds it: (value, the end of a range of times or None)."""
    if flag in _DATES:
        return as_iso(text, today, recent=flag == "date")
    if flag == "except":
        return [as_iso(word, today)[0] for word in series_words.words(text)], None
    if flag == "weekdays":  # `tiistai ja torstai` or `ti, to`
        return series_words.weekdays(text), None
    if flag == "lang":  # written as the checker reads it: `SV-fi` is sv-FI
        return standard_tag(text) or text, None
    if flag == "tags":
        return tags_written(text), None
    if flag == "partners":  # by name or identifier, as --association
        return site.find_associations(text), None
    if flag in _LISTS:
        return series_words.words(text), None
    return text, None


class Questions:
    """The answers: from flags, else asked in a terminal, each checked by its rule."""

    def __init__(self, args, site, today, interactive):
        self.site, self.t, self.today, self.interactive = site, site.t, today, interactive
        self.answers = {flag: _answer(args, flag) for flag, _target, _label in FLAGS}
        self.labels = {flag: label for flag, _target, label in FLAGS}
        self.targets = {flag: target for flag, target, _label in FLAGS}

    def ask(self, flag, label_key=None):
        label = self.t(label_key or self.labels[flag])
        if not self.interactive:
            raise UsageError(self.t("new_err_not_interactive", label=label, flag=f"--{flag}"))
        while True:
            answer = one_line(input(self.t("new_prompt", label=label)))
            problem = self.problem(flag, answer) if answer else None
            if answer and not problem:
                self.answers[flag] = answer
                return answer
            if problem:  # said, and asked again: the session goes on
                print(problem, file=sys.stderr)

    def problem(self, flag, answer):
        """The message of the field's rule for an answer to its question, or None."""
        if flag not in self.targets:
            return None
        target, label = self.targets[flag], self.t(self.labels[flag])
        if flag == "association":
            answer = self.site.find_association(answer) or answer
        elif flag == "category":
            answer = self.category(answer)
        dates = _dates_in(flag, answer)
        wrong = dates and written_date_problems(self.t, label, dates, self.today, recent=flag == "date",
                                                range_allowed=flag == "start", times=_rule(target).parse.times,
                                                days_off=flag == "except", clock_alone=flag == "end")
        if wrong:
            return "\n".join(wrong)
        value, _end = _value(flag, answer, self.today, self.site)
        return refusal(self.t, _rule(target), value, label, self.site.ctx)

    def category(self, text):
        for slug, label in self.site.settings["BULLETIN_CATEGORIES"].items():
            if text.strip().lower() in (slug, label.lower()):
                return slug
        return text


def _pruned(values):
    """Without the groups nothing was given for (no `event:` of a notice without one)."""
    out = {}
    for key, value in values.items():
        if isinstance(value, dict):
            value = _pruned(value)
        if value not in (None, "", [], {}):
            out[key] = value
    return out


def new_notice(args, site, today, interactive=None):
    # every message of the rules, and of check's rules run on the notice, names the options
    site.t = t = site.t.naming(OptionFields())
    interactive = sys.stdin.isatty() if interactive is None else interactive
    q = Questions(args, site, today, interactive)
    answers = q.answers
    for flag in ("title", "association", "category"):
        if not answers[flag]:
            q.ask(flag)
    answers["category"] = q.category(answers["category"])
    written = answers["association"]
    answers["association"] = site.find_association(written) or written
    # what a name not written so was taken to mean: the association's, each partner's
    found = [site.association_note(written, answers["association"]), *site.partner_notes(answers["partners"] or "")]
    for note in filter(None, found):
        print(note, file=sys.stderr)
    if answers["category"] == EVENT_CATEGORY:
        for flag in ("start", "location"):
            if not answers[flag]:
                q.ask(flag)
    if not answers["until"] and any(answers[flag] for flag in ("weekdays", "interval", "nth")):
        q.ask("until")  # a series ends: asked for as a missing flag, not as a line of the file
    answers["date"] = answers["date"] or today.isoformat()
    # the text is the notice: never a placeholder in its place
    body = args.body or q.ask("body", "f_body")

    values = {"event": {"repeat": {}}, "contact": {}}
    range_ends = {}
    refused = []  # each value by its field's rule, named by its option: all told in one run
    for flag, target, _label in FLAGS:
        value = answers[flag]
        dates = value and _dates_in(flag, value)
        wrong = dates and written_date_problems(t, f"--{flag}", dates, today, recent=flag == "date",
                                                range_allowed=flag == "start", times=_rule(target).parse.times,
                                                days_off=flag == "except", clock_alone=flag == "end")
        if wrong:
            raise UsageError("\n".join(wrong))
        if value:
            value, range_ends[flag] = _value(flag, value, today, site)
            said = refusal(t, _rule(target), value, f"--{flag}", site.ctx)
            refused += [f"--{flag}: {line}" for line in said.splitlines()] if said else []
        holder = values
        for key in target[:-1]:
            holder = holder[key]
        holder[target[-1]] = value
    if refused:
        raise Refused("\n".join(refused))
    try:
        values["event"]["end"] = event_end(range_ends.get("start"), values["event"]["end"], answers["end"], "--end")
    except Invalid as err:  # two flags that disagree
        raise UsageError(t(err.message_key, **err.values)) from None
    if needs_consent(values["contact"]) and not args.consent:  # not the file's "add consent: true"
        raise Refused(t("new_err_consent", flag="--consent"))
    if any(values["contact"].values()) and args.consent:
        values["contact"]["consent"] = True
    # Problems name the flag that gave the value, never the file that was not written.
    labels = {target: f"--{flag}" for flag, target, _label in FLAGS}
    labels[()] = "--body"  # () is the body
    flags = {target: flag for flag, target, _label in FLAGS}

    def missing(target):  # as a question not answered: by its option
        return t("new_err_not_interactive", label=t(q.labels[flags[target]]), flag=f"--{flags[target]}")
    try:
        return place(site, _pruned(values), body, labels=labels, missing=missing)
    except ContentError as err:
        raise Refused("\n".join(problem.message for problem in err.problems)) from None
