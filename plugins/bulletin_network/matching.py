"""Needs met by offers and spaces, through the site's Finnish lemmas.

A need and an offer meet when they share a word's lemma (kuljetusapua,
Kuljetusapu: kuljetusapu) or a part of a compound (Kuljetus turnausmatkoille,
Kuljetusapu retkille: kuljetus). The words and lemmas are the search's own
(bulletin_search.lemmas): the same Lemmatizer, the same compound rule. Words
that say nothing of what is offered (ja, yhdistys, tapahtuma) never make a
match; rarer shared words weigh more, so the best answer comes first.

A space (bulletin_spaces) is read as its name, its purposes' and equipment's
labels and its description. Only a need that asks for premises is offered
spaces: one whose first word, what a need names first being what it asks
for (Varastotilaa suksille, Salivuoro liikunnalle; after a verb or an
adjective: Etsimme lämmintä kerhotilaa), is or ends in a word for premises. "Vapaaehtoisia asukastuvan aukioloon" asks for people, not
for the tupa. The word that says so, when it is no more than "tila", is
not enough of a match alone: every space is a tila. A need that names
weekdays (Harjoitustila tiistai-iltoihin) is not offered a space whose free
hours fall on none of them.
"""
import math
from collections import Counter
from dataclasses import dataclass, field

from bulletin_contract.slots import weekdays_named
from bulletin_search.lemmas import _MIN_PART, _MIN_TAIL, Lemmatizer, save_lemmas, words

# Lemmas shared by nearly any two items, words of when (weekdays too, and
# -isin, the ending of tiistaiaamuisin that the compound rule reads as a
# part) and of how many (40 hengelle, 60 henkeä: every space says so):
# a match on them would be false. The dictionary reads "työ" as the pronoun
# "sinä" (sinä, työ: "you" in Finnish and dialect), so both go; lending and
# asking are what offers and needs do, not what they are about.
STOP_LEMMAS = frozenset("""
ja tai sekä myös kanssa sekä että eli kuin jos kun niin vain joka mikä se ne me te he minä sinä hän
yhdistys järjestö seura muu muut kaikki oma uusi hyvä eri sama yksi kaksi
apu avu työ olla tehdä saada voida varten esim esimerkiksi noin h vko viikko kk
laina lainata tarvita tarjota
tapahtuma tilaisuus toiminta asia
ilta aamu päivä kevät kesä syksy talvi iltaisin päivisin aamuisin arkisin arki
maanantai tiistai keskiviikko torstai perjantai lauantai sunnuntai viikonloppu
maanantaisin tiistaisin keskiviikkoisin torstaisin perjantaisin lauantaisin sunnuntaisin viikonloppuisin isin
henki henkilö
""".split())

# Lemmas (of a word or a compound's part) that say a need is for premises.
# "tilaa" (partitive of tila) is read by the lemmatizer as the verb tilata,
# which a need hardly means; so tilata counts as tila.
PREMISES_LEMMAS = frozenset("""
tila tilata sali huone halli kämppä varasto aitta tupa talo sauna keittiö
""".split())
# Premises words any space answers to: they make no match on their own.
GENERIC_PREMISES = frozenset({"tila", "tilata"})
# Who a need or an offer is for, not what it is: "Nuorten kesätyöpaikat" is
# no answer to "Kesäleiri nuorille", "Hallituksen jäseniä" none to "Jäsenten
# virkistysretket", "Vapaaehtoisia kuljettajia" none to "Koulutusta
# vapaaehtoisille". They make no match on their own, but count beside a
# word of what is offered ("Jalkapallokoulu nuorille").
PEOPLE = frozenset("""
nuori lapsi perhe jäsen ikäihminen seniori eläkeläinen aikuinen asukas vammainen maahanmuuttaja
nainen mies opiskelija koululainen kuntalainen vapaaehtoinen
""".split())
# Words a need may begin with before naming what it asks for: "Etsimme
# lämmintä varastotilaa" asks for a varastotila, "Esteetön harjoitustila"
# for a harjoitustila (the dictionary reads porrasaton as porras).
LEADING_LEMMAS = frozenset("""
etsiä tarvita hakea kaivata toivoa löytää vuokrata lainata saada kysyä
pieni iso suuri lämmin edullinen edullistaa ilmainen maksuton sopiva oma uusi
esteetön porras porrasatonta tilava valoisa rauhallinen siisti viihtyisä halpa
""".split())

# One thing said two ways, each (the lemma or a compound's part) read as the
# other: a need for drivers is met by transport offered, storage by a varasto.
SYNONYMS = {
    "kuljettaja": "kuljetus", "kyyti": "kuljetus", "autokyyti": "kuljetus",
    "säilytys": "varasto", "säilytystila": "varastotila", "varastointi": "varasto",
}

MAX_ANSWERS = 3  # offers shown under one need
# A shared part of two compounds says less than a shared word (valokuva and
# valotekniikka share valo), so it weighs less.
PART_WEIGHT = 0.5


@dataclass
class Item:
    """One offer or need: its text, its association, and its lemma keys."""

    text: str
    association: str
    keys: dict = field(default_factory=dict)  # key -> the word of the text it came from
    whole: set = field(default_factory=set)  # keys that are a word's own lemma, not a part
    asks: set = field(default_factory=set)  # keys of the first word: what a need asks for
    ref: object = None  # what the text describes, when not the text itself (a space's slug)
    days: frozenset = None  # a space's: the weekdays it is free, None when its free hours are not given

    @property
    def wants_premises(self):
        return not PREMISES_LEMMAS.isdisjoint(self.asks)

@dataclass
class Match:
    offer: Item
    score: float
    shared: list  # the offer's own words that met the need


class Matcher:
    """Keys of texts by `lemmatize` (a bulletin_search Lemmatizer)."""

    def __init__(self, lemmatize, lang="fi"):
        self.lemmatize, self.lang = lemmatize, lang

    def keys(self, text):
        """({key: word}, whole keys): each word's lemma, and the parts of a
        compound lemma."""
        found, whole = {}, set()
        for word in words(text):
            lemma = self.lemmatize(word, self.lang)
            own = SYNONYMS.get(lemma, lemma)  # the word's own key, not a part's
            for key in (lemma, *self.parts(lemma)):
                key = SYNONYMS.get(key, key)
                if key not in STOP_LEMMAS and len(key) >= _MIN_PART:
                    found.setdefault(key, word)
                    whole.update([key] if key == own else [])
        return found, whole

    def parts(self, lemma):
        """Heads and tails of a compound whose both sides are words
        (kuljetus in kuljetusapu, retki in kesäretki), as lemmas. A tail
        shorter than the search's shortest compound tail (apu) is too often
        an ending to stand for the compound; its head still does."""
        is_word = self.lemmatize.is_word
        out = []
        for cut in range(_MIN_PART, len(lemma) - _MIN_PART + 1):
            head, tail = lemma[:cut], lemma[cut:]
            if is_word(head, self.lang) and is_word(tail, self.lang):
                out += [self.lemmatize(head, self.lang)] + ([tail] if len(tail) >= _MIN_TAIL else [])
        return out

    def item(self, text, association, ref=None, days=None):
        return Item(text, association, *self.keys(text), self.asked(text), ref, days)

    def asked(self, text):
        """The keys of the need's first word that names a thing: what it asks for."""
        for word in words(text):
            keys = self.keys(word)[0]
            if keys and self.lemmatize(word, self.lang) not in LEADING_LEMMAS:
                return set(keys)
        return set()


def match(needs, offers, most=MAX_ANSWERS, weak=frozenset(), fits=lambda need, offer: True):
    """For each need, in order, its [Match] best first; an offer of the
    need's own association answers nothing, nor do `weak` keys alone, nor
    an offer that `fits` says cannot serve the need."""
    every = needs + offers
    frequency = Counter(key for item in every for key in item.keys)
    weight = {key: math.log(1 + len(every) / count) for key, count in frequency.items()}
    answers = []
    for need in needs:
        found = []
        for offer in offers:
            if offer.association == need.association or not fits(need, offer):
                continue
            shared = [key for key in need.keys if key in offer.keys]
            if not weak.issuperset(shared):
                words_met = sorted({offer.keys[key] for key in shared})
                score = sum(weight[k] * (1 if k in need.whole and k in offer.whole else PART_WEIGHT)
                            for k in shared)
                found.append(Match(offer, score, words_met))
        found.sort(key=lambda m: (-m.score, m.offer.association, m.offer.text))
        answers.append(found[:most])
    return answers


def free_on_a_day_named(need, space):
    """A need that names weekdays (tiistai-iltoihin, viikonloppuisin) is not
    served by a space whose free hours are given and fall on none of them."""
    named = weekdays_named(need.text)
    return not named or space.days is None or not named.isdisjoint(space.days)


def match_spaces(needs, spaces, most=MAX_ANSWERS):
    """For each need, in order, the spaces ([Match] of space items) that
    answer it, best first: none unless it asks for premises."""
    asking = [need for need in needs if need.wants_premises]
    found = dict(zip(map(id, asking), match(asking, spaces, most, weak=GENERIC_PREMISES | PEOPLE,
                                            fits=free_on_a_day_named)))
    return [found.get(id(need), []) for need in needs]


def match_texts(needs, offers, lang, cache=None, spaces=(), dictionaries=None):
    """(match(), match_spaces()) for [(text, association slug)] needs and
    offers and [(text, association slug, space slug, weekdays free or None)] spaces, with the
    search's Lemmatizer. `cache` (a file) keeps the lemmas and dictionary look-ups
    between builds, as the search's lemma cache does, so that a rebuild
    with the same offers and needs does not load the dictionary at all;
    `dictionaries` (a folder) keeps simplemma's, as the search's."""
    lemmatize = Lemmatizer.kept_in(cache, dictionaries)
    matcher = Matcher(lemmatize, lang)
    need_items = [matcher.item(*n) for n in needs]
    answers = match(need_items, [matcher.item(*o) for o in offers], weak=PEOPLE)
    space_answers = match_spaces(need_items, [matcher.item(*s) for s in spaces])
    if cache:  # every word looked up: the texts' and their compounds' parts
        save_lemmas(cache, lemmatize)
    return answers, space_answers
