"""Markdown to HTML that is safe to publish anywhere the content goes.

The body is rendered without raw-HTML passthrough features and then cleaned
by nh3 (Ammonia) against an allowlist, so whatever a submitter writes, the
result holds no script, no event handler and no element that loads another
site. Headings move one level down: the notice title is the page's only h1.
"""
import html
import re

import markdown
import nh3

TAGS = {
    "h2", "h3", "h4", "h5", "h6", "p", "br", "hr", "ul", "ol", "li", "strong", "em",
    "b", "i", "code", "pre", "blockquote", "table", "thead", "tbody", "tr", "th", "td",
    "a", "img", "abbr", "del", "sup", "sub",
}
ATTRIBUTES = {"a": {"href", "title"}, "img": {"src", "alt", "title"}, "abbr": {"title"}}
SCHEMES = {"http", "https", "mailto", "tel"}
_REMOTE = re.compile(r"^\s*(?:[a-z][a-z0-9+.-]*:|//)", re.IGNORECASE)


def _only_local_images(tag, attribute, value):
    # Images must come from the site itself: a remote image would tell another
    # server who reads the notice.
    if tag == "img" and attribute == "src" and _REMOTE.match(value):
        return None
    return value


_HEADING = re.compile(r"<(/?)h([1-5])>")


def _demote_headings(text):
    return _HEADING.sub(lambda m: f"<{m.group(1)}h{int(m.group(2)) + 1}>", text)


class Renderer:
    def __init__(self):
        self._md = markdown.Markdown(
            extensions=["tables", "fenced_code", "sane_lists"], output_format="html"
        )

    def __call__(self, text):
        self._md.reset()
        raw = self._md.convert(text)
        clean = nh3.clean(
            _demote_headings(raw),
            tags=TAGS,
            attributes=ATTRIBUTES,
            url_schemes=SCHEMES,
            link_rel="noopener noreferrer",
            attribute_filter=_only_local_images,
            strip_comments=True,
        )
        return clean


_PARAGRAPH = re.compile(r"<p>(.*?)</p>", re.DOTALL)
_TAG = re.compile(r"<[^>]+>")


def plain_text(fragment):
    return " ".join(html.unescape(_TAG.sub("", fragment)).split())


def first_paragraph(clean_html, limit=300):
    """Plain text of the first paragraph, cut at a word near `limit`."""
    match = _PARAGRAPH.search(clean_html)
    text = plain_text(match.group(1) if match else clean_html)
    if len(text) <= limit:
        return text
    return text[: limit - 1].rsplit(" ", 1)[0] + "…"
