"""Building tiny sites: what shows where, what stops the build."""
import re

import pytest

from conftest import event_text, notice_text


def titles(soup, selector=".bl-item__title"):
    return [h.get_text(strip=True) for h in soup.select(selector)]


def section_titles(soup, heading_id):
    return titles(soup.find(id=heading_id).find_parent("section"))


def test_front_page_orders_upcoming_events_and_hides_expired(site):
    site.notice("b.md", event_text("Myöhempi", start="2026-12-20 18:00"))
    site.notice("a.md", event_text("Pian", start="2026-12-03"))
    site.notice("c.md", event_text("Mennyt", start="2026-11-30 18:00"))
    site.notice("d.md", event_text("Monipäiväinen käynnissä", start="2026-11-29", end="2026-12-02"))
    site.notice("e.md", notice_text("Tuore tiedote", date="2026-11-25"))
    site.notice("f.md", notice_text("Vanha tiedote", date="2026-09-01"))  # 45 days: expired
    site.notice("g.md", notice_text("Haku käynnissä", category="rahoitus", date="2026-06-01",
                                    extra='expires: "2026-12-15"'))
    site.notice("h.md", notice_text("Haku päättynyt", category="rahoitus", date="2026-11-01",
                                    extra='expires: "2026-11-30"'))
    assert site.build("2026-12-01") == 0
    front = site.page("")
    assert section_titles(front, "tulevat") == ["Monipäiväinen käynnissä", "Pian", "Myöhempi"]
    assert section_titles(front, "uusimmat") == ["Tuore tiedote", "Haku käynnissä"]
    # expired notices keep their address and say so
    old = site.page("ilmoitukset/f/")
    assert "vanhentunut" in old.select_one(".bl-notice__expired").get_text()


def test_a_call_stays_current_after_its_info_evening_until_it_expires(site):
    site.notice("haku.md", notice_text("Avustushaku ja infoilta", category="rahoitus", date="2026-11-10", extra=(
        'expires: "2027-01-31"\nevent:\n  start: "2026-11-25 18:00"\n  location: Kirjasto')))
    assert site.build("2026-12-01") == 0
    front = site.page("")
    # the evening is over: a current notice, no longer an upcoming event
    assert section_titles(front, "uusimmat") == ["Avustushaku ja infoilta"]
    assert section_titles(front, "tulevat") == []
    assert not site.page("ilmoitukset/haku/").select_one(".bl-notice__expired")
    assert site.build("2027-02-01") == 0
    assert site.page("ilmoitukset/haku/").select_one(".bl-notice__expired")


def test_today_moves_expiry(site):
    site.notice("a.md", event_text("Konsertti", start="2026-12-05 18:00"))
    assert site.build("2026-12-05") == 0
    assert section_titles(site.page(""), "tulevat") == ["Konsertti"]
    assert site.build("2026-12-06") == 0
    assert section_titles(site.page(""), "tulevat") == []


def test_notice_page_shows_the_contract_in_finnish(site):
    site.notice("konsertti.md", event_text(
        "Joulukonsertti", start="2023-12-05 18:00", end="20:00", date="2023-11-20",
        body="# Ohjelma\n\nLauluja ja **kahvia**.",
    ).replace("---\n# Ohjelma", 'tags: [joulu, Musiikki]\ncontact:\n  name: Aila\n  phone: "040 000 0123"\n'
              '  consent: true\n---\n# Ohjelma').replace(
        '  location: "Kerhohuone, Imatra"',
        '  location: "Kerhohuone, Imatra"\n  price: 5 €\n  registration: Ilmoittaudu Ailalle\n'
        '  accessibility: Esteetön sisäänkäynti'))
    assert site.build("2023-12-01") == 0
    page = site.page("ilmoitukset/konsertti/")
    assert [h.get_text() for h in page.find_all("h1")] == ["Joulukonsertti"]
    text = page.get_text(" ", strip=True)
    assert "tiistaina 5. joulukuuta 2023 klo 18.00–20.00" in text
    for expected in ("Kerhohuone, Imatra", "5 €", "Ilmoittaudu Ailalle", "Esteetön sisäänkäynti",
                     "Testikylän Eläkkeensaajat ry", "Tapahtumat", "20.11.2023", "Aila", "040 000 0123"):
        assert expected in text
    assert page.select_one('a[href="tel:0400000123"]')
    # headings move one level down: the title stays the page's only h1
    assert page.select_one(".bl-notice__body h2").get_text() == "Ohjelma"
    assert page.select_one('a[href="/yhdistykset/testikyla/"]')
    assert page.select_one('a[href="/avainsanat/musiikki/"]').get_text() == "Musiikki"
    assert page.find("html")["lang"] == "fi"


def test_markup_in_metadata_is_text(site):
    site.notice("x.md", notice_text().replace('title: "Testi-ilmoitus"',
                                              """title: '<b onclick=x()>Lihava</b> & "lainaus"'"""))
    assert site.build() == 0
    page = site.page("ilmoitukset/x/")
    assert page.find("h1").get_text() == '<b onclick=x()>Lihava</b> & "lainaus"'
    assert page.find("title").get_text().startswith('<b onclick=x()>Lihava</b>')
    assert not page.select("h1 b")


def test_association_pages_and_directory(site):
    site.association("kuoro", "name: Kuoro ry\ngroups: [kulttuuri]\n")
    site.association("hiljainen", "name: Hiljainen ry\n")
    site.notice("a.md", notice_text("Nykyinen", association="kuoro", date="2026-11-25"))
    site.notice("b.md", notice_text("Vanha", association="kuoro", date="2025-01-01"))
    assert site.build() == 0
    kuoro = site.page("yhdistykset/kuoro/")
    headings = [h.get_text() for h in kuoro.find_all("h2")]
    assert headings == ["Voimassa olevat ilmoitukset", "Aiemmat ilmoitukset", "Tilaa", "Ilmoitukset omille verkkosivuille"]
    lists = kuoro.select(".bl-list")
    assert titles(lists[0]) == ["Nykyinen"] and titles(lists[1]) == ["Vanha"]
    directory = site.page("yhdistykset/")
    groups = {h.get_text(): [a.get_text() for a in h.find_next("ul").find_all("a")] for h in directory.select("main > h2")}
    assert groups == {"Eläkeläiset": ["Testikylän Eläkkeensaajat ry"], "Kulttuuri": ["Kuoro ry"],
                      "Muut yhdistykset": ["Hiljainen ry"]}


def test_events_by_month_use_genitive_headings(site):
    site.notice("a.md", event_text("Joulu", start="2026-12-24"))
    site.notice("b.md", event_text("Tammi", start="2027-01-10 12:00"))
    assert site.build("2026-12-01") == 0
    page = site.page("tapahtumat/")
    assert [h.get_text() for h in page.select("main > h2")] == ["Joulukuun tapahtumat", "Tammikuun 2027 tapahtumat"]


def test_an_event_over_the_new_year_is_listed_in_each_month_it_touches(site):
    site.notice("leiri.md", event_text("Talvileiri", start="2026-12-30", end="2027-01-02"))
    assert site.build("2026-12-01") == 0
    page = site.page("tapahtumat/")
    listed = {h.get_text(): titles(h.find_next("ul")) for h in page.select("main > h2")}
    # as the weekly letter lists it in each week it touches: it is on in January too
    assert listed == {"Joulukuun tapahtumat": ["Talvileiri"], "Tammikuun 2027 tapahtumat": ["Talvileiri"]}


def test_archive_categories_tags_sitemap_and_404(site):
    site.notice("2025/vanha.md", notice_text("Vanha juttu", date="2025-03-02", extra="tags: [kevät]"))
    site.notice("2026/uusi.md", notice_text("Uusi juttu", category="tilat", date="2026-11-30",
                                           extra="tags: [Kevät, tilat]"))
    assert site.build() == 0
    assert titles(site.page("arkisto/2025/03/")) == ["Vanha juttu"]
    archive = site.page("arkisto/").get_text(" ")
    assert "Maaliskuu 2025" in archive and "Marraskuu 2026" in archive
    assert titles(site.page("aiheet/tilat/")) == ["Uusi juttu"]
    assert titles(site.page("aiheet/tiedotteet/")) == []
    assert titles(site.page("avainsanat/kevat/")) == ["Uusi juttu", "Vanha juttu"]
    # a tag is spelled as the first notice by path spells it, not the newest
    assert "kevät" in site.page("avainsanat/kevat/").h1.get_text()
    sitemap = (site.output / "sitemap.xml").read_text()
    assert "<loc>http://127.0.0.1:8000/ilmoitukset/vanha/</loc>" in sitemap
    assert "<loc>http://127.0.0.1:8000/yhdistykset/testikyla/</loc>" in sitemap
    assert site.page("404.html").find("h1").get_text() == "Sivua ei löytynyt"


def test_layout_basics_on_every_page(site):
    site.notice("a.md", event_text("Tapahtuma", start="2026-12-10 10:00"))
    assert site.build() == 0
    pages = sorted(site.output.rglob("*.html"))
    assert len(pages) > 15
    for path in pages:
        if "upotus" in path.parts:
            continue  # an embed is framed on another site: no skip link or menu (tests/test_embeds.py)
        html = path.read_text()
        first_link = re.search(r"<a [^>]*>", html).group(0)
        assert 'class="bl-skip"' in first_link, path
        assert '<main id="sisalto"' in html and "<nav" in html and "<footer" in html, path
        # Links stay root-relative; only feed, calendar and sharing addresses
        # are absolute (BULLETIN_LOCAL_SITEURL in a local build).
        # (The form's schema is data: the checker's messages name http:// as a scheme to write.)
        links = re.sub(r'data-schema="[^"]*"', "", html)
        assert "http://" not in links.replace("http://www.sitemaps.org", "").replace("http://127.0.0.1:8000/", ""), path
    front = site.page("")
    assert front.select_one('a[aria-current="page"]').get_text() == "Etusivu"
    assert site.page("yhdistykset/testikyla/").select_one('a[aria-current="true"]').get_text() == "Yhdistykset"


def test_invalid_content_is_refused_with_path_and_line(site, capsys):
    site.notice("a.md", notice_text(extra="titel: x"))
    site.notice("b.md", notice_text(date="2024-02-30"))
    assert site.build() == 1
    err = capsys.readouterr().err
    assert re.search(r"notices/a\.md:6: Tuntematon avain titel\. Tarkoititko title\?", err)
    assert re.search(r"notices/b\.md:5: Päivämäärää 2024-02-30 ei ole olemassa", err)
    assert not site.output.exists()


def test_refused_build_keeps_previous_output(site, capsys):
    site.notice("a.md", notice_text("Ensimmäinen"))
    assert site.build() == 0
    site.notice("b.md", "rikki")
    capsys.readouterr()
    assert site.build() == 1
    assert site.page("ilmoitukset/a/").find("h1").get_text() == "Ensimmäinen"
    # said last, after the problems: the editor knows the site online is not the new one
    assert capsys.readouterr().err.splitlines()[-1] == (
        f"1 virhe, joten sivustoa ei rakennettu eikä kansioon {site.output} tehty muutoksia. "
        "Korjaa virhe ja rakenna uudelleen.")


def test_same_address_stops_the_build_naming_both(site, capsys):
    site.notice("2025/joulu.md", notice_text("Eka"))
    site.notice("2026/Joulu.md", notice_text("Toka"))
    assert site.build() == 1
    err = capsys.readouterr().err
    assert "2025/joulu.md" in err and "2026/Joulu.md" in err and "saman osoitteen" in err


@pytest.mark.parametrize("name", ["ilmoitus.txt", "ilmoitus.markdown", ".piilo.md", "sivu.html"])
def test_no_notice_file_is_skipped_silently(site, capsys, name):
    site.notice("ok.md", notice_text())
    site.notice(name, notice_text())
    assert site.build() == 1
    assert f"{name}:1: Tiedostoa ei julkaista" in capsys.readouterr().err


def test_a_refused_build_names_every_unpublished_file_as_check_does(site, capsys):
    # a hidden notice is refused by the reader; the others were named only
    # once it was gone
    names = [".piilo.md", "ilmoitus.txt", "ilmoitus.markdown", "rikki.md"]
    for name in names:
        site.notice(name, notice_text() if name != "rikki.md" else "---\ntitle: x\n---\n")
    assert site.check() == 1
    checked = sorted(line for line in capsys.readouterr().out.splitlines() if ".md:" in line or ".txt:" in line
                     or ".markdown:" in line)
    assert site.build() == 1
    built = sorted(line for line in capsys.readouterr().err.splitlines() if line in checked)
    assert built == checked and len([line for line in checked if "Tiedostoa ei julkaista" in line]) == 3


@pytest.mark.parametrize("where", ["pages/muistio.txt", "pages/kuva.png", "juuri.md", "muut/ilmoitus.md"])
def test_no_page_or_stray_file_is_skipped_silently(site, capsys, where):
    path = site.content / where
    path.parent.mkdir(exist_ok=True)
    path.write_text(notice_text())
    assert site.check() == 1
    assert f"{where}:1: Tiedostoa ei julkaista" in capsys.readouterr().out
    assert site.build() == 1
    assert f"{where}:1: Tiedostoa ei julkaista" in capsys.readouterr().err


PAGE = "---\ntitle: Sivu\n---\nTeksti.\n"


@pytest.mark.parametrize("name, words", [
    ("haku.md", "Sivun osoite /haku/ on jo sivuston omassa käytössä"),
    ("tapahtumat.md", "Sivun osoite /tapahtumat/ on jo sivuston omassa käytössä"),
    ("syotteet.md", "Sivun osoite /syotteet/ on jo sivuston omassa käytössä"),
    ("pagefind-arkisto-2024.md", "Sivun osoite /pagefind-arkisto-2024/ on jo sivuston omassa käytössä"),
    ("Tilaa.md", "saisivat saman osoitteen /tilaa/"),  # the example's own tilaa.md
])
def test_a_page_cannot_take_an_address_in_use(site, capsys, name, words):
    # these stopped the build with Pelican's traceback when it wrote the second file
    (site.content / "pages" / name).write_text(PAGE)
    assert site.check() == 1
    assert words in capsys.readouterr().out
    assert site.build() == 1
    err = capsys.readouterr().err
    assert words in err and "Traceback" not in err


def test_every_folder_the_build_writes_is_kept_from_pages(site):
    from bulletin_cli.project import load_settings
    from bulletin_contract.checks import built_folders
    site.notice("x.md", notice_text())
    assert site.build() == 0
    settings = load_settings(content=str(site.content), output=str(site.output))
    pages = {p.stem for p in (site.content / "pages").glob("*.md")}
    written = {p.name for p in site.output.iterdir() if p.is_dir()}
    assert written - pages <= built_folders(settings)


def test_check_and_build_give_the_same_messages(site, capsys):
    site.notice("a.md", notice_text(category="tapahtuma"))
    assert site.check() == 1
    checked = capsys.readouterr().out.strip()
    assert site.build() == 1
    *built, summary = capsys.readouterr().err.strip().splitlines()  # the build says last that it was not made
    assert checked and checked.splitlines() == built and "sivustoa ei rakennettu" in summary


def test_output_folder_holding_sources_is_refused(site, capsys):
    site.notice("a.md", notice_text())
    from bulletin_cli.cli import main

    assert main(["build", "--content", str(site.content), "--output", str(site.root)]) == 2
    assert (site.content / "notices" / "a.md").exists()


def test_english_interface_from_one_setting(site, tmp_path):
    from bulletin_cli.cli import main
    from conftest import ROOT

    settings = tmp_path / "english.py"
    settings.write_text(f"exec(open({str(ROOT / 'pelicanconf.py')!r}).read())\n"
                        f"THEME = {str(ROOT / 'theme')!r}\nPLUGIN_PATHS = [{str(ROOT / 'plugins')!r}]\n"
                        "BULLETIN_LANGUAGE = 'en'\n")
    site.notice("a.md", event_text("Konsertti", start="2026-12-05 18:00"))
    assert main(["-s", str(settings), "build", "--content", str(site.content), "--output", str(site.output),
                 "--today", "2026-12-01"]) == 0
    front = site.page("")
    assert front.find("html")["lang"] == "en"
    assert front.select_one(".bl-skip").get_text() == "Skip to content"
    assert front.find(id="tulevat").get_text() == "Upcoming events"
    assert "Sat 5.12.2026 at 18.00" in front.select_one(".bl-item__when").get_text()


@pytest.mark.parametrize("content", ["sisalto", "./sisalto", "alla/../sisalto", "sisalto/"])
def test_files_that_did_not_become_a_page_are_found_however_the_content_folder_is_written(tmp_path, monkeypatch,
                                                                                          content):
    from bulletin_contract.checks import unpublished
    from bulletin_i18n import Translator

    monkeypatch.chdir(tmp_path)
    for name in ("notices/2026/a.md", "notices/2026/b.txt", "pages/tietoa.md", "pages/kuva.png"):
        (tmp_path / "sisalto" / name).parent.mkdir(parents=True, exist_ok=True)
        (tmp_path / "sisalto" / name).write_text("x")
    (tmp_path / "alla").mkdir()
    published = [str(tmp_path / "sisalto" / "notices" / "2026" / "a.md"), "sisalto/pages/./tietoa.md"]
    problems = unpublished(content, published, Translator("fi"))
    assert [p.path for p in problems] == ["sisalto/notices/2026/b.txt", "sisalto/pages/kuva.png"]
