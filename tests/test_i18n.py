"""Interface language: complete tables and Finnish date conventions."""
from datetime import date, datetime

import pytest

from bulletin_contract.fields import HELSINKI
from bulletin_contract.model import Event, Occurrence
from bulletin_i18n import Translator
from bulletin_i18n.translations import TABLES

FI = Translator("fi")


def test_every_language_has_every_key():
    keys = {name: set(table) for name, table in TABLES.items()}
    assert keys["fi"] == keys["en"]
    for table in TABLES.values():
        for key in ("weekdays_short", "weekdays_essive"):
            assert len(table[key]) == 7
        for key in ("months", "months_genitive", "months_partitive"):
            assert len(table[key]) == 12


def test_placeholders_match_between_languages():
    import string

    def fields(text):
        return {f for _, f, _, _ in string.Formatter().parse(text) if f} if isinstance(text, str) else set()

    for key, text in TABLES["fi"].items():
        assert fields(text) == fields(TABLES["en"][key]), key


def test_unknown_language_is_refused():
    with pytest.raises(ValueError, match="expected one of"):
        Translator("xx")


def at(*args):
    return datetime(*args, tzinfo=HELSINKI)


@pytest.mark.parametrize("method, value, expected", [
    ("short_date", date(2023, 12, 5), "5.12.2023"),
    ("weekday_date", at(2023, 12, 5, 18, 0), "ti 5.12.2023 klo 18.00"),
    ("weekday_date", date(2023, 12, 5), "ti 5.12.2023"),
    ("long_date", at(2023, 12, 5, 18, 0), "tiistaina 5. joulukuuta 2023 klo 18.00"),
    ("long_date", at(2024, 3, 1, 9, 5), "perjantaina 1. maaliskuuta 2024 klo 9.05"),
])
def test_finnish_dates(method, value, expected):
    assert getattr(FI.dates, method)(value) == expected


@pytest.mark.parametrize("start, end, expected", [
    (at(2023, 12, 5, 13, 0), at(2023, 12, 5, 15, 0), "ti 5.12.2023 klo 13.00–15.00"),
    (at(2023, 12, 5, 13, 0), None, "ti 5.12.2023 klo 13.00"),
    (date(2023, 12, 5), date(2023, 12, 7), "ti 5.12.2023 – to 7.12.2023"),
    (date(2023, 12, 5), date(2023, 12, 5), "ti 5.12.2023"),
    (at(2023, 12, 5, 10, 0), at(2023, 12, 6, 16, 0), "ti 5.12.2023 klo 10.00 – ke 6.12.2023 klo 16.00"),
    # an end at midnight is the end of the evening, not a time of the next day
    (at(2026, 12, 5, 20, 0), at(2026, 12, 6, 0, 0), "la 5.12.2026 klo 20.00–24.00"),
    (at(2026, 12, 5, 20, 0), at(2026, 12, 7, 0, 0), "la 5.12.2026 klo 20.00 – su 6.12.2026 klo 24.00"),
])
def test_ranges_use_an_en_dash(start, end, expected):
    assert FI.dates.when_short(Event(start=start, end=end, location="x")) == expected


@pytest.mark.parametrize("start, end, expected", [
    (at(2027, 1, 1, 10, 0), at(2027, 1, 1, 11, 30), "klo 10.00–11.30"),
    (at(2027, 1, 1, 20, 0), at(2027, 1, 2, 0, 0), "klo 20.00–24.00"),
    (at(2027, 1, 1, 22, 0), at(2027, 1, 2, 1, 0), "klo 22.00–1.00"),  # a night
    # later than the next morning, or on a later day: the end's weekday is said
    (at(2027, 1, 1, 12, 0), at(2027, 1, 2, 18, 0), "klo 12.00 – la klo 18.00"),
    (at(2027, 1, 1, 18, 0), at(2027, 1, 3, 0, 0), "klo 18.00 – la klo 24.00"),
    (at(2027, 1, 1, 18, 0), at(2027, 1, 3, 2, 0), "klo 18.00 – su klo 2.00"),
])
def test_a_series_clock_range_says_a_later_days_end_by_its_weekday(start, end, expected):
    assert FI.dates.clock_range(Occurrence(start, end)) == expected


def test_no_key_is_written_twice_in_a_table():
    # A dict literal keeps the last of two equal keys without a word: two
    # capabilities naming a text alike would show one of them the other's text.
    import ast
    from pathlib import Path

    import bulletin_i18n.translations as module

    tree = ast.parse(Path(module.__file__).read_text(encoding="utf-8"))
    twice = []
    for node in tree.body:
        if isinstance(node, ast.Assign) and isinstance(node.value, ast.Dict):
            keys = [k.value for k in node.value.keys if isinstance(k, ast.Constant)]
            twice += [(node.targets[0].id, k) for k in set(keys) if keys.count(k) > 1]
    assert twice == []
