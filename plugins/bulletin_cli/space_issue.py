"""`bulletin from-issue` for the space form (tila.yml, `bulletin issue-form
--space`): the answers to the space file `bulletin new --space` writes for
the same answers, named, checked and written by its own code.

Each answer goes through the space table's rule first, named by its label,
so the submitter reads the checker's message about the question asked.
"""
from bulletin_contract.fields import BOOKING_FIELDS, SPACE_FIELDS
from bulletin_contract.problems import ContentError
from bulletin_contract.validate import display_path

from .from_issue import Answers, comment, quiet
from .issue_form import checked, headings, space_fields, ticked_slugs
from .new_space import space_values, write_space


def is_space(text, t):
    """Whether an issue body answers the space form rather than the notice form."""
    found = headings(text)
    return t("sf_name") in found and t("f_title") not in found


def _answer(field, text):
    """An answer as `new --space` takes it: the slugs ticked, a free time a line."""
    if field.type == "checkboxes":
        return ticked_slugs(text)
    if field.type == "textarea":
        return [line.strip() for line in text.splitlines() if line.strip()]
    return text


def space_from_issue(path, text, site):
    """Read a space issue, check it and write the space file; returns its
    path. Raises ContentError with every problem, in the submitter's terms,
    and writes nothing then."""
    t, fields = site.t, space_fields()
    answers = Answers(path, text, t, None, fields, {(): SPACE_FIELDS, ("booking",): BOOKING_FIELDS})
    given = {}
    for field in fields:
        if field.required and not answers.text(field.id):
            answers.fail(field.id, t("issue_err_missing", label=answers.label(field.id)))
        if field.target:
            given[field.target] = _answer(field, answers.text(field.id))
    consent = checked(answers.text("booking_consent"))
    if (given[("booking", "email")] or given[("booking", "phone")]) and not consent:
        answers.fail("booking_consent", t("issue_err_consent", label=answers.label("booking_consent")))
    values = space_values(site, given, consent)
    for field in fields:
        if field.target and given[field.target]:
            held = values[field.target[0]] if len(field.target) == 1 else values[field.target[0]][field.target[1]]
            answers.checked_value(field.id, site.ctx, held, as_checked=True)
    if answers.problems:
        raise ContentError(answers.problems)
    return write_space(site, values)


def run(path, text, site, comment_path=None):
    """The command's work for a space issue: returns the written path."""
    try:
        target = space_from_issue(path, text, site)
    except ContentError as err:
        if comment_path:
            comment_path.write_text(comment(site.t, problems=err.problems), encoding="utf-8")
        raise
    if comment_path:
        comment_path.write_text(quiet(site.t("space_issue_new", path=display_path(target))) + "\n", encoding="utf-8")
    return [target]
