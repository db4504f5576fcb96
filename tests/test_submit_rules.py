"""One set of rules: a corpus of notices through the form in Chromium and
through `bulletin check` (and `add`, for what only a new notice must not
be), with the same verdict and the same message for each."""
import re
from pathlib import Path
from datetime import datetime

import pytest

from bulletin_cli.cli import main
from bulletin_contract.writer import notice_file
from browser import built_and_served, guard_requests
from conftest import Site

pytestmark = pytest.mark.usefixtures("example_today")

FORM_TODAY = datetime(2026, 12, 1, 12, 0)

# A good notice, as form answers (by label) and as the file they make.
BASE_FORM = {
    "Otsikko": "Joulukonsertti", "Alkamispäivä": "5.12.2026", "Alkamiskellonaika": "18.00",
    "Paikka": "Kerhohuone, Imatra", "Julkaisupäivä": "20.11.2026", "Ilmoituksen teksti": "Tervetuloa!",
}
BASE_FILE = {
    "title": "Joulukonsertti", "association": "testikyla", "category": "tapahtumat", "date": "2026-11-20",
    "event": {"start": "2026-12-05 18:00", "location": "Kerhohuone, Imatra"},
}
BODY_LINE = 10  # the body's first line in BASE_FILE's file: 9 lines of front matter above it

# The field of the file each label writes.
KEYS = {"Otsikko": "title", "Lyhyt kuvaus": "summary", "Paikka": "event.location", "Julkaisupäivä": "date",
        "Alkamispäivä": "event.start", "Päättymispäivä": "event.end", "Päättymiskellonaika": "event.end",
        "Avainsanat": "tags", "Voimassa viimeistään": "expires", "Yhteyshenkilön sähköposti": "contact.email", "Viimeinen kerta": "event.repeat.until",
        "Poikkeuspäivät": "event.repeat.except", "Tarjottava tila": "space",
        "Yhteyshenkilön puhelinnumero": "contact.phone", "Ilmoituksen teksti": "body",
        "Muut mukana olevat yhdistykset": "partners", "Ilmoittautuminen": "event.registration"}

CONTACT = {"Yhteyshenkilön nimi": "Aila", "consent": True}
# A series chosen in the form: Tuesdays until 26.1.2027.
TUESDAYS = {"repeat": True, "weekdays": ["tiistai"], "Alkamispäivä": "8.12.2026", "Viimeinen kerta": "26.1.2027"}
TUESDAYS_FILE = {"repeat": {"weekdays": ["ti"], "until": "2027-01-26"}}


def case(name, form, file, body=None, field=None, new_only=False):
    return pytest.param(form, file, body, field, new_only, id=name)


def _merge(base, more):
    out = dict(base)
    for key, value in more.items():
        out[key] = _merge(base.get(key, {}), value) if isinstance(value, dict) else value
    return out


BAD = [
    case("title-too-long", {"Otsikko": "x" * 121}, {"title": "x" * 121}, field="Otsikko"),
    case("title-bidi", {"Otsikko": "Konsertti \u202e"}, {"title": "Konsertti \u202e"}, field="Otsikko"),
    case("title-noncharacter", {"Otsikko": "Konsertti \uffff"}, {"title": "Konsertti \uffff"}, field="Otsikko"),
    case("title-invisible-only", {"Otsikko": "\u200b"}, {"title": "\u200b"}, field="Otsikko"),
    case("title-blank-letter", {"Otsikko": "\u3164"}, {"title": "\u3164"}, field="Otsikko"),
    case("summary-too-long", {"Lyhyt kuvaus": "y" * 301}, {"summary": "y" * 301}, field="Lyhyt kuvaus"),
    case("location-too-long", {"Paikka": "z" * 201}, {"event": {"location": "z" * 201}}, field="Paikka"),
    case("date-impossible", {"Julkaisupäivä": "31.2.2026"}, {"date": "2026-02-31"}, field="Julkaisupäivä"),
    case("date-year-typo", {"Julkaisupäivä": "20.11.3026"}, {"date": "3026-11-20"}, field="Julkaisupäivä"),
    case("start-hour-impossible", {"Alkamiskellonaika": "25.00"}, {"event": {"start": "2026-12-05 25:00"}},
         field="Alkamispäivä"),
    case("end-before-start", {"Päättymispäivä": "4.12.2026"}, {"event": {"end": "2026-12-04"}},
         field="Päättymispäivä"),
    case("end-time-without-start-time", {"Alkamiskellonaika": "", "Päättymiskellonaika": "20.00"},
         {"event": {"start": "2026-12-05", "end": "20:00"}}, field="Päättymiskellonaika"),
    # a start at a time ends at a time, an all-day start on a day (iCalendar's DTSTART and DTEND)
    case("end-day-without-time", {"Päättymispäivä": "6.12.2026"}, {"event": {"end": "2026-12-06"}},
         field="Päättymispäivä"),
    case("end-day-without-time-same-day", {"Päättymispäivä": "5.12.2026"}, {"event": {"end": "2026-12-05"}},
         field="Päättymispäivä"),
    case("all-day-end-with-time", {"Alkamiskellonaika": "", "Päättymispäivä": "6.12.2026",
                                   "Päättymiskellonaika": "20.00"},
         {"event": {"start": "2026-12-05", "end": "2026-12-06 20:00"}}, field="Päättymispäivä"),
    case("end-at-24", {"Päättymiskellonaika": "24.00"}, {"event": {"end": "24:00"}},
         field="Päättymiskellonaika"),
    # 24:00 elsewhere: no event's advice, but how that field writes its day's end
    case("start-at-24", {"Alkamiskellonaika": "24.00"}, {"event": {"start": "2026-12-05 24:00"}},
         field="Alkamispäivä"),
    case("expires-at-24", {"Voimassa viimeistään": "31.12.2026 klo 24"}, {"expires": "2026-12-31 24:00"},
         field="Voimassa viimeistään"),
    # an evening until after midnight, said as `new` and the issue form take it (23–1):
    # every door gives the hint to write the next day
    case("end-after-midnight", {"Alkamiskellonaika": "23.00", "Päättymiskellonaika": "1.00"},
         {"event": {"start": "2026-12-05 23:00", "end": "01:00"}}, field="Päättymiskellonaika"),
    case("series-end-after-midnight", {**TUESDAYS, "Alkamiskellonaika": "23.00", "Päättymiskellonaika": "1.00"},
         {"event": {"start": "2026-12-08 23:00", "end": "01:00", **TUESDAYS_FILE}}, field="Päättymiskellonaika"),
    # the hour skipped as summer time begins, in one event's start or end (not a series')
    case("start-in-the-skipped-hour", {"Alkamispäivä": "28.3.2027", "Alkamiskellonaika": "3.30"},
         {"event": {"start": "2027-03-28 03:30"}}, field="Alkamispäivä"),
    case("end-in-the-skipped-hour", {"Alkamispäivä": "28.3.2027", "Alkamiskellonaika": "2.30",
                                     "Päättymispäivä": "28.3.2027", "Päättymiskellonaika": "3.30"},
         {"event": {"start": "2027-03-28 02:30", "end": "2027-03-28 03:30"}}, field="Päättymispäivä"),
    # an end years away (a typed year): every day of it would be a day to find it by in search
    case("event-longer-than-a-year", {"Päättymispäivä": "5.12.2100", "Päättymiskellonaika": "20.00"},
         {"event": {"end": "2100-12-05 20:00"}}, field="Päättymispäivä"),
    case("event-over", {"Alkamispäivä": "5.11.2026"}, {"event": {"start": "2026-11-05 18:00"}},
         field="Alkamispäivä", new_only=True),
    # a night until 1.00 today is over: the nightly build shows it so
    case("night-over", {"Alkamispäivä": "30.11.2026", "Alkamiskellonaika": "22.00", "Päättymispäivä": "1.12.2026",
                        "Päättymiskellonaika": "1.00"},
         {"event": {"start": "2026-11-30 22:00", "end": "2026-12-01 01:00"}}, field="Alkamispäivä", new_only=True),
    case("email", {**CONTACT, "Yhteyshenkilön sähköposti": "aila@"},
         {"contact": {"name": "Aila", "email": "aila@", "consent": True}}, field="Yhteyshenkilön sähköposti"),
    # a mailto: link would send a copy to whoever `cc` names
    case("email-with-a-query", {**CONTACT, "Yhteyshenkilön sähköposti": "aila?cc=toinen@example.org"},
         {"contact": {"name": "Aila", "email": "aila?cc=toinen@example.org", "consent": True}},
         field="Yhteyshenkilön sähköposti"),
    # a message shows the first 80 characters of a value, emoji each one as to Python
    case("email-of-emoji", {**CONTACT, "Yhteyshenkilön sähköposti": "\U0001f600" * 200 + "@example.org"},
         {"contact": {"name": "Aila", "email": "\U0001f600" * 200 + "@example.org", "consent": True}},
         field="Yhteyshenkilön sähköposti"),
    # Word's "o" bullets in a quote are a list's items, as outside one: a code span does not go on from one to the next
    case("body-word-bullets-in-a-quote", {}, {}, body="> o\tkahvi `<b>\n> o\ttee` ja pulla",
         field="Ilmoituksen teksti"),
    case("body-address-of-emoji", {}, {}, body='[x](https://a.fi/"' + "\U0001f600" * 90 + ")",
         field="Ilmoituksen teksti"),
    case("phone", {**CONTACT, "Yhteyshenkilön puhelinnumero": "soita minulle"},
         {"contact": {"name": "Aila", "phone": "soita minulle", "consent": True}},
         field="Yhteyshenkilön puhelinnumero"),
    case("too-many-tags", {"Avainsanat": ", ".join(f"sana{n}" for n in range(13))},
         {"tags": [f"sana{n}" for n in range(13)]}, field="Avainsanat"),
    case("tag-without-letters", {"Avainsanat": "joulu, !!!"}, {"tags": ["joulu", "!!!"]}, field="Avainsanat"),
    case("tag-too-long", {"Avainsanat": "a" * 41}, {"tags": ["a" * 41]}, field="Avainsanat"),
    # a joint notice's partners, typed by name: the notice's own association under other spellings,
    # one not on the site, more than fit, and HTML for a name
    case("partner-own-association", {"Muut mukana olevat yhdistykset": "TESTIKYLÄN ELÄKKEENSAAJAT RY"},
         {"partners": ["testikyla"]}, field="Muut mukana olevat yhdistykset"),
    case("partner-own-association-in-nfd", {"Muut mukana olevat yhdistykset": "Testikyla\u0308n Eläkkeensaajat"},
         {"partners": ["testikyla"]}, field="Muut mukana olevat yhdistykset"),
    case("partner-unknown-html", {"Muut mukana olevat yhdistykset": "Naapurikylän Nuoret; <img src=x onerror=alert(1)>"},
         {"partners": ["naapuri", "<img src=x onerror=alert(1)>"]}, field="Muut mukana olevat yhdistykset"),
    case("partners-joined-by-ja", {"Muut mukana olevat yhdistykset": "Naapurikylän Nuoret ry ja Testikylän Eläkkeensaajat"},
         {"partners": ["Naapurikylän Nuoret ry ja Testikylän Eläkkeensaajat"]}, field="Muut mukana olevat yhdistykset"),
    case("partners-too-many", {"Muut mukana olevat yhdistykset": ", ".join(f"Kerho {n}" for n in range(13))},
         {"partners": [f"Kerho {n}" for n in range(13)]}, field="Muut mukana olevat yhdistykset"),
    case("body-too-large", {}, {}, body="sana " * 4001, field="Ilmoituksen teksti"),
    case("body-raw-html", {}, {}, body="Tervetuloa!\n\n<script>alert(1)</script>", field="Ilmoituksen teksti"),
    case("body-html-block", {}, {}, body="<div>\nhei\n</div>", field="Ilmoituksen teksti"),
    # a bullet alone under an item is a line of its own: the code span does not go on over it
    case("body-html-after-a-lone-bullet", {}, {}, body="- Kirjoita `kahvi\n–\n<u>tee</u>` näin",
         field="Ilmoituksen teksti"),
    case("body-html-after-a-lone-bullet-under-a-nested-item", {}, {},
         body="- Ohjelma\n    - Kirjoita `kahvi\n    -\n    <u>tee</u>` näin", field="Ilmoituksen teksti"),
    case("body-address-with-a-space", {}, {}, body="Katso [toinen](<https://example.org/a b>).",
         field="Ilmoituksen teksti"),
    case("body-escaped-site-file", {}, {}, body="Katso [tästä](\\{attach\\}../../../pelicanconf.py).",
         field="Ilmoituksen teksti"),
    case("body-javascript-link", {}, {}, body="Katso [tästä](java&#115;cript:alert(1)).", field="Ilmoituksen teksti"),
    case("body-data-reference", {}, {}, body="[linkki][x]\n\n[x]: <DATA:text/html,hei>", field="Ilmoituksen teksti"),
    case("body-javascript-autolink", {}, {}, body="Katso <javascript:alert(1)>", field="Ilmoituksen teksti"),
    # a link's text that is an address, the link going elsewhere: a trap in the association's name
    case("body-link-shows-another-address", {}, {}, body="Hae tukea: [www.kela.fi](https://kela.fi.evil.example/).",
         field="Ilmoituksen teksti"),
    case("body-reference-shows-another-address", {}, {}, body="Hae: [kela.fi][k]\n\n[k]: https://evil.example/",
         field="Ilmoituksen teksti"),
    # a letter of another script in a site's name: the address leads elsewhere than it reads
    case("body-lookalike-link", {}, {}, body="Hae tukea: [Kela](https://www.k\u0435la.fi/hakemus).",
         field="Ilmoituksen teksti"),
    case("body-lookalike-bare", {}, {}, body="Tiedot:\n\nwww.\u0441ity.fi ja kalle@k\u0435la.fi",
         field="Ilmoituksen teksti"),
    case("registration-lookalike", {"Ilmoittautuminen": "Lomakkeella https://ilmo.k\u0456pina.fi/leiri"},
         {"event": {"registration": "Lomakkeella https://ilmo.k\u0456pina.fi/leiri"}}, field="Ilmoittautuminen"),
    case("title-lookalike-address", {"Otsikko": "Haku auki: www.\u03bfma.fi"}, {"title": "Haku auki: www.\u03bfma.fi"},
         field="Otsikko"),
    case("body-quote-in-address", {}, {}, body='[x](https://a.fi/"onmouseover)', field="Ilmoituksen teksti"),
    # schemes the sanitizer drops, and addresses Python-Markdown runs on past: the link went, silently
    case("body-file-link", {}, {}, body="Katso [pöytäkirja](file:///C:/Users/pj/poytakirja.pdf).",
         field="Ilmoituksen teksti"),
    case("body-host-and-port-as-scheme", {}, {}, body="Katso [sivu](www.example.org:8080/ohjelma).",
         field="Ilmoituksen teksti"),
    case("body-text-after-address", {}, {}, body='Katso [sivu](https://a.fi "ohjelma" onmouseover=alert(1)) tästä.',
         field="Ilmoituksen teksti"),
    case("body-space-in-address", {}, {}, body="Katso [ohjelma](https://a.fi/kevään ohjelma.pdf).",
         field="Ilmoituksen teksti"),
    case("body-address-over-two-lines", {}, {}, body="Katso [sivu](java\nscript:alert(1)) tästä.",
         field="Ilmoituksen teksti"),
    # a line Python-Markdown takes for a link's definition is hidden from the page
    case("body-definition-no-link-uses", {}, {}, body="Tervetuloa!\n\n[Paikka]: Kerhohuone\n- [Aika]: 18.00",
         field="Ilmoituksen teksti"),
    case("body-definition-title-on-the-next-line", {}, {},
         body="Katso [sali].\n\n[sali]: https://a.fi/sali\n'Kerhohuone, 2. krs'", field="Ilmoituksen teksti"),
    # Python-Markdown leaves a row's cells past its header's out of the page
    case("body-table-row-wider-than-its-header", {}, {},
         body="Ohjelma:\n\n| Päivä | Aika |\n|---|:--:|\n| ma | 18 | Sali 2 |\n| ti `a|b` | 17 |",
         field="Ilmoituksen teksti"),
    case("body-table-in-an-empty-list-item-wider-than-its-header", {}, {},
         body="Ohjelma:\n\n- \n  | Päivä | Aika |\n  |---|---|\n  | ma | 18 | Sali 2 |", field="Ilmoituksen teksti"),
    case("body-html-in-a-code-span-a-tab-marked-item-ends", {}, {}, body="Kirjoita `näin\n<huom>\n1.\t` ja muuta",
         field="Ilmoituksen teksti"),
    case("body-table-after-a-tab-marked-item-wider-than-its-header", {}, {},
         body="Ohjelma:\n\n1.\t>\n| Päivä | Aika |\n|---|---|\n| ma | 18 | Sali 2 |", field="Ilmoituksen teksti"),
    case("body-html-in-a-pasted-list-item", {}, {}, body="Ohjelma:\n\n•\tkahvi\n\n    <b>tärkeä</b> tieto",
         field="Ilmoituksen teksti"),
    case("body-table-without-borders", {}, {}, body="Päivä | Aika\n--- | ---\nma | 18 | Sali 2",
         field="Ilmoituksen teksti"),
    # in angle brackets Python-Markdown links http(s), ftp and e-mail addresses only: the rest is HTML, dropped
    # HTML that Python-Markdown drops, which the HTML pattern does not see whole
    case("body-tag-with-an-address-and-spaces", {}, {}, body="Katso <sivu]https://a.fi    _--> tästä",
         field="Ilmoituksen teksti"),
    case("body-comment-in-a-comment", {}, {}, body='Alku\n\n<!--"    Kokous<!--> loppu', field="Ilmoituksen teksti"),
    # addresses the sanitizer, as the URL standard, cannot read
    case("body-address-without-a-site", {}, {}, body="Katso [sivu](https://) ja [toinen](https://a.fi:99999/x).",
         field="Ilmoituksen teksti"),
    case("body-address-with-a-bar-in-its-host", {}, {}, body="[x]: https://a.fi|b.fi\n\nKatso [x].",
         field="Ilmoituksen teksti"),
    case("body-angle-brackets-no-link", {}, {}, body="Soita <tel:0401234567>\n\nTai <Kokous{:-->",
         field="Ilmoituksen teksti"),
    case("body-remote-image", {}, {}, body="![kuva](https://muualla.example/kuva.png)", field="Ilmoituksen teksti"),
    case("body-image-without-static", {}, {}, body="![kuva](/images/juliste.png)", field="Ilmoituksen teksti"),
    case("body-missing-image", {}, {}, body="![kuva]({static}/images/puuttuu.png)", field="Ilmoituksen teksti"),
    # a link without its scheme leads under the notice's own address
    case("body-link-without-https", {}, {}, body="Lisätietoja [kaupungin sivuilta](www.imatra.fi/tapahtumat).",
         field="Ilmoituksen teksti"),
    case("body-link-to-an-address-without-mailto", {}, {}, body="Kysy [Maijalta](maija@example.org).",
         field="Ilmoituksen teksti"),
    case("body-relative-link", {}, {}, body="Katso [ohjelma][o].\n\n[o]: ohjelma.pdf", field="Ilmoituksen teksti"),
    case("body-attach-link", {}, {}, body="[pöytäkirja]({attach}/salaisuus.pdf)", field="Ilmoituksen teksti"),
    case("body-attribute-list", {}, {}, body="Hei\n{: onclick=alert(1)}", field="Ilmoituksen teksti"),
    case("body-nesting", {}, {}, body="Alku\n\n" + "> " * 9 + "syvä", field="Ilmoituksen teksti"),
    case("body-markup", {}, {}, body="[" * 101, field="Ilmoituksen teksti"),
    case("body-braces", {}, {}, body="{: " * 101, field="Ilmoituksen teksti"),
    case("body-block-lines", {}, {}, body="\n".join(["rivi"] * 201), field="Ilmoituksen teksti"),
    # a line of only a byte order mark (U+FEFF, pasted from a file) is no blank line to Python,
    # though JavaScript's \s calls it space: the block goes on over it
    case("body-block-lines-over-a-byte-order-mark", {}, {}, body="\n".join(["rivi"] * 100 + ["\ufeff"] + ["rivi"] * 100),
         field="Ilmoituksen teksti"),
    # a list numbered in another script's digits is a list to Python-Markdown, and so to both checks
    case("another-associations-space-offered",
         {"category": "Tilat", "has_event": True, "checks": ["Tarjoamme tilaa"],
          "selects": {"Tarjottava tila": "Naapurin sali"}},
         {"category": "tilat", "space": "naapurin-sali"}, field="Tarjottava tila"),
    case("body-under-a-heap-of-accents", {}, {}, body="Alku\n\nK" + "\u0301\u0308\u0336" * 4 + "okous",
         field="Ilmoituksen teksti"),
    case("body-nesting-of-arabic-indic-numbered-lists", {}, {}, body="Alku\n\n" + "\u0661. " * 9 + "syvä",
         field="Ilmoituksen teksti"),
    case("series-start-not-a-series-day", {**TUESDAYS, "Alkamispäivä": "9.12.2026"},
         {"event": {"start": "2026-12-09 18:00", **TUESDAYS_FILE}}, field="Alkamispäivä"),
    case("series-day-off-not-a-series-day", {**TUESDAYS, "Poikkeuspäivät": "23.12.2026"},
         {"event": {"start": "2026-12-08 18:00", "repeat": {**TUESDAYS_FILE["repeat"], "except": ["2026-12-23"]}}},
         field="Poikkeuspäivät"),
    # every day off with a time is told, not the first alone
    case("series-days-off-with-times", {**TUESDAYS, "Poikkeuspäivät": "29.12.2026 klo 18, 5.1.2027 klo 18"},
         {"event": {"start": "2026-12-08 18:00",
                    "repeat": {**TUESDAYS_FILE["repeat"], "except": ["2026-12-29 18:00", "2027-01-05 18:00"]}}},
         field="Poikkeuspäivät"),
    case("series-until-before-start", {**TUESDAYS, "Viimeinen kerta": "1.12.2026"},
         {"event": {"start": "2026-12-08 18:00", "repeat": {**TUESDAYS_FILE["repeat"], "until": "2026-12-01"}}},
         field="Viimeinen kerta"),
    # Saturday nights 23.30–3.30: the one starting 27.3.2027 ends in the skipped hour
    case("series-night-ends-in-the-skipped-hour",
         {**TUESDAYS, "weekdays": ["lauantai"], "Alkamispäivä": "20.3.2027", "Alkamiskellonaika": "23.30",
          "Päättymispäivä": "21.3.2027", "Päättymiskellonaika": "3.30", "Viimeinen kerta": "3.4.2027"},
         {"event": {"start": "2027-03-20 23:30", "end": "2027-03-21 03:30",
                    "repeat": {"weekdays": ["la"], "until": "2027-04-03"}}}, field="Alkamispäivä"),
    case("series-over", {**TUESDAYS, "Alkamispäivä": "3.11.2026", "Viimeinen kerta": "24.11.2026"},
         {"event": {"start": "2026-11-03 18:00", "repeat": {**TUESDAYS_FILE["repeat"], "until": "2026-11-24"}}},
         field="Alkamispäivä", new_only=True),
    case("body-control-char", {}, {}, body="Rivi yksi\n\nRivi \u202e kaksi", field="Ilmoituksen teksti"),
    case("body-noncharacter", {}, {}, body="Rivi yksi\n\nRivi \ufffe kaksi", field="Ilmoituksen teksti"),
    # two findings on one line, told in check's order (Problem's: by line, then message)
    case("body-control-char-under-a-heap-of-accents", {}, {}, body="K" + "\u0301\u0308\u0336" * 4 + "okous \u202e",
         field="Ilmoituksen teksti"),
    case("body-html-and-a-javascript-link-on-one-line", {}, {}, body="Katso <b>tästä</b> tai [tästä](javascript:alert(1))",
         field="Ilmoituksen teksti"),
    case("body-remote-image-and-html-on-one-line", {}, {}, body="![kuva](https://muualla.example/kuva.png) <img src=x>",
         field="Ilmoituksen teksti"),
    # read before the code span that goes on over the line, and gone from the page
    case("body-comment-at-a-line-start-in-a-code-span", {}, {}, body="Katso `koodi\n<!-- piilossa --> tästä` ja muuta",
         field="Ilmoituksen teksti"),
    case("body-definition-in-a-code-span", {}, {}, body="Katso `koodi\n[a]: https://a.fi\n` tästä",
         field="Ilmoituksen teksti"),
    case("body-doctype", {}, {}, body="Teksti\n<!DOCTYPE html>\njatkuu", field="Ilmoituksen teksti"),
    case("body-code-span-ended-by-a-quote", {}, {}, body="1. Katso `koodi\n<b>\n> lainaus `loppu`",
         field="Ilmoituksen teksti"),
    case("body-table-after-a-heading-wider-than-its-header", {}, {},
         body="# Ohjelma\n| Päivä | Aika |\n|---|---|\n| ma | 18 | Sali 2 |", field="Ilmoituksen teksti"),
    # past what keeps Python-Markdown's HTML reader and its rule for a definition fast
    case("body-tag-openings-over-paragraphs", {}, {}, body=("Katso <a " * 25 + "\n\n") * 9, field="Ilmoituksen teksti"),
    case("body-definition-with-many-quotes", {}, {}, body="Katso [a].\n\n[a]: https://a.fi/" + "'" * 11 + " x",
         field="Ilmoituksen teksti"),
]

GOOD = [
    case("plain", {}, {}),
    # a site named wholly in another script, and another script past the site's name, lead where they read
    case("addresses-in-other-scripts", {}, {}, body="Venäjäksi: https://\u043f\u0440\u0435\u0437\u0438\u0434\u0435\u043d\u0442.\u0440\u0444/ ja "
                                                     "https://kela.fi/h\u0430ku"),
    case("title-at-the-limit", {"Otsikko": "x" * 120}, {"title": "x" * 120}),
    # the file's last line break is no character of the text
    case("body-at-the-limit", {}, {}, body="sana " * 3999 + "sanaa"),
    case("code-may-show-html", {}, {}, body="Kirjoita `<script>` tai\n\n```\n<div>\n```"),
    case("links-and-site-image", {}, {}, body="[Sivu](https://example.org) <mailto:a@example.org>\n\n"
                                             "![Juliste]({static}/images/juliste.png)"),
    case("addresses-in-angle-brackets", {}, {}, body="<https://a.fi>, <HTTP://B.FI> ja <kerho@example.org>"),
    # a link's text that is its own address, its site or a site above it, a sentence's full stop after it
    case("links-showing-their-own-address", {}, {},
         body="[www.kela.fi.](https://www.kela.fi/haku) [imatra.fi](https://tapahtumat.imatra.fi) "
              "[Kerho@Example.org](mailto:kerho@example.org)"),
    case("tables-whose-rows-fit", {}, {},
         body="| Päivä | Aika |\n|---|---|\n| ma `a|b` | 18 \\| 19 |\n| ti |\n\n| Yksi |\n|---|\n| a |"),
    case("reference-links-with-their-definitions", {}, {},
         body="[Ohjelma][1], [Sivu] ja ![Juliste][kuva]\n\n[1]: https://a.fi\n[sivu]: https://b.fi\n"
              "[kuva]: {static}/images/juliste.png"),
    case("links-with-titles-and-parentheses", {}, {},
         body='[Sivu](https://example.org "Kevään ohjelma") ja [toinen](<https://a.fi/b> \'Otsikko\')\n\n'
              "(katso [wiki](https://fi.wikipedia.org/wiki/Imatra_(kaupunki)))"),
    # shown as written: code all of it, and a line no definition
    case("code-span-over-a-line", {}, {}, body="Katso `koodi\n[a]: https://a.fi` ja `<b>\nja <!-- x -->`"),
    case("colon-after-brackets-in-text", {}, {}, body="[Paikka]: Kerhohuone Imatralla"),
    case("code-span-over-a-lazy-quote-line", {}, {}, body="> Katso `koodi\n<b>` ja muuta"),
    case("list-right-under-a-table", {}, {}, body="| Päivä | Aika |\n|---|---|\n| ma | 18 |\n- ti | 19 | sali 2"),
    case("table-right-under-text-is-text", {}, {}, body="Ohjelma:\n| Päivä | Aika |\n|---|---|\n| ma | 18 | Sali 2 |"),
    # a hashtag is no heading: the table under it is text as under any line of text
    case("table-right-under-a-hashtag-is-text", {}, {}, body="#ohjelma\n| Päivä | Aika |\n|---|---|\n| ma | 18 | Sali 2 |"),
    case("contact-with-consent", {**CONTACT, "Yhteyshenkilön sähköposti": "aila@example.org"},
         {"contact": {"name": "Aila", "email": "aila@example.org", "consent": True}}),
    # an end time alone is written alone, as `new` and the issue form write it
    case("end-on-the-day", {"Päättymiskellonaika": "20.00"}, {"event": {"end": "20:00"}}),
    case("registration-deadline", {"Ilmoittautumisen viimeinen päivä": "ke 2.12. klo 16"},
         {"event": {"registration_deadline": "2026-12-02 16:00"}}),
    # a publication date without a year, written a few days late: this year's, not next year's
    case("publication-day-without-year", {"Julkaisupäivä": "20.11."}, {}),
    case("tags-of-one-address", {"Avainsanat": "Retki, retki, luonto"}, {"tags": ["Retki", "luonto"]}),
    # words of any script are tags, those whose slugs only Python writes too (中文 is zhong-wen)
    case("tags-in-any-script", {"Avainsanat": "中文, 한국어, हिन्दी, ελληνικά, русский, العربية, 中文"},
         {"tags": ["中文", "한국어", "हिन्दी", "ελληνικά", "русский", "العربية"]}),
    case("twelve-tags", {"Avainsanat": ", ".join(f"sana{n}" for n in range(12))},
         {"tags": [f"sana{n}" for n in range(12)]}),
    # a partner by its name in any case and spacing, each once, the separators of new and the issue form
    case("partner-written-twice", {"Muut mukana olevat yhdistykset": "naapurikylän  nuoret ry; NAAPURI, Naapurikylän Nuoret"},
         {"partners": ["naapuri"]}),
    # its identifier with "ry", as `new` and the issue form read it (slugs.named_association)
    case("partner-identifier-with-ry", {"Muut mukana olevat yhdistykset": "naapuri-ry, NAAPURI r.y."},
         {"partners": ["naapuri"]}),
]


@pytest.fixture(scope="module")
def rules_site(tmp_path_factory):
    site = Site(tmp_path_factory.mktemp("rules"))
    images = site.content / "images"
    images.mkdir()
    (images / "juliste.png").write_bytes(b"\x89PNG\r\n\x1a\n" + bytes(32))
    # another association's hall, which a notice of testikyla may not offer
    site.association("naapuri", "name: Naapurikylän Nuoret ry\n")
    (site.content / "spaces").mkdir()
    (site.content / "spaces" / "naapurin-sali.yml").write_text(
        "name: Naapurin sali\nassociation: naapuri\naddress: Kylätie 2, 55100 Imatra\ncapacity: 40\n", encoding="utf-8")
    with built_and_served(site) as opened:
        yield opened


def form_verdict(rules_site, answers, body):
    """The form's messages for these answers; [] when it offers the file."""
    site, base, browser = rules_site
    page = browser.new_page()
    page.set_default_timeout(5000)
    leaks = guard_requests(page, base)
    errors = []
    page.on("pageerror", lambda err: errors.append(str(err)))
    page.clock.set_fixed_time(FORM_TODAY)
    page.goto(base + "/laheta/")
    page.get_by_label("Yhdistys", exact=True).select_option(label="Testikylän Eläkkeensaajat ry")
    page.get_by_label(answers.pop("category", "Tapahtumat"), exact=True).check()
    for box in ("consent", "has_event", "repeat"):
        if answers.pop(box, False):
            page.locator(f"[name={box}]").check()
    for day in answers.pop("weekdays", []):
        page.get_by_label(day, exact=True).check()
    for choice in answers.pop("checks", []):  # radios and checkboxes by their label
        page.get_by_label(choice, exact=True).check()
    if "frequency" in answers:
        page.get_by_label("Kuinka usein").select_option(label=answers.pop("frequency"))
    for label, option in answers.pop("selects", {}).items():  # lists by their label, their option by its text
        page.get_by_label(re.compile("^" + re.escape(label))).select_option(label=option)
    for label, text in answers.items():
        if label == "Ilmoituksen teksti":
            continue
        page.get_by_label(re.compile("^" + re.escape(label))).fill(text)  # a label, or one that adds "valinnainen"
    page.get_by_label("Ilmoituksen teksti").fill(body)
    page.get_by_role("button", name="Esikatsele ilmoitus").click()
    messages = page.locator("[data-error-summary] a").all_inner_texts()
    occurrences = page.locator("[data-occurrences] li").all_inner_texts()
    offered = page.locator("[data-file]").input_value() if page.locator("[data-preview]").is_visible() else None
    page.close()
    assert leaks == [] and errors == []
    return messages, offered, occurrences


def check_verdict(site, file_values, body, new_only, capsys, written=None):
    """`bulletin check` on the file (and `add` for a new notice's own rule):
    the messages of its `path:line: message` lines, with their lines.
    `written`: (text, what instead) in the file, for what the writer leaves out."""
    text = notice_file(file_values, body).replace(*written or ("", ""))
    if new_only:  # a submission comes from outside the content folder
        path = site.root / "corpus.md"
        path.write_text(text, encoding="utf-8")
    else:
        path = site.notice("corpus.md", text)
    capsys.readouterr()
    status = main(["add" if new_only else "check", str(path), "--content", str(site.content)])
    out = capsys.readouterr()
    path.unlink()
    if new_only and status == 0:
        Path(out.out.strip()).unlink()  # the placed notice: the next case may be the same notice
    lines = [line.split(": ", 1) for line in (out.out + out.err).splitlines() if line.startswith(str(path))
             or line.startswith("content") or ".md:" in line]
    return status, [(int(where.rsplit(":", 1)[1]), message) for where, message in lines]


def finnish(message):
    """Dates of a file as the form writes them to people: 5.12.2026 klo 18.00."""
    def day(match):
        y, m, d, hh, mm = match.groups()
        text = f"{int(d)}.{int(m)}.{y}"
        return text if hh is None else f"{text} klo {int(hh)}.{mm}"
    message = re.sub(r"(\d{4})-(\d{2})-(\d{2})(?: (\d{2}):(\d{2}))?", day, message)
    return re.sub(r"(?<![\d.])(\d{2}):(\d{2})", lambda m: f"klo {int(m[1])}.{m[2]}", message)


# Other fields a message names, by their names in the file and their labels in the form
OTHER_FIELDS = {"start": "Alkamispäivä", "repeat.until": "Viimeinen kerta", "repeat.except": "Poikkeuspäivät"}


def as_in_form(line, message, field):
    """check's message as the form shows it: the field named by its label,
    beside the label (and the line of the text) when the message does not name it;
    other fields by their labels, a value to write in one as it is typed there."""
    key = KEYS[field]
    named = re.sub(rf"(?<![\w.]){re.escape(key)}(?![\w.])", field, finnish(message))
    names_it = field in named  # else the form says it beside the label
    ends = field if KEYS[field] == "event.end" else "Päättymiskellonaika"
    others = {**OTHER_FIELDS, "end": ends}
    named = re.sub(r"(?<![\w.-])(start|end|repeat\.until|repeat\.except)(?!\w|\.\w)", lambda m: others[m[1]], named)
    named = re.sub(rf'({"|".join(map(re.escape, [field, *others.values()]))}): "([^"]*)"', r"\1: \2", named)
    if key == "body":
        return f"{field}, rivi {line - BODY_LINE + 1}: {named}"
    return named if names_it else f"{field}: {named}"


@pytest.mark.parametrize("form, file, body, field, new_only", BAD)
def test_a_bad_notice_gets_the_checkers_verdict_and_message_in_the_form(rules_site, capsys, form, file, body,
                                                                       field, new_only):
    site = rules_site[0]
    body = body or BASE_FORM["Ilmoituksen teksti"]
    status, problems = check_verdict(site, _merge(BASE_FILE, file), body, new_only, capsys)
    assert status == 1 and problems
    messages, offered, _ = form_verdict(rules_site, {**BASE_FORM, **form}, body)
    assert offered is None
    assert messages == [as_in_form(line, message, field) for line, message in problems]


@pytest.mark.parametrize("form, file, body, field, new_only", GOOD)
def test_a_good_notice_passes_both_and_the_form_writes_that_file(rules_site, capsys, form, file, body,
                                                                field, new_only):
    site = rules_site[0]
    body = body or BASE_FORM["Ilmoituksen teksti"]
    messages, offered, _ = form_verdict(rules_site, {**BASE_FORM, **form}, body)
    assert messages == []
    assert offered == notice_file(_merge(BASE_FILE, file), body)
    assert check_verdict(site, _merge(BASE_FILE, file), body, True, capsys) == (0, [])


SERIES = [
    case("two-weekdays-with-days-off",
         {**TUESDAYS, "weekdays": ["tiistai", "torstai"], "Poikkeuspäivät": "22.12.2026, 24.12.2026"},
         {"event": {"start": "2026-12-08 18:00",
                    "repeat": {"weekdays": ["ti", "to"], "until": "2027-01-26", "except": ["2026-12-22", "2026-12-24"]}}},
         field=13),
    case("every-second-week", {**TUESDAYS, "frequency": "Joka toinen viikko"},
         {"event": {"start": "2026-12-08 18:00", "repeat": {**TUESDAYS_FILE["repeat"], "interval": "2"}}}, field=4),
    case("first-saturday-of-the-month",
         {**TUESDAYS, "weekdays": ["lauantai"], "frequency": "Kuukauden ensimmäinen valittu viikonpäivä",
          "Alkamispäivä": "2.1.2027", "Viimeinen kerta": "6.3.2027"},
         {"event": {"start": "2027-01-02 18:00", "repeat": {"weekdays": ["la"], "nth": ["1"], "until": "2027-03-06"}}},
         field=3),
    case("an-event-in-another-category",
         {**TUESDAYS, "category": "Vapaaehtoiset", "has_event": True},
         {"category": "vapaaehtoiset", "event": {"start": "2026-12-08 18:00", **TUESDAYS_FILE}}, field=8),
]


@pytest.mark.parametrize("form, file, body, field, new_only", SERIES)
def test_the_form_writes_a_series_that_passes_check_and_previews_its_occurrences(rules_site, capsys, form, file,
                                                                                 body, field, new_only):
    """`field` here: how many occurrences the preview lists."""
    site = rules_site[0]
    body = BASE_FORM["Ilmoituksen teksti"]
    messages, offered, occurrences = form_verdict(rules_site, {**BASE_FORM, **form}, body)
    assert messages == []
    assert offered == notice_file(_merge(BASE_FILE, file), body)
    assert check_verdict(site, _merge(BASE_FILE, file), body, True, capsys) == (0, [])
    assert len(occurrences) == field
    assert occurrences[0].startswith(("ti ", "la ")) and occurrences[0].endswith("klo 18.00")


# --- a space wanted: the `wanted` fields of a notice of tilat ("Etsimme tilaa") ---

WANTED_FORM = {"category": "Tilat", "checks": ["Etsimme tilaa"], "Otsikko": "Harjoitustila haussa",
               "Julkaisupäivä": "20.11.2026", "Henkilömäärä": "15", "Milloin tarvitsette tilaa": "ti 17-19"}
WANTED_FILE = {"title": "Harjoitustila haussa", "association": "testikyla", "category": "tilat",
               "date": "2026-11-20", "wanted": {"capacity": "15", "when": ["ti 17-19"]}}
KEYS.update({"Henkilömäärä": "wanted.capacity", "Milloin tarvitsette tilaa": "wanted.when",
             "Kertaa viikossa": "wanted.times_per_week", "Tarve alkaa": "wanted.from",
             "Tarve päättyy": "wanted.until"})
SEASON = {"Tarve alkaa": "1.1.2027", "Tarve päättyy": "31.5.2027"}

WANTED_BAD = [
    case("slot-in-words", {"Milloin tarvitsette tilaa": "tiistai iltaisin"}, {"when": ["tiistai iltaisin"]},
         field="Milloin tarvitsette tilaa"),
    case("slot-end-before-start", {"Milloin tarvitsette tilaa": "ti 17-19\nti 21-17"},
         {"when": ["ti 17-19", "ti 21-17"]}, field="Milloin tarvitsette tilaa"),
    case("slot-days-backwards", {"Milloin tarvitsette tilaa": "pe–ma 8-16"}, {"when": ["pe–ma 8-16"]},
         field="Milloin tarvitsette tilaa"),
    case("slot-hour-not-on-the-clock", {"Milloin tarvitsette tilaa": "ti 17-25"}, {"when": ["ti 17-25"]},
         field="Milloin tarvitsette tilaa"),
    case("capacity-zero", {"Henkilömäärä": "0"}, {"capacity": "0"}, field="Henkilömäärä"),
    case("capacity-in-words", {"Henkilömäärä": "viisitoista"}, {"capacity": "viisitoista"}, field="Henkilömäärä"),
    case("times-per-week-eight", {"Kertaa viikossa": "8"}, {"times_per_week": "8"}, field="Kertaa viikossa"),
    case("times-per-week-leading-zero", {"Kertaa viikossa": "07"}, {"times_per_week": "07"},
         field="Kertaa viikossa"),
    case("season-ends-before-it-starts", {"Tarve alkaa": "1.5.2027", "Tarve päättyy": "1.1.2027"},
         {"from": "2027-05-01", "until": "2027-01-01"}, field="Tarve päättyy"),
    case("season-with-a-time", {"Tarve alkaa": "1.1.2027 klo 18"}, {"from": "2027-01-01 18:00"},
         field="Tarve alkaa"),
]

WANTED_GOOD = [
    case("wanted-plain", {}, {}),
    case("wanted-every-fact",
         {**SEASON, "Milloin tarvitsette tilaa": "ti klo 17.00–19.00\nma–pe 8-16", "Kertaa viikossa": "2",
          "checks": ["Etsimme tilaa", "Liikunta ja tanssi", "Porrasaton sisäänkäynti", "Esteetön WC"]},
         {"when": ["ti klo 17.00–19.00", "ma–pe 8-16"], "times_per_week": "2", "purposes": ["liikunta"],
          "accessibility": ["porrasaton", "esteeton-wc"], "from": "2027-01-01", "until": "2027-05-31"}),
]


def wanted_notice(more):
    return _merge(WANTED_FILE, {"wanted": more})


@pytest.mark.parametrize("form, file, body, field, new_only", WANTED_BAD)
def test_a_bad_space_wanted_gets_the_checkers_verdict_and_message_in_the_form(rules_site, capsys, form, file,
                                                                             body, field, new_only):
    site = rules_site[0]
    body = BASE_FORM["Ilmoituksen teksti"]
    status, problems = check_verdict(site, wanted_notice(file), body, new_only, capsys)
    assert status == 1 and len(problems) == 1
    messages, offered, _ = form_verdict(rules_site, {**WANTED_FORM, **form}, body)
    assert offered is None
    assert messages == [as_in_form(line, message, field) for line, message in problems]


@pytest.mark.parametrize("form, file, body, field, new_only", WANTED_GOOD)
def test_the_form_writes_a_space_wanted_that_passes_check(rules_site, capsys, form, file, body, field, new_only):
    site = rules_site[0]
    body = BASE_FORM["Ilmoituksen teksti"]
    messages, offered, _ = form_verdict(rules_site, {**WANTED_FORM, **form}, body)
    assert messages == []
    assert offered == notice_file(wanted_notice(file), body)
    assert "\nwanted:\n  capacity: " in offered
    assert check_verdict(site, wanted_notice(file), body, True, capsys) == (0, [])


def test_the_wanted_fields_show_only_for_a_space_wanted(rules_site):
    site, base, browser = rules_site
    page = browser.new_page()
    page.goto(base + "/laheta/")
    wanted = page.get_by_label("Henkilömäärä")
    assert not page.get_by_label("Etsimme tilaa").is_visible() and not wanted.is_visible()
    page.get_by_label("Tilat", exact=True).check()
    page.get_by_label("Etsimme tilaa").check()
    assert wanted.is_visible()
    page.get_by_label("Tarjoamme tilaa").check()
    assert not wanted.is_visible()
    page.close()


# Values the form's checkboxes cannot give (a vocabulary's unknown word) are
# still judged alike: contract.js's rule on the file's values, and check's.
VOCABULARY = [
    pytest.param({"purposes": ["liikuntaa"]}, id="purpose-misspelt"),
    pytest.param({"purposes": ["Liikunta ja tanssi"]}, id="purpose-label-for-slug"),
    pytest.param({"accessibility": ["portaaton"]}, id="accessibility-misspelt"),
    pytest.param({"equipment": ["Piano", "pöydät"]}, id="equipment-labels-for-slugs"),
    pytest.param({"accessibility": ["porrasaton", "xyzzy"]}, id="accessibility-far-off"),
    pytest.param({"accessibility": ["Porrasaton", "esteeton-wc", "Esteetön WC", "induktio silmukka"]},
                 id="accessibility-labels-for-slugs"),
    pytest.param({"when": ["ke ja pe klo 9-11", "TORSTAI 8.30-10"]}, id="slots-written-otherwise"),
    pytest.param({"when": ["TIISTAIYÖNÄ 1-3"]}, id="slot-day-in-capitals-with-a-diaeresis"),
    pytest.param({"when": ["ARKIPÄIVISIN 17-21", "joka päivä 8-10", "viikonloppuisin 25-26"]}, id="slots-of-several-days-in-a-word"),
    # letters and digits that Python's Unicode matching reads as others, and JavaScript's does not
    pytest.param({"when": ["la\u2013\u017fu 10-12"]}, id="slot-day-with-a-long-s"),
    pytest.param({"when": ["\u212ae 9-11"]}, id="slot-day-with-a-kelvin-sign"),
    pytest.param({"when": ["ti \u0661\u0667-\u0662\u0661"]}, id="slot-hours-in-arabic-indic-digits"),
    # not every week: the weekly time to write instead
    pytest.param({"when": ["joka toinen ti 18-20", "Parillisina viikkoina torstaisin klo 9-11"]}, id="slots-every-other-week"),
    pytest.param({"when": ["kerran kuussa 18-20"]}, id="slot-once-a-month"),
    # a number not whole or out of bounds: the nearest whole numbers within them
    pytest.param({"capacity": "22,5"}, id="persons-with-decimals"),
    pytest.param({"capacity": "100000"}, id="persons-beyond-the-most"),
    pytest.param({"capacity": "20 henkeä"}, id="persons-with-a-word"),
    pytest.param({"capacity": "noin 30"}, id="persons-after-a-word"),
    pytest.param({"capacity": "1 200"}, id="persons-in-thousands-written-apart"),
    pytest.param({"capacity": "noin 1\u00a0500 henkeä"}, id="persons-in-thousands-after-a-word"),
]


def browser_messages(rules_site, values):
    """The checker's messages for a file's `values` by contract.js in Chromium."""
    from bulletin_i18n import Translator
    _site, base, browser = rules_site
    page = browser.new_page()
    page.goto(base + "/laheta/")
    findings = page.evaluate("""([data, association]) => {
        const schema = JSON.parse(document.querySelector("[data-submit-form]").dataset.schema);
        return new BulletinContract.Checker(schema).notice(data, "Tervetuloa!\\n", "2026-12-01", association);
    }""", [{k: v for k, v in values.items() if k not in ("association", "category")}, values.get("association")])
    page.close()
    t = Translator("fi")
    return [t(f["key"], **f["values"]) for f in findings]


# Slots as people write them, and those the checker refuses, each for its own reason.
SLOTS_WRITTEN = [
    "arkisin 17-21", "Viikonloppuisin klo 10–14", "joka päivä 8-9", "ti, to 18-20", "ma–ke 9.30-11",
    "ti klo 17–21", "tiistaisin 17-21", "ma-pe 8.00-16.00", "la 10:00-14:00", "ti ja to 18-20", "JOKA PÄIVÄ 8-22",
    "ti.-to. 18-20", "ma.–pe. 8–16", "ti 0-24", "ti klo.17-21", "ti kello17-21", "ma ,ti 10-12", "su ja ma 10-12",
    "keskiviikko-iltaisin 17-21", "lauantai-iltapäivisin 12-16", "la—su 10—14", "ti 17 -21",
    "ke-iltaisin 17-21", "LA-AAMUISIN 8-10", "ti-iltaisin ja to-iltaisin 18-20",
    "tiistai- ja torstai-iltaisin 18–21", "Maanantai-, keskiviikko- ja perjantaiaamuisin klo 9-11",
    "ti 18–20.", "ma–pe klo 8.00–16.00.",
    # refused
    "joka päivä", "ti-kesäisin 17-21", "tiklo 17-21", "ti 17.0-21", "ti 17‐21", "ti 24-24", "su-ma 10-12",
    "ti 17-21, to 18-20", "ti 9-11 ja 17-21", "joka toinen ti 18-20", "joka 2. ti 18-20", "kuun ensimmäinen ti 18-20",
    "ti 18-20 parittomilla viikoilla", "joka toinen ti 18-20, to 17-19",
]


def test_the_browsers_slot_reader_gives_the_days_and_hours_of_check(rules_site):
    # a slot's days are what a space and a need are matched by (slots.py)
    from bulletin_contract.problems import Invalid
    from bulletin_contract.slots import parse_slot

    def read_by_check(text):
        try:
            return [[s.day, s.start, s.end] for s in parse_slot(text, "when")]
        except Invalid as refused:
            return refused.message_key

    page = rules_site[2].new_page()
    page.goto(rules_site[1] + "/laheta/")
    read = page.evaluate("""written => {
        const schema = JSON.parse(document.querySelector("[data-submit-form]").dataset.schema);
        const checker = new BulletinContract.Checker(schema);
        return written.map(text => {
            try { return checker.slot(text, "when").map(s => [s.day, s.start, s.end]); } catch (e) { return e.key; }
        });
    }""", SLOTS_WRITTEN)
    page.close()
    assert read == [read_by_check(text) for text in SLOTS_WRITTEN]


@pytest.mark.parametrize("more", VOCABULARY)
def test_the_browsers_rules_name_the_same_nearest_value_as_check(rules_site, capsys, more):
    body = BASE_FORM["Ilmoituksen teksti"]
    status, problems = check_verdict(rules_site[0], wanted_notice(more), body, False, capsys)
    assert browser_messages(rules_site, wanted_notice(more)) == [message for _, message in problems]
    assert status == (1 if problems else 0)


# Values a file may hold and the form's fields never give, judged alike by
# contract.js and check: dates and times in other scripts' digits or with
# look-alike letters (Python's Unicode matching read them as 0-9 and a-z:
# check took an end of ١٨:٠٠ as 18:00), and empty lists (the writer leaves
# them out of the file: `written` puts them in).
SERIES_FILE = {"event": {"start": "2026-12-08 18:00", **TUESDAYS_FILE}}
UNTIL = '    until: "2027-01-26"\n'
DATE, EMPTY_LIST = "ei kelpaa. Kirjoita muodossa VVVV-KK-PP", "luettelo on tyhjä"
FILE_VALUES = [
    pytest.param({"event": {"end": "\u0661\u0668:\u0660\u0660"}}, None, DATE, id="end-in-arabic-indic-digits"),
    pytest.param({"event": {"end": "\uff12\uff10.\uff10\uff10"}}, None, DATE, id="end-in-full-width-digits"),
    pytest.param({"event": {"start": "\u0665.\u0661\u0662.\u0662\u0660\u0662\u0666 \u0661\u0668.\u0660\u0660"}},
                 None, DATE, id="start-in-arabic-indic-digits"),
    pytest.param({"event": {"start": "\u0968\u0966\u0968\u0966-\u0967\u0968-\u0966\u096b"}},
                 None, DATE, id="start-in-devanagari-digits"),
    pytest.param({"event": {"start": "\u017fu 6.12.2026"}}, None, DATE, id="start-with-a-long-s"),
    pytest.param({"title": "K" + "\u0301\u0308\u0336" * 4 + "okous"}, None, "kirjaimen päällä 12 tarkkeen pino",
                 id="title-under-a-heap-of-accents"),
    pytest.param(_merge(SERIES_FILE, {"event": {"repeat": {"weekdays": []}}}),
                 ("  repeat:\n", "  repeat:\n    weekdays: []\n"), EMPTY_LIST,
                 id="series-without-weekdays"),
    pytest.param(_merge(SERIES_FILE, {"event": {"repeat": {"except": []}}}), (UNTIL, UNTIL + "    except: []\n"),
                 EMPTY_LIST, id="series-with-no-days-off"),
    pytest.param({"tags": ""}, ("event:\n", "tags:\nevent:\n"), EMPTY_LIST, id="tags-with-nothing-after"),
    pytest.param({"category": "tilat", "space": "naapurin-sali"}, None, "on yhdistyksen naapuri tila",
                 id="another-associations-space-offered"),
    # a monthly rule named as a reader says it, not by its weekday alone
    pytest.param({"event": {"start": "2027-01-21 18:00",
                            "repeat": {"weekdays": ["to"], "nth": ["-1"], "until": "2027-04-29"}}},
                 None, "(kuukauden viimeinen torstai)", id="start-not-the-last-thursday"),
    pytest.param({"event": {"start": "2027-01-12 18:00",
                            "repeat": {"weekdays": ["ti"], "nth": ["-1", "2"], "until": "2027-04-27",
                                       "except": ["2027-01-19"]}}},
                 None, "(kuukauden toinen ja viimeinen tiistai)", id="day-off-not-a-day-of-the-rule"),
    # a day off after the series' last day, on its weekday
    pytest.param({"event": {"start": "2027-01-12 18:00",
                            "repeat": {"weekdays": ["ti"], "until": "2027-04-27", "except": ["2027-05-04"]}}},
                 None, "Päivä 2027-05-04 ei ole sarjan aikana (2027-01-12–2027-04-27)", id="day-off-after-the-series"),
    # an end at the start
    pytest.param({"event": {"start": "2026-12-31 22:00", "end": "22:00"}}, None, "samalla hetkellä kuin se alkaa",
                 id="end-at-the-start"),
    # an end past midnight written 0.30: the day and time to write are in the form a file takes
    pytest.param({"event": {"start": "2026-12-31 22:00", "end": "0.30"}}, None, 'päivä: "2027-01-01 00:30"',
                 id="end-past-midnight-written-with-a-dot"),
]


@pytest.mark.parametrize("more, written, said", FILE_VALUES)
def test_the_browsers_rules_refuse_what_check_refuses_in_a_files_values(rules_site, capsys, more, written, said):
    body = BASE_FORM["Ilmoituksen teksti"]
    status, problems = check_verdict(rules_site[0], _merge(BASE_FILE, more), body, False, capsys, written)
    assert status == 1 and len(problems) == 1 and said in problems[0][1]
    assert browser_messages(rules_site, _merge(BASE_FILE, more)) == [message for _, message in problems]


# A text of only characters drawn as nothing (a zero-width space, a byte
# order mark, the blank Braille pattern) or white space to Python (U+0085)
# is no text: check says the notice has none, as it says of an empty one,
# and the form asks for one; then both name what else is wrong by its line.
@pytest.mark.parametrize("body", ["\u200b", "\ufeff\n\u2800", "\u200b\u0085"])
def test_a_text_drawn_as_nothing_is_missing_to_the_form_and_to_check(rules_site, capsys, body):
    from bulletin_i18n import Translator
    status, problems = check_verdict(rules_site[0], BASE_FILE, body, False, capsys)
    assert status == 1 and problems[0][1] == Translator("fi")("err_empty_body")
    messages, offered, _ = form_verdict(rules_site, dict(BASE_FORM), body)
    assert offered is None
    assert messages == ["Kirjoita ilmoituksen teksti."] + [
        as_in_form(line, message, "Ilmoituksen teksti") for line, message in problems[1:]]


# The rules between fields name the other fields too: in the form by their
# labels, as check names them by the file's keys (bulletin_i18n.FIELD_IN_MESSAGE).
@pytest.mark.parametrize("form, labels", [
    pytest.param({**TUESDAYS, "Alkamispäivä": "9.12.2026"}, ["Alkamispäivä"], id="start-not-a-series-day"),
    pytest.param({**TUESDAYS, "Päättymispäivä": "26.1.2027", "Päättymiskellonaika": "20.00"},
                 ["Päättymispäivä", "Viimeinen kerta"], id="end-is-the-series-last-day"),
    pytest.param({"Päättymiskellonaika": "18.00"}, ["Päättymiskellonaika"], id="end-at-start"),
])
def test_a_message_names_the_other_fields_by_their_labels_not_the_files_keys(rules_site, form, labels):
    messages, offered, _ = form_verdict(rules_site, {**BASE_FORM, **form}, BASE_FORM["Ilmoituksen teksti"])
    assert offered is None and len(messages) == 1
    assert all(f"kohtaan {label}" in messages[0] or f"poista {label}" in messages[0] for label in labels), messages
    assert not re.search(r"\b(start|end|repeat|until|except|dates)\b|-kohtaan", messages[0]), messages


@pytest.mark.parametrize("written, in_file, last", [
    ("6.12.2026", "2026-12-06", "2026-12-05"),
    ("5.12.2026 klo 20", "2026-12-05 20:00", "2026-12-05 18:00"),  # after the event is over, on its day
])
def test_a_registration_deadline_after_the_event_is_refused_in_the_form_in_checks_words(rules_site, capsys, written,
                                                                                       in_file, last):
    site = rules_site[0]
    body = BASE_FORM["Ilmoituksen teksti"]
    said = (f"Ilmoittautumisen viimeinen päivä {in_file} on tapahtuman viimeisen kerran ({last}) jälkeen. "
            f"Korjaa kohta registration_deadline: ilmoittautuminen voi päättyä viimeistään {last}.")
    status, problems = check_verdict(site, _merge(BASE_FILE, {"event": {"registration_deadline": in_file}}), body,
                                     False, capsys)
    assert (status, problems) == (1, [(9, said)])
    label = "Ilmoittautumisen viimeinen päivä"
    messages, offered, _ = form_verdict(rules_site, {**BASE_FORM, label: written}, body)
    # the form's field named by its label, as every message of the form names it
    assert offered is None and messages == [f"{label}: " + finnish(said).replace("registration_deadline", label)]
