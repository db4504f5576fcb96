"""A list begins right under a line of text, as on GitHub, where submitters
preview their notices; a numbered one only from 1, as there."""
import pytest

from conftest import Site, notice_text

TEXTS = {
    "ohjelma": ("Ohjelma:\n- kahvi\n- arpajaiset\n* tanssi", ["kahvi", "arpajaiset", "tanssi"], None),
    "vaiheet": ("Näin ilmoittaudut:\n1. soita\n2. tule paikalle", None, ["soita", "tule paikalle"]),
    # a year at the start of a line, a minus sign, a code block: no lists
    "vuosi": ("Yhdistys perustettiin\n2026. vuonna Imatralla.\nHinta\n-5 € jäseniltä.\n\n```\nKoodi:\n- ei lista\n```",
              None, None),
    # an item's lazy continuation stays in the item
    "jatko": ("- eka\njatkuu\n- toka", ["eka\njatkuu", "toka"], None),
}


@pytest.fixture(scope="module")
def built(tmp_path_factory):
    site = Site(tmp_path_factory.mktemp("lists"))
    for name, (body, _, _) in TEXTS.items():
        site.notice(f"{name}.md", notice_text(title=name.capitalize(), body=body))
    assert site.check() == 0 and site.build() == 0
    return site


@pytest.mark.parametrize("name", TEXTS)
def test_a_list_right_under_a_line_of_text_is_a_list_on_the_page(built, name):
    _, bullets, numbers = TEXTS[name]
    body = built.page(f"ilmoitukset/{name}/").select_one(".bl-notice__body")
    assert [li.get_text() for li in body.select("ul > li")] == (bullets or [])
    assert [li.get_text() for li in body.select("ol > li")] == (numbers or [])
    if not bullets and not numbers:
        assert "2026. vuonna" in body.get_text() and "-5 €" in body.get_text()
        assert "- ei lista" in body.select_one("pre code").get_text()
