"""Matching a space wanted to the spaces offered: each criterion holds or
fails on its own, and a match says why it fits."""
from types import SimpleNamespace

import pytest

from bulletin_contract.model import Space, Wanted
from bulletin_contract.slots import merged, parse_slot
from bulletin_i18n import Translator
from bulletin_settings import DEFAULTS
from bulletin_spaces.matching import match_all, misses


def slots(*written):
    return merged(s for text in written for s in parse_slot(text, "available"))


def a_space(**changes):
    values = dict(slug="sali", path="spaces/sali.yml", name="Sali", association="testikyla", address="Tie 1",
                  capacity=25, purposes=["kokous", "liikunta"], accessibility=["porrasaton", "esteeton-wc"],
                  available=slots("ti 17-21", "to 17-21", "la 10-16"))
    values.update(changes)
    return Space(**values)


def a_need(**changes):
    values = dict(capacity=15, when=slots("ti 17-19"), purposes=["liikunta"], accessibility=["porrasaton"])
    values.update(changes)
    return Wanted(**values)


def test_a_space_with_everything_fits():
    assert misses(a_space(), a_need()) == []


# (need, space) that fit only just, and the same with one criterion broken.
@pytest.mark.parametrize("need, space, missed", [
    (a_need(capacity=25), a_space(), []),  # exactly as many persons
    (a_need(capacity=26), a_space(), ["capacity"]),
    (a_need(accessibility=["porrasaton", "esteeton-wc"]), a_space(), []),
    (a_need(accessibility=["hissi"]), a_space(), ["accessibility"]),
    (a_need(accessibility=[]), a_space(accessibility=[]), []),
    (a_need(accessibility=["porrasaton"]), a_space(accessibility=["luiska"]), ["accessibility"]),
    (a_need(purposes=["kokous", "liikunta"]), a_space(), []),
    (a_need(purposes=["musiikki"]), a_space(), ["purposes"]),
    (a_need(purposes=["liikunta", "musiikki"]), a_space(), ["purposes"]),
    (a_need(equipment=["piano"]), a_space(equipment=["piano", "poydat"]), []),
    (a_need(equipment=["piano"]), a_space(), ["equipment"]),  # a space for music is not one with a piano
    (a_need(equipment=["piano", "poydat"]), a_space(equipment=["piano"]), ["equipment"]),
    (a_need(when=slots("ti 17-21")), a_space(), []),  # the whole free slot
    (a_need(when=slots("ti 20-22")), a_space(), ["when"]),  # runs past the free hours
    (a_need(when=slots("ti 16-18")), a_space(), ["when"]),  # starts before them
    (a_need(when=slots("ke 17-19")), a_space(), ["when"]),  # another day
    (a_need(when=slots("ti 18-19", "la 12-14")), a_space(), []),  # every asked slot covered
    (a_need(when=slots("ti 18-19", "su 12-14")), a_space(), ["when"]),  # one of them not
    (a_need(when=slots("ti 17-19")), a_space(available=[]), ["when"]),  # no free hours given
    (a_need(when=slots("ti 17-19")), a_space(available=slots("ti 17-18", "ti 18-19")), []),  # touching: one
    (a_need(when=slots("ti 17-19")), a_space(available=slots("ti 17-18", "ti 18.30-19")), ["when"]),  # a gap
    (a_need(capacity=99, purposes=["musiikki"], accessibility=["hissi"], when=slots("su 8-9")), a_space(),
     ["capacity", "accessibility", "purposes", "when"]),
])
def test_each_criterion(need, space, missed):
    assert misses(space, need) == missed


def a_wanted_notice(need, association="toinen", partners=()):
    return SimpleNamespace(notice=SimpleNamespace(wanted=need, association=association, partners=list(partners)))


def test_matches_are_explained_with_the_free_slot_persons_and_features():
    t = Translator("fi")
    labels = {kind: DEFAULTS[f"BULLETIN_SPACE_{kind.upper()}"] for kind in ("accessibility", "purposes", "equipment")}
    article = a_wanted_notice(a_need(purposes=[]))
    fits = match_all([a_space(), a_space(slug="pieni", capacity=5)], [article])
    assert [m.space.slug for m in fits] == ["sali"]
    assert fits[0].explain(t, labels) == "vapaana ti 17–21, 25 hlöä, porrasaton sisäänkäynti"
    # sauna is a purpose (Saunavuorot) and a piece of equipment (Sauna): each said in its own words
    article = a_wanted_notice(a_need(purposes=["sauna"], equipment=["sauna"]))
    [fit] = match_all([a_space(purposes=["sauna", "liikunta"], equipment=["sauna"])], [article])
    assert fit.explain(t, labels) == "vapaana ti 17–21, 25 hlöä, porrasaton sisäänkäynti, saunavuorot, sauna"


def test_one_free_slot_covering_two_asked_is_named_once():
    article = a_wanted_notice(a_need(when=slots("ti 17-18", "ti 19-20")))
    [fit] = match_all([a_space()], [article])
    assert len(fit.free) == 1


def test_an_association_that_asks_is_not_offered_its_own_space():
    own, other = a_wanted_notice(a_need(), "testikyla"), a_wanted_notice(a_need(), "toinen")
    assert [m.article for m in match_all([a_space(association="testikyla")], [own, other])] == [other]


def test_associations_asking_together_are_not_offered_a_partners_space():
    joint = a_wanted_notice(a_need(), "toinen", partners=["testikyla"])
    assert match_all([a_space(association="testikyla")], [joint]) == []
