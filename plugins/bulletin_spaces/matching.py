"""Which spaces fit a space wanted, and why, computed at build time.

A space fits when it takes at least as many persons, has every
accessibility feature, purpose and piece of equipment asked for, and for
each asked hour range has one free slot that covers it; and it is not the
premises of the association that asks.
"""
from dataclasses import dataclass

from bulletin_contract.slots import slot_text

CRITERIA = ("capacity", "accessibility", "purposes", "equipment", "when")


def misses(space, wanted):
    """The criteria (of CRITERIA) that `space` does not meet for `wanted`."""
    missed = []
    if space.capacity < wanted.capacity:
        missed.append("capacity")
    if not set(wanted.accessibility) <= set(space.accessibility):
        missed.append("accessibility")
    if not set(wanted.purposes) <= set(space.purposes):
        missed.append("purposes")
    if not set(wanted.equipment) <= set(space.equipment):
        missed.append("equipment")
    if any(covering(space, asked) is None for asked in wanted.when):
        missed.append("when")
    return missed


def covering(space, asked):
    """The space's first free slot that covers the asked slot, or None."""
    return next((free for free in space.available if free.covers(asked)), None)


@dataclass(frozen=True)
class Match:
    """A space that fits a wanted notice, with the facts that make it fit."""

    space: object
    article: object  # the wanted notice
    free: tuple  # the space's free slots that cover the asked ones

    def explain(self, t, vocabularies):
        """`vapaana ti 17–21, 25 hlöä, porrasaton sisäänkäynti`. `vocabularies`
        holds each kind's labels apart: a slug may be a purpose and a piece of
        equipment (sauna), labelled differently."""
        weekdays = t("weekdays_short")
        parts = [t("match_free", slots=", ".join(slot_text(s, weekdays) for s in self.free)),
                 t.count("space_persons", self.space.capacity)]
        wanted = self.article.notice.wanted
        for kind in ("accessibility", "purposes", "equipment"):
            for slug in getattr(wanted, kind):
                label = vocabularies[kind].get(slug, slug)
                parts.append(label[:1].lower() + label[1:])
        return ", ".join(parts)


def match_all(spaces, wanted_articles):
    """Every (space, wanted notice) pair that fits, in the order given. An
    association knows its own premises, and its partners in a joint notice
    theirs: their spaces are no match for its notice."""
    matches = []
    for article in wanted_articles:
        wanted = article.notice.wanted
        asking = {article.notice.association, *article.notice.partners}
        for space in spaces:
            if space.association not in asking and not misses(space, wanted):
                free = []
                for asked in wanted.when:
                    slot = covering(space, asked)
                    if slot not in free:
                        free.append(slot)
                matches.append(Match(space, article, tuple(sorted(free))))
    return matches
