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

    def _load(self):
        try:
            with open(self.path, "rb") as handle:
                version, listed, made_from, found = pickle.load(handle)
        except Exception:  # none yet, or not readable: every text is drawn afresh
            return [], 0, {}
        return (listed, made_from, found) if version == self.version else ([], 0, {})

    def __call__(self, key, text):
        """The numbers of the distinct words of a text: kept under `key` (None:
        not kept), `text()` drawing it only when they are not."""
        found = self.old.get(key) if key is not None else None
        if found is None:
            found, self.drawn = self._numbered(set(words(text()))), self.drawn + 1
        if key is not None:
            self.new[key] = found
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
        or one left: the list of words made anew from them when it has grown
        by a quarter (words of edited notices no notice has any more)."""
        if not self.path or not (self.drawn or self.new.keys() != self.old.keys()):
            return
        listed, found = self.words, self.new
        if len(listed) > _GROWTH * max(self.made_from, 1):
            used = sorted({number for each in found.values() for number in each})
            renumber = {old: new for new, old in enumerate(used)}
            listed = [self.words[number] for number in used]
            found = {key: array.array("I", (renumber[n] for n in each)) for key, each in found.items()}
        self.path.parent.mkdir(parents=True, exist_ok=True)
        part = self.path.with_name(self.path.name + ".part")
        with open(part, "wb") as handle:
            pickle.dump((self.version, listed, len(listed) if listed is not self.words else self.made_from, found),
                        handle, protocol=pickle.HIGHEST_PROTOCOL)
        part.replace(self.path)
        self.path.with_name(_FORMER).unlink(missing_ok=True)
