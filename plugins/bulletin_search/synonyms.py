"""Words readers type for the words notices are written in, and back.

A reader types "kirppis" for the flea market a notice calls "kirpputori",
"srk" for seurakunta, "jumppa" for voimistelu. No dictionary says that
they are one thing, so this table does: each group is one thing said in
several ways, every word in its base form (its lemma, as the search's
Lemmatizer gives it; tests/test_search_lemmas.py checks this). The lemma
map (lemmas.build_lemma_map) lets a word of a group, and each of its forms
on the site, name the group's other words that are on the site, so any of
them finds the notices with any other, inflected too (kirppis finds
"kirpputorille"). A reader's inflected form that no page has
("kirppikselle") is in the map too, as the dictionary's forms of each word
here name its group's words on the site (Lemmatizer.forms).

Add a group only for words that mean the same thing to a reader: a search
for one lists the pages with the others, and the excerpts mark them.
"""

SAME = [
    ("kirpputori", "kirppis", "kirppari"),
    ("seurakunta", "srk"),
    ("voimistelu", "jumppa"),
    ("eläkeläinen", "eläkkeensaaja"),
    ("jalkapallo", "futis"),
    ("jääkiekko", "lätkä"),
    ("pöytätennis", "pingis"),
]

# each word -> the other words of its group
SYNONYMS = {word: tuple(other for other in group if other != word) for group in SAME for word in group}
