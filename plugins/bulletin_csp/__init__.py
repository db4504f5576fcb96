"""Content-Security-Policy for every page, from the BULLETIN_CSP setting.

base.html writes the policy in a <meta> first thing in <head>. A template
that needs more for its own page (the search page runs Pagefind's
WebAssembly) sets `csp_extra` at its top level, e.g.
`{% set csp_extra = {"script-src": ["'wasm-unsafe-eval'"]} %}`; every
other page keeps the strict policy.
"""
from pelican import signals

from .policy import content_security_policy


def add_to_jinja(generator):
    base = generator.settings["BULLETIN_CSP"]
    generator.env.globals["csp"] = lambda extra=None: content_security_policy(base, extra)


def register():
    # generator_init: every generator's environment gets the same helper.
    signals.generator_init.connect(add_to_jinja)
