"""tilat/, a page per space, and the matches on notice, space and
association pages, in built sites (the example and tiny ones)."""
import json
from xml.etree import ElementTree

import feedparser
import yaml
from bs4 import BeautifulSoup

from conftest import ROOT, notice_text


def page(output, address):
    return BeautifulSoup((output / address / "index.html").read_text(encoding="utf-8"), "html.parser")


def texts(elements):
    return [" ".join(e.get_text(" ").split()) for e in elements]


SPACE = """\
name: Testikylän sali
association: testikyla
address: Kylätie 1, 55100 Imatra
district: Rautio
capacity: 30
purposes: [liikunta, kokous]
accessibility: [porrasaton]
available: ["ti 17-21"]
booking: {name: Aila, email: aila@example.org, consent: true}
"""


def wanted(capacity=20, when="ti 18-20", accessibility="[porrasaton]", until=None, title="Sali haussa",
           association="naapuri"):
    """A notice of space wanted, by default another association's than the
    space's (an association is not offered its own premises)."""
    season = f'\n          until: "{until}"' if until else ""
    return notice_text(title=title, association=association, category="tilat", extra=f"""
        wanted:
          capacity: {capacity}
          when: ["{when}"]
          purposes: [liikunta]
          accessibility: {accessibility}{season}
        """)


def a_site(site, **need):
    site.association("naapuri", "name: Naapurikylän Nuoret ry\n")
    (site.content / "spaces").mkdir(exist_ok=True)
    (site.content / "spaces" / "sali.yml").write_text(SPACE, encoding="utf-8")
    site.notice("haku.md", wanted(**need))
    return site


def test_example_lists_every_space_grouped_by_district(example_site):
    doc = page(example_site, "tilat")
    cards = doc.select("[data-space]")
    files = sorted((ROOT / "content" / "spaces").glob("*.yml"))
    assert len(cards) == len(files) >= 14
    names = {c.select_one(".bl-space__name a")["href"].rstrip("/").rsplit("/", 1)[-1] for c in cards}
    assert names == {f.stem for f in files}
    groups = doc.select("section[data-space-group]")
    headings = texts(g.find("h2") for g in groups)
    assert {"Vuoksenniska", "Imatrankoski", "Rautio", "Karhumäki", "Tainionkoski", "Mansikkala"} <= set(headings)
    for group in groups:  # each space is under its own district
        for card in group.select("[data-space]"):
            assert group.find("h2").get_text(strip=True) in card.get_text(" ")
    # the filters need the script, so they are hidden without it; each card carries its facts
    assert doc.select_one("form[data-space-filters]").has_attr("hidden")
    askel = next(c for c in cards if "askeleen-sali" in c.a["href"])
    assert askel["data-capacity"] == "50" and "porrasaton" in askel["data-accessibility"].split()
    assert askel["data-slots"] == "1:1020-1260 3:1020-1260 5:600-960"
    assert "Porrasaton sisäänkäynti" in askel.get_text() and "ti 17–21" in askel.get_text()


def test_example_lists_the_notices_about_spaces_beside(example_site):
    doc = page(example_site, "tilat")
    headings = [h.get_text(strip=True) for h in doc.find_all("h2")]
    wanted_list = doc.find("h2", string="Tilaa etsitään").find_next("ul")
    assert "Aikuisten lentopallo etsii tiistain iltavuoroa" in wanted_list.get_text()
    other = doc.find("h2", string="Muut tilailmoitukset").find_next("ul")
    assert "Esteetön sali vapaana tiistai- ja torstai-iltaisin" in other.get_text()
    assert "Tilaa etsitään" in headings


def test_space_page_facts_week_booking_and_place(example_site):
    doc = page(example_site, "tilat/askeleen-sali")
    assert doc.h1.get_text(strip=True) == "Askeleen sali"
    rows = doc.select("table.bl-week tbody tr")
    assert len(rows) == 7
    assert texts(rows[1].find_all(["th", "td"])) == ["tiistai", "klo 17–21"]
    assert "ei vapaita aikoja" in rows[0].get_text()
    assert doc.select_one("a[href='mailto:toimisto@askel.example.org']")
    place = json.loads(doc.select_one("script[type='application/ld+json']").string)
    assert place["@type"] == "Place" and place["maximumAttendeeCapacity"] == 50
    assert place["address"]["streetAddress"] == "Koskenparras 4, 55100 Imatra"
    assert {"name": "Esteetön WC", "value": True, "@type": "LocationFeatureSpecification"} in place["amenityFeature"]
    fits = texts(doc.select(".bl-match"))
    assert any(f.startswith("Aikuisten lentopallo etsii tiistain iltavuoroa") and "vapaana ti 17–21, 50 hlöä" in f
               for f in fits)
    assert any(f.startswith("Kielikahvila") for f in fits)
    assert doc.select_one("meta[data-pagefind-filter='type[content]']")["content"] == "tila"


def test_wanted_notice_lists_the_spaces_that_fit_and_not_the_others(example_site):
    doc = page(example_site, "ilmoitukset/kokoontumistila-haussa-silta")
    fits = texts(doc.select(".bl-wanted .bl-match"))
    # Askeleen sali fits; the family club (20 persons), Hopeakoski (no Saturday)
    # and the local history house (a ramp, not step-free) do not
    assert [f.split(" (")[0] for f in fits] == ["Askeleen sali"]
    assert "vapaana la 10–16, 50 hlöä, porrasaton sisäänkäynti, kerhot ja harrastukset" in fits[0]
    # a need that is over (expired on 15.11.) is offered nothing, not even "none fits"
    over = page(example_site, "ilmoitukset/kuntoryhma-etsii-salia-majakka")
    assert over.select_one(".bl-notice__expired") and over.select_one(".bl-wanted")
    assert not over.select(".bl-wanted .bl-match")
    assert "Yksikään ilmoitettu tila ei sovi" not in over.select_one(".bl-wanted").get_text()


def test_offering_notice_shows_its_space(example_site):
    doc = page(example_site, "ilmoitukset/sali-vuorot-askel")
    offered = doc.select_one(".bl-offered")
    assert offered.find("a", href="/tilat/askeleen-sali/")
    assert "50 hlöä" in offered.get_text() and "Porrasaton sisäänkäynti" in offered.get_text()


def test_association_page_lists_its_spaces_and_who_they_fit(example_site):
    doc = page(example_site, "yhdistykset/invalidiyhdistys-askel")
    assert {"/tilat/askeleen-sali/", "/tilat/askeleen-kokoushuone/"} <= {a["href"] for a in doc.select(".bl-space a")}
    assert "Aikuisten lentopallo etsii tiistain iltavuoroa" in " ".join(texts(doc.select(".bl-match")))


def test_spaces_are_in_the_menu_sitemap_feed_and_search(example_site):
    doc = page(example_site, "")
    assert doc.select_one("nav.bl-nav a[href='/tilat/']").get_text(strip=True) == "Tilat"
    sitemap = (example_site / "sitemap.xml").read_text(encoding="utf-8")
    assert "/tilat/</loc>" in sitemap and "/tilat/askeleen-sali/</loc>" in sitemap
    rss = ElementTree.parse(example_site / "syotteet" / "tilat.rss.xml").getroot()
    links = [i.findtext("link") for i in rss.iter("item")]
    assert len(links) >= 14 and links[0].endswith("/tilat/vuoksenlaulun-harjoitussali/")  # newest first
    atom = (example_site / "syotteet" / "tilat.atom.xml").read_text(encoding="utf-8")
    assert "askeleen-sali" in atom
    assert page(example_site, "tilat").select_one("link[type='application/rss+xml'][href='/syotteet/tilat.rss.xml']")
    search = page(example_site, "haku")
    assert search.select_one("select[name='type'] option[value='tila']")


def test_a_space_in_the_feeds_says_when_it_is_free_at_what_price_and_what_it_has(example_site):
    space = yaml.safe_load((ROOT / "content" / "spaces" / "vuoksenlaulun-harjoitussali.yml").read_text(encoding="utf-8"))
    for name in ("tilat.rss.xml", "tilat.atom.xml"):
        feed = feedparser.parse((example_site / "syotteet" / name).read_bytes())
        [item] = [e for e in feed.entries if e.link.endswith("/tilat/vuoksenlaulun-harjoitussali/")]
        summary = BeautifulSoup(item.summary, "html.parser").get_text()
        assert "35 hlö" in summary and "ti 17–21" in summary and space["price"] in summary
        content = BeautifulSoup(item.content[0].value if "content" in item else item.summary, "html.parser")
        facts = {dt.get_text(strip=True): dt.find_next("dd").get_text(strip=True) for dt in content.select("dt")}
        assert facts["Hinta"] == space["price"] and "Piano" in facts["Varusteet"]
        assert "ti 17–21, to 17–21, la 10–16" in content.get_text()
        assert all(a["href"].startswith("http") for a in content.select("a[href]"))  # readers have no site to resolve against


def test_tiny_site_matches_and_explains(site):
    a_site(site)
    assert site.build() == 0
    notice = site.page("ilmoitukset/haku/")
    assert texts(notice.select(".bl-wanted .bl-match")) == [
        "Testikylän sali (Testikylän Eläkkeensaajat ry) vapaana ti 17–21, 30 hlöä, porrasaton sisäänkäynti, "
        "liikunta ja tanssi"]
    assert site.page("tilat/sali/").select(".bl-match")


def test_a_need_for_a_piano_is_offered_only_spaces_with_one(site):
    # a choir writes the equipment it needs as a space's own words: a space
    # for music without a piano was offered as fitting
    a_site(site)
    site.notice("haku.md", wanted().replace("purposes: [liikunta]", "purposes: [liikunta]\n  equipment: [piano]"))
    assert site.build() == 0
    notice = site.page("ilmoitukset/haku/")
    assert not notice.select(".bl-match")
    assert "Varusteet Piano" in " ".join(notice.select_one(".bl-wanted").get_text(" ").split())
    (site.content / "spaces" / "sali.yml").write_text(SPACE + "equipment: [piano, poydat]\n", encoding="utf-8")
    assert site.build() == 0
    assert texts(site.page("ilmoitukset/haku/").select(".bl-wanted .bl-match")) == [
        "Testikylän sali (Testikylän Eläkkeensaajat ry) vapaana ti 17–21, 30 hlöä, porrasaton sisäänkäynti, "
        "liikunta ja tanssi, piano"]


def test_tiny_site_without_a_match(site):
    a_site(site, capacity=31)
    assert site.build() == 0
    assert not site.page("ilmoitukset/haku/").select(".bl-match")
    assert "Yksikään ilmoitettu tila ei sovi" in site.page("ilmoitukset/haku/").select_one(".bl-wanted").get_text()
    assert "ei nyt sovi" in site.page("tilat/sali/").get_text()


def test_a_space_without_free_hours_says_whom_to_ask(site):
    # "Ask the contact person" was said of a space that names none
    (site.content / "spaces").mkdir()
    for slug, booking in [("varaajalla", "booking: {name: Aila}\n"), ("varaajatta", "")]:
        (site.content / "spaces" / f"{slug}.yml").write_text(
            f"name: Sali\nassociation: testikyla\naddress: Kylätie 1\ncapacity: 30\n{booking}", encoding="utf-8")
    assert site.build() == 0
    week = site.page("tilat/varaajalla/").select_one("#vapaat-ajat").find_parent("section")
    assert " ".join(week.p.get_text().split()) == "Kysy vapaita aikoja yhteyshenkilöltä."
    week = site.page("tilat/varaajatta/").select_one("#vapaat-ajat").find_parent("section")
    assert " ".join(week.p.get_text().split()) == "Kysy vapaita aikoja tilan tarjoajalta: Testikylän Eläkkeensaajat ry."
    assert week.a["href"] == "/yhdistykset/testikyla/"


def test_an_expired_need_is_not_offered_to(site):
    a_site(site)
    site.notice("haku.md", wanted().replace('date: "2026-11-20"', 'date: "2026-11-20"\nexpires: "2026-11-25"'))
    assert site.build() == 0
    assert not site.page("tilat/sali/").select(".bl-match")
    notice = site.page("ilmoitukset/haku/")
    assert notice.select_one(".bl-notice__expired")
    assert not notice.select(".bl-match")  # nor is it offered spaces on its own page, as if it were current
    assert "Sopivat tilat" not in notice.get_text() and "Yksikään" not in notice.get_text()


def test_a_need_past_its_season_is_over_though_its_notice_would_be_current(site):
    # `wanted.until` is the last day the space is wanted: after it the notice
    # is no longer current (no `expires`, so by its date alone it would be, for 60 days)
    a_site(site, until="2026-11-30")
    assert site.build("2026-12-01") == 0
    notice = site.page("ilmoitukset/haku/")
    assert notice.select_one(".bl-notice__expired")
    assert not notice.select(".bl-match") and "Yksikään" not in notice.get_text()
    assert not site.page("tilat/sali/").select(".bl-match")
    assert "ei nyt sovi" in site.page("tilat/sali/").get_text()
    assert not site.page("yhdistykset/testikyla/").select(".bl-match")
    spaces_page = site.page("tilat/")
    assert "Sali haussa" not in spaces_page.find("h2", string="Tilaa etsitään").find_next(["ul", "p"]).get_text()
    assert "Sali haussa" not in " ".join(texts(site.page("").select(".bl-item__title")))
    # on its last day it is still wanted, and offered to
    assert site.build("2026-11-30") == 0
    assert texts(site.page("tilat/sali/").select(".bl-match a")) == ["Sali haussa"]
    assert texts(site.page("ilmoitukset/haku/").select(".bl-wanted .bl-match > a")) == ["Testikylän sali"]
    assert "Sali haussa" in " ".join(texts(site.page("").select(".bl-item__title")))


def test_an_associations_own_space_is_not_offered_to_its_need(site):
    # the space is testikyla's: its own need is not offered it, another association's is
    a_site(site)
    site.notice("oma.md", wanted(title="Oma haku", association="testikyla"))
    assert site.build() == 0
    assert texts(site.page("ilmoitukset/haku/").select(".bl-wanted .bl-match > a")) == ["Testikylän sali"]
    own = site.page("ilmoitukset/oma/")
    assert not own.select(".bl-match")
    assert "Yksikään ilmoitettu tila ei sovi" in own.select_one(".bl-wanted").get_text()
    assert texts(site.page("tilat/sali/").select(".bl-match > a")) == ["Sali haussa"]
    assert texts(site.page("yhdistykset/testikyla/").select(".bl-match > a")) == ["Sali haussa"]


def test_bad_space_stops_the_build_with_its_line(site, capsys):
    a_site(site)
    (site.content / "spaces" / "sali.yml").write_text(SPACE.replace("capacity: 30", "capacity: kolmekymmentä"),
                                                       encoding="utf-8")
    assert site.build() != 0
    assert "sali.yml:5: Kentän capacity arvon pitää olla kokonaisluku 1–9999, nyt kolmekymmentä" in \
        capsys.readouterr().err
    assert site.check() == 1


def test_a_retired_associations_space_stops_check_and_build_on_its_association_line(site, capsys):
    from conftest import ASSOCIATION
    a_site(site)
    site.association("testikyla", ASSOCIATION + "active: false\n")
    said = "sali.yml:2: Yhdistys testikyla on lopettanut toimintansa, eikä sen tiloja tarjota."
    assert site.check() == 1
    assert said in capsys.readouterr().out
    assert site.build() != 0
    assert said in capsys.readouterr().err
    # the file removed, the association's past is as before
    (site.content / "spaces" / "sali.yml").unlink()
    assert site.check() == 0


def test_a_notice_offers_only_its_own_associations_space_at_every_door(site, capsys, tmp_path):
    """Naapuri's notice naming Testikylä's hall would present it as
    Naapuri's offer: check, the build and add refuse it at its space line."""
    from bulletin_cli.cli import main
    a_site(site)
    offer = notice_text(title="Sali vuokralle", association="naapuri", category="tilat", extra="space: sali\n")
    path = site.notice("tarjous.md", offer)
    said = ("tarjous.md:6: Tila sali on yhdistyksen testikyla tila, eikä yhdistys naapuri voi tarjota sitä. "
            "Tilaa tarjoaa sen oma yhdistys")
    assert site.check() == 1
    assert said in capsys.readouterr().out
    assert site.build() != 0
    assert said in capsys.readouterr().err
    path.unlink()
    submission = tmp_path / "tarjous.md"
    submission.write_text(offer, encoding="utf-8")
    assert main(["add", str(submission), "--content", str(site.content)]) == 1
    assert "Tila sali on yhdistyksen testikyla tila" in capsys.readouterr().err
    assert sorted(p.name for p in (site.content / "notices").rglob("*.md")) == ["haku.md"]  # nothing written
    # its own association offers it
    submission.write_text(offer.replace("association: naapuri", "association: testikyla"), encoding="utf-8")
    assert main(["add", str(submission), "--content", str(site.content)]) == 0
    assert site.check() == 0


def test_add_keeps_the_space_a_notice_offers_or_wants(site, capsys, tmp_path):
    """`add` writes the notice anew from what it read: a space offered or
    wanted was left out of the file, silently."""
    from bulletin_cli.cli import main
    a_site(site)
    wanted_file, offer_file = tmp_path / "haku.md", tmp_path / "tarjous.md"
    wanted_file.write_text(wanted(title="Toinen sali haussa", until="2027-05-31"), encoding="utf-8")
    offer_file.write_text(notice_text(title="Sali vuokralle", category="tilat", extra="space: sali\n"),
                          encoding="utf-8")
    for submission in (wanted_file, offer_file):
        assert main(["add", str(submission), "--content", str(site.content)]) == 0
    assert site.build() == 0
    haku = site.page("ilmoitukset/2026-11-20-toinen-sali-haussa/").select_one(".bl-wanted").get_text(" ", strip=True)
    assert "20" in haku and "ti 18–20" in haku and "31.5.2027" in haku
    assert texts(site.page("ilmoitukset/2026-11-20-toinen-sali-haussa/").select(".bl-match > a")) == ["Testikylän sali"]
    assert texts(site.page("ilmoitukset/2026-11-20-sali-vuokralle/").select("#tarjottu-tila a")) \
        == ["Testikylän sali"]


def test_example_content_has_enough_spaces_and_needs_to_match(example_site):
    from bulletin_cli.project import load_settings
    from bulletin_contract.checks import check_content, context_for, load_associations, load_spaces
    from bulletin_i18n import Translator
    settings = load_settings(str(ROOT / "pelicanconf.py"), content=ROOT / "content")
    t = Translator("fi")
    associations, _ = load_associations(ROOT / "content", context_for(settings, t))
    spaces, problems = load_spaces(ROOT / "content", context_for(settings, t, associations=set(associations)))
    assert problems == [] and len(spaces) >= 14
    assert len({s.association for s in spaces.values()}) >= 8
    assert len({s.district for s in spaces.values()}) >= 6
    names = " ".join(s.name.lower() for s in spaces.values())
    for kind in ("kerhohuone", "sali", "liikuntasali", "kokoushuone", "keittiö", "varasto", "sauna", "bändikämppä"):
        assert kind in names
    notices, _ = check_content(ROOT / "content", settings, t)
    wanted = [n for n in notices if n.wanted]
    assert len(wanted) >= 5
    fitted = [n for n in wanted if page(example_site, f"ilmoitukset/{n.slug}").select(".bl-wanted .bl-match")]
    assert 0 < len(fitted) < len(wanted)  # both: needs that some space fits, and one that none does


PNG = bytes.fromhex("89504e470d0a1a0a0000000d4948445200000001000000010806000000"
                    "1f15c4890000000d49444154789c6360000002000154a24f5d0000000049454e44ae426082")


def test_space_images_are_the_sites_own(site, capsys):
    a_site(site)
    (site.content / "images").mkdir()
    (site.content / "images" / "sali.png").write_bytes(PNG)
    path = site.content / "spaces" / "sali.yml"
    path.write_text(SPACE + 'images: ["{static}/images/sali.png"]\n', encoding="utf-8")
    assert site.build() == 0
    img = site.page("tilat/sali/").select_one(".bl-space__images img")
    assert img["src"] == "/images/sali.png" and img["alt"] == "Kuva tilasta Testikylän sali (1/1)"
    assert (site.output / "images" / "sali.png").read_bytes() == PNG
    path.write_text(SPACE + 'images: ["{static}/images/puuttuu.png"]\n', encoding="utf-8")
    assert site.build() != 0
    assert "sali.yml:10: Kuvaa {static}/images/puuttuu.png ei löydy" in capsys.readouterr().err


def test_a_shared_space_page_shows_its_name_text_and_first_picture(site):
    """A space is offered by sharing its page's address: the preview a
    messaging app draws says what it is and shows it, as a notice's does."""
    a_site(site)
    (site.content / "images").mkdir()
    (site.content / "images" / "sali.png").write_bytes(PNG)  # 1 x 1
    path = site.content / "spaces" / "sali.yml"
    path.write_text(SPACE + 'images: ["{static}/images/sali.png"]\ndescription: Valoisa sali.\n', encoding="utf-8")
    assert site.build() == 0
    found = {tag["property"]: tag["content"] for tag in site.page("tilat/sali/").select("meta[property]")}
    assert found == {
        "og:type": "website", "og:title": "Testikylän sali", "og:description": "Valoisa sali.",
        "og:url": "http://127.0.0.1:8000/tilat/sali/", "og:site_name": "Imatran järjestöjen ilmoitukset",
        "og:image": "http://127.0.0.1:8000/images/sali.png", "og:image:width": "1", "og:image:height": "1",
        "og:image:alt": "Kuva tilasta Testikylän sali (1/1)",
        "og:locale": "fi_FI"}
