"""Print: QR codes (segno, inline SVG, no script) that lead from paper to
the page, for the large-print sheet, a notice's own print and its poster."""
from pelican import signals

from .qr import qr_code


def add_to_jinja(generator):
    generator.env.globals["qr_code"] = qr_code


def register():
    # generator_init: notice pages (Pelican's generator) and the sheet
    # (bulletin_pages) are both drawn with QR codes.
    signals.generator_init.connect(add_to_jinja)
