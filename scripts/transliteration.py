"""Write the forms' transliteration table, and the letters it cannot write
that have a slug, into theme/static/js/form-core.js from Unidecode
(plugins/bulletin_contract/slugs.py). Run after upgrading
Unidecode; tests/test_names_any_script.py says when it is needed.

    .venv/bin/python scripts/transliteration.py
"""
import json
import re
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "plugins"))

from bulletin_contract.slugs import form_transliteration, form_unwritten_letters  # noqa: E402

FORM_CORE = ROOT / "theme" / "static" / "js" / "form-core.js"
BLOCK = re.compile(r"(var TRANSLITERATION = ).*?(;\n)", re.S)
UNWRITTEN = re.compile(r"(var UNWRITTEN = /\[).*?(\]/u;\n)", re.S)


def table_source():
    return json.dumps(form_transliteration(), ensure_ascii=False, separators=(",", ":"))


if __name__ == "__main__":
    text = FORM_CORE.read_text(encoding="utf-8")
    text = BLOCK.sub(lambda m: m.group(1) + table_source() + m.group(2), text, count=1)
    text = UNWRITTEN.sub(lambda m: m.group(1) + form_unwritten_letters() + m.group(2), text, count=1)
    FORM_CORE.write_text(text, encoding="utf-8")
