"""Machine checks of the built example site: axe-core in Chromium on every
page type (light and dark scheme), and the Nu HTML Checker over every page.

Both tools come from npm (package.json, pinned; `npm ci` installs them).
Where they are missing the checks are skipped, saying so; in CI they fail.
"""
import json
import shutil
import subprocess
from pathlib import Path

import pytest

from browser import browser, example_base, missing  # noqa: F401  (fixtures)
from page_types import PAGE_TYPES, ids, open_page

ROOT = Path(__file__).resolve().parents[1]
AXE = ROOT / "node_modules" / "axe-core" / "axe.min.js"
VNU = ROOT / "node_modules" / "vnu-jar" / "build" / "dist" / "vnu.jar"
WCAG_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]


def run_axe(page):
    """axe's violations for the WCAG 2.1 A and AA rules, as short lines."""
    page.add_script_tag(path=str(AXE))
    result = page.evaluate(
        "tags => axe.run(document, {runOnly: {type: 'tag', values: tags}, resultTypes: ['violations']})",
        WCAG_TAGS)
    return [f"{v['id']} ({v['impact']}): {v['help']} — " + ", ".join(
        " ".join(node["target"]) for node in v["nodes"][:5]) for v in result["violations"]]


@pytest.fixture(scope="module")
def axe_path():
    if not AXE.is_file():
        missing("axe-core (npm ci)")
    return AXE


@pytest.mark.parametrize("scheme", ["light", "dark"])
@pytest.mark.parametrize("page_type", PAGE_TYPES, ids=ids(PAGE_TYPES))
def test_axe_finds_no_wcag_violations(browser, example_base, axe_path, page_type, scheme):
    # bypass_csp: axe is injected as an inline script, which the site's
    # Content-Security-Policy rightly forbids to everyone else.
    context = browser.new_context(color_scheme=scheme, bypass_csp=True)
    page = context.new_page()
    try:
        open_page(page, example_base, page_type)
        violations = run_axe(page)
    finally:
        context.close()
    assert violations == [], f"{page_type.address} ({scheme}):\n" + "\n".join(violations)


def test_axe_sees_a_planted_violation(browser, example_base, axe_path):
    """The check itself works: an image without a text alternative is caught."""
    context = browser.new_context(bypass_csp=True)
    page = context.new_page()
    try:
        page.goto(example_base + "/")
        page.evaluate("""() => {
            const img = document.createElement('img');
            img.src = '/theme/css/bulletin.css';
            document.querySelector('main').append(img);
        }""")
        assert any(line.startswith("image-alt") for line in run_axe(page))
    finally:
        context.close()


def vnu(folder):
    java = shutil.which("java")
    if not VNU.is_file() or not java:
        missing("the Nu HTML Checker (npm ci for vnu-jar, Debian default-jre-headless for Java)")
    return subprocess.run([java, "-jar", str(VNU), "--errors-only", "--skip-non-html", "--format", "json",
                           str(folder)], capture_output=True, text=True, timeout=300)


def test_nu_html_checker_finds_no_errors(example_site):
    pages = list(example_site.rglob("*.html"))
    assert len(pages) > 100  # the whole site, not a corner of it
    done = vnu(example_site)
    messages = json.loads(done.stderr or done.stdout or '{"messages": []}')["messages"]
    errors = [f"{m.get('url', '')}:{m.get('lastLine', '')}: {m['message']}" for m in messages
              if m["type"] in ("error", "non-document-error")]
    assert errors == [], "\n".join(errors[:40])
    assert done.returncode == 0


def test_nu_html_checker_sees_a_planted_error(tmp_path):
    (tmp_path / "index.html").write_text(
        "<!DOCTYPE html><html lang=fi><title>x</title><p><div>lohko kappaleessa</div></span>", encoding="utf-8")
    done = vnu(tmp_path)
    assert done.returncode != 0
    assert json.loads(done.stderr)["messages"]
