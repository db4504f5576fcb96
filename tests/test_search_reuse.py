"""A rebuild after one notice changed does for search only what changed:
the lemma map and vocabulary files whose words changed are written, the
others left in place; a page left in place keeps its recorded hash; a body
whose HTML is unchanged keeps its text. Each still follows its input."""
import hashlib
import json
import pathlib

import bulletin_search.delta
from bulletin_cli.project import cache_path
from bulletin_search.delta import PAGES, page_ids
from bulletin_search.texts import BodyTexts

from conftest import notice_text


def word_files(output):
    """{name: (inode, text)} of the lemma map's and the vocabulary's files."""
    return {f"{p.parent.name}/{p.name}": (p.stat().st_ino, p.read_text(encoding="utf-8"))
            for folder in ("lemmat", "sanasto") for p in sorted((output / "haku" / folder).glob("*.json"))}


def test_word_files_are_written_exactly_when_their_words_changed(site):
    site.notice("a.md", notice_text(title="Eka", body="Kirsikkapuu kukkii puistossa."))
    changed = site.notice("b.md", notice_text(title="Toka", body="Omenapuut kukkivat pihalla."))
    assert site.build() == 0
    before = word_files(site.output)
    changed.write_text(notice_text(title="Toka", body="Luumupuut kukkivat pihalla."), encoding="utf-8")
    assert site.build() == 0
    after = word_files(site.output)
    holding = lambda files, word: {n for n, (_, text) in files.items() if f'"{word}"' in text}  # noqa: E731
    assert holding(after, "luumupuut") and not holding(after, "omenapuut")
    rewritten = {n for n in after if n not in before or after[n][0] != before[n][0]}
    assert holding(after, "luumupuut") <= rewritten  # the new word's files are new
    kept = set(after) - rewritten
    assert kept and all(after[n][1] == before[n][1] for n in kept)  # the others untouched
    assert "sanasto/4.json" in kept  # no word of four letters changed


def recorded_pages(site):
    [path] = cache_path(site.output).glob(f"*/{PAGES}.json")  # in the folder of the site's key
    return json.loads(path.read_text(encoding="utf-8"))


def test_pages_left_in_place_keep_their_hash_and_only_written_pages_are_read(site, monkeypatch):
    for name in "abc":
        site.notice(f"{name}.md", notice_text(f"Ilmoitus {name}"))
    changed = site.notice("d.md", notice_text("Ilmoitus d"))
    assert site.build() == 0
    read = []

    class Spy(type(pathlib.Path())):
        def read_bytes(self):
            read.append(self.relative_to(self.parents[2]).as_posix())
            return super().read_bytes()

    monkeypatch.setattr(bulletin_search.delta, "Path", Spy)
    for number in (1, 2):  # a page kept twice over keeps the hash of the build that wrote it
        read.clear()
        changed.write_text(notice_text(f"Ilmoitus d, korjattu {number}"), encoding="utf-8")
        assert site.build() == 0
        assert "ilmoitukset/d/index.html" in read and "ilmoitukset/a/index.html" not in read
    recorded = recorded_pages(site)
    for name in "abcd":
        page = f"ilmoitukset/{name}/index.html"
        assert recorded[page] == hashlib.sha256((site.output / page).read_bytes()).hexdigest()
    # the delta holds the changed notice, none of the others
    delta = {page for page in page_ids(site.output / "pagefind-delta") if page.startswith("ilmoitukset/")}
    assert delta == {"ilmoitukset/d/index.html"}


def test_body_texts_are_kept_by_their_html(tmp_path):
    path = tmp_path / "texts.json"
    texts = BodyTexts(path)
    assert texts("<p>Kirsikkapuu <b>kukkii</b>.</p>") == "Kirsikkapuu kukkii."
    texts.save()
    kept = BodyTexts(path)
    kept.old = {key: "muistettu" for key in kept.old}  # what the cache holds is what is given back
    assert kept("<p>Kirsikkapuu <b>kukkii</b>.</p>") == "muistettu"
    assert kept("<p>Luumupuu kukkii.</p>") == "Luumupuu kukkii."  # a changed body is read anew
    kept.save()
    assert sorted(json.loads(path.read_text(encoding="utf-8"))["texts"].values()) == ["Luumupuu kukkii.", "muistettu"]
    path.write_text(json.dumps({"version": "toinen", "texts": {}}), encoding="utf-8")
    assert BodyTexts(path).old == {}  # another version of the code starts afresh
