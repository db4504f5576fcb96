"""Spaces offered (content/spaces/*.yml) and wanted (`wanted:` on a notice):
every field rule, and the weekly-slot parser both use."""
from datetime import date

import pytest

from bulletin_contract.problems import ContentError
from bulletin_contract.slots import Slot, parse_slot, slot_text
from bulletin_contract.fields import Invalid
from bulletin_contract.validate import Context, read_notice, read_space
from bulletin_i18n import Translator
from bulletin_settings import DEFAULTS, SettingsError, validate, with_defaults

T = Translator("fi")
CTX = Context(t=T, categories=DEFAULTS["BULLETIN_CATEGORIES"], groups=DEFAULTS["BULLETIN_GROUPS"],
              associations={"testikyla", "kuoro"},
              space_purposes=DEFAULTS["BULLETIN_SPACE_PURPOSES"],
              space_equipment=DEFAULTS["BULLETIN_SPACE_EQUIPMENT"],
              space_accessibility=DEFAULTS["BULLETIN_SPACE_ACCESSIBILITY"],
              districts=DEFAULTS["BULLETIN_DISTRICTS"], spaces={"kerhohuone"})

SPACE = """\
name: Testikylän kerhohuone
association: testikyla
address: Kylätie 1, 55100 Imatra
capacity: 25
"""

FULL_SPACE = SPACE + """\
district: Vuoksenniska
area: 40
purposes: [kokous, kerho, juhla]
equipment: [keittio, videotykki, wlan]
accessibility: [porrasaton, esteeton-wc, induktiosilmukka]
available: ["ti 17-21", "to 17-21", "la 10-16"]
price: Maksuton jäsenjärjestöille, muille 10 €/h
free: true
entry: Avain lainataan asukastuvalta.
booking: {name: Aila Esimerkki, email: aila@example.org, phone: "040 123 4567", url: "https://example.org/varaa", consent: true}
description: |
  Valoisa **kerhohuone**.
"""

WANTED = """\
---
title: Tilaa etsitään
association: testikyla
category: tilat
date: "2026-11-20"
wanted:
  capacity: 15
  when: ["ti 17-19"]
  times_per_week: 1
  purposes: [liikunta]
  accessibility: [porrasaton]
  from: "2027-01-01"
  until: "2027-05-31"
---
Etsimme salia.
"""


def space(text, name="spaces/kerhohuone.yml"):
    return read_space(name, text.encode("utf-8"), CTX)


def space_problems(text, name="spaces/kerhohuone.yml"):
    with pytest.raises(ContentError) as err:
        space(text, name)
    return err.value.problems


def notice_problems(text):
    with pytest.raises(ContentError) as err:
        read_notice("notices/x.md", text.encode("utf-8"), CTX)
    return err.value.problems


def test_full_space_reads_every_field():
    s = space(FULL_SPACE)
    assert (s.slug, s.name, s.association, s.capacity, s.area, s.district) == (
        "kerhohuone", "Testikylän kerhohuone", "testikyla", 25, 40, "Vuoksenniska")
    assert s.purposes == ["kokous", "kerho", "juhla"] and s.equipment == ["keittio", "videotykki", "wlan"]
    assert s.accessibility == ["porrasaton", "esteeton-wc", "induktiosilmukka"]
    assert s.available == [Slot(1, 17 * 60, 21 * 60), Slot(3, 17 * 60, 21 * 60), Slot(5, 10 * 60, 16 * 60)]
    assert s.free is True and s.entry.startswith("Avain") and s.price.startswith("Maksuton")
    assert s.booking.email == "aila@example.org" and s.booking.consent is True
    assert s.url == "https://example.org/varaa"


@pytest.mark.parametrize("price, free", [
    ("ilmainen", True), ("Ilmainen.", True), ("0 €", True), ("0€/h", True), ("0,00 euroa", True),
    ("vastikkeeton", True), ("Maksuton", True), ("veloituksetta", True),
    ("Ilmainen yhdistyksille", True), ("maksuton kaikille", True), ("0 € järjestöille", True),
    ("0 €/kerta", True), ("0 € / 10 €", False), ("0€/20€", False),  # a price for some and one for others
    ("Maksuton jäsenjärjestöille, muille 10 €/h", False), ("10 €", False), ("100 €", False), ("ilmainen kahvi", False),
])
def test_a_price_that_says_free_makes_the_space_free(price, free):
    # "Maksuton" filters (tilat/?maksuton=1) by `free`; a space whose price
    # is nothing but "ilmainen" is free without `free: true` said again.
    assert space(SPACE + f"price: {price}\n").free is free


@pytest.mark.parametrize("written", ["1 200", "1\u00a0200", "1\u202f200"])
def test_thousands_written_apart_are_one_number(written):
    # as the forms read "1 200" (form-core.js); check refused it and named 1 as the number to write
    assert space(SPACE.replace("capacity: 25", f'capacity: "{written}"')).capacity == 1200


def test_free_said_false_is_not_overruled_by_the_price():
    assert space(SPACE + "price: ilmainen\nfree: false\n").free is False


def test_wanted_notice_reads():
    n = read_notice("notices/x.md", WANTED.encode("utf-8"), CTX)
    w = n.wanted
    assert (w.capacity, w.times_per_week, w.purposes, w.accessibility) == (15, 1, ["liikunta"], ["porrasaton"])
    assert w.when == [Slot(1, 17 * 60, 19 * 60)]
    assert (w.first_day, w.last_day) == (date(2027, 1, 1), date(2027, 5, 31))


# Each rule of the space table: (what is written, its line, a fragment of the message).
@pytest.mark.parametrize("text, line, fragment", [
    ("association: testikyla\naddress: Tie 1\ncapacity: 5\n", 1, "Puuttuu pakollinen kenttä name"),
    ("name: X\naddress: Tie 1\ncapacity: 5\n", 1, "Puuttuu pakollinen kenttä association"),
    ("name: X\nassociation: testikyla\ncapacity: 5\n", 1, "Puuttuu pakollinen kenttä address"),
    ("name: X\nassociation: testikyla\naddress: Tie 1\n", 1, "Puuttuu pakollinen kenttä capacity"),
    (SPACE.replace("testikyla", "testikylä ry"), 2, "association: testikyla"),
    (SPACE.replace("testikyla", "olematon"), 2, "Yhdistystä olematon ei löydy"),
    (SPACE.replace("capacity: 25", "capacity: 0"), 4, "pitää olla kokonaisluku 1–9999"),
    (SPACE.replace("capacity: 25", "capacity: -3"), 4, "pitää olla kokonaisluku 1–9999"),
    (SPACE.replace("capacity: 25", "capacity: 2.5"), 4, "pitää olla kokonaisluku 1–9999"),
    (SPACE.replace("capacity: 25", "capacity: kaksikymmentä"), 4, "pitää olla kokonaisluku 1–9999"),
    (SPACE.replace("capacity: 25", "capacity: [25]"), 4, "pitää olla tekstiä"),
    (SPACE.replace("capacity: 25", "capacity: 99999"), 4, "kokonaisluku 1–9999, nyt 99999"),
    # thousands written apart, as Finns write them: the number is named, not its first digits ("1")
    (SPACE.replace("capacity: 25", "capacity: noin 1 500"), 4, "nyt noin 1 500. Kirjoita esimerkiksi capacity: 1500."),
    (SPACE.replace("capacity: 25", "capacity: 12 000"), 4, "nyt 12 000. Kirjoita esimerkiksi capacity: 9999."),
    (SPACE + "area: 0\n", 5, "pitää olla kokonaisluku 1–9999"),
    (SPACE + "district: Vuoksennniska\n", 5, "Tuntematon alue Vuoksennniska. Valitse jokin näistä: Vuoksenniska"),
    (SPACE + "purposes: [kokouss]\n", 5, "Lähin sallittu arvo: kokous"),
    (SPACE + "purposes: kokous\n", 5, "pitää olla luettelo"),
    (SPACE + "equipment: [videotykit]\n", 5, "Lähin sallittu arvo: videotykki"),
    # nothing near: every value, not one "nearest" of fifteen
    (SPACE + "equipment: [xyzzy]\n", 5, "Tuntematon arvo xyzzy kentässä equipment. Kirjoita jokin näistä: keittio, "),
    (SPACE + "accessibility: [esteeton-vessa]\n", 5, "Lähin sallittu arvo: esteeton-wc"),
    (SPACE + "accessibility: [Esteetön WC]\n", 5, "Lähin sallittu arvo: esteeton-wc"),
    # labels for slugs, as a list's every item often is: the whole list to write, told at once
    (SPACE + "equipment: [Videotykki, WLAN, pöydät]\n", 5,
     "Tuntemattomat arvot Videotykki, WLAN, pöydät kentässä equipment. Kirjoita lista sallituin arvoin: "
     "equipment: [videotykki, wlan, poydat]."),
    (SPACE + "accessibility: [Porrasaton, esteeton-wc, Esteetön WC]\n", 5,
     "Kirjoita lista sallituin arvoin: accessibility: [porrasaton, esteeton-wc]."),
    (SPACE + 'available: ["tiistai-ilta"]\n', 5, "Kirjoita viikonpäivä ja tunnit"),
    (SPACE + 'available: ["17-21"]\n', 5, "Kirjoita viikonpäivä ja tunnit"),
    # a time not every week: the weekly time to write, and where its weeks are told
    (SPACE + 'available: ["ti 17-21", "joka toinen to 18-20"]\n', 5,
     'Aika joka toinen to 18-20 kentässä available ei ole joka viikko, mutta ajat kirjoitetaan viikoittaisina. '
     'Kirjoita viikon aika, esimerkiksi "to 18-20", ja kerro tekstissä, millä viikoilla se on.'),
    (SPACE + 'available: ["ti 21-17"]\n', 5, "päättyy ennen kuin se alkaa"),
    (SPACE + 'available: ["ti 17-25"]\n', 5, "ei ole olemassa"),
    (SPACE + 'available: ["pe–ma 8-16"]\n', 5, "väärin päin"),
    (SPACE + 'available: "ti 17-21"\n', 5, "pitää olla luettelo"),
    (SPACE + "price: [10]\n", 5, "pitää olla tekstiä"),
    (SPACE + "free: ehkä\n", 5, "true (kyllä) tai false (ei)"),
    (SPACE + "entry: '" + "x" * 301 + "'\n", 5, "liian pitkä"),
    (SPACE + "booking:\n  name: Aila\n  email: aila@example.org\n", 5, "consent: true"),
    (SPACE + "booking:\n  phone: \"040 123 4567\"\n  consent: false\n", 5, "consent: true"),
    (SPACE + "booking:\n  email: ei-osoite\n  consent: true\n", 6, "Sähköpostiosoite ei-osoite ei kelpaa"),
    (SPACE + "booking:\n  url: ftp://example.org\n", 6, "Osoite ftp://example.org ei kelpaa"),
    (SPACE + "booking: Aila\n", 5, "ryhmä sisennettyjä rivejä"),
    (SPACE + "date: 1.12.2026\n", 5, "muodossa VVVV-KK-PP"),
    (SPACE + "capasity: 5\n", 5, "Tarkoititko capacity"),
    (SPACE + "description: '<script>x</script>'\n", 5, "HTML-koodia"),
    (SPACE + 'images: ["https://example.org/a.jpg"]\n', 5, "merkinnällä {static} voi viitata vain sivuston kuviin"),
    (SPACE + 'images: ["{static}/muut/a.jpg"]\n', 5, "merkinnällä {static} voi viitata vain sivuston kuviin"),
    (SPACE + 'images: ["{static}/images/../../a.jpg"]\n', 5, "voi viitata vain sivuston kuviin"),
    (SPACE + 'images: "{static}/images/a.jpg"\n', 5, "pitää olla luettelo"),
])
def test_space_field_rules(text, line, fragment):
    problems = space_problems(text)
    assert any(p.line == line and fragment in p.message for p in problems), problems
    assert all(p.path == "spaces/kerhohuone.yml" for p in problems)


@pytest.mark.parametrize("name", ["spaces/Kerho Huone.yml", "spaces/kerhohuone.yaml", "spaces/kerhohuone.md"])
def test_space_file_name_is_its_address(name):
    [problem] = space_problems(SPACE, name)
    assert "tilatiedosto" in problem.message.lower() or "Tilatiedosto" in problem.message


def wanted_with(lines):
    return WANTED.replace("  capacity: 15\n", lines)


# Each rule of the wanted table, and the rules between a notice's fields.
@pytest.mark.parametrize("text, line, fragment", [
    (wanted_with(""), 6, "Puuttuu pakollinen kenttä wanted.capacity"),
    (wanted_with("  capacity: nolla\n"), 7, "pitää olla kokonaisluku 1–9999"),
    (WANTED.replace('  when: ["ti 17-19"]\n', ""), 6, "Puuttuu pakollinen kenttä wanted.when"),
    (WANTED.replace('["ti 17-19"]', '["tiistaisin"]'), 8, "Kirjoita viikonpäivä ja tunnit"),
    (WANTED.replace('["ti 17-19"]', '[]'), 8, "on tyhjä"),
    (WANTED.replace("times_per_week: 1", "times_per_week: 8"), 9, "kokonaisluku 1–7, nyt 8"),
    (WANTED.replace("[liikunta]", "[liikuntaa]"), 10, "Lähin sallittu arvo: liikunta"),
    (WANTED.replace("accessibility: [porrasaton]", "accessibility: [portaaton]"), 11, "porrasaton"),
    (WANTED.replace('from: "2027-01-01"', 'from: "1.1.2027"'), 12, "muodossa VVVV-KK-PP"),
    (WANTED.replace('until: "2027-05-31"', 'until: "2026-05-31"'), 13, "päivä (2026-05-31) on ennen kauden alkua"),
    (WANTED.replace('from: "2027-01-01"', 'from: "2027-01-01 18:00"'), 12, "pelkkä päivä ilman kellonaikaa"),
    (WANTED.replace("category: tilat", "category: tiedotteet"), 6, "kuuluu vain aiheen tilat"),
    (WANTED.replace("category: tilat\n", "category: tilat\nspace: kerhohuone\n"), 5, "ei molempia"),
    (WANTED.replace("  capacity: 15\n", "  capacity: 15\n  size: 3\n"), 8, "Tuntematon avain size"),
    (WANTED.replace("wanted:\n", "space: kerhohuonne\nwanted:\n").split("wanted:")[0]
     + "---\nx\n", 6, "Tilaa kerhohuonne ei löydy"),
    ("---\ntitle: T\nassociation: testikyla\ncategory: tiedotteet\ndate: \"2026-11-20\"\nspace: kerhohuone\n---\nx\n",
     6, "kuuluu vain aiheen tilat"),
])
def test_wanted_and_space_rules(text, line, fragment):
    problems = notice_problems(text)
    assert any(p.line == line and fragment in p.message for p in problems), problems


def test_offering_notice_names_its_space():
    text = "---\ntitle: T\nassociation: testikyla\ncategory: tilat\ndate: \"2026-11-20\"\nspace: kerhohuone\n---\nx\n"
    assert read_notice("notices/x.md", text.encode(), CTX).space == "kerhohuone"


TI, TO = 1, 3


# The slot parser, on the forms people write; `available` and `wanted.when` share it.
@pytest.mark.parametrize("written, slots", [
    ("ti 17-21", [(TI, "17:00", "21:00")]),
    ("ti klo 17.00–21.00", [(TI, "17:00", "21:00")]),
    ("ti klo 17:00 - 21:00", [(TI, "17:00", "21:00")]),
    ("ma–pe 8-16", [(d, "08:00", "16:00") for d in range(5)]),
    ("ma-pe 8-16", [(d, "08:00", "16:00") for d in range(5)]),
    ("ti, to 18-20", [(TI, "18:00", "20:00"), (TO, "18:00", "20:00")]),
    ("ti ja to 18-20", [(TI, "18:00", "20:00"), (TO, "18:00", "20:00")]),
    ("ti,to klo 18:00-20:00", [(TI, "18:00", "20:00"), (TO, "18:00", "20:00")]),
    ("tiistaisin 17.30-19", [(TI, "17:30", "19:00")]),
    ("Torstai 9-11.15", [(TO, "09:00", "11:15")]),
    ("la 20-24", [(5, "20:00", "24:00")]),
    ("su 0-2", [(6, "00:00", "02:00")]),
    ("keskiviikkona klo 17.30-20", [(2, "17:30", "20:00")]), ("Ma. 8-10", [(0, "08:00", "10:00")]),
    ("TIISTAIYÖNÄ 1-3", [(TI, "01:00", "03:00")]),
    # the part of the day after a hyphen, as after none (tiistaiaamuisin)
    ("tiistai-iltaisin 17-19", [(TI, "17:00", "19:00")]), ("Keskiviikko-aamuisin klo 9-11", [(2, "09:00", "11:00")]),
    ("TORSTAI-ILTAPÄIVÄISIN 13-15", [(TO, "13:00", "15:00")]), ("tiistai–torstai 17-19", [(d, "17:00", "19:00") for d in (1, 2, 3)]),
    ("ti kello 9-12", [(TI, "09:00", "12:00")]),
    # the part of the day after the weekday's two letters, as after its name
    ("ti-iltaisin 17-21", [(TI, "17:00", "21:00")]), ("La-aamuisin klo 8-10", [(5, "08:00", "10:00")]),
    ("ke-iltapäivisin 13-15", [(2, "13:00", "15:00")]),
    # the part of the day written once, for the last day of a list ("tiistai- ja torstai-iltaisin")
    ("tiistai- ja torstai-iltaisin 18–21", [(TI, "18:00", "21:00"), (TO, "18:00", "21:00")]),
    ("Maanantai-, keskiviikko- ja perjantaiaamuisin klo 9-11", [(d, "09:00", "11:00") for d in (0, 2, 4)]),
    ("ti- ja to-iltaisin 18-20", [(TI, "18:00", "20:00"), (TO, "18:00", "20:00")]),
    # several days in one word, as people write them
    ("arkisin 17-21", [(d, "17:00", "21:00") for d in range(5)]),
    ("Arkipäivisin klo 8.30–16", [(d, "08:30", "16:00") for d in range(5)]),
    ("VIIKONLOPPUISIN 10-14", [(d, "10:00", "14:00") for d in (5, 6)]),
    ("viikonloppuna 12-18", [(d, "12:00", "18:00") for d in (5, 6)]),
    ("päivittäin 8-22", [(d, "08:00", "22:00") for d in range(7)]),
    ("joka  päivä kello 9-12", [(d, "09:00", "12:00") for d in range(7)]),
    # a sentence's full stop after the hours, as the last item of a list is often written
    ("ti 18–20.", [(TI, "18:00", "20:00")]), ("ma-pe klo 8.00-16.30.", [(d, "08:00", "16:30") for d in range(5)]),
])
def test_slot_parser_reads(written, slots):
    def minutes(clock):
        h, m = clock.split(":")
        return int(h) * 60 + int(m)
    assert list(parse_slot(written, "available")) == [Slot(d, minutes(a), minutes(b)) for d, a, b in slots]


@pytest.mark.parametrize("written, key", [
    ("17-21", "err_slot"), ("ti", "err_slot"), ("ti 17", "err_slot"), ("tiistai-ilta", "err_slot"),
    ("xx 17-21", "err_slot"), ("ti 17-21-23", "err_slot"), ("ti 17-21..", "err_slot"), ("ti 17-21.5", "err_slot"),
    # words that start as a weekday does: no weekday
    ("kesäkuu 10-14", "err_slot"), ("toukokuu 9-12", "err_slot"), ("pelit 10-12", "err_slot"),
    ("sulkee 10-12", "err_slot"),
    ("ti 21-17", "err_slot_order"), ("ti 17-17", "err_slot_order"),
    ("ti 17-25", "err_slot_clock"), ("ti 17.75-19", "err_slot_clock"), ("ti 24.30-25", "err_slot_clock"),
    ("su–ma 8-16", "err_slot_days"),
    # two times in one: each is written apart
    ("ti 17-21, to 18-20", "err_slot_several"), ("ti 9-11 ja 17-21", "err_slot_several"),
    ("ma-pe 8.00-11.00 ja 12.00-16.00", "err_slot_several"),
    # a word for several days stands alone: neither in a list nor at an end of a range
    ("ti ja arkisin 17-21", "err_slot"),
    # a hyphen that stands for a part of the day only before the next day of a list
    ("tiistai- 18-21", "err_slot"), ("ti ja torstai- 18-21", "err_slot"), ("tiistai-ja torstai 18-21", "err_slot"),
    # "ja" is a word between two days, never glued to them
    ("tijato 18-20", "err_slot"), ("tija to 18-20", "err_slot"), ("ti jato 18-20", "err_slot"), ("arkisin–su 8-16", "err_slot"), ("arkisin", "err_slot"),
    # look-alikes Python's Unicode matching would fold into a weekday or a digit (the form's does not)
    ("\u017fu 10-12", "err_slot"), ("\u212ae 9-11", "err_slot"), ("ti \u0661\u0667-\u0662\u0661", "err_slot"),
    # every other week, or once a month: no weekly time, told so (and two of them, as two times)
    ("joka toinen ti 18-20", "err_slot_not_weekly"), ("Joka 2. tiistai klo 18-20", "err_slot_not_weekly"),
    ("parillisina viikkoina ti 18-20", "err_slot_not_weekly"), ("ti 18-20 parittomilla viikoilla", "err_slot_not_weekly"),
    ("kuun ensimmäinen ti 18-20", "err_slot_not_weekly"), ("kerran kuussa 18-20", "err_slot_not_weekly"),
    ("joka toinen ti 18-20, to 17-19", "err_slot_several"),
])
def test_slot_parser_refuses(written, key):
    with pytest.raises(Invalid) as err:
        parse_slot(written, "available")
    assert err.value.message_key == key


def test_touching_and_repeated_slots_are_one():
    s = space(SPACE + 'available: ["ti 17-19", "ti klo 19–21", "ma–pe 8-12", "ti 9-10"]\n')
    assert [slot_text(x) for x in s.available] == [
        "ma 8–12", "ti 8–12", "ti 17–21", "ke 8–12", "to 8–12", "pe 8–12"]


@pytest.mark.parametrize("slot, text", [
    (Slot(1, 17 * 60, 21 * 60), "ti 17–21"),
    (Slot(0, 8 * 60 + 30, 16 * 60), "ma 8.30–16"),
])
def test_slot_text(slot, text):
    assert slot_text(slot) == text


@pytest.mark.parametrize("key, value", [
    ("BULLETIN_SPACE_PURPOSES", {"Kokous": "Kokoukset"}),
    ("BULLETIN_SPACE_EQUIPMENT", {}),
    ("BULLETIN_SPACE_ACCESSIBILITY", ["porrasaton"]),
    ("BULLETIN_SPACE_ACCESSIBILITY", {"porrasaton": ""}),
    ("BULLETIN_DISTRICTS", "Vuoksenniska"),
    ("BULLETIN_DISTRICTS", ["Rautio", "Rautio"]),
])
def test_space_settings_are_checked_at_start(key, value):
    with pytest.raises(SettingsError) as err:
        validate(with_defaults({key: value}))
    assert key in str(err.value)


def test_a_town_extends_a_vocabulary():
    statement = {"organisation": "Testikylä", "email": "a@example.org", "assessed_on": "2026-11-01"}
    validate(with_defaults({"BULLETIN_SPACE_EQUIPMENT": {**DEFAULTS["BULLETIN_SPACE_EQUIPMENT"], "kiuas": "Kiuas"},
                            "BULLETIN_ACCESSIBILITY": statement}))
    ctx = Context(**{**vars(CTX), "space_equipment": {"kiuas": "Kiuas"}})
    with pytest.raises(ContentError):  # not in the default vocabulary
        space(SPACE + "equipment: [kiuas]\n")
    assert read_space("spaces/k.yml", (SPACE + "equipment: [kiuas]\n").encode(), ctx).equipment == ["kiuas"]
