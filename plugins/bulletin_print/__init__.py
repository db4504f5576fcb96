"""Print: QR codes (segno, inline SVG, no script) that lead from paper to
the page, for the large-print sheet, a notice's own print, and an A4
poster per upcoming event."""
from pelican import signals

from .fit import poster_fit
from .generator import POSTERS, PosterGenerator
from .qr import qr_code


def add_to_jinja(generator):
    generator.env.globals["qr_code"] = qr_code
    generator.env.globals["poster_fit"] = poster_fit
    generator.env.globals["poster_url"] = lambda article: POSTERS.format(slug=article.slug)


def get_generators(pelican):
    return PosterGenerator


def register():
    # get_generators: runs after bulletin_pages, which says which events are upcoming.
    signals.get_generators.connect(get_generators)
    # generator_init: notice pages (Pelican's generator) and the sheet
    # (bulletin_pages) are both drawn with QR codes.
    signals.generator_init.connect(add_to_jinja)
