"""Embeds for associations' own sites: a small page per association and per
category (`.../upotus/`) listing its current notices and next events, made
for an <iframe>: no script, nothing from another origin."""
from pelican import signals

from .generator import EmbedGenerator, embed_url


def add_to_jinja(generator):
    generator.env.globals["embed_url"] = embed_url


def get_generators(pelican):
    return EmbedGenerator


def register():
    # get_generators: runs after bulletin_pages, whose grouping of current
    # notices by association and category the embeds list.
    signals.get_generators.connect(get_generators)
    # generator_init: the association page shows its embed's snippet.
    signals.generator_init.connect(add_to_jinja)
