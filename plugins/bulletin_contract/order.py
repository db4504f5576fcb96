"""The one order of notices: newest first, by slug among notices of the same moment."""
from operator import attrgetter


def newest_first(articles):
    """Two stable sorts by an attribute (a key function in C) instead of one
    by a tuple made in Python for each notice, which took a second of a
    rebuild at 100,000 notices; a sort keeps the order of equal keys, also
    in reverse, so notices of the same moment stay by slug."""
    ordered = sorted(articles, key=attrgetter("slug"))
    ordered.sort(key=attrgetter("date"), reverse=True)
    return ordered
