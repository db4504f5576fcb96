"""QR codes as inline SVG.

segno tries all eight masks and keeps the one with the fewest patterns that
could confuse a scanner; that takes ~40 ms a code in pure Python, too long
for every notice page of a large bulletin. Every mask gives a valid code, so
the codes printed small (a notice, the sheet) use one fixed mask, and only
the few printed large (the site's code, posters) are searched for the best.
"""
from functools import lru_cache

import segno
from markupsafe import Markup

FIXED_MASK = 0


@lru_cache(maxsize=None)
def qr_code(address, best=False):
    """The QR code of `address` as an <svg> sized by CSS, hidden from
    screen readers: the link beside it says the same."""
    code = segno.make(address, error="m", micro=False, **({} if best else {"mask": FIXED_MASK}))
    svg = code.svg_inline(scale=1, border=4, omitsize=True, svgclass="bl-qr__code", lineclass=None)
    return Markup(f'<span class="bl-qr" aria-hidden="true">{svg}</span>')
