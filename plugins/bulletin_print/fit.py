"""The poster's type size, chosen as the site is built from how much it
has to say, so that it is one A4 sheet.

A poster is pinned on a notice board: a second sheet is lost or never put
up, and with it the QR code. CSS cannot shrink text to fit a printed page,
and a script would not run for every reader who prints, so the poster's
texts are set in lines here, at each size class from the largest down,
and the first class whose poster fits the sheet is the poster's
(`bl-poster--1` … `bl-poster--5` in bulletin.css, whose sizes are SIZES).
Nothing is left out: a poster too long even in the smallest class (far
beyond a notice's usual length: every field at its limit fits in the
fourth) goes on to a second sheet, its code kept with its address.

The widths are those of a wide sans-serif (DejaVu Sans, the system font
of Debian's Chromium); narrower fonts only leave more room.
"""
from dataclasses import dataclass

PT_PER_MM = 72 / 25.4
SHEET_WIDTH = 180 * PT_PER_MM  # A4 less the print margins of bulletin.css (@page 15mm 15mm 18mm)
SHEET_HEIGHT = (297 - 15 - 18) * PT_PER_MM
ROOM = 0.97  # of the sheet's height: these widths are averages, a line may break earlier
# Character widths in em of DejaVu Sans and DejaVu Sans Bold: (regular, bold).
WIDTHS = {
    **dict.fromkeys(" ", (0.318, 0.348)),
    **dict.fromkeys("ijlI.,:;'!|", (0.3, 0.36)),
    **dict.fromkeys("ft()[]-/", (0.4, 0.47)),
    **dict.fromkeys("r", (0.411, 0.493)),
    **dict.fromkeys("\u2013\"\u201d?", (0.5, 0.55)),
    **dict.fromkeys("sz", (0.525, 0.59)),
    **dict.fromkeys("ckvxy", (0.59, 0.66)),
    **dict.fromkeys("aeoäåö", (0.615, 0.685)),
    **dict.fromkeys("bdghnpqu0123456789€", (0.636, 0.715)),
    **dict.fromkeys("w", (0.818, 0.924)),
    **dict.fromkeys("m", (0.974, 1.042)),
    **dict.fromkeys("MW", (0.93, 1.05)),
}
OTHER = (0.72, 0.8)  # capitals and the rest
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
        total += lines(poster["status"], s.when, BOLD) * s.when * LINE + 0.2 * s.when
    when = poster["when"] or [""]
    total += lines(when[0], s.when, BOLD) * s.when * LINE + 0.2 * s.when
    total += sum(lines(line, s.body, BOLD) * s.body * LINE for line in when[1:])
    total += lines(poster["where"], s.where, BOLD) * s.where * LINE + 0.2 * s.where
    for more in poster["more"]:
        total += lines(more, s.body) * s.body * LINE + 0.2 * s.body
    if poster["summary"]:
        total += lines(poster["summary"], s.body) * s.body * LINE + 0.4 * s.body
    qr = s.qr * PT_PER_MM
    beside = SHEET_WIDTH - qr - QR_GAP
    qr_text = (lines(poster["qr_text"], s.small, room=beside) + lines(poster["address"], s.small, room=beside))
    total += max(qr, qr_text * s.small * LINE) + 0.6 * s.body
    total += s.small * LINE + 0.4 * s.body  # the site's name
    return total


def poster_size(**poster):
    """The number of the largest size class at which the poster fits one
    sheet (the smallest when none does). `poster`: association, title,
    status, when (lines), where, more (lines: price, registration,
    accessibility), summary, qr_text, address."""
    poster = {"status": "", "more": [], "summary": "", **poster}
    poster["more"] = [m for m in poster["more"] if m]
    for size in SIZES:
        if height(size, poster) <= SHEET_HEIGHT * ROOM:
            return size.number
    return SIZES[-1].number
