"""A notice's picture for Open Graph (og:image): its first image, with an
absolute, percent-encoded address, since a messaging app fetches it far
from the page. The
HTML is the sanitizer's output (attributes in double quotes, images only
from the site), so a pattern over the <img> tags is enough."""
import html
import re
from urllib.parse import quote, urljoin

_IMG = re.compile(r'<img\s[^>]*>')
_ATTRIBUTE = re.compile(r'\s(src|alt)="([^"]*)"')


def first_image(content, page_address):
    """(absolute address, alt text) of the first image, or None."""
    tag = _IMG.search(content)
    if tag is None:
        return None
    attributes = {name: html.unescape(value) for name, value in _ATTRIBUTE.findall(tag.group(0))}
    if not attributes.get("src"):
        return None
    # percent-encoded (RFC 3986): a crawler sends the address as it stands,
    # and "kevätjuhla ä.jpg" is no address to it; an existing %xx stays
    address = quote(urljoin(page_address, attributes["src"]), safe=":/?#[]@!$&'()*+,;=%~")
    return address, attributes.get("alt", "")
