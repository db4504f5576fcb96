"""The site's vocabulary for the search page's typing-error matcher.

A query word that no page has is matched in the browser to the site's
words within one or two edits (theme/static/js/typos.js). Those words are
here: every word on the site and every lemma of them (a query is often a
base form the site has only inflected), with the number of documents they
occur in, so the matcher can prefer frequent words.

A word within one edit has the length of the typed word or one letter more
or less, so the files are split by length first (haku/sanasto/9.json), then
by the first letters when a file passes MAX_FILE_BYTES (9-ko.json, 9-ka.json
for both kä and ka), as the
lemma map is: a query with one unknown word fetches a few files, and a query
whose words are all on the site fetches none.
"""
from collections import Counter

from .lemmas import MAX_FILE_BYTES, file_key, fold, split_files

# Shorter words have too many neighbours to be corrected (the search page
# leaves them as typed); they are not candidates either. Nor are longer
# words than any reader types: a run of letters in a notice could be
# thousands long, and a file is split at most once per letter.
MIN_CANDIDATE = 3
MAX_CANDIDATE = 40


def vocabulary_key(word, length):
    """The file of a word: its length, then its first `length` letters
    without diacritics, as a reader may type them (search.js computes the
    same)."""
    size = len(word)
    return str(size) if length == 0 else f"{size}-{file_key(fold(word), length)}"


def build_vocabulary(counts, lemmatize, max_bytes=MAX_FILE_BYTES, kept=None, changed=None):
    """{file key: JSON text of {word: documents}} of the words and lemmas in
    `counts` ((word, lang) -> documents, as lemmas.vocabulary gives them). A
    lemma counts the documents of all its forms. `kept` and `changed`: as
    for lemmas.build_lemma_map."""
    words = Counter()
    for (word, lang), count in counts.items():
        lemma = lemmatize(word, lang)
        for each in {word, lemma}:
            if MIN_CANDIDATE <= len(each) <= MAX_CANDIDATE and each.isalpha():
                words[each] += count
    if kept and changed is not None:
        kept.mark({each for word, lang in changed for each in (word, lemmatize(word, lang))}, vocabulary_key, 0)
    return split_files(words, lambda table, group: {w: table[w] for w in group}, vocabulary_key, 0, max_bytes, kept)
