"""Privacy: contact details only with consent, and a privacy page that says
what is published, where it is kept and how to have it removed."""
from conftest import notice_text


def test_contact_details_need_consent(site, capsys):
    path = site.notice("x.md", notice_text(extra='contact:\n  name: Aila\n  email: aila@example.org\n'
                                                 '  phone: "040 123 4567"\n  consent: false'))
    assert site.check(path) == 1
    assert f"{path}:6: Sähköposti ja puhelinnumero julkaistaan vain luvalla" in capsys.readouterr().out
    assert site.build() == 1 and not site.output.exists()


def test_with_consent_they_are_shown_and_a_name_alone_shows_no_address(site):
    site.notice("lupa.md", notice_text(extra='contact:\n  name: Aila\n  email: aila@example.org\n  consent: true'))
    site.notice("nimi.md", notice_text(extra="contact:\n  name: Pekka"))
    assert site.build() == 0
    assert site.page("ilmoitukset/lupa/").select_one('a[href="mailto:aila@example.org"]')
    named = site.page("ilmoitukset/nimi/")
    assert "Pekka" in named.select_one(".bl-contact").get_text()
    assert not named.select('.bl-contact a[href^="mailto:"], .bl-contact a[href^="tel:"]')


def test_privacy_page_says_what_where_and_how_to_remove(example_site):
    from bs4 import BeautifulSoup

    page = BeautifulSoup((example_site / "tietosuojaseloste" / "index.html").read_text(encoding="utf-8"),
                         "html.parser")
    text = " ".join(page.select_one("main").get_text(" ").split())
    headings = [h.get_text() for h in page.select("main h2, main h3")]
    assert headings[:4] == ["Rekisterinpitäjä", "Mitä tietoja julkaistaan", "Missä tiedot säilyvät",
                            "Tietojen korjaaminen ja poistaminen"]
    for words in ("vain, jos henkilö on antanut luvan", "RSS-syötteissä, kalentereissa ja haussa",
                  "ei käytä evästeitä eikä kävijäseurantaa", "koko muutoshistorian",
                  "säilyy versionhallinnan historiassa", "poistaa tiedot sivustolta ja tarvittaessa myös "
                  "versionhallinnan historiasta", "Kerro pyynnössä ilmoituksen osoite"):
        assert words in text, words
    assert page.select_one('main a[href="mailto:toimitus@example.org"]')
