"""The command line in the site's language: the commands' help and
argparse's own texts (usage, options, its usage errors) come from the
translation tables, by the site's `BULLETIN_LANGUAGE`.

argparse looks its texts up with `_` and `ngettext` of its own module (gettext
hooks), some when a parser is made ("options") and the rest when it parses
or prints help; `argparse_in` swaps them for that time only, so one process
can run commands of sites in different languages."""
import argparse
import contextlib

from pelican.settings import load_source

from bulletin_i18n.translations import TABLES

from .project import project_root

# argparse's message ids (Python 3.11) -> our keys
TEXTS = {
    "usage: ": "cli_usage",
    "positional arguments": "cli_positionals",
    "options": "cli_options",
    "show this help message and exit": "cli_help",
    "%(prog)s: error: %(message)s\n": "cli_error",
    "argument %(argument_name)s: %(message)s": "cli_argument",
    "unrecognized arguments: %s": "cli_unrecognized",
    "the following arguments are required: %s": "cli_required",
    "invalid choice: %(value)r (choose from %(choices)s)": "cli_invalid_choice",
    "expected one argument": "cli_expected_one",
    "expected at most one argument": "cli_expected_at_most_one",
    "expected at least one argument": "cli_expected_at_least_one",
    "invalid %(type)s value: %(value)r": "cli_invalid_value",
    "ambiguous option: %(option)s could match %(matches)s": "cli_ambiguous",
    "not allowed with argument %s": "cli_not_allowed_with",
    "one of the arguments %s is required": "cli_one_required",
    "ignored explicit argument %r": "cli_ignored_value",
    "unknown parser %(parser_name)r (choices: %(choices)s)": "cli_unknown_command",
    "can't open '%(filename)s': %(error)s": "cli_cannot_open",
    "unexpected option string: %s": "cli_unexpected_option",
}
PLURAL_TEXTS = {"expected %s argument": "cli_expected_n"}


def language(argv):
    """The `BULLETIN_LANGUAGE` of the settings file the command names (-s),
    or of pelicanconf.py; Finnish when it cannot be read (the command then
    says why in its own words)."""
    pre = argparse.ArgumentParser(add_help=False)
    pre.add_argument("-s", "--settings", default="pelicanconf.py")
    known, _rest = pre.parse_known_args(argv)
    try:
        # the file alone, as Python: its PATH and the rest are checked when the command runs
        chosen = getattr(load_source("bulletin_cli_settings", str(project_root() / known.settings)),
                         "BULLETIN_LANGUAGE", "fi")
    except Exception:  # a broken settings file is reported when the command loads it
        return "fi"
    return chosen if chosen in TABLES else "fi"


@contextlib.contextmanager
def argparse_in(t):
    """argparse speaks the translator's language inside the block."""
    saved = argparse._, argparse.ngettext
    argparse._ = lambda text: t(TEXTS[text]) if text in TEXTS else text
    argparse.ngettext = lambda one, many, n: (
        t.count(PLURAL_TEXTS[one], n) if one in PLURAL_TEXTS else (one if n == 1 else many))
    try:
        yield
    finally:
        argparse._, argparse.ngettext = saved
