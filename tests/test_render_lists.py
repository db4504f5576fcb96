"""A list begins right under a line of text, as on GitHub, where submitters
preview their notices; a numbered one only from 1, so that a paragraph that
begins with a Finnish date or ordinal ("12. joulukuuta") stays text."""
import pytest

from conftest import Site, notice_text

TEXTS = {
    "ohjelma": ("Ohjelma:\n- kahvi\n- arpajaiset\n* tanssi", ["kahvi", "arpajaiset", "tanssi"], None),
    "vaiheet": ("Näin ilmoittaudut:\n1. soita\n2. tule paikalle", None, ["soita", "tule paikalle"]),
    # a year at the start of a line, a minus sign, a code block: no lists
    "vuosi": ("Yhdistys perustettiin\n2026. vuonna Imatralla.\nHinta\n-5 € jäseniltä.\n\n```\nKoodi:\n- ei lista\n```",
              None, None),
    # an item's lazy continuation stays in the item
    "jatko": ("- eka\njatkuu\n- toka", ["eka jatkuu", "toka"], None),
    # a list from 1 goes on after a blank line and an item's indented paragraph
    "kohdat": ("1. eka\n\n    lisää ekasta\n\n2. toka\n3. kolmas", None, ["eka lisää ekasta", "toka", "kolmas"]),
    # pasted from Word (its bullets and a tab, older Word's Symbol-font bullet and "·"), a phone or a mail
    "word": ("Ohjelma:\n•\tkahvi\no\ttee\n▪\tmehu\n\uf0b7\tpulla\n·         kakku", ["kahvi", "tee", "mehu", "pulla", "kakku"],
             None),
    "puhelin": ("Tuo mukanasi\n– eväät\n– juotavaa\n\n◦ hyvä mieli", ["eväät", "juotavaa", "hyvä mieli"], None),
    "sulkeet": ("Näin ilmoittaudut:\n1)\tsoita\n2)\ttule paikalle\n\n3) maksa", None, ["soita", "tule paikalle", "maksa"]),
    "lainattu": ("> Puheenjohtaja kirjoitti:\n> • kahvi\n> • tee\n> Tervetuloa!", ["kahvi", "tee"], None),
    # Word's "o" and its tab in a quote too, though the tab there is one space to Python-Markdown
    "lainattu-word": ("> Ohjelma:\n> o\tkahvi\n> o\ttee", ["kahvi", "tee"], None),
    # a list right under a table's rows is no row of it
    "taulukko": ("| Aika | Mitä |\n|---|---|\n| 18 | kahvi |\n• arpajaiset\n- tanssi | 20-22", ["arpajaiset", "tanssi | 20-22"],
                 None),
    # Word writes a paragraph on a line: the line under a pasted item is none of it
    "kappale": ("•\tkahvi\n•\ttee\nTervetuloa!\n1)\tsoita\n2)\ttule\nKiitos!", ["kahvi", "tee"], ["soita", "tule"]),
    # a bullet alone under an item is a line of its own: no underline making the item a heading, no more of its text
    "tyhja": ("Ohjelma:\n- kahvi\n-\n\n• tee\n–\n\n1. soita\n- ", ["kahvi", "tee"], ["soita"]),
    # ... under a nested item too: after the nested list, in its item, and the next item is one
    "tyhja-sisakkain": ("- kahvi\n    - pulla\n    -\n- tee\n    1. mehu\n    –", ["kahvi pulla -", "pulla", "tee mehu –"],
                        ["mehu"]),
}
# items with letters, and numbered from other than 1, are no list Markdown has: each on a line of its own
LETTERS = "Valitse:\na) yksi\nb) kaksi\n\nLisäksi\n3) kolme\n4) neljä"
DATES = "Tervetuloa!\n\n12. joulukuuta kokoonnumme salissa.\n\n50. toimintavuosi alkaa tammikuussa."
# a table's rows without the row of dashes (an e-mail's table), each on a line of its own, as the text after them
ROWS = "Kevään ohjelma:\nPäivä | Ohjelma\nke 13.1. | Avaus\n> ke 10.2. | Tuolijumppa\nTervetuloa!\n\nKahvi | 2 €"
# hashtags under a line, and a list's item under them: no heading takes the line or its first "#"
TAGS = "Ilmoittautuminen on auki!\n#kesäleiri #kipinä\n- leiri\n\n#imatra"
# web addresses written bare, as GitHub links them: not the sentence's full stop, nor the parenthesis around one
ADDRESSES = ("Hakulomake: https://koskenhelmi.example.org/apurahat.\nLisää: www.imatra.fi, ja (katso "
             "https://fi.wikipedia.org/wiki/Imatra_(kaupunki)).\n`https://ei.linkki` [linkki](https://a.fi) <https://b.fi>")
RETURNING = "Kysely: www.lomake.example.org/kysely?palaa=https://imatra.fi"
# plain Finnish (selkokieli) is written a sentence on a line
PLAIN = "Vesijumppa on hyvää liikuntaa.\nVesi kantaa kehoa.\n\nOta mukaan uimapuku.\nTervetuloa!"
# the same in quotes, one inside another, and a list in a quote right under its line of text
QUOTED = ("> Puheenjohtaja kirjoitti:\n>\n> 12. joulukuuta kokoonnumme salissa.\n\n> > 50. toimintavuosi alkaa.\n\n"
          "> Ohjelma:\n> - kahvi\n> - arpajaiset\n>\n> 1. soita\n> 2. tule")
# the same in a list: a nested list begins at 1 too, in a quote in an item as well
NESTED = ("- eka\n    12. joulukuuta kokoonnumme\n- toka\n\n    > 50. toimintavuosi alkaa.\n\n"
          "1. kohta\n    1. alakohta\n    2. toinen alakohta")
# a list under a text that follows a heading, an indented line after it and a table lazily in the item
BLOCKED = ("## Ohjelma\nKahvit ja\n- arpajaiset\n\n    | lisää\n| Aika | Mitä |\n|---|---|\n| 18 | kahvi | tanssi |\n\n"
           "Päivät\n===\n    koodi\nTanssit ja\n- valssi\n# Kokous\n12. joulukuuta kokoonnumme")
# a code span across lines is shown as written, a number at a line's start too
SPANNED = "Kirjoita lomakkeeseen `rivi\n12. rivi` sellaisenaan."


@pytest.fixture(scope="module")
def built(tmp_path_factory):
    site = Site(tmp_path_factory.mktemp("lists"))
    for name, (body, _, _) in TEXTS.items():
        site.notice(f"{name}.md", notice_text(title=name.capitalize(), body=body))
    site.notice("paivat.md", notice_text(title="Päivät", body=DATES))
    site.notice("lainaus.md", notice_text(title="Lainaus", body=QUOTED))
    site.notice("sisakkain.md", notice_text(title="Sisäkkäin", body=NESTED))
    site.notice("lohkot.md", notice_text(title="Lohkot", body=BLOCKED))
    site.notice("koodi.md", notice_text(title="Koodi", body=SPANNED))
    site.notice("kirjaimet.md", notice_text(title="Kirjaimet", body=LETTERS))
    site.notice("rivit.md", notice_text(title="Rivit", body=ROWS))
    site.notice("tunnisteet.md", notice_text(title="Tunnisteet", body=TAGS))
    site.notice("osoitteet.md", notice_text(title="Osoitteet", body=ADDRESSES))
    for name, lang in (("selko", "fi-x-selko"), ("yleiskieli", "fi")):
        site.notice(f"{name}.md", notice_text(title=name.capitalize(), body=PLAIN, extra=f"lang: {lang}"))
    site.notice("ilmoittautuminen.md", notice_text(title="Leiri", category="tapahtumat", body="Tervetuloa!", extra="""
        event:
          start: "2026-12-05 18:00"
          location: Sali
          registration: "Lomakkeella www.kipina.example.org/leiri <12.2. mennessä> & paikan päällä"
        """))
    # an address with another in its query: a link to where it begins, not a relative one
    site.notice("paluu.md", notice_text(title="Paluu", category="tapahtumat", body=RETURNING, extra=f"""
        event:
          start: "2026-12-05 18:00"
          location: Sali
          registration: "{RETURNING}"
        """))
    site.notice("sahkoposti.md", notice_text(title="Sähköposti", category="tapahtumat",
                                             body="Kysy: kalle.virtanen@imatra.example.fi. Tai "
                                                  "[toimisto@kipina.example.org](mailto:toimisto@kipina.example.org), "
                                                  "ei `koodi@ei.linkki` eikä https://a.fi/@kalle", extra="""
        event:
          start: "2026-12-05 18:00"
          location: Sali
          registration: "Sähköpostilla leiri+2027@kipina.example.org (nimi ja ikä)"
        """))
    assert site.check() == 0 and site.build() == 0
    return site


@pytest.mark.parametrize("name", TEXTS)
def test_a_list_right_under_a_line_of_text_is_a_list_on_the_page(built, name):
    _, bullets, numbers = TEXTS[name]
    body = built.page(f"ilmoitukset/{name}/").select_one(".bl-notice__body")
    assert [" ".join(li.get_text().split()) for li in body.select("ul > li")] == (bullets or [])
    assert [" ".join(li.get_text().split()) for li in body.select("ol > li")] == (numbers or [])
    assert body.select("h2, h3") == []
    if not bullets and not numbers:
        assert "2026. vuonna" in body.get_text() and "-5 €" in body.get_text()
        assert "- ei lista" in body.select_one("pre code").get_text()


def test_items_with_letters_or_not_from_1_are_each_on_a_line_of_their_own(built):
    body = built.page("ilmoitukset/kirjaimet/").select_one(".bl-notice__body")
    assert body.select("ol, ul") == []
    assert [list(p.stripped_strings) for p in body.select("p")] == [
        ["Valitse:", "a) yksi", "b) kaksi"], ["Lisäksi", "3) kolme", "4) neljä"]]


def test_rows_of_a_table_without_its_dashes_are_each_on_a_line_of_their_own(built):
    body = built.page("ilmoitukset/rivit/").select_one(".bl-notice__body")
    assert body.select("table") == []
    assert [list(p.stripped_strings) for p in body.select(".bl-notice__body > p, blockquote > p")] == [
        ["Kevään ohjelma:", "Päivä | Ohjelma", "ke 13.1. | Avaus"], ["ke 10.2. | Tuolijumppa", "Tervetuloa!"],
        ["Kahvi | 2 €"]]


def test_hashtags_at_a_lines_start_are_text_not_a_heading(built):
    body = built.page("ilmoitukset/tunnisteet/").select_one(".bl-notice__body")
    assert body.select("h2, h3") == []
    assert [" ".join(p.get_text().split()) for p in body.select("p")] == [
        "Ilmoittautuminen on auki! #kesäleiri #kipinä", "#imatra"]
    assert [li.get_text() for li in body.select("ul > li")] == ["leiri"]


def test_a_web_address_written_bare_is_a_link(built):
    body = built.page("ilmoitukset/osoitteet/").select_one(".bl-notice__body")
    assert [(a["href"], a.get_text()) for a in body.select("a")] == [
        ("https://koskenhelmi.example.org/apurahat", "https://koskenhelmi.example.org/apurahat"),
        ("https://www.imatra.fi", "www.imatra.fi"),
        ("https://fi.wikipedia.org/wiki/Imatra_(kaupunki)", "https://fi.wikipedia.org/wiki/Imatra_(kaupunki)"),
        ("https://a.fi", "linkki"), ("https://b.fi", "https://b.fi")]
    assert body.select_one("code").get_text() == "https://ei.linkki"
    assert " ".join(body.get_text().split()).startswith("Hakulomake: https://koskenhelmi.example.org/apurahat. Lisää:")


def test_a_web_address_in_how_to_register_is_a_link_as_in_the_text(built):
    facts = built.page("ilmoitukset/ilmoittautuminen/").select_one(".bl-event")
    registration = next(dd for dt, dd in zip(facts.select("dt"), facts.select("dd")) if dt.get_text() == "Ilmoittautuminen")
    assert registration.get_text() == "Lomakkeella www.kipina.example.org/leiri <12.2. mennessä> & paikan päällä"
    assert [(a["href"], a.get_text()) for a in registration.select("a")] == [
        ("https://www.kipina.example.org/leiri", "www.kipina.example.org/leiri")]


def test_plain_finnish_keeps_its_lines(built):
    def paragraphs(name):
        body = built.page(f"ilmoitukset/{name}/").select_one(".bl-notice__body")
        return [list(p.stripped_strings) for p in body.select("p")]
    assert paragraphs("selko") == [["Vesijumppa on hyvää liikuntaa.", "Vesi kantaa kehoa."],
                                   ["Ota mukaan uimapuku.", "Tervetuloa!"]]
    # other text as Markdown has it: a line break within a paragraph is a space
    assert paragraphs("yleiskieli") == [["Vesijumppa on hyvää liikuntaa.\nVesi kantaa kehoa."],
                                        ["Ota mukaan uimapuku.\nTervetuloa!"]]


def test_a_paragraph_that_begins_with_a_date_or_an_ordinal_says_it_as_written(built):
    body = built.page("ilmoitukset/paivat/").select_one(".bl-notice__body")
    assert body.select("ol, ul") == []
    assert [p.get_text() for p in body.select("p")] == [
        "Tervetuloa!", "12. joulukuuta kokoonnumme salissa.", "50. toimintavuosi alkaa tammikuussa."]


def test_a_quote_says_its_dates_as_written_and_has_its_lists(built):
    body = built.page("ilmoitukset/lainaus/").select_one(".bl-notice__body")
    assert [" ".join(p.get_text().split()) for p in body.select("blockquote p")] == [
        "Puheenjohtaja kirjoitti:", "12. joulukuuta kokoonnumme salissa.", "50. toimintavuosi alkaa.", "Ohjelma:"]
    assert [li.get_text() for li in body.select("blockquote > ul > li")] == ["kahvi", "arpajaiset"]
    assert [li.get_text() for li in body.select("blockquote > ol > li")] == ["soita", "tule"]


def test_a_nested_list_begins_at_1_so_a_date_in_an_item_stays_as_written(built):
    body = built.page("ilmoitukset/sisakkain/").select_one(".bl-notice__body")
    assert [" ".join(li.get_text().split()) for li in body.select(":scope > ul > li")] == [
        "eka 12. joulukuuta kokoonnumme", "toka 50. toimintavuosi alkaa."]
    assert body.select_one("blockquote").get_text().strip() == "50. toimintavuosi alkaa."
    assert [li.get_text() for li in body.select(":scope > ol > li > ol > li")] == ["alakohta", "toinen alakohta"]


def test_a_list_under_a_text_after_a_heading_or_code_is_a_list_and_says_every_word(built):
    body = built.page("ilmoitukset/lohkot/").select_one(".bl-notice__body")
    assert [li.get_text().split()[0] for li in body.select("ul > li")] == ["arpajaiset", "valssi"]
    assert body.select("ol") == [] and "12. joulukuuta kokoonnumme" in body.select("p")[-1].get_text()
    text = body.get_text()
    assert [word for word in BLOCKED.replace("|", " ").split() if word.strip("#=-") and word not in text] == []


def test_a_code_span_across_lines_is_shown_as_written(built):
    body = built.page("ilmoitukset/koodi/").select_one(".bl-notice__body")
    assert body.select_one("code").get_text() == "rivi\n12. rivi"


def test_an_address_with_another_in_it_links_to_where_it_begins(built):
    page = built.page("ilmoitukset/paluu/")
    registration = next(dd for dt, dd in zip(page.select(".bl-event dt"), page.select(".bl-event dd"))
                        if dt.get_text() == "Ilmoittautuminen")
    for where in (page.select_one(".bl-notice__body"), registration):
        assert [a["href"] for a in where.select("a")] == ["https://www.lomake.example.org/kysely?palaa=https://imatra.fi"]


def test_an_e_mail_address_written_bare_is_a_link_to_write_to_it(built):
    page = built.page("ilmoitukset/sahkoposti/")
    assert [(a["href"], a.get_text()) for a in page.select_one(".bl-notice__body").select("a")] == [
        ("mailto:kalle.virtanen@imatra.example.fi", "kalle.virtanen@imatra.example.fi"),
        ("mailto:toimisto@kipina.example.org", "toimisto@kipina.example.org"),
        ("https://a.fi/@kalle", "https://a.fi/@kalle")]
    registration = next(dd for dt, dd in zip(page.select(".bl-event dt"), page.select(".bl-event dd"))
                        if dt.get_text() == "Ilmoittautuminen")
    assert registration.get_text() == "Sähköpostilla leiri+2027@kipina.example.org (nimi ja ikä)"
    assert [a["href"] for a in registration.select("a")] == ["mailto:leiri+2027@kipina.example.org"]
