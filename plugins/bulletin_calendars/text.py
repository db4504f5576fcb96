"""A notice's HTML as plain text for a calendar's DESCRIPTION.

Calendar apps show DESCRIPTION as plain text, so paragraphs and list items
become lines and everything else is the text the reader sees.
"""
import html
import re

_BREAK = re.compile(r"<br\s*/?>", re.IGNORECASE)
_BLOCK_END = re.compile(r"</(?:p|h[1-6]|ul|ol|pre|blockquote|table|tr)>", re.IGNORECASE)
_ITEM = re.compile(r"<li[^>]*>", re.IGNORECASE)
_TAG = re.compile(r"<(?:[^>\"]|\"[^\"]*\")*>")
_BLANK_LINES = re.compile(r"\n{3,}")


def plain_text_blocks(fragment):
    # Line breaks in the HTML source are only spaces; the tags make the lines.
    text = _BREAK.sub("\n", " ".join(fragment.split()))
    text = _BLOCK_END.sub("\n\n", text)
    text = _ITEM.sub("\n- ", text)
    text = html.unescape(_TAG.sub("", text))
    lines = (" ".join(line.split()) for line in text.split("\n"))
    return _BLANK_LINES.sub("\n\n", "\n".join(lines)).strip()
