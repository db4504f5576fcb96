"""The lemma map's and vocabulary's files kept between builds: after any
change of the documents' words, the files a rebuild makes from what was
kept are the files a build from nothing makes."""
import random

import pytest
from test_search_lemmas import _example_words

from bulletin_search.generator import lemma_map
from bulletin_search.kept_files import KeptSets
from bulletin_search.lemmas import Lemmatizer, build_lemma_map, count_found
from bulletin_search.spelling import build_vocabulary

SMALL = 400  # bytes: the example's few thousand words split by three and four letters, as a region's do by two


@pytest.fixture(scope="module")
def lemmatize():
    return Lemmatizer()


def files(documents, archived, lemmatize, kept=None):
    counts, apart = count_found(((set(found), lang) for found, lang in documents), archived)
    changed = kept.changed(counts, apart) if kept else None
    made = (build_lemma_map(counts, lemmatize, SMALL, lemmatize.is_word, apart, kept and kept["lemmas"], changed),
            build_vocabulary(counts, lemmatize, SMALL, kept and kept["vocabulary"], changed))
    if kept:
        kept.save()
    return made


def edit(documents, archived, pool, rng):
    """One of the edits a rebuild meets: a notice's words changed, a notice
    added or removed, a notice moved into the archive or back."""
    kind = rng.choice(["words", "words", "add", "remove", "archive"])
    at = rng.randrange(len(documents))
    if kind == "words":
        found, lang = documents[at]
        found = set(found)
        found -= set(rng.sample(sorted(found), min(len(found), rng.randint(0, 3))))
        found |= {word for word, each in rng.sample(pool, 6) if each == lang}
        documents[at] = (found, lang)
    elif kind == "add":
        word, lang = rng.choice(pool)
        documents.append(({word} | {w for w, each in rng.sample(pool, 30) if each == lang}, lang))
        archived.append(rng.random() < 0.5)
    elif kind == "remove" and len(documents) > 2:
        del documents[at], archived[at]
    else:
        archived[at] = not archived[at]


@pytest.mark.parametrize("seed", range(4))
def test_files_made_from_what_was_kept_are_a_whole_builds(tmp_path, lemmatize, seed):
    rng = random.Random(seed)
    pool = _example_words()
    # made-up compounds of the example's words too, so that a tail's lemma
    # (tupa) gains and loses the forms of compounds (asukastupa) that end with it
    fi = [word for word, lang in pool if lang == "fi" and len(word) >= 4]
    pool += [(rng.choice(fi) + rng.choice(fi), "fi") for _ in range(200)]
    # words whose lemma is shorter than the first key (an: a), letters with their diacritics apart
    pool += [("an", "en"), ("a\u0308iti", "fi"), ("o\u0308o\u0308", "fi"), ("a\u030a", "sv")] * 20
    # words that stand for each other (synonyms.py), under other keys (srk, seurakunnan)
    pool += [(word, "fi") for word in ("kirppis", "kirppikselle", "kirpputoreille", "srk", "seurakunnan")] * 20
    documents = [({w for w, each in rng.sample(pool, 40) if each == lang}, lang)
                 for lang in rng.choices(["fi", "fi", "fi", "sv", "en"], k=60)]
    archived = [rng.random() < 0.4 for _ in documents]
    kept = tmp_path / "kept.pickle"
    files(documents, archived, lemmatize, KeptSets(kept, "v", ("lemmas", "vocabulary")))
    taken = 0
    for round_ in range(25):
        edit(documents, archived, pool, rng)
        sets = KeptSets(kept, "v", ("lemmas", "vocabulary"))
        made = files(documents, archived, lemmatize, sets)
        afresh = KeptSets(tmp_path / f"afresh-{round_}.pickle", "v", ("lemmas", "vocabulary"))
        assert made == files(documents, archived, lemmatize, afresh)
        for name, each in sets.sets.items():
            taken += each.taken
            # what is kept for the next build is what a whole build keeps,
            # so that it too makes only the keys a changed word touches
            assert each.state() == afresh[name].state()
    assert taken > 0  # files were taken, not all made again


def test_counts_as_the_previous_builds_take_every_file_without_loading_a_lemma(tmp_path, monkeypatch):
    documents = [({"asukastuvalla", "kerhohuoneessa", "tupa"}, "fi"), ({"stugan", "huset"}, "sv")]
    kept = tmp_path / "kept.pickle"
    expected = lemma_map(documents, None, [False, True], kept=KeptSets(kept, "v", ("lemmas", "vocabulary")))
    written = (kept.stat().st_ino, kept.stat().st_mtime_ns)  # a file written again is another file

    def loaded(cache):
        raise AssertionError("the lemmas were loaded")

    monkeypatch.setattr(Lemmatizer, "kept_in", loaded)
    again = lemma_map(documents, None, [False, True], kept=KeptSets(kept, "v", ("lemmas", "vocabulary")))
    assert again == expected and (kept.stat().st_ino, kept.stat().st_mtime_ns) == written


def test_another_version_or_an_unreadable_file_makes_every_file(tmp_path, lemmatize):
    documents = [({"asukastuvalla", "tupa", "tuvan"}, "fi")]
    kept = tmp_path / "kept.pickle"
    expected = files(documents, [False], lemmatize, KeptSets(kept, "v", ("lemmas", "vocabulary")))
    assert files(documents, [False], lemmatize, KeptSets(kept, "toinen", ("lemmas", "vocabulary"))) == expected
    kept.write_bytes(kept.read_bytes()[:100])
    assert files(documents, [False], lemmatize, KeptSets(kept, "v", ("lemmas", "vocabulary"))) == expected
    counts, apart = count_found([(words, lang) for words, lang in documents], [False])
    assert KeptSets(kept, "v", ("lemmas", "vocabulary")).changed(counts, apart) == set()  # written whole again
