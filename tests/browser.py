"""Real-browser helpers: Debian's Chromium through Playwright, and a local server."""
import contextlib
import functools
import io
import os
import threading
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer

import pytest
from PIL import Image

CHROMIUM = "/usr/bin/chromium"
# Chromium's own background traffic would be refused by the closed network.
CHROMIUM_ARGS = ["--no-sandbox", "--disable-gpu", "--disable-background-networking",
                 "--disable-component-update", "--disable-sync", "--no-first-run"]


class _Quiet(SimpleHTTPRequestHandler):
    def log_message(self, *args):
        pass


@contextlib.contextmanager
def served(folder, headers=None):
    """Serve a built site on 127.0.0.1 on a free port; yields the base address.
    `headers` go on every response, e.g. a Content-Security-Policy."""

    class Handler(_Quiet):
        def end_headers(self):
            for name, value in (headers or {}).items():
                self.send_header(name, value)
            super().end_headers()

    server = ThreadingHTTPServer(("127.0.0.1", 0), functools.partial(Handler, directory=str(folder)))
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}"
    finally:
        server.shutdown()


@contextlib.contextmanager
def chromium():
    sync_api = pytest.importorskip("playwright.sync_api")
    with sync_api.sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        try:
            yield browser
        finally:
            browser.close()


def guard_requests(page, base):
    """Fail any request that leaves the site; returns the list of offenders."""
    leaks = []

    def route(route):
        url = route.request.url
        if url.startswith(base + "/") or url == base:
            route.continue_()
        else:
            leaks.append(url)
            route.abort()

    page.route("**/*", route)
    return leaks


@contextlib.contextmanager
def built_and_served(site, today="2026-12-01"):
    """(site, base address, browser) for the forms' tests: `site` built on
    `today`, served, and a Chromium to open it in."""
    assert site.build(today) == 0
    with served(site.output) as base, chromium() as browser:
        yield site, base, browser


@contextlib.contextmanager
def checked_context(browser, base, **options):
    """A browser context whose pages (made with the `open` it yields) may
    make no request off the site and raise no script error. `options` are
    Playwright's for the context, e.g. timezone_id."""
    context = browser.new_context(accept_downloads=True, **options)
    leaks, errors = [], []

    def open_page(path, before=None):
        page = context.new_page()
        leaks.append(guard_requests(page, base))  # filled as the page runs
        page.on("pageerror", lambda err: errors.append(str(err)))
        if before:
            before(page)
        page.goto(base + path)
        return page

    yield open_page
    assert [url for found in leaks for url in found] == [] and errors == []
    context.close()


def missing(what):
    """A checker the tests need is not installed: skip here, fail in CI."""
    message = f"{what} is not installed: tests/install-and-run installs it"
    if os.environ.get("CI"):
        pytest.fail(message)
    pytest.skip(message)


@pytest.fixture(scope="module")
def browser():
    """One Chromium per test module (Playwright runs one at a time)."""
    with chromium() as instance:
        yield instance


@pytest.fixture(scope="session")
def example_base(example_site):
    """Base address of the built example site, served for the session."""
    with served(example_site) as base:
        yield base


def downloaded(page):
    """(file name, text) of the file a form offers, taken with its "Lataa tiedosto" button."""
    with page.expect_download() as info:
        page.get_by_role("button", name="Lataa tiedosto").click()
    return info.value.suggested_filename, open(info.value.path(), encoding="utf-8").read()


def description(page, selector):
    """What a screen reader reads after the element's name: the description
    Chromium's accessibility tree gives it."""
    cdp = page.context.new_cdp_session(page)
    root = cdp.send("DOM.getDocument")["root"]["nodeId"]
    node = cdp.send("DOM.querySelector", {"nodeId": root, "selector": selector})["nodeId"]
    tree = cdp.send("Accessibility.getPartialAXTree", {"nodeId": node, "fetchRelatives": False})["nodes"]
    return tree[0].get("description", {}).get("value", "")


def beside(page, field):
    """The text of the messages the field is described by that are shown
    beside it, in its own box (not elsewhere in the form)."""
    return page.locator(field).evaluate("""f => (f.getAttribute('aria-describedby') || '').split(' ')
        .map(id => document.getElementById(id))
        .filter(e => e && e.checkVisibility() && e.parentElement.contains(f) && e.parentElement !== f.form)
        .map(e => e.textContent).join(' ') || null""")


def png_pixels(data):
    """(width, height, rows of (r, g, b) tuples) of a PNG screenshot; enough
    to compare two screenshots."""
    with Image.open(io.BytesIO(data)) as picture:
        rgb = picture.convert("RGB")
    width, height = rgb.size
    pixels = list(rgb.get_flattened_data())
    return width, height, [pixels[y * width:(y + 1) * width] for y in range(height)]


@functools.lru_cache(maxsize=None)  # a screenshot has few colours, and many of each
def luminance(rgb):
    def channel(c):
        c /= 255
        return c / 12.92 if c <= 0.03928 else ((c + 0.055) / 1.055) ** 2.4
    r, g, b = map(channel, rgb)
    return 0.2126 * r + 0.7152 * g + 0.0722 * b


def contrast(a, b):
    """WCAG contrast ratio of two (r, g, b) colours."""
    la, lb = sorted((luminance(a), luminance(b)), reverse=True)
    return (la + 0.05) / (lb + 0.05)
