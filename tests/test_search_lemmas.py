"""The lemma map the search page expands queries with (pure functions)."""
import json
import multiprocessing
import pickle

import pytest
import simplemma
from conftest import ROOT
from simplemma.strategies.dictionaries.stream_dictionary_factory import StreamMap

from bulletin_search.dictionary import Dictionary, KeptDictionaries
from bulletin_search.synonyms import SYNONYMS
from bulletin_search import lemmas as lemmas_module
from bulletin_search.lemmas import (Lemmatizer, compound_tails, encode, file_key, load_lemmas, save_lemmas,
                                    vocabulary, words)


def build_lemma_map(*args, **kwargs):
    """The lemma map's files as tables (their JSON texts read)."""
    return {key: json.loads(text) for key, text in lemmas_module.build_lemma_map(*args, **kwargs).items()}


def test_words_are_lower_case_and_split_at_punctuation_and_hyphens():
    assert words("Asukastuvalla perjantai-iltana klo 17, 5.12.! (Talkooväelle)") == [
        "asukastuvalla", "perjantai", "iltana", "klo", "talkooväelle"]


def test_words_leave_out_numbers_and_single_letters():
    assert words("a 2026 b 12 ja 3b") == ["ja", "3b"]


@pytest.mark.parametrize("word, length, key", [
    ("asukastupa", 2, "as"), ("asukastupa", 3, "asu"), ("ab", 3, "ab"), ("äiti", 2, "_e4_i"),
    ("öljy", 2, "_f6_l"), ("ää", 2, "_e4__e4_"), ("3b", 2, "3b"),
])
def test_file_key_is_the_first_letters_ascii_safe(word, length, key):
    assert file_key(word, length) == key


def test_file_keys_of_different_letters_never_meet():
    # "äb" and the Thai letter U+0E4B would both be "_e4b" without the closing "_"
    assert file_key("äbc", 3) != file_key("\u0e4bc", 2)


@pytest.fixture(scope="module")
def lemmatize():
    return Lemmatizer()


@pytest.mark.parametrize("form, lemma", [
    ("asukastuvalla", "asukastupa"),
    ("talkooväelle", "talkooväki"),
    ("talkooväkeä", "talkooväki"),
    ("kerhohuoneella", "kerhohuone"),
    # unknown compounds: simplemma alone cuts these to their first part
    ("asukastupaa", "asukastupa"),
    ("kylätaloa", "kylätalo"),
    ("asukastupa", "asukastupa"),
    # simplemma's lemma is itself a form of another lemma: followed to the end
    ("asukastuvallemme", "asukastupa"),
])
def test_finnish_forms_find_their_lemma(lemmatize, form, lemma):
    assert lemmatize(form, "fi") == lemma


def test_every_weekday_abbreviation_is_a_form_of_its_weekday_in_finnish_only(lemmatize):
    # simplemma gives "la" lauantai, but "to" and "pe" no weekday
    abbreviations = ["ma", "ti", "ke", "to", "pe", "la", "su"]
    assert [lemmatize(word, "fi") for word in abbreviations] == [
        "maanantai", "tiistai", "keskiviikko", "torstai", "perjantai", "lauantai", "sunnuntai"]
    assert lemmatize("to", "en") == "to"


def test_a_language_simplemma_lacks_keeps_the_word(lemmatize):
    assert lemmatize("bures", "xx") == "bures"


def test_the_map_names_the_forms_of_a_lemma_and_the_lemma_of_a_form():
    lemmas = {"asukastuvalla": "asukastupa", "asukastuvan": "asukastupa", "talo": "talo"}
    counts = {("asukastuvalla", "fi"): 3, ("asukastuvan", "fi"): 5, ("talo", "fi"): 2}
    files = build_lemma_map(counts, lambda word, lang: lemmas[word])
    assert files == {"as": {
        # most frequent form first
        "forms": {"asukastupa": ["asukastuvan", "asukastuvalla"]},
        "lemmas": {"asukastuvalla": ["asukastupa"], "asukastuvan": ["asukastupa"]},
    }}  # "talo" is its only form: nothing to expand, so not in the map


def test_a_lemma_in_another_file_than_its_form():
    counts = {("paremmin", "fi"): 1, ("hyvin", "fi"): 1}
    files = build_lemma_map(counts, lambda word, lang: "hyvin")
    assert files["hy"]["forms"] == {"hyvin": ["hyvin", "paremmin"]}
    assert files["pa"]["lemmas"] == {"paremmin": ["hyvin"]}


def test_a_word_typed_without_its_diacritics_names_the_lemma():
    lemmas = {"karhumäen": "karhumäki", "karhumäellä": "karhumäki", "kylä": "kylä", "kylän": "kylä"}
    counts = {(word, "fi"): 1 for word in lemmas}
    files = build_lemma_map(counts, lambda word, lang: lemmas[word])
    assert files["ka"]["lemmas"] == {
        "karhumaen": ["karhumäki"], "karhumaella": ["karhumäki"], "karhumaki": ["karhumäki"],
        "karhumäellä": ["karhumäki"], "karhumäen": ["karhumäki"]}
    assert files["ky"]["lemmas"] == {"kyla": ["kylä"], "kylan": ["kylä"], "kylän": ["kylä"]}
    assert files["ky"]["forms"] == {"kylä": ["kylä", "kylän"]}


def test_a_form_shared_by_two_languages_names_both_lemmas():
    counts = {("tak", "sv"): 1, ("tak", "fi"): 1}
    files = build_lemma_map(counts, lambda word, lang: {"sv": "tack", "fi": "takki"}[lang])
    assert files["ta"]["lemmas"] == {"tak": ["tack", "takki"]}


@pytest.mark.parametrize("word", sorted(SYNONYMS))
def test_the_words_that_stand_for_each_other_are_base_forms(lemmatize, word):
    # the map matches them to the site's lemmas: an inflected one would never meet
    assert lemmatize(word, "fi") == word


def test_an_everyday_word_names_the_written_word_and_back_even_when_no_page_has_it(lemmatize):
    counts = vocabulary([("Kirpputori koululla.", "fi"), ("Tuo tavaraa kirppikselle.", "fi")])
    files = build_lemma_map(counts, lemmatize)
    assert set(files["ki"]["lemmas"]["kirppis"]) == {"kirpputori"}
    assert set(files["ki"]["lemmas"]["kirppikselle"]) == {"kirppis", "kirpputori"}
    # no page says "kirppari": it names both words the site has
    assert set(files["ki"]["lemmas"]["kirppari"]) == {"kirpputori", "kirppis"}
    # the lemma's only form is itself, listed for the everyday words to find
    assert files["ki"]["forms"]["kirpputori"] == ["kirpputori"]
    assert "srk" not in files.get("sr", {}).get("lemmas", {})  # no page says seurakunta


def test_an_everyday_words_forms_no_page_has_name_the_words_it_stands_for(lemmatize):
    # a reader types "kirppiksellä" and "jumpalle"; no page has them, and
    # Pagefind's stems of them are not those of kirppis and jumppa
    counts = vocabulary([("Kirpputori koululla.", "fi"), ("Kirppis auki.", "fi"), ("Voimistelua salissa.", "fi")])
    files = build_lemma_map(counts, lemmatize, spoken=lemmatize.forms)
    assert set(files["ki"]["lemmas"]["kirppiksellä"]) == {"kirppis", "kirpputori"}
    assert set(files["ki"]["lemmas"]["kirppareille"]) == {"kirppis", "kirpputori"}
    assert files["ju"]["lemmas"]["jumpalle"] == ["voimistelu"]
    assert "futikseen" not in files.get("fu", {}).get("lemmas", {})  # no page says jalkapallo or futis


def test_vocabulary_counts_documents_not_occurrences():
    counts = vocabulary([("talo talo Talon", "fi"), ("talo", "fi"), ("house", "en")])
    assert counts == {("talo", "fi"): 2, ("talon", "fi"): 1, ("house", "en"): 1}


def test_real_words_end_to_end(lemmatize):
    counts = vocabulary([("Tuo leivonnaiset asukastuvalle.", "fi"), ("Asukastuvan piha.", "fi")])
    files = build_lemma_map(counts, lemmatize)
    assert set(files["as"]["forms"]["asukastupa"]) == {"asukastuvalle", "asukastuvan"}


def where_the_search_page_looks(files, word):
    """search.js: the longest key of the word that is a file."""
    for length in range(len(word), 1, -1):
        if file_key(word, length) in files:
            return file_key(word, length)
    return None


def test_a_large_file_is_split_by_one_more_letter_and_every_word_stays_findable():
    stems = ["kala", "kana", "kata", "kaura", "kahvi", "ka"]
    counts = {(f"{stem}{ending}", "fi"): 1 for stem in stems for ending in ("", "n", "lla", "sta", "ksi")}
    lemma = lambda word, lang: next(s for s in sorted(stems, key=len, reverse=True) if word.startswith(s))  # noqa: E731
    whole = build_lemma_map(counts, lemma)
    assert list(whole) == ["ka"]
    split = build_lemma_map(counts, lemma, max_bytes=200)
    assert "ka" in split and {"kal", "kan", "kat", "kau", "kah"} <= set(split)
    assert all(len(encode(table).encode("utf-8")) <= 200 for key, table in split.items() if key != "ka")
    for (word, _), _ in counts.items():
        table = split[where_the_search_page_looks(split, word)]
        stored = whole["ka"]
        for part in ("forms", "lemmas"):
            assert table[part].get(word) == stored[part].get(word), (word, part)


def test_lemmas_kept_for_the_next_build_are_not_looked_up_again(tmp_path, monkeypatch):
    counts = vocabulary([("Asukastuvalla on kerhohuoneella tilaa, tupa on tuvan", "fi")])
    first = Lemmatizer()
    expected = build_lemma_map(counts, first, is_word=first.is_word)
    assert "asukastuvalla" in expected["tu"]["forms"]["tupa"]  # the compound's parts were looked up
    save_lemmas(tmp_path / "lemmas.pickle", first)

    def no_lookup(*args, **kwargs):
        raise AssertionError("looked up again")

    monkeypatch.setattr(Dictionary, "lemmatize", no_lookup)
    monkeypatch.setattr(Dictionary, "is_known", no_lookup)
    again = Lemmatizer(load_lemmas(tmp_path / "lemmas.pickle"))
    assert build_lemma_map(counts, again, is_word=again.is_word) == expected
    assert again.looked_up == 0


def test_the_lemma_cache_is_written_again_only_when_a_word_was_looked_up(tmp_path):
    path = tmp_path / "lemmas.pickle"
    first = Lemmatizer()
    build_lemma_map(vocabulary([("Asukastuvalla on tilaa", "fi")]), first, is_word=first.is_word)
    save_lemmas(path, first)
    written = path.stat().st_mtime_ns
    same = Lemmatizer(load_lemmas(path))
    build_lemma_map(vocabulary([("Tilaa on asukastuvalla", "fi")]), same, is_word=same.is_word)
    save_lemmas(path, same)
    assert path.stat().st_mtime_ns == written  # nothing new: left as it is
    more = Lemmatizer(load_lemmas(path))
    build_lemma_map(vocabulary([("Kuorolaiset laulavat asukastuvalla", "fi")]), more, is_word=more.is_word)
    assert more.looked_up > 0
    save_lemmas(path, more)
    kept = load_lemmas(path)["lemmas"]
    assert kept[("fi", "kuorolaiset")] == more("kuorolaiset") and ("fi", "asukastuvalla") in kept


def test_lemmas_of_another_version_are_not_used(tmp_path):
    path = tmp_path / "lemmas.pickle"
    path.write_bytes(pickle.dumps(("vanha", {"lemmas": {("fi", "asukastuvalla"): "väärä"}, "words": {}})))
    assert load_lemmas(path) == {}
    path.write_text('{"version": "vanha"}', encoding="utf-8")  # not a pickle: an older build's JSON
    assert load_lemmas(path) == {}
    assert load_lemmas(tmp_path / "puuttuu.pickle") == {}


def test_a_lemma_lists_the_forms_of_the_compounds_that_end_with_it():
    lemmas = {"tupa": "tupa", "tuvan": "tupa", "asukastuvalla": "asukastupa", "asukastupa": "asukastupa",
              "joulukuusi": "joulukuusi", "uusi": "uusi", "uuden": "uusi"}
    counts = {(word, "fi"): 1 for word in lemmas}
    counts[("asukastupa", "fi")] = 3
    dictionary = {"asukas", "joulu", "joulukuu"}  # "jouluk" is no word: uusi is no part of joulukuusi
    files = build_lemma_map(counts, lambda word, lang: lemmas[word],
                            is_word=lambda word, lang: word in dictionary)
    # its own forms first, then the compounds', most frequent first
    assert files["tu"]["forms"]["tupa"] == ["tupa", "tuvan", "asukastupa", "asukastuvalla"]
    assert files["uu"]["forms"]["uusi"] == ["uuden", "uusi"]
    # a compound's form still leads only to its own lemma, not to "tupa"
    assert files["as"]["lemmas"]["asukastuvalla"] == ["asukastupa"]


def test_compound_tails_of_real_words(lemmatize):
    lemmas = {"tupa", "asukastupa", "uusi", "joulukuusi", "ottaa", "tiedottaa", "puuro", "riisipuuro"}
    tails = compound_tails(lemmas, lemmatize.is_word, "fi")
    assert dict(tails) == {"tupa": ["asukastupa"], "puuro": ["riisipuuro"]}
    # with the lemmatizer, an end that is a base form need not be on the site
    tails = compound_tails(lemmas, lemmatize.is_word, "fi", lemmatize)
    assert dict(tails) == {"tupa": ["asukastupa"], "puuro": ["riisipuuro"], "kuusi": ["joulukuusi"]}


@pytest.mark.parametrize("form, compound, tail", [
    ("eläkeläiskerhossa", "eläkeläiskerho", "kerho"),  # eläkeläis- of eläkeläinen, in no dictionary
    ("vapaaehtoistoimintaan", "vapaaehtoistoiminta", "toiminta"),
    ("hevostallilla", "hevostalli", "talli"),
])
def test_a_compound_that_begins_with_a_nen_words_form_is_found_by_its_last_part(lemmatize, form, compound, tail):
    assert lemmatize(form, "fi") == compound
    assert compound_tails({compound}, lemmatize.is_word, "fi", lemmatize) == {tail: [compound]}


def test_a_short_beginning_in_s_is_no_nen_words_form(lemmatize):
    # "kes" as if of kenen: keskusta is no kusta, sisällä no ällä
    assert compound_tails({"keskusta", "sisällä"}, lemmatize.is_word, "fi", lemmatize) == {}


def test_a_compound_the_dictionary_knows_is_found_by_its_last_part(lemmatize):
    # villasukka and iltapäivä are in simplemma's dictionary, lemmas of their
    # own; sukka, juhla and päivä are no word of this site
    text = "Villasukkia myydään kesäjuhlassa iltapäivällä. Kesäiltana lauletaan."
    files = build_lemma_map(vocabulary([(text, "fi")]), lemmatize, is_word=lemmatize.is_word)
    forms = {lemma: found for table in files.values() for lemma, found in table["forms"].items()}
    assert forms["sukka"] == ["villasukkia"]
    assert forms["juhla"] == ["kesäjuhlassa"]
    assert forms["päivä"] == ["iltapäivällä"]
    # the last part, not the first: ilta finds kesäilta, not iltapäivä
    assert forms["ilta"] == ["kesäiltana"]
    # a form of the compound leads only to its own lemma
    assert files["vi"]["lemmas"]["villasukkia"] == ["villasukka"]


@pytest.mark.parametrize("lemma", ["iltaisin", "hienosti", "esimerkiksi", "maanantaisin", "tiedottaa"])
def test_a_chance_ending_that_is_no_base_form_is_no_part(lemmatize, lemma):
    # isin, osti, kiksi, antaisin: inflected forms or no words, whatever the rest is
    assert lemmatize(lemma) == lemma
    assert compound_tails({lemma}, lemmatize.is_word, "fi", lemmatize) == {}


def test_only_words_the_present_has_not_are_named_when_they_are_their_lemmas_only_form(lemmatize):
    counts, apart = lemmas_module.count_words([("Syysretki Saimaalle", "fi"), ("Sieniretki metsään", "fi")],
                                              [False, True])
    files = build_lemma_map(counts, lemmatize, is_word=lemmatize.is_word, apart=apart)
    # "sieniretki" is its lemma's only form: named as the archive's alone,
    # so the search page knows the present has no page with it
    assert files["si"]["past"]["sieniretki"] == ["sieniretki"]
    assert "sieniretki" not in files["si"]["forms"]
    # the present's own words of one form cost nothing
    assert "sy" not in files
    # and "retki" finds both, asked of each bundle where it is
    assert files["re"]["forms"]["retki"] == ["sieniretki", "syysretki"]
    assert files["re"]["past"]["retki"] == ["sieniretki"] and files["re"]["now"]["retki"] == ["syysretki"]


def _example_words():
    """Every distinct word of the example bulletin's notices and associations, in their languages."""
    found = set()
    for path in sorted(ROOT.glob("content/*/**/*.md")) + sorted(ROOT.glob("content/associations/*.yml")):
        text = path.read_text(encoding="utf-8")
        lang = "sv" if "\nlang: sv" in text else "en" if "\nlang: en" in text else "fi"
        found.update((word, lang) for word in words(text))
    return sorted(found)


def test_a_kept_dictionary_answers_as_simplemmas_own_and_is_not_made_again(tmp_path, monkeypatch):
    found = _example_words()
    assert len(found) > 1000 and {lang for _, lang in found} >= {"fi", "sv"}
    expected = [(simplemma.is_known(w, lang=lang, low_memory=True), simplemma.lemmatize(w, lang=lang, low_memory=True))
                for w, lang in found]
    first = Dictionary(tmp_path)
    assert [(first.is_known(w, lang), first.lemmatize(w, lang)) for w, lang in found] == expected
    assert KeptDictionaries(tmp_path).path("fi").is_file() and KeptDictionaries(tmp_path).path("sv").is_file()

    def made(*args, **kwargs):
        raise AssertionError("the dictionary was made again")

    with monkeypatch.context() as patched:
        patched.setattr(StreamMap, "__init__", made)
        again = Dictionary(tmp_path)
        assert [(again.is_known(w, lang), again.lemmatize(w, lang)) for w, lang in found] == expected


def _make_in_two_processes(folder):
    """Two forked processes ask `folder` for the Finnish dictionary at the same moment."""
    barrier = multiprocessing.get_context("fork").Barrier(2)

    def ask():
        barrier.wait()
        Dictionary(folder).is_known("asukas", "fi")

    processes = [multiprocessing.get_context("fork").Process(target=ask) for _ in range(2)]
    for process in processes:
        process.start()
    for process in processes:
        process.join(60)
    assert [process.exitcode for process in processes] == [0, 0]


def test_two_processes_that_want_a_dictionary_at_once_make_it_once(tmp_path, dictionaries_made):
    _make_in_two_processes(tmp_path / "cache")
    assert dictionaries_made.read_text() == "fi\n"
    assert _kept_names(tmp_path / "cache") == [KeptDictionaries(tmp_path).path("fi").name, "simplemma-fi.lock"]


def _kept_names(folder):
    return sorted(path.name for path in folder.iterdir())


def test_a_dictionary_of_another_simplemma_version_is_removed_as_one_is_made(tmp_path):
    older = tmp_path / "simplemma-0.9-fi.pickle"
    older.write_bytes(b"old")
    sv = tmp_path / "simplemma-0.9-sv.pickle"
    sv.write_bytes(b"old")
    assert Dictionary(tmp_path).is_known("asukas", "fi")
    assert not older.exists() and sv.exists()  # only the language made now is put right


def test_a_kept_dictionary_that_cannot_be_read_is_made_again(tmp_path):
    path = KeptDictionaries(tmp_path).path("fi")
    path.write_bytes(pickle.dumps({"asukas": "väärä"})[:-3])
    dictionary = Dictionary(tmp_path)
    assert dictionary.lemmatize("asukkaille", "fi") == simplemma.lemmatize("asukkaille", lang="fi", low_memory=True)
    assert dictionary.is_known("asukas", "fi") and not dictionary.is_known("asuk", "fi")
    assert pickle.loads(path.read_bytes()).get("asukas") is not None  # made again and kept


def test_a_language_simplemma_does_not_know_is_refused_as_before(tmp_path):
    with pytest.raises(ValueError):
        simplemma.is_known("sana", lang="xx", low_memory=True)
    with pytest.raises(ValueError):
        Dictionary(tmp_path).is_known("sana", "xx")
    assert Lemmatizer(dictionaries=tmp_path)("sana", "xx") == "sana"
    assert not list(tmp_path.iterdir())


def test_a_word_longer_than_any_compound_is_cut_nowhere():
    """A "word" of 20,000 letters (a notice of one line, accepted) was cut at
    each of its places, each cut's parts looked up: seconds of the build.
    Words of compound length are still cut."""
    looked_up = []

    def is_word(word, lang):
        looked_up.append(word)
        return word in {"asukas", "tupa"}

    assert compound_tails({"a" * 20000, "x" * 81}, is_word, "fi") == {}
    assert looked_up == []
    assert compound_tails({"asukastupa", "tupa"}, is_word, "fi") == {"tupa": ["asukastupa"]}
    lemmatizer, before = Lemmatizer(), len(looked_up)
    lemmatizer.is_word = is_word
    assert lemmatizer._compound("a" * 20000, "fi") is None and len(looked_up) == before
