"""Counts are grammatical everywhere ("1 ilmoitus", "2 ilmoitusta"): every
message with a one-form is used through t.count."""
import re

import pytest

from bulletin_i18n import Translator
from bulletin_i18n.translations import TABLES
from conftest import ROOT, notice_text

COUNTED = ["archive_count", "embed_more", "letter_summary_notices", "letter_summary_spaces",
           "space_persons", "wanted_persons",
           "publish_err_errors_logged", "check_ok", "check_failed", "cli_expected_n"]


@pytest.mark.parametrize("key", COUNTED)
def test_a_count_message_has_its_one_form(key):
    for language in TABLES:
        assert f"{key}_one" in TABLES[language]


def test_messages_with_a_one_form_are_used_through_count():
    keys = [key[:-4] for key in TABLES["fi"] if key.endswith("_one") and key[:-4] in TABLES["fi"]]
    sources = [*ROOT.glob("plugins/bulletin_*/**/*.py"), *ROOT.glob("theme/templates/*.html")]
    for path in sources:
        text = path.read_text(encoding="utf-8")
        for key in keys:
            assert not re.search(rf"""\bt\(\s*["']{key}["']\s*,\s*count=""", text), f"{path}: {key} without t.count"


@pytest.mark.parametrize("count, text", [(1, "1 ilmoitus"), (2, "2 ilmoitusta")])
def test_finnish_counts(count, text):
    assert Translator("fi").count("archive_count", count) == text


def test_the_archive_counts_one_notice_in_the_singular(site):
    site.notice("2026/kokous.md", notice_text(date="2026-10-20", extra='expires: "2026-10-30"'))
    assert site.build() == 0
    assert "(1 ilmoitus)" in site.page("arkisto/").get_text()
