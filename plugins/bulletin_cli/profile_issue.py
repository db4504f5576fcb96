"""`bulletin from-issue` for the association profile form (yhdistys.yml,
`bulletin issue-form --profile`): the answers to an association file.

A new association gets the slug of its name; an update names the association
(as the site's profile form does) and keeps its slug and every value the
issue leaves unanswered, as an issue form cannot show the present ones. Each
answer goes through the association table's own rule, named by its label,
and the written file through the reading `check` does.
"""
from bulletin_contract.checks import ASSOCIATIONS_DIR, all_files
from bulletin_contract.fields import ASSOCIATION_FIELDS
from bulletin_contract.problems import ContentError
from bulletin_contract.schema import LIST_MARKER
from bulletin_contract.slugs import association_slug
from bulletin_contract.validate import display_path, read_association
from bulletin_contract.writer import association_file, association_values

from .from_issue import Answers, comment, quiet
from .issue_form import PROFILE_FIELDS, headings, ticked


def is_profile(text, t):
    """Whether an issue body answers the profile form rather than the notice form."""
    found = headings(text)
    return t("p_name") in found and t("f_title") not in found


def _lines(answer):
    """One offer or need a line, as the form asks; list bullets dropped."""
    return [LIST_MARKER.sub("", line).strip() for line in answer.splitlines() if LIST_MARKER.sub("", line).strip()]


def _value(field, answer):
    """The answer as the association file holds it (None: not answered)."""
    if field.type == "checkboxes":
        boxes = ticked(answer)
        if field.id == "active":
            return "false" if boxes else None  # the box says the association has retired
        return boxes or None
    if field.id in ("offers", "needs"):
        return _lines(answer) or None
    return answer.strip() or None


def profile_from_issue(path, text, site):
    """Read a profile issue, check it and write the association file;
    returns (its path, whether it was there before). Raises ContentError
    with every problem, in the submitter's terms, and writes nothing then."""
    t, ctx = site.t, site.ctx
    answers = Answers(path, text, t, None, PROFILE_FIELDS, {(): ASSOCIATION_FIELDS})
    name, which = answers.text("name"), answers.text("slug")
    if not name:
        answers.fail("name", t("issue_err_missing", label=answers.label("name")))
    slug = site.find_association(which) if which else association_slug(name)
    if which and slug is None:
        answers.fail("slug", t("profile_issue_err_unknown", name=which))
    elif name and not slug:
        answers.fail("name", t("profile_issue_err_name", name=name))
    elif not which and (slug in site.associations or site.find_association(name)):  # by slug or by name
        answers.fail("name", t("profile_issue_err_exists", name=name, label=answers.label("slug")))
    elif not which and slug in site.refused:  # its file is there, refused by check: not written over
        answers.fail("name", t("err_association_refused", value=slug, path=site.refused[slug]))
    present = site.associations.get(slug) if which else None
    values = association_values(present) if present else {}
    for field in PROFILE_FIELDS:
        if not field.target:
            continue
        value = _value(field, answers.text(field.id))
        if value is not None:
            answers.checked_value(field.id, ctx, value)
            values[field.target[0]] = value
    if answers.problems:
        raise ContentError(answers.problems)
    values["active"] = False if values.get("active") in (False, "false") else None  # active is the default
    folder = site.content / ASSOCIATIONS_DIR
    target = folder / f"{slug}.yml"
    if present:  # over its own file, in whichever subfolder: a second file of its slug is refused
        target = next((found for found in all_files(folder) if found.name == target.name), target)
    written = association_file(values)
    read_association(target, written.encode("utf-8"), ctx)  # check's own reading: raises as check would
    target.parent.mkdir(parents=True, exist_ok=True)
    target.write_text(written, encoding="utf-8")
    return target, present is not None


def run(path, text, site, comment_path=None):
    """The command's work for a profile issue: returns the written path."""
    try:
        target, updated = profile_from_issue(path, text, site)
    except ContentError as err:
        if comment_path:
            comment_path.write_text(comment(site.t, problems=err.problems), encoding="utf-8")
        raise
    if comment_path:
        key = "profile_issue_updated" if updated else "profile_issue_new"
        comment_path.write_text(quiet(site.t(key, path=display_path(target))) + "\n", encoding="utf-8")
    return [target]
