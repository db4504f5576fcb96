"""A whole e-mail as a mail client saves it (.eml) or a mailbox pipes it:
its text, in the charset it declares, and its attachments.

The text is what `add` reads as a pasted notice; the attachments become the
notice's images. A message is told from pasted text by its MIME headers, so
a text that merely begins with "From:" stays text and is decoded strictly
as UTF-8 like any file.
"""
import codecs
import difflib
import re
from collections import Counter
from dataclasses import dataclass, field
from email import errors, policy
from email.parser import BytesParser

from bulletin_contract.frontmatter import decode
from bulletin_contract.problems import Problem

from .html_text import LeftOpen, html_to_text, opened_at
from .posters import visible

# A header line, or the mbox separator a mailbox puts before a message.
_HEADER = re.compile(rb"^(?:From |[!-9;-~]+:)")
# Mail clients label ISO-8859-1 what Windows wrote as windows-1252 (as
# browsers do, read the one as the other: the same letters, and more).
_CHARSET_AS = {"iso-8859-1": "windows-1252", "latin-1": "windows-1252", "latin1": "windows-1252",
               "us-ascii": "utf-8", "ascii": "utf-8"}  # 8-bit text labelled ASCII is nearly always UTF-8


@dataclass
class Attachment:
    name: str
    data: bytes
    line: int  # where the file name stands in the message, for messages about it
    kind: str = ""  # its MIME type as sent
    content_id: str = ""  # the name the HTML shows it by (cid:...)


# Exchange's name for the text that followed an attachment in the message
# (a signature, a mailing list's footer): the message's text, no file sent.
_EXCHANGE_TEXT = re.compile(r"ATT\d{5}\.(?:txt|htm)", re.IGNORECASE)
# Text files a mail program may send as application/octet-stream (Outlook does).
_TEXT_NAMES = (".md", ".markdown", ".txt")
_TEXT_KINDS = ("text/plain", "text/markdown", "text/x-markdown")


def is_tnef(attachment):
    """Outlook's own "rich text" wrapper (winmail.dat): no file to publish."""
    return attachment.kind in ("application/ms-tnef", "application/vnd.ms-tnef") or \
        attachment.name.lower() == "winmail.dat"


# Documents a notice is sent in ("ilmoitus liitteenä"): neither read nor published.
_DOCUMENT_KINDS = ("application/pdf", "application/msword", "application/rtf", "text/rtf",
                   "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
                   "application/vnd.oasis.opendocument.text")
_DOCUMENT_NAMES = (".pdf", ".doc", ".docx", ".odt", ".rtf", ".pages")


def is_document(attachment):
    """A Word, OpenDocument, RTF or PDF file: the notice written in it, most
    often, which is to be written in the mail's text instead."""
    return attachment.kind in _DOCUMENT_KINDS or attachment.name.lower().endswith(_DOCUMENT_NAMES)


def is_contact_card(attachment):
    """The sender's card (.vcf) that Outlook and Apple Mail attach: contact
    details, never published, and no reason to refuse the notice."""
    return attachment.kind in ("text/vcard", "text/x-vcard", "text/directory") or \
        attachment.name.lower().endswith((".vcf", ".vcard"))


@dataclass
class Message:
    texts: list = field(default_factory=list)  # the body's text parts, in order
    texts_from_html: bool = False  # one of them read from HTML (no plain text sent): its lines are no one's
    attached_texts: list = field(default_factory=list)  # text files attached: (Attachment, text)
    attachments: list = field(default_factory=list)
    list_addresses: list = field(default_factory=list)  # a mailing list's own, whose footer is no text
    notes: list = field(default_factory=list)  # what the editor is told of how the message was read
    html_left_out: list = field(default_factory=list)  # what of the HTML read is not kept: (what, text, address)
    html_unread: list = field(default_factory=list)  # HTML alternatives to a plain part: read if it holds no notice
    signature_pictures: list = field(default_factory=list)  # Content-IDs the HTML shows in the sender's signature


# RFC 2369: the addresses a mailing list names in its headers, and in its footer.
_LIST_HEADERS = ("List-Post", "List-Unsubscribe", "List-Subscribe", "List-Help", "List-Owner", "List-Archive")
_LIST_ADDRESS = re.compile(r"<(?:mailto:([^>?\s]+)|(https?://[^>\s]+))")


def is_mime(raw):
    """Does `raw` begin with mail headers that say it is MIME?"""
    head = raw.lstrip(b"\r\n").split(b"\n\n", 1)[0].split(b"\r\n\r\n", 1)[0]
    lines = head.split(b"\n")
    if not lines or not _HEADER.match(lines[0]):
        return False
    names = {line.split(b":", 1)[0].strip().lower() for line in lines if b":" in line[:80]}
    return b"mime-version" in names or b"content-type" in names


# A client's message has a few parts, a newsletter's tens; the parser's
# time grows with them (thousands keep it busy for minutes): counted first.
_MOST_PARTS = 500
_BOUNDARY = re.compile(rb'boundary\s*=\s*"?([^";\r\n]+)', re.IGNORECASE)


def _parts(raw):
    """(parts, boundary) of the boundary declared in `raw` that most parts follow."""
    declared = set(_BOUNDARY.findall(raw))
    delimiters = Counter(line.rstrip()[2:] for line in raw.split(b"\n") if line.startswith(b"--"))
    return max(((delimiters[b], b) for b in declared), default=(0, b""))


def read_message(source, raw, t):
    """The Message in the bytes of an e-mail."""
    parts, boundary = _parts(raw)
    if parts > _MOST_PARTS:
        raise Problem(source, _boundary_line(raw, boundary.decode("utf-8", "replace")),
                      t("mail_err_too_many_parts", count=parts, most=_MOST_PARTS)).as_error()
    try:
        message = BytesParser(policy=policy.default).parsebytes(raw)
        found = Message()
        for name in _LIST_HEADERS:
            for value in message.get_all(name, []):
                found.list_addresses += [a or url for a, url in _LIST_ADDRESS.findall(str(value))]
        _walk(message, found, source, raw, t)
    except RecursionError:  # parts inside parts thousands deep: no mail client writes one
        raise Problem(source, 1, t("mail_err_structure")).as_error() from None
    return found


def _walk(part, found, source, raw, t, texts=True):
    """Collect the texts and attachments of `part`; with texts=False only
    its attachments (an alternative not read, which may hold pictures)."""
    kind = part.get_content_type()
    if part.get_content_maintype() == "multipart" and not part.is_multipart():
        # its boundary line never appears (a gateway changed it, the mail was cut): no part can be told
        boundary = part.get_boundary() or ""
        raise Problem(source, _boundary_line(raw, boundary),
                      t("mail_err_boundary", kind=kind, boundary=boundary)).as_error()
    if kind == "message/rfc822":  # a message forwarded as an attachment
        for inner in part.iter_parts():
            _walk(inner, found, source, raw, t, texts)
    elif kind == "multipart/alternative":
        parts = list(part.iter_parts())
        # The plain text is what the sender wrote; HTML only where there is none.
        chosen = next((p for p in parts if p.get_content_type() == "text/plain"),
                      next((p for p in parts if p.get_content_type() == "text/html"), None))
        for alternative in parts:
            if alternative.get_content_type() == "text/calendar":
                # Outlook's meeting invitation: the same event again, for calendars; the notice has its own
                found.notes.append(t("mail_left_calendar"))
                continue
            _walk(alternative, found, source, raw, t, texts and alternative is chosen)
        if texts and chosen is not None and chosen.get_content_type() == "text/plain":
            found.html_unread += [html for html in map(_html_of, parts) if html is not None]
    elif kind == "multipart/signed":  # S/MIME or OpenPGP: the message, not its signature
        for inner in list(part.iter_parts())[:1]:
            _walk(inner, found, source, raw, t, texts)
    elif part.is_multipart():
        for inner in part.iter_parts():
            _walk(inner, found, source, raw, t, texts)
    elif kind in ("text/plain", "text/html") and _is_message_text(part):
        if texts:
            text = _text(part, source, t, raw, notes=found.notes)
            found.texts.append(_html_read(text, source, raw, t, found) if kind == "text/html" else text)
            found.texts_from_html |= kind == "text/html"
    else:
        name = visible(part.get_filename() or "") or kind  # said in messages: the sender's name writes no line of them
        line = _line_of(raw, name, part)
        attachment = Attachment(name, _payload(part, source, t, raw, line), line, kind,
                                part.get("Content-ID", "").strip().strip("<>"))
        named_text = kind == "application/octet-stream" and (part.get_filename() or "").lower().endswith(_TEXT_NAMES)
        if kind in _TEXT_KINDS or named_text:
            if texts:
                found.attached_texts.append((attachment, _text(part, source, t, raw, attachment.line, found.notes)))
        else:
            found.attachments.append(attachment)


def _html_of(alternative):
    """The HTML of an alternative: itself, or the root of the HTML with its
    pictures (multipart/related, as Outlook and Apple Mail send it), or None."""
    if alternative.get_content_type() == "multipart/related":
        alternative = next(alternative.iter_parts(), alternative)
    return alternative if alternative.get_content_type() == "text/html" else None


def _is_message_text(part):
    """Is this text part the message's own text: no file's name, or Exchange's for the text after an attachment?"""
    name = part.get_filename()
    return not name or bool(_EXCHANGE_TEXT.fullmatch(name))


def html_alternative(found, source, raw, t, noted=True):
    """The text of the HTML alternatives not read: where the plain part
    holds no notice (a tool's "Tämä viesti on HTML-muodossa"), or to tell
    whether they say the same (noted=False: how it was read is no note then)."""
    return "\n\n".join(_html_read(_text(part, source, t, raw, notes=found.notes if noted else None), source, raw, t,
                                  found, noted) for part in found.html_unread)


def _html_read(html, source, raw, t, found, noted=True):
    """The text of an HTML part, or a Problem at the line of the message
    where an element left open begins to hide the rest of it. What of it is
    not kept is noted in `found`; the pictures of its signature always are."""
    try:
        return html_to_text(html, found.html_left_out if noted else None, found.signature_pictures)
    except LeftOpen as left:
        # where it opens, counted among the same openings in the message (quoted-printable keeps "<style")
        starts = opened_at(raw, left.opening)
        line = raw[:starts[left.before]].count(b"\n") + 1 if left.before < len(starts) else 1
        raise Problem(source, line, t("mail_err_html_left_open", opening=left.opening, closing=left.closing,
                                      text=left.text)).as_error() from None


# Outlook's plain text names a picture of its HTML where it stood (and
# html_text does so too): no word of the text.
_PICTURE_NAMED = re.compile(r"\[cid:([^\]]*)\]")


def pictures_named(text):
    """The Content-IDs of the pictures `text` names where they stood."""
    return set(_PICTURE_NAMED.findall(text))


def without_picture_names(text):
    return _PICTURE_NAMED.sub("", text)


def first_difference(plain, html):
    """(line in `plain`, its words, the HTML's words) where the HTML first
    says other words than `plain` (their markup, lines and spaces aside, and
    what the HTML has around it), or None."""
    def words(text):
        return [(number, word.lower()) for number, line in enumerate(text.split("\n"), 1)
                for word in re.findall(r"\w+", _PICTURE_NAMED.sub(" ", line))]
    ours, theirs = words(plain), words(html)
    matcher = difflib.SequenceMatcher(None, [w for _n, w in ours], [w for _n, w in theirs], autojunk=False)
    steps = matcher.get_opcodes()
    for number, (kind, start, end, their_start, their_end) in enumerate(steps):
        # what the HTML has before and after the text (its greeting, signature, quoted history) is no difference
        if kind != "equal" and not (kind == "insert" and number in (0, len(steps) - 1)):
            line = ours[min(start, len(ours) - 1)][0] if ours else 1
            return (line, " ".join(w for _n, w in ours[start:end]),
                    " ".join(w for _n, w in theirs[their_start:their_end]))
    return None


def _text(part, source, t, raw, line=1, notes=None):
    """A text part's characters, strictly by its charset: a wrong byte is
    refused with a message, never published as a replacement character."""
    data = _payload(part, source, t, raw, line)
    declared = (part.get_content_charset() or "").lower()
    if not declared:
        return _undeclared(part, data, source, t, raw, line, notes)
    charset = _CHARSET_AS.get(declared, declared)
    try:
        codecs.lookup(charset)
    except LookupError:
        raise Problem(source, line, t("mail_err_charset", charset=declared)).as_error() from None
    try:
        text = data.decode("utf-8-sig" if codecs.lookup(charset).name == "utf-8" else charset)
    except UnicodeDecodeError as err:
        # The message's own word, at the line of the message where the text goes wrong.
        raise Problem(source, _bad_line(raw, data, err.start, line),
                      t("mail_err_unreadable", charset=declared.upper())).as_error() from None
    return _read(part, text, source, t)


def _undeclared(part, data, source, t, raw, line, notes):
    """8-bit text that names no charset (RFC 2045 would make it US-ASCII,
    which has no ä): UTF-8 if it reads so, else windows-1252 as mail
    programs read it, and the editor is told where, to check the letters."""
    try:
        return _read(part, data.decode("utf-8-sig"), source, t)
    except UnicodeDecodeError as err:
        at = _bad_line(raw, data, err.start, line)
    try:
        text = data.decode("windows-1252")
    except UnicodeDecodeError:
        raise Problem(source, at, t("mail_err_no_charset")).as_error() from None
    if notes is not None:
        notes.append(t("mail_read_as_1252", line=at))
    return _read(part, text, source, t)


def _read(part, text, source, t):
    text = decode(source, text.encode("utf-8"), t)  # its size and newlines, by the rule for any file
    if part.get_param("format", "").lower() == "flowed":
        text = _unflowed(text, part.get_param("delsp", "").lower() == "yes")
    return text


def _payload(part, source, t, raw, line):
    """A part's bytes, decoded from its transfer encoding. Base64 that lost
    characters on its way (a line not of whole groups of four) would be
    decoded to other bytes, or not at all: refused, at its line."""
    data = part.get_payload(decode=True) or b""
    if part.get("content-transfer-encoding", "").strip().lower() == "base64":
        damaged = next((text for text in part.get_payload().splitlines() if len(text.strip()) % 4), None)
        if damaged is not None or any(isinstance(d, errors.InvalidBase64LengthDefect) for d in part.defects):
            found = raw.find(damaged.strip().encode("ascii", "replace")) if damaged else -1
            at = raw[:found].count(b"\n") + 1 if found >= 0 else line
            raise Problem(source, at, t("mail_err_base64", kind=part.get_content_type())).as_error()
    return data


def _bad_line(raw, data, start, fallback):
    """The line of the message holding the text's line with the wrong byte
    (sent as it is, 8-bit), else `fallback`."""
    begin = data.rfind(b"\n", 0, start) + 1
    end = data.find(b"\n", start)
    chunk = data[begin:end if end >= 0 else len(data)].rstrip(b"\r")
    found = raw.find(chunk) if chunk.strip() else -1
    return raw[:found].count(b"\n") + 1 if found >= 0 else fallback


def _unflowed(text, delete_space):
    """RFC 3676: a line ending in a space goes on in the next one of the
    same quote depth (its `>` marks are no text to join); a leading space
    was added to protect the line. The signature line "-- " stays."""
    out, current, depth = [], None, 0
    for line in text.split("\n"):
        marks = len(line) - len(line.lstrip(">"))
        line = line[marks:]
        if line.startswith(" "):
            line = line[1:]
        if current is not None and marks != depth:  # a flowed line that ends its quotation
            out.append(_quoted(depth, current))
            current = None
        flowed = line.endswith(" ") and line != "-- "
        if flowed and delete_space:
            line = line[:-1]
        current, depth = line if current is None else current + line, marks
        if not flowed:
            out.append(_quoted(depth, current))
            current = None
    if current is not None:
        out.append(_quoted(depth, current))
    return "\n".join(out)


def _quoted(depth, line):
    return ">" * depth + (" " + line if depth and line else line)


def _boundary_line(raw, boundary):
    """The line of the message where `boundary` is declared, or 1."""
    found = re.search(rb'boundary\s*=\s*"?' + re.escape(boundary.encode("utf-8", "replace")), raw, re.IGNORECASE)
    return raw[:found.start()].count(b"\n") + 1 if found else 1


def _line_of(raw, name, part):
    """The line of the message where an attachment's name is given
    (`filename=` or `name=`), or 1. A name may be written encoded (RFC 2047's
    `=?utf-8?Q?...?=`, RFC 2231's `filename*0*=utf-8''...`): as in its headers."""
    written = [name] + [value for _header, raw_value in part.raw_items()
                        for value in re.findall(r'name\*?(?:0\*?)?=\s*"?([^";\s]+)', str(raw_value), re.IGNORECASE)]
    for text in written:
        found = re.search(rb'name\*?(?:0\*?)?=\s*"?' + re.escape(text.encode("utf-8", "replace")), raw)
        if found:
            return raw[:found.start()].count(b"\n") + 1
    return 1
