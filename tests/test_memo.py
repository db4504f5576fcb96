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



def test_a_generators_stamp_of_a_file_is_the_digest_taken_else_pelicans(tmp_path, monkeypatch):
    """The digest `bulletin build` took stands for the file's bytes; a file
    it did not hash (or a path it names otherwise) is stamped as Pelican does."""
    import hashlib

    from pelican.cache import FileStampDataCacher
    from pelican.generators import CachingGenerator

    # Pelican's own stamp beneath, which reads the file, whether or not a build installed memo's
    monkeypatch.setattr(FileStampDataCacher, "_get_file_stamp", memo._pelican_file_stamp)

    (tmp_path / "a.md").write_bytes(b"a")
    (tmp_path / "b.md").write_bytes(b"b")
    generator = CachingGenerator.__new__(CachingGenerator)
    generator.settings, generator.path = {"CHECK_MODIFIED_METHOD": "sha256"}, str(tmp_path)
    generator._filestamp_func = lambda path: hashlib.sha256(open(path, "rb").read()).digest()
    taken = b"the digest taken as the build began"
    with memo.content_digests({f"{tmp_path}/a.md": taken}):
        assert memo._generator_file_stamp(generator, "a.md") == taken  # not read again
        assert memo._generator_file_stamp(generator, "b.md") == hashlib.sha256(b"b").digest()
        assert memo._generator_file_stamp(generator, f"{tmp_path}/b.md") == hashlib.sha256(b"b").digest()
    assert memo._generator_file_stamp(generator, "a.md") == hashlib.sha256(b"a").digest()  # the build is over


@pytest.mark.parametrize("ignores", [None, [".#*"], ["*.txt", "deeper"], ["[!a-z]*", "s?b"], []])
def test_a_generator_walks_its_folders_once_and_picks_files_as_pelican_does(ignores, tmp_path, monkeypatch):
    """The files of each extension asked, with ignored files and excluded
    folders left out, are Pelican's own, from one walk of the folder."""
    import os
    from types import SimpleNamespace

    from pelican.generators import ArticlesGenerator
    from pelican.settings import DEFAULT_CONFIG

    for name in ["a.md", "b.html", "c.txt", ".#d.md", ".e", "F.md", "sub/e.md", "sub/f.rst", "skip/g.md",
                 "skip/deeper/h.md", "sub/deeper/i.md", "s.b/j.md"]:
        (tmp_path / name).parent.mkdir(parents=True, exist_ok=True)
        (tmp_path / name).write_text("x")
    # made without its __init__, which sends the plugins' signals
    generator = ArticlesGenerator.__new__(ArticlesGenerator)
    generator.path = str(tmp_path)
    generator.settings = dict(DEFAULT_CONFIG, PATH=str(tmp_path),
                              **({} if ignores is None else {"IGNORE_FILES": ignores}))
    generator.readers = SimpleNamespace(extensions=["md", "html", "rst"])
    walks = []
    real_walk = os.walk
    monkeypatch.setattr(os, "walk", lambda *a, **k: walks.append(a[0]) or real_walk(*a, **k))
    for paths in [[""], ["sub", "skip", "a.md", "c.txt", "puuttuu"]]:
        for extensions in [None, ["md"], ["html", "txt"], False, []]:
            for exclude in [[], ["skip"], ["sub/deeper", "skip"]]:
                ours = memo._get_files(generator, paths, exclude=exclude, extensions=extensions)
                assert ours == memo._pelican_get_files(generator, paths, exclude=exclude, extensions=extensions)
                # asked again: the same files, whatever the caller did with its set
                ours.add("muu.md")
                assert memo._get_files(generator, paths, exclude=exclude, extensions=extensions) == ours - {"muu.md"}
    # each (folders, exclusions) once by us, then once per call by Pelican's own
    assert walks.count(str(tmp_path)) == 3 + 15
    assert walks.count(str(tmp_path / "sub")) == 3 + 15


@pytest.mark.parametrize("fields, refreshed", [([], 0), (["summary"], 3)])
def test_links_in_formatted_fields_are_refreshed_only_when_there_are_such_fields(fields, refreshed):
    from pelican.generators import ArticlesGenerator

    calls = []

    class _Notice:
        def refresh_metadata_intersite_links(self):
            calls.append(self)

    generator = ArticlesGenerator.__new__(ArticlesGenerator)  # without the signals of its __init__
    generator.settings = {"FORMATTED_FIELDS": fields}
    generator.articles, generator.hidden_articles = [_Notice(), _Notice()], [_Notice()]
    generator.translations = generator.drafts = generator.drafts_translations = generator.hidden_translations = []
    memo._refresh_links(generator)
    assert len(calls) == refreshed


def _article(content, **metadata):
    from pelican.contents import Article
    from pelican.settings import DEFAULT_CONFIG

    settings = dict(DEFAULT_CONFIG, **metadata.pop("settings", {}))
    return Article(content, metadata={"title": "Otsikko", **metadata}, settings=settings,
                   source_path="/sisalto/ilmoitukset/a.md")


@pytest.mark.parametrize("metadata", [{}, {"url": "ilmoitukset/a/", "save_as": "ilmoitukset/a/index.html"}])
def test_a_notices_address_and_file_are_pelicans(metadata):
    article = _article("<p>Teksti</p>", **metadata)
    assert memo._url(article) == memo._url.pelicans(article) == (metadata.get("url") or "otsikko.html")
    assert memo._save_as(article) == memo._save_as.pelicans(article) == (metadata.get("save_as") or "otsikko.html")


@pytest.mark.parametrize("text, settings", [
    ('<p><img src="{static}/kuvat/a.png" alt="Kuva"></p>', {}),
    ('<p><a href="|attach|liitteet/b.pdf">Pöytäkirja</a></p>', {}),
    ("<p>Kahvia ja pullaa | keskiviikkona</p>", {}),
    ("<p>Ei linkkejä</p>", {}),
    ('<p><img src="[static]/kuvat/a.png" alt="Kuva"></p>', {"INTRASITE_LINK_REGEX": r"\[(?P<what>.*?)\]"}),
])
def test_links_to_the_content_folders_files_are_those_pelican_finds(text, settings):
    article = _article(text, settings=settings)
    assert memo._static_links(article) == memo._pelican_static_links(article)
    assert bool(memo._static_links(article)) == ("static" in text or "attach" in text)
