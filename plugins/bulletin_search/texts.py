"""The plain text of each notice's body, kept between builds.

The lemma map needs the words of every notice, and drawing the text out of
each body's HTML was most of the time a rebuild after one changed notice
spent on them. The text is a function of the HTML alone (and of the code
that draws it), so it is kept by the HTML's hash, in the cache folder: a
rebuild draws only the bodies that changed. The file holds the texts of
the last build's bodies only, and is rewritten only when one was new.
"""
import hashlib
import json
import sys
from pathlib import Path

from bulletin_contract import render
from bulletin_contract.render import plain_text

# Another version of the text's code or of Python's HTML parser starts afresh.
_VERSION = hashlib.sha256(sys.version.encode() + Path(render.__file__).read_bytes()).hexdigest()


class BodyTexts:
    def __init__(self, path=None):
        self.path = Path(path) if path else None
        self.old, self.new, self.made = self._load(), {}, 0

    def _load(self):
        try:
            data = json.loads(self.path.read_text(encoding="utf-8"))
        except (AttributeError, OSError, ValueError):
            return {}
        return data["texts"] if isinstance(data, dict) and data.get("version") == _VERSION else {}

    def __call__(self, html):
        key = hashlib.sha256(html.encode("utf-8", "surrogatepass")).hexdigest()
        text = self.old.get(key)
        if text is None:
            text, self.made = plain_text(html), self.made + 1
        self.new[key] = text
        return text

    def save(self):
        """Keep this build's texts for the next, when any was new or one left."""
        if self.path and (self.made or len(self.new) != len(self.old)):
            self.path.parent.mkdir(parents=True, exist_ok=True)
            self.path.write_text(json.dumps({"version": _VERSION, "texts": self.new}, ensure_ascii=False),
                                 encoding="utf-8")
