"""The lemma map's and vocabulary's files, kept between builds.

Grouping the site's words into files, and encoding each group to see
whether it must be split by one more letter, was half of the lemma map's
time in a rebuild after one notice changed (0.9 of 1.9 s at 20,000
notices), and the build waited for it. The files under a key are a function
of the entries of the words under that key alone, and an entry a function
of the documents' word counts, so a rebuild compares the counts with the
previous build's and makes again only the keys (and their longer keys)
of the words whose entries the changed counts touch
(lemmas.touched_words); the other keys' files are taken as they were.
What is kept is in the cache folder, by the site key: other code or
settings start afresh.
"""
import pickle
from pathlib import Path


class KeptFiles:
    """One set of files (the lemma map's or the vocabulary's): what the
    previous build made, and what this one makes, for lemmas.split_files."""

    def __init__(self, old=None):
        # the previous build's ({key: ([file names], [longer keys])}, {file name: JSON text}), or None
        self._old = old
        self.keys, self.files = {}, {}
        self.marked = None  # the keys to make again; None: every key
        self.taken = 0  # how many keys' files were taken as they were

    def mark(self, words, key, length):
        """Make again the keys, by `key(word, length)` and longer, of `words`."""
        # a word stays under a key of each length up to its own (lemmas.split_files),
        # a shorter one (a folded "a\u0308") under the first
        self.marked = {key(word, n) for word in words for n in range(length, max(len(word), length) + 1)}

    def take(self, name):
        """The previous build's files under the key `name` when it is not
        marked; else None."""
        if self._old is None or self.marked is None or name in self.marked or name not in self._old[0]:
            return None
        self._carry(name)
        self.taken += 1
        files = {n: self._old[1][n] for n in self.keys[name][0]}
        self.files.update(files)
        return files

    def take_all(self):
        """The previous build's files, all of them (no word changed: KeptSets.unchanged)."""
        self.keys, self.files = self._old
        self.taken = len(self.keys)
        return dict(self.files)

    def _carry(self, name):
        # the longer keys' records too, so that a later change under one of
        # them makes only that one again
        self.keys[name] = self._old[0][name]
        for longer in self.keys[name][1]:
            self._carry(longer)

    def made(self, name, files, longer):
        """Note the files made under the key `name`, its `longer` keys' included."""
        self.keys[name] = (list(files), longer)
        self.files.update(files)

    def state(self):
        return self.keys, self.files


class KeptSets:
    """The kept file sets of a build, by name, and the word counts they were
    made from, in one file of the cache folder."""

    def __init__(self, path, version, names):
        self.path, self.version = Path(path), version
        old = self._load()
        kept = old.get("sets", {})
        # the counts compare only when every set they made was kept
        self._counts = old.get("counts") if all(name in kept for name in names) else None
        self._apart = old.get("apart")
        self.sets = {name: KeptFiles(kept.get(name)) for name in names}
        self._same = False  # whether the counts are the previous build's

    def __getitem__(self, name):
        return self.sets[name]

    def _load(self):
        try:
            with open(self.path, "rb") as handle:
                version, kept = pickle.load(handle)
        except Exception:  # none yet, or not readable: every file is made afresh
            return {}
        return kept if version == self.version else {}

    def changed(self, counts, apart):
        """The (word, lang) whose document count, or whose being only in the
        present or only in the archive (lemmas.count_found), is not the
        previous build's; None when nothing was kept. Notes `counts` and
        `apart` for the next build."""
        old_counts, old_apart = self._counts, self._apart
        self._counts, self._apart = counts, apart
        if old_counts is None:
            return None
        changed = {key for key, _ in counts.items() ^ old_counts.items()}
        moved = (apart[0] ^ old_apart[0]) | (apart[1] ^ old_apart[1])
        if moved:
            langs = {lang for _, lang in counts} | {lang for _, lang in old_counts}
            changed |= {(word, lang) for word in moved for lang in langs
                        if (word, lang) in counts or (word, lang) in old_counts}
        self._same = not changed
        return changed

    def unchanged(self):
        """Every set's files as the previous build made them, when `changed`
        found no change (the lemmas need not even be loaded); else None."""
        if not self._same:
            return None
        return {name: kept.take_all() for name, kept in self.sets.items()}

    def save(self):
        """Keep this build's files for the next (a build whose counts were the
        previous build's has nothing to keep: `unchanged`); written whole
        under another name first, so none is ever read half written."""
        self.path.parent.mkdir(parents=True, exist_ok=True)
        part = self.path.with_name(self.path.name + ".part")
        sets = {name: kept.state() for name, kept in self.sets.items()}
        with open(part, "wb") as handle:
            pickle.dump((self.version, {"counts": dict(self._counts), "apart": self._apart, "sets": sets}), handle,
                        protocol=pickle.HIGHEST_PROTOCOL)
        part.replace(self.path)
