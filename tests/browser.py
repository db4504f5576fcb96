"""Real-browser helpers: Debian's Chromium through Playwright, and a local server."""
import contextlib
import functools
import os
import struct
import threading
import zlib
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer

import pytest

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


def png_pixels(data):
    """(width, height, rows of (r, g, b) tuples) of an 8-bit RGB/RGBA PNG,
    as Chromium's screenshots are; enough to compare two screenshots."""
    assert data[:8] == b"\x89PNG\r\n\x1a\n"
    pos, idat = 8, b""
    while pos < len(data):
        length, kind = struct.unpack(">I4s", data[pos:pos + 8])
        body = data[pos + 8:pos + 8 + length]
        if kind == b"IHDR":
            width, height, depth, colour, _, _, interlace = struct.unpack(">IIBBBBB", body)
            assert depth == 8 and colour in (2, 6) and not interlace, "unexpected PNG form"
        elif kind == b"IDAT":
            idat += body
        pos += 12 + length
    step = 4 if colour == 6 else 3
    raw = zlib.decompress(idat)
    stride = width * step
    rows, previous = [], bytearray(stride)
    for y in range(height):
        kind = raw[y * (stride + 1)]
        line = bytearray(raw[y * (stride + 1) + 1:(y + 1) * (stride + 1)])
        for x in range(stride):
            left = line[x - step] if x >= step else 0
            up = previous[x]
            corner = previous[x - step] if x >= step else 0
            if kind == 1:
                line[x] = (line[x] + left) & 255
            elif kind == 2:
                line[x] = (line[x] + up) & 255
            elif kind == 3:
                line[x] = (line[x] + (left + up) // 2) & 255
            elif kind == 4:
                p = left + up - corner
                pa, pb, pc = abs(p - left), abs(p - up), abs(p - corner)
                line[x] = (line[x] + (left if pa <= pb and pa <= pc else up if pb <= pc else corner)) & 255
        rows.append([tuple(line[x:x + 3]) for x in range(0, stride, step)])
        previous = line
    return width, height, rows


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
