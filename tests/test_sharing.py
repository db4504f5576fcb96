"""What a shared link shows: Open Graph, description, schema.org Event JSON-LD."""
import json

import pytest

from bulletin_contract.render import json_for_script
from conftest import event_text, notice_text

LOCAL = "http://127.0.0.1:8000"
HOSTILE = 'Ilta </script><script>alert("x")</script> & <!-- -->'


@pytest.fixture
def sharing_site(site):
    site.notice("konsertti.md", event_text("Joulukonsertti", start="2026-12-13 15:00", end="16:30",
                                           location="Kulttuuritalo, Imatra",
                                           body="Rakkaimmat joululaulut.\n\nToinen kappale."))
    site.notice("polku.md", event_text("Joulupolku", start="2026-12-18", end="2026-12-20"))
    site.notice("tiedote.md", notice_text("Tiedote", body="Tärkeä tiedote."))
    site.notice("vaarallinen.md", f"""---
title: '{HOSTILE}'
association: testikyla
category: tapahtumat
date: "2026-11-20"
event:
  start: "2026-12-05 18:00"
  location: '{HOSTILE}'
---
Teksti.
""")
    assert site.build("2026-12-01") == 0
    return site


def meta(page, prop):
    tag = page.find("meta", property=prop)
    return tag["content"] if tag else None


def json_ld(page):
    scripts = page.find_all("script", type="application/ld+json")
    assert len(scripts) <= 1
    return json.loads(scripts[0].string) if scripts else None


@pytest.mark.parametrize("slug, title, description", [
    ("konsertti", "Joulukonsertti", "Rakkaimmat joululaulut."),
    ("tiedote", "Tiedote", "Tärkeä tiedote."),
])
def test_every_notice_has_open_graph_and_description(sharing_site, slug, title, description):
    page = sharing_site.page(f"ilmoitukset/{slug}/")
    assert meta(page, "og:title") == title
    assert meta(page, "og:description") == description
    assert page.find("meta", attrs={"name": "description"})["content"] == description
    assert meta(page, "og:type") == "article"
    assert meta(page, "og:url") == f"{LOCAL}/ilmoitukset/{slug}/"
    assert meta(page, "og:site_name") == "Imatran järjestöjen ilmoitukset"
    assert meta(page, "og:locale") == "fi_FI"
    assert meta(page, "article:published_time") == "2026-11-20T00:00:00+02:00"


def test_event_notice_carries_schema_org_event(sharing_site):
    data = json_ld(sharing_site.page("ilmoitukset/konsertti/"))
    assert data["@context"] == "https://schema.org" and data["@type"] == "Event"
    assert data["name"] == "Joulukonsertti"
    assert data["startDate"] == "2026-12-13T15:00:00+02:00"
    assert data["endDate"] == "2026-12-13T16:30:00+02:00"
    assert data["location"] == {"@type": "Place", "name": "Kulttuuritalo, Imatra", "address": "Kulttuuritalo, Imatra"}
    assert data["organizer"] == {"@type": "Organization", "name": "Testikylän Eläkkeensaajat ry",
                                 "url": f"{LOCAL}/yhdistykset/testikyla/"}
    assert data["url"] == f"{LOCAL}/ilmoitukset/konsertti/"
    assert data["description"] == "Rakkaimmat joululaulut."
    assert data["eventStatus"] == "https://schema.org/EventScheduled"
    assert data["eventAttendanceMode"] == "https://schema.org/OfflineEventAttendanceMode"


def test_all_day_event_dates_and_no_json_ld_for_other_notices(sharing_site):
    data = json_ld(sharing_site.page("ilmoitukset/polku/"))
    assert (data["startDate"], data["endDate"]) == ("2026-12-18", "2026-12-20")
    assert json_ld(sharing_site.page("ilmoitukset/tiedote/")) is None


def test_notice_text_cannot_close_the_json_ld_element(sharing_site):
    html = (sharing_site.output / "ilmoitukset" / "vaarallinen" / "index.html").read_text(encoding="utf-8")
    assert "</script><script>" not in html and "<!--" not in html
    page = sharing_site.page("ilmoitukset/vaarallinen/")
    # the one inline script is the JSON-LD (others are files: src=...)
    assert [s.get("type") for s in page.find_all("script") if not s.get("src")] == ["application/ld+json"]
    data = json_ld(page)
    assert data["name"] == HOSTILE and data["location"]["name"] == HOSTILE
    assert meta(page, "og:title") == HOSTILE


def test_json_for_script():
    text = json_for_script({"a": "</script>&<b>", "b": "ä"})
    assert text == '{"a": "\\u003c/script\\u003e\\u0026\\u003cb\\u003e", "b": "ä"}'
    assert json.loads(text) == {"a": "</script>&<b>", "b": "ä"}


def test_association_space_and_series_pages_are_described_by_their_own_text(site):
    # not the site's own description: a shared link to a club or a hall says what it is
    site.association("kuoro", 'name: Kuoro Vuoksenlaulu ry\ndescription: |\n  Laulamme **sekakuorossa** & esiinnymme.'
                              '\n\n  Toinen kappale.\n')
    (site.content / "spaces").mkdir()
    (site.content / "spaces" / "sali.yml").write_text(
        "name: Kylätalon sali\nassociation: testikyla\naddress: Kylätie 1, Imatra\ncapacity: 40\n"
        "description: Valoisa sali _ja_ näyttämö.\n", encoding="utf-8")
    (site.content / "spaces" / "aitta.yml").write_text(
        "name: Aitta\nassociation: testikyla\naddress: Kylätie 3, Imatra\ncapacity: 8\n", encoding="utf-8")
    (site.content / "series").mkdir()
    (site.content / "series" / "illat.yml").write_text(
        "name: Yhdistysillat\ndescription: Illat rahoituksesta ja tiloista.\n", encoding="utf-8")
    site.notice("ilta.md", notice_text("Ilta", extra="series: illat"))
    assert site.build("2026-12-01") == 0

    def described(path):
        return site.page(path).find("meta", attrs={"name": "description"})["content"]

    assert described("yhdistykset/kuoro/") == "Laulamme sekakuorossa & esiinnymme."
    assert described("yhdistykset/testikyla/") == "Kokoonnumme tiistaisin kerhohuoneella."
    assert described("tilat/sali/") == "Valoisa sali ja näyttämö."
    assert described("tilat/aitta/") == "Aitta, Kylätie 3, Imatra"
    assert described("sarjat/illat/") == "Illat rahoituksesta ja tiloista."


def test_a_shared_picture_says_its_size_and_what_it_shows(site):
    # A messaging app lays out its preview before it fetches the picture only
    # when it knows the size (og:image:width and height); without, it may
    # show no picture at the first share at all.
    from PIL import Image
    (site.content / "images").mkdir()
    Image.new("RGB", (640, 905), "white").save(site.content / "images" / "kevät juhla.jpg")
    site.notice("juhla.md", notice_text("Kevätjuhla",
                                        body="![Juliste: kevätjuhla 5.5.]({static}/images/kevät%20juhla.jpg)\n\nTervetuloa!"))
    site.notice("kuvaton.md", notice_text("Kuvaton"))
    assert site.build("2026-12-01") == 0
    page = site.page("ilmoitukset/juhla/")
    assert meta(page, "og:image") == f"{LOCAL}/images/kev%C3%A4t%20juhla.jpg"
    assert (meta(page, "og:image:width"), meta(page, "og:image:height")) == ("640", "905")
    assert meta(page, "og:image:alt") == "Juliste: kevätjuhla 5.5."
    # no picture of the site's own: nothing about one
    page = site.page("ilmoitukset/kuvaton/")
    assert meta(page, "og:image") is None and meta(page, "og:image:width") is None
    # the picture changed, its notice did not: the next build says the new size
    Image.new("RGB", (1200, 1700), "white").save(site.content / "images" / "kevät juhla.jpg")
    assert site.build("2026-12-01") == 0
    page = site.page("ilmoitukset/juhla/")
    assert (meta(page, "og:image:width"), meta(page, "og:image:height")) == ("1200", "1700")


def test_a_joint_events_json_ld_names_every_organiser(site):
    site.association("kuoro", "name: Kuoro ry\n")
    site.notice("ilta.md", notice_text("Yhteinen ilta", category="yhteistyo", extra=(
        'partners: [kuoro]\nevent:\n  start: "2026-12-12 18:00"\n  location: Kerhohuone')))
    assert site.build("2026-12-01") == 0
    assert json_ld(site.page("ilmoitukset/ilta/"))["organizer"] == [
        {"@type": "Organization", "name": "Testikylän Eläkkeensaajat ry", "url": f"{LOCAL}/yhdistykset/testikyla/"},
        {"@type": "Organization", "name": "Kuoro ry", "url": f"{LOCAL}/yhdistykset/kuoro/"}]
