"""The command line speaks the site's language: help, argparse's own texts
and usage errors (exit status 2), from the translation tables."""
import argparse
import re

import pytest

from bulletin_cli.cli import main
from bulletin_cli.usage import TEXTS
from bulletin_i18n.translations import TABLES
from conftest import ROOT

PLACEHOLDER = r"%(?:\(\w+\))?[sr]"
COMMANDS = ["check", "build", "serve", "from-issue", "add", "new", "publish", "digest", "issue-form"]


@pytest.fixture
def english(tmp_path):
    settings = tmp_path / "english.py"
    settings.write_text(f"exec(open({str(ROOT / 'pelicanconf.py')!r}).read())\n"
                        f"PLUGIN_PATHS = [{str(ROOT / 'plugins')!r}]\nBULLETIN_LANGUAGE = 'en'\n")
    return ["-s", str(settings)]


def run(argv, capsys):
    with pytest.raises(SystemExit) as stop:
        main(argv)
    out, err = capsys.readouterr()
    return stop.value.code, out + err


@pytest.mark.parametrize("command", [[]] + [[c] for c in COMMANDS])
def test_help_is_finnish(command, capsys):
    status, text = run([*command, "--help"], capsys)
    assert status == 0
    assert text.startswith("käyttö: bulletin")
    assert "valitsimet:" in text and "näytä tämä ohje ja lopeta" in text
    for english in ("usage:", "options:", "show this help", "positional arguments", "default:"):
        assert english not in text


def test_help_names_every_command_in_finnish(capsys):
    _status, text = run(["--help"], capsys)
    assert "argumentit:" in text and "KOMENTO" in text
    assert "tarkista ilmoitukset ja yhdistykset" in text and "rakenna sivusto" in text


def test_new_help_uses_the_forms_labels(capsys):
    _status, text = run(["new", "--help"], capsys)
    assert "Otsikko" in text and "Ilmoituksen teksti" in text


@pytest.mark.parametrize("argv, finnish, english", [
    (["check", "--bogus"], "tuntemattomia argumentteja: --bogus", "unrecognized arguments: --bogus"),
    (["add"], "nämä argumentit puuttuvat: file", "the following arguments are required: file"),
    (["check", "--format", "xml"], "valinta 'xml' ei kelpaa (valitse jokin näistä: 'text', 'github')",
     "invalid choice: 'xml' (choose from 'text', 'github')"),
    (["frob"], "valinta 'frob' ei kelpaa", "invalid choice: 'frob'"),
    (["new", "--title"], "argumentti --title: tarvitsee yhden arvon", "argument --title: expected one argument"),
    ([], "nämä argumentit puuttuvat: KOMENTO", "the following arguments are required: COMMAND"),
])
def test_usage_errors_in_finnish_by_default(argv, finnish, english, capsys):
    status, text = run(argv, capsys)
    assert status == 2
    assert "käyttö: bulletin" in text and ": virhe: " in text and finnish in text
    assert english not in text


@pytest.mark.parametrize("argv, message", [
    (["check", "--bogus"], "unrecognized arguments: --bogus"),
    (["add"], "the following arguments are required: file"),
    (["check", "--format", "xml"], "invalid choice: 'xml' (choose from 'text', 'github')"),
    (["new", "--title"], "argument --title: expected one argument"),
])
def test_usage_errors_in_english_when_the_site_is(argv, message, english, capsys):
    status, text = run([*english, *argv], capsys)
    assert status == 2
    assert "usage: bulletin" in text and ": error: " in text and message in text


def test_help_in_english_when_the_site_is(english, capsys):
    status, text = run([*english, "check", "--help"], capsys)
    assert status == 0
    assert text.startswith("usage: bulletin check")
    assert "options:" in text and "show this help message and exit" in text
    assert "check notices and associations" in text


def test_argparse_is_itself_again_after_a_command(capsys):
    run(["--help"], capsys)
    assert argparse._("options") == "options"


def test_every_argparse_text_is_translated_with_its_placeholders():
    for text, key in TEXTS.items():
        assert TABLES["en"][key] == text
        assert sorted(re.findall(PLACEHOLDER, TABLES["fi"][key])) == sorted(re.findall(PLACEHOLDER, text)), key
