"""A warm rebuild's output is byte for byte a cold build's of the same content.

Whatever a rebuild takes over from the previous output (notice pages,
feeds, calendars, the search index) must be what a cold, single-process
build of the same content writes. Generated notices in small pages, so that
listings in pages are compared too."""
import sys

from bulletin_cli.cli import main
from conftest import ROOT
from test_reproducible import differences

sys.path.append(str(ROOT / "benchmarks"))
from generate import generate  # noqa: E402


# The search's bundles as indexed before and deltas of the pages changed
# since (bulletin_search/delta.py): by design other bytes than a cold build's,
# the same results (test_search_delta.py, test_search_archive.py).
SEARCH = ("pagefind/", "pagefind-delta/", "pagefind-arkisto-", "haku/index.html")


def tree(output):
    return {p.relative_to(output).as_posix(): p.read_bytes() for p in sorted(output.rglob("*")) if p.is_file()}


def test_warm_rebuilds_write_what_a_cold_build_writes(tmp_path):
    content = generate(tmp_path / "content", 160)
    settings = tmp_path / "small-pages.py"
    settings.write_text(f"exec(open({str(ROOT / 'pelicanconf.py')!r}).read())\n"
                        f"THEME = {str(ROOT / 'theme')!r}\nPLUGIN_PATHS = [{str(ROOT / 'plugins')!r}]\n"
                        "BULLETIN_PAGE_SIZE = 8\nBULLETIN_FEED_ITEMS = 10\n", encoding="utf-8")

    def build(output):
        assert main(["-s", str(settings), "build", "--content", str(content), "--output", str(output),
                     "--today", "2026-12-01"]) == 0
        return tree(output)

    warm = tmp_path / "warm"
    cold = build(warm)
    assert len(cold) > 500 and any("/sivu/" in name for name in cold)
    assert differences(build(warm), cold) == []  # nothing changed

    notice = next(p for p in sorted((content / "notices").rglob("*.md"))
                  if '\ndate: "2026-0' in p.read_text(encoding="utf-8"))  # published, maybe still current
    original = notice.read_bytes()
    notice.write_bytes(original.replace(b"\n---\n", b"\n---\nAikataulu tarkentui.\n\n", 1))
    changed_warm = build(warm)
    assert differences(changed_warm, cold) != []
    # After a change the search index is by design the previous one and a
    # delta of the changed page (SEARCH). Everything else is the cold build's.
    assert [name for name in differences(changed_warm, build(tmp_path / "cold-changed"))
            if not name.startswith(SEARCH)] == []

    notice.write_bytes(original)  # and back
    assert differences(build(warm), cold) == []
