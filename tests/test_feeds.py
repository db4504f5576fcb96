"""RSS and Atom feeds: parsed with feedparser, as a feed reader would."""
import calendar
import filecmp
import json
from datetime import datetime, timezone

import feedparser
import pytest
from bs4 import BeautifulSoup
from icalendar import Calendar

from bulletin_cli.cli import main
from bulletin_settings import SettingsError, site_address, validate, with_defaults
from conftest import event_text, notice_text

LOCAL = "http://127.0.0.1:8000"
# Every character that has a meaning in HTML, XML, iCalendar TEXT or YAML.
AWKWARD = 'Kahvit & pullat <ilta> "kaikille", osa 1; \\ loppu'
AWKWARD_YAML = "'" + AWKWARD + "'"  # single quotes: the backslash stays as it is


def parse(path):
    feed = feedparser.parse(path.read_bytes())
    assert not feed.bozo, (path, feed.get("bozo_exception"))
    return feed


def titles(feed):
    return sorted(entry.title for entry in feed.entries)


@pytest.fixture
def feeds_site(site):
    """Two associations; current, expired and recently ended notices."""
    site.association("kuoro", "name: Kuoro Vuoksenlaulu ry\n")
    (site.content / "images").mkdir()
    (site.content / "images" / "kartta.png").write_bytes(b"\x89PNG\r\n\x1a\n" + b"\x00" * 40)
    site.notice("tiedote.md", notice_text(
        "Nykyinen tiedote", date="2026-11-20 09:30",
        body="Katso [tilat](https://example.org/tilat/) ja [kartta]({static}/images/kartta.png).\n\n"
             "![Kartta]({static}/images/kartta.png)"))
    site.notice("tila.md", notice_text("Tila vapaana", category="tilat", date="2026-11-25"))
    site.notice("konsertti.md", event_text("Joulukonsertti", association="kuoro", start="2026-12-13 15:00",
                                           end="16:30", date="2026-11-05"))
    site.notice("vanha.md", notice_text("Vanha tiedote", association="kuoro", date="2025-01-01"))
    site.notice("mennyt.md", event_text("Mennyt tapahtuma", start="2026-11-15 18:00", date="2026-11-01"))
    assert site.build("2026-12-01") == 0
    return site


def test_every_feed_parses_without_errors(feeds_site):
    files = sorted((feeds_site.output / "syotteet").rglob("*.xml"))
    # all, 6 categories, 2 associations, the weekly letters and the spaces, each in RSS and Atom
    assert len(files) == 2 * (1 + 6 + 2 + 1 + 1)
    for path in files:
        feed = parse(path)
        assert feed.version == ("rss20" if path.name.endswith(".rss.xml") else "atom10")
        assert feed.feed.language == "fi"
        address = f"{LOCAL}/{path.relative_to(feeds_site.output).as_posix()}"
        assert [link.href for link in feed.feed.links if link.rel == "self"] == [address]


def test_all_feed_holds_current_notices_newest_first(feeds_site):
    for name in ("kaikki.rss.xml", "kaikki.atom.xml"):
        feed = parse(feeds_site.output / "syotteet" / name)
        assert feed.feed.title == "Imatran järjestöjen ilmoitukset"
        assert [e.title for e in feed.entries] == ["Tila vapaana", "Nykyinen tiedote", "Joulukonsertti"]


def test_expired_notices_are_in_no_feed(feeds_site):
    for path in (feeds_site.output / "syotteet").rglob("*.xml"):
        if path.name.startswith("viikkokirje."):
            continue  # the letters of earlier weeks keep what was current then
        text = path.read_text(encoding="utf-8")
        assert "Vanha tiedote" not in text and "Mennyt tapahtuma" not in text, path


def test_association_feeds_hold_only_their_association(feeds_site):
    folder = feeds_site.output / "syotteet" / "yhdistykset"
    for ext in ("rss", "atom"):
        kuoro = parse(folder / f"kuoro.{ext}.xml")
        assert kuoro.feed.title == "Imatran järjestöjen ilmoitukset – Kuoro Vuoksenlaulu ry"
        assert titles(kuoro) == ["Joulukonsertti"]
        assert {e.author for e in kuoro.entries} == {"Kuoro Vuoksenlaulu ry"}
        testikyla = parse(folder / f"testikyla.{ext}.xml")
        assert titles(testikyla) == ["Nykyinen tiedote", "Tila vapaana"]
        assert {e.author for e in testikyla.entries} == {"Testikylän Eläkkeensaajat ry"}


def test_category_feeds_are_titled_and_hold_their_category(feeds_site):
    folder = feeds_site.output / "syotteet" / "aiheet"
    events = parse(folder / "tapahtumat.rss.xml")
    assert events.feed.title == "Imatran järjestöjen ilmoitukset – Tapahtumat"
    assert titles(events) == ["Joulukonsertti"]
    assert titles(parse(folder / "tilat.atom.xml")) == ["Tila vapaana"]
    empty = parse(folder / "rahoitus.atom.xml")
    assert empty.entries == []
    # an empty feed is dated by the build's day, not by the clock
    assert empty.feed.updated == "2026-12-01T00:00:00+02:00"


@pytest.mark.parametrize("name", ["kaikki.rss.xml", "kaikki.atom.xml"])
def test_items_carry_what_readers_need(feeds_site, name):
    feed = parse(feeds_site.output / "syotteet" / name)
    item = next(e for e in feed.entries if e.title == "Nykyinen tiedote")
    permalink = f"{LOCAL}/ilmoitukset/tiedote/"
    assert item.link == permalink and item.id == permalink
    assert item.author == "Testikylän Eläkkeensaajat ry"
    assert [t.term for t in item.tags] == ["Tiedotteet"]
    assert item.summary.startswith("Katso tilat ja kartta.")
    # 2026-11-20 09:30 in Helsinki (UTC+2)
    assert calendar.timegm(item.published_parsed) == datetime(2026, 11, 20, 7, 30, tzinfo=timezone.utc).timestamp()
    assert feed.feed.updated_parsed == max(e.published_parsed for e in feed.entries)


@pytest.mark.parametrize("name", ["kaikki.rss.xml", "kaikki.atom.xml"])
def test_links_and_images_in_items_are_absolute(feeds_site, name):
    feed = parse(feeds_site.output / "syotteet" / name)
    item = next(e for e in feed.entries if e.title == "Nykyinen tiedote")
    body = BeautifulSoup(item.content[0].value, "html.parser")
    links = [a["href"] for a in body.find_all("a")]
    # a notice's links are whole addresses or the site's files (check refuses others)
    assert links == ["https://example.org/tilat/", f"{LOCAL}/images/kartta.png"]
    assert [img["src"] for img in body.find_all("img")] == [f"{LOCAL}/images/kartta.png"]
    for entry in feed.entries:
        assert entry.link.startswith(LOCAL + "/ilmoitukset/")


def test_published_build_uses_siteurl(feeds_site):
    output = feeds_site.root / "published"
    assert main(["-s", "publishconf.py", "build", "--content", str(feeds_site.content),
                 "--output", str(output), "--today", "2026-12-01"]) == 0
    feed = parse(output / "syotteet" / "kaikki.atom.xml")
    assert feed.feed.id == "https://example.org/ilmoitukset/syotteet/kaikki.atom.xml"
    assert {e.link for e in feed.entries} == {f"https://example.org/ilmoitukset/ilmoitukset/{s}/"
                                              for s in ("tiedote", "tila", "konsertti")}


def test_source_date_epoch_is_the_day_without_today(site, monkeypatch):
    site.notice("a.md", notice_text("Vanhenee marraskuussa", date="2026-10-01", extra='expires: "2026-11-30"'))
    monkeypatch.setenv("SOURCE_DATE_EPOCH", str(int(datetime(2026, 12, 1, 12, tzinfo=timezone.utc).timestamp())))
    assert main(["build", "--content", str(site.content), "--output", str(site.output)]) == 0
    feed = parse(site.output / "syotteet" / "kaikki.rss.xml")
    assert feed.entries == [] and feed.feed.updated == "Tue, 01 Dec 2026 00:00:00 +0200"


def test_pages_point_to_their_feeds(feeds_site):
    def alternates(address):
        page = feeds_site.page(address)
        return {link["href"]: link["type"] for link in page.find_all("link", rel="alternate")}

    assert alternates("") == {"/syotteet/kaikki.rss.xml": "application/rss+xml",
                              "/syotteet/kaikki.atom.xml": "application/atom+xml",
                              "/kalenteri/tapahtumat.ics": "text/calendar",
                              "/syotteet/kaikki.json": "application/feed+json",
                              "/syotteet/tapahtumat.json": "application/feed+json"}
    assert alternates("aiheet/tilat/") == {"/syotteet/aiheet/tilat.rss.xml": "application/rss+xml",
                                           "/syotteet/aiheet/tilat.atom.xml": "application/atom+xml"}
    assert alternates("yhdistykset/kuoro/") == {"/syotteet/yhdistykset/kuoro.rss.xml": "application/rss+xml",
                                                "/syotteet/yhdistykset/kuoro.atom.xml": "application/atom+xml",
                                                "/kalenteri/yhdistykset/kuoro.ics": "text/calendar"}
    assert "/syotteet/yhdistykset/kuoro.rss.xml" in alternates("ilmoitukset/konsertti/")
    # every address a page points to exists
    for path in feeds_site.output.rglob("*.html"):
        for link in BeautifulSoup(path.read_text(encoding="utf-8"), "html.parser").find_all("link", rel="alternate"):
            assert (feeds_site.output / link["href"].lstrip("/")).is_file(), (path, link)


@pytest.mark.parametrize("address, rss, ics", [
    ("", "syotteet/kaikki.rss.xml", "kalenteri/tapahtumat.ics"),
    ("tapahtumat/", "syotteet/aiheet/tapahtumat.rss.xml", "kalenteri/tapahtumat.ics"),
    ("aiheet/tapahtumat/", "syotteet/aiheet/tapahtumat.rss.xml", "kalenteri/tapahtumat.ics"),
    ("aiheet/tilat/", "syotteet/aiheet/tilat.rss.xml", None),
    ("yhdistykset/kuoro/", "syotteet/yhdistykset/kuoro.rss.xml", "kalenteri/yhdistykset/kuoro.ics"),
    ("yhdistykset/", "syotteet/kaikki.rss.xml", "kalenteri/tapahtumat.ics"),
    ("arkisto/", "syotteet/kaikki.rss.xml", "kalenteri/tapahtumat.ics"),
    ("avainsanat/", "syotteet/kaikki.rss.xml", "kalenteri/tapahtumat.ics"),
])
def test_listings_show_a_tilaa_block(feeds_site, address, rss, ics):
    box = feeds_site.page(address).select_one("aside.bl-subscribe")
    assert box.find("h2").get_text() == "Tilaa"
    links = {a.get_text(): a["href"] for a in box.find_all("a")}
    assert links["Tilaa RSS-syöte"] == f"/{rss}"
    shown = [code.get_text() for code in box.find_all("code")]
    if ics:
        assert links["Tilaa kalenteri"] == f"webcal://127.0.0.1:8000/{ics}"
        assert shown == [f"{LOCAL}/{rss}", f"{LOCAL}/{ics}"]
    else:
        assert "Tilaa kalenteri" not in links and shown == [f"{LOCAL}/{rss}"]
    assert links["Näin tilaat syötteen tai kalenterin"] == "/tilaa/"
    help_page = feeds_site.page("tilaa/")
    assert "Lisää tilattu kalenteri" in help_page.get_text() and "RSS-syöte" in help_page.get_text()


def test_awkward_text_survives_html_feeds_and_calendars(site):
    site.notice("outo.md", f"""---
title: {AWKWARD_YAML}
association: testikyla
category: tapahtumat
date: "2026-11-20"
event:
  start: "2026-12-05 18:00"
  location: {AWKWARD_YAML}
---
Ensimmäinen rivi & pullat.

END:VEVENT

BEGIN:VEVENT

Toinen kappale; pilkku, kenoviiva \\ loppu.
""")
    assert site.build("2026-12-01") == 0
    page = site.page("ilmoitukset/outo/")
    assert page.find("h1").get_text() == AWKWARD
    assert AWKWARD in page.select_one(".bl-event").get_text()
    for name in ("kaikki.rss.xml", "kaikki.atom.xml"):
        [entry] = parse(site.output / "syotteet" / name).entries
        assert entry.title == AWKWARD
    for path in (site.output / "ilmoitukset/outo/tapahtuma.ics", site.output / "kalenteri/tapahtumat.ics"):
        [event] = Calendar.from_ical(path.read_bytes()).events
        assert str(event["summary"]) == AWKWARD and str(event["location"]) == AWKWARD
        description = str(event["description"])
        # paragraphs are lines; a line that looks like iCalendar stays text
        assert description.startswith("Ensimmäinen rivi & pullat.\n\nEND:VEVENT\n\nBEGIN:VEVENT\n\n"
                                       "Toinen kappale; pilkku, kenoviiva \\ loppu.\n\n")


def test_two_builds_are_byte_identical(feeds_site):
    again = feeds_site.root / "again"
    assert main(["build", "--content", str(feeds_site.content), "--output", str(again),
                 "--today", "2026-12-01"]) == 0
    first = sorted(p.relative_to(feeds_site.output) for p in feeds_site.output.rglob("*") if p.is_file())
    second = sorted(p.relative_to(again) for p in again.rglob("*") if p.is_file())
    assert first == second
    _, mismatch, errors = filecmp.cmpfiles(feeds_site.output, again, [str(p) for p in first], shallow=False)
    assert mismatch == [] and errors == []


@pytest.mark.parametrize("key, value, expected", [
    ("BULLETIN_LOCAL_SITEURL", "127.0.0.1:8000", "an address such as http://127.0.0.1:8000"),
    ("BULLETIN_LOCAL_SITEURL", "http://127.0.0.1:8000/", "without a / at the end"),
    ("BULLETIN_FEED_URLS", {"all_rss": "kaikki.xml"}, "each a relative file path"),
    ("BULLETIN_CALENDAR_DOMAIN", "example.org/x", "a domain name"),
    ("BULLETIN_CALENDAR_PAST_DAYS", -1, "0 or more"),
])
def test_bad_feed_settings_name_key_and_form(key, value, expected):
    with pytest.raises(SettingsError, match=expected) as caught:
        validate(with_defaults({key: value}))
    assert str(caught.value).startswith(f"{key} = ")


def test_bad_source_date_epoch_is_refused(monkeypatch):
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "eilen")
    with pytest.raises(SettingsError, match="SOURCE_DATE_EPOCH = 'eilen'"):
        validate(with_defaults({}))


def test_site_address_prefers_siteurl():
    assert site_address(with_defaults({"SITEURL": ""})) == LOCAL
    assert site_address(with_defaults({"SITEURL": "https://example.org/ilmoitukset/"})) == \
        "https://example.org/ilmoitukset"


# -- JSON Feed 1.1 ------------------------------------------------------------------

def json_feed(path):
    """A JSON Feed held to the spec's required and typed fields (version 1.1)."""
    feed = json.loads(path.read_text(encoding="utf-8"))
    assert feed["version"] == "https://jsonfeed.org/version/1.1"
    assert isinstance(feed["title"], str) and feed["title"]
    assert isinstance(feed["items"], list)
    for key in ("home_page_url", "feed_url", "description", "language"):
        assert isinstance(feed.get(key, ""), str)
    for key in feed:  # a key the spec does not define must start with _
        assert key in {"version", "title", "home_page_url", "feed_url", "description", "user_comment",
                       "next_url", "icon", "favicon", "authors", "language", "expired", "hubs", "items"} \
            or key.startswith("_"), key
    for item in feed["items"]:
        assert isinstance(item["id"], str) and item["id"]
        assert isinstance(item.get("content_html"), str) or isinstance(item.get("content_text"), str)
        for key in ("url", "title", "summary", "date_published"):
            assert isinstance(item.get(key, ""), str)
        datetime.fromisoformat(item["date_published"])  # RFC 3339
        assert all(isinstance(a, dict) and a.get("name") for a in item.get("authors", []))
        assert all(isinstance(tag, str) for tag in item.get("tags", []))
        for key in item:
            assert key in {"id", "url", "external_url", "title", "content_html", "content_text", "summary",
                           "image", "banner_image", "date_published", "date_modified", "authors", "tags",
                           "language", "attachments"} or key.startswith("_"), key
    return feed


def test_json_feed_of_current_notices(feeds_site):
    feed = json_feed(feeds_site.output / "syotteet" / "kaikki.json")
    assert feed["feed_url"] == f"{LOCAL}/syotteet/kaikki.json" and feed["home_page_url"] == f"{LOCAL}/"
    assert [item["title"] for item in feed["items"]] == ["Tila vapaana", "Nykyinen tiedote", "Joulukonsertti"]
    item = feed["items"][1]
    assert item["id"] == item["url"] == f"{LOCAL}/ilmoitukset/tiedote/"
    assert item["authors"] == [{"name": "Testikylän Eläkkeensaajat ry", "url": f"{LOCAL}/yhdistykset/testikyla/"}]
    assert f'href="{LOCAL}/images/kartta.png"' in item["content_html"]  # absolute, as in the other feeds
    html = (feeds_site.output / "index.html").read_text(encoding="utf-8")
    assert '<link rel="alternate" type="application/feed+json" href="/syotteet/kaikki.json"' in html


def test_json_feed_of_events_has_their_occurrences(feeds_site):
    feed = json_feed(feeds_site.output / "syotteet" / "tapahtumat.json")
    [item] = feed["items"]  # the past event is not current
    assert item["title"] == "Joulukonsertti"
    assert item["_event"] == {"location": "Kerhohuone, Imatra", "all_day": False, "status": None, "occurrences": [
        {"start": "2026-12-13T15:00:00+02:00", "end": "2026-12-13T16:30:00+02:00"}]}


def test_every_feed_format_says_when_where_and_that_an_event_is_cancelled(site):
    """A feed reader shows an item's text: the JSON Feed's items said
    neither the time and place nor "Peruttu" and why, which the RSS and
    Atom items of the same notice say first."""
    site.notice("yokahvila.md", notice_text(title="Yökahvila nuorille", category="tapahtumat", date="2026-11-20",
                                            body="Tervetuloa!", extra="""
        event:
          start: "2026-12-04 22:00"
          end: "2026-12-05 02:00"
          location: Nuorisotila Kipinä
          status: peruttu
          status_note: Tila on vesivahingon vuoksi suljettu.
        """))
    assert site.build("2026-12-01") == 0
    said = ("Peruttu: perjantaina 4. joulukuuta 2026 klo 22.00 – lauantaina 5. joulukuuta 2026 klo 2.00 · "
            "Nuorisotila Kipinä · Tila on vesivahingon vuoksi suljettu.")
    feeds = site.output / "syotteet"
    read = {name: feedparser.parse((feeds / name).read_bytes()).entries for name in ("kaikki.rss.xml", "kaikki.atom.xml")}
    read |= {name: json_feed(feeds / name)["items"] for name in ("kaikki.json", "tapahtumat.json")}
    for name, [entry] in read.items():
        texts = {"content": entry["content"][0]["value"] if "content" in entry else entry["content_html"],
                 "summary": entry["summary"]}  # HTML in RSS and Atom, plain text in JSON Feed
        for part, text in texts.items():
            text = BeautifulSoup(text, "html.parser").get_text(" ")
            assert said in text and "Tervetuloa!" in text, (name, part, text)
        # a reader's list of items shows the titles alone, as a calendar its events' titles
        assert entry["title"] == "Peruttu: Yökahvila nuorille", name
