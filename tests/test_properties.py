"""Property tests: whatever a file holds, the contract answers with problems
(never a crash), and whatever Markdown holds, the renderer's HTML cannot act."""
import re
from datetime import date
from html.parser import HTMLParser

import yaml
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from bulletin_contract.body_checks import check_markdown
from bulletin_contract.fields import NOTICE_FIELDS
from bulletin_contract.problems import ContentError
from bulletin_contract.render import Renderer, plain_text
from bulletin_contract.validate import Context, read_association, read_notice
from bulletin_i18n import Translator
from bulletin_settings import DEFAULTS

T = Translator("fi")
CTX = Context(t=T, categories=DEFAULTS["BULLETIN_CATEGORIES"], groups=DEFAULTS["BULLETIN_GROUPS"],
              associations={"testikyla"})
SETTINGS = settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])


def answers_with_problems_or_a_notice(raw, reader=read_notice, name="notices/x.md"):
    try:
        reader(name, raw, CTX)
    except ContentError as err:
        assert err.problems and all(p.message and p.line >= 1 for p in err.problems)


YAMLISH = st.lists(st.sampled_from(list("ab:- \n\"'[]{}#&*!|>%@`,?\\\t\x00\u202e") + [
    "title", "event", "start", "contact", "consent", "tags", "---", "2026-12-05", "!!python/object", "<<",
    "\n  ", "\n    ", "&a ", "*a", "!!str ", "~", "null", "yes", "0x1F", "1e9", ".inf"]), max_size=60).map("".join)


@SETTINGS
@given(YAMLISH, st.text(max_size=40))
def test_any_front_matter_text_gives_problems_not_a_crash(front, body):
    answers_with_problems_or_a_notice(f"---\n{front}\n---\n{body}\n".encode("utf-8", "surrogatepass"))


@SETTINGS
@given(st.binary(max_size=200))
def test_any_bytes_give_problems_not_a_crash(raw):
    answers_with_problems_or_a_notice(b"---\n" + raw)
    answers_with_problems_or_a_notice(raw, read_association, "associations/x.yml")


SCALARS = st.one_of(st.text(max_size=30), st.integers(), st.floats(allow_nan=True), st.booleans(), st.none(),
                    st.dates(min_value=date(1, 1, 1)), st.sampled_from(["2026-12-05 18:00", "tapahtumat", "testikyla"]))
KEYS = st.one_of(st.sampled_from([*NOTICE_FIELDS, "start", "end", "location", "email", "phone", "consent",
                                  "save_as", "slug"]), st.text(max_size=10))
VALUES = st.recursive(SCALARS, lambda inner: st.one_of(st.lists(inner, max_size=4),
                                                       st.dictionaries(KEYS, inner, max_size=4)), max_leaves=12)


@SETTINGS
@given(st.dictionaries(KEYS, VALUES, max_size=8), st.booleans())
def test_any_yaml_mapping_gives_problems_not_a_crash(data, flow):
    front = yaml.safe_dump(data, allow_unicode=True, default_flow_style=flow)
    answers_with_problems_or_a_notice(f"---\n{front}---\nTeksti.\n".encode())
    answers_with_problems_or_a_notice(front.encode(), read_association, "associations/x.yml")


# The test's own reading of an address, as the URL standard has browsers do
# it: tabs and newlines anywhere go, control characters and spaces around it
# go, and a backslash is a slash.
def _as_browser(address):
    return re.sub(r"[\t\n\r]", "", address).strip("\x00\x01\x02\x03\x04\x05\x06\x07\x08\x0b\x0c\x0e"
        "\x0f\x10\x11\x12\x13\x14\x15\x16\x17\x18\x19\x1a\x1b\x1c\x1d\x1e\x1f ").replace("\\", "/").lower()


def runs_script(address):
    return _as_browser(address).startswith(("javascript:", "data:", "vbscript:"))


def leaves_the_site(address):
    return bool(re.match(r"//|[a-z][a-z0-9+.-]*:", _as_browser(address)))


class _Acting(HTMLParser):
    """Collects whatever in rendered HTML could run or load something."""

    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.found = []

    def handle_starttag(self, tag, attrs):
        if tag in ("script", "style", "iframe", "object", "embed", "base", "svg", "math", "form", "meta", "link"):
            self.found.append(tag)
        for name, value in attrs:
            if name.startswith("on") or name in ("style", "srcdoc"):
                self.found.append(name)
            if name in ("href", "src") and runs_script(value or ""):
                self.found.append(f"{name}={value}")
            if tag == "img" and name == "src" and leaves_the_site(value or ""):
                self.found.append(f"remote {value}")

    handle_startendtag = handle_starttag


ADDRESS = st.lists(st.sampled_from([
    "javascript:", "JaVaScRiPt:", "java\tscript:", "java\nscript:", "&#106;avascript:", "&#x6A", "%6Aavascript:",
    "\x01", " ", "data:", "vbscript:", "//", "/\\", "\\\\", "/\t/", "&#47;/", "&#92;", "https:", "evil.example",
    "/images/a.png", "alert(1)", '"', "'", "<", ">", "onerror=", "{static}",
]), min_size=1, max_size=5).map("".join)
LINK = st.builds("".join, st.tuples(st.sampled_from(["[x", "![x", "<", "[x][r]\n\n[r"]), st.sampled_from(["](", "]: ", ""]),
                                   ADDRESS, st.sampled_from([")", ">", ' "t")', ""])))
MARKDOWN = st.lists(LINK | st.sampled_from([
    "<", ">", "<script>", "</script>", "<img src=x onerror=alert(1)>", "<svg onload=alert(1)>", "<a href=",
    "javascript:", "JaVa\tScRiPt:", "&#106;", "&#x6A", "%6A", "java&#x09;script:", "data:text/html,", "vbscript:",
    "[", "]", "(", ")", "![", "](", "]: ", "[r]", "\n[r]: ", '"', "'", "`", "```\n", "    ", "\n", "\n\n",
    "> ", "- ", "1. ", "*", "_", "#", "|", "---", "{: onclick=x}", "onerror=", "=", " ", "x", "//evil.example/",
    "/\\evil.example", "https://", "mailto:", "<!--", "-->", "\\", "&", ";", ":", "\x00", "\u2028",
]), max_size=60).map("".join)


def assert_harmless(text):
    parser = _Acting()
    parser.feed(Renderer()(text))
    assert parser.found == []
    check_markdown(text, 1, "x.md", T)  # and the check answers without a crash


@SETTINGS
@given(MARKDOWN)
def test_random_markdown_never_renders_anything_that_acts(text):
    assert_harmless(text)


@SETTINGS
@given(st.lists(LINK, min_size=1, max_size=4).map(" ".join))
def test_random_links_and_images_never_run_or_load_anything(text):
    assert_harmless(text)


@given(st.lists(st.tuples(st.sampled_from(["a.md", "b/c.md", "b/a.md", "B.md", "ä.md", "z.md"]),
                          st.sampled_from(["kevat", "syys", "kevät-2"])), max_size=12))
def test_files_at_one_address_are_named_in_order_of_path_each_naming_another(files):
    """Every file at an address it shares is named once, in order of path:
    each after the first by path with the first, and the first with the
    second, so that a check of any one of them alone refuses it."""
    from bulletin_contract.checks import _one_address

    paths_by_slug = {}
    for path, slug in files:
        paths_by_slug.setdefault(slug, []).append(path)
    expected = []
    for path, slug in sorted(files):
        first, *others = sorted(paths_by_slug[slug])
        if others:
            expected.append((path, f"{first} {others[0] if path == first else path} {slug}/"))
    found = _one_address(files, lambda key, first, second, url: f"{first} {second} {url}", "{}/")
    assert [(p.path, p.message) for p in found] == expected


# Markdown a notice may hold, each word of it ("sana" and letters) one of its own. "{}" is a run of INLINE.
INLINE = ["{w}", "**{w}**", "*{w}*", "_{w}_", "`{w}`", "~~{w}~~", "[{w}](https://esimerkki.fi/a_(b))", "[{w}][r]",
          "[{w}]", "<https://esimerkki.fi/{w}>", "{w}@esimerkki.fi", "{w}:", "12.", "-", "*", "_", "`", "[", "]", "(",
          ")", "<", ">", "|", "#", "&", "&amp;", "\\", "{", "}", "!", "'", '"', "{w}  \n{w}",
          # as secretaries write: names and addresses with underscores, an address in brackets, a dash, a time
          "{w}_{w}@esimerkki.fi", "{w}_{w}_{w}.pdf", "https://esimerkki.fi/{w}_{w}", "(https://esimerkki.fi/{w})",
          "{w} – {w}", "klo 18", "*{w}", "_({w})_", "**{w}"]
BLOCKS = ["{}", "- {}", "* {}", "+ {}", "  - {}", "1. {}", "27. {}", "1) {}", "> {}", "> > {}", "> - {}", "> 1. {}",
          "# {}", "## {}", "---", "***", "| {w} | {w} |\n|---|---|\n| {} | {w} |", "```\n{}\n```",
          "[r]: https://esimerkki.fi/r", "<{w}>", "{} \\", "", "    {}", "\t{}", "{}\n===", "{}\n---",
          "- {}\n\n    {}", "1. {}\n    2. {}", "{}\n    {}", "- {}\n    12. {}",
          # pasted from a word processor or an e-mail
          "•\t{}", "• {}", "1.\t{}", "2)\t{}", "-\t{}", "*\t{}", "+{}", "*{}*", "- klo 18 {}", "o\t{}"]
WORD = re.compile(r"sana[a-j]+")


def _with_words(blocks):
    """The text of `blocks` ((template, inline templates, what goes between
    them)) with a word of its own in each {w}."""
    count = iter(range(1, 10_000))

    def words(template):
        return re.sub(r"\{w\}", lambda _: "sana" + "".join(chr(97 + int(d)) for d in str(next(count))), template)
    return "\n".join(words(block.replace("{}", between.join(inline))) for block, inline, between in blocks)


@SETTINGS
@given(st.lists(st.tuples(st.sampled_from(BLOCKS), st.lists(st.sampled_from(INLINE), min_size=1, max_size=5),
                          st.sampled_from([" ", ""])),  # marks touching each other too: "*Huom**tärkeä*ja"
                min_size=1, max_size=8).map(_with_words))
def test_markdown_the_check_accepts_reaches_the_page_word_for_word(text):
    """What `check` accepts reaches the page: every word of it is in the
    page's text, or in a link's address."""
    if check_markdown(text, 1, "x.md", T):
        return
    html = Renderer()(text)
    shown = plain_text(html.replace("<", " <")) + " " + " ".join(re.findall(r'href="([^"]*)"', html))
    # a word may touch the one before it: "sanabsanac"
    assert [word for word in WORD.findall(text) if not re.search(rf"(?<![k-z]){word}(?![a-j])", shown)] == [], html


# Emphasis marks and words touching each other, as in "*Huom**tärkeä*ja" or "_(ma)__(ti)_)".
MARKS_AND_WORDS = st.lists(st.tuples(st.sampled_from(["*", "**", "***", "_", "__", " ", ""]),
                                     st.sampled_from(["{w}", "({w})", ")"])),
                           min_size=1, max_size=8).map(lambda pairs: _with_words([("{}", sum(pairs, ()), "")]))


@SETTINGS
@given(MARKS_AND_WORDS)
def test_emphasis_the_check_accepts_loses_no_character_but_its_marks(text):
    """Whatever the marks pair with, every character but them reaches the page, in order."""
    if check_markdown(text, 1, "x.md", T):
        return
    html = Renderer()(text)
    assert re.sub(r"[*_\s]", "", plain_text(html)) == re.sub(r"[*_\s]", "", text), html


# A list as people paste it from a word processor, a mail or a phone: a line
# of text, then items with their bullet or number, a blank line between some.
BULLETS = ["•\t", "• ", "o\t", "▪\t", "– ", "— ", "◦ ", "·         ", "\uf0b7\t", "\t•\t", "- ", "* "]
PASTED_ITEM = st.tuples(st.sampled_from(["", "\n"]), st.lists(st.sampled_from(INLINE[:4] + INLINE[-3:]), min_size=1,
                                                              max_size=3).map(" ".join))


# What may come on the line under a list's last item: a bullet alone (an item
# left empty), an underline or a rule.
LONE_MARKS = ["", "-", "- ", "--", "---", "===", "*", "+", "–", "•", "—"]


@SETTINGS
@given(st.sampled_from(["", "Ohjelma:\n", "Ohjelma:\n\n", "> "]), st.sampled_from(BULLETS + ["1)\t", "1) ", "1. "]),
       st.lists(PASTED_ITEM, min_size=1, max_size=6), st.sampled_from(LONE_MARKS))
def test_a_pasted_list_reaches_the_page_item_for_item(intro, marker, items, after):
    """Each item of a pasted list is an item of a list on the page, its words
    in it and in order, whatever its bullet; a numbered one numbered. A
    bullet alone under it is neither more of an item nor its underline."""
    quote = intro if intro == "> " else ""
    numbered = marker[0] == "1"
    blocks = [(f"{blank and quote}{blank}{quote}{marker.replace('1', str(number)) if numbered else marker}{{}}", [words], "")
              for number, (blank, words) in enumerate(items, 1)]
    body = _with_words(blocks)
    text = ("" if quote else intro) + body + (f"\n{quote}{after}" if after else "")
    if check_markdown(text, 1, "x.md", T):
        return
    html = Renderer()(text)
    items = re.findall(r"<li>(.*?)</li>", html, re.DOTALL)
    assert [WORD.findall(plain_text(item)) for item in items] == [
        WORD.findall(line) for line in body.split("\n") if line.strip("> ")], html
    assert html.count("<ol>" if numbered else "<ul>") == 1 and not re.search(r"<h\d", html), html
    assert not (after and any(plain_text(item).endswith(after.strip()) for item in items)), html
