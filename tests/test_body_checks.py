"""The Markdown checks one by one, the sanitizer's address rules and the safe
output helpers (plain text, JSON for scripts)."""
import json
import re

import pytest

from bulletin_contract.body_checks import MAX_BLOCK_LINES, MAX_BODY_CHARS, MAX_MARKUP, MAX_NESTING, check_markdown
from bulletin_contract.render import Renderer, clean_html, dangerous_scheme, is_remote, json_for_script, plain_text
from bulletin_i18n import Translator
from bulletin_i18n.translations import EN, FI

T = Translator("fi")


def messages(text, first_line=1):
    return [(p.line, p.message) for p in check_markdown(text, first_line, "x.md", T)]


@pytest.mark.parametrize("text", [
    "Tavallinen teksti **lihavoituna** ja _kursiivilla_.",
    "Koodina `<script>alert(1)</script>` ja ``<b>`x`</b>``.",
    "```\n<script>alert(1)</script>\n[x](javascript:alert(1))\n```",
    "~~~html\n<iframe srcdoc=x></iframe>\n~~~",
    "Kappale.\n\n    <script>sisennetty koodi</script>\n    [x](javascript:x)",
    "[sivu](https://example.org/a(b)) [posti](mailto:a@example.org) [puhelin](tel:+358401234567)",
    "<https://example.org/tapahtuma> ja <toimitus@example.org>",
    "![kuva]({static}/images/kuva.jpg) ja ![toinen](/images/a.png \"otsikko\")",
    "[viite][1]\n\n[1]: https://example.org \"Otsikko\"",
    "Hinta < 10 € ja lapset > 7 v. Nuoli -> tuonne, 3 < 4.",
    "Sana javascript: mainittuna tekstissä ei ole linkki.",
    "* * * * * * * * * * * *",  # a rule, not lists inside lists
    "Tervetuloa {kaikki} ja {nimi=arvo}.",
    "| a | b |\n|---|---|\n| [x](https://example.org) | `<b>` |",
    "Arabiaa: مرحبا بكم",
    # real scripts stack a few accents on a letter
    "Tiếng Việt: Người, hẹn gặp lại. Hepreaa: בְּרֵאשִׁית. Hindiä: हिन्दी.",
    "Wikipedia: [O'Brien](https://fi.wikipedia.org/wiki/O'Brien)",
    # a link's text that is its own address, its site or a site above it
    "[www.kela.fi](https://www.kela.fi/hakemus) [Kela.fi](https://www.kela.fi) [imatra.fi](https://tapahtumat.imatra.fi/)",
    "[https://kela.fi/hakemus](https://kela.fi/hakemus) [toimisto@kela.fi](mailto:Toimisto@kela.fi?subject=Haku)",
    "[www.kela.fi sivuilla](https://www.kela.fi) [kela][k]\n\n[k]: https://evil.example/",
    "Lue lisää: [www.kela.fi.](https://www.kela.fi/)",  # the sentence's full stop
])
def test_benign_text_passes(text):
    assert messages(text) == []


@pytest.mark.parametrize("text, line, words", [
    ("a\n\n<b>lihava</b>", 3, "HTML-koodia (<b>)"),
    ("a\n<DIV onclick=x>", 2, "(<DIV>)"),
    ("teksti <!-- piilossa --> teksti", 1, "(<!-- -->)"),
    ("`koodi` ja <i>ei koodi</i>", 1, "(<i>)"),
    ("```\nkoodi\n```\n<script>x</script>", 4, "(<script>)"),
    ("```\navoin aita ilman loppua\n<b>", 3, "(<b>)"),  # an unclosed fence is no code block
    ("- kohta\n\n    <script>x</script>", 3, "(<script>)"),  # continues the list item, not code
    ("[a](javascript:x)", 1, "alkaa javascript:"),
    ("[a](JAVA\tSCRIPT:x)", 1, "alkaa javascript:"),
    ("[a](&#x6A&#x61&#x76&#x61&#x73&#x63&#x72&#x69&#x70&#x74&#x3A;x)", 1, "alkaa javascript:"),
    ("[a](%256A%2561vascript:x)", 1, "alkaa javascript:"),  # percent-encoded twice
    ("[a](\u200bjavascript:x)", 1, "alkaa javascript:"),
    ("[a](ｊａｖａｓｃｒｉｐｔ:x)", 1, "alkaa javascript:"),  # full-width letters
    ("[a][r]\n\n[r]:\n  javascript:x", 4, "alkaa javascript:"),
    ("> Lue [a].\n>\n> [a]: javascript:x", 3, "alkaa javascript:"),  # definitions inside quotes
    ("- kohta\n\n    [b]: javascript:x\n\n- [b]", 3, "alkaa javascript:"),  # and list items
    ("- [c]: javascript:x\n- [c]", 1, "alkaa javascript:"),
    ("[a]({attach}/muut/sivu.html)", 1, "{static} voi viitata vain sivuston kuviin"),
    ("[a]({static}/muut/kuva.svg)", 1, "{static} voi viitata vain sivuston kuviin"),
    ("![a]({static}/images/../muut/kuva.svg)", 1, "{static} voi viitata vain sivuston kuviin"),
    ("[a](|static|/associations/x.yml)", 1, "{static} voi viitata vain sivuston kuviin"),
    ("[a](&#123;filename}/notices/x.md)", 1, "{static} voi viitata vain sivuston kuviin"),
    # a host in brackets that is no IP address: no address to Python's urlsplit, which raised
    ("[a]({static}//[kuva]/images/a.png)", 1, "{static} voi viitata vain sivuston kuviin"),
    ("[a](\\{attach\\}../../../pelicanconf.py)", 1, "{static} voi viitata vain sivuston kuviin"),  # Markdown's escapes
    ("![a][k]\n\n[k]: {static}/muut/kuva.svg", 3, "{static} voi viitata vain sivuston kuviin"),
    ("<vbscript:msgbox>", 1, "alkaa vbscript:"),
    ("[a](data:text/html,x)", 1, "alkaa data:"),
    ("![a](https://example.org/a.png)", 1, "toisella sivustolla"),
    ("![a](//example.org/a.png)", 1, "toisella sivustolla"),
    ("![a](&#47;&#47;example.org/a.png)", 1, "toisella sivustolla"),
    ("![a][k]\n\n[K]: http://example.org/a.png", 1, "toisella sivustolla"),
    ("![a]\n\n[a]: http://example.org/a.png", 1, "toisella sivustolla"),
    ('[a](/x" onclick="y)', 1, "lainausmerkki"),
    # an address with a space in angle brackets is read as a tag: what to write, not "HTML-koodia (<https:>)"
    ("Katso\n[toinen](<https://example.org/a b>).", 2,
     "Osoitteessa https://example.org/a b on välilyönti, eikä sitä lueta osoitteeksi, joten linkkiä ei julkaista. "
     "Kirjoita osoite ilman välilyöntejä (välilyönnin tilalle %20)"),
    ("Teksti\n{: .luokka }", 2, "{: .luokka }"),
    ("Teksti {onmouseover=x}", 1, "{onmouseover=x}"),
    ("rivi\x00", 1, "(U+0000)"),
    ("rivi \u202e", 1, "(U+202E)"),
    ("rivi \ufffe", 1, "(U+FFFE)"),
    ("Alku\n\nK" + "\u0301\u0308\u0336" * 4 + "okous", 3, "kirjaimen päällä 12 tarkkeen pino"),  # "Zalgo"  # not allowed in XML: the feeds could not be written
    ("> " * (MAX_NESTING + 1) + "syvällä", 1, f"yli {MAX_NESTING}"),
    ("1. " * (MAX_NESTING + 1) + "syvällä", 1, f"yli {MAX_NESTING}"),
    ("".join("    " * i + "- x\n" for i in range(MAX_NESTING + 1)), MAX_NESTING + 1, f"yli {MAX_NESTING}"),
    ("a\n\n" + "[" * (MAX_MARKUP + 1), 3, "hakasulkeita"),
    ("x\n" * (MAX_BLOCK_LINES + 1), 1, f"yli {MAX_BLOCK_LINES} riviä"),
    ("x" * (MAX_BODY_CHARS + 1), 1, f"enintään {MAX_BODY_CHARS}"),
    # a link's text that is an address, the link going elsewhere
    ("Hae: [https://www.kela.fi/hakemus](https://evil.example/kela)", 1, "Linkin teksti https://www.kela.fi/hakemus"),
    ("[kela.fi](https://kela.fi.evil.example/)", 1, "Linkin teksti kela.fi"),
    ("[toimisto@kela.fi](mailto:evil@evil.example)", 1, "Linkin teksti toimisto@kela.fi"),
    ("[www.kela.fi](https://www.imatra.fi)", 1, "Linkin teksti www.kela.fi"),
    ("a\n\n[www.kela.fi][k] ja [kela.fi]\n\n[k]: https://evil.example/\n[kela.fi]: https://evil.example/", 3,
     "Linkin teksti www.kela.fi"),
    ("[kela.fi]\n\n[kela.fi]: https://evil.example/", 1, "Linkin teksti kela.fi"),
])
def test_problem_is_reported_on_its_line(text, line, words):
    found = messages(text, first_line=1)
    assert any(at == line and words in message for at, message in found), found


# Python-Markdown reads HTML at a line's start and a link definition on a
# line of its own before code spans: inside a code span that goes on over
# the line, they are gone from the page all the same.
@pytest.mark.parametrize("text, line, words, lost", [
    ("Katso `koodi\n<!-- piilossa --> tästä` ja muuta", 2, "Rivin alussa <!-- --> on HTML-koodia takahipsujen", "piilossa"),
    ("Katso `koodi\n<div>` tästä", 2, "Rivin alussa <div> on HTML-koodia takahipsujen", "<div>"),
    ("Katso `koodi\n[a]: https://example.org\n` tästä", 2, "Rivi [a]: https://example.org on Markdownissa linkin",
     "example.org"),
    ("Teksti\n<!DOCTYPE html>\njatkuu", 2, "HTML-koodia (<!doctype…>)", "DOCTYPE"),
    ("[]: https://example.org", 1, "linkin määritelmä", "example.org"),
    # a code span ends with its text: a quote, a list item or a heading on the next line ends it
    ("1. Katso `koodi\n<b>\n> lainaus `loppu`", 2, "(<b>)", "<b>"),
    ("Otsikko `alku\n===\nteksti <b> loppu`", 3, "(<b>)", "<b>"),
    ("Teksti `alku\n- kohta <b> loppu`", 2, "(<b>)", "<b>"),
    ("| a | b |\n|---|---|\n| c ` | d |\n<b>\n| e ` | f |", 4, "(<b>)", "<b>"),  # each row of a table its own
    # a table after a heading or a rule in the same paragraph is one too, its rows' extra cells not shown
    ("Ohjelma\n***\n| Päivä | Aika |\n|---|---|\n| ma | 18 | Sali 2 |", 5, "3 solua", "Sali 2"),
    ("# Ohjelma\n| Päivä | Aika |\n|---|---|\n| ma | 18 | Sali 2 |", 4, "3 solua", "Sali 2"),
    ("# Ohjelma\nSyksy\n===\n| Päivä | Aika |\n|---|---|\n| ma | 18 | Sali 2 |", 6, "3 solua", "Sali 2"),
    ("# Otsikko `alku\nteksti <b> loppu`", 2, "(<b>)", "<b>"),  # a heading is one line
    ("1. # Ohjelma\n| Päivä | Aika |\n|---|---|\n| ma | 18 | Sali 2 |", 4, "3 solua", "Sali 2"),
    ("Katso [sivu].\n\n[sivu]: https://a.fi\n| Päivä | Aika |\n|---|---|\n| ma | 18 | Sali 2 |", 6, "3 solua",
     "Sali 2"),
    # so is a table in a list item, an empty one's too, and in a quote
    ("Ohjelma:\n\n* \n  | Päivä | Aika |\n  |---|---|\n  | ma | 18 | Sali 2 |", 6, "3 solua", "Sali 2"),
    ("- | Päivä | Aika |\n  |---|---|\n  | ma | 18 | Sali 2 |", 3, "3 solua", "Sali 2"),
    ("> | Päivä | Aika |\n> |---|---|\n> | ma | 18 | Sali 2 |", 3, "3 solua", "Sali 2"),
    # a tab after the item's marker is spaces to Python-Markdown: an item there, which ends a code span
    ("Kirjoita `näin\n<huom>\n1.\t` ja muuta", 2, "HTML-koodia (<huom>)", "huom"),
    ("1.\t>\n| Päivä | Aika |\n|---|---|\n| ma | 18 | Sali 2 |", 4, "3 solua", "Sali 2"),
    ("-\t>\n| Päivä | Aika |\n|---|---|\n| ma | 18 | Sali 2 |", 4, "3 solua", "Sali 2"),
    ("1. Ohjelma\n    - \n      | Päivä | Aika |\n      |---|---|\n      | ma | 18 | Sali 2 |", 5, "3 solua", "Sali 2"),
    # a pasted bullet begins a list: an indented line after it is the item's text, not code
    ("Ohjelma:\n\n•\tkahvi\n\n    <b>tärkeä</b> tieto", 5, "(<b>)", "<b>"),
    # a bullet alone under an item is a line of its own: no code span goes on from the item over it
    ("- Kirjoita `kahvi\n–\n<u>tee</u>` näin", 3, "(<u>)", "<u>"),
    ("- Ohjelma\n    - Kirjoita `kahvi\n    -\n    <u>tee</u>` näin", 4, "(<u>)", "<u>"),  # under a nested item too
    # a line in brackets or quotes right under a definition is its link's title
    ("Katso [sali].\n\n[sali]: https://a.fi/sali\n(Kerhohuone, 2. krs)", 4, "Rivi (Kerhohuone, 2. krs) luetaan",
     "Kerhohuone"),
])
def test_what_the_page_drops_is_refused_where_code_seemed_to_hide_it(text, line, words, lost):
    found = messages(text)
    assert any(at == line and words in message for at, message in found), found
    assert lost not in plain_text(Renderer()(text))  # as the message says: gone from the page


@pytest.mark.parametrize("text, shown", [
    ("Katso `koodi\n[a]: https://example.org` tästä", "koodi [a]: https://example.org"),
    ("Katso `koodi <!-- ei piilossa --> vaan` koodina", "koodi <!-- ei piilossa --> vaan"),
    ("[Paikka]: Kerhohuone Imatralla", "[Paikka]: Kerhohuone Imatralla"),
    # lines without `>` go on in the quote, and a line of = under any but the first is text
    ("> Katso `koodi\n<b>` ja muuta", "koodi <b> ja muuta"),
    ("Teksti\nkatso `alku\n===\n<b>` loppu", "alku === <b> loppu"),
    ("Ohjelma:\n| Päivä | Aika |\n|---|---|\n| ma | 18 | Sali 2 |", "| ma | 18 | Sali 2 |"),  # no table: text
    # a lone `*` between two emphases, after a `*` left open: every word in its place
    ("*Huom: ilmoittaudu _perjantaina_ * _(ruokailu)_ ja tule", "*Huom: ilmoittaudu perjantaina * (ruokailu) ja tule"),
    # a `*` or `_` that the one before it may not close (the rule of 3) closes the one under it, as on GitHub
    ("*Huom**tärkeä*ja tule", "Huom**tärkeäja tule"),
    ("*z**z*y", "z**zy"),
    ("Aukioloajat _(ma)__(ti)_) ja", "(ma)__(ti)) ja"),
])
def test_what_reaches_the_page_as_written_passes(text, shown):
    assert messages(text) == []
    assert shown in plain_text(Renderer()(text))


def test_lines_count_from_the_body_start_and_one_message_per_kind_a_line():
    found = messages("ok\n<b>x</b> <i>y</i> <u>z</u>", first_line=7)
    assert [line for line, _ in found] == [8]


def test_many_links_in_a_list_are_fine():
    # the bracket limit is per list item, not per list
    text = "\n".join(f"- [Kohde {i}](https://example.org/{i})" for i in range(MAX_MARKUP + 50))
    assert messages(text) == []


def test_every_body_message_exists_in_both_languages():
    keys = [k for k in FI if k.startswith("err_body_")]
    assert len(keys) >= 9 and all(k in EN for k in keys)
    values = dict(limit=1, length=2, tag="<b>", scheme="data", url="u", text="t", char="U+0000", folder="images", fixed="{static}/images/a.png",
                  count=6, most=5, written="[a]: b", plain="a: b", cells=3, columns=2)
    for language in ("fi", "en"):
        for key in keys:
            assert not re.search(r"\{(%s)\}" % "|".join(values), Translator(language)(key, **values))


@pytest.mark.parametrize("address, fixed", [
    ("www.imatra.fi", "https://www.imatra.fi"),
    ("imatra.fi/tapahtumat?kieli=fi", "https://imatra.fi/tapahtumat?kieli=fi"),
    ("Kuoro-Vuoksenlaulu.FI", "https://Kuoro-Vuoksenlaulu.FI"),
    ("maija.meikalainen@example.org", "mailto:maija.meikalainen@example.org"),
    ("+358401234567", "tel:+358401234567"),
    ("040-1234567", "tel:040-1234567"),
])
def test_a_link_without_its_scheme_is_told_to_be_written_whole(address, fixed):
    # a page would link under its own address: a notice at ilmoitukset/x/ to ilmoitukset/x/www.imatra.fi
    for text in (f"Katso [tästä]({address}).", f"Katso [tästä][1].\n\n[1]: {address}"):
        (line, message), = messages(text)
        assert "puuttuu alku" in message and f"[linkin teksti]({fixed})" in message


@pytest.mark.parametrize("address", ["alaviite", "muistio.pdf", "../toinen/", "/tapahtumat/", "#ohjelma", "?sivu=2"])
def test_a_relative_link_in_a_notice_is_refused_with_the_whole_forms(address):
    (line, message), = messages(f"Ohjelma:\n\n- [Lue lisää]({address})")
    assert line == 3 and "ei ole kokonainen" in message and "{static}/files/muistio.pdf" in message
    assert "https://esimerkki.fi/sivu/" in message


def test_a_content_page_may_link_to_the_sites_pages_by_relative_addresses():
    text = "[Lähetä ilmoitus](../laheta/), [oma sivu](/tapahtumat/) ja [ankkuri](#ohjelma)"
    assert check_markdown(text, 1, "pages/ohje.md", T, relative_links=True) == []
    assert len(check_markdown(text, 1, "x.md", T)) == 1  # one message a line


def test_pages_and_association_descriptions_are_checked(site, capsys):
    (site.content / "pages" / "ohje.md").write_text("---\ntitle: Ohje\n---\nTeksti.\n\n<script>x</script>\n")
    path = site.association("kerho", 'name: Kerho\ndescription: |\n  Kerho.\n\n  <b onclick="x">Tervetuloa</b>\n')
    assert site.check() == 1
    out = capsys.readouterr().out
    assert "pages/ohje.md:6: Rivillä on HTML-koodia (<script>)" in out
    assert f"{path}:5: Rivillä on HTML-koodia (<b>)" in out


def test_a_page_links_relatively_where_an_association_description_may_not(site, capsys):
    (site.content / "pages" / "ohje.md").write_text("---\ntitle: Ohje\n---\nKatso [lomake](../laheta/).\n")
    path = site.association("kerho", "name: Kerho\ndescription: |\n  Kerho.\n\n  Katso [kotisivu](www.kerho.fi).\n")
    assert site.check() == 1
    out = capsys.readouterr().out
    assert "ohje.md" not in out
    assert f"{path}:5: Linkin osoitteesta www.kerho.fi puuttuu alku" in out


# --- the sanitizer's own rules, for whatever reaches it --------------------

@pytest.mark.parametrize("src", [
    "https://example.org/a.png", "//example.org/a.png", "/\\example.org/a.png", "\\\\example.org/a.png",
    "/\n/example.org/a.png", "/\t/example.org/a.png", " \x01//example.org/a.png", "HTTPS:example.org",
])
def test_remote_image_addresses_are_dropped(src):
    assert is_remote(src)
    assert clean_html(f'<img src="{src}" alt="a">') == '<img alt="a">'


@pytest.mark.parametrize("src", ["/images/a.png", "../../images/a.png", "a.png", "{static}/images/a.png"])
def test_local_images_stay(src):
    assert not is_remote(src)
    assert f'src="{src}"' in Renderer()(f"![a]({src})")


@pytest.mark.parametrize("href", [
    "javascript:x", "%6Aavascript:x", "java%0Ascript:x", "&#x6A;avascript:x", " data:text/html,x", "VBSCRIPT:x",
])
def test_script_addresses_are_dropped_however_written(href):
    assert dangerous_scheme(href)
    assert "href" not in Renderer()(f'<a href="{href}">x</a>')


def test_links_get_rel_and_controls_go():
    html = Renderer()("[a](https://example.org) \x1b[31m \x00 ok")
    assert html == '<p><a href="https://example.org" rel="noopener noreferrer">a</a> [31m  ok</p>'


def test_controls_made_of_character_references_go_before_addresses_are_judged():
    # nh3 decodes `&#1;`: the character goes from the text, and an address
    # is judged without it, as it is written
    html = Renderer()("a&#1;b&#xFFFE;c [x](https://example.org/&#1;y) ![k](/&#1;/evil.example/k.png) "
                      "[j](java&#xFFFF;script:alert(1))")
    assert html == ('<p>abc <a href="https://example.org/y" rel="noopener noreferrer">x</a> <img alt="k"> '
                    '<a rel="noopener noreferrer">j</a></p>')


def test_plain_text_is_text():
    assert plain_text('<p>a &amp; <b>b</b></p><p>c<br>d</p><img alt="x>y">') == "a & b c d"
    assert plain_text("<p>&lt;script&gt;</p>") == "<script>"  # text, escaped where it is written


def test_json_for_script_cannot_end_the_element():
    value = {"name": "</script><!--<script>", "x": "a\u2028b\u2029&"}
    text = json_for_script(value)
    assert "<" not in text and ">" not in text and "&" not in text and "\u2028" not in text
    assert json.loads(text) == value


def test_a_run_of_too_deep_lines_is_reported_once():
    deep = "> " * (MAX_NESTING + 1) + "syvällä\n"
    found = messages(deep * 30 + "\nKappale.\n\n" + deep)
    assert [line for line, message in found if f"yli {MAX_NESTING}" in message] == [1, 34]
