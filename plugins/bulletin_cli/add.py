"""`bulletin add FILE|-`: a notice from the form's download or an e-mail.

The text may have anything around the notice (greetings, a signature, a
reply's `>` quoting): the notice is what lies between the form's e-mail
markers, or else from the first `---` line on; a signature, a phone's
"Lähetetty iPhonesta" and the message replied to are dropped after it
(signature.py). It is checked, written again in the canonical form and
placed under content/notices/ with a new, unique name.

A whole e-mail (.eml, or a message piped from a mailbox) is read by its MIME
parts (mail_message.py): its text goes the same way, and its images become
the notice's pictures in content/images/, first in its text (posters.py).
"""

import re

from bulletin_contract.checks import context_for
from bulletin_contract.problems import ContentError, Invalid, Problem
from bulletin_contract.validate import display_path, read_notice
from bulletin_contract.writer import notice_file_with_lines, notice_values
from bulletin_i18n.translations import TABLES

from . import posters as poster_files
from .mail_message import (first_difference, html_alternative, is_contact_card, is_document, is_tnef,
                           pictures_named, read_message, without_picture_names)
from .placing import place, to_stderr, unique_path
from .project import UsageError
from .signature import Unsure, contact_lines, earlier_message_start, split_signature


_SHOWN = 200  # of the text dropped: enough to tell what it was


def _unquote(lines):
    """Lines of a quoted reply (`> ...`) without the quoting."""
    filled = [line for line in lines if line.strip()]
    if filled and all(line.startswith(">") for line in filled):
        return [line[2:] if line.startswith("> ") else line[1:] for line in lines]
    return lines


def extract(text):
    """(the notice's text, how many lines came before it, and where it is
    read from an earlier message (replied to or forwarded): (line, text) of
    the sender's own words above that, or None) or (None, 0, None)."""
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    offset, own = 0, None
    for table in TABLES.values():  # a mail from a site in any language
        if table["mail_begin"] in text:
            before, text = text.split(table["mail_begin"], 1)
            offset = before.count("\n")
            text = text.split(table["mail_end"], 1)[0]
            break
    lines = _unquote(text.split("\n"))
    while True:
        number = _details_line(lines)
        if number is not None:
            rest = lines[number + 1:]
            end = _details_line(rest)
            if end is not None:  # written as the first: "—-" again where "---" was meant
                rest[end] = "---"
            notice = "\n".join(["---"] + rest).rstrip() + "\n"
            return notice, offset + number, own or _own_words(lines[:number + 1], offset)
        quoted = _quotation_holding_notice(lines)
        if quoted is None:
            return None, 0, None
        # A notice forwarded in a quotation (Apple Mail's "> " lines): read in it.
        start, end = quoted
        own = own or _own_words(lines[:start + 1], offset, quoted=True)
        lines = lines[:start] + _unquote(lines[start:end]) + lines[end:]


# "---" as smart punctuation writes it (iPhone's, Word's): "--" is a dash, "—-".
_DASHED = re.compile(r"(?=.*[–—])[-–—]{1,3}")


def _details_line(lines):
    """The first line of `lines` that is "---", or else the first that is
    "---" written with a dash (no line of a notice's details or of a text)."""
    plain = next((number for number, line in enumerate(lines) if line.strip() == "---"), None)
    if plain is not None:
        return plain
    return next((number for number, line in enumerate(lines) if _DASHED.fullmatch(line.strip())), None)


def _own_words(lines, offset, quoted=False):
    """(line, text) of the sender's own words above the earlier message
    (replied to or forwarded) that the notice is read from, or None where
    the notice is the message's own: what is new in an answer to the
    notice ("the day changed"). `lines` end in the notice's first line, or
    in the first of the quotation holding it (`quoted`: an earlier message)."""
    start = earlier_message_start(lines)
    if start is None and not quoted or start is not None and any(line.startswith(">") for line in lines[start:-1]):
        return None  # a quotation that ends above the notice: the notice is the message's own
    own = [(number, line.strip()) for number, line in enumerate(lines[:-1 if start is None else start]) if line.strip()]
    return (offset + own[0][0] + 1, " / ".join(text for _number, text in own)) if own else None


def _shown(text):
    """Of a text left out, enough to tell what it was."""
    return text[:_SHOWN - 1] + "…" if len(text) > _SHOWN else text


def _quotation_holding_notice(lines):
    """(start, end) of the run of `>` lines that holds a `> ---` line, or None."""
    for number, line in enumerate(lines):
        if line.startswith(">") and line.lstrip(">").strip() == "---":
            start, end = number, number
            while start > 0 and lines[start - 1].startswith(">"):
                start -= 1
            while end < len(lines) and lines[end].startswith(">"):
                end += 1
            return start, end
    return None


def _without_signature(source, notice_text, offset, t, list_addresses=(), line_name=str):
    """(the notice's text without what follows its body (signature.py),
    whether a text is left, what was dropped: messages to say, each at its
    line as `line_name` names it), or a Problem for a phone number that may
    be the notice's contact."""
    lines = notice_text.rstrip("\n").split("\n")
    end = next((i for i in range(1, len(lines)) if lines[i].rstrip() == "---"), None)
    if end is None:  # no body: the check names what is wrong
        return notice_text, True, []
    first = offset + end + 2  # the body's first line in the text given
    try:
        body, cuts = split_signature(lines[end + 1:], list_addresses)
    except Unsure as unsure:
        raise Problem(source, first + unsure.index, t("mail_err_phone", line=unsure.line.strip())).as_error() from None
    said = []
    for cut in cuts:
        dropped = " / ".join(line.strip() for line in cut.lines if line.strip())
        said.append(t(cut.why, line=line_name(first + cut.start), text=_shown(dropped)))
    origins = _origins(body, cuts)
    for index, line in contact_lines(body):  # published as written: the editor checks the consent
        said.append(t("mail_kept_contact", line=line_name(first + origins[index]), text=line.strip()[:_SHOWN]))
    return "\n".join(lines[:end + 1] + body).rstrip() + "\n", any(line.strip() for line in body), said


def _origins(body, cuts):
    """Where each line of `body` stood in the text given: in its place, but
    a postscript moved to the end (after a blank line) stood where its Cut says."""
    moved = [index for cut in cuts if cut.why == "mail_kept_postscript"
             for index in (None, *range(cut.start, cut.start + len(cut.lines)))]
    return list(range(len(body) - len(moved))) + moved


def add_message(source, raw, site, new_association=None, tell=None):
    """A whole e-mail: the notice in its text (or in a text file attached,
    such as the form's download), its images as the notice's pictures.
    Every attachment is checked before anything is written."""
    t, tell = site.t, tell or to_stderr
    message = read_message(source, raw, t)
    text, from_html = "\n\n".join(message.texts), message.texts_from_html
    refused = [attachment for attachment, _text in message.attached_texts]
    if extract(text)[0] is None and message.html_unread:
        html = html_alternative(message, source, raw, t)
        if html:
            text, from_html = html, True
    elif message.html_unread:
        _say_if_html_differs(message, source, raw, t, text)
    label = f"{source} ({t('mail_html_text_part' if from_html else 'mail_text_part')})"
    if extract(text)[0] is None:
        for attachment, attached in message.attached_texts:
            if extract(attached)[0] is not None:
                text, label, from_html = attached, f"{source} ({attachment.name})", False
                refused.remove(attachment)
                break
    outside = _pictures_outside_notice(source, text, t, message.list_addresses)
    text = without_picture_names(text)
    problems = [Problem(source, a.line, t("mail_err_attachment", name=a.name)) for a in refused]
    posters, icons = [], []
    cards = [a for a in message.attachments if is_contact_card(a)]
    pictures, signature_pictures = [], []
    for attachment in message.attachments:  # a document or Outlook's "rich text": say so, not how to save a picture
        if is_tnef(attachment) or is_document(attachment):
            said = t("mail_err_tnef", name=attachment.name) if is_tnef(attachment) else \
                t("mail_err_document", name=attachment.name, button=t("send_mail"))
            problems.append(Problem(source, attachment.line, said))
        elif attachment.content_id and attachment.content_id in {*message.signature_pictures, *outside}:
            signature_pictures.append(attachment)  # the sender's logo: not even opened
        elif attachment not in cards:
            pictures.append(attachment)
    if len(pictures) > poster_files.MOST_PICTURES:  # refused before any is opened
        problems.append(Problem(source, pictures[poster_files.MOST_PICTURES].line,
                                t("mail_err_too_many_pictures", count=len(pictures), most=poster_files.MOST_PICTURES)))
        pictures = []
    for attachment in pictures:
        try:
            poster = poster_files.read_poster(attachment, source, t)
        except ContentError as err:
            problems.extend(err.problems)
            continue
        (icons if poster.is_icon else posters).append(poster)
    try:
        if problems:
            raise ContentError(problems)
        return add_notice(label, text, site, new_association, tell, posters, message.list_addresses, from_html)
    finally:  # said whether or not the notice is written: the editor answers a refusal with all of it
        for note in message.notes:
            tell(note)
        for card in cards:
            tell(t("mail_left_card", name=card.name))
        for picture in signature_pictures:
            tell(t("mail_dropped_signature_picture", name=picture.name))
        for what, text, address in message.html_left_out:
            key = "mail_left_linked_picture" if what == "picture" else "mail_left_link_address"
            tell(t(key, name=text or "–", address=address[:_SHOWN]))
        for icon in icons:
            tell(t("mail_dropped_icon", name=icon.name, width=icon.image.width, height=icon.image.height,
                   side=poster_files.ICON_SIDE))


def _pictures_outside_notice(source, text, t, list_addresses):
    """The Content-IDs of the pictures `text` names where they stood that
    stand outside the notice it holds: in a signature no mail client marked
    (a logo above the sender's name), above the notice or in a message
    replied to. None of them is the notice's."""
    named = pictures_named(text)
    notice, offset, _own = extract(text)
    if not named or notice is None:
        return set()
    try:
        kept = _without_signature(source, notice, offset, t, list_addresses)[0]
    except ContentError:  # refused with the notice, where it is said why
        return set()
    return named - pictures_named(kept)


def _say_if_html_differs(message, source, raw, t, plain):
    """A note where the HTML that mail clients show says other than the
    plain text the notice is read from: the editor sees the one, the site
    would publish the other."""
    try:
        html = html_alternative(message, source, raw, t, noted=False)
    except ContentError:  # an HTML alternative not readable is not read: the plain text is the notice
        return
    notice, offset, _own = extract(plain)
    try:  # the text to publish, without what the HTML may show otherwise (a signature, quoted history)
        published = offset * "\n" + _without_signature(source, notice, offset, t, message.list_addresses)[0]
    except ContentError:  # refused below, where it is said why
        return
    differs = first_difference(published, html)
    if differs:
        line, ours, theirs = differs
        message.notes.append(t("mail_html_differs", line=line, plain=ours[:_SHOWN] or "–", html=theirs[:_SHOWN] or "–"))


def add_notice(source, text, site, new_association=None, tell=None, posters=(), list_addresses=(),
               from_html=False):
    """Check and place the notice in `text`, with its pictures (and the
    addresses of the mailing list it came through); returns the written paths.
    A text read `from_html` has lines no one saw: they are named so, and quoted."""
    t, tell = site.t, tell or to_stderr
    notice_text, offset, own = extract(text)
    if notice_text is None:
        raise Problem(source, 1, t("add_err_no_notice")).as_error()
    line_name = (lambda number: f"{number} ({t('mail_html_text_part')})") if from_html else str
    notice_text, has_text, dropped = _without_signature(source, notice_text, offset, t, list_addresses, line_name)
    if own:
        dropped.insert(0, t("mail_dropped_own_words", line=line_name(own[0]), text=_shown(own[1])))
    try:
        written, said = _checked_and_placed(source, notice_text, offset, has_text, site, new_association, posters,
                                             tell, from_html)
    finally:  # what was left out is said even if the notice is refused: the refusal may follow from it
        for message in dropped:
            tell(message)
    for message in said:  # where the pictures went
        tell(message)
    return written


def _checked_and_placed(source, notice_text, offset, has_text, site, new_association, posters, tell, from_html):
    """The notice checked and placed: (written paths, messages saying where its pictures went)."""
    t = site.t
    if posters and not has_text:
        # A poster alone: its pictures will be the text. Checked first with
        # their descriptions in their place, as a text is required.
        notice_text += "\n".join(poster_files.alt_text(p.name, p.name) for p in posters) + "\n"
    lines = notice_text.split("\n")

    def in_text(problem, line):
        """The problem of the notice's line `line`, told at its line in the text given."""
        return Problem(source, line + offset, _with_line(problem.message, lines, line, t) if from_html
                       else problem.message)

    # First by the rules of the file alone (the association is checked below).
    try:
        notice = read_notice(source, notice_text.encode("utf-8"), context_for(site.settings, t))
    except ContentError as err:
        raise ContentError([in_text(p, p.line) for p in err.problems]) from None
    known = notice.association in site.associations or notice.association in site.refused
    if new_association and known:
        path = site.content / "associations" / f"{notice.association}.yml"
        raise UsageError(t("add_err_association_exists", slug=notice.association, path=path))
    if new_association:
        try:
            site.check_name(new_association)
        except Invalid as err:  # the name's rule, naming the option it was given by
            raise UsageError(t(err.message_key, **dict(err.values, key="--new-association"))) from None
        site.associations[notice.association] = None  # known to the check below; its file follows
    try:  # then with the associations known: a partner not known is told at its own line, as check tells it
        read_notice(source, notice_text.encode("utf-8"), site.ctx)
    except ContentError as err:
        raise ContentError([in_text(p, p.line) for p in err.problems]) from None
    values = notice_values(notice)
    path = unique_path(site.content, values.get("date", ""), values.get("title", ""))
    try:
        if posters:
            written, said = _place_with_posters(site, values, notice, notice.body if has_text else "", posters,
                                                path, tell)
        else:
            written, said = [place(site, values, notice.body, path=path, tell=tell)], []
    except ContentError as err:
        # Judged as the file it would be (its association, its event's day), never written:
        # told at the line of the same key in the text given.
        keys = notice_file_with_lines(values, notice.body)[1]
        raise ContentError([in_text(p, notice.lines.get(keys.get(p.line), 1)) if p.path == display_path(path)
                            else p for p in err.problems]) from None
    if new_association:
        written.append(site.add_association(notice.association, new_association))
    return written, said


def _with_line(message, lines, number, t):
    """`message` with the words of the line `number` of `lines` it is about
    (not its invisible characters: U+202E would show the message backwards)."""
    line = poster_files.visible(lines[number - 1]).strip() if 0 < number <= len(lines) else ""
    return f"{message} {t('mail_html_line', text=line[:_SHOWN])}" if line else message


def _place_with_posters(site, values, notice, text, posters, path, tell):
    """The pictures saved under the notice's name (`path`) and shown first
    in its text (a poster is the notice's face; its text follows); taken
    away again if the notice is refused, so nothing is left behind. Returns
    (written paths, messages saying where the pictures went)."""
    folder = site.settings["STATIC_PATHS"][0]
    saved, links = [], []
    try:
        for number, poster in enumerate(posters, 1):
            image = poster_files.save(poster, site.content / folder, path.stem, number)
            saved.append(image)
            links.append(f"![{poster_files.alt_text(poster.name, notice.title)}]({{static}}/{folder}/{image.name})")
        body = "\n\n".join(links + ([text.strip("\n")] if text.strip() else []))
        notice_path = place(site, values, body + "\n", path=path, tell=tell)
    except BaseException:
        for image in saved:
            image.unlink()
        raise
    said = [site.t("mail_image_saved", name=poster.name, path=display_path(image), width=poster.image.width,
                   height=poster.image.height) for poster, image in zip(posters, saved)]
    return [notice_path, *saved], said
