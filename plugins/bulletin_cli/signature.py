"""What a mail client or the sender adds after a notice's text: a signature
after "-- ", a phone's "Lähetetty iPhonesta", the quoted message replied to,
a closing with a name and phone number.

These are dropped (and said to be, so nothing is lost without a word). A
phone number is never published without its owner's consent: where the
last lines hold one that may be the notice's own contact rather than a
signature, the notice is refused with that line named.
"""
import re
from dataclasses import dataclass

_DELIMITER = {"-- ", "--"}
# What phones and mail apps add under every message.
_CLIENT_LINE = re.compile(
    r"^\s*(?:Lähetetty\s+(?:iPhonesta|iPadista|.{0,40}?-?(?:älypuhelimesta|puhelimesta|tabletista)"
    r"|Outlook\b.*|Windowsin\s+sähköposti.*|mobiililaitteesta.*)"
    r"|Sent\s+from\s+(?:my\s+\S+.*|Outlook\b.*|Mail\s+for\s+Windows.*|Yahoo\s+Mail.*)"
    r"|(?:Get|Hanki)\s+Outlook\s+for\s+(?:iOS|Android)\b.*)\s*$",
    re.IGNORECASE,
)
# The line before a quoted reply, in the languages mail clients here write.
_ATTRIBUTION = re.compile(r"(?:\b(?:wrote|kirjoitti|skrev|написал\S*)\b.*:\s*$|^-{2,}\s*(?:Original Message|"
                          r"Alkuperäinen viesti|Ursprungligt meddelande)\s*-{2,}\s*$)", re.IGNORECASE)
# An Outlook reply: the quoted message starts with its headers, unquoted.
_OUTLOOK_FROM = re.compile(r"^\s*\**(?:From|Lähettäjä|Från):\**\s", re.IGNORECASE)
_OUTLOOK_SENT = re.compile(r"^\s*\**(?:Sent|Date|Lähetetty|Päivämäärä|Skickat):\**\s", re.IGNORECASE)
# Finnish phone numbers as written: 040 123 4567, 040-1234567, +358 40 123 4567, 05 123 4567.
PHONE = re.compile(r"(?<![\d+])(?:\+\s?358|0)(?:[ -]?\d){6,11}(?!\d)")
_PHONE_LABEL = re.compile(r"^(?:puh(?:elin)?|p|tel|gsm|mob(?:ile)?|matkapuh(?:elin)?)\.?:?\s*", re.IGNORECASE)
_CLOSING = re.compile(r"^(?:(?:ystävällisin\s+|parhain\s+|hyvää\s+päivän\s+jatkoa\s*,?\s*)?terveisin|t\.|terv\.|"
                      r"yst\.\s*terv\.|kiitos|best\s+regards|regards|br|med\s+vänliga\s+hälsningar|mvh|"
                      r"hyvää\s+päivänjatkoa|hyvää\s+jatkoa)(?=[\s,.!]|$)[,.!]?\s*", re.IGNORECASE)
# A word of a name: no sentence's full stop, but initials ("A.") and "r.y.".
_NAME_WORD = re.compile(r"^(?:[^\W\d_][\w'’-]*|[^\W\d_]\.|r\.y\.)$")
_EMAIL = re.compile(r"^<?[^@\s<>]+@[^@\s<>]+\.[^@\s<>]+>?$")
# Words that ask the reader to call: the number is the notice's contact.
_CONTACT_WORDS = re.compile(r"lisätiet|yhteyshenk|yhteystie|ilmoittau|tiedustel|kysy|soita|varaukse",
                            re.IGNORECASE)


@dataclass
class Cut:
    """Lines dropped from a text: the first one's index, and the lines."""
    start: int
    lines: list
    why: str  # a translation key: what the lines were


class Unsure(Exception):
    """A phone number in the last lines that may be the notice's contact."""

    def __init__(self, index, line):
        super().__init__(line)
        self.index, self.line = index, line


def _is_name(text):
    """A name ("Aila Virtanen", "Testikylän Eläkkeensaajat ry") or a role
    ("sihteeri"): a few words of letters, no sentence."""
    words = text.replace(",", " ").split()
    return (0 < len(words) <= 6 and all(_NAME_WORD.match(w) for w in words)
            and (text.strip()[0].isupper() or len(words) <= 3))


def _signature_line(line):
    """Is this line of a closing: a greeting, a name, a role, a phone, an address?"""
    text = line.strip()
    if not text:
        return True
    text = _CLOSING.sub("", text, count=1).strip()
    if not text or _EMAIL.match(text):
        return True
    without_phone = _PHONE_LABEL.sub("", PHONE.sub("", text).strip(" ,;")).strip(" ,;")
    if not without_phone:
        return True
    name, _comma, role = without_phone.partition(",")  # "Aila Virtanen, sihteeri"
    return _is_name(name) and not re.search(r"\d", role) and len(role.split()) <= 6


def _cut_at(lines, test):
    return next((i for i, line in enumerate(lines) if test(i, line)), None)


def split_signature(lines):
    """(the notice's lines, [Cut]) of a notice's text lines. Raises Unsure."""
    cuts = []

    def cut(index, why):
        if index is not None:
            cuts.append(Cut(index, lines[index:], why))
            del lines[index:]

    lines = list(lines)
    cut(_cut_at(lines, lambda i, line: line in _DELIMITER), "mail_dropped_signature")
    cut(_cut_at(lines, lambda i, line: _CLIENT_LINE.match(line)), "mail_dropped_client")
    reply = _cut_at(lines, lambda i, line: _quoted_reply_starts(lines, i))
    if reply and lines[reply - 1].rstrip().endswith("<"):  # the attribution wrapped in its address
        reply -= 1
    cut(reply, "mail_dropped_reply")
    _drop_blank_end(lines)
    cut(_closing_start(lines), "mail_dropped_closing")
    _drop_blank_end(lines)
    return lines, sorted(cuts, key=lambda c: c.start)


def _drop_blank_end(lines):
    while lines and not lines[-1].strip():
        lines.pop()


def _quoted_reply_starts(lines, index):
    following = [line for line in lines[index + 1:index + 4] if line.strip()]
    if _ATTRIBUTION.search(lines[index]):
        return lines[index].lstrip().startswith("-") or (following and following[0].startswith(">"))
    return bool(_OUTLOOK_FROM.match(lines[index]) and following and _OUTLOOK_SENT.match(following[0]))


def _closing_start(lines):
    """Where a closing with a phone number starts in the last lines, or None
    when they hold no phone number. Raises Unsure when the number may be
    the notice's own contact."""
    last = len(lines)
    while last and lines[last - 1].strip():
        last -= 1
    paragraph = range(last, len(lines))
    phones = [i for i in paragraph if PHONE.search(lines[i])]
    if not phones:
        return None
    start = len(lines)
    while start > last and _signature_line(lines[start - 1]):
        start -= 1
    closing = next((i for i in range(start, len(lines)) if _CLOSING.match(lines[i].strip())), None)
    if closing is not None:
        start = closing
    # "Lisätietoja:" just before a name and number asks the reader to call:
    # unless a greeting opens the closing, that is the notice's contact.
    before = next((lines[i] for i in range(start - 1, -1, -1) if lines[i].strip()), "")
    asks = closing is None and (before.rstrip().endswith(":") or _CONTACT_WORDS.search(before))
    if start > phones[0] or asks or any(_CONTACT_WORDS.search(lines[i]) for i in range(start, len(lines))):
        raise Unsure(phones[0], lines[phones[0]])
    return start
