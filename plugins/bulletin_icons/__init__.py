"""The site's icons and web app manifest: favicon.ico at the root (browsers
ask for it on every visit), an SVG icon, PNG icons for phones' home screens,
and manifest.webmanifest."""
from pelican import signals

from .generator import ICONS, IconGenerator


def add_to_jinja(generator):
    generator.env.globals["site_icons"] = ICONS


def get_generators(pelican):
    return IconGenerator


def register():
    # get_generators: writes its files into the same output as the pages.
    signals.get_generators.connect(get_generators)
    # generator_init: base.html links the icons and the manifest on every page.
    signals.generator_init.connect(add_to_jinja)
