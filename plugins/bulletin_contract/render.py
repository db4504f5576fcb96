"""Markdown to HTML that is safe to publish anywhere the content goes.

Python-Markdown passes raw HTML through, so its output is cleaned by nh3
(Ammonia) against an allowlist: whatever a submitter writes, the result holds
no script, no event handler and no element that loads another site. The
checks in body_checks.py tell the submitter about what is dropped. Headings
start at h2: the notice title is the page's only h1.

The helpers here (`clean_html`, `plain_text`, `first_paragraph`,
`json_for_script`, and `dangerous_scheme` and `is_remote` for addresses) are
for every other place content reaches: listings, feeds, calendars, JSON-LD
and the search index.
"""
import functools
import html
import json
import re
import unicodedata
import xml.etree.ElementTree as etree
from html.parser import HTMLParser
from urllib.parse import unquote

import markdown
import nh3
from markdown.blockprocessors import HashHeaderProcessor
from markdown.inlinepatterns import DelimiterProcessor, InlineProcessor
from markdown.preprocessors import Preprocessor
from markdown.util import AtomicString
from markupsafe import Markup

TAGS = {
    "h2", "h3", "h4", "h5", "h6", "p", "br", "hr", "ul", "ol", "li", "strong", "em",
    "b", "i", "code", "pre", "blockquote", "table", "thead", "tbody", "tr", "th", "td",
    "a", "img", "abbr", "del", "sup", "sub",
}
ATTRIBUTES = {"a": {"href", "title"}, "img": {"src", "alt", "title"}, "abbr": {"title"}}
SCHEMES = {"http", "https", "mailto", "tel"}

# The direction overrides, embeddings and isolates: invisible, and they turn
# the text after them backwards (the checks refuse them in what is written).
BIDI_CONTROLS = "\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069"
# C0 controls but tab and newline, DEL, U+FFFE and U+FFFF: invisible, and
# not allowed in XML at all, so one in a notice would break the feeds. The
# direction controls too: `&#x202E;` is no control to the check, but is one
# once decoded.
_CONTROLS = re.compile(f"[\x00-\x08\x0b-\x1f\x7f{BIDI_CONTROLS}\ufffe\uffff]")
# Browsers drop tabs and newlines anywhere in an address, strip control
# characters and spaces around it, and read `\` as `/`: `/\evil.example`
# and `/<newline>/evil.example` both mean //evil.example.
_URL_IGNORED = re.compile(r"[\t\n\r]")
_REMOTE = re.compile(r"^(?:[a-z][a-z0-9+.-]*:|//)", re.IGNORECASE)


def address_as_browser_reads(value):
    """An address as a browser resolves it, for deciding where it leads."""
    value = _URL_IGNORED.sub("", value).strip("".join(map(chr, range(0x21))))
    return value.replace("\\", "/")


def is_remote(value):
    """Does the address point at another site (or another scheme)?"""
    return bool(_REMOTE.match(address_as_browser_reads(value)))


_SCHEME = re.compile(r"^([a-z][a-z0-9+.-]*):", re.IGNORECASE)


def scheme_left_out(value):
    """The scheme of an address that the sanitizer drops for it (`file`,
    `ftp`, `www.example.org` of `www.example.org:8080`), else None."""
    match = _SCHEME.match(address_as_browser_reads(value))
    return match.group(1).lower() if match and match.group(1).lower() not in SCHEMES else None


def address_unreadable(value):
    """Does the sanitizer drop the address as one it cannot read as an
    address at all (`https://`, a port past 65535, a `|` in the host)? It
    reads them by the URL standard, as browsers do."""
    kept = nh3.clean(f'<a href="{html.escape(value)}">x</a>', tags={"a"}, attributes={"a": {"href"}},
                     url_schemes=SCHEMES, link_rel=None)
    return "href" not in kept


DANGEROUS_SCHEMES = ("javascript", "vbscript", "data")
# White space, control and format characters: browsers skip some of them
# inside a scheme, and none belongs in one.
_INVISIBLE = re.compile(r"[\s\x00-\x1f\x7f-\x9f\xad\u200b-\u200f\u202a-\u202e\u2060-\u206f\ufeff]")
_MARKDOWN_ESCAPE = re.compile(r"\\([\\`*_{}\[\]()>#+\-.!])")


def dangerous_scheme(address):
    """`javascript`, `vbscript` or `data` when an address leads there however
    it is written (entities, percent-encoding, spaces or control characters
    inside, mixed case), else None."""
    text = address[:1000]  # a scheme is at the start, however padded
    for _ in range(4):  # double encodings unwrap too
        decoded = unquote(html.unescape(_MARKDOWN_ESCAPE.sub(r"\1", text)))
        if decoded == text:
            break
        text = decoded
    squeezed = _INVISIBLE.sub("", unicodedata.normalize("NFKC", text)).lower().lstrip("<")
    for scheme in DANGEROUS_SCHEMES:
        if squeezed.startswith(scheme + ":"):
            return scheme
    return None


def _safe_addresses(tag, attribute, value):
    # nh3 already drops schemes outside SCHEMES as a browser would parse them;
    # an address that only decodes (percent-encoding) to one goes too, for
    # whatever reads the HTML less carefully than a browser. Images must come
    # from the site itself: a remote image would tell another server who
    # reads the notice. Judged as clean_html leaves it: without the
    # controls that `/&#1;/evil.example` hides `//` with.
    value = _CONTROLS.sub("", value)
    if attribute in ("href", "src") and dangerous_scheme(value):
        return None
    if tag == "img" and attribute == "src" and is_remote(value):
        return None
    return value


_HEADING = re.compile(r"<(/?)h([1-6])>")


def _demote_headings(text):
    """The body's headings go under the page's h1 without skipping a level,
    whether the writer began with # or ##: people using screen readers move
    by heading level, and a gap looks like missing content."""
    outline = []  # (writer's level, level given) of the open sections

    def renumber(match):
        if match.group(1):  # a stray closing tag stays for nh3 to drop
            return f"</h{outline[-1][1]}>" if outline else match.group(0)
        level = int(match.group(2))
        while outline and outline[-1][0] >= level:
            outline.pop()
        outline.append((level, min(outline[-1][1] + 1 if outline else 2, 6)))
        return f"<h{outline[-1][1]}>"

    return _HEADING.sub(renumber, text)


_BRACKET = re.compile(r"[\[\]]")


@functools.lru_cache(maxsize=8)
def _bracket_partners(data):
    """Position of each `[` in `data` -> position of the `]` that closes it."""
    partners, open_at = {}, []
    for match in _BRACKET.finditer(data):
        if match.group() == "[":
            open_at.append(match.start())
        elif open_at:
            partners[open_at.pop()] = match.start()
    return partners


def _bracketed_text(data, index):
    """Python-Markdown's LinkInlineProcessor.getText (the text between `[`
    at index - 1 and the `]` that closes it) from one pass over the brackets
    of the paragraph, instead of a Python loop from each `[` to its `]`, or to
    the end of the paragraph when there is none: quadratic in the brackets."""
    close = _bracket_partners(data).get(index - 1)
    if close is None:
        return data[index:], len(data), False
    return data[index:close], close + 1, True


_LINK_PATTERNS = ("link", "image_link", "reference", "image_reference", "short_reference", "short_image_ref")


# A line that begins a list item, and one of text a list item may follow.
_ITEM = re.compile(r"[ ]{0,3}(?:[-*+]|1\.)[ ]+\S")
_ANY_ITEM = re.compile(r"^[ ]{0,3}(?:[-*+]|\d+\.)[ ]+\S")
_NUMBERED = re.compile(r"([ ]{0,3}\d+)\.(?=[ ]+\S)")
# A heading's marks: followed by a space or ending the line, as CommonMark
# and GitHub's preview read them; "#kesäleiri" is a hashtag, text.
_HEADING_LINE = re.compile(r"^#{1,6}(?:[ \t]|$)")
_TEXT = re.compile(r"(?![-*+][ ]|\d+\.[ ]|[><]|#{1,6}(?:[ ]|$))\S")


_QUOTE_MARK = re.compile(r"[ ]{0,3}>[ ]?")
_RULE = re.compile(r"^[ ]{0,3}(?:(?:-[ ]*){3,}|(?:_[ ]*){3,}|(?:\*[ ]*){3,})$")
_SETEXT = re.compile(r"^[ ]{0,3}(?:=+|-+)[ ]*$")  # under a text's first line: it is a heading
# A list item's own lines: Python-Markdown reads them as a text of their own
# once it has taken this off (tabs are spaces by now).
_NESTED = " " * 4


# A list's items as word processors, mail programs and phones write them,
# after the quote marks a line may begin with: a bullet (Word's "•", "o" and
# "▪" before a tab, the Symbol font's own bullets of older Word, "–"), and
# a number or a letter before ")". Read with tabs as spaces, as
# Python-Markdown reads them: a bullet "o" is one with a tab after it at the
# line's start, or two spaces.
_QUOTED = r"^((?:[ ]*>)*)[ ]*"  # one way only to read a line's spaces and marks: linear time
_BULLETS = r"•◦▪▫‣⁃∙·●○■□►▸➢✓✔–—\uf0a7\uf0b7\uf0d8\uf0fc"
_PASTED_BULLET = re.compile(_QUOTED + rf"(?:[{_BULLETS}][ ]|o[ ]{{2}})[ ]*(?=\S)")
# A bullet alone or an underline on the line under a list item's first
# line, at any depth: a nested item's lines are indented alike (_NESTED).
_LONE_MARK_UNDER_ITEM = re.compile(rf"^((?:{_NESTED})*)[ ]{{0,3}}(?:[-*+]|\d+\.)[ ]+\S[^\n]*\n"
                                   rf"\1[ ]{{0,3}}(?:-+|=+|[*+{_BULLETS}])[ ]*$")
_PASTED_NUMBER = re.compile(_QUOTED + r"([0-9]{1,9})\)[ ]+(?=\S)")
_PASTED_LETTER = re.compile(_QUOTED + r"[^\W\d_]\)[ ]+\S")
_TEXT_LINE = re.compile(_QUOTED + r"\w")
# A table's row without the row of dashes that makes a Markdown table of it:
# a table of a mail (html_text.py) or one typed so, its cells between " | ".
_CELLS_LINE = re.compile(_QUOTED + r"\w.*?[ ]\|[ ]")
_QUOTE_MARKS = re.compile(r"^(?:[ ]{0,3}>[ ]?)*")


# Word's bullet "o" and its tab after quote marks ("> o<tab>kahvi"): the tab
# is read as at a line's start, three spaces. Python-Markdown counts a tab
# from the line's start, where after "> " it is one space, and an "o" with one
# space after it is a word, not a bullet (_PASTED_BULLET).
_QUOTED_O_TAB = re.compile(r"^((?:[ ]*>)+[ ]*o)\t", re.MULTILINE)


def tabs_as_spaces(text):
    """The text with its tabs as spaces, as Python-Markdown reads the whole
    text before anything else, a pasted "o" bullet's in a quote as outside
    one. The one reading of tabs for the check, the form and the page."""
    return _QUOTED_O_TAB.sub(r"\1   ", text).expandtabs(4)


def lone_mark_under_item(previous, line):
    """Is `line` a bullet alone ("-", "•", "–") or an underline right under
    the first line of a list item, `previous` (both after their quote
    marks)? It is an item left empty or a line drawn: a line of its own on
    the page, not the item's underline (a heading "- kahvi") nor more of its
    text ("kahvi –"), at any depth of lists. The one rule for the check,
    the form and the page."""
    return bool(_LONE_MARK_UNDER_ITEM.match(f"{previous}\n{line}"))


def pasted_lists(lines):
    """The lines (as many) with the items of a pasted list as Markdown's: a
    bullet is "- " at the margin, and a list numbered "1)", "2)" is one
    numbered "1.", "2." (from 1, as Markdown's own: "3) kohta" stays as
    written). The one rule for the check, the form and the page."""
    kept, numbered = [], False  # numbered: the last line with text was an item of a numbered list
    for written in lines:
        line = written.expandtabs(4)  # as Python-Markdown reads it: the same verdict before and after
        bullet, number = _PASTED_BULLET.match(line), _PASTED_NUMBER.match(line)
        item = bool(number) and not bullet and (numbered or number.group(2) == "1")
        if bullet:
            line = bullet.group(1) + "- " + line[bullet.end():]
        elif item:
            line = f"{number.group(1)}{number.group(2)}. {line[number.end():]}"
        content = line[len(_QUOTE_MARKS.match(line).group()):]
        if content.strip():  # an item's indented lines go on in it
            numbered = item or numbered and content[:1] == " "
        kept.append(line if bullet or item else written)
    return kept


def _paragraphs_after_items(written, lines):
    """A line of text right under a pasted item (`written`, as `lines` read
    it) is a paragraph of its own, as Word and mail write a paragraph on a
    line, not more of the item, as Markdown would read it."""
    kept = []
    for index, line in enumerate(lines):
        marks = _QUOTE_MARKS.match(line).group()
        if index and lines[index - 1] != written[index - 1] and line == written[index] \
                and re.match(r"\w", line[len(marks):]):
            kept.append(marks.rstrip())
        kept.append(line)
    return kept


# Plain Finnish (selkokieli) is written a sentence or a phrase on a line, as
# its guidelines ask: the writer's line breaks are the text's.
LINE_BY_LINE = {"fi-x-selko"}


def _lines_kept(lines, every_line=False):
    """An item pasted with a letter ("a) kohta") or a number no list begins
    with is a line of its own on the page, as it was to the writer: a line
    break (two spaces) at the end of a line of text before it. So is a row
    of cells, and the line of text after it; and `every_line`, each line."""
    lines = list(lines)
    for index in range(1, len(lines)):
        row_apart = _CELLS_LINE.match(lines[index]) or (_CELLS_LINE.match(lines[index - 1]) or every_line) \
            and _TEXT_LINE.match(lines[index])
        if (_PASTED_LETTER.match(lines[index]) or _PASTED_NUMBER.match(lines[index]) or row_apart) \
                and _TEXT_LINE.match(lines[index - 1]):
            lines[index - 1] = lines[index - 1].rstrip() + "  "
    return lines


class _ListsAsWritten(Preprocessor):
    """Lists where a writer means them. Runs after the fenced code is put
    aside.

    A list may begin right under a line of text, as it does on GitHub
    (CommonMark), where a submitter previews a notice: "Ohjelma:" and
    "- kahvi" on the next line was a list there and one run-on line here.
    So does one right under a table: it was a row of the table here.

    A numbered list begins at 1: a paragraph that begins "12. joulukuuta" or
    "50. toimintavuosi" is a Finnish date or ordinal, and was a list item
    numbered 1 (the sanitizer keeps no `start`), the next such paragraph
    item 2. Its number is kept as text; inside a list, "2." goes on.

    A quote's text and a list item's indented lines follow the same rules:
    Python-Markdown reads them as a text of their own once it has taken the
    `>` or the indentation off, so a nested list begins at 1 too."""

    def run(self, lines):
        lines = _lines_kept(_paragraphs_after_items(lines, pasted_lists(lines)), self.md.every_line)
        return [line for _, line in _as_written(lines, self.md.htmlStash.store)]


def _as_written(lines, stash):
    """(index in `lines`, or None for a blank line put in; the line to read)
    of each line. `stash` puts a number aside as text: a backslash before
    its dot would show in a code span that goes on over the line."""
    kept, paragraph, in_list = [], None, False  # paragraph: the first line of the one going on
    in_code, second, after_blank = False, False, True  # second: the line after a block's first
    index = 0
    while index < len(lines):
        line = lines[index]
        if _QUOTE_MARK.match(line):
            end = _quote_end(lines, index)
            kept += [(None if at is None else index + at, text) for at, text in _quoted(lines[index:end], stash)]
            in_list = in_list and paragraph is not None  # a quote in a list item's lines is the item's
            paragraph, index = None, end
            continue
        if in_list and line.startswith(_NESTED):
            end = _nested_end(lines, index)
            nested = _as_written([line[len(_NESTED):] for line in lines[index:end]], stash)
            apart = _around_lone_marks(nested)
            kept += [(None if at is None else index + at, text if n in apart else _NESTED + text)
                     for n, (at, text) in enumerate(nested)]
            if apart and end < len(lines) and _ITEM.match(lines[end]):
                kept.append((None, ""))  # the next item is this list's after a blank line too, not the nested one's
            paragraph, index, second, after_blank = paragraph or line, end, False, False
            continue
        kept.append((index, line))
        index += 1
        if not line.strip():
            paragraph, in_code, after_blank = None, False, True
            continue
        if in_code and not line.startswith(_NESTED):
            paragraph, in_code = None, False  # the code block ends, a block begins
        elif paragraph is None and not in_list and line.startswith(_NESTED):
            in_code = True
        if not in_list and _NUMBERED.match(line) and not _ITEM.match(line):
            number = _NUMBERED.match(line)
            line = stash(number.group(1)) + line[number.end(1):]
            kept[-1] = (kept[-1][0], line)
        if _ANY_ITEM.match(line):
            in_list = True
        elif paragraph is None and after_blank and not line.startswith(" "):
            in_list = False  # a paragraph of text, not an item's indented part
        was_second, second = second, paragraph is None
        if paragraph is None:
            paragraph = line
        # under a table's rows too (its separator may begin "- |")
        elif _ITEM.match(line) and _TEXT.match(paragraph) and not (was_second and paragraph.lstrip().startswith("|")):
            kept.insert(-1, (None, ""))
            paragraph = line
        elif in_list and index > 1 and lone_mark_under_item(lines[index - 2], line):  # after the list
            kept[-1:] = [(None, ""), (index - 1, line.rstrip())]  # "- " is no empty item either
            paragraph, was_second, second, in_list = line, False, True, False
        # a heading or a rule is a block of its own, and ends a list; an
        # underline ends its heading: what follows them begins a paragraph
        if not in_code and (_HEADING_LINE.match(line) or _RULE.match(line) or was_second and _SETEXT.match(line)):
            paragraph, second, in_list = None, False, in_list and line.startswith(" ")
        after_blank = False
    return kept


def _around_lone_marks(entries):
    """The indices of the blank lines put in (_as_written's entries) before
    a bullet alone under a list item (lone_mark_under_item) and after it.
    In a list item's lines they stay empty: one of spaces is no blank line
    to Python-Markdown, and the bullet would go on in the item's text, the
    next item in the bullet's line."""
    apart = set()
    for n in range(1, len(entries) - 1):
        if entries[n][0] is None and lone_mark_under_item(entries[n - 1][1], entries[n + 1][1]):
            apart.update(at for at in (n, n + 2) if at < len(entries) and entries[at][0] is None)
    return apart


def _nested_end(lines, start):
    """End of the list item's indented lines that begin at lines[start],
    with the blank lines between them."""
    end = start
    while end < len(lines) and (lines[end].startswith(_NESTED) or not lines[end].strip()):
        end += 1
    while not lines[end - 1].strip():
        end -= 1
    return end


def _quote_end(lines, start):
    """End of the quote that begins at lines[start]: its lines, lazy ones
    without `>` too, up to a blank line that no quoted line follows."""
    end = start
    while end < len(lines):
        if lines[end].strip():
            end += 1
            continue
        following = end
        while following < len(lines) and not lines[following].strip():
            following += 1
        if following == len(lines) or not _QUOTE_MARK.match(lines[following]):
            break
        end = following
    return end


def _quoted(lines, stash):
    marks = [_QUOTE_MARK.match(line) for line in lines]
    marks = [mark.group() if mark else "" for mark in marks]  # "": a lazy line, the quote's all the same
    texts = [line[len(mark):] for line, mark in zip(lines, marks)]
    return [(at, (">" if at is None else marks[at]) + text) for at, text in _as_written(texts, stash)]


class _Emphasis(DelimiterProcessor):
    """Python-Markdown's emphasis (`*` and `_`), each pair put where it is.

    It finds the pairs of a text at once and hands them out one by one as
    the text is rewritten around them, each placed from the `*` or `_` that
    asked for it. A lone one between two pairs ("*Huom _tänään_ * _(ma)_")
    asked first and put the next pair off by its distance: a word lost or
    said twice, markers shown. Here a pair is placed from the text after
    the pair handed out before it, which the rewriting leaves as it was."""

    def handleMatch(self, m, data):
        if self.regions and not data.endswith(self._rest):
            return None, None, None  # the text of a pair handed out: its pairs were found with the whole
        self._offset = len(data) - len(self._rest) - self._end if self.regions else 0
        element, start, end = super().handleMatch(m, data)
        if element is not None:
            self._rest, self._end = data[end:], end - self._offset
        return element, start, end

    def search(self, data, start):
        found = super().search(data, start)
        if found is not None:
            self._pass_openers_by(found)
        return found

    def _pass_openers_by(self, closer):
        """A closer the opener on top may not pair with (the rule of 3:
        "**" before "*" in "*Huom**tärkeä*ja") pairs with one under it of
        its own size, as the rule of 3 says. Python-Markdown finds that one
        but takes the top one all the same, two characters for a closer of
        one: a character after it was lost. The ones passed by are text, as
        CommonMark has them."""
        stack, size = self.delimiters[closer.group(0)[0]].stack, len(closer.group(0))
        if closer.lastgroup != "ambiguous" or not stack or stack[-1][-1] == size \
                or not self.rule_of_3(stack[-1][3], size):
            return
        for index in range(len(stack) - 2, -1, -1):  # as Python-Markdown looks for it
            if stack[index][-1] == size and not self.rule_of_3(stack[index][3], size):
                while len(stack) > index + 1:
                    stack.pop()
                return

    def get_cached_result(self, pos, data):
        start, end = self.regions[self.cache_index][0], self.regions[self.cache_index][3]
        element, count = self._build_element(data, self.cache_index, self._offset)
        self.increment_next_position(start, count)
        return element, start + self._offset, end + self._offset


class _HashHeading(HashHeaderProcessor):
    """Python-Markdown's heading, only where _HEADING_LINE finds one: it took
    "#kesäleiri #kipinä" under a line of text for a heading, its first "#"
    lost, the line the only heading of the notice."""
    RE = re.compile(r"(?:^|\n)(?P<level>#{1,6})(?=[ \t\n]|$)(?P<header>(?:\\.|[^\\#]|#+(?=[^#\n]))*?)#*(?:\n|$)")


# A web or e-mail address written bare, as GitHub links it (its extended
# autolinks), where submitters preview: not inside a word, another address
# or an attribute's value (nor after a letter of one: from each, the search
# was quadratic). The sentence's punctuation after it is no part of it.
_BARE_ADDRESS = (r"(?<![\w@/.:'\"=&+-])(?:(?:https?://|www\.)[^\s<>\"'`\x02\x03]+"
                 r"|[\w.+-]+@[\w-]+(?:\.[\w-]+)+)")
_ADDRESS_PUNCTUATION = re.compile(r"[.,:;!?*_~]+$")


def _address_as_meant(address):
    """`address` without the punctuation after it, and without a closing
    parenthesis it did not open ("(katso https://a.fi)"); None when nothing
    of an address is left ("www.")."""
    while True:
        trimmed = _ADDRESS_PUNCTUATION.sub("", address)
        if trimmed.endswith(")") and trimmed.count(")") > trimmed.count("("):
            trimmed = trimmed[:-1]
        if trimmed == address:
            return None if address.lower() in ("http://", "https://", "www") else address
        address = trimmed


def _href(address):
    if re.match(r"https?://", address, re.IGNORECASE):
        return address
    # "www.…" is given its scheme, though an address in its query has one
    return "https://" + address if address[:4].lower() == "www." else "mailto:" + address


_BARE_ADDRESSES = re.compile(_BARE_ADDRESS)


def with_links(text):
    """A field's plain text (how to register) as HTML, the web and e-mail
    addresses written bare in it links as in a notice's text."""
    parts, at = [], 0
    for match in _BARE_ADDRESSES.finditer(text):
        address = _address_as_meant(match.group(0))
        if address:
            parts += [html.escape(text[at:match.start()]),
                      f'<a href="{html.escape(_href(address))}">{html.escape(address)}</a>']
            at = match.start() + len(address)
    return Markup(clean_html("".join(parts) + html.escape(text[at:])))


class _BareAddress(InlineProcessor):
    """"Hakulomake: https://…" a link, not text to copy on a phone."""
    ANCESTOR_EXCLUDES = ("a",)

    def handleMatch(self, m, data):
        address = _address_as_meant(m.group(0))
        if not address:
            return None, None, None
        link = etree.Element("a")
        link.set("href", _href(address))
        link.text = AtomicString(address)
        return link, m.start(0), m.start(0) + len(address)


class Renderer:
    """Markdown text to sanitized HTML. Call it on checked text
    (body_checks.check_markdown): its limits keep Python-Markdown fast."""

    def __init__(self):
        self._md = markdown.Markdown(
            extensions=["tables", "fenced_code", "sane_lists"], output_format="html"
        )
        self._md.preprocessors.register(_ListsAsWritten(self._md), "lists_as_written", 15)
        self._md.parser.blockprocessors.register(_HashHeading(self._md.parser), "hashheader", 70)
        self._md.inlinePatterns.register(_Emphasis("*", "strong,em", self._md), "em_strong", 60)
        # after the links written as such (<https://…> at 120), before e-mail addresses
        self._md.inlinePatterns.register(_BareAddress(_BARE_ADDRESS, self._md), "bare_address", 115)
        self._md.delimiters.add("_", "strong,em", smart=True)  # as Python-Markdown adds it
        for name in _LINK_PATTERNS:
            self._md.inlinePatterns[name].getText = _bracketed_text

    def __call__(self, text, lang=None):
        """`lang`: the text's language tag; plain Finnish keeps its lines."""
        self._md.reset()
        self._md.every_line = lang in LINE_BY_LINE
        raw = self._md.convert(tabs_as_spaces(_CONTROLS.sub("", text)))
        return clean_html(_demote_headings(raw))


def clean_html(fragment):
    """Any HTML to the allowlist: the one sanitizer every output goes through."""
    # nh3 decodes character references: `&#1;` is a control character again
    return _CONTROLS.sub("", nh3.clean(
        fragment,
        tags=TAGS,
        attributes=ATTRIBUTES,
        url_schemes=SCHEMES,
        link_rel="noopener noreferrer",
        attribute_filter=_safe_addresses,
        strip_comments=True,
    ))


class _TextCollector(HTMLParser):
    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.parts = []

    def handle_data(self, data):
        self.parts.append(data)

    def handle_starttag(self, tag, attrs):
        if tag in ("br", "p", "li", "td", "th", "h2", "h3", "h4", "h5", "h6", "blockquote", "pre"):
            self.parts.append(" ")


def plain_text(fragment):
    """Text of an HTML fragment on one line, entities decoded, no markup.

    The result is text, not HTML: escape it where it goes (autoescape does
    in templates; XML and iCalendar writers do their own quoting).
    """
    collector = _TextCollector()
    collector.feed(fragment)
    collector.close()
    return _CONTROLS.sub("", " ".join("".join(collector.parts).split()))


_PARAGRAPH = re.compile(r"<p>(.*?)</p>", re.DOTALL)


def first_paragraph(clean_html, limit=300):
    """Plain text of the first paragraph with text, cut at a word near
    `limit`: a poster first is a paragraph of its image alone."""
    texts = (plain_text(match.group(1)) for match in _PARAGRAPH.finditer(clean_html))
    text = next((text for text in texts if text), None)
    if text is None:
        text = plain_text(clean_html)
    if len(text) <= limit:
        return text
    return text[: limit - 1].rsplit(" ", 1)[0] + "…"


_SCRIPT_UNSAFE = {
    ord("<"): "\\u003c", ord(">"): "\\u003e", ord("&"): "\\u0026",
    0x2028: "\\u2028", 0x2029: "\\u2029",
}


def json_for_script(value):
    """JSON to put inside <script type="application/ld+json"> (or any script
    element): `<`, `>`, `&` and the line separators become \\u escapes, which
    a JSON parser reads back as the same characters but which can never end
    the element or start a comment, whatever a notice says."""
    return Markup(json.dumps(value, ensure_ascii=False).translate(_SCRIPT_UNSAFE))
