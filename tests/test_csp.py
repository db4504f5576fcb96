"""Content-Security-Policy: first in every page's <head>, strict, one setting;
the theme needs nothing inline, and every page works under the policy."""
import pytest
from bs4 import BeautifulSoup

from browser import chromium, guard_requests, served
from bulletin_csp.policy import content_security_policy
from bulletin_settings import DEFAULTS, SettingsError, validate, with_defaults
from conftest import ROOT
from output_scan import scan_site

POLICY = ("default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self'; font-src 'self'; "
          "connect-src 'self'; base-uri 'none'; object-src 'none'; form-action 'self'; manifest-src 'self'")


def html_pages(folder):
    return sorted(p for p in folder.rglob("*.html"))


def test_default_policy():
    assert content_security_policy(DEFAULTS["BULLETIN_CSP"]) == POLICY


def test_a_page_can_extend_the_policy_for_itself():
    extra = {"script-src": ["'wasm-unsafe-eval'"], "worker-src": ["'self'", "blob:"], "img-src": ["'self'"]}
    policy = content_security_policy(DEFAULTS["BULLETIN_CSP"], extra)
    assert "script-src 'self' 'wasm-unsafe-eval';" in policy
    assert "img-src 'self';" in policy and policy.endswith("worker-src 'self' blob:")
    assert content_security_policy({"default-src": ["'none'"], "form-action": ["'none'"]},
                                   {"form-action": ["'self'"]}) == "default-src 'none'; form-action 'self'"


@pytest.mark.parametrize("policy, words", [
    ({"default-src": ["'none'"], "script-src": ["'self'", "'unsafe-inline'"]}, "'unsafe-inline'"),
    ({"default-src": ["'none'"], "img-src": ["*"]}, "sources without"),
    ({"default-src": ["'none'"], "img-src": ["'self'; script-src https://evil.example"]}, "sources without"),
    ({"script-src": ["'self'"]}, "a default-src directive"),
    ({"default-src": "'none'"}, "a non-empty list"),
])
def test_settings_refuse_a_policy_that_would_let_markup_run(policy, words):
    settings = with_defaults({"BULLETIN_CSP": policy})
    with pytest.raises(SettingsError, match="BULLETIN_CSP") as err:
        validate(settings)
    assert words in str(err.value)


# What Pagefind and search.js need, on the search page alone: WebAssembly
# from the site (Pagefind runs on the page, without its web worker).
SEARCH_POLICY = POLICY.replace("script-src 'self';", "script-src 'self' 'wasm-unsafe-eval';")


def test_policy_is_first_in_the_head_of_every_page(example_site):
    pages = html_pages(example_site)
    assert len(pages) > 100
    for path in pages:
        head = [tag for tag in BeautifulSoup(path.read_text(encoding="utf-8"), "html.parser").head.children
                if getattr(tag, "name", None)]
        expected = SEARCH_POLICY if path == example_site / "haku" / "index.html" else POLICY
        assert head[0].attrs == {"charset": "utf-8"}, path
        assert head[1].get("http-equiv") == "Content-Security-Policy" and head[1]["content"] == expected, path


def test_theme_has_nothing_inline():
    for path in sorted((ROOT / "theme" / "templates").glob("*.html")):
        soup = BeautifulSoup(path.read_text(encoding="utf-8"), "html.parser")
        for script in soup.find_all("script"):
            assert script.get("src") or script.get("type") == "application/ld+json", (path.name, script)
        assert not soup.find_all("style"), path.name
        assert not [tag for tag in soup.find_all(True) for name in tag.attrs
                    if name == "style" or name.startswith("on")], path.name


def test_example_site_passes_the_output_scan(example_site):
    assert scan_site(example_site) == []


WATCH = """
window.__violations = [];
document.addEventListener('securitypolicyviolation',
  (e) => window.__violations.push(`${e.violatedDirective} ${e.blockedURI}`));
"""


def test_every_page_works_under_the_policy_in_chromium(example_site):
    with served(example_site) as base, chromium() as browser:
        page = browser.new_page()
        page.add_init_script(WATCH)
        leaks = guard_requests(page, base)
        errors = []
        page.on("console", lambda message: message.type == "error" and errors.append(message.text))
        page.on("pageerror", lambda error: errors.append(str(error)))
        addresses = [path.relative_to(example_site).as_posix() for path in html_pages(example_site)]
        assert "laheta/index.html" in addresses
        for address in addresses:
            page.goto(f"{base}/{address}", wait_until="load")
            assert page.evaluate("window.__violations") == [], address
            if address == "laheta/index.html":  # the form's script ran: it shows the form
                assert page.locator("form.bl-form").is_visible()
        assert errors == [] and leaks == []
