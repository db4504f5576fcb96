"""The words of each notice's search text, kept between builds.

The lemma map needs the distinct words of every notice. Drawing a notice's
text (its body out of HTML, its dates in words) and splitting it into words
was half of the lemma map's time in a rebuild after one changed notice
(1.9 s of 3.6 s at 20,000 notices), and the build waited for it. The text is
a function of the notice's file and of the site's code and settings (the
site key of bulletin_incremental), so its words are kept by the file's path
and digest, in the cache folder: a rebuild draws only the notices whose file
changed. A notice's words are kept as numbers into one list of words, which
loads in a fraction of the time 20,000 lists of words took.
"""
import array
import itertools
import pickle
from pathlib import Path

from .lemmas import words

_GROWTH = 1.25  # the list of words is made anew when this much of it has come since
_FORMER = "body-texts.json"  # what an earlier version kept instead (bodies' texts): removed


class NoticeWords:
    def __init__(self, path=None, version=""):
        self.path, self.version = (Path(path) if path else None), version
        self.words, self.made_from, self.old = self._load()
        self.numbers = None  # {word: its number}, made when a text is drawn
        self.new, self.drawn = {}, 0
        self.extras = {}  # text -> its words' numbers (drawn_anew): notices share them

    def _load(self):
        """(the list of words, its length when last made, {key: numbers})."""
        try:
            with open(self.path, "rb") as handle:
                version, listed, made_from, keys, numbers, ends = pickle.load(handle)
        except Exception:  # none yet, or not readable: every text is drawn afresh
            return [], 0, {}
        if version != self.version:
            return [], 0, {}
        starts = itertools.chain((0,), ends)
        return listed, made_from, {key: numbers[start:end] for key, start, end in zip(keys, starts, ends)}

    def __call__(self, key, text):
        """The numbers of the distinct words of a text: kept under `key` (None:
        not kept), `text()` drawing it only when they are not."""
        found = self.old.get(key) if key is not None else None
        if found is None:
            found = self._numbered(set(words(text())))
            self.drawn += key is not None  # a text not kept does not change the file
        if key is not None:
            self.new[key] = found
        return found

    def drawn_anew(self, text):
        """The numbers of the words of `text`, which is not kept: what is
        drawn anew each build (a notice's association, whether it is past).
        Notices share such texts, and so the one array of their numbers."""
        found = self.extras.get(text)
        if found is None:
            found = self.extras[text] = self._numbered(set(words(text)))
        return found

    def _numbered(self, distinct):
        if self.numbers is None:
            self.numbers = {word: number for number, word in enumerate(self.words)}
        for word in distinct:
            if word not in self.numbers:
                self.numbers[word] = len(self.words)
                self.words.append(word)
        return array.array("I", sorted(self.numbers[word] for word in distinct))

    def word(self, number):
        return self.words[number]

    def save(self):
        """Keep this build's notices' words for the next, when one was drawn
        or one left, all in one array (a hundred thousand arrays took seconds
        to load): the list of words made anew from them when it has grown by
        a quarter (words of edited notices no notice has any more)."""
        if not self.path or not (self.drawn or self.new.keys() != self.old.keys()):
            return
        keys, numbers, ends = list(self.new), array.array("I"), array.array("Q")
        for found in self.new.values():
            numbers.extend(found)
            ends.append(len(numbers))
        listed, made_from = self.words, self.made_from
        if len(listed) > _GROWTH * max(made_from, 1):
            used = sorted(set(numbers))
            renumber = dict(zip(used, range(len(used))))
            listed, made_from = [self.words[number] for number in used], len(used)
            numbers = array.array("I", map(renumber.__getitem__, numbers))
        self.path.parent.mkdir(parents=True, exist_ok=True)
        part = self.path.with_name(self.path.name + ".part")
        with open(part, "wb") as handle:
            pickle.dump((self.version, listed, made_from, keys, numbers, ends), handle,
                        protocol=pickle.HIGHEST_PROTOCOL)
        part.replace(self.path)
        self.path.with_name(_FORMER).unlink(missing_ok=True)
