"""The accessibility statement: what the law asks, its facts from settings,
and a link to it from every page."""
from bs4 import BeautifulSoup

from bulletin_cli.cli import main
from conftest import ROOT


def statement_text(soup):
    return " ".join(soup.find("main").get_text(" ").split())


def test_example_statement_has_what_the_law_asks(example_site):
    soup = BeautifulSoup((example_site / "saavutettavuusseloste" / "index.html").read_text(encoding="utf-8"),
                         "html.parser")
    text = statement_text(soup)
    headings = [h.get_text(strip=True) for h in soup.select("main h2")]
    assert headings == ["Saavutettavuuden tila", "Sisältö, joka ei ole saavutettavaa",
                        "Miten saavutettavuus on arvioitu", "Anna palautetta", "Valvontaviranomainen"]
    assert "täyttää saavutettavuusvaatimukset osittain" in text and "WCAG 2.1" in text
    assert "Yhdistysten ilmoitukset." in text and "Syy:" in text
    assert "Arvioimme sivuston itse 28.11.2026." in text and "axe-core" in text
    assert "Seloste on laadittu 28.11.2026. Se on päivitetty viimeksi 28.11.2026." in text
    assert "Vastaamme 14 päivän kuluessa." in text
    assert "Palautteeseen vastaa Etelä-Karjalan Järjestöverkosto ry (esimerkki)." in text
    links = {a["href"] for a in soup.select("main a")}
    assert {"mailto:toimitus@example.org", "tel:0400000100", "https://www.saavutettavuusvaatimukset.fi/",
            "mailto:saavutettavuus@traficom.fi", "tel:+358295345000"} <= links
    assert "Traficom" in text and "029 534 5000" in text
    # The regional state agencies (AVI) no longer supervise; no link to them.
    assert not any("avi.fi" in href or "aluehallinto" in href for href in links)
    assert "aluehallintovirasto" not in text.lower()


def test_every_page_links_to_the_statement_in_its_footer(example_site):
    pages = list(example_site.rglob("*.html"))
    assert len(pages) > 100
    for path in pages:
        footer = BeautifulSoup(path.read_text(encoding="utf-8"), "html.parser").find("footer")
        assert footer.find("a", href="/saavutettavuusseloste/", string="Saavutettavuusseloste"), path


def test_statement_is_in_the_sitemap(example_site):
    assert "/saavutettavuusseloste/</loc>" in (example_site / "sitemap.xml").read_text(encoding="utf-8")


def settings_with(tmp_path, statement):
    """The repository's settings with another BULLETIN_ACCESSIBILITY."""
    path = tmp_path / "asetukset.py"
    path.write_text((ROOT / "pelicanconf.py").read_text(encoding="utf-8")
                    + f"\nTHEME = {str(ROOT / 'theme')!r}\nPLUGIN_PATHS = [{str(ROOT / 'plugins')!r}]\n"
                    + f"BULLETIN_ACCESSIBILITY = {statement!r}\n", encoding="utf-8")
    return path


def test_statement_facts_come_from_settings(site, tmp_path):
    settings = settings_with(tmp_path, {
        "organisation": "Testikylän Kyläyhdistys ry", "email": "palaute@testikyla.example",
        "status": "full", "assessed_on": "2027-02-03", "assessed_by": "Saavutettavuustalo Oy",
        "updated_on": "2027-03-04"})
    assert main(["--settings", str(settings), "build", "--content", str(site.content),
                 "--output", str(site.output), "--today", "2027-03-05"]) == 0
    soup = site.page("saavutettavuusseloste/")
    text = statement_text(soup)
    assert "Sivustoa ylläpitää Testikylän Kyläyhdistys ry." in text
    assert "Sivusto täyttää saavutettavuusvaatimukset." in text
    assert "Sisältö, joka ei ole saavutettavaa" not in text  # status full: no gaps listed
    assert "Sivuston arvioi Saavutettavuustalo Oy 3.2.2027." in text
    assert "Se on päivitetty viimeksi 4.3.2027." in text
    assert soup.select_one("main a[href='mailto:palaute@testikyla.example']")
    assert not soup.select_one("main a[href^='tel:04']")  # no phone set, none shown


def test_statement_without_its_facts_stops_the_build(site, tmp_path, capsys):
    settings = settings_with(tmp_path, {"organisation": "Testikylän Kyläyhdistys ry", "assessed_on": "2027-02-03"})
    status = main(["--settings", str(settings), "build", "--content", str(site.content),
                   "--output", str(site.output)])
    assert status == 2
    assert "BULLETIN_ACCESSIBILITY['email']" in capsys.readouterr().err


def test_statement_with_a_wrong_date_stops_the_build(site, tmp_path, capsys):
    settings = settings_with(tmp_path, {"organisation": "X ry", "email": "x@example.org",
                                        "assessed_on": "3.2.2027"})
    assert main(["--settings", str(settings), "build", "--content", str(site.content),
                 "--output", str(site.output)]) == 2
    err = capsys.readouterr().err
    assert "BULLETIN_ACCESSIBILITY['assessed_on']" in err and "YYYY-MM-DD" in err
