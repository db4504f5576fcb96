"""The content contract: every field rule and every class of bad input."""
from datetime import date, datetime

import pytest

from bulletin_contract.fields import HELSINKI
from bulletin_contract.problems import ContentError
from bulletin_contract.validate import Context, read_association, read_notice
from bulletin_i18n import Translator
from bulletin_settings import DEFAULTS

T = Translator("fi")
CTX = Context(t=T, categories=DEFAULTS["BULLETIN_CATEGORIES"], groups=DEFAULTS["BULLETIN_GROUPS"],
              associations={"testikyla", "kuoro"})

GOOD = """\
---
title: "Joulumyyjäiset"
association: testikyla
category: tiedotteet
date: "2026-11-20"
---
Tervetuloa!
"""


def problems_of(text, name="notices/x.md"):
    raw = text if isinstance(text, bytes) else text.encode("utf-8")
    with pytest.raises(ContentError) as err:
        read_notice(name, raw, CTX)
    return err.value.problems


def notice(text):
    raw = text if isinstance(text, bytes) else text.encode("utf-8")
    return read_notice("notices/x.md", raw, CTX)


def with_front(extra, base=GOOD):
    """GOOD with more front matter lines added before the closing fence."""
    head, body = base.rsplit("---\n", 1)
    return f"{head}{extra}\n---\n{body}"


def test_good_notice_reads():
    n = notice(GOOD)
    assert n.title == "Joulumyyjäiset"
    assert n.date == datetime(2026, 11, 20, tzinfo=HELSINKI)
    assert n.slug == "x" and n.lang == "fi" and n.body.strip() == "Tervetuloa!"


@pytest.mark.parametrize("text, line, fragment", [
    # structure of the file
    ("no front matter\n", 1, "pitää alkaa rivillä ---"),
    ("---\ntitle: x\n", 1, "puuttuu --- -rivi"),
    ("---\n- a\n- b\n---\nx\n", 2, "avain: arvo"),
    ("---\njust text\n---\nx\n", 2, "avain: arvo"),
    ("---\ntitle: !!python/object/apply:os.system [ls]\n---\nx\n", 2, "ei ole sallittu"),
    ("---\ntitle: !custom x\n---\nx\n", 2, "ei ole sallittu"),
    ("---\ntitle: &a x\nsummary: *a\n---\nx\n", 2, "Ankkurit"),
    ("---\ntitle: x\nsummary: y\ntitle: z\n---\nx\n", 4, "kahdesti (myös rivillä 2)"),
    ("---\ntitle: x\n\tsummary: y\n---\nx\n", 3, "sarkainmerkki"),
    ("---\ntitle: [unclosed\n---\nx\n", 2, 'lainausmerkkeihin: title: "[unclosed"'),
    ("---\ntitle: \"x\n---\nx\n", 2, 'lainausmerkkeihin: title: "x"'),
    ("---\n? [a, b]\n: c\n---\nx\n", 2, "Avaimen pitää olla sana"),
    ("---\nevent:\n  start:\n    x:\n      y:\n        z: [1]\n---\nx\n", 6, "sisäkkäistä"),
])
def test_bad_structure(text, line, fragment):
    problems = problems_of(text)
    assert problems[0].line == line, problems
    assert fragment in problems[0].message


def test_not_utf8_names_the_line():
    problems = problems_of(b'---\ntitle: "ok"\nsummary: "\xe4\xe4"\n---\nx\n')
    assert problems[0].line == 3 and "UTF-8" in problems[0].message


def test_bom_and_crlf_are_fine():
    n = notice(b"\xef\xbb\xbf" + GOOD.replace("\n", "\r\n").encode())
    assert n.title == "Joulumyyjäiset" and "\r" not in n.body


def test_too_large_file_is_refused():
    problems = problems_of(GOOD + "x" * 300_000)
    assert "liian suuri" in problems[0].message


@pytest.mark.parametrize("extra, line, fragment", [
    ("titel: x", 6, "Tarkoititko title?"),
    ("save_as: ../../index.html", 6, "sivuston oma"),
    ("template: page", 6, "sivuston oma"),
    ("status: draft", 6, "sivuston oma"),
    ("slug: toinen", 6, "sivuston oma"),
    ("url: /x/", 6, "sivuston oma"),
    ("summary: " + "a" * 301, 6, "liian pitkä (301 merkkiä, enintään 300)"),
    ("summary: [a, b]", 6, "pitää olla tekstiä"),
    # a text written as a list of one: that text is what to write
    ('summary: ["Tule: kahvit"]', 6, 'Kirjoita esimerkiksi summary: "Tule: kahvit".'),
    ("summary: ''", 6, "on tyhjä"),
    ("summary: \"a\\u0007b\"", 6, "ohjausmerkki"),
    ("summary: \"a\\u202eb\"", 6, "ohjausmerkki"),
    ("tags: konsertti", 6, "pitää olla luettelo"),
    ("tags: [a, [b]]", 6, "jokaisen kohdan"),
    ("tags: ['!!!']", 6, "kirjaimen tai numeron"),
    ("expires: 2026-13-01", 6, "ei ole olemassa"),
    ("expires: 31.12.2026", 6, "expires: 2026-12-31"),
    ("expires: huomenna", 6, "VVVV-KK-PP"),
    ("expires: '18:30'", 6, "Pelkkä kellonaika"),
    ("lang: suomi", 6, "Kielikoodi"),
    ("contact: Aila", 6, "ryhmä sisennettyjä rivejä"),
    ("contact:\n  name: Aila\n  mail: a@example.org", 8, "Tarkoititko email?"),
    ("contact:\n  email: not-an-address", 7, "Sähköpostiosoite"),
    ("contact:\n  phone: soita minulle", 7, "Puhelinnumero"),
    # addresses are not text: nothing invisible, and nothing a mailto: link reads as more than the address
    ('contact:\n  email: "aila\\u0001@example.org"', 7, "Sähköpostiosoite"),
    ('contact:\n  email: "aila\\u202e@example.org"', 7, "Sähköpostiosoite"),
    ("contact:\n  email: aila?cc=toinen%40example.net@example.org", 7, "Sähköpostiosoite"),
    ("contact:\n  email: aila#@example.org", 7, "Sähköpostiosoite"),
    ('materials:\n  Muistio: "https://example.org/\\u0001m"', 7, "Aineiston osoite"),
    # a port past 65535: no browser opens it, the sanitizer drops the link
    ('materials:\n  Muistio: "https://example.org:99999/m.pdf"', 7, "Aineiston osoite"),
    ("contact:\n  email: a@example.org", 6, "consent: true"),
    ("contact:\n  phone: '040 123 4567'\n  consent: maybe", 8, "true (kyllä)"),
])
def test_bad_field(extra, line, fragment):
    problems = problems_of(with_front(extra))
    assert any(p.line == line and fragment in p.message for p in problems), problems


@pytest.mark.parametrize("field, value, fragment", [
    ("category", "tapahtuma", "tapahtumat"),  # nearest known category named
    ("category", "urheilu", "yhteistyo"),  # no near match: the whole list
    ("association", "kuoroo", "kuoro"),
    ("association", "[testikyla]", 'Kirjoita esimerkiksi association: "testikyla".'),
    ("association", "tuntematon", "content/associations/tuntematon.yml"),
    ("date", "2024-02-30", "ei ole olemassa"),
    ("date", "2026-12-05 24:00", "ei ole olemassa"),
    ("date", "5.12.2026 klo 18.00", "date: 2026-12-05 18:00"),
    ("date", "2026-12-05 18.00", "muodossa VVVV-KK-PP TT:MM: date: 2026-12-05 18:00"),  # a time needs its form too
    # a near miss that names no real day or time is said so, not turned into an ISO form that does not exist
    ("date", "31.11.2026 18.00", "Päivämäärää 31.11.2026 18.00 ei ole olemassa"),
    ("date", "5.12.2026 klo 24", "Kellonaikaa 5.12.2026 klo 24 ei ole olemassa"),
    ("date", "31.11.", "Päivämäärää 31.11. ei ole olemassa"),  # in no year: no "VVVV-11-31" to write
    ("date", "29.2. klo 24", "Kellonaikaa 29.2. klo 24 ei ole olemassa"),
    ("date", "28.3. klo 3.30", 'date: "VVVV-03-28 03:30"'),  # the clocks change on 28.3. in some years only
    ("title", "'" + "x" * 121 + "'", "enintään 120"),
    ("title", '"\\u200b\\u200d\\u2060"', "on tyhjä"),  # only invisible characters: an empty link
    ("title", '"\\u3164\\ufe0f\\u2800"', "on tyhjä"),  # letters and marks that are drawn as nothing
    ("date", "0001-01-01", "välillä 1900–2100"),  # would stop the calendars with an overflow
    ("date", "'\uff12\uff10\uff12\uff16-11-20'", "VVVV-KK-PP"),  # full-width digits
])
def test_bad_value_of_required_field(field, value, fragment):
    text = GOOD.replace(next(l for l in GOOD.splitlines() if l.startswith(field + ":")), f"{field}: {value}")
    problems = problems_of(text)
    line = GOOD.splitlines().index(next(l for l in GOOD.splitlines() if l.startswith(field + ":"))) + 1
    assert any(p.line == line and fragment in p.message for p in problems), problems


NO_TIME = "Kellonaikaa {} ei ole olemassa: tunnit ovat 0–23 ja minuutit 0–59."


# 24:00 is written in no field: each field's message says how its day's end is written there
@pytest.mark.parametrize("extra, line, message", [
    ('expires: "2026-12-31 24:00"', 6, NO_TIME.format("2026-12-31 24:00") + " Ilmoitus on voimassa viimeisen "
     "päivänsä loppuun asti, joten kirjoita kenttään expires pelkkä päivä ilman kellonaikaa."),
    ('expires: "31.12. klo 24"', 6, NO_TIME.format("31.12. klo 24") + " Ilmoitus on voimassa viimeisen "
     "päivänsä loppuun asti, joten kirjoita kenttään expires pelkkä päivä ilman kellonaikaa."),
    ('event:\n  start: "2026-12-05 20:00"\n  end: "5.12.2026 klo 24"', 8, NO_TIME.format("5.12.2026 klo 24")
     + " Keskiyöllä päättyvälle tapahtumalle kirjoita loppuun seuraava päivä ja kellonaika 0.00."),
    ('event:\n  start: "2026-12-05 20:00"\n  end: "24:00"', 8, NO_TIME.format("24:00")
     + " Keskiyöllä päättyvälle tapahtumalle kirjoita loppuun seuraava päivä ja kellonaika 0.00."),
    ('event:\n  start: "2026-12-05 24:00"\n  location: Sali', 7, NO_TIME.format("2026-12-05 24:00")),
    ('expires: "2026-12-31 25:00"', 6, NO_TIME.format("2026-12-31 25:00")),
])
def test_a_time_of_24_is_refused_saying_how_the_field_writes_its_days_end(extra, line, message):
    problems = [(p.line, p.message) for p in problems_of(with_front(extra))]
    assert (line, message) in problems, problems


@pytest.mark.parametrize("missing", ["title", "association", "category", "date"])
def test_missing_required_key_points_at_front_matter(missing):
    text = "\n".join(l for l in GOOD.splitlines() if not l.startswith(missing + ":")) + "\n"
    problems = problems_of(text)
    assert [(p.line, missing in p.message) for p in problems] == [(1, True)]


def test_empty_body_is_refused():
    problems = problems_of(GOOD.replace("Tervetuloa!\n", "\n"))
    assert "puuttuu teksti" in problems[0].message


@pytest.mark.parametrize("title", [
    "Tie\u0323\u0302ng Vie\u0323\u0302t",  # Vietnamese, decomposed: two accents on a letter
    "\u05e9\u05c1\u05b8\u05bc\u05b4\u05d1\u05bc\u05b8\u05ea",  # Hebrew with its points
    "\u0915\u094d\u0937\u093f \u0939\u093f\u0902\u0926\u0940",  # Devanagari
])
def test_accents_of_real_scripts_are_text_and_a_heap_of_them_is_not(title):
    assert notice(GOOD.replace("Joulumyyjäiset", title)).title == title
    heap = "K" + "\u0301\u0308\u0336" * 2 + "okous"  # six marks on one letter: drawn over the lines near it
    problems = problems_of(GOOD.replace("Joulumyyjäiset", heap))
    assert [(p.line, p.message) for p in problems] == [
        (2, "Kentässä title on kirjaimen päällä 6 tarkkeen pino (enintään 5). Kirjoita teksti ilman koristemerkkejä.")]


def test_values_are_read_as_written():
    n = notice(with_front(
        "summary: NO\ntags: [00100, 'yes', on]\ncontact:\n  name: Off\n  phone: +358401234567\n  consent: true"))
    assert n.summary == "NO"
    assert n.tags == ["00100", "yes", "on"]
    assert n.contact.phone == "+358401234567" and n.contact.name == "Off" and n.contact.consent is True


EVENT = """\
---
title: "Konsertti"
association: kuoro
category: tapahtumat
date: "2026-11-20"
event:
  start: "{start}"
{end}  location: "Kulttuuritalo"
---
Tervetuloa!
"""


@pytest.mark.parametrize("start, end, expected_start, expected_end", [
    ("2026-12-05 18:00", None, datetime(2026, 12, 5, 18, 0, tzinfo=HELSINKI), None),
    ("2026-12-05 18:00", "20:30", datetime(2026, 12, 5, 18, 0, tzinfo=HELSINKI),
     datetime(2026, 12, 5, 20, 30, tzinfo=HELSINKI)),
    ("2026-12-05", None, date(2026, 12, 5), None),
    ("2026-12-05", "2026-12-07", date(2026, 12, 5), date(2026, 12, 7)),
    ("2026-12-05 10:00", "2026-12-06 16:00", datetime(2026, 12, 5, 10, tzinfo=HELSINKI),
     datetime(2026, 12, 6, 16, tzinfo=HELSINKI)),
])
def test_event_times(start, end, expected_start, expected_end):
    n = notice(EVENT.format(start=start, end=f'  end: "{end}"\n' if end else ""))
    assert n.event.start == expected_start and n.event.end == expected_end


@pytest.mark.parametrize("start, end, fragment", [
    ("2026-12-05 18:00", "17:00", 'yli puolenyön, kirjoita loppuun myös päivä: "2026-12-06 17:00"'),
    ("2026-12-31 22:00", "00:30", 'päivä: "2027-01-01 00:30"'),
    # the end to write is in the form check takes, whatever form the time had
    ("2026-12-31 22:00", "0.30", 'päivä: "2027-01-01 00:30"'),
    ("2026-12-05 21:00", "1:00", 'päivä: "2026-12-06 01:00"'),
    ("2026-12-05 18:00", "2026-12-05 17:00", "päättyy"),
    # an end at the start is a slip (18:00–18:00 on every page), not a length
    ("2026-12-05 18:00", "18:00", "päättyy (18:00) samalla hetkellä kuin se alkaa (2026-12-05 18:00)"),
    ("2026-12-05 18:00", "2026-12-05 18:00", "poista end, jos"),
    ("2026-12-05", "2026-12-04", "päättyy"),
    ("2026-12-05", "17:00", "tarvitsee alkamisajan"),
    ("18:00", None, "Pelkkä kellonaika"),
    ("2026-12-05 18:00", "25:00", "ei ole olemassa"),
])
def test_bad_event_times(start, end, fragment):
    problems = problems_of(EVENT.format(start=start, end=f'  end: "{end}"\n' if end else ""))
    assert any(fragment in p.message for p in problems), problems


# Other scripts' digits and look-alike letters, which Python's Unicode matching
# read as 0-9 and a-z: a time in them passed, a date was told a form of them to
# write. The form reads 0-9 and a-z only, and so does check: not a date at all.
@pytest.mark.parametrize("start, end", [
    ("2026-12-05 16:00", "\u0661\u0668:\u0660\u0660"),  # Arabic-Indic
    ("2026-12-05 16:00", "\uff11\uff18.\uff10\uff10"),  # full-width
    ("\u0665.\u0661\u0662.\u0662\u0660\u0662\u0666 \u0661\u0668.\u0660\u0660", None),
    ("\u096b.\u0967\u0968.", None),  # Devanagari, without a year
    ("\u017fu 6.12.2026", None),  # a long s for the s of su
    ("6.12.2026 \u212alo 18", None),  # a Kelvin sign for the k of klo
])
def test_a_date_or_time_in_other_digits_or_look_alike_letters_is_no_date(start, end):
    problems = problems_of(EVENT.format(start=start, end=f'  end: "{end}"\n' if end else ""))
    expected = (8, T("err_date", key="event.end", value=end)) if end else \
        (7, T("err_date", key="event.start", value=start))
    assert [(p.line, p.message) for p in problems] == [expected]


# An empty list: said to be empty, with one item to write, and for a field
# that may be left out, that the line may go.
@pytest.mark.parametrize("extra, line, message", [
    ('event:\n  start: "2026-12-08 18:00"\n  location: Talo\n  repeat:\n    weekdays: []\n    until: "2027-01-26"',
     10, "Kentän event.repeat.weekdays luettelo on tyhjä. Kirjoita siihen ainakin yksi kohta, "
         "esimerkiksi event.repeat.weekdays: [ti]."),
    ('event:\n  start: "2026-12-08 18:00"\n  location: Talo\n  repeat:\n    weekdays: [ti]\n'
     '    until: "2027-01-26"\n    except: []',
     12, 'Kentän event.repeat.except luettelo on tyhjä. Kirjoita siihen ainakin yksi kohta, '
         'esimerkiksi event.repeat.except: ["2027-03-02"], tai poista koko rivi, jos kenttää ei tarvita.'),
    ("tags:", 6, "Kentän tags luettelo on tyhjä. Kirjoita siihen ainakin yksi kohta, "
                 "esimerkiksi tags: [sana], tai poista koko rivi, jos kenttää ei tarvita."),
])
def test_an_empty_list_is_said_to_be_empty(extra, line, message):
    problems = problems_of(with_front(extra).replace("tiedotteet", "tapahtumat" if "event" in extra else "tiedotteet"))
    assert [(p.line, p.message) for p in problems] == [(line, message)]


def test_event_needs_start_and_location():
    text = EVENT.format(start="2026-12-05", end="").replace('  location: "Kulttuuritalo"\n', "")
    problems = problems_of(text)
    assert [(p.line, "event.location" in p.message) for p in problems] == [(6, True)]


def test_event_category_needs_event():
    problems = problems_of(GOOD.replace("tiedotteet", "tapahtumat"))
    assert problems[0].line == 4 and "event-kenttä" in problems[0].message


def test_an_event_may_expire_later_but_not_before_its_publication():
    # a funding call open after its info evening
    text = EVENT.format(start="2026-12-05", end="").replace("---\nTervetuloa", 'expires: "2026-12-31"\n---\nTervetuloa')
    assert notice(text).expires.isoformat() == "2026-12-31"
    text = text.replace('expires: "2026-12-31"', 'expires: "2026-01-31"')
    said = [p.message for p in problems_of(text)]
    # in words every door's user knows: the form and `new` have no key `expires`
    assert any("ennen kuin se julkaistaan" in m and "vanhenemispäivä" in m for m in said), said


def test_all_problems_of_a_file_are_reported_together():
    problems = problems_of(with_front("titel: x\nexpires: huomenna\nlang: ??"))
    assert [p.line for p in problems] == [6, 7, 8]



# Every bad day of a list is told in one run, at its own line when the list
# has one item a line, naming the item when they share a line.
@pytest.mark.parametrize("days, lines", [
    ('\n    - "29.12.2026"\n    - "2027-01-5"\n    - "2027-01-12"', [13, 14]),
    ('["29.12.2026", "2027-01-12", "5.1.2027"]', [12, 12]),
])
def test_every_bad_day_off_is_told_at_once(days, lines):
    extra = f'event:\n  start: "2026-12-01 18:00"\n  location: Talo\n  repeat:\n    weekdays: [ti]\n' \
            f'    until: "2027-01-26"\n    except: {days}'
    problems = problems_of(with_front(extra).replace("tiedotteet", "tapahtumat"))
    assert [p.line for p in problems] == lines
    written = [p.message.split("Kirjoita päivämäärä ")[1].split(" ")[0] for p in problems]
    assert written == [day for day in ("29.12.2026", "2027-01-5", "5.1.2027") if day in days]


def test_every_bad_extra_date_is_told_at_once():
    extra = 'event:\n  start: "2026-12-02 18:00"\n  location: Talo\n' \
            '  dates: ["ke 9.12.2026 18:00", "2026-12-10 18:00", "ti 16.12.2026 klo 18"]'
    problems = problems_of(with_front(extra).replace("tiedotteet", "tapahtumat"))
    assert [(p.line, p.message) for p in problems] == [
        (9, "Kirjoita päivä ja kellonaika ke 9.12.2026 18:00 muodossa VVVV-KK-PP TT:MM: event.dates: 2026-12-09 18:00."),
        (9, "event.dates: 16.12.2026 on keskiviikko, ei tiistai. Kirjoita oikea päivä tai oikea viikonpäivä.")]


ASSOCIATION = """\
name: Kuoro ry
description: |
  Laulamme **torstaisin**.
groups: [kulttuuri, eläkeläiset]
website: https://kuoro.example.org
email: kuoro@example.org
phone: "040 123 4567"
address: Kuorotie 1, Imatra
"""


def test_association_reads():
    profile = read_association("associations/kuoro.yml", ASSOCIATION.encode(), CTX)
    assert profile.slug == "kuoro" and profile.groups == ["kulttuuri", "eläkeläiset"]
    assert profile.phone == "040 123 4567"


@pytest.mark.parametrize("change, line, fragment", [
    (("name: Kuoro ry\n", ""), 1, "Puuttuu pakollinen kenttä name"),
    (("groups: [kulttuuri, eläkeläiset]", "groups: [kultuuri]"), 4, "Tuntematon kohderyhmä"),
    (("https://kuoro.example.org", "javascript:alert(1)"), 5, "Osoite"),
    (("https://kuoro.example.org", '"https://kuoro.example.org/\\u202egro"'), 5, "Osoite"),
    (("https://kuoro.example.org", '"https://kuoro.example.org/\\u0001\\ufffe"'), 5, "Osoite"),
    (("phone: \"040 123 4567\"", "phone: 12"), 7, "Puhelinnumero"),
    (("email: kuoro@example.org", "emial: kuoro@example.org"), 6, "Tarkoititko email?"),
])
def test_bad_association(change, line, fragment):
    with pytest.raises(ContentError) as err:
        read_association("associations/kuoro.yml", ASSOCIATION.replace(*change).encode(), CTX)
    assert any(p.line == line and fragment in p.message for p in err.value.problems), err.value.problems


def test_a_business_id_in_other_digits_is_not_told_to_add_a_zero():
    written = "\u0661\u0662\u0663\u0664\u0665\u0666-\u0667"  # 123456-7: a leading zero, were it 0-9
    with pytest.raises(ContentError) as err:
        read_association("associations/kuoro.yml", (ASSOCIATION + f'business_id: "{written}"\n').encode(), CTX)
    assert [(p.line, p.message) for p in err.value.problems] == [
        (9, T("err_business_id", key="business_id", value=written))]


@pytest.mark.parametrize("name", ["Kuoro.yml", "kuoro.yaml", "kuoro ry.yml"])
def test_association_file_names(name):
    with pytest.raises(ContentError) as err:
        read_association(f"associations/{name}", ASSOCIATION.encode(), CTX)
    assert ".yml" in err.value.problems[0].message


@pytest.mark.parametrize("written, expected", [
    ("Testikyla", "kirjoita association: testikyla"),  # capitals
    ("Testikylä ry", "kirjoita association: testikyla"),  # the name, with ry
    ("Testikylan Elakkeensaajat", "content/associations/testikylan-elakkeensaajat.yml"),  # a new one: a file name that works
])
def test_an_association_written_as_a_name_gets_its_identifier(written, expected):
    [problem] = problems_of(GOOD.replace("association: testikyla", f"association: {written}"))
    assert problem.line == 3 and expected in problem.message


def test_a_notice_has_at_most_twelve_tags():
    tags = ", ".join(f"sana{n}" for n in range(13))
    [problem] = problems_of(with_front(f"tags: [{tags}]"))
    assert "tags on 13 sanaa; enintään 12" in problem.message
    assert len(notice(with_front(f"tags: [{', '.join(f'sana{n}' for n in range(12))}]")).tags) == 12


def test_tags_that_make_one_address_are_one_tag():
    # one tag page avainsanat/retki/: listed once, as first written
    assert notice(with_front("tags: [Retki, retki, RETKI, luonto, Retki!]")).tags == ["Retki", "luonto"]


def test_a_file_name_too_long_for_an_address_is_refused():
    name = "kuoro-" + "a" * 240
    with pytest.raises(ContentError) as err:
        read_association(f"associations/{name}.yml", ASSOCIATION.encode(), CTX)
    assert "liian pitkä" in err.value.problems[0].message
    with pytest.raises(ContentError) as err:
        read_notice(f"notices/{name}.md", GOOD.encode(), CTX)
    assert [p.line for p in err.value.problems if "liian pitkä" in p.message] == [1]
    read_association("associations/" + "b" * 100 + ".yml", ASSOCIATION.encode(), CTX)  # at the limit


@pytest.mark.parametrize("folder", ["associations", "spaces"])
def test_a_profile_in_a_subfolder_cannot_take_the_place_of_another(site, capsys, folder):
    # a pull request adding associations/muut/testikyla.yml looks like a new
    # file, not an edit of the association it would replace
    if folder == "spaces":
        site.content.joinpath("spaces").mkdir()
        site.content.joinpath("spaces", "sali.yml").write_text(
            "name: Testikylän sali\nassociation: testikyla\naddress: Kylätie 1, 55100 Imatra\ncapacity: 25\n",
            encoding="utf-8")
    first = site.content / folder / ("testikyla.yml" if folder == "associations" else "sali.yml")
    second = site.content / folder / "muut" / first.name
    second.parent.mkdir()
    second.write_text(first.read_text(encoding="utf-8").replace("Testikylän", "Huijarin"), encoding="utf-8")
    assert site.check() == 1
    out = capsys.readouterr()
    assert f"{second}:1: Tiedostoilla {first} ja {second} on sama tunnus {first.stem}" in out.out + out.err
    assert site.build() == 1
    # the check of either file alone refuses it, as the build does: the new one may be either
    for path in (first, second):
        capsys.readouterr()
        assert site.check(path) == 1
        assert f"{path}:1: Tiedostoilla {first} ja {second} on sama tunnus {first.stem}" in capsys.readouterr().out
