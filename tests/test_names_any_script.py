"""Names in any script make readable addresses: one slug function for
notices, associations and tags; a name without letters is refused in Finnish."""
from pathlib import Path

import pytest

from bulletin_cli.cli import main
from bulletin_contract.slugs import slugify
from test_editor_commands import issue_body

pytestmark = pytest.mark.usefixtures("example_today")


@pytest.mark.parametrize("name, slug", [
    ("Субботник в парке", "subbotnik-v-parke"),
    ("Русский клуб Иматры", "russkii-klub-imatry"),
    ("Ελληνικός σύλλογος", "ellenikos-sullogos"),
    ("Kevään konsertti", "kevaan-konsertti"),
    ("Straße-Fest", "strasse-fest"),
    ("Kahvila €", "kahvila"),  # a symbol is not a word ("EUR")
    ("!!! €€€ …", ""),
])
def test_slugs_transliterate_letters_of_any_script(name, slug):
    assert slugify(name) == slug


def test_a_cyrillic_title_and_association_from_an_issue(site, tmp_path, capsys):
    body = issue_body(**{"Otsikko": "Субботник в парке", "Yhdistys": "Русский клуб Иматры",
                         "Julkaisupäivä": "5.12.2026", "Ilmoituksen teksti": "Приходите все!"})
    status, paths, err, comment = site.from_issue(body, capsys)
    assert status == 0, err
    assert paths[0].endswith("notices/2026/2026-12-05-subbotnik-v-parke.md")
    assert paths[1].endswith("associations/russkii-klub-imatry.yml")
    assert Path(paths[1]).read_text(encoding="utf-8") == 'name: "Русский клуб Иматры"\n'
    assert 'association: "russkii-klub-imatry"' in Path(paths[0]).read_text(encoding="utf-8")
    assert site.check() == 0


def test_a_cyrillic_title_from_new(site, capsys):
    status = main(["new", "--content", str(site.content), "--title", "Субботник в парке", "--association",
                   "testikyla", "--category", "tiedotteet", "--date", "5.12.2026", "--body", "Приходите!"])
    out, err = capsys.readouterr()
    assert status == 0, err
    assert out.strip().endswith("notices/2026/2026-12-05-subbotnik-v-parke.md")


def test_a_name_without_letters_is_refused_in_finnish(site, tmp_path, capsys):
    status, paths, err, comment = site.from_issue(issue_body(**{"Yhdistys": "!!! ???"}), capsys)
    assert status == 1 and paths == []
    assert "Nimessä !!! ??? ei ole yhtään kirjainta" in comment
    assert sorted(p.name for p in (site.content / "associations").iterdir()) == ["testikyla.yml"]


def test_a_cyrillic_tag_is_a_word(site):
    site.notice("2026/2026-11-20-klub.md", (
        '---\ntitle: "Клуб"\nassociation: testikyla\ncategory: tiedotteet\ndate: "2026-11-20"\n'
        'tags: ["шахматы"]\n---\nТекст.\n'))
    assert site.check() == 0
