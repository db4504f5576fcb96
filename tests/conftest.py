"""Shared helpers: tiny sites in tmp_path, built and checked in-process."""
import shutil
import textwrap
from datetime import datetime, timezone
from pathlib import Path

import pytest
from bs4 import BeautifulSoup

from bulletin_cli.cli import main

ROOT = Path(__file__).resolve().parents[1]

ASSOCIATION = """\
name: Testikylän Eläkkeensaajat ry
description: Kokoonnumme **tiistaisin** kerhohuoneella.
groups: [eläkeläiset]
email: info@example.org
"""


def notice_text(title="Testi-ilmoitus", association="testikyla", category="tiedotteet",
                date="2026-11-20", body="Ilmoituksen teksti.", extra=""):
    """A notice file; `extra` is more front matter, written as YAML."""
    front = f'title: "{title}"\nassociation: {association}\ncategory: {category}\ndate: "{date}"\n'
    return f"---\n{front}{textwrap.dedent(extra).strip()}\n---\n{body}\n"


def event_text(title="Testitapahtuma", start="2026-12-05 18:00", end=None, location="Kerhohuone, Imatra",
               date="2026-11-20", **kwargs):
    lines = [f'event:\n  start: "{start}"', f'  location: "{location}"']
    if end:
        lines.insert(1, f'  end: "{end}"')
    return notice_text(title=title, category="tapahtumat", date=date, extra="\n".join(lines), **kwargs)


class Site:
    """A content folder in tmp_path with the example's pages and one association."""

    def __init__(self, root):
        self.root = root
        self.content = root / "content"
        self.output = root / "output"
        (self.content / "notices").mkdir(parents=True)
        (self.content / "associations").mkdir()
        shutil.copytree(ROOT / "content" / "pages", self.content / "pages")
        self.association("testikyla", ASSOCIATION)

    def association(self, slug, text):
        path = self.content / "associations" / f"{slug}.yml"
        path.write_text(text, encoding="utf-8")
        return path

    def notice(self, name, text):
        path = self.content / "notices" / name
        path.parent.mkdir(parents=True, exist_ok=True)
        if isinstance(text, bytes):
            path.write_bytes(text)
        else:
            path.write_text(text, encoding="utf-8")
        return path

    def build(self, today="2026-12-01", *extra):
        """Run `bulletin build`; returns the exit status."""
        return main(["build", "--content", str(self.content), "--output", str(self.output),
                     "--today", today, *extra])

    def check(self, *files):
        return main(["check", "--content", str(self.content), *map(str, files)])

    def refusals(self, path, capsys):
        """What `bulletin check` says of the file at `path`, which it must
        refuse, each line without its `path:line: `; the file is removed."""
        capsys.readouterr()
        try:
            assert self.check() == 1
        finally:
            path.unlink()
        out = capsys.readouterr()
        return [line.split(f"{path.name}:", 1)[1].split(": ", 1)[1]
                for line in (out.out + out.err).splitlines() if f"{path.name}:" in line]

    def from_issue(self, body, capsys, today="2026-11-28"):
        """Run `bulletin from-issue` on an issue body: (status, the paths
        printed, standard error, the reply written for the issue)."""
        path, comment = self.root / "issue-body.md", self.root / "issue-comment.md"
        path.write_text(body, encoding="utf-8")
        status = main(["from-issue", str(path), "--content", str(self.content), "--comment", str(comment),
                       "--today", today])
        out, err = capsys.readouterr()
        return status, out.split(), err, comment.read_text(encoding="utf-8")

    def page(self, address):
        """Parsed HTML of an address such as 'ilmoitukset/foo/' or ''."""
        path = self.output / address / "index.html" if not address.endswith(".html") else self.output / address
        return BeautifulSoup(path.read_text(encoding="utf-8"), "html.parser")


@pytest.fixture
def example_today(monkeypatch):
    """Commands without --today (add, new, from-issue) take the example's day,
    so tests with events in December 2026 do not age."""
    monkeypatch.setenv("SOURCE_DATE_EPOCH", str(int(datetime(2026, 12, 1, 12, tzinfo=timezone.utc).timestamp())))


@pytest.fixture(scope="session", autouse=True)
def shared_build_caches(tmp_path_factory):
    """What each test site's first build made again, made once per test
    process and shared: the compiled templates (Jinja keys each by its
    template's source) and simplemma's dictionaries (kept by simplemma's
    version). They were most of a small site's build. Tests of where the
    dictionaries are kept take `dictionaries_made`, which stops the sharing."""
    import bulletin_incremental
    from bulletin_search import dictionary

    templates, dictionaries = tmp_path_factory.mktemp("templates"), tmp_path_factory.mktemp("dictionaries")
    own = dictionary.Dictionary

    class SharedDictionary(own):
        def __init__(self, folder=None):
            super().__init__(dictionaries if folder else None)

    with pytest.MonkeyPatch.context() as patch:
        compiled = bulletin_incremental.FileSystemBytecodeCache(str(templates))
        patch.setattr(bulletin_incremental, "FileSystemBytecodeCache", lambda _site_folder: compiled)
        patch.setattr(dictionary, "Dictionary", SharedDictionary)
        yield own


@pytest.fixture
def dictionaries_made(tmp_path, monkeypatch, shared_build_caches):
    """A file with a line for each simplemma dictionary made from its
    compressed stream (the language), by this process or one it forks. The
    builds keep their dictionaries in their own cache folders again."""
    from bulletin_search import dictionary
    from simplemma.strategies.dictionaries.stream_dictionary_factory import StreamMap

    made = tmp_path / "dictionaries-made"
    made.touch()
    original = StreamMap.__init__

    def making(self, lang):
        with open(made, "a") as handle:
            handle.write(f"{lang}\n")
        original(self, lang)

    monkeypatch.setattr(StreamMap, "__init__", making)
    monkeypatch.setattr(dictionary, "Dictionary", shared_build_caches)
    return made


@pytest.fixture
def site(tmp_path):
    return Site(tmp_path)


@pytest.fixture(scope="session")
def example_site(tmp_path_factory):
    """The repository's example content, built once with the example's day."""
    output = tmp_path_factory.mktemp("example") / "output"
    status = main(["build", "--output", str(output), "--today", "2026-12-01"])
    assert status == 0
    return output
