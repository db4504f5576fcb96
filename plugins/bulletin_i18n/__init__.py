"""Interface language: one translation table and Finnish-style date formats.

`register()` adds the translator and date filters to Pelican's Jinja
environment when the generators are created, the first moment the
environment exists.
"""
import copy
import re

from markupsafe import Markup, escape
from pelican import signals

from .dates import DateFormatter
from .languages import NoticeLanguage
from .table_word import TableWord
from .translations import TABLES


# A field in a message, named as the door that shows it names it: `{@event.start}`
# a field of the file by its key path; `{key=example}` the value `example`
# written in the field the value `key` names, `{@event.end="clock"}` as a
# text in quotes, `{key=[short]}` as a list (`{key=[ti, to]}`: these words).
# The forms read messages so too (form-core.js format).
FIELD_IN_MESSAGE = re.compile(r'\{(?:@([\w.]+)|(\w+)(?==))(?:=([\["]?)([^{}\["\]]+)[\]"]?)?\}')


class FileFields:
    """Fields as the file names them: `repeat.until` (an event's keys
    without `event.`), a value written `until: "2027-05-25"`; `form` is ""
    (as it is), '"' (a text in quotes) or "[" (a list)."""

    def name(self, path):
        return path.removeprefix("event.")

    def write(self, field, value, form=""):
        return f"{field}: {value}" if not form else f'{field}: "{value}"' if form == '"' else f"{field}: [{value}]"


class Translator:
    """Looks words up in the table of one language; fails loudly on holes."""

    fields = FileFields()

    def __init__(self, language):
        if language not in TABLES:
            raise ValueError(
                f"BULLETIN_LANGUAGE = {language!r}: expected one of {sorted(TABLES)}"
            )
        self.language = language
        self.table = TABLES[language]
        self.dates = DateFormatter(self.table)

    def __call__(self, name, /, **values):
        text = self.table[name]
        values = {key: value.in_table(self.table) if isinstance(value, TableWord) else value
                  for key, value in values.items()}
        if not values:
            return text  # a word, a list of them: no message with fields
        if "{@" in text or "=" in text:  # a message with fields (the pages' texts, asked for per notice, have none)
            text = FIELD_IN_MESSAGE.sub(lambda match: self._field(match, values), text)
        return text.format(**values)

    def _field(self, match, values):
        path, named, form, value = match.groups()
        field = self.fields.name(path) if path else str(values[named])
        if value is not None:
            field = self.fields.write(field, str(values.get(value, value)), form)
        return field.replace("{", "{{").replace("}", "}}")  # what was written, never a placeholder

    def naming(self, fields):
        """This translator for a door that names fields its own way
        (`fields`: FileFields' name and write): `new`'s options."""
        door = copy.copy(self)
        door.fields = fields
        return door

    def for_people(self):
        """This translator for the doors people type into (the issue
        form, `new`): a message's days and times as the web form writes
        them (DateFormatter.as_written), not as the file holds them."""
        return PeopleTranslator(self.language)

    def count(self, name, count, **values):
        """A text about `count` things in the right grammatical number:
        `<name>_one` for one ("1 virhe"), `<name>` for others ("2 virhettä")."""
        return self(f"{name}_one" if count == 1 else name, count=count, **values)

    def registration_by(self, over):
        """The label of an event's last day to register, on every page, letter,
        sheet and calendar alike: once it is over (Event.signing_up_over)
        "Ilmoittautuminen päättyi", which no longer asks readers to sign up."""
        return self("registration_closed" if over else "registration_deadline")

    def html(self, name, /, **values):
        """The text as markup: values that are markup (a title in its own
        `lang`) kept, the text and other values escaped."""
        return Markup(escape(self.table[name])).format(**values)


class PeopleTranslator(Translator):
    def __call__(self, name, /, **values):
        return super().__call__(name, **{key: self.dates.as_written(value) if isinstance(value, str) else value
                                         for key, value in values.items()})

    def for_people(self):
        return self


def translator_for(settings):
    return Translator(settings.get("BULLETIN_LANGUAGE", "fi"))


def add_to_jinja(generator):
    t = translator_for(generator.settings)
    env = generator.env
    env.globals["t"] = t
    env.filters["short_date"] = t.dates.short_date
    env.filters["weekday_date"] = t.dates.weekday_date
    env.filters["deadline"] = t.dates.deadline
    env.filters["long_date"] = t.dates.long_date
    env.filters["when_short"] = t.dates.when_short
    env.filters["when_long"] = t.dates.when_long
    env.filters["iso"] = t.dates.iso
    env.filters["series_rule_short"] = lambda event: t.dates.rule(event, short=True)
    env.filters["series"] = t.dates.series
    env.filters["series_lines"] = t.dates.series_lines
    env.filters["in_series"] = t.dates.in_series
    # a notice in another language: its title and text say so (lang), and its page's og:locale
    s = generator.settings
    language = NoticeLanguage(s.get("BULLETIN_LANGUAGE", "fi"), t("og_locale"), s.get("BULLETIN_LANGUAGES", {}))
    env.filters["lang_attr"] = language.attribute
    env.filters["other_lang"] = language.other  # the tag alone, or None
    env.filters["lang_span"] = language.span
    env.filters["dir_attr"] = language.direction_attribute
    env.filters["language_name"] = language.name
    env.filters["og_locale"] = language.locale


def register():
    # generator_init: fires once per generator right after its Jinja
    # environment is made, so every template sees the same helpers.
    signals.generator_init.connect(add_to_jinja)
