"""Networking: what associations offer and need, matched by the site's Finnish
lemmas (yhteistyo/), joint-hiring proposals (yhteistyo/yhteispalkkaus/), series
of notices such as the association evenings (sarjat/<slug>/), and the
association profile form (yhdistyksen-tiedot/)."""
from pelican import signals

from .generator import NetworkGenerator


def get_generators(pelican):
    return NetworkGenerator


def register():
    # get_generators: after bulletin_pages (plugin order), so the notices are
    # grouped (current, expired) when the offers, needs and series are, and
    # the association pages, written later, show what this adds to them.
    signals.get_generators.connect(get_generators)
