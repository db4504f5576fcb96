"""Front matter and file names cannot steer the build: Pelican's own keys are
refused, and a notice is written to ilmoitukset/<slug>/ and nowhere else."""
import re

import pytest
from pelican.readers import METADATA_PROCESSORS

from bulletin_contract.fields import NOTICE_FIELDS, RESERVED_KEYS
from conftest import notice_text

PELICAN_KEYS = sorted((RESERVED_KEYS | set(METADATA_PROCESSORS)) - set(NOTICE_FIELDS))
SLUG = re.compile(r"^[a-z0-9]+(-[a-z0-9]+)*$")


@pytest.mark.parametrize("key", PELICAN_KEYS)
def test_pelican_keys_are_refused_on_their_line(site, capsys, key):
    path = site.notice("x.md", notice_text(extra=f"{key}: ../../index"))
    assert site.check(path) == 1
    out = capsys.readouterr().out
    assert f"{path}:6: " in out and ("sivuston oma" in out or "Tuntematon avain" in out)


@pytest.mark.parametrize("extra", ["save_as: index.html", "url: ../../", "template: 404", "status: hidden",
                                   "slug: ../../theme/css/bulletin", "path: ../../pelicanconf.py"])
def test_a_refused_notice_writes_nothing(site, extra):
    site.notice("ohjaus.md", notice_text("Ohjaaja", extra=extra))
    assert site.build() == 1
    assert not site.output.exists()


@pytest.mark.parametrize("name, slug", [
    ("Kevään Konsertti.md", "kevaan-konsertti"),
    ("%2e%2e%2fkuvat.md", "2e-2e-2fkuvat"),
    ("x..%2F..%2Findex.md", "x-2f-2findex"),
    ("index.html.md", "index-html"),
    ("a b\tc.md", "a-b-c"),
    ("ÅÄÖ_åäö—.md", "aao-aao"),
    ("syvä/kansio/rakenne/ilmoitus.md", "ilmoitus"),
])
def test_file_names_make_addresses_under_ilmoitukset(site, name, slug):
    path = site.content / "notices" / name
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(notice_text("Nimitesti"), encoding="utf-8")
    assert site.build() == 0
    written = [p.relative_to(site.output).as_posix() for p in site.output.glob("ilmoitukset/*/index.html")]
    assert written == [f"ilmoitukset/{slug}/index.html"] and SLUG.match(slug)


def test_file_names_without_letters_or_with_a_dot_are_refused(site, capsys):
    site.notice("---.md", notice_text())
    site.notice(".piilossa.md", notice_text())
    assert site.check() == 1
    out = capsys.readouterr().out
    assert "---.md:1: Tiedoston nimestä ei saa osoitetta" in out
    assert ".piilossa.md:1: Tiedostoa ei julkaista" in out


def test_page_file_names_are_made_into_addresses(site):
    (site.content / "pages" / "Yhteystiedot Ja Kartta.md").write_text("---\ntitle: Yhteystiedot\n---\nTeksti.\n")
    assert site.build() == 0
    assert (site.output / "yhteystiedot-ja-kartta" / "index.html").is_file()


@pytest.mark.parametrize("where", ["notices/salainen.md", "notices/kansio", "associations/vieras.yml"])
def test_symbolic_links_are_refused(site, tmp_path, capsys, where):
    secret = tmp_path / "secret"
    secret.mkdir()
    (secret / "salainen.md").write_text(notice_text("Salaisuus"), encoding="utf-8")
    target = secret if where.endswith("kansio") else secret / "salainen.md"
    (site.content / where).symlink_to(target)
    site.notice("ok.md", notice_text())
    assert site.check() == 1
    assert f"{where}:1: Symbolinen linkki" in capsys.readouterr().out
    assert site.build() == 1
    assert "Symbolinen linkki" in capsys.readouterr().err
    assert not site.output.exists()


SVG = b'<svg xmlns="http://www.w3.org/2000/svg" onload="window.__pwned=1"></svg>'


@pytest.mark.parametrize("body, line", [
    ("[kuva]({static}/muut/kuva.svg)", 8),
    ("[sivu]({attach}/muut/sivu.html)", 8),
    ("Teksti.\n\n![k][v]\n\n[v]: |static|/muut/kuva.svg", 12),
])
def test_static_addresses_lead_only_to_the_images(site, capsys, body, line):
    # Pelican publishes as it is any file a {static} or {attach} address
    # names: an SVG or HTML page beside the notices would run on the site.
    (site.content / "muut").mkdir()
    (site.content / "muut" / "kuva.svg").write_bytes(SVG)
    (site.content / "muut" / "sivu.html").write_bytes(b"<script>window.__pwned=1</script>")
    path = site.notice("x.md", notice_text(body=body))
    assert site.check() == 1
    out = capsys.readouterr().out
    assert f"{path}:{line}: " in out and "{static} voi viitata vain sivuston kuviin" in out
    assert "muut/kuva.svg:1: Tiedostoa ei julkaista, koska se ei ole missään sisältökansiossa" in out
    assert site.build() == 1
    assert not site.output.exists()


def test_a_file_named_inside_an_image_text_is_not_published(site, capsys, monkeypatch):
    # Pelican finds {attach} in any quoted attribute value, the alt text too;
    # with the Markdown checks taken out the build still publishes nothing
    # outside the images folder.
    monkeypatch.setattr("bulletin_contract.validate.check_markdown", lambda *a, **k: [])
    monkeypatch.setattr("bulletin_contract.checks.stray_files", lambda *a: [])
    monkeypatch.setattr("bulletin_contract.stray_files", lambda *a: [])
    (site.content / "muut").mkdir()
    (site.content / "muut" / "sivu.html").write_bytes(b"<script>window.__pwned=1</script>")
    site.notice("x.md", notice_text(body="![src='{attach}/muut/sivu.html'](/images/a.png)"))
    assert site.build() == 1
    assert "muut/sivu.html:1: Tiedostoa ei julkaista: ilmoitus viittaa siihen" in capsys.readouterr().err
    assert not site.output.exists()


def test_a_missing_image_is_named(site, capsys):
    (site.content / "images").mkdir()
    (site.content / "images" / "on.png").write_bytes(b"\x89PNG\r\n\x1a\n")
    path = site.notice("x.md", notice_text(body="![on]({static}/images/on.png) ![ei]({static}/images/ei.png)"))
    assert site.check() == 1
    out = capsys.readouterr().out
    assert out.count("\n") == 1 and f"{path}:8: Kuvaa {{static}}/images/ei.png ei löydy" in out
    assert site.build() == 1


@pytest.mark.parametrize("written, fixed", [
    ("/images/on.png", "{static}/images/on.png"),  # breaks when the site lives under a sub-path
    ("images/on.png", "{static}/images/on.png"),  # read under the notice's own address
    ("../../images/on.png?v=2", "{static}/images/on.png"),
])
def test_a_local_image_is_written_the_way_that_shows_everywhere(site, capsys, written, fixed):
    (site.content / "images").mkdir()
    (site.content / "images" / "on.png").write_bytes(b"\x89PNG\r\n\x1a\n")
    path = site.notice("x.md", notice_text(body=f"Kuva:\n\n![Kerhon logo]({written})"))
    assert site.check() == 1
    out = capsys.readouterr().out
    assert f"{path}:10: Kuva {written} ei näy julkaistulla sivustolla" in out and f"![kuvaus]({fixed})" in out
    path.write_text(notice_text(body=f"Kuva:\n\n![Kerhon logo]({fixed})"), encoding="utf-8")
    assert site.build() == 0
