"""Hostile notices (tests/hostile/): refused by the check with the line and a
hint, and harmless even when built with the check bypassed.

The bypassed build runs the real pipeline (reader, Markdown, nh3, templates,
feeds, calendars) with only `check_markdown` taken out in this process, so
what is proved is that the sanitizer and the templates alone are safe.
"""
import json
import re
import shutil
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest
from playwright.sync_api import expect

from browser import chromium, guard_requests, served
from conftest import Site, event_text, notice_text
from output_scan import scan_site

HOSTILE = Path(__file__).parent / "hostile"

# file -> [(line, words of the message on that line)]
REFUSED = {
    "script.md": [(9, "HTML-koodia (<script>)"), (11, "HTML-koodia (<SCRIPT>)")],
    "event-handlers.md": [(7, "(<img>)"), (9, "(<details>)"), (11, "(<input>)"), (13, "(<a>)"), (15, "(<body>)")],
    "javascript-inline.md": [(line, "alkaa javascript:") for line in range(7, 18)],
    "javascript-reference.md": [(9, "alkaa javascript:"), (10, "alkaa javascript:"), (11, "alkaa javascript:")],
    "javascript-autolink.md": [(7, "alkaa javascript:"), (9, "alkaa javascript:")],
    "data-vbscript.md": [(7, "alkaa data:"), (9, "alkaa data:"), (11, "alkaa vbscript:")],
    "svg.md": [(7, "(<svg>)"), (9, "(<math>)")],
    "iframe.md": [(7, "(<iframe>)"), (9, "(<iframe>)"), (11, "(<object>)")],
    "base.md": [(7, "(<base>)")],
    "meta-refresh.md": [(7, "(<meta>)")],
    "form.md": [(7, "(<form>)")],
    "style.md": [(7, "(<p>)"), (9, "(<style>)"), (11, "(<link>)")],
    "comments.md": [(7, "(<!-- -->)"), (9, "(<!-- -->)"), (11, "HTML-koodia")],
    "attribute-lists.md": [(8, "{: onclick="), (10, "{: #x onmouseover="), (12, "{onclick="), (14, "onclick=")],
    "images.md": [(7, "lainausmerkki"), (9, "toisella sivustolla"), (11, "toisella sivustolla"),
                  (13, "toisella sivustolla"), (15, "toisella sivustolla")],
    "control-characters.md": [(8, "(U+0000)"), (9, "(U+001B)"), (10, "(U+202E)")],
    "mutation.md": [(7, "(<noscript>)"), (9, "(<a>)"), (11, "(<textarea>)")],
}
ACCEPTED = ["metadata-breakout.md", "benign-code.md"]

HOSTILE_ASSOCIATION = """\
name: '</title><script>window.__pwned="association"</script>'
description: |
  Yhdistys <img src=x onerror="window.__pwned='description'">.

  [Kotisivu](javascript:window.__pwned=1) ja ![kuva](https://evil.example/x.png)
"""


def test_corpus_is_complete():
    assert sorted(p.name for p in HOSTILE.glob("*.md") if p.name != "README.md") == sorted([*REFUSED, *ACCEPTED])


@pytest.mark.parametrize("name", sorted(REFUSED))
def test_check_refuses_with_line_and_hint(site, capsys, name):
    path = site.notice(name, (HOSTILE / name).read_bytes())
    assert site.check(path) == 1
    out = capsys.readouterr().out
    for line, words in REFUSED[name]:
        matching = [row for row in out.splitlines() if row.startswith(f"{path}:{line}: ") and words in row]
        assert matching, f"line {line} ({words}) not reported:\n{out}"
    # every message says what to write instead
    assert all("Kirjoita" in row or "Poista" in row or "Lisää" in row for row in out.splitlines())


def test_check_refuses_hostile_association_description(site, capsys):
    path = site.association("vihamielinen", HOSTILE_ASSOCIATION)
    assert site.check() == 1
    out = capsys.readouterr().out
    assert f"{path}:3: Rivillä on HTML-koodia (<img>)" in out
    assert f"{path}:5: Linkin osoite alkaa javascript:" in out
    assert f"{path}:5: Kuva https://evil.example/x.png on toisella sivustolla" in out


def test_build_refuses_the_same(site, capsys):
    for name in REFUSED:
        site.notice(name, (HOSTILE / name).read_bytes())
    assert site.build() == 1
    err = capsys.readouterr().err
    assert all(f"{name}:" in err for name in REFUSED)
    assert not site.output.exists()


def test_images_folder_takes_only_images(site, capsys):
    images = site.content / "images"
    images.mkdir()
    (images / "kuva.png").write_bytes(b"\x89PNG\r\n\x1a\n" + b"\x00" * 40)
    (images / "kuva.jpg").write_bytes(b"\xff\xd8\xff\xe0" + b"\x00" * 40)
    (images / "logo.svg").write_text('<svg xmlns="http://www.w3.org/2000/svg" onload="alert(1)"/>')
    (images / "sivu.html").write_text("<script>alert(1)</script>")
    (images / "naamioitu.png").write_text("<html><script>alert(1)</script></html>")
    assert site.check() == 1
    out = capsys.readouterr().out
    refused = sorted(line.split(":", 1)[0].rsplit("/", 1)[-1] for line in out.splitlines())
    assert refused == ["logo.svg", "naamioitu.png", "sivu.html"] and "vain PNG-, JPEG-" in out
    assert site.build() == 1 and not site.output.exists()
    for name in refused:
        (images / name).unlink()
    # the way the hint for remote images says to show one
    site.notice("kuvalla.md", notice_text(body="![Kerhon logo]({static}/images/kuva.png)"))
    assert site.build() == 0
    assert (site.output / "images" / "kuva.png").is_file()
    image = site.page("ilmoitukset/kuvalla/").select_one(".bl-notice__body img")
    assert image["src"] == "/images/kuva.png" and image["alt"] == "Kerhon logo"


@pytest.mark.parametrize("name", ACCEPTED)
def test_look_alikes_and_markup_in_metadata_pass_the_check(site, name):
    assert site.check(site.notice(name, (HOSTILE / name).read_bytes())) == 0


@pytest.fixture(scope="module")
def bypassed(tmp_path_factory):
    """Every hostile file built into one site, with the body checks taken out."""
    site = Site(tmp_path_factory.mktemp("hostile"))
    for path in HOSTILE.glob("*.md"):
        if path.name != "README.md":
            shutil.copy(path, site.content / "notices" / path.name)
    site.association("vihamielinen", HOSTILE_ASSOCIATION)
    with pytest.MonkeyPatch.context() as patch:
        patch.setattr("bulletin_contract.validate.check_markdown", lambda *args, **kwargs: [])
        assert site.build() == 0
    return site


def test_sanitized_output_has_nothing_that_acts(bypassed):
    files = [p for p in bypassed.output.rglob("*") if p.is_file()]
    assert {p.suffix for p in files} >= {".html", ".xml", ".ics"}  # pages, feeds, sitemap, calendars
    assert scan_site(bypassed.output) == []


def test_sanitized_bodies_keep_the_text(bypassed):
    page = bypassed.page("ilmoitukset/event-handlers/")
    body = page.select_one(".bl-notice__body")
    assert "linkki" in body.get_text()
    assert [a.attrs for a in body.find_all("a")] == [{"href": "#", "rel": ["noopener", "noreferrer"]}]
    images = bypassed.page("ilmoitukset/images/").select(".bl-notice__body img")
    # the quote stays inside the address; remote images lose their address
    assert [sorted(img.attrs) for img in images] == [["alt", "src", "title"]] + [["alt"]] * 4
    assert images[0]["src"].startswith('/images/a.png"')
    links = bypassed.page("ilmoitukset/javascript-inline/").select(".bl-notice__body a")
    assert len(links) == 11 and not [a for a in links if a.get("href", "").strip().lower().startswith("java")]


def test_markup_in_metadata_is_text_everywhere(bypassed):
    title = '</title><script>window.__pwned="title"</script><b onclick="x">"Lainaus"</b>'
    page = bypassed.page("ilmoitukset/metadata-breakout/")
    assert page.title.get_text().startswith(title)
    assert page.h1.get_text() == title
    assert page.select_one('meta[property="og:title"]')["content"] == title
    summary = '"><img src=x onerror=window.__pwned="summary">'
    assert page.select_one('meta[name="description"]')["content"] == summary
    ld = json.loads(page.select_one('script[type="application/ld+json"]').string)
    assert ld["name"] == title and ld["description"] == summary
    location = "' onmouseover='window.__pwned=1' x='</script><script>window.__pwned=2</script>"
    assert location in page.get_text()
    calendar = (bypassed.output / "kalenteri" / "tapahtumat.ics").read_bytes().decode()
    assert "SUMMARY:</title><script>" in calendar  # plain text, as iCalendar has it
    association = bypassed.page("yhdistykset/vihamielinen/")
    assert association.h1.get_text() == '</title><script>window.__pwned="association"</script>'


def test_benign_look_alikes_survive(bypassed):
    body = bypassed.page("ilmoitukset/benign-code/").select_one(".bl-notice__body")
    assert [c.get_text() for c in body.find_all("code")][:2] == ["<script>alert(1)</script>", "javascript:"]
    assert '<iframe srcdoc="<script>alert(1)</script>"></iframe>' in body.pre.get_text()
    assert [a["href"] for a in body.find_all("a")] == [
        "https://example.org/kerho", "mailto:kerho@example.org", "tel:+358401234567", "https://example.org/ohjelma"]


# Run in the page after it has loaded: what the browser itself parsed.
DOM_PROBLEMS = """() => {
  const bad = [];
  const own = (url) => new URL(url, location.href).origin === location.origin;
  for (const el of document.querySelectorAll('*')) {
    for (const a of el.attributes) {
      if (/^on/i.test(a.name) || ['style', 'srcdoc', 'formaction'].includes(a.name)) bad.push(`${el.tagName} ${a.name}`);
    }
  }
  for (const el of document.querySelectorAll(
      'iframe, frame, object, embed, base, svg, math, style, portal, meta[http-equiv="refresh"]')) {
    // the theme's QR codes (bulletin_print): an <svg> of paths with only a viewBox and its class
    const qr = el.matches('svg.bl-qr__code') && el.attributes.length === 2 && el.hasAttribute('viewBox')
      && [...el.querySelectorAll('*')].every(c => c.tagName === 'path');
    if (!qr) bad.push(el.tagName);
  }
  for (const s of document.scripts) {
    if (!(s.type === 'application/ld+json' && !s.src) && !(s.src && own(s.src))) bad.push(`script ${s.outerHTML.slice(0, 80)}`);
  }
  for (const a of document.querySelectorAll('a[href], area[href]')) {
    if (!['http:', 'https:', 'mailto:', 'tel:', 'webcal:'].includes(a.protocol)) bad.push(`href ${a.getAttribute('href')}`);
  }
  for (const el of document.querySelectorAll('[src], link[rel~="stylesheet"], link[rel~="icon"]')) {
    const url = el.src || el.href;
    if (!own(url)) bad.push(`${el.tagName} loads ${url}`);
  }
  for (const f of document.forms) if (f.getAttribute('action') && !own(f.action)) bad.push(`form to ${f.action}`);
  return bad;
}"""

WATCH = """
window.__violations = [];
document.addEventListener('securitypolicyviolation',
  (e) => window.__violations.push(`${e.violatedDirective} ${e.blockedURI}`));
"""


def test_every_page_in_chromium_runs_nothing_and_loads_nothing_else(bypassed):
    pages = sorted(p.relative_to(bypassed.output).as_posix() for p in bypassed.output.rglob("*.html"))
    assert len(pages) > 20
    with served(bypassed.output) as base, chromium() as browser:
        page = browser.new_page()
        page.add_init_script(WATCH)
        leaks = guard_requests(page, base)
        events = []
        page.on("dialog", lambda dialog: (events.append(f"dialog {dialog.message}"), dialog.dismiss()))
        page.on("console", lambda message: events.append(f"console {message.type}: {message.text}"))
        missing = "Failed to load resource: the server responded with a status of 404"  # img src="x", on this site
        page.on("pageerror", lambda error: events.append(f"error {error}"))
        for address in pages:
            page.goto(f"{base}/{address}", wait_until="load")
            page.mouse.move(200, 300)  # hover handlers, had any survived
            state = page.evaluate("() => [window.__pwned, window.__violations]")
            assert state == [None, []], f"{address}: {state}"
            assert page.evaluate(DOM_PROBLEMS) == [], address
            assert page.url == f"{base}/{address}", f"{address} went to {page.url}"
        # Search results show titles and excerpts from the index: as text.
        for query in ("teksti", "lainaus", "linkki", "kuva", "script"):
            page.goto(f"{base}/haku/?q={query}", wait_until="load")
            expect(page.get_by_role("status")).to_have_text(re.compile(r"\d+ tulosta|1 tulos|Ei tuloksia"))
            assert page.evaluate("() => [window.__pwned, window.__violations]") == [None, []], query
            assert page.evaluate(DOM_PROBLEMS) == [], query
        # the last query found the title with markup in it, shown as the text it is
        assert page.locator(".bl-result h2 a", has_text='<script>window.__pwned="title"</script>').count() == 1
        assert [e for e in events if missing not in e] == [] and leaks == []


def test_check_refuses_what_no_feed_can_carry(site, capsys):
    """U+FFFE and U+FFFF are not characters to XML: had the check let them
    through, writing the feeds would stop the build with a Python error."""
    path = site.notice("ei-merkki.md", notice_text(title="Konsertti\\uffff", body="Rivi \ufffe."))
    assert site.check(path) == 1
    out = capsys.readouterr().out
    assert f"{path}:2: Kentässä title on näkymätön ohjausmerkki" in out
    assert f"{path}:8: Rivillä on näkymätön ohjausmerkki (U+FFFE)" in out
    assert site.build() == 1 and not site.output.exists()


def test_character_references_leave_no_control_character_in_any_output(site):
    """`&#1;` in a text is no control character to the check, but the
    sanitizer decodes it: what it writes must still be XML and iCalendar."""
    references = "&#1; &#x0B; &#x1F; &#x7F; &#xFFFE; &#xFFFF;"
    site.notice("viittaukset.md", event_text(
        body=f"Alku {references} loppu.\n\n[Ohjelma](https://example.org/&#1;ohjelma)"))
    assert site.check() == 0 and site.build() == 0
    invalid = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f\ufffe\uffff]")
    written = [p for p in site.output.rglob("*") if p.suffix in {".html", ".xml", ".json", ".ics"}]
    assert [p.name for p in written if invalid.search(p.read_text(encoding="utf-8"))] == []
    body = site.page("ilmoitukset/viittaukset/").select_one(".bl-notice__body")
    assert "Alku" in body.get_text() and "loppu." in body.get_text()
    assert body.a["href"] == "https://example.org/ohjelma"
    for feed in (site.output / "syotteet").rglob("*.xml"):
        ET.parse(feed)


def test_direction_overrides_written_as_references_reverse_nothing(site):
    """The check refuses U+202E and the other direction controls in a text;
    written as `&#x202E;` they are decoded by the sanitizer, and would turn
    the text after them backwards in every listing, feed and calendar."""
    site.notice("takaperin.md", event_text(body="Alku &#x202E;takaperin&#8238; &#x2067;eristetty loppu."))
    assert site.check() == 0 and site.build() == 0
    bidi = re.compile("[\u202a-\u202e\u2066-\u2069]")
    written = [p for p in site.output.rglob("*") if p.suffix in {".html", ".xml", ".json", ".ics"}]
    showing = [p for p in written if "takaperin" in p.read_text(encoding="utf-8")]
    assert len(showing) > 10  # the page, listings, feeds, calendars, the embed, the poster
    assert [p.relative_to(site.output).as_posix() for p in showing if bidi.search(p.read_text(encoding="utf-8"))] == []
    body = site.page("ilmoitukset/takaperin/").select_one(".bl-notice__body")
    assert body.get_text().strip() == "Alku takaperin eristetty loppu."


def test_a_right_to_left_name_keeps_its_neighbours_text_in_its_place(site):
    """Names in any script are welcome; but an Arabic partner's name next to
    `4H-kerho` drew the 4 of the neighbour's name over on its own left side,
    the two names read as `4 ,جمعية الأمل H-kerho`."""
    site.association("amal", "name: جمعية الأمل\n")
    site.association("neljah", "name: 4H-kerho Imatra\n")
    site.notice("yhdessa.md", notice_text(category="yhteistyo", extra="partners: [amal, neljah]"))
    assert site.build() == 0
    with served(site.output) as base, chromium() as browser:
        page = browser.new_page()
        page.goto(f"{base}/ilmoitukset/yhdessa/", wait_until="load")
        drawn = page.evaluate("""() => {
          const [arabic, four] = ['جمعية', '4H'].map(name =>
            [...document.querySelectorAll('dd a')].find(a => a.textContent.includes(name)));
          const range = document.createRange();
          range.setStart(four.firstChild, 0);
          range.setEnd(four.firstChild, 1);  // the 4
          return [arabic.parentElement === four.parentElement, arabic.getBoundingClientRect().right,
                  range.getBoundingClientRect().left];
        }""")
    same_line, arabic_ends, four_starts = drawn
    assert same_line and four_starts >= arabic_ends
