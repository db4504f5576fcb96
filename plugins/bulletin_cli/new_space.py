"""`bulletin new --space`: a space file from questions in a terminal.

Each question is a key of the space table; the answers are checked with the
same rules as `bulletin check` (read_space) before anything is written, and
the file goes to content/spaces/<name>.yml in the canonical form, dated the
day it is offered (`date`: today, or `--today`), as the form laheta/tila/ dates it.
"""
import sys

from bulletin_contract.checks import SPACES_DIR, all_files, retired_spaces
from bulletin_contract.fields import BOOKING_FIELDS, SPACE_FIELDS
from bulletin_contract.problems import ContentError
from bulletin_contract.slugs import slugify
from bulletin_contract.validate import read_space
from bulletin_contract.writer import space_file
from bulletin_settings import today

from .new import refusal
from .project import UsageError

# (key path, label key, how the answer is split); the order of the questions.
QUESTIONS = [
    (("name",), "sf_name", None),
    (("association",), "sf_association", None),
    (("address",), "sf_address", None),
    (("capacity",), "sf_capacity", None),
    (("district",), "sf_district", None),
    (("area",), "sf_area", None),
    (("purposes",), "sf_purposes", ","),
    (("equipment",), "sf_equipment", ","),
    (("accessibility",), "sf_accessibility", ","),
    (("available",), "sf_available", ";"),  # a slot may hold a comma: "ti, to 18-20"
    (("price",), "sf_price", None),
    (("entry",), "sf_entry", None),
    (("booking", "name"), "sf_booking_name", None),
    (("booking", "email"), "sf_booking_email", None),
    (("booking", "phone"), "sf_booking_phone", None),
    (("booking", "url"), "sf_booking_url", None),
]
REQUIRED = {("name",), ("association",), ("address",), ("capacity",)}
SLOT_HINT = "sf_available_hint"
# The form and the issue form take a free time a line; one answer here
# takes them split as QUESTIONS splits them, which the question says.
TERMINAL_HINTS = {"sf_available": "new_space_available_hint"}


def _ask(site, target, label_key, separator):
    """An answer to a question, asked again while it is missing or its
    field's rule refuses it: the rule's message names the question, not the
    file's key (as `new` asks)."""
    t = site.t
    label = t(label_key)
    if label_key in TERMINAL_HINTS:
        label += " " + t(TERMINAL_HINTS[label_key])
    required = target in REQUIRED
    rule = SPACE_FIELDS[target[0]] if len(target) == 1 else BOOKING_FIELDS[target[1]]
    while True:
        prompt = t("new_prompt", label=label) if required else t("new_prompt_optional", label=label)
        answer = input(prompt).strip()
        if separator and answer:
            answer = [part.strip() for part in answer.split(separator) if part.strip()]
        if not answer:
            if required:
                continue
            return answer
        value = site.find_association(answer) or answer if target == ("association",) else answer
        said = refusal(t, rule, value, t(label_key), site.ctx)
        if not said:
            return answer
        print(said, file=sys.stderr)  # said, and asked again: the session goes on


def new_space(site, interactive=None):
    """Ask, check and write a space; returns its path. Raises ContentError
    (nothing written) when an answer breaks a rule."""
    t = site.t
    if not (sys.stdin.isatty() if interactive is None else interactive):
        raise UsageError(t("new_space_not_interactive"))
    answers = {target: _ask(site, target, label_key, separator) for target, label_key, separator in QUESTIONS}
    consent = bool(answers[("booking", "email")] or answers[("booking", "phone")]) and \
        input(t("new_prompt", label=t("sf_consent") + " (k/e)")).strip().lower() in ("k", "kyllä", "y", "yes")
    return write_space(site, space_values(site, answers, consent))


def space_values(site, answers, consent):
    """The answers ({key path: text or list}) as a space file holds them,
    dated the day the space is offered; the booking's consent is written
    only with an e-mail address or phone number to publish, as the form
    laheta/tila/ writes it. Shared by `new --space` and `from-issue`."""
    values = {"date": today(site.settings).isoformat(), "booking": {}}
    for target, answer in answers.items():
        if target == ("association",):
            answer = site.find_association(answer) or answer
        if len(target) == 1:
            values[target[0]] = answer
        else:
            values[target[0]][target[1]] = answer
    if consent and (values["booking"].get("email") or values["booking"].get("phone")):
        values["booking"]["consent"] = True
    return values


def write_space(site, values):
    """Check the space as `bulletin check` reads it and write it to a new
    file; returns its path. Raises ContentError (nothing written)."""
    text = space_file(values)
    folder = site.content / SPACES_DIR
    slug = slugify(values["name"])[:60].rstrip("-") or "tila"
    # a slug is a space's in any subfolder: a second file of it would fail the check
    taken = {found.stem for found in all_files(folder)}
    path, number = folder / f"{slug}.yml", 2
    while path.exists() or path.stem in taken:
        path, number = folder / f"{slug}-{number}.yml", number + 1
    space = read_space(path, text.encode("utf-8"), site.ctx)  # raises ContentError with every problem
    problems = retired_spaces([space], {slug: p for slug, p in site.associations.items() if p}, site.t)
    if problems:  # check's own rule: a retired association offers no premises
        raise ContentError(problems)
    folder.mkdir(parents=True, exist_ok=True)
    with open(path, "x", encoding="utf-8") as out:
        out.write(text)
    return path
