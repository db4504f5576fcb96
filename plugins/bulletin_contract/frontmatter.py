"""Strict, safe reading of YAML: front matter of notices and association files.

Every scalar is read as the text that was written (`NO`, `00100`, `18:30` stay
text); the field rules decide what a value means. Tags, anchors, aliases,
duplicate keys, tabs and deep nesting are refused with the line they are on,
before anything is built from the document, so no YAML feature can run code or
blow up in size.
"""
import re
from dataclasses import dataclass, field

import yaml

from .problems import ContentError, Problem
from .writer import quote

try:  # libyaml's parser is several times faster; the rules are the same.
    from yaml import CBaseLoader as _Loader
except ImportError:  # pragma: no cover - depends on how PyYAML was built
    from yaml import BaseLoader as _Loader

MAX_FILE_BYTES = 200_000
MAX_FRONT_MATTER_CHARS = 20_000
MAX_DEPTH = 4
FENCE = "---"
_PLAIN_TAGS = {None, "!", "tag:yaml.org,2002:str", "tag:yaml.org,2002:seq", "tag:yaml.org,2002:map"}


@dataclass
class Document:
    """A parsed file: its front matter, the line of each key, and the body."""

    path: str
    data: object = None
    lines: dict = field(default_factory=dict)  # ("event", "start") -> line number
    value_lines: dict = field(default_factory=dict)  # key -> line where its text starts
    item_lines: dict = field(default_factory=dict)  # key of a list -> line of each item
    start_line: int = 1  # line of the opening fence (or 1 for plain YAML files)
    body: str = ""
    body_line: int = 1

    def line_of(self, *key):
        """Line of a key, else of its parent, else of the front matter."""
        while key:
            if key in self.lines:
                return self.lines[key]
            key = key[:-1]
        return self.start_line

    def line_of_item(self, key, index):
        """Line of a list's item (a list may be written over several lines)."""
        lines = self.item_lines.get(key, ())
        return lines[index] if index < len(lines) else self.line_of(*key)


def decode(path, raw, t):
    """Bytes to text: UTF-8 (a byte-order mark is fine), newlines as \\n."""
    if len(raw) > MAX_FILE_BYTES:
        raise Problem(path, 1, t("err_too_large", size=len(raw), limit=MAX_FILE_BYTES)).as_error()
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError as err:
        line = raw[: err.start].count(b"\n") + 1
        raise Problem(path, line, t("err_not_utf8")).as_error()
    return text.replace("\r\n", "\n").replace("\r", "\n")


def split_front_matter(path, text, t):
    """Return (front matter text, its first line, body, body's first line)."""
    lines = text.split("\n")
    if not lines or lines[0].rstrip() != FENCE:
        raise Problem(path, 1, t("err_no_front_matter")).as_error()
    for index in range(1, len(lines)):
        if lines[index].rstrip() == FENCE:
            front = "\n".join(lines[1:index])
            if len(front) > MAX_FRONT_MATTER_CHARS:
                raise Problem(path, 1, t("err_front_matter_too_large", limit=MAX_FRONT_MATTER_CHARS)).as_error()
            return front, 2, "\n".join(lines[index + 1 :]), index + 2
    raise Problem(path, 1, t("err_unclosed_front_matter")).as_error()


def parse_front_matter(path, text, t):
    front, first_line, body, body_line = split_front_matter(path, text, t)
    doc = parse_yaml(path, front, t, first_line=first_line)
    doc.start_line = 1
    doc.body, doc.body_line = body, body_line
    return doc


def parse_yaml(path, text, t, first_line=1):
    """Parse YAML text whose first line is `first_line` of the file."""
    offset = first_line - 1
    lines = text.split("\n")
    # every line's, at once: a text pasted from a word processor has them on many
    spacing = [Problem(path, number, t("err_tab")) if "\t" in line else Problem(path, number, t("err_odd_space"))
               for number, line in enumerate(lines, start=first_line) if "\t" in line or _ODD_SPACE.search(line)]
    if spacing:
        raise ContentError(spacing)
    doc = Document(path=path, start_line=first_line)
    try:
        _refuse_unsafe_events(path, text, t, offset)
        node = yaml.compose(text, Loader=_Loader)
    except yaml.MarkedYAMLError as err:
        raise _syntax_problem(path, lines, err, offset, t).as_error() from None
    except yaml.YAMLError as err:
        raise Problem(path, first_line, t("err_yaml", problem=str(err))).as_error()
    if node is None:
        doc.data = {}
        return doc
    if not isinstance(node, yaml.MappingNode):
        raise Problem(path, offset + node.start_mark.line + 1, t("err_not_mapping")).as_error()
    plain = []  # the plain values' problems, every one told at once (a mail's curly quotes on many lines)
    doc.data = _to_python(path, node, (), doc, offset, t, lines, plain)
    if plain:
        raise ContentError(plain)
    return doc


# Space that is not a plain space where YAML needs one (the indentation, or
# after a key's colon): word processors and web pages put no-break spaces
# there, and YAML then reads the line as something else.
_ODD_SPACE = re.compile(r"^[ ]*[^\S \n]|^[ ]*[\w-]+:[^\S \n]")
_KEY_LINE = re.compile(r"^(?P<indent>[ ]*)(?P<key>[A-Za-z_][\w-]*):(?P<rest>.*)$")
SMART_QUOTES = "“”„‟«»‘’‚‛"


def _in_smart_quotes(value):
    """Is `value` between the curly quotes a word processor or a phone writes for straight ones?"""
    return len(value) > 1 and value[0] in SMART_QUOTES and value[-1] in SMART_QUOTES


def _alone_is_fine(value):
    """Does `key: value` read as one text value on its own?"""
    try:
        node = yaml.compose(f"key: {value}", Loader=_Loader)
    except yaml.YAMLError:
        return False
    return isinstance(node, yaml.MappingNode) and isinstance(node.value[0][1], yaml.ScalarNode)


def quoted_for_person(value):
    """A value in the quotes a person would write: double quotes, or single
    quotes when the text itself has double quotes."""
    if '"' in value and "'" not in value:
        return f"'{value}'"
    return quote(value)


def _syntax_problem(path, lines, err, offset, t):
    """A YAML syntax error as a person can fix it: the line it starts on and
    the line written so that it reads (most often: a value in quotes)."""
    mark = err.problem_mark or err.context_mark
    if err.context_mark and err.problem == "could not find expected ':'":
        mark = err.context_mark  # a key line without ": ", not the line after it
    index = min(mark.line, len(lines) - 1) if mark else 0
    # `key:value` reads as text that runs on to the next lines, so YAML
    # stumbles later: look for it on the lines up to where it did.
    for number in range(index + 1):
        written = _KEY_LINE.match(lines[number])
        if written and written.group("rest") and not written.group("rest").startswith(" "):
            fixed = f"{written.group('key')}: {written.group('rest').strip()}"
            return Problem(path, offset + number + 1, t("err_yaml_colon_space", fixed=fixed))
    line = offset + index + 1
    written = _KEY_LINE.match(lines[index]) if lines else None
    if written:
        value = written.group("rest").strip()
        key = written.group("key")
        if value and not _alone_is_fine(value):
            if _in_smart_quotes(value):  # a colon inside a phone's or a word processor's curly quotes
                return Problem(path, line, t("err_smart_quotes", fixed=f"{key}: {quoted_for_person(value[1:-1])}"))
            inner = value
            if value[0] in "'\"" and len(value) > 1 and value[-1] == value[0]:  # quotes around it
                inner = value[1:-1]
            elif value[0] in "'\"" and value[0] not in value[1:]:  # an opening quote never closed
                inner = value[1:]
            return Problem(path, line, t("err_yaml_quote", fixed=f"{key}: {quoted_for_person(inner)}"))
        if value:
            return Problem(path, line, t("err_yaml_indent"))
    return Problem(path, line, t("err_yaml", problem=err.problem or err.context))


def _refuse_unsafe_events(path, text, t, offset):
    depth = 0
    for event in yaml.parse(text, Loader=_Loader):
        line = offset + event.start_mark.line + 1
        if isinstance(event, yaml.AliasEvent) or getattr(event, "anchor", None):
            raise Problem(path, line, t("err_yaml_anchor")).as_error()
        tag = getattr(event, "tag", None)
        if tag not in _PLAIN_TAGS:
            raise Problem(path, line, t("err_yaml_tag", tag=tag)).as_error()
        if isinstance(event, (yaml.MappingStartEvent, yaml.SequenceStartEvent)):
            depth += 1
            if depth > MAX_DEPTH:
                raise Problem(path, line, t("err_yaml_depth")).as_error()
        elif isinstance(event, (yaml.MappingEndEvent, yaml.SequenceEndEvent)):
            depth -= 1


def _plain_value_problem(path, node, key_path, lines, offset, t, item):
    """A plain (unquoted) value that does not hold what was written: wrapped
    in a word processor's curly quotes, or cut at ` #`, which YAML reads as
    the start of a comment. An `item` of a list is shown as the item alone."""
    value, key = node.value, (key_path or ("…",))[-1]
    line = offset + node.start_mark.line + 1

    def written(text):
        return quoted_for_person(text) if item else f"{key}: {quoted_for_person(text)}"

    if _in_smart_quotes(value):
        return Problem(path, line, t("err_smart_quotes", fixed=written(value[1:-1])))
    after = lines[node.end_mark.line][node.end_mark.column:] if node.end_mark.line < len(lines) else ""
    if after[:1] in (" ", "\t") and after.lstrip().startswith("#"):
        return Problem(path, line, t("err_yaml_comment", fixed=written((value + after.rstrip()).strip())))
    return None


def _to_python(path, node, key_path, doc, offset, t, lines, plain, item=False):
    if isinstance(node, yaml.ScalarNode):
        if not node.style and node.value:  # plain: None or "" by the parser
            problem = _plain_value_problem(path, node, key_path, lines, offset, t, item)
            if problem:
                plain.append(problem)
        # a block scalar (| or >) starts on the line after its indicator
        doc.value_lines[key_path] = offset + node.start_mark.line + 1 + (node.style in ("|", ">"))
        return node.value
    if isinstance(node, yaml.SequenceNode):
        doc.item_lines[key_path] = [offset + item.start_mark.line + 1 for item in node.value]
        return [_to_python(path, item, key_path, doc, offset, t, lines, plain, True) for item in node.value]
    key_lines = doc.lines
    result = {}
    for key_node, value_node in node.value:
        line = offset + key_node.start_mark.line + 1
        if not isinstance(key_node, yaml.ScalarNode):
            raise Problem(path, line, t("err_key_not_text")).as_error()
        key = key_node.value
        here = key_path + (key,)
        if key in result:
            raise Problem(path, line, t("err_duplicate_key", key=key, first=key_lines[here])).as_error()
        key_lines[here] = line
        result[key] = _to_python(path, value_node, here, doc, offset, t, lines, plain)
    return result
