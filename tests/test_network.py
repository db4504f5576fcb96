"""Networking: association facts and their rules, joint notices, joint hiring,
series with material, the matching of needs to offers, and their pages."""
import json

import pytest

from bulletin_cli.cli import main
from bulletin_contract.checks import context_for
from bulletin_contract.fields import ASSOCIATION_FIELDS, Invalid, business_id_check_digit
from bulletin_contract.validate import read_association
from bulletin_contract.writer import association_file
from bulletin_i18n import Translator
from bulletin_network.matching import Matcher, match, match_spaces
from bulletin_search.lemmas import Lemmatizer
from bulletin_settings import DEFAULTS
from conftest import ASSOCIATION, event_text, notice_text

T = Translator("fi")
CTX = context_for(dict(DEFAULTS), T)
PDF = b"%PDF-1.4\n1 0 obj\n<<>>\nendobj\ntrailer\n<<>>\n%%EOF\n"


# --- Y-tunnus and the association's fields ---------------------------------------

@pytest.mark.parametrize("value, check", [
    ("0112038", 9), ("1572860", 0), ("1618033", 3), ("1414213", 0), ("2617416", 4),
])
def test_business_id_check_digit(value, check):
    assert business_id_check_digit(value) == check


def test_a_remainder_of_one_has_no_check_digit():
    assert business_id_check_digit("3141592") is None


def parse(key, value):
    return ASSOCIATION_FIELDS[key].parse(value, key, CTX)


@pytest.mark.parametrize("value, key", [
    ("0112038-8", "err_business_id_check"),  # a typo in the check digit
    ("0112083-9", "err_business_id_check"),  # two digits swapped
    ("3141592-0", "err_business_id_check"),  # no check digit can be right
    ("112038-9", "err_business_id_zero"),  # the old form without the leading zero
    ("01120389", "err_business_id"),
    ("0112038–9", "err_business_id"),  # an en dash
    ("FI01120389", "err_business_id"),
])
def test_a_wrong_business_id_is_refused(value, key):
    with pytest.raises(Invalid) as err:
        parse("business_id", value)
    assert err.value.message_key == key


def test_a_business_id_with_spaces_is_written_without():
    assert parse("business_id", " 0112038-9 ") == "0112038-9"


@pytest.mark.parametrize("key, value, ok", [
    ("register_number", "123.456", True), ("register_number", "1.234", True),
    ("register_number", "123456", False), ("register_number", "12.34", False),
    ("members", "120", True), ("members", "0", False), ("members", "noin 100", False), ("members", "1,5", False),
    ("founded", "1987", True), ("founded", "87", False), ("founded", "2200", False),
    ("active", "false", True), ("active", "ehkä", False),
])
def test_association_fact_rules(key, value, ok):
    if ok:
        parse(key, value)
    else:
        with pytest.raises(Invalid):
            parse(key, value)


def test_offers_and_needs_are_limited_in_length_and_number():
    assert parse("offers", ["Äänentoisto", "Äänentoisto", "Kuljetus"]) == ["Äänentoisto", "Kuljetus"]
    with pytest.raises(Invalid) as err:
        parse("needs", ["x" * 201])
    assert err.value.message_key == "err_too_long"
    with pytest.raises(Invalid) as err:
        parse("offers", [f"Tarjous {i}" for i in range(13)])
    assert err.value.message_key == "err_too_many_items"


def test_check_names_the_line_of_a_bad_association_fact(site, capsys):
    site.association("testikyla", ASSOCIATION + 'offers: ["Kuljetusapua"]\nbusiness_id: "0112038-8"\nmembers: "-5"\n')
    assert site.check() == 1
    out = capsys.readouterr().out
    assert "testikyla.yml:6: Y-tunnuksen 0112038-8 tarkistusnumero ei täsmää" in out
    assert "testikyla.yml:7: Kentän members arvon pitää olla kokonaisluku" in out


def test_check_names_the_line_of_the_bad_item_of_a_list_of_needs(site, capsys):
    # the list is not empty: its third item, on line 8, is
    site.association("testikyla", ASSOCIATION + "needs:\n  - Kuljetusapua\n  - Piano\n  - \n  - Talkooväkeä\n")
    assert site.check() == 1
    assert "testikyla.yml:8: Kenttä needs on tyhjä" in capsys.readouterr().out


def test_the_writer_writes_an_association_file_that_reads_back():
    values = {"name": 'Testi "ry"', "description": "Rivi.\n\nToinen: kappale.", "groups": ["nuoret"],
              "offers": ["Kuljetusapu: auto"], "needs": ["- tila"], "members": "12", "business_id": "0112038-9",
              "active": False}
    profile = read_association("testi.yml", association_file(values).encode(), CTX)
    assert (profile.name, profile.description, profile.offers, profile.needs, profile.members, profile.active) == (
        'Testi "ry"', "Rivi.\n\nToinen: kappale.", ["Kuljetusapu: auto"], ["- tila"], 12, False)


# --- notices: partners, hiring, series, material, retired associations -----------

@pytest.fixture
def network_site(site):
    site.association("kuoro", "name: Kuoro ry\ngroups: [kulttuuri]\n")
    site.association("pallo", "name: Pallo ry\n")
    site.association("vanha", "name: Vanha kerho ry\nactive: false\n")
    (site.content / "series").mkdir()
    (site.content / "series" / "illat.yml").write_text(
        "name: Järjestöillat\norganisers: [testikyla]\nthemes: [rahoitus, tilat]\n", encoding="utf-8")
    (site.content / "files").mkdir()
    (site.content / "files" / "muistio.pdf").write_bytes(PDF)
    return site


def test_a_series_organised_by_two_associations_joined_with_ja_is_told_to_separate_them(network_site, capsys):
    (network_site.content / "series" / "illat.yml").write_text(
        'name: Järjestöillat\norganisers: ["Kuoro ry ja Pallo ry"]\n', encoding="utf-8")
    capsys.readouterr()
    assert network_site.check() == 1
    out = capsys.readouterr().out
    assert "illat.yml:2: " in out and "erota ne pilkulla: Kuoro ry, Pallo ry." in out, out


@pytest.mark.parametrize("extra, category, line, message", [
    ("partners: [kuoro, eiole]", "yhteistyo", 6, "Yhdistystä eiole ei löydy"),
    ("partners: [testikyla]", "yhteistyo", 6, "Yhdistys testikyla on ilmoituksen oma yhdistys"),
    # the name of a partner: its identifier named for the key it is written in
    ("partners: [Kuoro ry]", "yhteistyo", 6, "ei nimellä: kirjoita partners: kuoro"),
    ("hire:\n  hours_per_week: \"20\"\n  pay_subsidy: true\n  tasks: Kahvio", "tiedotteet", 6,
     "Kenttä hire kuuluu vain aiheen yhteistyo ilmoitukseen"),
    ("hire:\n  hours_per_week: \"20\"\n  tasks: Kahvio", "yhteistyo", 6, "Puuttuu pakollinen kenttä hire.pay_subsidy"),
    ("hire:\n  hours_per_week: \"80\"\n  pay_subsidy: true\n  tasks: Kahvio", "yhteistyo", 7,
     "Kentän hire.hours_per_week arvon pitää olla kokonaisluku 1–40, nyt 80. Kirjoita esimerkiksi hire.hours_per_week: 40."),
    # half hours are no whole number: the two nearest are named, not the least (1)
    ("hire:\n  hours_per_week: 22,5\n  pay_subsidy: true\n  tasks: Kahvio", "yhteistyo", 7,
     "nyt 22,5: desimaaleja ei voi kirjoittaa. Kirjoita hire.hours_per_week: 22 tai hire.hours_per_week: 23."),
    ("hire:\n  hours_per_week: 20 h\n  pay_subsidy: true\n  tasks: Kahvio", "yhteistyo", 7,
     "nyt 20 h. Kirjoita esimerkiksi hire.hours_per_week: 20."),
    ("hire:\n  hours_per_week: noin 25\n  pay_subsidy: true\n  tasks: Kahvio", "yhteistyo", 7,
     "nyt noin 25. Kirjoita esimerkiksi hire.hours_per_week: 25."),
    ("series: illta", "tiedotteet", 6, "Sarjaa illta ei löydy. Kirjoita jokin näistä: illat."),
    ('materials:\n  Muistio: "{static}/files/puuttuu.pdf"', "tiedotteet", 7, "Tiedostoa {static}/files/puuttuu.pdf ei löydy"),
    ('materials:\n  Ok: https://example.org/a\n  Muistio: "javascript:alert(1)"', "tiedotteet", 8,
     "Aineiston osoite javascript:alert(1) ei kelpaa"),
])
def test_network_notice_rules(network_site, capsys, extra, category, line, message):
    path = network_site.notice("a.md", notice_text(category=category, extra=extra))
    assert network_site.check() == 1
    out = capsys.readouterr().out
    assert any(row.startswith(f"{path}:{line}: ") and message in row for row in out.splitlines()), out


@pytest.mark.parametrize("category, extra", [
    ("tapahtumat", 'event:\n  start: "2026-12-12 18:00"\n  location: Kulttuuritalo'),
    ("tiedotteet", ""), ("rahoitus", ""), ("vapaaehtoiset", ""),
])
def test_a_joint_notice_may_be_of_any_category(network_site, capsys, category, extra):
    """Two associations' joint concert is an event, their joint call a funding notice."""
    network_site.notice("a.md", notice_text(category=category, extra=f"partners: [kuoro]\n{extra}"))
    assert network_site.check() == 0, capsys.readouterr().out


def test_every_unknown_partner_is_named_on_its_own_line_in_one_run(network_site, capsys):
    """An editor fixing one name at a time needs all of them at once."""
    path = network_site.notice("a.md", notice_text(category="yhteistyo",
                                                   extra="partners:\n  - eiole\n  - kuoro\n  - puuttuu"))
    assert network_site.check() == 1
    out = capsys.readouterr().out.splitlines()
    assert [row.split(": ", 1)[0] for row in out if "ei löydy" in row] == [f"{path}:7", f"{path}:9"], out
    assert any("Yhdistystä eiole ei löydy" in row for row in out) and any("Yhdistystä puuttuu ei löydy" in row
                                                                           for row in out), out


@pytest.mark.parametrize("extra, category, message", [
    ("", "tiedotteet", "Yhdistystä testikyla ei löydy, eikä sivustolla ole vielä yhtään yhdistystä. "
                       "Lisää yhdistys tiedostoksi content/associations/testikyla.yml."),
    ("series: illat", "tiedotteet", "Sarjaa illat ei löydy, eikä sivustolla ole vielä yhtään sarjaa. "
                                    "Lisää sarja tiedostoksi content/series/illat.yml tai poista kenttä series."),
    ("space: sali", "tilat", "Tilaa sali ei löydy, eikä sivustolla ole vielä yhtään tilaa. "
                             "Lisää tila tiedostoksi content/spaces/sali.yml tai poista kenttä space."),
])
def test_a_name_with_nothing_to_choose_from_is_told_so(site, capsys, extra, category, message):
    """A site with no associations, series or spaces yet: not "write one of these: –"."""
    if not extra:
        for profile in (site.content / "associations").glob("*.yml"):
            profile.unlink()
    path = site.notice("a.md", notice_text(category=category, extra=extra))
    assert site.check() == 1
    out = capsys.readouterr().out
    assert f"{path}:{6 if extra else 3}: {message}" in out.splitlines(), out


def test_a_retired_association_takes_no_new_notice_but_keeps_its_past(network_site, capsys):
    old = network_site.notice("vanha.md", notice_text(association="vanha", date="2025-01-10"))
    new = network_site.notice("uusi.md", notice_text(association="vanha", date="2026-11-28"))
    assert network_site.build() == 1
    out = "".join(capsys.readouterr())
    assert "uusi.md:3: Yhdistys vanha on lopettanut toimintansa" in out and "vanha.md:" not in out
    new.unlink()
    assert network_site.build() == 0
    directory = network_site.page("yhdistykset/")
    retired = directory.find("h2", string="Toimintansa lopettaneet yhdistykset").find_next("ul")
    assert [a.get_text() for a in retired.find_all("a")] == ["Vanha kerho ry"]
    assert "Vanha kerho ry" not in [a.get_text() for a in directory.select("[data-filter-section] a")]
    assert network_site.page("yhdistykset/vanha/").find("p", class_="bl-notice__expired")
    assert old.exists() and network_site.page("ilmoitukset/vanha/").find("h1")


def test_a_retired_association_is_no_partner_in_a_current_notice_but_stays_in_past_ones(network_site, capsys):
    # a joint-hiring proposal would name it among the employers
    hiring = 'partners: [kuoro, vanha]\nhire:\n  hours_per_week: "20"\n  pay_subsidy: true\n  tasks: Kahvio'
    past = network_site.notice("ennen.md", notice_text(category="yhteistyo", date="2025-01-10",
                                                       extra="partners: [vanha]"))
    path = network_site.notice("palkkaus.md", notice_text(category="yhteistyo", date="2026-11-28", extra=hiring))
    assert network_site.check() == 1
    said = "".join(capsys.readouterr())
    assert f"{path}:6: Yhdistys vanha on lopettanut toimintansa" in said and "Poista se muista mukana olevista yhdistyksistä" in said
    assert "ennen.md:" not in said
    # add (as new and from-issue, through placing) says the same of a submission
    path.rename(network_site.root / "palkkaus.md")
    assert main(["add", str(network_site.root / "palkkaus.md"), "--content", str(network_site.content)]) == 1
    assert "Yhdistys vanha on lopettanut toimintansa" in "".join(capsys.readouterr())
    assert network_site.build() == 0 and past.exists()


def test_a_file_that_says_pdf_but_is_not_is_refused(network_site, capsys):
    (network_site.content / "files" / "muistio.pdf").write_bytes(b"<html><script>x()</script>")
    assert network_site.check() == 1
    assert "files/muistio.pdf:1: Tiedostoa ei julkaista" in capsys.readouterr().out


# --- matching ---------------------------------------------------------------------

@pytest.fixture(scope="module")
def matcher():
    return Matcher(Lemmatizer())


def answers(matcher, need, offers):
    need_item = matcher.item(need, "tarvitsija")
    items = [matcher.item(text, f"tarjoaja{i}") for i, text in enumerate(offers)]
    return [(m.offer.text, m.shared) for m in match([need_item], items)[0]]


@pytest.mark.parametrize("need, offer, shared", [
    ("Kuljetusapua retkille", "Kuljetusapu retkille (9-paikkainen auto)", ["kuljetusapu", "retkille"]),  # inflected
    ("Kuljetus turnausmatkoille", "Kuljetusapu retkille", ["kuljetusapu"]),  # a compound's first part
    ("Retkibussi kesäretkelle", "Kuljetusapu retkille", ["retkille"]),  # a compound's last part
    ("Äänentoistoa ulkokonsertteihin", "Äänentoistolaitteet lainaan", ["äänentoistolaitteet"]),
    ("Harjoitustila kevääksi", "Kotiseututalo harjoituksiin ja juhliin", ["harjoituksiin"]),
    ("Tulkkausapua perheille", "Tulkkausapua venäjäksi", ["tulkkausapua"]),
    ("Tarvitsemme peräkärryn lainaan", "Peräkärry lainaan", ["peräkärry"]),
    # words of one thing said two ways: drivers are transport
    ("Vapaaehtoisia kuljettajia asiointimatkoille", "Autokyytejä ja kuljetuksia", ["autokyytejä"]),
])
def test_needs_meet_offers_through_lemmas_and_compounds(matcher, need, offer, shared):
    assert answers(matcher, need, [offer]) == [(offer, shared)]


@pytest.mark.parametrize("need, offer", [
    ("Yhdistys ja tapahtumat", "Yhdistyksen tapahtumat ja muut"),  # only common words
    ("Vapaaehtoisia ja yhdistyksiä", "Yhdistys ja äänentoisto"),
    ("Kuljetusapua retkille", "Tulkkausapua venäjäksi"),  # -apu alone is no match
    ("Salivuoro", "Äänentoistolaitteet"),
    ("Tarvitsemme yhteisen työntekijän", "Koulutusta hallitustyöhön"),  # työ, read as sinä
    ("Tarvitsemme peräkärryn lainaan", "Nuottitelineitä lainaan"),  # lending alone
    # words of when, and their endings read as a compound's part (aamu|isin, ilta|isin)
    ("Sali tiistaiaamuisin 40 hengelle", "Esteetön kerhohuone kokouksiin arki-iltaisin"),
    ("Kerhohuone torstai-iltaisin", "Bändikämppä torstaina"),
    ("Kokoustila viikonloppuisin", "Kuljetusapua aamuisin"),
])
def test_common_words_make_no_match(matcher, need, offer):
    assert answers(matcher, need, [offer]) == []


def test_the_best_answer_comes_first_and_an_association_does_not_answer_itself(matcher):
    need = matcher.item("Salivuoro soveltavalle liikunnalle", "a")
    own = matcher.item("Salivuoro soveltavaan liikuntaan", "a")
    weak = matcher.item("Liikuntaleiri nuorille", "b")
    strong = matcher.item("Salivuoro ja välineet soveltavaan liikuntaan", "c")
    found = match([need], [own, weak, strong])[0]
    assert [m.offer for m in found] == [strong, weak]


def space_answers(matcher, need, spaces):
    """The spaces ((name, text), by other associations) that answer `need`, with the shared words."""
    items = [matcher.item(f"{name}\n{text}", f"tilallinen{i}", name) for i, (name, text) in enumerate(spaces)]
    return [(m.offer.ref, m.shared) for m in match_spaces([matcher.item(need, "tarvitsija")], items)[0]]


@pytest.mark.parametrize("need, space, shared", [
    ("Liikuntasali tiistai-iltoihin", ("Karhumäen koulun liikuntasali", "Pukuhuone ja suihku"), ["liikuntasali"]),
    ("Kerhotila läksykerholle", ("Askeleen sali", "Kerhot ja harrastukset"), ["kerhot"]),  # a purpose's label
    ("Salivuoro soveltavalle liikunnalle", ("Askeleen sali", "Liikunta ja tanssi\nÄänentoisto"), ["liikunta", "sali"]),
    ("Varastotilaa arkistolle", ("Kotiseututalon aitta (varasto)", "Varastointi"), ["varasto"]),
    ("Harjoitustila kevääksi", ("Kuoron harjoitussali", "Piano"), ["harjoitussali"]),
    # after a verb or an adjective; "tilaa" is read as the verb tilata
    ("Etsimme kerhotilaa tiistaisin", ("Asukastuvan kerhohuone", "Kerhot ja harrastukset"), ["kerhohuone"]),
    ("Tarvitsemme lämmintä varastotilaa lavasteille", ("Kotiseututalon aitta (varasto)", "Varastointi"),
     ["varasto"]),
    ("Harjoitustilaa bändille", ("Bändikämppä", "Harjoitustila ja rummut"), ["bändikämppä", "harjoitustila"]),
    # after what the room must be like, as accessibility is often named first
    ("Esteetön harjoitustila keväälle", ("Kuoron harjoitussali", "Piano"), ["harjoitussali"]),
    ("Porrasaton kokoustila hallitukselle", ("Askeleen kokoushuone", "Kokoukset"), ["kokoushuone"]),
    ("Tilava ja valoisa kerhohuone", ("Asukastuvan kerhohuone", "Kerhot ja harrastukset"), ["kerhohuone"]),
    # storage said two ways: säilytys is varasto
    ("Säilytystilaa maaleille ja kaukaloille", ("Koskenpallon kenttävarasto", "Varastointi"), ["kenttävarasto"]),
])
def test_a_need_for_premises_meets_spaces_by_name_labels_and_description(matcher, need, space, shared):
    assert space_answers(matcher, need, [space]) == [(space[0], shared)]


@pytest.mark.parametrize("need, space", [
    ("Vapaaehtoisia asukastuvan aukiolovuoroihin", ("Kylätalon rantasauna", "Saunavuorot")),  # asks for people
    ("Kuljetusapua retkille pyörätuolilla", ("Kokoushuone", "Pöydät ja tuolit")),  # no premises asked for
    ("Kerhotila tiistaisin", ("Kenttävarasto", "Lukittava varastotila")),  # "tila" alone: every space is one
    ("Liikuntasali yhdistyksen tapahtumiin", ("Kokoushuone", "Yhdistyksen tapahtumat ja juhlat")),  # common words
    ("Nuorisotila iltakäyttöön", ("Opetuskeittiö", "Ruokailloille ja kursseille")),  # ilta is when, not what
    ("Etsimme vapaaehtoisia kerhon tilaisuuksiin", ("Asukastuvan kerhohuone", "Kerhot")),  # people, after a verb
    # how many is no what: nearly every space says how many persons it takes
    ("Sali tiistaiaamuisin 40 hengelle", ("Kotiseututalo", "Tupaan mahtuu 60 henkeä, 40 henkilöä pöytiin")),
])
def test_a_space_is_no_answer_on_common_words_or_to_a_need_for_something_else(matcher, need, space):
    assert space_answers(matcher, need, [space]) == []


def test_an_association_s_own_space_does_not_answer_its_need(matcher):
    need = matcher.item("Liikuntasali tiistai-iltoihin", "a")
    own, other = matcher.item("Liikuntasali", "a", "oma"), matcher.item("Koulun liikuntasali", "b", "toinen")
    assert [m.offer.ref for m in match_spaces([need], [own, other])[0]] == ["toinen"]


# --- pages --------------------------------------------------------------------------

def build_network(site):
    site.association("kuoro", "name: Kuoro ry\ngroups: [kulttuuri]\n"
                              "needs: [Kuljetusapua konserttimatkoille, Harjoitustila tiistai-iltoihin]\n"
                              'business_id: "0112038-9"\nregister_number: "123.456"\nfounded: "1987"\nmembers: "30"\n')
    site.association("pallo", "name: Pallo ry\ngroups: [urheilu]\noffers: [Kuljetusapu retkille (9-paikkainen auto)]\n"
                              "needs: [Yhdistys ja tapahtuma]\n")
    (site.content / "spaces").mkdir()
    (site.content / "spaces" / "pallosali.yml").write_text(
        "name: Pallon harjoitussali\nassociation: pallo\naddress: Kenttätie 1, Imatra\ncapacity: 30\n"
        "purposes: [liikunta]\ndescription: Sali tanssiin ja jumppaan.\n", encoding="utf-8")
    site.notice("yhdessa.md", notice_text("Yhteinen työntekijä", category="yhteistyo", date="2026-11-25", extra="""
        partners: [kuoro, pallo]
        hire:
          hours_per_week: "25"
          pay_subsidy: true
          tasks: Kahvio ja tiedotus
          from: "2027-02-01"
        """))
    site.notice("ilta-1.md", event_text("Ensimmäinen ilta", start="2026-04-16 17:30", date="2026-03-01").replace(
        "---\nIlmoituksen", 'series: illat\nmaterials:\n  "Muistio (PDF)": "{static}/files/muistio.pdf"\n---\nIlmoituksen'))
    site.notice("ilta-2.md", event_text("Toinen ilta", start="2027-02-04 17:30").replace(
        "---\nIlmoituksen", "series: illat\n---\nIlmoituksen"))
    assert site.build() == 0


def test_cooperation_page_lists_offers_and_needs_with_their_matches(network_site):
    build_network(network_site)
    page = network_site.page("yhteistyo/")
    needs = {li.contents[0].strip(): li for li in page.select("#tarvitaan ~ ul > li")}
    answer = needs["Kuljetusapua konserttimatkoille"].select(".bl-answer")
    assert len(answer) == 1 and "Kuljetusapu retkille (9-paikkainen auto) – Pallo ry" in answer[0].get_text()
    assert "yhteiset sanat: kuljetusapu" in answer[0].get_text()
    assert not needs["Yhdistys ja tapahtuma"].select(".bl-answer")
    space = needs["Harjoitustila tiistai-iltoihin"].select(".bl-offer__spaces .bl-answer")
    assert len(space) == 1 and space[0].a["href"] == "/tilat/pallosali/"
    assert " ".join(space[0].get_text().split()) == "Pallon harjoitussali – Pallo ry (yhteiset sanat: harjoitussali)"
    assert not needs["Kuljetusapua konserttimatkoille"].select(".bl-offer__spaces")  # no premises asked for
    assert needs["Kuljetusapua konserttimatkoille"]["data-groups"] == "kulttuuri"
    assert [o["value"] for o in page.select("[data-filter-group] option")] == ["", "eläkeläiset", "urheilu", "kulttuuri"]
    assert page.find("a", string="Yhteistyö")["aria-current"] == "page"


def test_a_space_never_free_on_the_days_a_need_names_does_not_answer_it(site):
    # "Harjoitustila tiistai-iltoihin" was offered a hall free on Mondays
    # only: words met, the days did not. A space without free hours given
    # may still fit (its page says to ask).
    site.association("kuoro", "name: Kuoro ry\nneeds: [Harjoitustila tiistai-iltoihin, "
                              "Harjoitustila viikonloppuisin, Harjoitustila kevääksi]\n")
    site.association("pallo", "name: Pallo ry\n")
    (site.content / "spaces").mkdir()
    for slug, name, available in [("maanantaisin", "Pallon harjoitussali", '["ma 17-21", "su 10-12"]'),
                                  ("tiistaisin", "Pallon pieni harjoitussali", '["TIISTAI 18-20"]'),
                                  ("kysyttava", "Pallon iso harjoitussali", "[]")]:
        (site.content / "spaces" / f"{slug}.yml").write_text(
            f"name: {name}\nassociation: pallo\naddress: Kenttätie 1, Imatra\ncapacity: 30\n"
            + (f"available: {available}\n" if available != "[]" else ""), encoding="utf-8")
    assert site.build() == 0
    page = site.page("yhteistyo/")
    needs = {li.contents[0].strip(): li for li in page.select("#tarvitaan ~ ul > li")}
    offered = {need: sorted(a.a["href"] for a in li.select(".bl-offer__spaces .bl-answer"))
               for need, li in needs.items()}
    assert offered == {
        "Harjoitustila tiistai-iltoihin": ["/tilat/kysyttava/", "/tilat/tiistaisin/"],
        "Harjoitustila viikonloppuisin": ["/tilat/kysyttava/", "/tilat/maanantaisin/"],  # free on Sunday
        "Harjoitustila kevääksi": ["/tilat/kysyttava/", "/tilat/maanantaisin/", "/tilat/tiistaisin/"],  # any day
    }


def test_a_need_and_an_offer_for_the_same_people_but_not_the_same_thing_do_not_meet(site):
    # Who a need or an offer is for (nuoret, jäsenet) says nothing of what it
    # is: summer jobs are no summer camp, board members no members' outing,
    # volunteers asked for no training offered to volunteers.
    # With a word of what it is, the same people still count.
    site.association("kipina", "name: Kipinä ry\nneeds: [Nuorten kesätyöpaikat, Hallituksen jäseniä, "
                               "Jalkapallovalmentaja nuorille, Vapaaehtoisia kuljettajia asiointimatkoille]\n")
    site.association("leiri", "name: Leiri ry\noffers: [Kesäleiri nuorille, Jäsenten virkistysretket, "
                              "Jalkapallokoulu nuorille, Ohjaajakoulutusta vapaaehtoisille]\n")
    assert site.build() == 0
    page = site.page("yhteistyo/")
    needs = {li.contents[0].strip(): li for li in page.select("#tarvitaan ~ ul > li")}
    assert not needs["Nuorten kesätyöpaikat"].select(".bl-answer")
    assert not needs["Hallituksen jäseniä"].select(".bl-answer")
    assert not needs["Vapaaehtoisia kuljettajia asiointimatkoille"].select(".bl-answer")
    answer = needs["Jalkapallovalmentaja nuorille"].select(".bl-answer")
    assert len(answer) == 1 and "Jalkapallokoulu nuorille – Leiri ry" in answer[0].get_text()


def test_one_hour_a_week_is_said_in_the_singular(network_site):
    network_site.notice("tunti.md", notice_text("Tunnin apulainen", category="yhteistyo", extra="""
        hire:
          hours_per_week: "1"
          pay_subsidy: false
          tasks: Postin haku
        """))
    assert network_site.build() == 0
    hours = network_site.page("ilmoitukset/tunti/").find("dt", string="Työaika").find_next("dd").get_text(strip=True)
    assert hours == "1 tunti viikossa"


def test_joint_hiring_page_and_partners_pages(network_site):
    build_network(network_site)
    page = network_site.page("yhteistyo/yhteispalkkaus/")
    facts = {dt.get_text(): dt.find_next("dd").get_text(" ", strip=True) for dt in page.select("main dt")}
    assert facts == {"Työnantajat": "Testikylän Eläkkeensaajat ry , Kuoro ry , Pallo ry", "Työaika": "25 tuntia viikossa",
                     "Palkkatuki": "Haetaan palkkatukea", "Tehtävät": "Kahvio ja tiedotus", "Alkaen": "1.2.2027"}
    for slug in ("kuoro", "pallo"):
        joint = network_site.page(f"yhdistykset/{slug}/").find("h2", string="Yhteiset ilmoitukset muiden kanssa")
        assert [a.get_text() for a in joint.find_next("ul").select(".bl-item__title a")] == ["Yhteinen työntekijä"]
    notice = network_site.page("ilmoitukset/yhdessa/")
    assert notice.find("dt", string="Mukana myös").find_next("dd").get_text() == "Kuoro ry, Pallo ry"


def test_series_page_has_the_next_event_themes_and_past_material(network_site):
    build_network(network_site)
    page = network_site.page("sarjat/illat/")
    assert page.find("h2", string="Seuraava").find_next("ul").select_one(".bl-item__title").get_text() == "Toinen ilta"
    assert [li.get_text() for li in page.find("h2", string="Teemat").find_next("ul").find_all("li")] == ["rahoitus", "tilat"]
    past = page.find("h2", string="Aiemmat kerrat ja aineistot").find_next("ul")
    link = past.select_one(".bl-materials a")
    assert past.select_one(".bl-item__title").get_text() == "Ensimmäinen ilta"
    assert (link.get_text(), link["href"], link["type"]) == ("Muistio (PDF)", "/files/muistio.pdf", "application/pdf")
    assert (network_site.output / "files" / "muistio.pdf").read_bytes() == PDF
    organiser = network_site.page("yhdistykset/testikyla/").find("h2", string="Järjestämämme sarjat")
    assert organiser.find_next("a")["href"] == "/sarjat/illat/"
    sitemap = (network_site.output / "sitemap.xml").read_text()
    for address in ("yhteistyo/", "yhteistyo/yhteispalkkaus/", "sarjat/illat/", "yhdistyksen-tiedot/"):
        assert f"/{address}</loc>" in sitemap


def test_a_past_evening_that_was_cancelled_says_so_on_the_series_page(network_site):
    # among the past evenings with their material, one that was not held
    # must not read as held
    network_site.notice("peruttu.md", event_text("Joulun ilta", start="2026-11-18 17:30", date="2026-11-01").replace(
        "---\nIlmoituksen", "  status: peruttu\n  status_note: Puhuja sairastui.\nseries: illat\n---\nIlmoituksen"))
    network_site.notice("pidetty.md", event_text("Syksyn ilta", start="2026-10-14 17:30", date="2026-10-01").replace(
        "---\nIlmoituksen", "series: illat\n---\nIlmoituksen"))
    assert network_site.build() == 0
    past = network_site.page("sarjat/illat/").find("h2", string="Aiemmat kerrat ja aineistot").find_next("ul")
    items = {li.h3.get_text(): " ".join(li.get_text().split()) for li in past.find_all("li", class_="bl-item")}
    assert items["Joulun ilta"].startswith("Joulun ilta Peruttu: ke 18.11.2026 klo 17.30"), items
    assert "Peruttu" not in items["Syksyn ilta"]


def test_association_page_has_facts_and_organization_json_ld(network_site):
    build_network(network_site)
    page = network_site.page("yhdistykset/kuoro/")
    data = json.loads(page.find("script", type="application/ld+json").string)
    assert data["@type"] == "Organization" and data["name"] == "Kuoro ry" and data["foundingDate"] == "1987"
    assert data["identifier"] == [{"@type": "PropertyValue", "propertyID": "Y-tunnus", "value": "0112038-9"},
                                  {"@type": "PropertyValue", "propertyID": "yhdistysrekisterinumero", "value": "123.456"}]
    facts = {dt.get_text(): dt.find_next("dd").get_text() for dt in page.find("h2", string="Yhdistyksen tiedot").find_next("dl").find_all("dt")}
    assert facts == {"Perustettu": "1987", "Jäseniä": "noin 30", "Yhdistysrekisterinumero": "123.456",
                     "Y-tunnus": "0112038-9"}
    assert [li.get_text() for li in page.find("h2", string="Tarvitsemme").find_next("ul").find_all("li")] == [
        "Kuljetusapua konserttimatkoille", "Harjoitustila tiistai-iltoihin"]
    directory = network_site.page("yhdistykset/")
    entry = directory.find("a", string="Pallo ry").parent
    assert entry["data-offers"] == "Kuljetusapu retkille (9-paikkainen auto)" and entry["data-needs"] == "Yhdistys ja tapahtuma"


NETWORK_PAGES = ("yhteistyo/", "yhteistyo/yhteispalkkaus/", "sarjat/illat/", "yhdistyksen-tiedot/")


def test_network_pages_are_drawn_again_exactly_when_what_they_show_changed(network_site, tmp_path):
    """A rebuild leaves each cooperation page in place while nothing it
    shows changed, and draws it again, as a cold build would, when one did."""
    site = network_site
    build_network(site)
    inode = lambda address: (site.output / address / "index.html").stat().st_ino  # noqa: E731

    def rebuilt(change):
        before = {address: inode(address) for address in NETWORK_PAGES}
        change()
        assert site.build() == 0
        return {address for address in NETWORK_PAGES if inode(address) != before[address]}

    def edit(path, old, new):
        text = path.read_text(encoding="utf-8")
        assert old in text
        path.write_text(text.replace(old, new), encoding="utf-8")

    associations, notices = site.content / "associations", site.content / "notices"
    assert rebuilt(lambda: site.notice("muu.md", notice_text("Muu tiedote", date="2026-11-30"))) == set()
    # an offer, and so the answer to a need (the profile form shows only the
    # associations' names: the offer is in the association's own values file)
    values = site.output / "yhdistyksen-tiedot" / "pallo.json"
    assert rebuilt(lambda: edit(associations / "pallo.yml", "(9-paikkainen auto)", "ja leireille")) == {"yhteistyo/"}
    assert "Kuljetusapu retkille ja leireille – Pallo ry" in site.page("yhteistyo/").get_text()
    assert "ja leireille" in values.read_text(encoding="utf-8")
    # a space that answers a need
    assert rebuilt(lambda: edit(site.content / "spaces" / "pallosali.yml", "Pallon harjoitussali",
                                "Pallon liikuntasali")) == {"yhteistyo/"}
    # the hire notice, on the joint hiring page and listed on yhteistyo/
    assert rebuilt(lambda: edit(notices / "yhdessa.md", "Kahvio ja tiedotus", "Kahvio ja siivous")) == {
        "yhteistyo/", "yhteistyo/yhteispalkkaus/"}
    # a past event's material, on its series' page
    assert rebuilt(lambda: edit(notices / "ilta-1.md", "Muistio (PDF)", "Pöytäkirja (PDF)")) == {"sarjat/illat/"}
    # an association's name, which every one of them shows
    assert rebuilt(lambda: edit(associations / "testikyla.yml", "Testikylän Eläkkeensaajat ry",
                                "Testikylän Seniorit ry")) == set(NETWORK_PAGES)
    cold = tmp_path / "cold"
    assert main(["build", "--content", str(site.content), "--output", str(cold), "--today", "2026-12-01"]) == 0
    for address in NETWORK_PAGES:
        assert (site.output / address / "index.html").read_bytes() == (cold / address / "index.html").read_bytes()


# --- the example content -------------------------------------------------------------

def test_the_example_has_what_the_issue_asks_for(example_site):
    from bs4 import BeautifulSoup

    def page(address):
        return BeautifulSoup((example_site / address / "index.html").read_text(encoding="utf-8"), "html.parser")

    cooperation = page("yhteistyo/")
    offering = {a.get_text() for a in cooperation.select("#tarjolla ~ ul > li > .bl-offer__meta .bl-offer__by")}
    needing = {a.get_text() for a in cooperation.select("#tarvitaan ~ ul > li > .bl-offer__meta .bl-offer__by")}
    assert len(offering & needing) >= 10  # offers and needs on at least ten associations
    shared = [s.get_text() for s in cooperation.select(".bl-answer__shared")]
    assert any("kuljetusapu" in s for s in shared) and any("äänentoistolaitteet" in s for s in shared)
    spaces = {a.get_text() for a in cooperation.select(".bl-offer__spaces .bl-answer > a:first-child")}
    assert {"Karhumäen koulun liikuntasali", "Vuoksenlaulun harjoitussali"} <= spaces
    assert len(page("yhteistyo/yhteispalkkaus/").select("main .bl-item")) >= 2
    hire = page("ilmoitukset/yhteinen-tyontekija-palkkatuella/")
    assert len(hire.find("dt", string="Mukana myös").find_next("dd").find_all("a")) == 2  # three in all
    series = page("sarjat/jarjestoillat/")
    past = series.find("h2", string="Aiemmat kerrat ja aineistot").find_next("ul")
    assert len(past.select(":scope > li")) == 2 and len(past.select("a[type='application/pdf']")) == 2
    assert series.find("h2", string="Seuraava").find_next("ul").select_one(".bl-item__title")
    directory = page("yhdistykset/")
    assert directory.find("h2", string="Toimintansa lopettaneet yhdistykset")


def test_a_second_matching_of_the_same_texts_looks_nothing_up(tmp_path, monkeypatch):
    from bulletin_network.matching import match_texts
    from bulletin_search.dictionary import Dictionary

    looked_up = []
    for name in ("lemmatize", "is_known"):
        original = getattr(Dictionary, name)
        monkeypatch.setattr(Dictionary, name,
                            lambda self, word, *a, _original=original: looked_up.append(word) or _original(self, word, *a))
    needs, offers = [("Kuljetus turnausmatkoille", "a")], [("Kuljetusapu retkille", "b")]
    spaces = [("Kuljetuskalustovarasto", "b", "varasto")]
    first, _ = match_texts(needs, offers, "fi", tmp_path / "cache.json", spaces)
    assert looked_up
    looked_up.clear()
    again, _ = match_texts(needs, offers, "fi", tmp_path / "cache.json", spaces)
    assert looked_up == [] and [[m.shared for m in a] for a in again] == [[m.shared for m in a] for a in first] == [
        [["kuljetusapu"]]]


def test_an_association_s_joint_notices_are_newest_first(network_site):
    for name, date in (("Kolmas yhteinen", "2026-11-20"), ("Ensimmäinen yhteinen", "2026-11-28"),
                       ("Toinen yhteinen", "2026-11-24")):
        network_site.notice(f"{date}.md", notice_text(name, category="yhteistyo", date=date,
                                                      extra="partners: [kuoro]\n"))
    network_site.notice("oma.md", notice_text("Kuoron oma", category="yhteistyo", date="2026-11-26"))
    assert network_site.build() == 0
    joint = network_site.page("yhdistykset/kuoro/").find("h2", string="Yhteiset ilmoitukset muiden kanssa")
    assert [a.get_text() for a in joint.find_next("ul").select(".bl-item__title a")] == [
        "Ensimmäinen yhteinen", "Toinen yhteinen", "Kolmas yhteinen"]
