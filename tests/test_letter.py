"""The weekly letter: its pages, its feed and `bulletin digest`, sent to a
local SMTP server and read back."""
import contextlib
import email
import email.policy
import socket
from datetime import date, datetime

import feedparser
import pytest
from aiosmtpd.controller import Controller
from aiosmtpd.smtp import AuthResult
from bs4 import BeautifulSoup

from bulletin_cli.cli import main
from bulletin_contract.fields import HELSINKI
from bulletin_contract.model import Event, Occurrence
from bulletin_letter.letters import WeekId, events_of_week
from bulletin_pages.listings import Listed
from conftest import Site, event_text, notice_text

SITE = "https://example.org/ilmoitukset"  # publishconf.py's, which digest uses


@pytest.mark.parametrize("text, slug, monday", [
    ("2026-W49", "2026-49", date(2026, 11, 30)),
    ("2026-49", "2026-49", date(2026, 11, 30)),
    ("2027-w01", "2027-01", date(2027, 1, 4)),
    ("2026-W53", "2026-53", date(2026, 12, 28)),
])
def test_weeks_are_iso_weeks(text, slug, monday):
    week = WeekId.parse(text)
    assert (week.slug, week.monday, week.sunday.weekday()) == (slug, monday, 6)


@pytest.mark.parametrize("text", ["2026-W54", "2025-W53", "2026", "viikko 49"])
def test_impossible_weeks_are_refused(text):
    with pytest.raises(ValueError):
        WeekId.parse(text)


def test_an_event_of_several_days_is_in_every_week_it_touches_and_a_series_on_each_day():
    class Article:
        def __init__(self, slug, event):
            self.slug, self.notice = slug, type("Notice", (), {"event": event})

    camp = Article("leiri", Event(start=date(2026, 12, 5), end=date(2026, 12, 8), location="Leirikeskus"))
    days = [datetime(2026, 12, d, 10, tzinfo=HELSINKI) for d in (1, 3, 8, 10)]
    club = Article("kerho", Event(start=days[0], location="Kerhohuone", occurrences=tuple(map(Occurrence, days))))
    weeks = [WeekId.parse(w) for w in ("2026-W48", "2026-W49", "2026-W50", "2026-W51")]
    found = [events_of_week([camp, club], w.monday, w.sunday) for w in weeks]
    assert [[e.article.slug for e in f] for f in found] == [[], ["kerho", "kerho", "leiri"], ["leiri", "kerho", "kerho"],
                                                            []]
    assert isinstance(found[1][0], Listed) and found[1][1].occurrence.start == days[1]


@pytest.fixture(scope="module")
def letter_site(tmp_path_factory):
    """Week 49 of 2026 (Monday 30.11.): what its letter holds and leaves out."""
    site = Site(tmp_path_factory.mktemp("letter"))
    site.notice("myyjaiset.md", event_text(title="Joulumyyjäiset", start="2026-12-05 10:00", end="14:00",
                                           date="2026-11-02"))
    site.notice("pikkujoulu.md", notice_text(title="Pikkujoulut", category="tapahtumat", date="2026-11-02", extra="""
        lang: sv
        event:
          start: "2026-12-09 13:00"
          location: Kerhohuone
          registration_deadline: "2026-12-07"
        """))
    site.notice("tapaninpaiva.md", event_text(title="Tapanintanssit", start="2026-12-26 19:00",
                                              date="2026-11-02"))
    site.notice("kerho.md", notice_text(title="Tiistaikerho", category="tapahtumat", date="2026-10-01", extra="""
        event:
          start: "2026-10-06 13:00"
          end: "15:00"
          location: Kerhohuone
          repeat:
            weekdays: [ti]
            until: "2027-05-25"
        """))
    site.notice("jumppa.md", notice_text(title="Torstaijumppa", category="tapahtumat", date="2026-10-01", extra="""
        event:
          start: "2026-10-01 18:00"
          location: Liikuntasali
          repeat:
            weekdays: [to]
            until: "2027-04-29"
            except: ["2026-12-03", "2026-12-10"]
        """))
    site.notice("peruttu.md", notice_text(title="Peruttu konsertti", category="tapahtumat", date="2026-11-02",
                                          extra="""
        event:
          start: "2026-12-04 18:00"
          location: Sali
          status: peruttu
          status_note: Esiintyjä on sairastunut.
          registration_deadline: "2026-12-02"
        """))
    site.notice("kuoro.md", notice_text(title="Kuorokonsertti", category="tapahtumat", date="2026-11-02", extra="""
        event:
          start: "2026-12-05 15:00"
          location: Kirkko
          registration_deadline: "2026-11-29"
        """))
    site.notice("uusi.md", notice_text(title="Kerhohuone remontissa", date="2026-11-25"))
    site.notice("vanha.md", notice_text(title="Vanha tiedote", date="2026-11-10"))
    site.notice("maanantai.md", notice_text(title="Maanantain tiedote", date="2026-11-30"))
    site.notice("avustus.md", notice_text(title="Järjestöavustus 2027", category="rahoitus", date="2026-11-01",
                                          extra='expires: "2027-01-31"'))
    site.notice("salivuoro.md", notice_text(title="Kuntopiiri etsii salivuoroa", category="tilat", date="2026-11-27",
                                            extra='wanted:\n  capacity: 15\n  when: ["ti 17-19"]'))
    site.notice("kerhotila.md", notice_text(title="Kerhotila haussa", category="tilat", date="2026-11-12",
                                            extra='wanted:\n  capacity: 10\n  when: ["ke 10-12"]'))
    (site.content / "spaces").mkdir()
    for slug, name, day in (("sali", "Kylätalon sali", '"2026-11-26"'), ("tupa", "Vanha tupa", '"2026-11-10"'),
                            ("aitta", "Aitta", None)):
        (site.content / "spaces" / f"{slug}.yml").write_text(
            f"name: {name}\nassociation: testikyla\naddress: Kylätie 1, Imatra\ndistrict: Rautio\ncapacity: 40\n"
            f"purposes: [juhla, liikunta]\n" + (f"date: {day}\n" if day else ""), encoding="utf-8")
    assert site.build("2026-12-01") == 0
    return site


def test_letter_lists_this_and_next_weeks_events_new_notices_and_funding(letter_site):
    page = letter_site.page("viikkokirje/2026-49/")
    sections = {s.h2.get_text(" ", strip=True): s.get_text(" ", strip=True) for s in page.select("main section")}
    this_week, next_week, new, spaces, needs, funding = sections.values()
    assert "Tämän viikon tapahtumat (viikko 49): ma 30.11.2026 – su 6.12.2026" in sections
    assert "Joulumyyjäiset" in this_week and "la 5.12.2026 klo 10.00–14.00" in this_week
    assert "Pikkujoulut" in next_week and "ke 9.12.2026 klo 13.00" in next_week
    # a weekly series on its day of each week; a cancelled event says so
    assert "Tiistaikerho ti 1.12.2026 klo 13.00–15.00" in this_week and "ti 8.12.2026 klo 13.00–15.00" in next_week
    assert "Peruttu: pe 4.12.2026 klo 18.00 , Sali Esiintyjä on sairastunut." in this_week  # and why
    assert "Kerhohuone remontissa" in new
    assert "Järjestöavustus 2027" in funding and "Haku päättyy 31.1.2027." in funding
    text = page.main.get_text(" ", strip=True)
    for left_out in ("Tapanintanssit", "Vanha tiedote", "Maanantain tiedote"):
        assert left_out not in text  # in two weeks; published long ago; published after the letter
    assert text.count("Järjestöavustus 2027") == 1  # a call is not repeated among the new
    # spaces offered and spaces wanted in the week before the letter, once each
    assert spaces == ("Uudet tilat Kylätalon sali 40 hlöä, Rautio, Kylätie 1, Imatra Testikylän Eläkkeensaajat ry "
                      "Lisätty 26.11.2026. Juhlat, Liikunta ja tanssi")
    assert page.select_one("#kirje-tilat ~ ul a")["href"] == "/tilat/sali/"
    assert needs.startswith("Tilaa haetaan Kuntopiiri etsii salivuoroa") and text.count("Kuntopiiri etsii") == 1
    for left_out in ("Vanha tupa", "Aitta", "Kerhotila haussa"):
        assert left_out not in text  # offered earlier; no date to tell when; wanted earlier


def test_a_series_day_off_is_said_in_its_week(letter_site, tmp_path):
    """A weekly meeting whose day this week is off was left out of the letter
    without a word, and its regulars came to a locked door: the week says
    the day off, in the words of the notice page ("Ei: …")."""
    assert "Ei: 3.12., 10.12." in letter_site.page("ilmoitukset/jumppa/").main.get_text(" ", strip=True)
    this_week, next_week = (" ".join(s.get_text(" ", strip=True).split())
                            for s in letter_site.page("viikkokirje/2026-49/").select("main section")[:2])
    assert "Tauolla Torstaijumppa Ei: to 3.12.2026 Testikylän Eläkkeensaajat ry" in this_week
    assert "Tauolla Torstaijumppa Ei: to 10.12.2026" in next_week and "to 3.12." not in next_week
    out = tmp_path / "kirje.eml"
    assert digest(letter_site, "--week", "2026-W49", "--output", str(out)) == 0
    _msg, text, html = parts(out.read_bytes())
    assert (f"Tauolla\n-------\n\n* Torstaijumppa\n  Ei: to 3.12.2026\n  Testikylän Eläkkeensaajat ry\n"
            f"  {SITE}/ilmoitukset/jumppa/\n") in text
    assert f'href="{SITE}/ilmoitukset/jumppa/"' in html


def test_a_registration_over_by_the_letters_monday_is_said_closed_as_on_the_notice_page(letter_site, tmp_path):
    """A deadline passed before the week began was still offered as
    "Ilmoittautuminen viimeistään su 29.11.2026" in the letter and on the
    page: readers are told the registration closed, and one still open
    keeps asking them to sign up."""
    letter = letter_site.page("viikkokirje/2026-49/").main.get_text(" ", strip=True)
    assert "Ilmoittautuminen päättyi: su 29.11.2026" in letter
    assert "Ilmoittautuminen viimeistään: ma 7.12.2026" in letter and "viimeistään: su 29.11." not in letter
    page = letter_site.page("ilmoitukset/kuoro/").main.get_text(" ", strip=True)
    assert "Ilmoittautuminen päättyi su 29.11.2026" in page and "viimeistään" not in page
    assert "Ilmoittautuminen viimeistään ma 7.12.2026" in letter_site.page("ilmoitukset/pikkujoulu/").main.get_text(
        " ", strip=True)
    calendar = (letter_site.output / "ilmoitukset" / "kuoro" / "tapahtuma.ics").read_text(encoding="utf-8")
    assert "Ilmoittautuminen päättyi: su 29.11.2026" in calendar.replace("\r\n ", "")
    out = tmp_path / "kirje.eml"
    assert digest(letter_site, "--week", "2026-W49", "--output", str(out)) == 0
    _msg, text, _html = parts(out.read_bytes())
    assert "  Ilmoittautuminen päättyi: su 29.11.2026\n" in text and "viimeistään: su 29.11." not in text


def test_a_series_says_that_it_repeats_in_the_letter_the_print_sheet_and_the_embed(letter_site, tmp_path):
    """Listed by one of its days, a weekly meeting read as a one-off where
    the listings' "(joka ti)" was left out: in the letter, on the sheet on
    the wall and in an association's own site."""
    for address in ("viikkokirje/2026-49/", "tulosta/", "yhdistykset/testikyla/upotus/"):
        item = next(li for li in letter_site.page(address).select("main li, body li") if "Tiistaikerho" in li.get_text())
        assert "ti 1.12.2026 klo 13.00–15.00 (joka ti), Kerhohuone" in " ".join(item.get_text().split()), address
    out = tmp_path / "kirje.eml"
    assert digest(letter_site, "--week", "2026-W49", "--output", str(out)) == 0
    _msg, text, _html = parts(out.read_bytes())
    assert "* Tiistaikerho\n  ti 1.12.2026 klo 13.00–15.00 (joka ti), Kerhohuone\n" in text


def test_letters_are_listed_and_empty_weeks_have_none(letter_site):
    listing = letter_site.page("viikkokirje/")
    links = [a["href"] for a in listing.main.select("li a")]
    assert links[0] == "/viikkokirje/2026-49/"
    assert "/viikkokirje/2026-45/" in links  # the week after 2.11., when the events were new
    assert not (letter_site.output / "viikkokirje" / "2026-50").exists()  # not yet
    for link in links:
        assert (letter_site.output / link.strip("/") / "index.html").is_file()
    sitemap = (letter_site.output / "sitemap.xml").read_text(encoding="utf-8")
    assert "/viikkokirje/</loc>" in sitemap


def test_letter_feed_has_one_item_per_week_with_the_letter_and_absolute_links(letter_site):
    feed = feedparser.parse((letter_site.output / "syotteet" / "viikkokirje.rss.xml").read_bytes())
    assert not feed.bozo
    first = feed.entries[0]
    assert first.title == "Viikkokirje 49/2026"
    assert first.link == "http://127.0.0.1:8000/viikkokirje/2026-49/"
    content = first.content[0].value
    assert 'href="http://127.0.0.1:8000/ilmoitukset/myyjaiset/"' in content and 'href="/' not in content
    assert 'href="http://127.0.0.1:8000/tilat/sali/"' in content and "Kuntopiiri etsii salivuoroa" in content
    assert len({e.link for e in feed.entries}) == len(feed.entries) == len(list(
        (letter_site.output / "viikkokirje").glob("*/index.html")))
    atom = feedparser.parse((letter_site.output / "syotteet" / "viikkokirje.atom.xml").read_bytes())
    assert [e.title for e in atom.entries] == [e.title for e in feed.entries]
    # each notice counted once, a weekly meeting in both weeks too (it was counted by its meetings)
    notices = {a["href"] for a in letter_site.page("viikkokirje/2026-49/").main.select('a[href^="/ilmoitukset/"]')}
    assert len(notices) == 9 and first.summary == atom.entries[0].summary == (
        "Viikkokirjeessä 9 ilmoitusta ja 1 uusi tila.")


def test_a_letter_of_new_spaces_alone_says_so_in_its_feed(tmp_path):
    """A week whose only news was a space offered was summed up as
    "Viikkokirjeessä 0 ilmoitusta": a reader of the feed skipped it."""
    site = Site(tmp_path)
    site.notice("vanha.md", notice_text(title="Vanha tiedote", date="2026-06-01"))
    (site.content / "spaces").mkdir()
    (site.content / "spaces" / "sali.yml").write_text(
        "name: Kylätalon sali\nassociation: testikyla\naddress: Kylätie 1, Imatra\ncapacity: 40\n"
        'purposes: [juhla]\ndate: "2026-11-26"\n', encoding="utf-8")
    assert site.build("2026-12-01") == 0
    first = feedparser.parse((site.output / "syotteet" / "viikkokirje.rss.xml").read_bytes()).entries[0]
    assert (first.title, first.summary) == ("Viikkokirje 49/2026", "Viikkokirjeessä 1 uusi tila.")


def digest(site, *extra, today="2026-12-01"):
    return main(["digest", "--content", str(site.content), "--today", today, *extra])


def parts(raw):
    msg = email.message_from_bytes(raw, policy=email.policy.default)
    return msg, msg.get_body(("plain",)).get_content(), msg.get_body(("html",)).get_content()


def test_digest_writes_a_mime_mail_with_inlined_css_and_plain_text(letter_site, tmp_path):
    out = tmp_path / "kirje.eml"
    assert digest(letter_site, "--week", "2026-W49", "--output", str(out)) == 0
    msg, text, html = parts(out.read_bytes())
    assert msg["Subject"] == "Imatran järjestöjen ilmoitukset: viikkokirje 49/2026"
    assert msg["From"] == "toimitus@example.org" and msg.get_content_type() == "multipart/alternative"
    assert "Joulumyyjäiset" in text and f"{SITE}/ilmoitukset/myyjaiset/" in text
    assert "la 5.12.2026 klo 10.00–14.00" in text
    assert "Peruttu: pe 4.12.2026 klo 18.00, Sali\n  Esiintyjä on sairastunut.\n" in text
    assert "Esiintyjä on sairastunut." in html
    assert "<style" not in html and "<img" not in html
    assert 'style="' in html and "font-size: 20px" in html  # body text inlined, large
    assert f'href="{SITE}/ilmoitukset/myyjaiset/"' in html and f'href="{SITE}/viikkokirje/2026-49/"' in html
    # the new spaces and needs, in both parts, with absolute links and Finnish dates
    assert f'href="{SITE}/tilat/sali/"' in html and f'href="{SITE}/ilmoitukset/salivuoro/"' in html
    assert "Uudet tilat\n===========\n\n* Kylätalon sali\n  40 hlöä, Rautio, Kylätie 1, Imatra\n" in text
    assert f"Lisätty 26.11.2026.\n  Juhlat, Liikunta ja tanssi\n  {SITE}/tilat/sali/\n" in text
    assert "Tilaa haetaan\n=============\n\n* Kuntopiiri etsii salivuoroa\n" in text
    assert f"{SITE}/ilmoitukset/salivuoro/" in text and "Vanha tupa" not in text + html


def test_digest_writes_to_standard_output_the_message_alone(letter_site, capsysbinary):
    """`bulletin digest > kirje.eml`, as the README says: the build's own
    "Done: Processed …" came first, and a mail program read a message with
    no subject, its MIME parts as text."""
    assert digest(letter_site, "--week", "2026-W49") == 0
    raw = capsysbinary.readouterr().out
    msg = email.message_from_bytes(raw, policy=email.policy.default)
    assert raw.startswith(b"Subject: ") and msg.defects == [] and msg.get_content_type() == "multipart/alternative"
    assert msg["Subject"] == "Imatran järjestöjen ilmoitukset: viikkokirje 49/2026"


def test_the_letter_and_the_print_sheet_say_by_when_to_register(letter_site, tmp_path):
    """A reader of the letter or of the sheet on the wall signs up in time:
    the last day to register is there, in the words of the notice page and
    the poster, the site's own (not the notice's Swedish)."""
    said = "Ilmoittautuminen viimeistään: ma 7.12.2026"
    for page in (letter_site.page("viikkokirje/2026-49/"), letter_site.page("tulosta/")):
        item = next(li for li in page.select("main li") if "Pikkujoulut" in li.get_text())
        assert said in item.get_text(" ", strip=True)
        assert item.find(string=lambda text: "viimeistään" in text).find_parent(lang=True)["lang"] == "fi"
    out = tmp_path / "kirje.eml"
    assert digest(letter_site, "--week", "2026-W49", "--output", str(out)) == 0
    _msg, text, html = parts(out.read_bytes())
    assert f"* Pikkujoulut\n  ke 9.12.2026 klo 13.00, Kerhohuone\n  {said}\n" in text
    assert said in " ".join(BeautifulSoup(html, "html.parser").get_text(" ").split())
    # a cancelled event's deadline would still ask readers to sign up: said nowhere
    cancelled = [next(li for li in page.select("main li") if "Peruttu konsertti" in li.get_text())
                 for page in (letter_site.page("viikkokirje/2026-49/"), letter_site.page("tulosta/"))]
    cancelled += [letter_site.page("ilmoitukset/peruttu/").main, letter_site.page("julisteet/peruttu/").main]
    assert [part for part in cancelled if "viimeistään" in part.get_text()] == []
    assert text.count("viimeistään") == 1 and html.count("viimeistään") == 1


class Inbox:
    def __init__(self):
        self.envelopes = []

    async def handle_DATA(self, server, session, envelope):
        self.envelopes.append(envelope)
        return "250 OK"


def free_port():
    with socket.socket() as probe:  # a free port (aiosmtpd checks its own by connecting to it)
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def smtp_environment(monkeypatch, port):
    monkeypatch.setenv("BULLETIN_SMTP_HOST", "127.0.0.1")
    monkeypatch.setenv("BULLETIN_SMTP_PORT", str(port))
    monkeypatch.setenv("BULLETIN_SMTP_STARTTLS", "0")
    monkeypatch.setenv("BULLETIN_DIGEST_TO", "jasenet@lists.example.org")
    monkeypatch.delenv("BULLETIN_DIGEST_FROM", raising=False)
    monkeypatch.delenv("BULLETIN_SMTP_USER", raising=False)
    monkeypatch.delenv("BULLETIN_SMTP_PASSWORD", raising=False)


@contextlib.contextmanager
def smtp_server(monkeypatch, **options):
    """A local SMTP server (no TLS) with aiosmtpd's `options`, and the
    environment that sends to it."""
    inbox = Inbox()
    port = free_port()
    controller = Controller(inbox, hostname="127.0.0.1", port=port, **options)
    controller.start()
    inbox.port = port
    try:
        smtp_environment(monkeypatch, port)
        yield inbox
    finally:
        controller.stop()


@pytest.fixture
def smtp(monkeypatch):
    with smtp_server(monkeypatch) as inbox:
        yield inbox


def test_digest_sends_once_to_the_list_and_records_the_week(letter_site, smtp, tmp_path, capsys):
    record = tmp_path / "viikkokirjeet.txt"
    assert digest(letter_site, "--send", "--record", str(record)) == 0
    [envelope] = smtp.envelopes
    assert envelope.mail_from == "toimitus@example.org" and envelope.rcpt_tos == ["jasenet@lists.example.org"]
    msg, text, html = parts(envelope.content)
    assert msg["To"] == "jasenet@lists.example.org" and "Pikkujoulut" in text and "Pikkujoulut" in html
    assert record.read_text() == "2026-W49\n"
    assert f"Viikon 2026-W49 kirje lähetetty osoitteeseen jasenet@lists.example.org ja merkitty tiedostoon {record}" \
        in capsys.readouterr().err
    assert digest(letter_site, "--send", "--record", str(record)) == 1
    assert "Viikon 2026-W49 kirje on jo lähetetty" in capsys.readouterr().err
    assert len(smtp.envelopes) == 1 and record.read_text() == "2026-W49\n"


def test_digest_never_sends_an_empty_letter(tmp_path, smtp, capsys):
    site = Site(tmp_path)
    site.notice("vanha.md", notice_text(title="Vanha tiedote", date="2026-06-01"))
    record = tmp_path / "viikkokirjeet.txt"
    assert digest(site, "--send", "--record", str(record)) == 0
    assert smtp.envelopes == [] and not record.exists()
    assert "Viikolla 2026-W49 ei ole kerrottavaa, joten kirjettä ei tehty." in capsys.readouterr().err


def test_digest_of_an_empty_week_leaves_the_file_as_it_was_and_says_so_with_exit_1(tmp_path, capsys):
    """`--output kirje.eml` in a week with nothing to tell wrote nothing and
    exited 0: the file of an earlier week, left in place, went on to be
    sent as this week's letter."""
    site = Site(tmp_path)
    site.notice("vanha.md", notice_text(title="Vanha tiedote", date="2026-06-01"))
    out = tmp_path / "kirje.eml"
    out.write_bytes(b"Subject: viikkokirje 48/2026\n\nviime viikon kirje\n")
    assert digest(site, "--output", str(out)) == 1
    assert out.read_bytes() == b"Subject: viikkokirje 48/2026\n\nviime viikon kirje\n"
    err = capsys.readouterr().err
    assert (f"Viikolla 2026-W49 ei ole kerrottavaa, joten kirjettä ei tehty eikä tiedostoon {out} kirjoitettu "
            "mitään: jos se on olemassa, siinä on yhä aiempi kirje, ei viikon 2026-W49.") in err
    assert digest(site) == 1  # `bulletin digest > kirje.eml`: nothing to send on
    out, err = capsys.readouterr()
    assert out == "" and "eikä vakiotulosteeseen kirjoitettu mitään. Valitse toinen viikko valitsimella --week." in err


def test_digest_names_the_missing_variable(letter_site, smtp, monkeypatch, tmp_path, capsys):
    monkeypatch.delenv("BULLETIN_DIGEST_TO")
    assert digest(letter_site, "--send", "--record", str(tmp_path / "r.txt")) == 2
    assert "Muuttuja BULLETIN_DIGEST_TO puuttuu ympäristöstä" in capsys.readouterr().err
    monkeypatch.setenv("BULLETIN_DIGEST_TO", "jasenet@lists.example.org")
    monkeypatch.setenv("BULLETIN_SMTP_STARTTLS", "yes")
    assert digest(letter_site, "--send", "--record", str(tmp_path / "r.txt")) == 2
    assert "BULLETIN_SMTP_STARTTLS = 'yes': kirjoita 1 (salattu yhteys, oletus) tai 0" in capsys.readouterr().err
    assert smtp.envelopes == [] and not (tmp_path / "r.txt").exists()


def test_digest_sends_to_a_server_without_smtputf8_from_and_to_a_name_with_finnish_letters(letter_site, monkeypatch,
                                                                                             tmp_path):
    """A sender written with its name, "Imatran järjestöt <toimitus@…>", is
    what mail programs show. The server is given the bare addresses and the
    names go in the headers encoded (RFC 2047): handing it the names too made
    smtplib ask for SMTPUTF8, which many relays do not offer, and nothing
    was sent."""
    with smtp_server(monkeypatch, enable_SMTPUTF8=False) as inbox:
        monkeypatch.setenv("BULLETIN_DIGEST_FROM", "Imatran järjestöt <toimitus@example.org>")
        monkeypatch.setenv("BULLETIN_DIGEST_TO", "Jäsenlista <jasenet@lists.example.org>")
        assert digest(letter_site, "--send", "--record", str(tmp_path / "r.txt")) == 0
    [envelope] = inbox.envelopes
    assert (envelope.mail_from, envelope.rcpt_tos) == ("toimitus@example.org", ["jasenet@lists.example.org"])
    envelope.content.decode("ascii")  # every header encoded, as a server without SMTPUTF8 takes it
    msg, _text, _html = parts(envelope.content)
    assert (msg["From"].addresses[0].display_name, msg["To"].addresses[0].display_name) == (
        "Imatran järjestöt", "Jäsenlista")


@pytest.mark.parametrize("option", ["--record", "--output"])
def test_digest_says_before_sending_that_its_record_or_file_cannot_be_written(letter_site, smtp, tmp_path, capsys,
                                                                               option):
    """A record found unwritable only after sending left the week unrecorded:
    the next run sent the letter to the list again."""
    missing = tmp_path / "ei-ole" / "tiedosto"
    files = {"--record": tmp_path / "viikkokirjeet.txt", "--output": tmp_path / "kirje.eml", option: missing}
    assert digest(letter_site, "--send", "--record", str(files["--record"]), "--output", str(files["--output"])) == 2
    err = capsys.readouterr().err
    assert f"{option} {missing}: tiedostoa ei voi kirjoittaa: sen kansiota ei ole" in err and "Traceback" not in err
    assert smtp.envelopes == [] and list(tmp_path.iterdir()) == []


@pytest.mark.parametrize("name, value, send", [
    ("BULLETIN_DIGEST_TO", "jasenet@lists.example.org\nBcc: muut@example.com", True),  # a header of its own
    ("BULLETIN_DIGEST_TO", "jasenet@lists.example.org, muut@example.com", True),
    ("BULLETIN_DIGEST_FROM", "toimitus@example.org\r\nBcc: muut@example.com", False),  # --output too
    ("BULLETIN_DIGEST_FROM", "Imatran toimitus", True),
])
def test_digest_refuses_an_address_that_is_not_one_address(letter_site, smtp, monkeypatch, tmp_path, capsys,
                                                            name, value, send):
    monkeypatch.setenv(name, value)
    out = tmp_path / "kirje.eml"
    assert digest(letter_site, *(["--send", "--record", str(tmp_path / "r.txt")] if send else []),
                  "--output", str(out)) == 2
    err = capsys.readouterr().err
    assert f"{name} = {value!r}: kirjoita yksi sähköpostiosoite yhdelle riville, esimerkiksi toimitus@example.org" \
        in err and "Traceback" not in err
    assert smtp.envelopes == [] and not out.exists() and not (tmp_path / "r.txt").exists()


@pytest.mark.parametrize("server, variables, says", [
    (None, {}, "Postipalvelimeen {server} ei saatu yhteyttä"),  # nothing listens: connection refused
    ({}, {"BULLETIN_SMTP_STARTTLS": "1"}, "Postipalvelimen {server} kanssa ei saatu salattua yhteyttä"),
    # handled=False: the server answers 535 at once (with the default it says nothing, and the
    # client waits for its timeout)
    ({"authenticator": lambda *_: AuthResult(success=False, handled=False), "auth_require_tls": False},
     {"BULLETIN_SMTP_USER": "toimitus", "BULLETIN_SMTP_PASSWORD": "vaara"},
     "Postipalvelin {server} ei hyväksynyt kirjautumista tunnuksella toimitus (535 5.7.8 Authentication"),
    ({"authenticator": lambda *_: AuthResult(success=True), "auth_require_tls": False},
     {"BULLETIN_SMTP_USER": "toimitus", "BULLETIN_SMTP_PASSWORD": "salasanä"},  # smtplib: ASCII only
     "Tunnusta ja salasanaa ei voi lähettää postipalvelimelle {server}"),
])
def test_digest_says_why_the_server_did_not_take_the_letter(letter_site, monkeypatch, tmp_path, capsys,
                                                            server, variables, says):
    record = tmp_path / "viikkokirjeet.txt"
    with contextlib.ExitStack() as stack:
        if server is None:
            port = free_port()  # closed again: nothing listens there
            smtp_environment(monkeypatch, port)
        else:
            inbox = stack.enter_context(smtp_server(monkeypatch, **server))
            port = inbox.port
        for name, value in variables.items():
            monkeypatch.setenv(name, value)
        assert digest(letter_site, "--send", "--record", str(record)) == 1
        if server is not None:
            assert inbox.envelopes == []
    err = capsys.readouterr().err
    [line] = [line for line in err.splitlines() if line.startswith("bulletin digest:")]
    assert says.format(server=f"127.0.0.1:{port}") in line and "Traceback" not in err
    assert "Viikkoa 2026-W49 ei merkitty lähetetyksi" in line
    assert not record.exists()


def test_digest_refuses_a_week_it_cannot_make(letter_site, capsys):
    # no such week; a week number alone; weeks of no day --today takes ("1-W01", "--today 0001-01-01" was said)
    for week in ("2026-W60", "49", "0001-W01", "9999-W52"):
        assert digest(letter_site, "--week", week) == 2
        assert f"--week {week}: viikkoa ei ole tai sitä ei voi lukea. Kirjoita viikko muodossa VVVV-Www" \
            in capsys.readouterr().err
    assert digest(letter_site, "--week", "2027-W10") == 2
    assert ("--week 2027-W10: rakentaminen tekee viikkojen 2026-W40–2026-W49 kirjeet. Valitse jokin niistä tai anna "
            "valitsimella --today jokin viikon 2027-W10 päivä, esimerkiksi --today 2027-03-08.") \
        in capsys.readouterr().err


def test_the_example_s_letter_has_new_spaces_and_needs(example_site):
    from bs4 import BeautifulSoup

    page = BeautifulSoup((example_site / "viikkokirje" / "2026-49" / "index.html").read_text(encoding="utf-8"),
                         "html.parser")
    spaces = [a.get_text() for a in page.select("#kirje-tilat ~ ul h3 a")]
    assert spaces == ["Vuoksenlaulun harjoitussali", "Kipinän bändikämppä"]  # newest first
    needs = [a.get_text() for a in page.select("#kirje-tarpeet ~ ul h3 a")]
    assert needs == ["Aikuisten lentopallo etsii tiistain iltavuoroa"]


def test_a_letter_lists_the_calls_open_on_its_monday_soonest_deadline_first(tmp_path):
    site = Site(tmp_path)
    for slug, title, published, deadline in [("a", "Haku A", "2026-11-01", "2027-01-31"),
                                             ("b", "Haku B", "2026-11-05", "2026-12-15"),
                                             ("c", "Haku C", "2026-11-02", "2026-11-29"),
                                             ("d", "Haku D", "2026-12-01", "2026-12-20"),
                                             ("e", "Haku E", "2026-11-03", "2026-12-15")]:
        site.notice(f"{slug}.md", notice_text(title=title, category="rahoitus", date=published,
                                              extra=f'expires: "{deadline}"'))
    # a call with an info evening is open until its own deadline, not only until the evening
    site.notice("f.md", notice_text(title="Haku F", category="rahoitus", date="2026-11-04", extra=(
        'expires: "2027-01-15"\nevent:\n  start: "2026-12-10 18:00"\n  location: Kirjasto')))
    assert site.build("2026-12-01") == 0

    def calls(week):
        section = next(s for s in site.page(f"viikkokirje/{week}/").select("main section")
                       if s.h2.get_text(strip=True) == "Avoimet rahoitushaut")
        return [a.get_text(strip=True) for a in section.select("a") if a.get_text(strip=True).startswith("Haku")]

    # C closes the day before week 49's Monday; D is published after it; B and E share a deadline
    assert calls("2026-49") == ["Haku B", "Haku E", "Haku F", "Haku A"]
    assert calls("2026-48") == ["Haku C", "Haku B", "Haku E", "Haku F", "Haku A"]


def test_a_rebuild_draws_again_only_the_letters_whose_notices_changed(tmp_path, monkeypatch):
    """The letters' feed is written again when one letter changes; the other
    letters' text comes from the previous build, and the feed is a cold
    build's."""
    from bulletin_letter.generator import Built

    site = Site(tmp_path / "site")
    for n, day in enumerate(("2026-11-03", "2026-11-10", "2026-11-17", "2026-11-24")):
        site.notice(f"viikko-{n}.md", notice_text(title=f"Viikon {n} uutinen", date=day))
    drawn = []
    real_body = Built.body
    monkeypatch.setattr(Built, "body", lambda self, letter: drawn.append(letter.week.slug) or real_body(self, letter))
    assert site.build() == 0
    assert len(drawn) >= 4
    site.notice("viikko-1.md", notice_text(title="Viikon 1 uutinen, korjattu", date="2026-11-10"))
    drawn.clear()
    assert site.build() == 0
    assert len(drawn) == 1 and "Viikon 1 uutinen, korjattu" in (
        site.output / "viikkokirje" / drawn[0] / "index.html").read_text(encoding="utf-8")
    feed = (site.output / "syotteet" / "viikkokirje.atom.xml").read_bytes()
    assert "Viikon 1 uutinen, korjattu".encode() in feed and b"Viikon 3 uutinen" in feed
    cold = Site(tmp_path / "cold")
    cold.content = site.content
    assert cold.build() == 0
    assert (cold.output / "syotteet" / "viikkokirje.atom.xml").read_bytes() == feed
    # nothing changed in the letters: the feed moves over, and the next change still finds their texts
    site.notice("muu.md", notice_text(title="Vanha", date="2025-01-07"))
    drawn.clear()
    assert site.build() == 0
    assert drawn == []
    site.notice("viikko-2.md", notice_text(title="Viikon 2 uutinen, korjattu", date="2026-11-17"))
    drawn.clear()
    assert site.build() == 0
    assert len(drawn) == 1 and "Viikon 2 uutinen, korjattu" in (
        site.output / "viikkokirje" / drawn[0] / "index.html").read_text(encoding="utf-8")


def test_the_letter_s_e_mail_fits_a_phone_s_width(tmp_path):
    """A mail program on a phone shows the HTML part as wide as its widest
    line: a long compound word or the letter's own address made the whole
    letter wider than the screen, to be scrolled sideways or zoomed out to
    small type. Long words and addresses wrap."""
    from browser import chromium

    site = Site(tmp_path)
    site.notice("loppuseminaari.md", notice_text(
        title="Järjestöyhteistyönkehittämishankkeenloppuseminaarinilmoittautumisohjeet", date="2026-11-26"))
    out = tmp_path / "kirje.eml"
    assert digest(site, "--week", "2026-W49", "--output", str(out)) == 0
    _msg, _text, html = parts(out.read_bytes())
    with chromium() as browser:
        page = browser.new_page(viewport={"width": 320, "height": 640})
        page.set_content(html)
        assert page.evaluate("document.documentElement.scrollWidth") <= 320
        font = page.evaluate("parseFloat(getComputedStyle(document.querySelector('.bl-letter__title')).fontSize)")
        assert font >= 20  # still large, not shrunk to fit


GMAIL_CLIPS_AFTER = 102 * 1024  # bytes of a message's HTML; the rest is behind "[Message clipped]"


def test_a_long_week_s_e_mail_leads_to_the_letter_on_the_web_before_gmail_clips_it(tmp_path):
    """Gmail shows about the first 102 KB of a letter's HTML: in a busy week
    the footer's link to the letter on the web was cut off with the rest.
    The link is also at the top of both parts, where every mail program shows it."""
    site = Site(tmp_path)
    for number in range(40):  # twice a week: 160 entries in this and next week
        site.notice(f"kerho-{number}.md", notice_text(
            title=f"Kerhon kokoontuminen numero {number}", category="tapahtumat", date="2026-11-20", extra=f"""
            summary: Tervetuloa mukaan kerhoon! Ohjelmassa musiikkia, kahvit ja arpajaiset. Tuotto käytetään
              kerhon toimintaan. Ota ystäväsikin mukaan, kaikki ovat tervetulleita.
            event:
              start: "2026-12-01 {10 + number % 8}:00"
              location: Kulttuuritalo Virta, pieni sali, Virastokatu 1, Imatra
              repeat:
                weekdays: [ti, to]
                until: "2027-05-27"
            """))
    out = tmp_path / "kirje.eml"
    assert digest(site, "--week", "2026-W49", "--output", str(out)) == 0
    _msg, text, html = parts(out.read_bytes())
    online = f"{SITE}/viikkokirje/2026-49/"
    shown = html.encode("utf-8")[:GMAIL_CLIPS_AFTER].decode("utf-8", "ignore")
    assert len(html.encode("utf-8")) > GMAIL_CLIPS_AFTER and "kokoontuminen numero 39" in html  # clipped, whole in the mail
    assert f'href="{online}"' in shown
    assert f"Kirje verkossa: {online}" in text.split("Tämän viikon tapahtumat")[0]
