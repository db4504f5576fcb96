"""A rebuild after one notice changed does for search only what changed:
the lemma map and vocabulary files whose words changed are written, the
others left in place; a page left in place keeps its recorded hash; a body
whose file is unchanged keeps its words. Each still follows its input."""
import hashlib
import pathlib

import bulletin_search.delta
from bulletin_cli.project import cache_path
from bulletin_incremental.reuse import RECORD, read_record
from bulletin_search.delta import PAGES, page_ids
from bulletin_search.texts import NoticeWords

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
    [path] = cache_path(site.output).glob(f"*/{PAGES}{RECORD}")  # in the folder of the site's key
    return read_record(path)


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


def test_notice_words_are_kept_by_their_file_and_drawn_only_when_it_changed(tmp_path):
    path = tmp_path / "words.pickle"
    drawn = []

    def text(words):
        return lambda: drawn.append(words) or words

    def named(known, numbers):
        return sorted(map(known.word, numbers))

    known = NoticeWords(path, "v1")
    assert named(known, known(("a.md", b"1"), text("Kirsikkapuu kukkii, kukkii."))) == ["kirsikkapuu", "kukkii"]
    assert named(known, known(None, text("Puutarhayhdistys"))) == ["puutarhayhdistys"]  # not kept
    known.save()
    again = NoticeWords(path, "v1")
    assert named(again, again(("a.md", b"1"), text("ei tätä"))) == ["kirsikkapuu", "kukkii"]
    assert drawn == ["Kirsikkapuu kukkii, kukkii.", "Puutarhayhdistys"]  # the kept words were not drawn
    saved = path.stat().st_mtime_ns
    again(None, text("Kuoroyhdistys"))  # drawn, but not kept
    again.save()
    assert path.stat().st_mtime_ns == saved  # nothing kept changed: the file stays as it was
    assert named(again, again(("a.md", b"2"), text("Luumupuu kukkii"))) == ["kukkii", "luumupuu"]
    again.save()
    assert NoticeWords(path, "v2")(("a.md", b"2"), text("Omenapuu")) is not None  # another site key:
    assert drawn[-1] == "Omenapuu"  # drawn afresh


def test_notice_words_keep_their_words_when_the_list_of_words_is_made_anew(tmp_path):
    path = tmp_path / "words.pickle"
    known = NoticeWords(path, "v")
    for number in range(20):
        known((f"{number}.md", b"1"), lambda: f"sana{number} yhteinen")
    known.save()
    for round_ in range(1, 4):  # every notice edited: their old words are no one's any more
        known = NoticeWords(path, "v")
        for number in range(20):
            known((f"{number}.md", b"%d" % round_), lambda: f"uusi{round_}x{number} yhteinen")
        known.save()
    kept = NoticeWords(path, "v")
    assert len(kept.words) < 20 * 3  # the words of earlier rounds are gone
    for number in range(20):
        found = kept((f"{number}.md", b"3"), lambda: "ei luettu")
        assert sorted(map(kept.word, found)) == [f"uusi3x{number}", "yhteinen"]
