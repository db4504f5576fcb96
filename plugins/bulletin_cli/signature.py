"""What a mail client or the sender adds after a notice's text: a signature
after "-- " (or a bare "--" over a short block that ends the text), a
phone's "Lähetetty iPhonesta", the message replied to or forwarded (with
its attribution, however wrapped, its separator or Outlook's rule), a
closing with a name and phone number, or with contact details and no phone.

These are dropped (and said to be, so nothing is lost without a word). A
phone number is never published without its owner's consent: where the
last lines hold one that may be the notice's own contact rather than a
signature, the notice is refused with that line named.

A reply's attribution names a day, a time or an e-mail address ("ke
2.12.2026 klo 10.15 Aila <aila@...> kirjoitti:", "On ... wrote:"); a
quotation in the notice itself ("Eino Leino kirjoitti:" over `>` lines)
names none, and it and what follows it are kept.
"""
import re
import unicodedata
from dataclasses import dataclass

# The standard delimiter "-- "; a bare "--" (an HTML mail's, whose space was
# trimmed) only above a short block that ends the mail: a "--" between
# paragraphs is the notice's own separator.
_DELIMITER = "-- "
_BARE_DELIMITER = "--"
_SIGNATURE_LINES = 6
# What phones and mail apps add under every message.
_CLIENT_LINE = re.compile(
    # with a full stop ("Lähetetty Samsung Galaxy -älypuhelimesta."), or an
    # apology after it: "Lähetetty iPhonesta. Pahoittelen kirjoitusvirheitä."
    r"^\s*(?:Lähetetty\s+(?:(?:iPhonesta|iPadista|.{0,40}?-?(?:älypuhelimesta|puhelimesta|tabletista))"
    r"(?:[.,!]\s.{0,60}|[.!])?"
    r"|Outlook\b.*|Windowsin\s+sähköposti.*|mobiililaitteesta.*"
    # any app's or device's: "Gmail-mobiilisovelluksesta", "Yahoo Mailista Androidille"
    r"|.{0,40}?(?:sovellu[ks]\w*|mobiili\w*|laitteesta|Mailista|Androidille|iOS:lle)\b.{0,40})"
    r"|Sent\s+from\s+(?:my\s+\S+.*|Outlook\b.*|Mail\s+for\s+Windows.*|Yahoo\s+Mail.*)"
    r"|(?:Get|Hanki)\s+\S+(?:\s+\S+)?\s+(?:for\s+(?:iOS|Android)|Androidille|iOS:lle)\b.*"
    # Swedish and Russian, the bulletin's other languages here
    r"|Skickat\s+från\s+(?:min\s+\S+.*|Outlook\b.*|E-post\s+för\s+Windows.*)"
    r"|Отправлено\s+(?:с|из|со|через)\s+\S.*)\s*$",
    re.IGNORECASE,
)
# The line before a quoted reply, in the languages mail clients here write.
_ATTRIBUTION = re.compile(r"\b(?:wrote|kirjoitti|skrev|написал\S*)\b.*:\s*$", re.IGNORECASE)
# A reply's attribution names when or from which address: a date, a time or
# an e-mail address, or it is "On ... wrote:" ("Den ... skrev:"). A quotation
# in the notice's own text ("Eino Leino kirjoitti:") has none of these.
_ATTRIBUTION_FACT = re.compile(r"@|\d{1,2}\s*[./-]\s*\d{1,2}\s*[./-]\s*\d{2,4}|\d{4}-\d{2}-\d{2}|"
                               r"\b\d{1,2}[.:]\d{2}\b|^\s*(?:On|Den|Am|Le)\s", re.IGNORECASE)
# The first line of an attribution that the mail client wrapped: a day
# ("ke 2.12.2026 klo 10.15 Name <address>", "On Wed, Dec 2, 2026 ... Name").
_ATTRIBUTION_START = re.compile(r"^\s*(?:(?:On|Den|Am|Le)\s+\S|(?:ma|ti|ke|to|pe|la|su|mon|tue|wed|thu|fri|sat|sun)"
                                r"\.?,?\s+\d|\d{1,2}\.\s*\d{1,2}\.\s*\d{2,4}|\d{4}-\d{2}-\d{2})", re.IGNORECASE)
# The line above an earlier message: quoted, or forwarded with its headers.
_ORIGINAL = re.compile(r"^\s*-{2,}\s*(?:Original Message|Alkuperäinen viesti|Ursprungligt meddelande)\s*-{2,}\s*$",
                       re.IGNORECASE)
_FORWARDED = re.compile(r"^\s*(?:-{2,}\s*(?:Forwarded message|Välitetty viesti|Edelleenlähetetty viesti|"
                        r"Vidarebefordrat meddelande|Weitergeleitete Nachricht)\s*-{2,}|"
                        r"(?:Begin forwarded message|Välitetty viesti alkaa|Vidarebefordrat brev)\s*:)\s*$",
                        re.IGNORECASE)
# A rule that Outlook draws above the headers of the message replied to.
_RULE = re.compile(r"^\s*(?:_{8,}|-{8,})\s*$")
# An Outlook reply: the quoted message starts with its headers, unquoted.
_OUTLOOK_FROM = re.compile(r"^\s*\**(?:From|Lähettäjä|Från):\**\s", re.IGNORECASE)
_OUTLOOK_SENT = re.compile(r"^\s*\**(?:Sent|Date|Lähetetty|Päivämäärä|Skickat):\**\s", re.IGNORECASE)
# Finnish phone numbers as written: 040 123 4567, 040-1234567, +358 40 123 4567, 05 123 4567,
# (040) 123 4567, +358 (0)40 123 4567, 040.123.4567 (a date, 05.12.2026, is none).
# Also 040/123 4567 (an area code's slash), 040–123 4567 (Word's en dash) and
# a number abroad (+46 70 123 45 67, +7 921 …).
PHONE = re.compile(r"(?<![\d+(])(?:(?:\+\s?358\s?(?:\(0\)\s?)?|\(0\d{1,3}\)\s?|0)(?:[ –-]?\d){6,11}"
                   r"|0\d{1,3}\.\d{3,4}\.\d{3,4}|0\d{1,3}\s?/\s?\d{3}[ -]?\d{2,4}"
                   r"|\+\s?(?!358)[1-9]\d{0,2}(?:[ -]?\d){6,12})(?!\d)")
_PHONE_LABEL = re.compile(r"^(?:(?:puh(?:elin)?(?:numero|nro)?|p|tel|gsm|mob(?:ile)?|matkapuh(?:elin)?|whatsapp)\.?"
                          r"(?:\s*/\s*)?)+:?\s*", re.IGNORECASE)
_CLOSING = re.compile(r"^(?:(?:ystävällisin\s+|parhain\s+|lämpimin\s+|hyvää\s+päivän\s+jatkoa\s*,?\s*)?terveisin|"
                      r"terveisiä|t\.|terv\.|yst\.\s*terv\.|kiitos|kiittäen|ystävällisesti|"
                      r"(?:best|kind|warm)\s+regards|regards|br|(?:med\s+)?vänlig(?:a)?\s+hälsning(?:ar)?|hälsningar|mvh|"
                      r"с\s+уважением|с\s+наилучшими\s+пожеланиями|всего\s+доброго|"
                      r"hyvää\s+päivänjatkoa|hyvää\s+jatkoa)(?=[\s,.!]|$)[,.!]?\s*", re.IGNORECASE)
# A word of a name: no sentence's full stop, but initials ("A.") and "r.y.".
_NAME_WORD = re.compile(r"^(?:[^\W\d_][\w'’-]*|[^\W\d_]\.|r\.y\.)$")
# "@", or as written to keep it from robots: (at), [at], (a).
_AT = r"(?:@|\s?[(\[](?:at|a|ät)[)\]]\s?)"
_EMAIL = re.compile(r"^<?[^@\s<>]+" + _AT + r"[^@\s<>]+\.[^@\s<>]+>?$", re.IGNORECASE)
# A sender's other contact details: a street address, a postal code and town, a web address.
_ADDRESS = re.compile(r"^(?:[^\W\d_][\w.'’-]*\s+){0,2}[^\W\d_][\w'’-]*(?:katu|tie|kuja|polku|raitti|parras|tori|"
                      r"rinne|ranta|väylä|kaari|mäki|linja|aukio|gatan|vägen|street|road)\s+\d+[^,]*"
                      r"(?:,\s*\d{5}\s+\S.*)?$|^\d{5}\s+[^\W\d_][\w -]*$|^(?:PL|PB|PO\s+Box)\s+\d+", re.IGNORECASE)
_HAS_EMAIL = re.compile(r"[^@\s<>(),;:\[\]]+" + _AT + r"[^@\s<>(),;:\[\]]+\.[^\W\d_]{2,}", re.IGNORECASE)
# A detail's label, before a colon or a space ("www." is an address's own start).
_DETAIL_LABEL = re.compile(r"^(?:sähköposti|s-?posti|sp\.?|e-?mail|e-?post|mail|osoite|kotisivu[t]?|verkkosivu[t]?"
                           r"|web|facebook|instagram)(?:\s*:\s*|\s+)", re.IGNORECASE)
# What one-line signatures put between name, role, phone and address.
_PARTS = re.compile(r"\s+[|/•·]\s+|\s*\|\s*")
_WEB = re.compile(r"^<?(?:https?://|www\.)\S+>?$", re.IGNORECASE)
# A list's footer: how the mail came ("Lähetetty postituslistalta X") or how
# to stop it ("Peru tilaus", "unsubscribe"), in the languages lists here write.
_UNSUBSCRIBE = re.compile(r"\b(?:lähetetty|lähetettiin)\s+(?:\S+\s+){0,3}(?:posti|sähköposti)?lista(?:lta|lle)\b"
                          r"|\bperu(?:a|uta|ttaa)?\s+(?:\S+\s+)?tilau|\btilauksen\s+(?:peru|lopet)|\blopeta\s+tilaus"
                          r"|\bunsubscribe\b|\bavsluta\s+prenumeration|\bavregistrera|\bотписаться",
                          re.IGNORECASE)
# What a mail server or an antivirus adds under every message: a disclaimer
# (its two parts both), "save paper", "virus-free".
_FOOTER = re.compile(r"luottamuksellis.*(?:erehdyksessä|vahingossa|väärälle vastaanottajalle)"
                     r"|confidential.*(?:intended|recipient|in error)|konfidentiell.*(?:mottagare|felaktigt)"
                     r"|säästä paperia|älä tulosta tätä|before printing|think before you print|tänk på miljön"
                     r"|\bvirus-?free\b|ilman virustartuntoja|virusten varalta|\bwww\.avast\.com\b", re.IGNORECASE)
_LINK = re.compile(r"https?://|www\.|@")
# A postscript's mark: PS., P.S., Ps:, PPS., P.P.S.
_POSTSCRIPT = re.compile(r"^\s*(?:p\.?\s?){1,2}s\b\.?\s*[:.,-]?(?=\s|$)", re.IGNORECASE)
# Words that ask the reader to call: the number is the notice's contact.
_CONTACT_WORDS = re.compile(r"lisätiet|yhteyshenk|yhteystie|ilmoittau|tiedustel|kysy|soita|varaukse",
                            re.IGNORECASE)


@dataclass
class Cut:
    """Lines dropped from a text (or a postscript moved to its end): the
    first one's index, and the lines."""
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
    """Is this line of a closing: a greeting, a name, a role, a phone, an
    address? Or all of them on one line between "|" (or " / ", "•")?"""
    text = line.strip()
    if not text:
        return True
    parts = _PARTS.split(text)
    if len(parts) > 1:
        return all(part.strip() and _signature_line(part) for part in parts)
    text = _CLOSING.sub("", text, count=1).strip()
    if not text or _contact_detail(text):
        return True
    without_phone = _PHONE_LABEL.sub("", PHONE.sub("", text).strip(" ,;")).strip(" ,;")
    if not without_phone:
        return True
    name, _comma, role = without_phone.partition(",")  # "Aila Virtanen, sihteeri"
    return _is_name(name) and not re.search(r"\d", role) and len(role.split()) <= 6


def _contact_detail(text):
    """An e-mail address, a street address or postal code, a web address,
    with or without its label ("Sähköposti: ...")."""
    text = _DETAIL_LABEL.sub("", text, count=1)
    return bool(_EMAIL.match(text) or _ADDRESS.match(text) or _WEB.match(text))


def _cut_at(lines, test):
    return next((i for i, line in enumerate(lines) if test(i, line)), None)


def split_signature(lines, list_addresses=()):
    """(the notice's lines, [Cut]) of a notice's text lines; `list_addresses`
    are the mailing list's own (its List-* headers). Raises Unsure.

    The rules read each line folded (_fold), so that a number with Apple's
    narrow spaces or a zero-width space slipped in is a number; what is
    kept and said is the line as sent (each folded line maps to its own)."""
    sent = list(lines)
    folded = [_fold(line) for line in sent]
    as_sent = {id(f): line for f, line in zip(folded, sent)}
    try:
        kept, cuts = _split(folded, list_addresses)
    except Unsure as unsure:
        raise Unsure(unsure.index, sent[unsure.index]) from None

    def back(part):
        return [as_sent.get(id(line), line) for line in part]
    return back(kept), [Cut(c.start, back(c.lines), c.why) for c in cuts]


def _fold(line):
    """NFKC (full-width digits and @, no-break spaces made plain) without
    invisible characters."""
    return "".join(c for c in unicodedata.normalize("NFKC", line) if unicodedata.category(c) != "Cf")


def _split(lines, list_addresses):
    cuts = []

    def cut(index, why):
        if index is not None:
            cuts.append(Cut(index, lines[index:], why))
            del lines[index:]

    lines = list(lines)
    cut(_list_footer(lines, list_addresses), "mail_dropped_list_footer")  # the last thing added to a mail
    cut(_footer_start(lines), "mail_dropped_client")  # a server's disclaimer, an antivirus's line
    postscripts = _take_postscripts(lines, _earlier_message(lines)[0])  # not the earlier message's own
    cut(_cut_at(lines, lambda i, line: line == _DELIMITER or (line.rstrip() == _BARE_DELIMITER
                                                                and _ends_in_short_block(lines, i))),
        "mail_dropped_signature")
    cut(_cut_at(lines, lambda i, line: _CLIENT_LINE.match(line)), "mail_dropped_client")
    cut(*_earlier_message(lines))
    _drop_blank_end(lines)
    cut(_trailing_quote(lines), "mail_dropped_quote")
    closing = _closing_start(lines)
    if closing is not None:
        cut(_with_rule_above(lines, _with_greeting_above(lines, closing)), "mail_dropped_closing")
    else:
        contact = _contact_closing_start(lines)
        contact = _contact_block_start(lines) if contact is None else contact
        cut(None if contact is None else _with_rule_above(lines, contact), "mail_dropped_closing_contact")
    _drop_blank_end(lines)
    cut(_trailing_quote(lines), "mail_dropped_quote")  # one that a closing below had hidden
    _drop_blank_end(lines)
    # Whatever stands under it (a wish, a footer no rule knows), a phone
    # number is never kept in the last lines without a word.
    last = [i for i, line in enumerate(lines) if line.strip()][-_SIGNATURE_LINES - 2:]
    phone = next((i for i in last if PHONE.search(lines[i])), None)
    if phone is not None:
        raise Unsure(phone, lines[phone])
    for index, postscript in postscripts:
        if any(c.start <= index for c in cuts):  # it stood under a signature: it ends the notice now
            lines += ["", *postscript]
            cuts.append(Cut(index, postscript, "mail_kept_postscript"))
        else:  # nothing taken above it: back in its place
            lines += [""] * (index - len(lines))
            lines[index:index + len(postscript)] = postscript
    return lines, sorted(cuts, key=lambda c: c.start)


def _take_postscripts(lines, before=None):
    """[(index, lines)] of each "PS." paragraph below the notice's first
    line, blanked in `lines`: the sender's own words to the readers, often
    written under the signature, which they must not hide or follow out.
    Raises Unsure for a phone number in one (it may be the contact)."""
    found, stop = [], len(lines) if before is None else before
    for index in range(1, stop):
        if _POSTSCRIPT.match(lines[index]):
            end = index
            while end < stop and lines[end].strip():
                end += 1
            phone = next((line for line in lines[index:end] if PHONE.search(line)), None)
            if phone is not None:
                raise Unsure(lines.index(phone, index), phone)
            found.append((index, lines[index:end]))
            lines[index:end] = [""] * (end - index)
    return found


def contact_lines(lines):
    """[(index, line)] of the lines that hold a phone number or an e-mail
    address: kept in a notice's text, they are published, and said to be."""
    return [(i, line) for i, line in enumerate(lines) if PHONE.search(_fold(line)) or _HAS_EMAIL.search(_fold(line))]


def _list_footer(lines, addresses):
    """Where a mailing list's footer starts: the paragraph (or the rule
    above it, Mailman's) that names one of the list's own addresses in the
    last lines, or says how to unsubscribe and where (a list that writes no
    List-* headers). "Liity listallemme" and a notice's "tilauksen voi
    perua" with no address to do it at are the notice's."""
    addresses = [a.lower() for a in addresses]
    filled = [i for i, line in enumerate(lines) if line.strip()][-_SIGNATURE_LINES - 2:]
    named = next((i for i in filled if any(a in lines[i].lower() for a in addresses)
                  or (_UNSUBSCRIBE.search(lines[i]) and _LINK.search(" ".join(_paragraph(lines, i))))), None)
    if named is None:
        return None
    start = named
    while start > 0 and lines[start - 1].strip() and not _RULE.match(lines[start]):
        start -= 1
    return start


def _footer_start(lines):
    """Where the paragraphs that an organisation's mail server or an
    antivirus adds under every message start, or None."""
    start = end = len(lines)
    while True:
        while end > 0 and not lines[end - 1].strip():
            end -= 1
        begin = end
        while begin > 0 and lines[begin - 1].strip():
            begin -= 1
        if begin == 0 or not _FOOTER.search(" ".join(lines[begin:end])):
            return start if start < len(lines) else None
        start = end = begin


def _paragraph(lines, index):
    start, end = index, index
    while start > 0 and lines[start - 1].strip():
        start -= 1
    while end < len(lines) and lines[end].strip():
        end += 1
    return lines[start:end]


def _trailing_quote(lines):
    """Where `>` lines that end the text start, when no line introduces
    them: a reply whose client wrote no attribution quotes the message
    replied to below the notice. A quotation the notice introduces
    ("Eino Leino kirjoitti:") or goes on after is the notice's own."""
    start = len(lines)
    while start > 0 and (lines[start - 1].startswith(">") or not lines[start - 1].strip()):
        start -= 1
    if start in (0, len(lines)) or _ATTRIBUTION.search(lines[start - 1]):
        return None  # no quotation at the end, the whole text one (read unquoted before), or introduced
    while not lines[start].strip():
        start += 1
    return start


def _ends_in_short_block(lines, index):
    """Is what follows lines[index] one block of a few lines that ends the
    text (a signature), not more paragraphs of the notice?"""
    rest = [line.strip() for line in lines[index + 1:]]
    while rest and not rest[0]:
        rest.pop(0)
    while rest and not rest[-1]:
        rest.pop()
    return len(rest) <= _SIGNATURE_LINES and all(rest)


def _drop_blank_end(lines):
    while lines and not lines[-1].strip():
        lines.pop()


def earlier_message_start(lines):
    """Where the message replied to or forwarded starts in `lines` (its
    attribution, its headers), or None."""
    return _earlier_message(lines)[0]


def _earlier_message(lines):
    """(where the message replied to or forwarded starts, the translation
    key saying which), or (None, None)."""
    for index, line in enumerate(lines):
        start, why = _earlier_message_at(lines, index)
        if start is not None:
            # Outlook's rule above the headers, and the blank lines between, go with them.
            above = start - 1
            while above >= 0 and not lines[above].strip():
                above -= 1
            if above >= 0 and _RULE.match(lines[above]):
                start = above
            return start, why
    return None, None


def _earlier_message_at(lines, index):
    line = lines[index]
    if _FORWARDED.match(line):
        return index, "mail_dropped_forward"
    if _ORIGINAL.match(line):
        return index, "mail_dropped_reply"
    following = [later for later in lines[index + 1:index + 4] if later.strip()]
    if _ATTRIBUTION.search(line) and following and following[0].startswith(">"):
        # A line the client wrapped: "ke 2.12.2026 klo 10.15 Name <address>" / "kirjoitti:".
        start = index
        for above in (index - 1, index - 2):
            if above < 0 or not lines[above].strip():
                break
            if lines[above].rstrip().endswith("<") or _ATTRIBUTION_START.match(lines[above]):
                start = above
                break
        if _ATTRIBUTION_FACT.search(" ".join(lines[start:index + 1])):
            return start, "mail_dropped_reply"
        return None, None  # a quotation in the notice ("Eino Leino kirjoitti:"), kept
    if _OUTLOOK_FROM.match(line) and following and _OUTLOOK_SENT.match(following[0]):
        return index, "mail_dropped_reply"
    return None, None


def _with_greeting_above(lines, start):
    """A closing's greeting alone in the paragraph above it ("Terveisin," /
    "" / "Aila 040 123 4567") goes with it."""
    above = start - 1
    while above >= 0 and not lines[above].strip():
        above -= 1
    if above > 0 and above < start - 1 and _closing_only(lines[above]):
        return above
    return start


def _with_rule_above(lines, start):
    """A rule drawn over a signature ("______", or a "--" over more lines
    than a short block) goes with it: left alone, it would be published."""
    above = start - 1
    while above > 0 and not lines[above].strip():
        above -= 1
    return above if above > 0 and (_RULE.match(lines[above]) or lines[above].rstrip() == _BARE_DELIMITER) else start


def _closing_only(line):
    text = line.strip()
    return bool(text) and bool(_CLOSING.match(text)) and not _CLOSING.sub("", text, count=1).strip()


def _contact_closing_start(lines):
    """Where a closing without a phone number starts: a greeting ("Terveisin",
    "t. Liisa") and a short block ending the text, with the sender's contact
    details (an e-mail or street address) or more than a name under it;
    None otherwise ("Terveisin / Aila" may be the notice's own signing)."""
    last = len(lines)
    while last and lines[last - 1].strip():
        last -= 1
    greeting = next((i for i in range(last, len(lines)) if _CLOSING.match(lines[i].strip())), None)
    if greeting is None:
        above = last - 1
        while above >= 0 and not lines[above].strip():
            above -= 1
        if above < 0 or above == last - 1 or not _closing_only(lines[above]):
            return None
        greeting = above
    if not any(line.strip() for line in lines[:greeting]):
        return None  # the whole text: not a closing under a notice
    own = _CLOSING.sub("", lines[greeting].strip(), count=1).strip()
    if own and not (own[0].isupper() and _closing_part(own)):
        return None  # "Kiitos kaikille osallistujille!": a sentence of the notice
    under = [line.strip() for line in lines[greeting + 1:] if line.strip()]
    if len(under) > _SIGNATURE_LINES or not all(_closing_part(line) for line in under):
        return None
    if len(under) >= 2 or any(_contact_detail(line) for line in [own, *under]):
        return greeting
    return None


def _contact_block_start(lines):
    """Where the sender's details end the text under no greeting, or under
    one not known ("Aurinkoisin terveisin", "-Maija", "Cheers"): the last
    lines of names, roles and details, one of them an e-mail address, which
    is never published without a word. Not when they, or the line above
    them, ask the reader to write ("Ilmoittautumiset:"): the notice's own."""
    start = len(lines)
    while start > 0 and lines[start - 1].strip() and _closing_part(lines[start - 1].strip()):
        start -= 1
    block = lines[start:]
    if not block or len(block) > _SIGNATURE_LINES or not any(_HAS_EMAIL.search(line) for line in block):
        return None
    before = next((lines[i] for i in range(start - 1, -1, -1) if lines[i].strip()), None)
    if before is None or any(_asks(line) for line in block):
        return None  # the whole text, or asking to write there
    return None if before.rstrip().endswith(":") or _CONTACT_WORDS.search(before) else start


def _asks(line):
    """Does the line ask the reader to write or call ("Liity listalle: ...",
    "Ilmoittautumiset ...")? A detail's own label ("Sähköposti:") does not."""
    label, colon, _rest = line.strip().partition(":")
    return bool(_CONTACT_WORDS.search(line) or colon and label
                and not (_DETAIL_LABEL.match(label + ":") or _PHONE_LABEL.fullmatch(label + ":")))


def _closing_part(text):
    """A line under a greeting: a name, a role, an association, contact
    details; no sentence of the notice."""
    return _signature_line(text) or (len(text) <= 60 and len(text.split()) <= 6
                                     and not text.endswith((".", "!", "?", ":")))


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
