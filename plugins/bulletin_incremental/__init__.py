"""Rebuild only what changed: notice pages whose inputs are the same as in
the previous build are taken from it instead of being rendered again.

`bulletin build` writes each build into a fresh folder and swaps it in when
the build succeeds. Writing and deleting thousands of unchanged notice pages
was most of a rebuild's time, so an unchanged page's folder is moved from
the previous output into the new one (see reuse.py for when a page counts as
unchanged, and how a failed build puts the moved pages back).
"""
from pelican import signals

from .reuse import REUSE, ReusingWriter

__all__ = ["REUSE", "register"]


def get_writer(pelican):
    return ReusingWriter


def register():
    # get_writer: the one place where Pelican lets a plugin decide how each
    # page is written.
    signals.get_writer.connect(get_writer)
