"""A notice's picture for Open Graph (og:image): its first image, with an
absolute, percent-encoded address, since a messaging app fetches it far
from the page, and its size in pixels, so that the app can lay out the
preview before it has the picture. The
HTML is the sanitizer's output (attributes in double quotes, images only
from the site), so a pattern over the <img> tags is enough."""
import html
import re
from pathlib import Path
from urllib.parse import quote, unquote, urljoin

from PIL import Image, UnidentifiedImageError

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
    return encoded(urljoin(page_address, attributes["src"])), attributes.get("alt", "")


def encoded(address):
    """An absolute address percent-encoded (RFC 3986): a crawler sends the
    address as it stands, and "kevätjuhla ä.jpg" is no address to it; an
    existing %xx stays."""
    return quote(address, safe=":/?#[]@!$&'()*+,;=%~")


def image_size(address, site, content_path):
    """(width, height) of a picture of the site, read from its file in the
    content folder (a static file is published at its path there); None
    when the address is not one of those files."""
    if not address.startswith(f"{site}/"):
        return None
    root = Path(content_path).resolve()
    path = (root / unquote(address[len(site) + 1:].split("?")[0].split("#")[0])).resolve()
    if root not in path.parents or not path.is_file():
        return None
    try:
        with Image.open(path) as image:  # reads the header only
            return image.size
    except (OSError, UnidentifiedImageError):
        return None
