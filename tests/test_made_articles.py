"""Unchanged notices come back as the Articles Pelican made of them
(bulletin_incremental/made_articles.py): kept as made, before any plugin
changed them, and tied to the running build's settings and context."""
import gc
import pickle

import pytest
from pelican import signals
from pelican.contents import Article

from bulletin_cli.project import cache_path
from bulletin_incremental import made_articles

from conftest import notice_text


@pytest.fixture
def made(monkeypatch):
    """Source paths of the Articles Pelican makes (not taken from the kept ones)."""
    seen = []
    init = Article.__init__

    def counting(self, *args, **kwargs):
        init(self, *args, **kwargs)
        seen.append(self.source_path.rsplit("/", 1)[1])

    monkeypatch.setattr(Article, "__init__", counting)
    return seen


@pytest.fixture
def finalized():
    """Each build's notices' generator, once its Articles are all there."""
    seen = []

    def keep(generator):
        seen.append(generator)

    signals.article_generator_finalized.connect(keep)
    yield seen
    signals.article_generator_finalized.disconnect(keep)


def _kept(output):
    """The file of kept Articles of the build into `output`."""
    [path] = cache_path(output).rglob(made_articles.PREFIX + "?" * 16)
    return path


def _entries(path):
    with open(path, "rb") as handle:
        return pickle.load(handle)


def _articles(path):
    """{file: kept Article}, their settings and context stand-ins (`{}`) for a build's."""
    return made_articles.kept_articles(path, {"settings": {}, "context": {}})


def test_a_rebuild_makes_only_the_changed_notice_and_shows_every_one(site, made, finalized):
    site.notice("a.md", notice_text(title="Eka"))
    changed = site.notice("b.md", notice_text(title="Toka"))
    site.notice("c.md", notice_text(title="Kolmas"))
    assert site.build() == 0
    assert sorted(made) == ["a.md", "b.md", "c.md"]
    made.clear()
    changed.write_text(notice_text(title="Toka, korjattu"), encoding="utf-8")
    assert site.build() == 0
    assert made == ["b.md"]
    assert [site.page(f"ilmoitukset/{n}/").h1.get_text() for n in "abc"] == ["Eka", "Toka, korjattu", "Kolmas"]
    generator = finalized[-1]
    assert sorted(a.title for a in generator.articles) == ["Eka", "Kolmas", "Toka, korjattu"]
    # a kept Article points at this build's settings and context, as a made one does
    assert all(a.settings is generator.settings and a._context is generator.context for a in generator.articles)
    assert generator._cache == {}  # the kept bytes are dropped once saved, before pages are written


def test_an_article_is_kept_as_made_before_plugins_change_it(site):
    site.notice("a.md", notice_text(title="Eka"))
    assert site.build() == 0
    [article] = _articles(_kept(site.output)).values()
    assert article.title == "Eka" and article.notice.association == article.metadata["notice"].association
    assert article.notice is article.metadata["notice"]  # one object, as made (page keys rely on it)
    # what the listings and pages put on every notice later in a build is not there
    assert not {"association_profile", "expired", "category_label", "names_shown", "_made_names"} & set(vars(article))
    assert article.override_url == "ilmoitukset/a/"  # fixed as it was made (bulletin_pages)
    assert article.settings == {} and article._context == {}  # the running build's, not copies


def test_another_site_key_makes_every_article_again_and_drops_the_old_file(site, made, monkeypatch):
    site.notice("a.md", notice_text(title="Eka"))
    site.notice("b.md", notice_text(title="Toka"))
    assert site.build() == 0
    old = _kept(site.output)
    made.clear()
    monkeypatch.setattr(made_articles, "site_key", lambda settings: "f" * 64)
    site.notice("c.md", notice_text(title="Kolmas"))
    assert site.build() == 0
    assert sorted(made) == ["a.md", "b.md", "c.md"]
    assert not old.exists() and _kept(site.output).name == made_articles.PREFIX + "f" * 16


def test_the_notices_reader_cache_is_not_saved_and_an_old_one_is_removed(site):
    site.notice("a.md", notice_text(title="Eka"))
    assert site.build() == 0
    folder = _kept(site.output).parent
    (folder / made_articles.READERS).write_bytes(pickle.dumps({}))  # as an earlier version left it
    site.notice("b.md", notice_text(title="Toka"))
    assert site.build() == 0
    assert not any(p.name.startswith(made_articles.READERS) for p in folder.iterdir())
    assert site.page("ilmoitukset/b/").h1.get_text() == "Toka"


def test_no_step_of_the_build_changes_what_an_article_was_made_with(tmp_path, monkeypatch):
    """Page keys take an attribute the Article was made with by its file's
    digest (bulletin_incremental/reuse.py): every step of a build may add
    attributes, none may change those. The example bulletin has every kind
    of notice (events, series, spaces, needs, joint hiring)."""
    import shutil

    from bulletin_cli.cli import main
    from bulletin_incremental import reuse
    from conftest import ROOT

    content = tmp_path / "content"
    shutil.copytree(ROOT / "content", content)
    at_key, key = {}, reuse.article_key

    def keeping(site, article, *args, **kwargs):
        at_key[article.source_path] = {name: repr(getattr(article, name)) for name in article._made_names
                                       if name not in reuse._NOT_SHOWN}
        return key(site, article, *args, **kwargs)

    monkeypatch.setattr(reuse, "article_key", keeping)
    build = ["build", "--content", str(content), "--output", str(tmp_path / "output"), "--today", "2026-12-01"]
    assert main(build) == 0
    compared = 0
    for article in _articles(_kept(tmp_path / "output")).values():
        if article.source_path in at_key:  # not a scheduled one, held back
            made = {name: repr(getattr(article, name)) for name in vars(article) if name not in reuse._NOT_SHOWN}
            assert at_key[article.source_path] == made, article.source_path
            compared += 1
    assert compared == len(at_key) > 50


def test_a_kept_article_that_cannot_be_read_back_is_made_again_from_its_file(site, made):
    site.notice("a.md", notice_text(title="Eka"))
    site.notice("b.md", notice_text(title="Toka"))
    assert site.build() == 0
    path = _kept(site.output)
    entries = _entries(path)
    name = next(key for key in entries if key.endswith("a.md"))
    entries[name] = (entries[name][0], b"\x80\x05not a pickle")  # its stamp still matches the file
    path.write_bytes(pickle.dumps(entries))
    made.clear()
    site.notice("c.md", notice_text(title="Kolmas"))
    assert site.build() == 0
    assert sorted(made) == ["a.md", "c.md"]
    assert site.page("ilmoitukset/a/").h1.get_text() == "Eka"


def test_the_whole_file_keeps_the_articles_in_chunks_and_a_rebuild_takes_them_all(site, made, monkeypatch):
    monkeypatch.setattr(made_articles, "CHUNK", 2)
    for name in "abcde":
        site.notice(f"{name}.md", notice_text(title=name.upper()))
    assert site.build() == 0
    entries = _entries(_kept(site.output))
    # five Articles in three chunks
    assert sorted(v[1] for k, v in entries.items() if isinstance(k, str)) == [(0, 0), (0, 1), (1, 0), (1, 1), (2, 0)]
    assert sorted(k[1] for k in entries if not isinstance(k, str)) == [0, 1, 2]
    made.clear()
    site.notice("f.md", notice_text(title="F"))
    assert site.build() == 0
    assert made == ["f.md"]
    assert [site.page(f"ilmoitukset/{n}/").h1.get_text() for n in "abcdef"] == list("ABCDEF")


def test_a_chunk_writes_a_text_its_articles_share_once(site):
    """Each Article comes back alone, with its own copies of its words;
    packed, equal short texts and tuples of them are one object in a chunk,
    and stay what they were."""
    for name in "ab":
        site.notice(f"{name}.md", notice_text(title=name.upper(), body=f"Sama pitkä teksti {'x' * 80}.",
                                              extra="tags: [kuoro, joulu]"))
    assert site.build() == 0
    kept = _articles(_kept(site.output))
    a, b = (kept[path] for path in sorted(kept))
    assert a.notice.category == "tiedotteet" and a.notice.category is b.notice.category
    assert a.notice.tags == ["kuoro", "joulu"] and all(x is y for x, y in zip(a.notice.tags, b.notice.tags))
    assert a.lang is b.lang and a.template is b.template
    key_a, key_b = next(iter(a.notice.lines)), next(iter(b.notice.lines))
    assert key_a == key_b and key_a is key_b
    assert a.notice.body == b.notice.body and a.notice.body is not b.notice.body  # longer than SHARED_TEXT
    assert (a.title, b.title) == ("A", "B") and a.metadata["title"] is a.title


def test_articles_after_a_place_in_a_chunk_that_cannot_be_read_back_are_made_again(site, made, monkeypatch):
    monkeypatch.setattr(made_articles, "CHUNK", 3)
    for name in "abcd":
        site.notice(f"{name}.md", notice_text(title=name.upper()))
    assert site.build() == 0
    path = _kept(site.output)
    entries = _entries(path)
    first = entries[(made_articles.CHUNKS, 0)]
    entries[(made_articles.CHUNKS, 0)] = first[:len(first) * 2 // 3]  # cut in its second or third Article
    path.write_bytes(pickle.dumps(entries))
    made.clear()
    site.notice("e.md", notice_text(title="E"))
    assert site.build() == 0
    assert "a.md" not in made and "c.md" in made and "d.md" not in made and "e.md" in made
    assert [site.page(f"ilmoitukset/{n}/").h1.get_text() for n in "abcde"] == list("ABCDE")


def test_kept_articles_load_with_no_cycle_collection_and_stay_out_of_its_sight(site, made, monkeypatch):
    for name in "abc":
        site.notice(f"{name}.md", notice_text(title=name.upper()))
    assert site.build() == 0
    collections, loaded = [], []
    load = made_articles._load_kept

    def counting(phase, info):
        collections.append(info["generation"])

    def loading(generator):
        gc.set_threshold(1)  # a young collection at every allocation, were the collector running
        before = gc.get_freeze_count()
        gc.callbacks.append(counting)
        try:
            kept = load(generator)
        finally:
            gc.callbacks.remove(counting)
            gc.set_threshold(*thresholds)
        loaded.append((sorted(k.rsplit("/", 1)[1] for k in kept), gc.get_freeze_count() > before))
        return kept

    thresholds = gc.get_threshold()
    monkeypatch.setattr(made_articles, "_load_kept", loading)
    made.clear()
    site.notice("d.md", notice_text(title="D"))
    assert site.build() == 0
    assert loaded == [(["a.md", "b.md", "c.md"], True)]
    assert collections == []
    assert made == ["d.md"]
    assert gc.isenabled()
