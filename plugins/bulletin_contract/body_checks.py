"""Checks on Markdown text: notice bodies, content pages, association descriptions.

The sanitizer (render.py) already makes any text safe to publish. These
checks say out loud, with the line, what it would silently drop (raw HTML,
`javascript:` links, images from other sites), so the submitter can write
what they meant and an editor reviewing a pull request sees a crafted link
in the middle of a long text. They also keep the text within limits that
keep Python-Markdown fast: several of its parsers take time quadratic in
the brackets of a paragraph or the depth of nesting.

Text inside code spans and code blocks is shown as it is written, so it is
not checked: a notice may talk about `<script>`.
"""
import bisect
import html
import os
import posixpath
import re
from dataclasses import dataclass
from urllib.parse import unquote, urlsplit

import markdown
from markdown.inlinepatterns import AUTOLINK_RE, AUTOMAIL_RE, BACKTICK_RE, HTML_RE, BacktickInlineProcessor
from markdown.util import BLOCK_LEVEL_ELEMENTS

from .marks import MAX_STACKED_MARKS, stacked_marks
from .problems import Problem
from .render import (_HEADING_LINE, _MARKDOWN_ESCAPE, _RULE, _SETEXT, BIDI_CONTROLS as _BIDI, address_unreadable, dangerous_scheme,
                     is_remote, lone_mark_under_item, pasted_lists, scheme_left_out, tabs_as_spaces)
from .slugs import ADDRESS, address_lookalike

MAX_BODY_CHARS = 20_000  # ten times the longest example notice
MAX_NESTING = 8  # quotes (>) and lists inside each other on one line
MAX_BLOCK_LINES = 200  # lines without a blank line between (a list, a table)
MAX_MARKUP = 100  # [ < { and ` runs in one paragraph, list item or table row
# Python-Markdown's HTML reader looks from each `<a` (a `<` and a letter) as
# far as a tag's attributes could go, over paragraphs and indented code too:
# time quadratic in them.
MAX_TAG_OPENINGS = 200  # in the whole text but fenced code
# Its rule for a link definition tries a title from each quote and bracket
# of the line to the line's end.
MAX_DEFINITION_MARKS = 10

_FENCE_OPEN = re.compile(
    r"^(?P<fence>~{3,}|`{3,})[ ]*(?:\{(?P<attrs>[^\n]*)\}|\.?[\w#.+-]*[ ]*"
    r"(?:hl_lines=(\"|').*?\3[ ]*)?)$"
)
_QUOTES = re.compile(r"^(?:[ ]{0,3}>[ ]?)+")
_CONTAINER = re.compile(r"[ ]*(?:>[ ]?|(?:[*+-]|\d+\.)[ ]+)")
_LIST_ITEM = re.compile(r"^[ ]{0,3}(?:[*+-]|\d+\.)[ ]+")
# The quote marks and list item markers a line begins with: Python-Markdown
# reads what follows them as a text of its own, a table there too.
_CONTAINERS = re.compile(r"^(?:[ ]*(?:>[ ]?|(?:[*+-]|\d+\.)[ ]+))*")
# Python-Markdown's own rule for inline HTML, and its rule for an HTML block:
# at the start of a line, a block-level tag (closed or not), a comment's
# opening, a declaration (<!doctype …>, <![CDATA[ …) or a processing
# instruction (<? …). It takes them out before it reads anything else, so
# they are gone from the page even inside a code span that goes on over
# the line.
_HTML = re.compile(HTML_RE, re.DOTALL)
_HTML_BLOCK = re.compile(
    r"^[ ]{0,3}<(/?(?:%s)(?=[\s/>]|$)|!--|!doctype|!\[CDATA\[|\?)" % "|".join(BLOCK_LEVEL_ELEMENTS),
    re.MULTILINE | re.IGNORECASE
)
_COMMENT_OPEN = re.compile(r"<!--")
_TAG_NAME = re.compile(r"/?[A-Za-z][^\s/>]*")
_AUTOLINK = re.compile(r"<([^\s<>]*:[^\s<>]*)>")
# An address in angle brackets with a space (`[a](<https://x.fi/a b>)`):
# Python-Markdown reads it as a tag, but it was meant as an address.
_SPACED_ADDRESS = re.compile(r"<([A-Za-z][A-Za-z0-9+.-]*:[^<>]*)>")
_MARKDOWN_AUTOLINK = re.compile(f"{AUTOLINK_RE}|{AUTOMAIL_RE}")
# A definition may stand inside quotes and list items too: Python-Markdown
# reads them there once it has taken the `>` or the indentation off. Its
# address ends the line, or a title in quotes or brackets follows it
# (Python-Markdown's ReferenceProcessor.RE, read as far as one look ahead
# goes, as its own pattern takes time quadratic in a long line): a line
# such as "[Paikka]: Kerhohuone Imatralla" is text on the page.
_REFERENCE = re.compile(
    r"^(?:[ ]*(?:>|[*+-](?=[ ])|\d+\.(?=[ ]))[ ]?)*[ ]*\[([^\[\]\n]*)\]:[ ]*\n?[ ]*(?:<([^>\s]*)>|(\S+))"
    r"(?=[ ]*(?:$|[\"'(]))",
    re.MULTILINE,
)
# A definition's title may stand on the line under it: Python-Markdown
# takes "(Kerhohuone)" or a line in quotes there for the link's title, gone
# from the page.
_TITLE_LINE = re.compile(r"""[ ]*\n[ ]*(?:(["']).*\1|\(.*\))[ ]*(?=\n|$)""")
# A label in brackets, as a reference link or image uses its definition's.
_BRACKETED = re.compile(r"\[([^\]\n]+)\]")
_IMAGE_REFERENCE = re.compile(r"!\[([^\]\n]*)\](?:[ ]?\[([^\]\n]*)\])?(?!\()")
# The address after `](`, and all up to `)`: spaces inside a scheme count.
_INLINE_DESTINATION = re.compile(r"\]\([ ]*\n?[ ]*(?=(?P<all>[^)\n]*))(?:<(?P<angled>[^>\n]*)>|(?P<bare>[^\s)]*))")
# After an inline link's address: at most a title in quotes, then `)`, on
# the same line. Python-Markdown takes anything else into the address (a
# space and what follows, the next line), and the sanitizer then drops the
# link, or the text after it is gone.
_DESTINATION_END = re.compile(r"""[ ]*(?:(["'])[^\n]*?\1[ ]*)?\)""")
_ATTRIBUTE_LIST = re.compile(r"\{:[^}\n]*\}|\{[^}\n]*\bon[a-z]+\s*=[^}\n]*\}", re.IGNORECASE)
# { too: _ATTRIBUTE_LIST looks from each one to the line's end (seconds for a line of them)
_MARKUP = re.compile(r"\[|<|\{|`+")
_TAG_OPENING = re.compile(r"<[A-Za-z]")
_TITLE_MARK = re.compile(r"[\"'(]")
_BACKTICK_RUN = re.compile(r"`+")
# Pelican rewrites an address that starts with {what} or |what| (its
# INTRASITE_LINK_REGEX), and publishes as it is whatever file {static} or
# {attach} names, wherever in the content folder it is, an SVG or HTML page
# too: only {static} to one of the site's images is allowed.
_SITE_LINK = re.compile(r"^[{|]([^|}]*)[|}](.*)$", re.DOTALL)
# A link's address without a scheme leads under the page's own address (or
# the host's root, not the site's, under a sub-path): in a notice, nowhere.
# What it was meant to be, by its look: a web address without https://, an
# e-mail address without mailto:, a phone number without tel:.
_LINK_DOMAIN = re.compile(r"^(?:www\.[^/?#]+|[a-z0-9äöå-]+(?:\.[a-z0-9äöå-]+)*\.(?:fi|ax|se|no|dk|ee|eu|ru|de"
                          r"|com|org|net|info|io))(?:[/?#]|$)", re.IGNORECASE)
_LINK_EMAIL = re.compile(r"^[^@/?#:]+@[^@/?#:]+\.[a-z]{2,}$", re.IGNORECASE)
_LINK_PHONE = re.compile(r"^\+?[0-9][0-9()-]{5,}$")
# Unicode's control characters (category Cc: U+0000–U+001F, U+007F–U+009F)
# but the tab, the direction overrides and U+FFFE and U+FFFF (not allowed in
# XML): one scan of a line, not a look-up per character.
_CONTROL = re.compile(f"[\x00-\x08\x0a-\x1f\x7f-\x9f{_BIDI}\ufffe\uffff]")
_BACKTICK = re.compile(BACKTICK_RE)
_CODE_SPANS = BacktickInlineProcessor(BACKTICK_RE)


def _blank(text):
    return re.sub(r"[^\n]", " ", text)


def _code_masked(lines):
    """The lines with code blocks and code spans blanked out (same lines).

    Mirrors Python-Markdown: fences start at the margin and close with the
    same fence; an indented block (four spaces) after a blank line is code
    unless it continues a list; code spans pair backtick runs of one length.
    Returns (masked lines, the lines with only the code blocks masked, the
    lines with only the fenced code masked, opening fence lines as {index:
    line}): Python-Markdown reads HTML and link definitions before code
    spans, and HTML before indented code.
    """
    masked = list(lines)
    fences = {}
    index = 0
    while index < len(lines):
        opening = _FENCE_OPEN.match(lines[index])
        if opening:
            fence = opening.group("fence")
            close = next((j for j in range(index + 1, len(lines))
                          if lines[j].rstrip(" ") == fence), None)
            if close is not None:
                fences[index] = lines[index]
                for j in range(index, close + 1):
                    masked[j] = ""
                index = close + 1
                continue
        index += 1

    unfenced = list(masked)
    in_list = False
    in_code = False
    previous_blank = True
    for index, line in enumerate(masked):
        content = _QUOTES.sub("", line)
        blank = not content.strip()
        indented = content.startswith("    ")
        if blank:
            previous_blank = True
            continue
        if in_code and indented:
            masked[index] = ""
        elif previous_blank and indented and not in_list:
            in_code = True
            masked[index] = ""
        else:
            in_code = False
            if _LIST_ITEM.match(content):
                in_list = True
            elif previous_blank and not indented:
                in_list = False
        previous_blank = False

    blocks = list(masked)
    # a code span ends with its text: a list item, a quote or a heading
    # begun on the next line ends the text
    for start, end in [part for paragraph in _paragraphs(masked) for part in _inline_parts(masked, *paragraph)]:
        text = "\n".join(masked[start:end])
        # Pairing runs costs a walk to the end for each unpaired one; a
        # paragraph with that many runs is refused for its markup anyway.
        if len(_BACKTICK_RUN.findall(text)) <= MAX_MARKUP:
            masked[start:end] = _mask_code_spans(text).split("\n")
    return masked, blocks, unfenced, fences


def _mask_code_spans(text):
    pieces, position, done = [], 0, 0
    while True:
        match = _BACKTICK.search(text, position)
        if not match:
            break
        if match.group(1):
            position = match.end()
            continue
        begin = match.start()
        start, end = _CODE_SPANS.find_code_spans(begin, text)
        if end is None:
            position = start
            continue
        stop = end + (start - begin)
        pieces += [text[done:begin], _blank(text[begin:stop])]
        done = position = stop
    pieces.append(text[done:])
    return "".join(pieces)


def _paragraphs(lines):
    """(start, end) of each run of non-blank lines."""
    start = None
    for index, line in enumerate(lines + [""]):
        if line.strip() and start is None:
            start = index
        elif not line.strip() and start is not None:
            yield start, index
            start = None


# Python-Markdown's own reading of a table (its tables extension): a row's
# cells past the header's are left out of the page.
_TABLE = markdown.Markdown(extensions=["tables"]).parser.blockprocessors["table"]


def _table_overflows(lines, start, end):
    """(line, cells, columns) of each row of the table in lines[start:end]
    with more cells than its header has."""
    if not _TABLE.test(None, "\n".join(lines[start:end])):
        return
    columns = len(_TABLE.separator)
    for index in range(start + 2, end):
        cells = len(_TABLE._split_row(lines[index].strip(" ")))
        if cells > columns:
            yield index, cells, columns


def _table_end(lines, start, end):
    """Where a table that begins at lines[start] ends: at the end of its
    paragraph, or at a list item under its rows, which begins a list on the
    page (its separator may begin "- |")."""
    return next((index for index in range(start + 2, end) if _LIST_ITEM.match(_QUOTES.sub("", lines[index]))), end)


def _inline_parts(lines, start, end):
    """(start, end) of the parts of a paragraph Python-Markdown reads as one
    text: a new part begins at each list item, heading and rule, where a
    quote begins (a line without `>` goes on in the quote), and at each
    line of a table."""
    first = start
    depth, previous = _quote_depth(lines[start]), _QUOTES.sub("", lines[start])
    for index in range(start + 1, end):
        quotes = _QUOTES.match(lines[index])
        content = lines[index][quotes.end():] if quotes else lines[index]
        deeper = quotes is not None and quotes.group().count(">") > depth
        depth = quotes.group().count(">") if quotes else depth
        if deeper or _LIST_ITEM.match(content) or _HEADING_LINE.match(content.lstrip()) \
                or _HEADING_LINE.match(previous.lstrip()) \
                or "|" in content or "|" in previous or _RULE.match(content) \
                or index == first + 1 and _SETEXT.match(content) or lone_mark_under_item(previous, content):
            # a heading is one line; so is a table's row; a bullet alone under an item is a line of its own
            yield first, index
            first = index
        previous = content
    yield first, end


def _quote_depth(line):
    quotes = _QUOTES.match(line)
    return quotes.group().count(">") if quotes else 0


def _block_starts(lines, start, end):
    """Where Python-Markdown begins a block in a paragraph (a table there
    goes on to its end): at its start, and after a heading (a list item's
    too), a rule or a link definition."""
    block = start
    yield block
    for index in range(start, end - 1):
        content = _QUOTES.sub("", lines[index])
        if _HEADING_LINE.match(_LIST_ITEM.sub("", content).lstrip()) or _RULE.match(content) \
                or index == block + 1 and _SETEXT.match(content) or _REFERENCE.match(lines[index]):
            block = index + 1
            yield block


def _nesting(line):
    if _RULE.match(line):  # `* * * *` is a rule, not lists in lists
        return 0
    depth, rest = 0, line
    while True:
        indent = len(rest) - len(rest.lstrip(" "))
        depth += indent // 4
        rest = rest[indent - indent % 4:]
        match = _CONTAINER.match(rest)
        if not match:
            return depth
        depth += 1
        rest = rest[match.end():]


def _opening_bracket(text, close):
    """Where the `[` of the `]` at `close` is, -1 when not found: walks
    back at most a few lines (the sanitizer drops a remote image anyway)."""
    depth = 0
    for index in range(close, max(close - 500, 0) - 1, -1):
        if text[index] == "]":
            depth += 1
        elif text[index] == "[":
            depth -= 1
            if depth == 0:
                return index
    return -1


_WEB_SCHEME = re.compile(r"^https?://", re.IGNORECASE)


def _host(address):
    """The host of a web address written with or without its scheme, as it
    is read: after any `user@`, without its port, `www.` and a full stop after it."""
    authority = re.split(r"[/?#]", _WEB_SCHEME.sub("", address), maxsplit=1)[0].rsplit("@", 1)[-1]
    return re.sub(r":\d*$", "", authority).lower().removeprefix("www.").rstrip(".")


def _link_shows_elsewhere(found, index, text, address):
    """A link's text that is an address (`www.kela.fi`, `toimisto@kela.fi`)
    tells the reader where the link goes; going elsewhere, it is a trap set
    in the association's name. Its site, or a site under it, is where it says."""
    shown = html.unescape(_MARKDOWN_ESCAPE.sub(r"\1", text)).strip()
    target = html.unescape(_MARKDOWN_ESCAPE.sub(r"\1", address)).strip()
    if not shown or re.search(r"\s", shown):
        return
    email = re.sub(r"^mailto:", "", shown, flags=re.IGNORECASE)
    if _LINK_EMAIL.match(email):
        goes = target.split("?", 1)[0].lower() == f"mailto:{email.lower()}"
    elif _WEB_SCHEME.match(shown) or _LINK_DOMAIN.match(shown):
        host, to = _host(shown), _host(target) if _WEB_SCHEME.match(target) else ""
        goes = bool(host) and (to == host or to.endswith("." + host))
    else:
        return
    if not goes:
        found.add(index, "err_body_link_shows_other", text=shown[:80], url=target[:80])


def _label(text):
    return " ".join(text.lower().split())


class _Findings:
    """Problems found so far: one of each kind a line, the first one."""

    def __init__(self, path, first_line, t, files, relative_links=False):
        self.path, self.first_line, self.t, self.files = path, first_line, t, files
        self.relative_links = relative_links  # a content page's links may lead within the site
        self.problems = []
        self._seen = set()
        self.said = 0  # what was said, once or more: a check may ask whether it said anything

    def add(self, index, key, **values):
        self.said += 1
        if (index, key) not in self._seen:
            self._seen.add((index, key))
            self.problems.append(Problem(self.path, self.first_line + index, self.t(key, **values)))


@dataclass(frozen=True)
class SiteFiles:
    """Where a text's {static} addresses may lead: files in these folders
    (STATIC_PATHS) of the content folder `root`; None: not looked up."""

    folders: tuple = ("images", "files")  # the example's STATIC_PATHS
    root: str = None


def check_markdown(text, first_line, path, t, files=SiteFiles(), relative_links=False):
    """Problems in Markdown `text` whose first line is line `first_line` of
    `path`; `relative_links`: a content page's, whose links may lead to the
    site's other pages by their relative addresses."""
    found = _Findings(path, first_line, t, files, relative_links)
    length = len(text.rstrip("\n"))  # the file's last line break is no character of the text
    if length > MAX_BODY_CHARS:
        found.add(0, "err_body_too_large", length=length, limit=MAX_BODY_CHARS)
        return found.problems
    # tabs as spaces, as Python-Markdown reads the whole text before anything
    # else: "1.\t`" begins a list item as "1.  `" does
    lines = tabs_as_spaces(text).split("\n")
    for index, line in enumerate(lines):
        control = _CONTROL.search(line)
        if control:
            found.add(index, "err_body_control_char", char=f"U+{ord(control.group()):04X}")
        marks = stacked_marks(line)
        if marks > MAX_STACKED_MARKS:
            found.add(index, "err_body_stacked_marks", count=marks, most=MAX_STACKED_MARKS)
    # read as the page reads them: a pasted "• kohta" is a list item there
    masked, blocks, unfenced, fences = _code_masked(pasted_lists(lines))
    before_limits = len(found.problems)
    openings = len(_TAG_OPENING.findall("\n".join(unfenced)))
    if openings > MAX_TAG_OPENINGS:
        found.add(0, "err_body_tag_openings", count=openings, limit=MAX_TAG_OPENINGS)
    deep = [bool(masked[i].strip()) and _nesting(line) > MAX_NESTING  # code blocks are flat text
            for i, line in enumerate(lines)]
    for index, is_deep in enumerate(deep):
        if is_deep and not (index and deep[index - 1]):  # once for a run of such lines
            found.add(index, "err_body_nesting", limit=MAX_NESTING)
    for start, end in _paragraphs(masked):
        if end - start > MAX_BLOCK_LINES:
            found.add(start, "err_body_block_lines", limit=MAX_BLOCK_LINES)
        for first, last in _inline_parts(masked, start, end):
            if len(_MARKUP.findall("\n".join(masked[first:last]))) > MAX_MARKUP:
                found.add(first, "err_body_markup", limit=MAX_MARKUP)
    if len(found.problems) > before_limits:  # past the limits, the scans below could be slow too
        return sorted(found.problems)
    for index, line in fences.items():
        for match in _ATTRIBUTE_LIST.finditer(line):
            found.add(index, "err_body_attr_list", text=match.group(0)[:60])
    # a table in a quote or a list item (one begun on its marker's line or
    # under an empty item) loses its extra cells as one at the margin does
    contents = [_CONTAINERS.sub("", line) for line in masked]
    for start, end in _paragraphs(contents):
        for index, cells, columns in (row for at in _block_starts(contents, start, end) if "|" in contents[at]
                                      for row in _table_overflows(contents, at, _table_end(masked, at, end))):
            found.add(index, "err_body_table_cells", cells=cells, columns=columns)
    _check_markup(found, "\n".join(masked), "\n".join(blocks))
    return sorted(found.problems)


def _check_markup(found, text, blocks):
    """Problems in `text` (code masked) and in `blocks` (code blocks masked,
    code spans not: what Python-Markdown reads before them)."""
    line_starts = [0] + [match.end() for match in re.finditer("\n", text)]

    def line_of(position):
        return bisect.bisect_right(line_starts, position) - 1

    for match in _HTML.finditer(text):
        inner = match.group(1)[1:-1]
        name = _TAG_NAME.match(inner)
        if _AUTOLINK.fullmatch(match.group(0)):  # <https://…>: an address, checked below
            continue
        spaced = _SPACED_ADDRESS.fullmatch(match.group(0))
        if spaced:
            found.add(line_of(match.start()), "err_body_address_space", url=spaced.group(1)[:80])
            continue
        shown = f"<{name.group(0)}>" if name else ("<!-- -->" if inner.startswith("!--") else f"<{inner[:2]}…>")
        found.add(line_of(match.start()), "err_body_html", tag=shown)
    for match in _HTML_BLOCK.finditer(blocks):
        opening = match.group(1).lower()
        tag = "<!-- -->" if opening == "!--" else f"<{opening}>" if opening[0] not in "!?" else f"<{opening}…>"
        # between backticks the usual hint (put it between backticks) would not help
        in_code_span = not text[match.end() - 1].strip()
        found.add(line_of(match.start()), "err_body_html_line_start" if in_code_span else "err_body_html", tag=tag)
    # a comment's opening, closed or not: Python-Markdown hides some that
    # the pattern above does not see whole (one inside another)
    for match in _COMMENT_OPEN.finditer(text):
        found.add(line_of(match.start()), "err_body_html", tag="<!-- -->")
    for match in _ATTRIBUTE_LIST.finditer(text):
        found.add(line_of(match.start()), "err_body_attr_list", text=match.group(0)[:60])

    references, definitions, spans = {}, {}, []
    for match in _REFERENCE.finditer(blocks):
        address = match.group(2) if match.group(2) is not None else match.group(3)
        references.setdefault(_label(match.group(1)), address)
        definitions.setdefault(match.start(1) - 1, (match.group(1), address, line_of(match.start(1))))
        spans.append((match.start(), match.end()))
        line_end = blocks.find("\n", match.end())
        marks = len(_TITLE_MARK.findall(blocks, match.start(2 if match.group(2) is not None else 3),
                                        len(blocks) if line_end < 0 else line_end))
        if marks > MAX_DEFINITION_MARKS:
            found.add(line_of(match.start(1)), "err_body_definition_marks", count=marks, limit=MAX_DEFINITION_MARKS)
            continue
        _check_address(found, line_of(match.start(2) if match.group(2) is not None else match.start(3)),
                       address, image=False)
        title = _TITLE_LINE.match(blocks, match.end())
        if title:
            found.add(line_of(title.end()), "err_body_definition_title_line", text=title.group().strip()[:80])
    for match in ADDRESS.finditer(text):  # bare, in a link or a definition: code is masked
        lookalike = address_lookalike(match.group(0))
        if lookalike:
            found.add(line_of(match.start()), lookalike[0], **lookalike[1])
    # Python-Markdown hides a definition: "[Paikka]: Kerhohuone" on a line of
    # its own is gone from the page when no link of the text uses it.
    used = {_label(match.group(1)) for match in _BRACKETED.finditer(text)
            if not any(start <= match.start() < end for start, end in spans)}
    for name, address, index in definitions.values():
        if _label(name) not in used:
            found.add(index, "err_body_unused_reference", written=f"[{name}]: {address}"[:80],
                      plain=f"{name}: {address}"[:80])
    # links by reference: `[text][label]`, `[text][]` and `[label]`
    for match in _BRACKETED.finditer(text):
        before, after = text[match.start() - 1:match.start()], text[match.end():match.end() + 1]
        if before in ("!", "]") or after in ("(", ":") or any(start <= match.start() < end for start, end in spans):
            continue  # an image, the label of a link, an inline link, a definition
        named = _BRACKETED.match(text, match.end()) if after == "[" else None
        address = references.get(_label(named.group(1) if named else match.group(1)))
        if address is not None:
            _link_shows_elsewhere(found, line_of(match.start()), match.group(1), address)
    for match in _INLINE_DESTINATION.finditer(text):
        address = match.group("angled") if match.group("angled") is not None else match.group("bare")
        opening = _opening_bracket(text, match.start())
        image = opening > 0 and text[opening - 1] == "!"
        said = found.said
        _check_address(found, line_of(match.end()), address, image=image, written=match.group("all"))
        if opening >= 0 and not image and found.said == said:
            _link_shows_elsewhere(found, line_of(match.start()), text[opening + 1:match.start()], address)
        if not _DESTINATION_END.match(text, match.end()):
            line_end = text.find("\n", match.end())
            closed = ")" in text[match.end():None if line_end < 0 else line_end]
            found.add(line_of(match.end()), "err_body_address_rest" if closed else "err_body_address_unclosed",
                      url=address[:80])
    for match in _IMAGE_REFERENCE.finditer(text):
        address = references.get(_label(match.group(2) or match.group(1)))
        if address is not None:
            _check_address(found, line_of(match.start()), address, image=True)
    for match in _AUTOLINK.finditer(text):
        said = found.said
        _check_address(found, line_of(match.start()), match.group(1), image=False)
        # Python-Markdown makes links of <http…>, <ftp…> and e-mail addresses
        # only; anything else in angle brackets is HTML to it, dropped
        if found.said == said and not _MARKDOWN_AUTOLINK.fullmatch(match.group(0)):
            found.add(line_of(match.start()), "err_body_angle_address", url=match.group(1)[:80])


def _check_address(found, index, address, image, written=None):
    shown = address[:80]
    scheme = dangerous_scheme(written or address)
    # as Markdown writes it (\{attach\} is {attach} to Pelican), as a browser reads it
    read = html.unescape(_MARKDOWN_ESCAPE.sub(r"\1", address))
    left_out = scheme_left_out(read)
    if scheme or left_out:
        found.add(index, "err_body_scheme", scheme=scheme or left_out)
    elif re.search(r"[\"<>]", read):
        found.add(index, "err_body_bad_address", url=shown)
    elif address_unreadable(read):
        found.add(index, "err_body_unreadable_address", url=shown)
    elif _SITE_LINK.match(read.strip()):
        _check_site_file(found, index, read.strip(), shown)
    elif image and is_remote(read):
        found.add(index, "err_body_remote_image", url=shown)
    elif image and found.files.root is not None:
        # Only {static}/… follows the site to where it is published:
        # /images/a.png breaks under a sub-path, and images/a.png is read
        # under the notice's own address.
        name = _path_of(read.strip()).rstrip("/").rsplit("/", 1)[-1]
        found.add(index, "err_body_image_form", url=shown,
                  fixed=f"{{static}}/{found.files.folders[0]}/{name or 'kuva.jpg'}")
    elif not image and not found.relative_links and read.strip() and not is_remote(read):
        key, values = whole_address(read.strip(), shown, found.files)
        found.add(index, key, **values)


def whole_address(address, shown, files):
    """The problem of a link's address that has no scheme: (translation key,
    its values), naming the whole address it looks meant to be."""
    for pattern, scheme in ((_LINK_EMAIL, "mailto:"), (_LINK_PHONE, "tel:"), (_LINK_DOMAIN, "https://")):
        if pattern.match(address):
            return "err_body_link_incomplete", {"url": shown, "fixed": f"{scheme}{address}"[:90]}
    folder = "files" if "files" in files.folders else files.folders[-1]
    return "err_body_link_relative", {"url": shown, "folder": folder}


def _path_of(address):
    """An address's path, unquoted; "" for one that is no address at all
    ("//[x": a host in brackets that is no IP address), which urlsplit
    refuses with an error."""
    try:
        return unquote(urlsplit(address).path)
    except ValueError:
        return ""


def _check_site_file(found, index, address, shown):
    problem = site_file_problem(address, found.files, shown)
    if problem:
        found.add(index, problem[0], **problem[1])


def site_file_problem(address, files, shown=None):
    """Why a `{static}/…` address (in a text, or a space's `images`) cannot
    be published: (translation key, its values), or None when it can."""
    shown = shown or address[:80]
    link = _SITE_LINK.match(address)
    what, rest = link.groups() if link else ("", address)
    path = _path_of(rest)
    parts = path.split("/")
    if what != "static" or not path.startswith("/") or ".." in parts or len(parts) < 3 \
            or parts[1] not in files.folders:
        return "err_body_site_link", {"url": shown, "folder": files.folders[0]}
    if files.root is not None and not os.path.isfile(os.path.join(files.root, posixpath.normpath(path[1:]))):
        return "err_body_missing_file", {"url": shown, "folder": files.folders[0]}
    return None
