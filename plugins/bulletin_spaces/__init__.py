"""Premises (tilat/): spaces offered, described as facts, filtered and
matched with the notices of spaces wanted."""
from pelican import signals

from bulletin_contract.slots import clock, slot_text

from .generator import SpacesGenerator


def get_generators(pelican):
    return SpacesGenerator


def match(generators):
    next(g for g in generators if isinstance(g, SpacesGenerator)).match()


def add_to_jinja(generator):
    t = generator.env.globals.get("t")
    weekdays = t("weekdays_short") if t else None
    generator.env.filters["slot_text"] = lambda slot: slot_text(slot, weekdays) if weekdays else slot_text(slot)
    generator.env.filters["slot_clock"] = clock
    # `{static}/images/a.jpg` (checked by the contract) to its address `/images/a.jpg`
    generator.env.filters["static_path"] = lambda address: address.split("}", 1)[1]


def register():
    # get_generators: before bulletin_pages (earlier in PLUGINS), so the
    # space pages are written before it tells search to index.
    signals.get_generators.connect(get_generators)
    # all_generators_finalized: bulletin_pages has marked the notices
    # current or expired, nothing is written yet: the notice and
    # association pages can show the matches.
    signals.all_generators_finalized.connect(match)
    # generator_init: every template can show a slot as `ti 17–21`
    # (after bulletin_i18n, earlier in PLUGINS, has added the translator).
    signals.generator_init.connect(add_to_jinja)
