"""RSS 2.0 and Atom feeds of current notices (feedgen): all, per category and
per association. Pelican's own feeds are off in the settings, so these are
the only ones. Also tells the templates where every feed and calendar is."""
from pelican import signals

from bulletin_i18n import translator_for

from .addresses import Subscriptions
from .generator import FeedsGenerator


def get_generators(pelican):
    return FeedsGenerator


def add_to_jinja(generator):
    generator.env.globals["subscriptions"] = Subscriptions(generator.settings, translator_for(generator.settings))


def register():
    # get_generators: runs after bulletin_pages has grouped the notices into
    # current and expired, and writes with the same output folder.
    signals.get_generators.connect(get_generators)
    # generator_init: every template (notice pages included) can link to the
    # feeds and calendars that concern it.
    signals.generator_init.connect(add_to_jinja)
