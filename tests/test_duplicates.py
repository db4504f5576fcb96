"""A notice that repeats another: refused when new, a warning in check."""
import pytest

from bulletin_cli.cli import main
from conftest import event_text, notice_text

pytestmark = pytest.mark.usefixtures("example_today")

LONG = "Tervetuloa syyskokoukseen! Käsittelemme sääntömääräiset asiat ja valitsemme hallituksen ensi vuodelle."


def test_new_refuses_a_notice_that_repeats_one_naming_its_file(site, capsys):
    site.notice("2026/konsertti.md", event_text(title="Joulukonsertti", start="2026-12-05 18:00"))
    status = main(["new", "--content", str(site.content), "--title", "joulukonsertti ", "--association",
                   "testikyla", "--category", "tapahtumat", "--start", "5.12.2026 18.00", "--location", "Sali",
                   "--body", "Toinen teksti."])
    err = capsys.readouterr().err
    assert status == 1 and "Sama ilmoitus on jo tiedostossa" in err and "konsertti.md" in err


def test_check_warns_about_a_pair_and_passes(site, capsys):
    site.notice("a.md", notice_text(title="Syyskokous", body=LONG))
    site.notice("b.md", notice_text(title="Syyskokous (korjattu)", body=LONG))
    site.notice("c.md", notice_text(title="Kevätkokous", body="Eri teksti, joka on tarpeeksi pitkä ollakseen "
                                                              "oma ilmoituksensa eikä toisen toisto."))
    assert main(["check", "--content", str(site.content)]) == 0
    err = capsys.readouterr().err
    assert "b.md:1: Varoitus: sama ilmoitus kuin tiedostossa" in err and "a.md" in err
    assert "c.md:1" not in err


@pytest.mark.parametrize("files, summary", [
    (1, "1 tiedosto tarkistettu, ei virheitä."), (2, "2 tiedostoa tarkistettu, ei virheitä."),
])
def test_counts_are_grammatical(site, capsys, files, summary):
    for n in range(files):
        site.notice(f"{n}.md", notice_text(title=f"Ilmoitus {n}"))
    main(["check", "--content", str(site.content)])
    assert capsys.readouterr().err.strip().endswith(summary)


def test_one_problem_is_one_virhe(site, capsys):
    site.notice("a.md", notice_text(title="x" * 121))
    assert main(["check", "--content", str(site.content)]) == 1
    assert capsys.readouterr().err.strip().endswith("1 virhe. Korjaa se ja tarkista uudelleen.")
