"""`bulletin add FILE|-`: a notice from the form's download or an e-mail.

The text may have anything around the notice (greetings, a signature, a
reply's `>` quoting): the notice is what lies between the form's e-mail
markers, or else from the first `---` line on. It is checked, written again in
the canonical form and placed under content/notices/ with a new, unique name.
"""
from bulletin_contract.checks import context_for
from bulletin_contract.problems import ContentError, Problem
from bulletin_contract.validate import read_notice
from bulletin_contract.writer import notice_values
from bulletin_i18n.translations import TABLES

from .placing import place
from .project import UsageError


def _unquote(lines):
    """Lines of a quoted reply (`> ...`) without the quoting."""
    filled = [line for line in lines if line.strip()]
    if filled and all(line.startswith(">") for line in filled):
        return [line[2:] if line.startswith("> ") else line[1:] for line in lines]
    return lines


def extract(text):
    """(the notice's text, how many lines came before it) or (None, 0)."""
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    offset = 0
    for table in TABLES.values():  # a mail from a site in any language
        if table["mail_begin"] in text:
            before, text = text.split(table["mail_begin"], 1)
            offset = before.count("\n")
            text = text.split(table["mail_end"], 1)[0]
            break
    lines = _unquote(text.split("\n"))
    for number, line in enumerate(lines):
        if line.strip() == "---":
            notice = "\n".join(["---"] + lines[number + 1:]).rstrip() + "\n"
            return notice, offset + number
    return None, 0


def add_notice(source, text, site, new_association=None):
    """Check and place the notice in `text`; returns the written paths."""
    t = site.t
    notice_text, offset = extract(text)
    if notice_text is None:
        raise Problem(source, 1, t("add_err_no_notice")).as_error()
    raw = notice_text.encode("utf-8")
    # First by the rules of the file alone (the association is checked below).
    try:
        notice = read_notice(source, raw, context_for(site.settings, t))
    except ContentError as err:
        raise ContentError([Problem(p.path, p.line + offset, p.message) for p in err.problems]) from None
    known = notice.association in site.associations
    if new_association and known:
        path = site.content / "associations" / f"{notice.association}.yml"
        raise UsageError(t("add_err_association_exists", slug=notice.association, path=path))
    if new_association:
        site.check_name(new_association)
        site.associations[notice.association] = None  # known to the check below; its file follows
    written = [place(site, notice_values(notice), notice.body)]
    if new_association:
        written.append(site.add_association(notice.association, new_association))
    return written
