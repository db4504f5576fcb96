"""The text of an HTML-only e-mail (Outlook, some phones), line by line as
the sender saw it. Nothing of the HTML is kept: tags, scripts, styles and
comments go, entities become characters, so what follows is read as text
by the same rules as a pasted notice (raw HTML in it is then refused by
`check`'s rules, never published)."""
import re
from html import unescape
from html.parser import HTMLParser
from urllib.parse import unquote

# Elements whose content is no text to read: a browser shows a picture, a
# frame or a player in their place, their text only where it cannot.
_SKIPPED = {"head", "script", "style", "title", "template", "noscript", "svg", "iframe", "object",
            "canvas", "audio", "video", "noembed", "noframes", "applet", "frameset"}
# Elements that end a line: mail clients write one line per <div> or <p>.
_LINE_ENDS = {"br", "div", "p", "li", "tr", "h1", "h2", "h3", "h4", "h5", "h6", "pre", "table", "hr"}
# Elements that start a line of their own.
_BLOCKS = {"div", "p", "li", "tr", "table", "h1", "h2", "h3", "h4", "h5", "h6", "pre", "ul", "ol", "dl", "dt", "dd"}
# Lists: each item begins with its bullet or number, as the reader sees it.
_LISTS = {"ul", "ol", "menu"}
# Elements the reader never sees (a newsletter's preview text, a tracking
# code): their text is no part of the message.
# Text made nothing (no size, no opacity) or put off the screen is hidden too.
_ZERO = r"\s*:\s*(?:0+(?:\.0*)?|\.0+)(?:px|pt|em|rem|%)?\s*(?:!important\s*)?(?:;|$)"
_HIDDEN_STYLE = re.compile(r"display\s*:\s*none|visibility\s*:\s*hidden|mso-hide\s*:\s*all"
                           r"|(?:^|;)\s*(?:font-size|opacity)" + _ZERO +
                           r"|(?:^|;)\s*(?:left|top|text-indent)\s*:\s*-\d{3,}", re.IGNORECASE)
# No height or width: hidden where what overflows is clipped.
_NO_SIZE = re.compile(r"(?:^|;)\s*(?:max-)?(?:height|width)" + _ZERO, re.IGNORECASE)
_CLIPPED = re.compile(r"overflow\s*:\s*hidden", re.IGNORECASE)
# An element left open ends where a browser ends it, so that it hides no
# more than the browser does: at the end of an element around it, and a
# drawing (SVG, MathML) at an element of text, the head at the body's first.
_FOREIGN = {"svg", "math"}
_BREAKS_OUT = {"b", "big", "blockquote", "body", "br", "center", "code", "dd", "div", "dl", "dt", "em", "embed",
               "h1", "h2", "h3", "h4", "h5", "h6", "head", "hr", "i", "img", "li", "listing", "menu", "meta", "nobr",
               "ol", "p", "pre", "ruby", "s", "small", "span", "strong", "strike", "sub", "sup", "table", "tt", "u",
               "ul", "var"}
_HEAD_CONTENT = {"base", "basefont", "bgsound", "link", "meta", "noscript", "script", "style", "template", "title"}
# Gmail's and Outlook's "indent more" is a blockquote without the border
# that marks a quotation: the sender's own lines.
_INDENT = re.compile(r"(?:^|;)\s*border(?:-left)?\s*:\s*(?:none|0)\b", re.IGNORECASE)
# Word's AutoFormat makes a line of "---" (or "___", "===") a border under
# the paragraph above it: the line the sender typed, read as one again.
_RULE_UNDER = re.compile(r"(?:^|;)\s*border-bottom\s*:\s*(?![^;]*\b(?:none|hidden)\b)[^;]*"
                         r"\b(?:solid|double|dotted|dashed|thick)\b", re.IGNORECASE)
_VOID = {"area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "source", "track", "wbr"}
# Text shown as written, its line breaks and spaces (a webmail's plain text, K-9 Mail's <pre>).
_PRE_STYLE = re.compile(r"white-space\s*:\s*(?:pre|pre-wrap|pre-line|break-spaces)\b", re.IGNORECASE)
_TAG = re.compile(r"<[a-z/]", re.IGNORECASE)
# Where a mail client marks the signature it adds: Thunderbird's and Gmail's
# element, Outlook's (new) element and (desktop) bookmark, to the end.
_SIGNATURE_CLASSES = {"moz-signature", "gmail_signature"}
_SHOWN = 100  # of the text an element left open hides: enough to find it in the mail


class LeftOpen(Exception):
    """An element whose content is no text (<style>, <script>) or a comment
    never closed, with more HTML after it: a browser hides all of that, the
    sender's editor may not have. Where its CSS, script or comment ends
    cannot be known, so it is neither read as text nor dropped without a word."""

    def __init__(self, opening, closing, before, text):
        super().__init__(opening)
        self.opening, self.closing = opening, closing  # "<style>" and "</style>", "<!--" and "-->"
        self.before = before  # how many times the HTML opens one so (as "<style" or "<!--") before it
        self.text = text  # the first words it hides


# Text in the colour of its background (white on white) is no text the
# reader sees. Mail is read on white unless it says otherwise; a background
# that is a picture, or a colour not known here, may show any text.
_PAPER, _INK = (255, 255, 255), (0, 0, 0)
_NAMED = {"white": _PAPER, "black": _INK, "snow": (255, 250, 250), "ivory": (255, 255, 240)}
_STYLE_COLOUR = re.compile(r"(?:^|;)\s*color\s*:\s*([^;]+)", re.IGNORECASE)
_STYLE_BACKGROUND = re.compile(r"(?:^|;)\s*background(?:-color)?\s*:\s*([^;]+)", re.IGNORECASE)
_UNSEEN_CONTRAST = 16  # at most this far apart in each of red, green and blue: the same colour to the eye


def _colour(value):
    """(red, green, blue) of a CSS or HTML colour, or None where it is not known."""
    value = value.replace("!important", "").strip().lower()
    if value in _NAMED:
        return _NAMED[value]
    if re.fullmatch(r"#[0-9a-f]{3}", value):
        return tuple(int(c * 2, 16) for c in value[1:])
    if re.fullmatch(r"#[0-9a-f]{6}", value):
        return tuple(int(value[i:i + 2], 16) for i in (1, 3, 5))
    found = re.fullmatch(r"rgba?\(\s*(\d+)\s*,\s*(\d+)\s*,\s*(\d+)\s*(?:,\s*(1|1\.0*)\s*)?\)", value)
    return tuple(min(255, int(n)) for n in found.groups()[:3]) if found else None


def _colours(tag, attributes, inherited):
    """(text colour, background colour) of an element, either None where not known."""
    ink, paper = inherited
    style = attributes.get("style") or ""
    written = _STYLE_COLOUR.search(style)
    if written or (tag == "font" and attributes.get("color")):
        ink = _colour(written.group(1) if written else attributes["color"])
    background = _STYLE_BACKGROUND.search(style)
    if background or attributes.get("bgcolor"):
        value = (background.group(1) if background else attributes["bgcolor"]).lower()
        first = (value.split() or [""])[0]  # "background: #fff no-repeat"
        if "url(" in value:  # "background: #000 url(...)": a picture under the text, whatever its colour
            paper = None
        elif first not in ("transparent", "none", "inherit"):
            paper = _colour(first)
    return ink, paper


def _unseen(colours):
    ink, paper = colours
    return ink is not None and paper is not None and all(abs(a - b) <= _UNSEEN_CONTRAST for a, b in zip(ink, paper))


def _ends_unread(unread, tag, attributes):
    """Does this start tag end the unread element `unread` left open?"""
    if unread == "head":
        return tag not in _HEAD_CONTENT
    if unread in _FOREIGN:
        return tag in _BREAKS_OUT or (tag == "font" and bool({"color", "face", "size"} & set(attributes)))
    return False


def _hidden(style):
    return bool(_HIDDEN_STYLE.search(style) or (_NO_SIZE.search(style) and _CLIPPED.search(style)))


def _tracking(attributes):
    """A picture of a pixel or two, or hidden: a sender's tool counting who opened the mail."""
    return "hidden" in attributes or _hidden(attributes.get("style") or "") or \
        any((attributes.get(side) or "").strip().rstrip("px") in ("0", "1", "2") for side in ("width", "height"))


def _shows(text, href):
    """Does a link's text show its address ("aila@example.org" for
    mailto:aila@example.org, "040 123 4567" for tel:+35840...)?"""
    target = unquote(href.split(":", 1)[-1].split("?", 1)[0]).lower()
    digits, shown = re.sub(r"\D", "", target), re.sub(r"\D", "", text)
    return bool(target and target in text.lower()) or (len(digits) >= 7 and digits[-7:] in shown)


class _Text(HTMLParser):
    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.left_out = []  # (what, its text, address): pictures shown from elsewhere, addresses of links not kept
        self.lines = [[]]  # (quote depth, pieces) of each line
        self.depths = [0]
        self.open = []  # the elements open, outermost first
        self.colours = [(_INK, _PAPER)]  # (text, background) of the page and of each element open
        self.unread = None  # where in self.open the element is whose content is skipped or hidden
        self.unread_at = None  # (line, column) of its start tag in the HTML
        self.pre = None  # where in self.open the element is whose text is shown as written
        self.pre_opened = False  # a <pre> just opened: a browser skips a line break at its start
        self.signature = None  # where in self.open the signature's element is; -1: on to the end
        self.signature_pictures = []  # Content-IDs of the pictures shown in it
        self.quote = 0
        self.quoting = []  # of each blockquote open: is it a quotation (or only an indent)?
        self.outlook_paragraphs = False
        self.link = None
        self.ruled = []  # where in self.open the elements are that have a border under them
        self.numbered = {}  # where in self.open each numbered list (<ol>) is -> the number of its last item
        self.rows = {}  # where in self.open each table row (<tr>) is -> the line it begins on
        self.cell_at = None  # (line, piece) where the cell opened last begins

    def _end_line(self):
        self.lines.append([])
        self.depths.append(self.quote)

    def handle_starttag(self, tag, attrs):
        attributes = dict(attrs)
        if self.unread is not None and _ends_unread(self.open[self.unread], tag, attributes):
            self._close(self.unread)
            self.unread = None
        if tag not in _VOID:
            self.open.append(tag)
            self.colours.append(_colours(tag, attributes, self.colours[-1]))
        if self.unread is not None:
            return
        if tag in ("div", "p") and _RULE_UNDER.search(attributes.get("style") or ""):
            self.ruled.append(len(self.open) - 1)
        if tag in _SKIPPED or tag not in _VOID and ("hidden" in attributes or _hidden(attributes.get("style") or "")):
            self.unread = len(self.open) - 1
            self.unread_at = self.getpos()
        elif tag == "blockquote":
            self._end_line()
            self.quoting.append(not _INDENT.search(attributes.get("style") or "") or attributes.get("type") == "cite")
            self.quote += self.quoting[-1]
            self.depths[-1] = self.quote
        elif tag == "br":
            self._end_line()
        elif tag == "img":
            self._picture(attributes)
        elif tag in _BLOCKS and self.lines[-1] and not self._cell_begins():
            self._end_line()  # a block opened after text ("Teksti<div>...", as Gmail writes) starts a line
        elif tag in ("td", "th"):
            self._next_cell()
        elif tag == "a":
            self.link = (attributes.get("href") or "", len(self.lines), len(self.lines[-1]))
        elif tag == "p" and "MsoNormal" in (attributes.get("class") or ""):
            # Outlook writes every line as a paragraph without margins.
            self.outlook_paragraphs = True
        if tag == "tr":
            self.rows[len(self.open) - 1] = len(self.lines) - 1
        elif tag == "ol":
            start = (attributes.get("start") or "1").strip()
            self.numbered[len(self.open) - 1] = int(start) - 1 if start.isdigit() and len(start) < 10 else 0
        elif tag == "li":
            self.lines[-1].append(self._item_mark())
        if self.signature is None and tag not in _VOID and (
                attributes.get("id") == "Signature" or _SIGNATURE_CLASSES & set((attributes.get("class") or "").split())):
            self.signature = len(self.open) - 1
        elif tag == "a" and (attributes.get("name") or "").lower() == "_mailautosig":
            self.signature = -1  # a bookmark where the signature starts
        if self.pre is None and tag not in _VOID and (tag == "pre" or _PRE_STYLE.search(attributes.get("style") or "")):
            self.pre, self.pre_opened = len(self.open) - 1, tag == "pre"

    def handle_startendtag(self, tag, attrs):
        # "<iframe/>" has no content: skipping it must not skip what follows
        if self.unread is None and tag == "img":
            self._picture(dict(attrs))
        elif self.unread is None and tag not in _SKIPPED:
            self.handle_starttag(tag, [(k, v) for k, v in attrs if k not in ("hidden", "style")])

    def handle_endtag(self, tag):
        if tag in self.open:  # it ends the elements left open inside it
            at = len(self.open) - 1 - self.open[::-1].index(tag)
            self._close(at)
            if self.unread == at:
                self.unread = None
                return
            if self.unread is not None and at < self.unread:
                self.unread = None  # an element around the unread one ends, and it with it
        if self.unread is not None:
            return
        if tag == "blockquote":
            self._end_line()
            self.quote = max(0, self.quote - (self.quoting.pop() if self.quoting else 1))
            self.depths[-1] = self.quote
        elif tag == "a":
            self._end_link()
        elif tag in _LINE_ENDS and self.lines[-1]:
            self._end_line()
            if tag == "p" and not self.outlook_paragraphs:
                self._end_line()  # a paragraph of a written text: a blank line after it
        elif tag in _LISTS and not _LISTS & set(self.open):
            # a blank line after a list: the text after it is no part of its last item
            self._end_line()
            if self.lines[-2]:
                self._end_line()

    def _picture(self, attributes):
        """A picture from a web address or written into the HTML (data:):
        no file attached to publish (an attached one's address is cid:)."""
        address = (attributes.get("src") or "").strip()
        if address.lower().startswith("cid:") and self.signature is not None:
            self.signature_pictures.append(address[4:])
        elif address.lower().startswith("cid:"):
            # named where it stands, as Outlook's plain text names it: a
            # picture in a signature no mail client marked is told by it
            self.lines[-1].append(f"[cid:{address[4:]}]")
        if address.lower().startswith(("http://", "https://", "data:")) and not _tracking(attributes):
            if address.lower().startswith("data:"):
                address = address.split(",", 1)[0] + ",…"
            self.left_out.append(("picture", (attributes.get("alt") or "").strip(), address))

    def _next_cell(self):
        """Cells of a row on one line, told apart as a signature's table means
        them, also where a cell's paragraph ended the line (Word's and
        Outlook's cells each hold one). Cells of several lines (a layout's
        columns) keep their lines."""
        row = self.rows[max(self.rows)] if self.rows else len(self.lines) - 1
        filled = [number for number in range(row, len(self.lines)) if "".join(self.lines[number]).strip()]
        if len(filled) == 1 and not self.lines[-1]:
            del self.lines[filled[0] + 1:]
            del self.depths[filled[0] + 1:]
        if "".join(self.lines[-1]).strip():
            self.lines[-1] = ["".join(self.lines[-1]).rstrip(), " | "]
        self.cell_at = (len(self.lines), len(self.lines[-1]))

    def _cell_begins(self):
        """Is nothing but white space written since the cell opened last?
        A block there (Word's paragraph in each cell) goes on the row's
        line, and that space with it."""
        if self.cell_at is None or self.cell_at[0] != len(self.lines) \
                or "".join(self.lines[-1][self.cell_at[1]:]).strip():
            return False
        del self.lines[-1][self.cell_at[1]:]
        return True

    def _item_mark(self):
        """A list item's bullet or number as the reader saw it, written as a
        pasted list's (the contract reads "• " and "1) " as a list's items)."""
        lists = [at for at, tag in enumerate(self.open[:-1]) if tag in _LISTS]
        if not lists or lists[-1] not in self.numbered:
            return "• "
        self.numbered[lists[-1]] += 1
        return f"{self.numbered[lists[-1]]}) "

    def _close(self, at):
        """The elements open from `at` on end."""
        if any(ruled >= at for ruled in self.ruled):
            # the typed line, apart from the text above it: a blank line
            # first, or Markdown would make that text a heading
            self.ruled = [ruled for ruled in self.ruled if ruled < at]
            self._end_line()
            self._end_line()
            self.lines[-1].append("---")
            self._end_line()
        del self.open[at:]
        self.numbered = {where: number for where, number in self.numbered.items() if where < at}
        self.rows = {where: line for where, line in self.rows.items() if where < at}
        del self.colours[at + 1:]
        if self.pre is not None and self.pre >= at:
            self.pre = None
        if self.signature is not None and self.signature >= at:
            self.signature = None

    def _end_link(self):
        """A link keeps its address after its text, where the text does not show it."""
        if self.link is None:
            return
        href, line, start = self.link
        self.link = None
        text = "".join(self.lines[-1][start:]) if line == len(self.lines) else ""
        if href.startswith(("http://", "https://")):
            if href.rstrip("/") not in text:
                self.lines[-1].append(f" <{href}>")
        elif href.strip() and not href.startswith("#") and not _shows(text, href.strip()):
            # mailto:, tel:, javascript:...: not kept (a phone number needs consent), but said
            self.left_out.append(("link", " ".join(text.split()), href.strip()))

    def handle_data(self, data):
        if self.unread is not None or _unseen(self.colours[-1]):
            return
        if self.pre is not None:
            self._preformatted(data)
            return
        if not self.lines[-1]:
            # The HTML's own line breaks and indentation between tags are
            # no text; spaces the sender typed at a line's start are (YAML),
            # the HTML source's indentation after its line break is not.
            data = re.sub(r"^\s*\n[ \t]*", "", data)
        if data:
            self.lines[-1].append(data.replace("\r", "").replace("\n", " "))

    def _preformatted(self, data):
        """Text shown as written: each line break a line's end, its spaces kept (YAML's indentation)."""
        if self.pre_opened and data.startswith("\n"):
            data = data[1:]
        self.pre_opened = False
        for number, piece in enumerate(data.replace("\r", "").split("\n")):
            if number:
                self._end_line()
            if piece:
                self.lines[-1].append(piece)

    def text(self):
        lines = []
        for depth, pieces in zip(self.depths, self.lines):
            line = "".join(pieces).replace("\xa0", " ").rstrip()
            lines.append(("> " * depth + line).rstrip() if depth else line)
        text = "\n".join(lines)
        while "\n\n\n" in text:
            text = text.replace("\n\n\n", "\n\n")
        return text.strip("\n") + "\n"


def html_to_text(html, left_out=None, signature_pictures=None):
    """The text of `html`; what of it is not kept (a picture shown from
    elsewhere, a link's address that is no web address) is added to
    `left_out` as ("picture" or "link", its text, address), to be said, and
    the Content-IDs of the pictures in the sender's signature to `signature_pictures`."""
    comment = _comment_left_open(html)
    parser = _Text()
    parser.feed(html if comment < 0 else html[:comment])  # a comment never ended hides the rest, as in a browser
    parser.close()
    if parser.unread is not None and parser.open[parser.unread] in _SKIPPED:
        tag = parser.open[parser.unread]
        line, column = parser.unread_at
        start = sum(len(text) + 1 for text in html.split("\n")[:line - 1]) + column
        _refuse_hiding(html, start, html.find(">", start) + 1, f"<{tag}>", f"</{tag}>")
    if comment >= 0:
        _refuse_hiding(html, comment, comment + 4, "<!--", "-->")
    if left_out is not None:
        left_out += parser.left_out
    if signature_pictures is not None:
        signature_pictures += parser.signature_pictures
    return parser.text()


def _comment_left_open(html):
    """Where a comment that never ends ("<!--" without "-->") begins, or -1."""
    at = 0
    while (start := html.find("<!--", at)) >= 0:
        end = html.find("-->", start + 4)
        if end < 0:
            return start
        at = end + 3
    return -1


def opened_at(text, opening):
    """Where `text` (str or bytes) opens an element or comment as `opening`
    does ("<style>": "<style" in any case; "<!--"), in order."""
    start = opening.rstrip(">")
    pattern = re.escape(start.encode() if isinstance(text, bytes) else start)
    return [found.start() for found in re.finditer(pattern, text, re.IGNORECASE)]


def _refuse_hiding(html, start, content, opening, closing):
    """LeftOpen, where what is opened at `start`, its content from
    `content` on, is never closed and hides more HTML: not where its own
    content (CSS cut off at the mail's end) is all that follows."""
    after = html[content:]
    more = _TAG.search(after)
    if more:
        words = " ".join(unescape(re.sub(r"<[^>]*>", " ", after[more.start():])).split())
        before = len([at for at in opened_at(html, opening) if at < start])
        raise LeftOpen(opening, closing, before, words[:_SHOWN - 1] + "…" if len(words) > _SHOWN else words)
