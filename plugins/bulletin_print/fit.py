"""The poster's type size, chosen as the site is built from how much it
has to say, so that it is one A4 sheet.

A poster is pinned on a notice board: a second sheet is lost or never put
up, and with it the QR code. CSS cannot shrink text to fit a printed page,
and a script would not run for every reader who prints, so the poster's
texts are set in lines here, at each size class from the largest down,
and the first class whose poster fits the sheet is the poster's
(`bl-poster--1` … `bl-poster--5` in bulletin.css, whose sizes are SIZES).
A poster too long even in the smallest class (far beyond a notice's usual
length) is cut, the least needed text first, each cut saying that it goes on on the
web, where the code leads; the title, time and place are cut last.

The widths are those of a wide sans-serif (DejaVu Sans, the system font
of Debian's Chromium), each the widest of its group, so that a line set
here is never shorter than the printed one; narrower fonts only leave
more room.
"""
from dataclasses import dataclass

PT_PER_MM = 72 / 25.4
SHEET_WIDTH = 180 * PT_PER_MM  # A4 less the print margins of bulletin.css (@page 15mm 15mm 18mm)
SHEET_HEIGHT = (297 - 15 - 18) * PT_PER_MM
ROOM = 0.97  # of the sheet's height: the browser rounds line heights and margins
# Character widths in em of DejaVu Sans and DejaVu Sans Bold: (regular, bold).
WIDTHS = {
    **dict.fromkeys("ijlìíîïı", (0.28, 0.36)),
    **dict.fromkeys(" \u00a0'", (0.32, 0.36)),
    **dict.fromkeys("IJÌÍÎÏ.,:;‘’·|/\\", (0.34, 0.4)),
    **dict.fromkeys("f-", (0.38, 0.44)),
    **dict.fromkeys("tŧ()[]!", (0.42, 0.48)),
    **dict.fromkeys("r", (0.42, 0.5)),
    **dict.fromkeys("\"–_*§°", (0.5, 0.54)),
    **dict.fromkeys("“”„?szšž", (0.54, 0.66)),
    **dict.fromkeys("cçčLF", (0.58, 0.7)),
    **dict.fromkeys("kvxyý", (0.6, 0.68)),
    **dict.fromkeys("aeàáâäåéèêëoòóôõöøðTŦ", (0.62, 0.7)),
    **dict.fromkeys("PYÝ«»", (0.62, 0.74)),
    **dict.fromkeys("bdghnpquüúùûñđŋßþ0123456789€$£{}ESŠÈÉÊË", (0.64, 0.74)),
    **dict.fromkeys("KABRVXZŽCČÇÀÁÂÃÄÅ", (0.7, 0.78)),
    **dict.fromkeys("UÙÚÛÜHNÑŊ", (0.76, 0.84)),
    **dict.fromkeys("DĐGOQÒÓÔÕÖØÐ&", (0.8, 0.88)),
    **dict.fromkeys("w#+<=>^~±×÷", (0.84, 0.94)),
    **dict.fromkeys("M", (0.88, 1.0)),
    **dict.fromkeys("m%", (0.98, 1.06)),
    **dict.fromkeys("WæÆ@©®—…", (1.0, 1.12)),
    # Cyrillic, each letter by its own width: measured all as Ж, a poster in Russian
    # was set a size or two smaller than it fits in
    **dict.fromkeys("гз", (0.54, 0.66)),
    **dict.fromkeys("сэ", (0.58, 0.7)),
    **dict.fromkeys("втухь", (0.6, 0.68)),
    **dict.fromkeys("ГТабекочяё", (0.62, 0.7)),
    **dict.fromkeys("Р", (0.62, 0.74)),
    **dict.fromkeys("ЕЁлр", (0.64, 0.74)),
    **dict.fromkeys("АБВЗСУХЬЭЯийнпц", (0.7, 0.78)),
    **dict.fromkeys("ИЙКЛНПЧдмъ", (0.76, 0.84)),
    **dict.fromkeys("О", (0.8, 0.88)),
    **dict.fromkeys("ДЦЪы", (0.84, 0.94)),
    **dict.fromkeys("МФфю", (0.88, 1.0)),
    **dict.fromkeys("Ыж", (0.98, 1.06)),
    **dict.fromkeys("шщ", (1.0, 1.12)),
    **dict.fromkeys("ЖШЩЮ", (1.1, 1.34)),
    # Ukrainian's own letters and apostrophe, and Greek (monotonic), each by its own width too
    **dict.fromkeys("ії", (0.28, 0.36)),
    **dict.fromkeys("ІЇʼΙΪιίϊΐ", (0.34, 0.4)),
    **dict.fromkeys("ґΊ", (0.54, 0.66)),
    **dict.fromkeys("єΓεζνξυχέύϋΰ", (0.58, 0.7)),
    **dict.fromkeys("λς", (0.6, 0.68)),
    **dict.fromkeys("ҐΤγδθοτό", (0.62, 0.7)),
    **dict.fromkeys("ΡΥΫκ", (0.62, 0.74)),
    **dict.fromkeys("ΕΞΣβημρή", (0.64, 0.74)),
    **dict.fromkeys("ЄΑΒΔΖΚΛΧασά", (0.7, 0.78)),
    **dict.fromkeys("ΗΝΠΆπφψ", (0.76, 0.84)),
    **dict.fromkeys("ΘΟΦΨΩΈ", (0.8, 0.88)),
    **dict.fromkeys("ΌΏωώ", (0.84, 0.94)),
    **dict.fromkeys("ΜΎ", (0.88, 1.0)),
    **dict.fromkeys("Ή", (0.98, 1.06)),
}
OTHER = (1.1, 1.25)  # the rest, rare here (Arabic, …): as wide as Cyrillic Ж

REGULAR, BOLD = 0, 1
LINE, TITLE_LINE = 1.3, 1.1
QR_GAP = 6 * PT_PER_MM


@dataclass(frozen=True)
class Size:
    """One size class, in points (the QR code in millimetres), as in bulletin.css."""
    number: int
    title: float
    when: float
    where: float
    body: float
    association: float
    small: float
    qr: float


SIZES = (
    Size(1, title=40, when=26, where=22, body=18, association=20, small=14, qr=70),
    Size(2, title=32, when=21, where=19, body=16, association=17, small=13, qr=62),
    Size(3, title=26, when=18, where=16, body=14, association=15, small=12, qr=55),
    Size(4, title=21, when=15, where=14, body=12, association=13, small=11, qr=48),
    Size(5, title=18, when=13.5, where=12.5, body=11, association=11.5, small=10, qr=42),
)


def width(text, size, weight=REGULAR):
    return size * sum(WIDTHS.get(c, OTHER)[weight] for c in text)


def lines(text, size, weight=REGULAR, room=SHEET_WIDTH):
    """How many lines `text` takes at `size` points in `room`: words
    wrapped whole, a word longer than a line broken anywhere."""
    count = 0
    space = width(" ", size, weight)
    for part in text.split("\n"):
        count += 1
        used = 0
        for word in part.split():
            wide = width(word, size, weight)
            if used and used + space + wide > room:
                count, used = count + 1, 0
            used += (space if used else 0) + wide
            while used > room:  # a word longer than a line
                count, used = count + 1, used - room
    return count


def height(size, poster):
    """The poster's height in points at `size`, its margins as in bulletin.css
    (collapsed: each block's own)."""
    s = size
    total = lines(poster["association"], s.association, BOLD) * s.association * LINE
    total += lines(poster["title"], s.title, BOLD) * s.title * TITLE_LINE + 0.35 * s.title
    if poster["status"]:
        total += lines(said(poster["status"]), s.when, BOLD) * s.when * LINE + 0.2 * s.when
    when = poster["when"] or [""]
    total += lines(when[0], s.when, BOLD) * s.when * LINE + 0.2 * s.when
    total += sum(lines(line, s.body, BOLD) * s.body * LINE for line in when[1:])
    total += lines(poster["where"], s.where, BOLD) * s.where * LINE + 0.2 * s.where
    for more in poster["more"]:
        total += lines(said(more), s.body) * s.body * LINE + 0.2 * s.body
    if poster["summary"]:
        total += lines(poster["summary"], s.body) * s.body * LINE + 0.4 * s.body
    qr = s.qr * PT_PER_MM
    beside = SHEET_WIDTH - qr - QR_GAP
    qr_text = (lines(poster["qr_text"], s.small, room=beside) + lines(poster["address"], s.small, room=beside))
    total += max(qr, qr_text * s.small * LINE) + 0.6 * s.body
    total += s.small * LINE + 0.4 * s.body  # the site's name
    return total


class Cut(str):
    """A text cut to fit, as printed: what is kept of it ending in "…"
    (`kept`, the writer's words on a notice's poster), then the site's
    "(jatkuu verkossa)" (`continued`), each to be marked in its own language."""

    def __new__(cls, kept, continued):
        cut = super().__new__(cls, f"{kept}… ({continued})")
        cut.kept, cut.continued = f"{kept}…", f"({continued})"
        return cut


@dataclass(frozen=True)
class Fitted:
    size: int  # the size class's number
    poster: dict  # the texts as printed, some perhaps cut


def poster_fit(continued, **poster):
    """The poster in the largest size class at which it fits one sheet,
    or cut to fit the smallest. `poster`: association, title, status
    (its banner and note), when (lines), where, more ((label, text, the
    writer's or the site's words): price, registration deadline,
    registration, accessibility), summary, qr_text, address;
    `continued` ends a cut text ("jatkuu verkossa")."""
    poster = {"status": None, "more": [], "summary": "", **poster}
    poster["more"] = [more for more in poster["more"] if more[1]]
    for size in SIZES:
        if fits(size, poster):
            return Fitted(size.number, poster)
    size = SIZES[-1]
    for key, index in _least_needed_first(poster):
        poster = _cut(size, poster, key, index, continued)
        if fits(size, poster):
            break
    return Fitted(size.number, poster)


def fits(size, poster):
    return height(size, poster) <= SHEET_HEIGHT * ROOM


def said(part):
    """A text with its label, `(label, text, …)`, as printed: "label text"."""
    return " ".join(filter(None, part[:2])) if isinstance(part, tuple) else part


def _least_needed_first(poster):
    """(key, index in a list or None) of each text that may be cut: what
    the notice's page says in full before the time and place."""
    if poster["summary"]:
        yield "summary", None
    for index in reversed(range(len(poster["more"]))):  # accessibility, registration, its deadline, price
        yield "more", index
    for index in reversed(range(1, len(poster["when"]))):  # days off and extra dates
        yield "when", index
    if poster["status"] and poster["status"][1]:  # its note; the banner stays
        yield "status", None
    for key in ("where", "title", "association"):
        yield key, None


def _cut(size, poster, key, index, continued):
    """`poster` with its text at `key` (and `index`) as long as still
    fits, cut at a space where there is one, ending in "… (continued)"."""
    part = poster[key] if index is None else poster[key][index]
    label, text = part[:2] if isinstance(part, tuple) else (None, part)

    def with_text(length):
        kept = text[:length]
        if length < len(text) and " " in kept:
            kept = kept[:kept.rindex(" ")]
        shown = Cut(kept.rstrip(), continued)
        shown = (label, shown, *part[2:]) if label is not None else shown
        if index is None:
            return {**poster, key: shown}
        return {**poster, key: [*poster[key][:index], shown, *poster[key][index + 1:]]}

    shortest, longest = 0, len(text)  # the longest length that fits, by halves
    while shortest < longest:
        middle = (shortest + longest + 1) // 2
        if fits(size, with_text(middle)):
            shortest = middle
        else:
            longest = middle - 1
    return with_text(shortest)
