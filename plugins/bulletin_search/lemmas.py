"""The site's own vocabulary, grouped by lemma, for the search page.

Pagefind stems words, but a Finnish stem often differs between forms of one
word (asukastupa / asukastuvalla). Writing lemmas into the indexed text would
show them in excerpts, so the build instead writes a map from each word on the
site to the other forms of the same lemma that occur on the site. The search
page looks a query word up and asks Pagefind for every form, so base forms and
inflected forms find the same notices and the excerpts stay in the notice's
own words.
"""
import functools
import hashlib
import itertools
import json
import pickle
import re
import unicodedata
from collections import Counter, defaultdict
from pathlib import Path

from bulletin_i18n.translations import FI

from .synonyms import SYNONYMS


# Letters and digits; Pagefind too splits words at punctuation and hyphens.
_WORD = re.compile(r"[^\W_]+")
# Languages whose unknown words are often compounds of known words.
_COMPOUNDING = {"fi"}
_MIN_PART = 3  # shorter heads and tails are suffixes or clitics, not words
_MIN_NEN_HEAD = 5  # eläkeläis-, hevos-: see is_head
# No compound is longer (Finnish's longest written ones have some 60
# letters): a longer "word" is cut nowhere, as each cut looks its parts up,
# and the cuts of one of 20,000 letters took seconds.
_MAX_COMPOUND = 80
# Pagefind finds every word that a query word begins, so a form this short
# would find what the reader did not ask for: "la", the site's abbreviation
# of lauantai, finds "lainaan" and "lautapelejä". A lemma does not list
# such forms (a reader who types one still gets the lemma's other forms).
_MIN_FORM = 3
# A weekday's abbreviation, as the site's dates write it (la 5.12.2026), is
# a form of the weekday: simplemma has "la" and "ma" so, but not "to" and
# "pe", which then found every word they begin before Thursday's events.
_WEEKDAY_ABBREVIATIONS = dict(zip(FI["weekdays_short"], FI["weekdays_name"]))


@functools.lru_cache(maxsize=1 << 16)
def fold(word):
    """The word without diacritics, as typed without Finnish letters
    (karhumaki for karhumäki)."""
    if word.isascii():
        return word
    return "".join(c for c in unicodedata.normalize("NFD", word) if not unicodedata.combining(c))


def words(text):
    """Lower-case words of a text, without numbers and single letters."""
    return [w for w in _WORD.findall(text.lower()) if len(w) > 1 and not w.isdigit()]


class Lemmatizer:
    """simplemma with a cache per word, and compounds read from the end.

    simplemma cuts an unknown compound to its first part (asukastupa ->
    asukas). When a word is not in its dictionary but splits into two known
    words, the lemma is the head and the tail's lemma (asukas + tupa).
    """

    def __init__(self, known=None, dictionaries=None):
        # simplemma is imported by the processes that look words up (the
        # lemma map's, the network's), not by the build's own (80 ms)
        from .dictionary import Dictionary

        known = known or {}
        self._dictionary = Dictionary(dictionaries)  # a folder keeps simplemma's, ready (dictionary.py)
        self._cache = dict(known.get("lemmas", {}))  # (lang, word) -> lemma
        self._words = dict(known.get("words", {}))  # (lang, word) -> in the dictionary?
        self._forms = dict(known.get("forms", {}))  # (lang, lemma) -> the dictionary's forms of it
        self.looked_up = 0  # words looked up in simplemma by this one, not known before

    @classmethod
    def kept_in(cls, cache, dictionaries=None):
        """One that starts from what the lemma cache `cache` (a file, or None)
        kept, with simplemma's dictionaries kept in `dictionaries` (a
        folder; by default beside the cache)."""
        return cls(load_lemmas(cache), dictionaries or cache.parent) if cache else cls()

    def is_word(self, word, lang="fi"):
        """Whether simplemma's dictionary has the word (asukas, but not asuk)."""
        key = (lang, word)
        if key not in self._words:
            self.looked_up += 1
            try:
                self._words[key] = self._dictionary.is_known(word, lang)
            except ValueError:  # a language simplemma does not know
                self._words[key] = False
        return self._words[key]

    def known(self):
        """What was looked up, as load_lemmas gives it back: {"lemmas":
        {(lang, word): lemma}, "words": {(lang, word): in the dictionary?},
        "forms": {(lang, lemma): its forms}}."""
        return {"lemmas": self._cache, "words": self._words, "forms": self._forms}

    def forms(self, lemma, lang="fi"):
        """The forms simplemma's dictionary has of `lemma` (Dictionary.forms)."""
        key = (lang, lemma)
        if key not in self._forms:
            self.looked_up += 1
            try:
                self._forms[key] = tuple(self._dictionary.forms(lemma, lang))
            except ValueError:  # a language simplemma does not know
                self._forms[key] = ()
        return self._forms[key]

    def __call__(self, word, lang="fi"):
        key = (lang, word)
        if key not in self._cache:
            self.looked_up += 1
            self._cache[key] = word  # until known; also ends a cycle of lemmas
            lemma = self._lemma(word, lang)
            # simplemma's lemma is sometimes a form of another lemma
            # (asukastuvallemme -> asukastuvalle -> asukastupa): follow it.
            self._cache[key] = lemma if lemma == word else self(lemma, lang)
        return self._cache[key]

    def _lemma(self, word, lang):
        if lang == "fi" and word in _WEEKDAY_ABBREVIATIONS:
            return _WEEKDAY_ABBREVIATIONS[word]
        try:
            return self._compound(word, lang) or _clean(self._dictionary.lemmatize(word, lang)) or word
        except ValueError:  # a language simplemma does not know: the word as it is
            return word

    def _compound(self, word, lang):
        if lang not in _COMPOUNDING or len(word) > _MAX_COMPOUND or self.is_word(word, lang):
            return None
        for cut in range(_MIN_PART, len(word) - _MIN_PART + 1):
            head, tail = word[:cut], word[cut:]
            if is_head(head, lang, self.is_word) and self.is_word(tail, lang):
                return head + _clean(self._dictionary.lemmatize(tail, lang))
        return None


def is_head(word, lang, is_word):
    """Whether a compound may begin with `word`: a word (asukas), or in
    Finnish the form a -nen word takes there (eläkeläis of eläkeläinen in
    eläkeläiskerho, hevos of hevonen), which no dictionary has; of five
    letters or more, as a shorter one is more often a chance (the "kes" of
    keskusta, as if of kenen)."""
    if is_word(word, lang):
        return True
    return lang in _COMPOUNDING and len(word) >= _MIN_NEN_HEAD and word.endswith("s") and is_word(word[:-1] + "nen", lang)


def _clean(lemma):
    return "".join(_WORD.findall(lemma.lower()))


# A map file is split by one more letter when it would be larger than this,
# so a query loads a few kilobytes however large the site's vocabulary grows.
MAX_FILE_BYTES = 16 * 1024


def file_key(word, length=2):
    """The name of the map file for a word's first `length` letters, ASCII-safe
    and unambiguous (search.js computes the same)."""
    head = word[:length]
    if head.isascii() and head.isalnum():
        return head
    return "".join(c if c.isascii() and c.isalnum() else f"_{ord(c):x}_" for c in head)


def encode(table):
    return json.dumps(table, ensure_ascii=False, separators=(",", ":"), sort_keys=True)


def build_lemma_map(counts, lemmatize, max_bytes=MAX_FILE_BYTES, is_word=None, apart=None, kept=None,
                    changed=None, spoken=None):
    """{file key: the JSON text of {"forms": {lemma: [forms]}, "lemmas": {form: [lemmas]}}}.

    `counts` maps (word, lang) to the number of documents it occurs in. A
    lemma lists the forms of it that occur on the site, most frequent first,
    so the search page can keep the commonest when a query has many; a form
    names its lemmas, which may sit in another file, and so does the form
    without its diacritics (karhumaen, karhumaki). Each word is stored
    once, so the map grows with the vocabulary, not with its square, except
    that a lemma lists the forms of the compounds that end with it too, so
    that "tupa" finds "asukastuvalla" (in Finnish the last part of a
    compound says what it is); `is_word(head, lang)` tells a compound's
    first part from a chance ending (asukas-tupa, not joulu-k-uusi). Lemmas
    whose only form on the site is the lemma itself are left out: the search
    page searches every word as typed anyway.

    `apart` is (words only the present's pages have, words only the
    archive's have) (archive.py): a lemma names those of its forms in "now"
    and "past", so the search page asks each bundle only for forms it has,
    and a word that is its lemma's only form is in "past" when only the
    archive has it: a word of the query the present does not have sends
    the search to the archive. Pagefind reads a word it does not have as
    parts (kevät in kevätkonsertti) or finds a near one (kantaa for
    kantarelleja) and would find what the reader did not ask for.

    A word is in the file of its first two letters, or of more letters when
    that file was split; search.js looks for the longest key that exists.

    `spoken(lemma, lang)` gives the forms a dictionary has of a word of
    synonyms.py (Lemmatizer.forms): each names the lemmas its word stands
    for and the word, so that "kirppikselle", which no page has, finds
    "kirpputori" and "kirppis".

    `kept` (kept_files.KeptFiles) has the previous build's files, and
    `changed` the (word, lang) whose count or place (`apart`) is not the
    previous build's: the files of the keys of words they touch are made
    again, the others taken as they were.
    """
    groups = defaultdict(Counter)
    compounding = defaultdict(set)  # lemmas of languages that join words into compounds
    for (word, lang), count in counts.items():
        lemma = lemmatize(word, lang)
        groups[lemma][word] += count
        if lang in _COMPOUNDING:
            compounding[lang].add(lemma)
    tails = defaultdict(list)
    for lang, lemmas in compounding.items() if is_word else ():
        for tail, compounds in compound_tails(lemmas, is_word, lang, lemmatize).items():
            tails[tail] += compounds
    entries = defaultdict(lambda: {"forms": {}, "lemmas": [], "now": [], "past": []})
    only_now, only_past = apart or (set(), set())
    # the site's lemmas another word stands for (synonyms.py): listed even
    # when their only form is themselves, for that word to find
    named = {other for word in SYNONYMS for other in SYNONYMS[word] if other in groups or other in tails}
    # a compound's end may be no word of the site: listed for its compounds
    for lemma in sorted(groups.keys() | tails.keys()):
        own = by_count(groups.get(lemma, ()))
        # then the forms of the compounds it ends (tupa: asukastuvalla,
        # hirsitupa), which remain forms of their own lemmas only
        compounds = tails.get(lemma)
        forms = [f for f in own if len(f) >= _MIN_FORM or f == lemma]
        forms += by_count(sum((groups[c] for c in compounds), Counter())) if compounds else []
        if not forms:
            continue
        if forms == [lemma] and lemma not in named:
            # searched as typed anyway; but a word only the archive has is
            # named, so the search page knows the present has no page with it
            if lemma in only_past:
                entries[lemma]["past"] = forms
            continue
        entries[lemma]["forms"] = forms
        entries[lemma]["now"] = [f for f in forms if f in only_now]
        entries[lemma]["past"] = [f for f in forms if f in only_past]
        for form in own:
            if form != lemma:
                entries[form]["lemmas"].append(lemma)
    # A word a reader types for another (kirppis, kirpputori) and its
    # forms on the site name the site's lemmas of the others, whose forms
    # the search page then asks for too; the word need not be on the site.
    # Its forms in the dictionary, which a reader types and no page may
    # have (kirppikselle), name its own lemma too.
    for word, others in SYNONYMS.items():
        present = [other for other in others if other in named]
        for form in {word, *groups.get(word, ())} if present else ():
            entries[form]["lemmas"] += [lemma for lemma in present if lemma not in entries[form]["lemmas"]]
        meant = ([word] if word in named else []) + present
        for form in spoken_forms(word, spoken) if meant else ():
            if form != word and form not in groups.get(word, ()):
                entries[form]["lemmas"] += [lemma for lemma in meant if lemma not in entries[form]["lemmas"]]
    # Pagefind finds "karhumaki" where the text says "karhumäki", but not
    # "Karhumäen": a word typed without its diacritics names the lemmas of
    # the word it stands for.
    for word in [w for w in entries if fold(w) != w]:
        lemmas = ([word] if entries[word]["forms"] else []) + entries[word]["lemmas"]
        alias = entries[fold(word)]
        alias["lemmas"] = sorted(set(alias["lemmas"]) | set(lemmas))
    if kept and changed is not None:
        kept.mark(touched_words(changed, lemmatize, is_word, compounding, groups, spoken), file_key, 2)
    return split_files(entries, _table, max_bytes=max_bytes, kept=kept)


def spoken_forms(word, spoken):
    """The dictionary's forms of a word of synonyms.py (all Finnish)."""
    return spoken(word, "fi") if spoken else ()


def touched_words(changed, lemmatize, is_word, compounding, groups, spoken=None):
    """The words whose entries in the lemma map may differ from the previous
    build's, when the (word, lang) `changed` did, as build_lemma_map makes
    them: the word and its lemma, the lemmas whose compounds that lemma
    ends, the words that stand for that lemma (synonyms.py) with their
    forms (`groups`: lemma -> its forms) and their dictionary's forms
    (`spoken`), and each one's form without diacritics. (A lemma comes into the
    map or leaves it, naming its forms or no longer, only when its forms
    other than itself come or go: they are changed words themselves.)"""
    touched = set()
    for word, lang in changed:
        lemma = lemmatize(word, lang)
        touched.update((word, lemma))
        for each in _COMPOUNDING & ({lang} | {c for c, lemmas in compounding.items() if lemma in lemmas}):
            # as compound_tails finds them; a tail that left is a changed word's lemma itself
            for cut in range(_MIN_PART, len(lemma) - _MIN_TAIL + 1) if is_word else ():
                if _is_tail(lemma, cut, compounding[each], is_word, each, lemmatize):
                    touched.add(lemma[cut:])
    for lemma in [lemmatize(word, lang) for word, lang in changed]:
        touched.update(spoken_forms(lemma, spoken) if lemma in SYNONYMS else ())
        for other in SYNONYMS.get(lemma, ()):
            touched.update([other, *groups.get(other, ()), *spoken_forms(other, spoken)])
    touched.update([fold(word) for word in touched])
    return touched


def by_count(counter):
    """The words of a Counter, the most frequent first, then alphabetically."""
    if len(counter) == 1:  # most lemmas have one form on the site
        return list(counter)
    return sorted(counter, key=lambda word: (-counter[word], word))


_MIN_TAIL = 4  # a shorter last part is more often an ending than a word (ovi: kuovi)


def compound_tails(lemmas, is_word, lang, lemmatize=None):
    """{lemma: [the lemmas that end with it]}: asukastupa and hirsitupa
    end with tupa. The rest must be a word of its own (asukas, hirsi), or
    the end is chance: uusi in joulukuusi, ottaa in tiedottaa. With
    `lemmatize`, the end need not be a word of the site, only a word in its
    base form, as a lemma's end is: a compound the dictionary knows is its
    own lemma (villasukka), and "sukka" finds "villasukkia"; an inflected
    form is chance (isin in iltaisin, osti in hienosti)."""
    tails = defaultdict(list)
    for lemma in sorted(lemmas):
        if len(lemma) > _MAX_COMPOUND:
            continue
        for cut in range(_MIN_PART, len(lemma) - _MIN_TAIL + 1):
            if _is_tail(lemma, cut, lemmas, is_word, lang, lemmatize):
                tails[lemma[cut:]].append(lemma)
    return tails


def _is_tail(lemma, cut, lemmas, is_word, lang, lemmatize):
    tail = lemma[cut:]
    if tail not in lemmas and not (lemmatize and is_word(tail, lang) and lemmatize(tail, lang) == tail):
        return False
    return is_head(lemma[:cut], lang, is_word)


def _table(entries, words):
    table = {"forms": {}, "lemmas": {}}
    for word in words:
        for part in ("forms", "lemmas", "now", "past"):
            if entries[word][part]:
                table.setdefault(part, {})[word] = entries[word][part]
    return table


def split_files(entries, table, key=file_key, length=2, max_bytes=MAX_FILE_BYTES, kept=None):
    """{file key: JSON text of table(entries, words)}: the words grouped by
    key(word, length), a group split by one more letter while its table
    would be larger than `max_bytes`. `kept` (kept_files.KeptFiles) gives
    the files of a key whose words it did not mark, and keeps what is made."""
    files = {}
    for made in _split(entries, table, key, length, max_bytes, sorted(entries), kept).values():
        files.update(made)
    return files


def _split(entries, table, key, length, max_bytes, words, kept):
    """{key: the files made under it} for the words grouped by key(word, length)."""
    by_key = defaultdict(list)
    for word in words:
        by_key[key(word, length)].append(word)
    made = {}
    for name, group in by_key.items():
        files = kept.take(name) if kept else None
        if files is None:
            short = [w for w in group if len(w) <= length]  # cannot go to a longer key
            whole, longer = encode(table(entries, group)), {}
            if len(whole.encode("utf-8")) <= max_bytes or len(short) == len(group):
                files = {name: whole}
            else:
                files = {name: encode(table(entries, short))} if short else {}
                longer = _split(entries, table, key, length + 1, max_bytes, [w for w in group if len(w) > length],
                                kept)
                for each in longer.values():
                    files.update(each)
            if kept:
                kept.made(name, files, list(longer))
        made[name] = files
    return made


def count_words(documents, archived=()):
    """Document counts of (word, lang) for [(text, lang)], and (words only
    in the present's documents, words only in the archive's), `archived`
    telling for each document whether it is archived."""
    return count_found(((set(words(text)), lang) for text, lang in documents), archived)


def count_found(documents, archived=(), word=None):
    """count_words for documents given as (their distinct words, lang), or
    (their distinct words, lang, the words of theirs a build draws anew), a
    word given as whatever `word` turns into it (a number, texts.NoticeWords).
    One pass, one document's words at a time: a hundred thousand documents'
    word sets at once took most of a gigabyte."""
    by_lang, now, past = defaultdict(Counter), set(), set()
    shared, arrays = Counter(), {}  # (the words a build draws anew, lang, past?) -> the documents with them
    for (found, lang, *drawn), old in zip(documents, itertools.chain(archived, itertools.repeat(False))):
        by_lang[lang].update(found)
        (past if old else now).update(found)
        if drawn and drawn[0]:
            arrays[id(drawn[0])] = drawn[0]
            shared[id(drawn[0]), lang, old] += 1
    # Such words are shared by many documents (their association's name, the
    # past's label) and counted once for all that share them: a set union
    # per document was a second at 100,000 notices. A word also in a
    # document's own text counts twice there; the counts only order forms.
    for (key, lang, old), documents_with in shared.items():
        by_lang[lang].update(dict.fromkeys(arrays[key], documents_with))
        (past if old else now).update(arrays[key])
    word = word or str
    counts = Counter({(word(w), lang): n for lang, counter in by_lang.items() for w, n in counter.items()})
    return counts, ({word(w) for w in now - past}, {word(w) for w in past - now})


def vocabulary(documents):
    """Document counts of (word, lang) for [(text, lang)]."""
    return count_words(documents)[0]


# The lemmas of a build's words are kept for the next build (in Pelican's
# cache folder): a rebuild then looks up only the words it has not seen, and
# loads simplemma's dictionary only if there are any. Another simplemma or
# another version of this file starts the cache afresh.
@functools.cache
def _cache_version():
    import simplemma

    return hashlib.sha256(f"simplemma {simplemma.__version__}\0".encode() + Path(__file__).read_bytes()).hexdigest()


def load_lemmas(path):
    """What a previous build looked up (Lemmatizer.known), or {}."""
    try:
        with open(path, "rb") as handle:
            version, known = pickle.load(handle)
    except Exception:  # none yet, or not readable: everything is looked up afresh
        return {}
    return known if version == _cache_version() else {}


def save_lemmas(path, lemmatize):
    """Keep what has been looked up for the next build, when anything new
    was: a rebuild that met no new word leaves the file as it is. The file
    is the cache folder's own (a pickle, as Pelican's content cache is):
    read a hundred thousand notices' words in a tenth of the time JSON took."""
    path = Path(path)
    if not lemmatize.looked_up and path.exists():
        return
    path.parent.mkdir(parents=True, exist_ok=True)
    with open(path, "wb") as handle:
        pickle.dump((_cache_version(), lemmatize.known()), handle, protocol=pickle.HIGHEST_PROTOCOL)


def write_files(folder, files, kept=None):
    """Write one JSON file per key (of the lemma map or the vocabulary,
    their texts as split_files gives them);
    returns a version that changes with the content. `kept(name, data)`
    says when the file `name` (in `folder`) is in place already, the same
    as the previous build's: a rebuild after one notice changed rewrites
    the few files whose words changed, not a thousand."""
    digest = hashlib.sha256()
    for key in sorted(files):
        data = files[key]
        digest.update(f"{key}\0{data}\0".encode())
        name = f"{key}.json"
        if kept is None or not kept(name, data):
            folder.mkdir(parents=True, exist_ok=True)
            (folder / name).write_text(data, encoding="utf-8")
    return digest.hexdigest()[:12]
