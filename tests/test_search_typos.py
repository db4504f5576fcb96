"""The typing-error matcher of the search page (theme/static/js/typos.js),
a pure function, run in Node with parametrized cases, and the vocabulary
the build writes for it (bulletin_search/spelling.py)."""
import json
import shutil
import subprocess
from pathlib import Path

import pytest

from bulletin_search.lemmas import encode
from bulletin_search import spelling
from bulletin_search.spelling import MAX_CANDIDATE, vocabulary_key


def build_vocabulary(*args, **kwargs):
    """The vocabulary's files as tables (their JSON texts read)."""
    return {key: json.loads(text) for key, text in spelling.build_vocabulary(*args, **kwargs).items()}

TYPOS = Path(__file__).resolve().parents[1] / "theme" / "static" / "js" / "typos.js"

# A site's words with the documents they occur in, as spelling.py writes them.
SITE = {
    "konsertti": 3, "konserttiin": 2, "joulukonsertti": 1, "lukupiiri": 2, "kokoustila": 2,
    "syyskokous": 4, "induktiosilmukka": 3, "kerho": 5, "kerhoon": 2, "karhumäki": 2, "karhumäen": 1,
    "virtasen": 1, "talo": 6, "tupa": 3, "myyjäiset": 4, "asukastupa": 3, "kuoro": 4, "kuori": 1,
    "lauantai": 5, "lauantaina": 4, "sauna": 2, "kansio": 1, "konsertit": 1,
}


def js(expression):
    """The value of a JavaScript expression over typos.js, in Node."""
    node = shutil.which("node")
    if node is None:
        pytest.skip("node is not installed: tests/install-and-run installs it")
    script = f"import * as t from {json.dumps(TYPOS.as_uri())}; console.log(JSON.stringify({expression}));"
    done = subprocess.run([node, "--input-type=module", "-e", script], capture_output=True, text=True, check=True)
    return json.loads(done.stdout)


def correct(typed, first=True, site=SITE):
    return js(f"t.correct({json.dumps(typed)}, {json.dumps(site)}, {json.dumps(first)})")


@pytest.mark.parametrize("typed, word", [
    ("konsetti", "konsertti"),  # a letter left out
    ("lukupirri", "lukupiiri"),  # a letter changed
    ("kokoutila", "kokoustila"),
    ("syyskookous", "syyskokous"),  # a letter too many
    ("kosnertti", "konsertti"),  # two letters swapped
    ("induktiosilmkka", "induktiosilmukka"),
    ("indutkiosilmkka", "induktiosilmukka"),  # two edits in a word of nine letters or more
    ("Konsetti", "konsertti"),  # a phone capitalises the query's first word
    ("karhumakei", "karhumäki"),  # no ä is no error: the one edit is the e
    ("myyjaiest", "myyjäiset"),
    ("lauantaia", "lauantai"),  # of two words one edit away, the more frequent
])
def test_a_typing_error_is_matched_to_the_site_word(typed, word):
    assert correct(typed) == word


@pytest.mark.parametrize("typed, first", [
    ("tal", True),  # short words have too many neighbours
    ("kon", True),
    ("ja", True),
    ("2026", True),  # numbers and words with digits
    ("klo18", True),
    ("Virtanen", False),  # a capital after the first word: a name
    ("Kerhi", False),
    ("konstitutio", True),  # too far from every word
    ("kerhoja", True),  # two edits from "kerhoon", in a word of fewer than nine letters
    ("karhumaen", True),  # the site's word without ä, though karhumäki is two edits away
])
def test_words_that_must_not_be_corrected_stay_as_typed(typed, first):
    assert correct(typed, first) is None


@pytest.mark.parametrize("typed, site, word", [
    ("ansio", {"kansio": 1, "ansiot": 1}, "ansiot"),  # the same first letter before frequency
    ("ansio", {"kansio": 9, "bnsio": 1}, "kansio"),  # otherwise the more frequent word
    ("tlao", {"talo": 1, "tulo": 5}, "talo"),  # a swap is one edit, a change of two letters two
    ("saunaa", {"sauna": 1, "saunat": 3}, "saunat"),  # of two at one edit, the more frequent
])
def test_the_nearest_word_is_preferred_then_the_first_letter_then_frequency(typed, site, word):
    assert correct(typed, True, site) == word


@pytest.mark.parametrize("a, b, limit, edits", [
    ("konsetti", "konsertti", 1, 1),
    ("kosnertti", "konsertti", 1, 1),
    ("talo", "tupa", 1, 2),  # more than the limit: limit + 1
    ("talo", "talo", 1, 0),
    ("indutkiosilmkka", "induktiosilmukka", 2, 2),
    ("induktoisilmka", "induktiosilmukka", 2, 3),
    ("äiti", "aiti", 1, 1),  # diacritics are folded by correct(), not here
])
def test_distance_counts_edits_up_to_a_limit(a, b, limit, edits):
    assert js(f"t.distance({json.dumps(a)}, {json.dumps(b)}, {limit})") == edits


@pytest.mark.parametrize("word, lengths", [
    ("konsetti", [7, 8, 9]),
    ("induktiosilmkka", [13, 14, 15, 16, 17]),
    ("kerh", [3, 4, 5]),
])
def test_a_word_is_compared_with_the_site_words_of_nearby_lengths(word, lengths):
    assert js(f"t.candidateLengths({json.dumps(word)})") == lengths


def test_the_vocabulary_holds_words_and_their_lemmas_with_document_counts():
    counts = {("konserttiin", "fi"): 2, ("konsertit", "fi"): 1, ("ja", "fi"): 9, ("klo18", "fi"): 1,
              ("hålls", "sv"): 1}
    lemmas = {"konserttiin": "konsertti", "konsertit": "konsertti", "ja": "ja", "klo18": "klo18", "hålls": "hålla"}
    files = build_vocabulary(counts, lambda word, lang: lemmas[word])
    merged = {word: count for table in files.values() for word, count in table.items()}
    assert merged == {"konserttiin": 2, "konsertit": 1, "konsertti": 3, "hålls": 1, "hålla": 1}
    assert set(files) == {"11", "9", "5"}  # by length: a word of 8 letters fetches 7, 8 and 9


def test_a_large_vocabulary_file_is_split_by_first_letters_without_diacritics():
    counts = {(word, "fi"): 1 for word in ("kissa", "käsi", "kassi", "koira", "kuusi", "aamut", "äidit")}
    files = build_vocabulary(counts, lambda word, lang: word, max_bytes=40)
    for key, table in files.items():
        assert len(encode(table).encode()) <= 40 or all(len(w) <= 2 for w in table), key
        assert all(vocabulary_key(word, key.count("-") and len(key.split("-")[1])) == key for word in table)
    # käsi and kassi fold to the same first letters: one file serves "kasi" and "käsi"
    assert vocabulary_key("käsi", 2) == vocabulary_key("kasi", 2) == "4-ka"


def test_a_run_of_letters_longer_than_any_word_is_left_out_of_the_vocabulary():
    # one notice's 20,000 letters without a space must not split files 20,000 times
    counts = {("a" * 20000, "fi"): 1, ("a" * MAX_CANDIDATE, "fi"): 1, ("kerho", "fi"): 1}
    files = build_vocabulary(counts, lambda word, lang: word, max_bytes=10)
    assert sorted(word for table in files.values() for word in table) == ["a" * MAX_CANDIDATE, "kerho"]
