"""Strict, safe reading of YAML: front matter of notices and association files.

Every scalar is read as the text that was written (`NO`, `00100`, `18:30` stay
text); the field rules decide what a value means. Tags, anchors, aliases,
duplicate keys, tabs and deep nesting are refused with the line they are on,
before anything is built from the document, so no YAML feature can run code or
blow up in size.
"""
from dataclasses import dataclass, field

import yaml

from .problems import Problem

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
    for number, line in enumerate(text.split("\n"), start=first_line):
        if "\t" in line:
            raise Problem(path, number, t("err_tab")).as_error()
    doc = Document(path=path, start_line=first_line)
    try:
        _refuse_unsafe_events(path, text, t, offset)
        node = yaml.compose(text, Loader=_Loader)
    except yaml.MarkedYAMLError as err:
        mark = err.problem_mark or err.context_mark
        line = offset + (mark.line + 1 if mark else 1)
        raise Problem(path, line, t("err_yaml", problem=err.problem or err.context)).as_error()
    except yaml.YAMLError as err:
        raise Problem(path, first_line, t("err_yaml", problem=str(err))).as_error()
    if node is None:
        doc.data = {}
        return doc
    if not isinstance(node, yaml.MappingNode):
        raise Problem(path, offset + node.start_mark.line + 1, t("err_not_mapping")).as_error()
    doc.data = _to_python(path, node, (), doc, offset, t)
    return doc


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


def _to_python(path, node, key_path, doc, offset, t):
    if isinstance(node, yaml.ScalarNode):
        # a block scalar (| or >) starts on the line after its indicator
        doc.value_lines[key_path] = offset + node.start_mark.line + 1 + (node.style in ("|", ">"))
        return node.value
    if isinstance(node, yaml.SequenceNode):
        return [_to_python(path, item, key_path, doc, offset, t) for item in node.value]
    lines = doc.lines
    result = {}
    for key_node, value_node in node.value:
        line = offset + key_node.start_mark.line + 1
        if not isinstance(key_node, yaml.ScalarNode):
            raise Problem(path, line, t("err_key_not_text")).as_error()
        key = key_node.value
        here = key_path + (key,)
        if key in result:
            raise Problem(path, line, t("err_duplicate_key", key=key, first=lines[here])).as_error()
        lines[here] = line
        result[key] = _to_python(path, value_node, here, doc, offset, t)
    return result
