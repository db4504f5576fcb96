"""Limits: no content file can make the build take much longer or much more
memory than its size justifies. Inputs past a limit are refused quickly;
inputs within the limits, however pathological, render in time and memory
close to ordinary text of the same size (measured here, in the same test)."""
import time
import tracemalloc
from pathlib import Path

import pytest

from bulletin_contract.body_checks import (MAX_BLOCK_LINES, MAX_BODY_CHARS, MAX_DEFINITION_MARKS, MAX_MARKUP,
                                          MAX_TAG_OPENINGS, check_markdown)
from bulletin_contract.frontmatter import MAX_FILE_BYTES, MAX_FRONT_MATTER_CHARS
from bulletin_contract.problems import ContentError
from bulletin_contract.render import Renderer
from bulletin_contract.validate import Context, read_notice
from bulletin_i18n import Translator
from bulletin_settings import DEFAULTS
from conftest import ROOT, notice_text

T = Translator("fi")
CTX = Context(t=T, categories=DEFAULTS["BULLETIN_CATEGORIES"], groups=DEFAULTS["BULLETIN_GROUPS"],
              associations={"testikyla"})
N = MAX_BODY_CHARS
# Generous: a shared, loaded machine, and text dense with markup makes many
# more elements than prose (linear, but each costs). Before the limits and
# the fixes in render.py, the worst of these took 2 s to many minutes.
TIME_FACTOR, TIME_SLACK = 40, 0.5
MEMORY_FACTOR, MEMORY_SLACK = 10, 5_000_000


def prose(size=N):
    """Ordinary notice text: the example notices' bodies, repeated."""
    bodies = [p.read_text(encoding="utf-8").split("---\n", 2)[2] for p in sorted(ROOT.glob("content/notices/*/*.md"))]
    text = "\n\n".join(bodies)
    return (text * (size // len(text) + 1))[:size].rsplit("\n", 1)[0]


def item_lines(make, size=N):
    lines, total, index = [], 0, 0
    while total + len(make(index)) < size:
        lines.append(make(index))
        total += len(lines[-1])
        index += 1
    return "".join(lines)


PATHOLOGICAL = {
    "quotes": ">" * N,
    "quotes_spaced": "> " * (N // 2),
    "lists_on_one_line": "1. " * (N // 3),
    "lists_by_indent": item_lines(lambda i: "  " * (i % 400) + "- x\n"),
    "brackets": "[" * N,
    "image_brackets": "![" * (N // 2),
    "unclosed_links": "[a](" * (N // 4),
    "reference_uses": "[a][" * (N // 4),
    "emphasis": "*a **a " * (N // 7),
    "emphasis_mixed": "*_" * (N // 2),
    # a `*` that the "**" on top of it may not close (the rule of 3) looks under it
    "emphasis_passed_by": "*a" + "**a" * (N // 3 - 1) + "*a",
    "underscores": "_a __a " * (N // 7),
    "backticks": "`a``" * (N // 4),
    "backtick_runs": "".join("`" * k + "a" for k in range(1, 200)),
    "autolinks": "<http://a" * (N // 9),
    "angles": "<" * N,
    # an attribute list's pattern looks from each { to the line's end for a } or an onclick=
    "braces": "{" * N,
    "attribute_list_openings": "{: " * (N // 3),
    "setext_headings": "a\n-\n" * (N // 4),
    "lone_bullets_under_items": "- a\n-\n• a\n–\n" * (N // 16),
    "headings": "# a\n" * (N // 4),
    "rules": "- - -\n" * (N // 6),
    "long_table": "| a | b |\n|---|---|\n" + "| x | y |\n" * (N // 10),
    "wide_table": "|a" * (N // 4) + "\n" + "|-" * (N // 4),
    "entities": "&#106;" * (N // 6),
    "one_long_line": "a" * N,
    "many_links": "[a](https://b.fi) " * (N // 18),
    # as bad as the limits allow: the most brackets in the most paragraphs
    "brackets_at_limit": ("[" * MAX_MARKUP + "a" * 800 + "\n\n") * (N // (MAX_MARKUP + 802)),
    "braces_at_limit": ("{" * MAX_MARKUP + "a" * 800 + "\n\n") * (N // (MAX_MARKUP + 802)),
    "links_at_limit": ("[a](" * (MAX_MARKUP // 2) + "x" * 800 + "\n\n") * (N // (2 * MAX_MARKUP + 802)),
    "list_items_at_limit": item_lines(lambda i: f"- {'[' * MAX_MARKUP}x\n" if i % MAX_BLOCK_LINES else "\n"),
    "setext_at_limit": ("a\n-\n" * (MAX_BLOCK_LINES // 2) + "\n") * (N // (2 * MAX_BLOCK_LINES + 1)),
    "rules_at_limit": ("- - -\n" * (MAX_BLOCK_LINES - 1) + "\n") * (N // (6 * MAX_BLOCK_LINES)),
}


def timed(function, *args):
    start = time.perf_counter()
    result = function(*args)
    return time.perf_counter() - start, result


def peak_memory(function, *args):
    tracemalloc.start()
    try:
        function(*args)
        return tracemalloc.get_traced_memory()[1]
    finally:
        tracemalloc.stop()


def check_then_render(text):
    problems = check_markdown(text, 1, "x.md", T)
    if not problems:
        Renderer()(text)
    return problems


@pytest.mark.parametrize("name", sorted(PATHOLOGICAL))
def test_pathological_markdown_costs_what_its_size_justifies(name):
    text = PATHOLOGICAL[name][:N]
    baseline_text = prose(len(text))
    check_then_render(baseline_text)  # warm up: imports, compiled patterns
    assert check_markdown(baseline_text, 1, "x.md", T) == []
    baseline = min(timed(check_then_render, baseline_text)[0] for _ in range(3))
    elapsed, problems = min(timed(check_then_render, text) for _ in range(2))
    assert elapsed <= TIME_FACTOR * baseline + TIME_SLACK, (name, elapsed, baseline, problems[:1])
    memory = peak_memory(check_then_render, text)
    assert memory <= MEMORY_FACTOR * peak_memory(check_then_render, baseline_text) + MEMORY_SLACK, (name, memory)


@pytest.mark.parametrize("text, words", [
    ("x" * (N + 1), f"enintään {N}"),
    ("> " * 20 + "syvä", "liian monta sisäkkäistä"),
    ("[" * (MAX_MARKUP + 1), "liikaa hakasulkeita"),
    ("{" * (MAX_MARKUP + 1), "aaltosulkeita {"),
    ("| a |\n" * (MAX_BLOCK_LINES + 1), f"yli {MAX_BLOCK_LINES} riviä"),
    # each paragraph within its own limit; Python-Markdown's HTML reader looks
    # from each over the whole text, indented code too
    (("<a " * 50 + "\n\n") * 5, f"{MAX_TAG_OPENINGS + 50} kohtaa, joissa kulmasulkeen < perässä on kirjain"),
    ("Koodi:\n\n" + ("    " + "<a " * 50 + "\n") * 5, "kulmasulkeen < perässä on kirjain"),
    # its rule for a definition tries a title from each quote and bracket to the line's end
    ("Katso [a].\n\n[a]: https://a.fi/" + "'" * (MAX_DEFINITION_MARKS + 1) + " x",
     f"määritelmän rivillä on {MAX_DEFINITION_MARKS + 1} lainausmerkkiä tai sulkua"),
])
def test_past_the_limits_is_refused_with_a_message(text, words):
    elapsed, problems = timed(check_markdown, text, 1, "x.md", T)
    assert problems and words in problems[0].message
    assert elapsed < 1.0


@pytest.mark.parametrize("text, shown", [
    (("Katso " + "<a " * (MAX_TAG_OPENINGS // 2) + "\n\n") * 2, "&lt;a " * (MAX_TAG_OPENINGS // 2)),
    # fenced code is put aside before HTML is read
    ("```\n" + "<a " * (MAX_TAG_OPENINGS + 1) + "\n```", "&lt;a " * (MAX_TAG_OPENINGS + 1)),
    ("Katso [a].\n\n[a]: https://fi.wikipedia.org/wiki/Imatra_(kaupunki) \"Imatra (kaupunki)\"",
     '<a href="https://fi.wikipedia.org/wiki/Imatra_(kaupunki)" title="Imatra (kaupunki)"'),
])
def test_within_the_limits_passes_and_reaches_the_page(text, shown):
    assert check_markdown(text, 1, "x.md", T) == []
    assert shown in Renderer()(text)


def refused_quickly(raw):
    start = time.perf_counter()
    with pytest.raises(ContentError) as err:
        read_notice("notices/x.md", raw, CTX)
    assert time.perf_counter() - start < 1.0
    return err.value.problems[0]


def test_huge_front_matter_is_refused():
    front = "title: x\n" + "".join(f"tags{i}: x\n" for i in range(MAX_FRONT_MATTER_CHARS // 8))
    problem = refused_quickly(f"---\n{front}---\nTeksti.\n".encode())
    assert problem.line == 1 and "Perustiedot ovat liian pitkät" in problem.message


def test_deeply_nested_front_matter_is_refused_at_its_line():
    problem = refused_quickly(("---\ntitle: " + "[" * 5000 + "\n---\nTeksti.\n").encode())
    assert problem.line == 2 and "sisäkkäistä tasoa" in problem.message


def test_huge_file_is_refused_before_it_is_read():
    problem = refused_quickly(notice_text(body="x" * MAX_FILE_BYTES).encode())
    assert "Tiedosto on liian suuri" in problem.message


def test_huge_body_is_refused_with_the_size(site, capsys):
    path = site.notice("pitka.md", notice_text(body=prose(N + 1000)))
    assert site.check(path) == 1
    assert f"{path}:8: Teksti on liian pitkä" in capsys.readouterr().out


def test_a_site_with_the_worst_accepted_notices_builds_about_as_fast_as_prose(tmp_path):
    from conftest import Site

    accepted = {name: text[:N - 1] for name, text in PATHOLOGICAL.items()  # the file adds a newline
                if not check_markdown(text[:N - 1], 1, "x.md", T)}
    assert len(accepted) >= 10
    timings = {}
    for kind, bodies in (("prose", {name: prose(len(text)) for name, text in accepted.items()}),
                         ("pathological", accepted)):
        site = Site(Path(tmp_path, kind))
        for name, body in bodies.items():
            site.notice(f"{name.replace('_', '-')}.md", notice_text(body=body))
        timings[kind] = timed(site.build)
        assert timings[kind][1] == 0
    assert timings["pathological"][0] <= 3 * timings["prose"][0] + 2, timings
