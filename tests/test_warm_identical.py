"""A warm rebuild's output is byte for byte a cold build's of the same content.

Whatever a rebuild takes over from the previous output (notice pages,
feeds, calendars, the search index) must be what a cold, single-process
build of the same content writes. Generated notices in small pages, so that
listings in pages are compared too."""
import shutil
import sys
from datetime import date, timedelta

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


def _replace(path, old, new):
    text = path.read_text(encoding="utf-8")
    assert old in text, (path, old)
    path.write_text(text.replace(old, new, 1), encoding="utf-8")


def _notice_with(content, line):
    return next(p for p in sorted((content / "notices").rglob("*.md")) if f"\n{line}" in p.read_text(encoding="utf-8"))


# Edits of every kind of content the example bulletin has, and of the output
# by hand, one after the other: a page that shows what an edit changed but
# is keyed without it would be left as the previous build drew it.
EDITS = {
    "an association's name": lambda c, out: _replace(
        c / "associations/invalidiyhdistys-askel.yml", "name: Invalidiyhdistys Askel ry", "name: Askel ry"),
    "a partner's phone": lambda c, out: _replace(
        c / "associations/perheyhdistys-mansikkapaikka.yml", 'phone: "040 000 0106"', 'phone: "040 000 0999"'),
    "a space offered by a notice": lambda c, out: _replace(
        c / "spaces/kotiseututalon-tupa.yml", "capacity: 30", "capacity: 12"),
    "a series' name": lambda c, out: _replace(c / "series/jarjestoillat.yml", "name: Järjestöillat", "name: Illat"),
    "a notice removed": lambda c, out: _notice_with(c, "space:").unlink(),
    "a notice moved to another association": lambda c, out: _replace(
        _notice_with(c, "association: seniorikerho-hopeakoski"), "association: seniorikerho-hopeakoski",
        "association: karhumaen-kunto"),
    # the same bytes in a file of another name: another address, in every listing that links to it
    "a notice's file renamed": lambda c, out: (c / "notices/2026/kotiseuturahaston-apurahat.md").rename(
        c / "notices/2025/siirretty-kotiseuturahaston-apurahat.md"),
    # what notices may name, added and removed (the content cache's record, contract's cache.py)
    "an association added, and its notice with a new file": lambda c, out: (
        (c / "associations/uusi-kerho.yml").write_text("name: Uusi kerho ry\ndescription: Aloitamme.\n", "utf-8"),
        (c / "files/uusi-kutsu.pdf").write_bytes(b"%PDF-1.4\n%%EOF\n"),
        (c / "notices/2026/uusi-kerho.md").write_text(
            '---\ntitle: "Uusi kerho aloittaa"\nassociation: uusi-kerho\ncategory: tiedotteet\ndate: "2026-11-30"\n'
            'materials:\n  "Kutsu (PDF)": "{static}/files/uusi-kutsu.pdf"\n---\nTervetuloa!\n', "utf-8")),
    "that association, its notice and file removed": lambda c, out: [
        (c / name).unlink() for name in ("associations/uusi-kerho.yml", "files/uusi-kutsu.pdf",
                                         "notices/2026/uusi-kerho.md")],
    "a notice page edited and a calendar removed in the output": lambda c, out: (
        _replace(next((out / "ilmoitukset").rglob("index.html")), "</html>", "</html><!-- käsin -->"),
        next(out.rglob("*.ics")).unlink()),
}


def test_warm_rebuilds_of_every_kind_of_edit_write_what_a_cold_build_writes(tmp_path):
    content, warm = tmp_path / "content", tmp_path / "warm"
    shutil.copytree(ROOT / "content", content)

    def build(output, today):
        assert main(["build", "--content", str(content), "--output", str(output), "--today", today]) == 0
        return tree(output)

    build(warm, "2026-12-01")
    for number, (edit, apply) in enumerate(EDITS.items()):
        before = tree(warm)
        apply(content, warm)
        # the day moves on too: expiry, weeks, the next occurrence
        today = (date(2026, 12, 1) + timedelta(days=3 * number)).isoformat()
        rebuilt = build(warm, today)
        assert [n for n in differences(rebuilt, before) if not n.startswith(SEARCH)] != [], edit
        cold = build(tmp_path / f"cold-{number}", today)
        assert [name for name in differences(rebuilt, cold) if not name.startswith(SEARCH)] == [], edit
