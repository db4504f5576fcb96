"""Links and images in a notice's HTML made absolute for feed readers.

A feed item is read far from the site, so `kuva.jpg` or `/tilat/` would point
nowhere. The HTML is the sanitizer's output (attributes always in double
quotes), so a small pattern over the <a> and <img> tags is enough.
"""
import html
import re
from urllib.parse import urljoin

_TAG = re.compile(r'<(?:a|img)(?:\s+[^\s"\'>/=]+(?:="[^"]*")?)*\s*/?>')
_ADDRESS = re.compile(r'(\s(?:href|src)=")([^"]*)(")')


def absolute_links(fragment, base):
    """`fragment` with every href and src resolved against `base` (the notice's
    absolute address), as a browser on the notice page would resolve them."""
    def resolve(match):
        address = urljoin(base, html.unescape(match.group(2)))
        return match.group(1) + html.escape(address, quote=True) + match.group(3)

    return _TAG.sub(lambda tag: _ADDRESS.sub(resolve, tag.group(0)), fragment)
