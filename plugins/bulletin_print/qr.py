"""QR codes as inline SVG.

segno tries all eight masks and keeps the one with the fewest patterns that
could confuse a scanner; that takes ~40 ms a code in pure Python, too long
for every notice page of a large bulletin. Every mask gives a valid code, so
the codes printed small (a notice, the sheet) use one fixed mask, and only
the few printed large (the site's code, posters) are searched for the best.

The SVG is segno's own (`svg_inline` with these options), drawn here from
its modules with a regular expression: segno's writer, a generator per
module, took a third of a code's time, and every current notice's page has
a code.
"""
import re
from functools import lru_cache

import segno
from markupsafe import Markup

FIXED_MASK = 0
BORDER = 4  # modules of light margin on each side, as the standard asks
_DARK_RUN = re.compile(rb"\x01+")


@lru_cache(maxsize=1024)  # a notice's code is drawn again on the weekly sheet, not later
def qr_code(address, best=False):
    """The QR code of `address` as an <svg> sized by CSS, hidden from
    screen readers: the link beside it says the same."""
    code = segno.make(address, error="m", micro=False, **({} if best else {"mask": FIXED_MASK}))
    return Markup(f'<span class="bl-qr" aria-hidden="true">{svg(code.matrix)}</span>')


def svg(matrix):
    """What segno's `svg_inline(scale=1, border=4, omitsize=True,
    svgclass="bl-qr__code", lineclass=None)` writes: each row's runs of dark
    modules as strokes one module high, each move relative to the end of the
    previous one."""
    size = len(matrix) + 2 * BORDER
    moves, x, y = [], 0, 0
    for row_y, row in enumerate(matrix, BORDER):
        for run in _DARK_RUN.finditer(row):
            start, end = run.span()
            moves.append(f"{'m' if moves else 'M'}{start + BORDER - x} {row_y - y if moves else row_y + .5}h{end - start}")
            x, y = end + BORDER, row_y
    return (f'<svg viewBox="0 0 {size} {size}" class="bl-qr__code">'
            f'<path stroke="#000" d="{"".join(moves)}"/></svg>')
