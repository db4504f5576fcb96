"""The benchmarks measure the contract's content: what they generate must pass
the same check as a submitted notice, or a tightened rule would leave them
measuring a build that stops at the first notice."""
import sys

import pytest

from bulletin_cli.cli import main
from conftest import ROOT

sys.path.append(str(ROOT / "benchmarks"))
from generate import generate  # noqa: E402


@pytest.mark.parametrize("days", [800, 3653], ids=["a town's third year", "a region's ten years"])
def test_generated_notices_pass_the_check(tmp_path, capsys, days):
    content = generate(tmp_path / "content", 120, days=days)
    assert len(list((content / "notices").rglob("*.md"))) == 120
    assert main(["check", "--content", str(content)]) == 0, capsys.readouterr().out


def test_the_same_seed_generates_the_same_content(tmp_path):
    first, second = generate(tmp_path / "a", 40), generate(tmp_path / "b", 40)
    read = lambda folder: {p.relative_to(folder): p.read_bytes() for p in folder.rglob("*") if p.is_file()}  # noqa: E731
    assert read(first) == read(second)
