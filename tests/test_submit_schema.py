"""The form's schema and the canonical notice file: one source with `bulletin check`."""
import json

import pytest

from bulletin_cli.cli import main
from bulletin_contract import fields, people_dates
from bulletin_contract.checks import context_for, load_associations
from bulletin_contract.schema import form_schema
from bulletin_contract.validate import read_notice
from bulletin_contract.writer import notice_file, notice_values, quote
from bulletin_i18n import Translator
from bulletin_settings import DEFAULTS, SettingsError, validate, with_defaults
from conftest import ROOT

T = Translator("fi")
SETTINGS = with_defaults({})


def _ctx():
    associations, _ = load_associations(ROOT / "content", context_for(SETTINGS, T))
    return context_for(SETTINGS, T, associations=set(associations)), associations


def test_schema_is_the_field_tables():
    ctx, associations = _ctx()
    schema = form_schema(SETTINGS, T, associations)
    assert schema["fields"]["title"] == {"kind": "text", "required": True, "limit": fields.NOTICE_FIELDS["title"].parse.limit,
                                         "marks": fields.MAX_STACKED_MARKS}
    assert schema["fields"]["summary"]["limit"] == 300
    assert schema["fields"]["event"]["fields"]["location"] == {"kind": "text", "required": True, "limit": 200,
                                                               "marks": fields.MAX_STACKED_MARKS}
    assert schema["fields"]["event"]["fields"]["end"]["kind"] == "end"
    assert schema["fields"]["contact"]["fields"]["email"]["pattern"] == fields.EMAIL.pattern.pattern
    assert schema["patterns"]["day"] == people_dates.DAY.pattern
    assert [c["slug"] for c in schema["categories"]] == list(DEFAULTS["BULLETIN_CATEGORIES"])
    # a retired association takes no new notices: the form does not offer it
    assert {a["slug"] for a in schema["associations"]} == {slug for slug, p in associations.items() if p.active}
    assert not all(p.active for p in associations.values())  # the example has a retired one
    assert all(isinstance(v, str) for v in schema["messages"].values())
    json.dumps(schema)  # plain JSON values only


@pytest.mark.parametrize("title", [
    'Konsertti "Soi": tervetuloa!', "- ei luettelo", "# ei kommentti", "back\\slash \\n", "'yksi'",
    "{a: b}", "[1, 2]", "@mainita", "`koodi`", "Ääkköset € 😀", "yes", "NO", "00100", "18:30", "a #b", "&ankkuri",
])
def test_any_title_survives_the_canonical_file(title):
    ctx, _ = _ctx()
    values = {"title": title, "association": "koskenpallo", "category": "tiedotteet", "date": "2026-11-20",
              "tags": [title[:40]] if any(c.isalnum() for c in title) else []}
    notice = read_notice("x.md", notice_file(values, "Teksti.").encode(), ctx)
    assert notice.title == title
    assert notice.tags == values["tags"]


def test_quote_keeps_line_breaking_characters_escaped():
    assert quote('a"b\\c\nd\u2028e\x85') == '"a\\"b\\\\c\\nd\\u2028e\\u0085"'


def test_every_example_notice_round_trips_through_the_writer(tmp_path):
    ctx, _ = _ctx()
    for path in sorted((ROOT / "content" / "notices").rglob("*.md")):
        notice = read_notice(path, path.read_bytes(), ctx)
        again = read_notice(path, notice_file(notice_values(notice), notice.body).encode(), ctx)
        for name in ("title", "association", "category", "date", "summary", "tags", "expires", "event",
                     "contact", "lang", "partners", "hire", "series", "materials"):
            assert getattr(again, name) == getattr(notice, name), (path, name)


def test_writer_refuses_keys_outside_the_contract():
    with pytest.raises(ValueError, match="save_as"):
        notice_file({"title": "x", "save_as": "index.html"}, "x")


@pytest.mark.parametrize("key, value", [
    ("BULLETIN_REPOSITORY", "not a repository"),
    ("BULLETIN_CONTACT_EMAIL", "toimitus(at)example.org"),
    ("BULLETIN_CNAME", "https://example.org/"),
    ("BULLETIN_REPOSITORY_BRANCH", "main branch"),
])
def test_bad_submission_settings_are_refused(key, value):
    with pytest.raises(SettingsError, match=key):
        validate(with_defaults({key: value}))


def test_form_page_is_built_with_the_schema_and_linked_everywhere(example_site):
    from bs4 import BeautifulSoup

    page = BeautifulSoup((example_site / "laheta" / "index.html").read_text(encoding="utf-8"), "html.parser")
    form = page.find("form", attrs={"data-submit-form": True})
    schema = json.loads(form["data-schema"])
    assert schema["repository"] == "imatra-jarjestot/ilmoitukset"
    assert schema["contactEmail"] == "toimitus@example.org"
    assert "koskenpallo" in {a["slug"] for a in schema["associations"]}
    assert form.has_attr("hidden") and not form.has_attr("action")  # shown by the script; sends nowhere
    # no inline script or style: a strict Content-Security-Policy can apply
    assert all(script.get("src") for script in page.find_all("script"))
    assert not page.find_all("style") and not page.select("[style]")
    assert page.find("script", src="/theme/js/submit.js").has_attr("defer")
    # deferred scripts run in order: the checker and the forms' shared core before the form's own
    scripts = [script["src"] for script in page.find_all("script") if script.has_attr("defer")]
    assert scripts.index("/theme/js/contract.js") < scripts.index("/theme/js/submit.js")
    assert scripts.index("/theme/js/form-core.js") < scripts.index("/theme/js/submit.js")
    front = BeautifulSoup((example_site / "index.html").read_text(encoding="utf-8"), "html.parser")
    assert front.find("a", href="/laheta/").get_text() == "Lähetä ilmoitus"
    assert "/laheta/</loc>" in (example_site / "sitemap.xml").read_text(encoding="utf-8")
    # every label is tied to its control
    for label in form.find_all("label"):
        assert form.find(id=label["for"]) is not None, label


def test_form_page_without_repository_or_address_leaves_those_ways_out(site, tmp_path):
    conf = tmp_path / "conf.py"
    conf.write_text(f"exec(open({str(ROOT / 'pelicanconf.py')!r}).read())\n"
                    f"THEME = {str(ROOT / 'theme')!r}\nPLUGIN_PATHS = [{str(ROOT / 'plugins')!r}]\n"
                    "BULLETIN_REPOSITORY = None\nBULLETIN_CONTACT_EMAIL = None\n")
    assert main(["-s", str(conf), "build", "--content", str(site.content), "--output", str(site.output),
                 "--today", "2026-12-01"]) == 0
    page = site.page("laheta/")
    assert page.select("[data-send-github]") == [] and page.select("[data-send-mail]") == []
    assert page.select("[data-send-download]") and page.select("[data-send-copy]")


def test_exported_patterns_keep_classes_and_name_groups_as_javascript_does():
    from bulletin_contract.rules_export import js_pattern
    import re
    assert js_pattern(re.compile(r"[*+-]a*+b++(?P<x>c?+)(?P=x)", re.I | re.M)) == {
        "source": r"[*+-]a*b+(?<x>c?)\k<x>", "flags": "im"}
    schema = form_schema(SETTINGS, T, {})
    assert schema["markdown"]["limits"]["chars"] == 20_000
    assert set(schema["messages"]) >= {"err_body_html", "err_body_scheme", "err_too_long", "err_event_past"}
