"""simplemma's dictionaries, kept between builds ready for look-ups.

simplemma reads a language's dictionary from its compressed stream and
indexes it (its low-memory form, StreamMap) the first time a process looks a
word up: 1.2 s for Finnish. The lemma cache spares a rebuild that only when
it meets no word unseen before; a changed notice with one new word (a name,
a typo put right) paid the whole 1.2 s in the lemma map's process, which the
build then waited for. The indexed dictionary is kept in the cache folder as
a pickle, which loads in a twentieth of that time. Its name carries
simplemma's version; one that cannot be read back counts as none and is made
again.

It is kept above the rule sets' cache folders (contract's cache.py), as it
depends on simplemma's version alone: when a rule set's folder started
afresh (a new association or image did), the dictionary was made again. The lemma map's and the
network's processes both want it as a build starts: one makes it while the
other waits for it (a lock), instead of both making it.
"""
import fcntl
from bisect import bisect_right
from pathlib import Path

import simplemma
from simplemma.strategies import DefaultStrategy, DictionaryLookupStrategy, StreamDictionaryFactory
from simplemma.strategies.dictionaries import LOW_MEMORY_DICTIONARY_FACTORY, frontcode
from simplemma.strategies.dictionaries.dictionary_factory import SUPPORTED_LANGUAGES
from simplemma.strategies.dictionaries.stream_dictionary_factory import StreamMap
from simplemma.utils import normalize_token

from bulletin_incremental import kept


class KeptDictionaries(StreamDictionaryFactory):
    """simplemma's low-memory dictionaries, each kept in `folder` once made."""

    def __init__(self, folder):
        super().__init__()
        self.folder = Path(folder)

    def path(self, lang):
        return self.folder / f"simplemma-{simplemma.__version__}-{lang}.pickle"

    def _get_dictionary_uncached(self, lang):
        path = self.path(lang)
        made = _kept(path)
        if made is not None:
            return made
        if lang not in SUPPORTED_LANGUAGES:
            return super()._get_dictionary_uncached(lang)  # simplemma's ValueError, and no lock file
        try:
            self.folder.mkdir(parents=True, exist_ok=True)
            lock = open(self.folder / f"simplemma-{lang}.lock", "ab")
        except OSError:
            return super()._get_dictionary_uncached(lang)  # not kept: the next build makes it again
        with lock:
            fcntl.flock(lock, fcntl.LOCK_EX)  # released as it closes
            made = _kept(path)  # made by another process while this one waited
            if made is None:
                made = super()._get_dictionary_uncached(lang)
                kept.save(str(path), made)
                for older in self.folder.glob(f"simplemma-*-{lang}.pickle"):
                    if older != path:  # another version of simplemma's
                        older.unlink(missing_ok=True)
        return made


def _kept(path):
    """The dictionary kept at `path`, or None: none yet, or not readable."""
    made = kept.load(path)
    return made if isinstance(made, StreamMap) else None


class Dictionary:
    """simplemma.is_known and simplemma.lemmatize with low_memory=True, from
    dictionaries kept in `folder` when one is given."""

    def __init__(self, folder=None):
        factory = self._factory = KeptDictionaries(folder) if folder else LOW_MEMORY_DICTIONARY_FACTORY
        self._lookup = DictionaryLookupStrategy(factory)
        self._lemmatizer = simplemma.Lemmatizer(lemmatization_strategy=DefaultStrategy(dictionary_factory=factory))

    def is_known(self, word, lang):
        return self._lookup.get_lemma(normalize_token(word), lang) is not None

    def lemmatize(self, word, lang):
        return self._lemmatizer.lemmatize(word, lang)

    def forms(self, lemma, lang):
        """The words the dictionary gives `lemma` as their lemma (kirppis:
        kirppikselle, kirppiksellä…), among those that begin with its first
        letters: a form may change the last three (jumppa: jumpalle). The
        dictionary's words are sorted, so they are read from the first that
        begins so; [] from one that is not a sorted StreamMap."""
        stream = self._factory.get_dictionary(lang)
        if not isinstance(stream, StreamMap) or stream._rev:
            return []
        start = lemma[:max(3, len(lemma) - 3)].encode()
        block = max(bisect_right(stream._firsts, start) - 1, 0)
        found, target = [], lemma.encode()
        for _, key, value in frontcode._iter_records(stream._data, *stream._blocks[block]):
            if key.startswith(start):
                if value == target:
                    found.append(key.decode())
            elif key > start:
                break
        return found
