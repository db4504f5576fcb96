"""What bulletin_incremental.memo remembers or cuts short must be what
Pelican itself would work out."""
import pytest

from bulletin_incremental import memo


class _Page:
    def __init__(self, folder, path):
        self.settings, self.source_path = {"PATH": folder}, path


@pytest.mark.parametrize("folder, path", [
    ("/site/content", "/site/content/notices/2026/a.md"),
    ("/site/content", "/site/content2/notices/a.md"),  # a sibling that shares the name's start
    ("/site/content", "/site/other/a.md"),
    ("/site/content", "/site/content/../content/notices/a.md"),
    ("/site/content", "/site/content/notices//a.md"),
    ("/site/content/", "/site/content/notices/a.md"),
    ("/site/./content", "/site/content/a.md"),
    ("content", "content/notices/a.md"),
    ("/", "/a.md"),
])
def test_relative_source_path_is_pelicans(folder, path, tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    page = _Page(folder, path)
    assert memo._relative_source_path(page) == memo._pelican_relative_path(page)


def test_the_short_cut_is_taken_only_for_plain_paths():
    assert memo._inside("/site/content", "/site/content/notices/a.md") == "notices/a.md"
    for folder, path in [("/site/content", "/site/content2/a.md"), ("/site/content/", "/site/content/a.md"),
                         ("/site/content", "/site/content/x/../a.md"), ("content", "content/a.md")]:
        assert memo._inside(folder, path) is None

