"""Networking: what associations offer and need, matched by the site's Finnish
lemmas (yhteistyo/), joint-hiring proposals (yhteistyo/yhteispalkkaus/), series
of notices such as the association evenings (sarjat/<slug>/), and the
association profile form (yhdistyksen-tiedot/)."""
from pelican import signals

from .generator import NetworkGenerator


def get_generators(pelican):
    return NetworkGenerator


def start_matching(generators):
    next(g for g in generators if isinstance(g, NetworkGenerator)).start_matching()


def register():
    # get_generators: after bulletin_pages (plugin order), so the notices are
    # grouped (current, expired) when the offers, needs and series are, and
    # the association pages, written later, show what this adds to them.
    signals.get_generators.connect(get_generators)
    # all_generators_finalized: the content is checked (bulletin_contract
    # refuses a build on this signal, before us) and nothing is written yet:
    # the needs are matched in a second process while the pages are.
    signals.all_generators_finalized.connect(start_matching)
