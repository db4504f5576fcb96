"""Headings in notice and page bodies go under the page's h1 without gaps."""
import re

import pytest

from bulletin_contract.render import Renderer


@pytest.mark.parametrize("markdown, levels", [
    ("## A\n\n### B", ["h2", "h3"]),  # the usual way: ## under the title
    ("# A\n\n## B", ["h2", "h3"]),  # a writer who began with #
    ("### A\n\n### B", ["h2", "h2"]),
    ("## A\n\n#### B\n\n### C\n\n# D\n\n###### E", ["h2", "h3", "h3", "h2", "h3"]),
    ("Teksti </h2> ja ## ei otsikko", []),
    # hashtags at a line's start: no space after the marks, no heading (CommonMark, GitHub's preview)
    ("Tervetuloa!\n#kesäleiri #kipinä\n\n#Ohjelma\n\n#\tA\n\n##", ["h2", "h3"]),
])
def test_body_headings_start_at_h2_and_skip_no_level(markdown, levels):
    html = Renderer()(markdown)
    assert re.findall(r"<(h\d)>", html) == levels
    assert re.findall(r"</(h\d)>", html) == levels
