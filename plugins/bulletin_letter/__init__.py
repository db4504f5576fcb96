"""The weekly letter (viikkokirje): a page per week, their feed, and the
e-mail that `bulletin digest` makes of a week's letter."""
from pelican import signals

from .generator import LetterGenerator


def get_generators(pelican):
    return LetterGenerator


def register():
    # get_generators: runs after bulletin_pages has grouped the notices (its
    # listings and addresses are in the context) and writes to the same output.
    signals.get_generators.connect(get_generators)
