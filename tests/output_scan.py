"""Scan a built site for anything that could run a script or load another site.

Every output file is read the way its consumer reads it: HTML pages as a
browser parses them (tags and attributes, entities decoded), feeds as XML whose
HTML-typed text is scanned as HTML again, calendars as iCalendar properties,
JSON (and the search index's fragments) as data whose strings may hold
addresses. Text is not markup: a
title `<script>` shown as `&lt;script&gt;` is fine, and a benign notice may
talk about `javascript:`, so the raw patterns are looked for in markup (tag
sources, attribute values, addresses), where they would act.
"""
import gzip
import json
import re
import xml.etree.ElementTree as ET
from html.parser import HTMLParser
from pathlib import Path

from bulletin_contract.body_checks import dangerous_scheme
from bulletin_contract.render import is_remote

# The brief's list of what must not be in markup, as patterns.
RAW_PATTERNS = re.compile(
    r"<script|\son\w+\s*=|javascript:|data:|vbscript:|srcdoc|<iframe|<base|http-equiv=[\"']?refresh",
    re.IGNORECASE,
)
FORBIDDEN_ELEMENTS = {
    "iframe", "frame", "frameset", "object", "embed", "applet", "base", "svg", "math", "style",
    "portal", "template", "noscript", "xmp", "plaintext",
    # SVG's own ways to load or run something, should one <svg> pass
    "foreignobject", "use", "image", "animate", "set", "animatetransform", "animatemotion",
}
# The one SVG the theme draws itself: a QR code (bulletin_print), an <svg>
# with only these attributes around <path> elements.
QR_SVG = {"viewbox": None, "class": "bl-qr__code"}
URL_ATTRIBUTES = {"href", "src", "action", "formaction", "poster", "data", "background", "cite",
                  "srcset", "xlink:href", "ping", "manifest", "icon", "content-url"}
# Attributes whose address the browser loads by itself (not a link to follow).
LOADING_ATTRIBUTES = {"src", "srcset", "poster", "data", "background", "manifest", "icon"}
LOADING_LINK_RELS = {"stylesheet", "icon", "preload", "prefetch", "modulepreload", "manifest", "prerender"}
# Scripts the theme itself loads: files under these folders of the site.
ALLOWED_SCRIPT_FOLDERS = ("/theme/js/", "/pagefind/")
ALLOWED_META_EQUIV = {"content-security-policy"}
_QUOTED_VALUE = re.compile(r"""=\s*(?:"[^"]*"|'[^']*')""")


class _PageScanner(HTMLParser):
    def __init__(self, where, findings, allow_forms, own):
        super().__init__(convert_charrefs=True)
        self.where, self.findings, self.allow_forms, self.own = where, findings, allow_forms, own
        self.json_script = False

    def _found(self, what):
        self.findings.append(f"{self.where}: {what}")

    def handle_starttag(self, tag, attrs):
        source = self.get_starttag_text() or ""
        # Quoted values are text to the browser (checked below, decoded);
        # the patterns are for what stands outside them.
        for match in RAW_PATTERNS.finditer(_QUOTED_VALUE.sub('=""', source)):
            if not (tag == "script" and match.group(0).lower() == "<script" and self._allowed_script(attrs)):
                self._found(f"{match.group(0)!r} in {source[:120]!r}")
        values = dict(attrs)
        is_qr = tag == "svg" and set(values) == set(QR_SVG) and values["class"] == QR_SVG["class"]
        if tag in FORBIDDEN_ELEMENTS and not is_qr:
            self._found(f"<{tag}> element")
        if tag == "script":
            if not self._allowed_script(attrs):
                self._found(f"script {source[:120]!r}")
            self.json_script = values.get("type") == "application/ld+json"
        if tag == "meta" and values.get("http-equiv") is not None \
                and values["http-equiv"].lower() not in ALLOWED_META_EQUIV:
            self._found(f"meta http-equiv {values['http-equiv']!r}")
        if tag == "form" and not self.allow_forms(values.get("action") or ""):
            self._found(f"form to {values.get('action')!r}")
        if tag == "link" and LOADING_LINK_RELS & set((values.get("rel") or "").lower().split()) \
                and is_remote(values.get("href") or ""):
            self._found(f"link loads {values.get('href')!r}")
        for name, value in attrs:
            value = value or ""
            if name.startswith("on") or name in ("style", "srcdoc", "formaction", "xlink:href"):
                self._found(f"attribute {name}={value[:60]!r} on <{tag}>")
            if name in URL_ATTRIBUTES:
                scheme = dangerous_scheme(value)
                if scheme:
                    self._found(f"{scheme}: address in {name} of <{tag}>")
                if name in LOADING_ATTRIBUTES and is_remote(value) and not value.startswith(self.own):
                    self._found(f"<{tag} {name}> loads {value[:80]!r} from another site")

    handle_startendtag = handle_starttag

    def handle_data(self, data):
        if self.json_script:
            scan_json_text(data, f"{self.where} (JSON-LD)", self.findings, self.own)
            if "<" in data:
                self._found("'<' inside a JSON-LD script")

    def handle_endtag(self, tag):
        if tag == "script":
            self.json_script = False

    @staticmethod
    def _allowed_script(attrs):
        values = dict(attrs)
        if values.get("type") == "application/ld+json" and "src" not in values:
            return True
        src = values.get("src") or ""
        return not is_remote(src) and src.startswith(ALLOWED_SCRIPT_FOLDERS) and not dangerous_scheme(src)


def local_form(action):
    """The theme's forms send to the site itself (the search) or nowhere (the
    submission form, which its script handles)."""
    return not is_remote(action) and not dangerous_scheme(action)


def scan_html(text, where, findings, allow_forms=local_form, own=()):
    """`own`: the site's absolute addresses (feeds point to it absolutely)."""
    scanner = _PageScanner(where, findings, allow_forms, tuple(own))
    scanner.feed(text)
    scanner.close()


def _walk_json(value, key, where, findings, own):
    if isinstance(value, dict):
        for k, v in value.items():
            _walk_json(v, k, where, findings, own)
    elif isinstance(value, list):
        for item in value:
            _walk_json(item, key, where, findings, own)
    elif isinstance(value, str):
        if dangerous_scheme(value):
            findings.append(f"{where}: {dangerous_scheme(value)}: address in {key!r}")
        if key in ("image", "logo", "thumbnail", "contentUrl") and is_remote(value) and not value.startswith(own):
            findings.append(f"{where}: {key} from another site: {value[:80]!r}")
        # Strings are data (schema.org Text, search excerpts), not markup.


def scan_json_text(text, where, findings, own=()):
    try:
        data = json.loads(text)
    except ValueError:
        findings.append(f"{where}: not JSON")
        return
    _walk_json(data, None, where, findings, own)


# Elements whose text a feed reader renders as HTML: RSS descriptions and
# content:encoded, and Atom text constructs of type html.
_RSS_HTML = {"description", "encoded"}


def scan_xml(data, where, findings, own=()):
    try:
        root = ET.fromstring(data)
    except ET.ParseError as err:
        findings.append(f"{where}: not well-formed XML ({err})")
        return
    atom = root.tag.endswith("}feed")
    for element in root.iter():
        name = element.tag.rsplit("}", 1)[-1]
        if name in ("script", "iframe", "base"):
            findings.append(f"{where}: <{name}> element")
        for attribute, value in element.attrib.items():
            if dangerous_scheme(value) or RAW_PATTERNS.search(attribute):
                findings.append(f"{where}: {attribute}={value[:80]!r} on <{name}>")
        text = element.text or ""
        if name in ("link", "guid", "id", "loc", "uri", "url", "comments", "docs") and dangerous_scheme(text):
            findings.append(f"{where}: {dangerous_scheme(text)}: address in <{name}>")
        html_text = element.get("type") in ("html", "xhtml") if atom else name in _RSS_HTML
        if html_text:
            scan_html(text, f"{where} <{name}>", findings, own=own)


PAGEFIND_SIGNATURE = b"pagefind_dcd"
_ICS_URL_PROPERTIES = {"URL", "ATTACH", "IMAGE", "CONFERENCE", "SOURCE", "TZURL"}


def scan_ics(data, where, findings):
    text = data.decode("utf-8")
    if "\r\n" not in text:
        findings.append(f"{where}: lines not ended with CRLF")
    unfolded = re.sub(r"\r\n[ \t]", "", text)
    for line in unfolded.split("\r\n"):
        if not line:
            continue
        name_part, _, value = line.partition(":")
        name = name_part.split(";", 1)[0].upper()
        if RAW_PATTERNS.search(name_part):
            findings.append(f"{where}: {name_part[:80]!r}")
        if name in _ICS_URL_PROPERTIES and (dangerous_scheme(value) or not value.startswith(("http://", "https://"))):
            findings.append(f"{where}: {name} {value[:80]!r}")
        if name == "X-ALT-DESC" or "FMTTYPE=TEXT/HTML" in name_part.upper():
            findings.append(f"{where}: HTML description {line[:80]!r}")
        if any(ord(c) < 0x20 and c != "\t" for c in line):
            findings.append(f"{where}: control character in {name}")


def scan_site(folder, allow_forms=local_form, own=("http://127.0.0.1:8000/",)):
    """Every finding in a built site, as `path: what` lines (empty is good).
    `own`: the site's absolute address (a local build's BULLETIN_LOCAL_SITEURL)."""
    findings = []
    folder = Path(folder)
    for path in sorted(p for p in folder.rglob("*") if p.is_file()):
        where = str(path.relative_to(folder))
        data = path.read_bytes()
        if path.suffix == ".gz" or data[:2] == b"\x1f\x8b":
            data = gzip.decompress(data)
        if data.startswith(PAGEFIND_SIGNATURE):  # Pagefind's index: JSON fragments, binary word lists
            data = data[len(PAGEFIND_SIGNATURE):]
            if data[:1] == b"{":
                scan_json_text(data.decode("utf-8"), where, findings, own)
            continue
        if path.suffix in (".html", ".htm"):
            scan_html(data.decode("utf-8"), where, findings, allow_forms, own)
        elif path.suffix in (".xml", ".rss", ".atom") or where.endswith((".rss.xml", ".atom.xml")):
            scan_xml(data, where, findings, own)
        elif path.suffix == ".ics":
            scan_ics(data, where, findings)
        elif path.suffix == ".json":
            scan_json_text(data.decode("utf-8"), where, findings, own)
    return findings
