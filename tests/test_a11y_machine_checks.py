"""Machine checks of the built example site: axe-core in Chromium on every
page type (light and dark scheme), and the Nu HTML Checker over every page.

Both tools come from npm (package.json, pinned; `npm ci` installs them).
Where they are missing the checks are skipped, saying so; in CI they fail.
"""
import json
import shutil
import subprocess
from datetime import date, timedelta
from pathlib import Path

import pytest
import yaml
from bs4 import BeautifulSoup
from markupsafe import escape

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


# -- Language of parts (WCAG 3.1.2) ----------------------------------------------

SITE_LANGUAGE = "fi"


def front_matter(path):
    return yaml.safe_load(path.read_text(encoding="utf-8").split("---\n")[1])


def writer_texts(front):
    """What a notice's writer wrote that the site shows as written: title,
    summary, the event's values, the contact, a hire's tasks, material titles."""
    event, contact, hire = front.get("event") or {}, front.get("contact") or {}, front.get("hire") or {}
    texts = [front.get("title"), front.get("summary"), event.get("location"), event.get("price"),
             event.get("registration"), event.get("accessibility"), event.get("status_note"),
             contact.get("name"), hire.get("tasks"), *(front.get("materials") or {})]
    return {" ".join(str(text).split()) for text in texts if text}


def language_of_parts(content, output):
    """Where a page shows what a notice's writer wrote (on any page: the
    notice, lists, print sheets, posters, letters, embeds) in a language
    other than the one it was written in: (page, text, lang found) each.
    Texts that notices in different languages share are left out."""
    languages = {}
    for path in (content / "notices").rglob("*.md"):
        front = front_matter(path)
        for text in writer_texts(front):
            languages.setdefault(text, set()).add(str(front.get("lang") or SITE_LANGUAGE))
    wanted = {text: langs.pop() for text, langs in languages.items() if len(langs) == 1}
    # langcodes writes sv-fi as sv-FI
    other = {text: lang for text, lang in wanted.items() if lang.lower() != SITE_LANGUAGE}
    assert other, "no notice in another language to check"
    wrong, seen = [], set()
    for path in output.rglob("*.html"):
        html = path.read_text(encoding="utf-8")
        if not any(str(escape(text)) in html for text in other):
            continue
        body = BeautifulSoup(html, "html.parser").body
        for node in body.find_all(string=True):
            text = " ".join(node.split())
            if not text or node.parent.name in ("script", "style"):
                continue
            for written, lang in wanted.items():
                # a short value ("Free") only where it stands alone, not inside a word
                if text == written or (len(written) >= 12 and written in text):
                    found = node.find_parent(attrs={"lang": True})["lang"]
                    seen.add(written)
                    if found.lower() != lang.lower():
                        wrong.append((str(path.relative_to(output)), written[:50], found))
    assert seen >= set(other), f"not found on any page: {set(other) - seen}"
    return wrong


def labels_in_the_site_language(page):
    """The site's own words on a notice page in another language: any label
    in the notice's language instead of the site's."""
    labels = page.select("article.bl-notice :is(dt, h2, .bl-tags__label, .bl-notice__status > strong)")
    assert labels
    return [label.get_text() for label in labels if label.find_parent(attrs={"lang": True})["lang"] != SITE_LANGUAGE]


def test_what_a_notices_writer_wrote_is_in_the_notices_language_on_every_page(example_site):
    assert language_of_parts(ROOT / "content", example_site) == []
    page = BeautifulSoup((example_site / "ilmoitukset" / "luciafest-vuoksenlaulu" / "index.html").read_text(
        encoding="utf-8"), "html.parser")
    assert labels_in_the_site_language(page) == []


@pytest.fixture(scope="module")
def swedish_site(tmp_path_factory):
    """A notice in Swedish with every part a writer can write, beside a
    Finnish one, as a reader sees them on 1.12.2026."""
    from conftest import Site, event_text, notice_text
    site = Site(tmp_path_factory.mktemp("svenska"))
    site.notice("2026/luciakonsert.md", event_text(
        "Luciakonsert i kyrkan", start="2026-12-13 18:00", location="Kyrkans församlingssal",
        body="Välkommen alla!").replace("\n---\nVälkommen", """
  price: Fritt inträde, kollekt
  registration: Anmäl er senast fredag till kören
  accessibility: Ingång utan trappor från västra sidan
  status: peruttu
  status_note: Körledaren har insjuknat
summary: Kören sjunger Luciasånger på svenska
lang: sv-FI
contact:
  name: Kerstin Körledare
  phone: "040 000 0001"
  consent: true
materials:
  Programbladet på svenska: https://example.org/program.pdf
---
Välkommen""", 1))
    site.notice("2026/anstallning.md", notice_text("Gemensam anställd för föreningarna", category="yhteistyo",
                                                   date="2026-11-25", body="Vi söker en anställd.", extra="""
        lang: sv
        hire:
          hours_per_week: "25"
          pay_subsidy: true
          tasks: Kafé och information på svenska
        """))
    site.notice("2026/kokous.md", event_text("Syyskokous", start="2026-12-10 18:00", location="Kerhohuone"))
    # a weekly course off every other week for years, with much to say: its poster is cut to fit one sheet
    tuesdays = [date(2026, 12, 1) + timedelta(weeks=n) for n in range(400)]
    site.notice("2026/kurs.md", notice_text("Svenska för nybörjare", category="tapahtumat", extra=f"""
        lang: sv
        summary: {" ".join(["Vi läser, skriver och pratar svenska tillsammans i lugn takt."] * 4)}
        event:
          start: "2026-12-01 18:00"
          location: Medborgarinstitutet, klassrum 2
          status: siirretty
          status_note: {" ".join(["Kursledaren är sjuk, kursen fortsätter efter jul på samma tid."] * 4)}
          price: {" ".join(["Kursen är gratis för medlemmar, andra betalar fem euro per gång."] * 3)}
          registration: {" ".join(["Anmäl dig till kursledaren per telefon eller e-post senast dagen innan."] * 4)}
          accessibility: {" ".join(["Ingång utan trappor från gården, hiss och teleslinga i salen."] * 8)}
          repeat:
            weekdays: [ti]
            until: "{tuesdays[-1]}"
            except: [{", ".join(f'"{day}"' for day in tuesdays[1::2])}]
        """))
    assert site.build() == 0
    return site


def test_every_part_a_writer_can_write_is_in_the_notices_language(swedish_site):
    assert language_of_parts(swedish_site.content, swedish_site.output) == []
    for slug in ("luciakonsert", "anstallning"):
        assert labels_in_the_site_language(swedish_site.page(f"ilmoitukset/{slug}/")) == []
    # the Finnish notice beside them has no lang of its own anywhere
    assert not swedish_site.page("ilmoitukset/kokous/").select("main [lang]")


def test_a_cut_posters_words_are_the_writers_in_theirs_and_the_sites_in_its_own(swedish_site):
    """A poster cut to fit ends the writer's Swedish in "… (jatkuu
    verkossa)": the site's Finnish words, read by Finnish rules."""
    poster = swedish_site.page("julisteet/kurs/")
    continued = poster.main.find_all(string=lambda text: "jatkuu verkossa" in text)
    assert continued, "the poster is not cut"
    assert [node.find_parent(attrs={"lang": True})["lang"] for node in continued] == [SITE_LANGUAGE] * len(continued)
    kept = poster.main.find(string=lambda text: text.startswith("Ingång utan trappor") and "…" in text)
    assert kept.find_parent(attrs={"lang": True})["lang"] == "sv"
