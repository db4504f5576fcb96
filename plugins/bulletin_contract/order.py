"""The one order of notices: newest first, by slug among notices of the same moment."""
from operator import attrgetter


def _moment(article):
    # the timestamp, not the datetime: two datetimes of one zone compare by
    # their wall clocks, which around a change of summer time is not the
    # order of their moments
    return article.date.timestamp()


def newest_first(articles):
    """Two stable sorts instead of one by a tuple made for each notice; a
    sort keeps the order of equal keys, also in reverse, so notices of the
    same moment stay by slug."""
    ordered = sorted(articles, key=attrgetter("slug"))
    ordered.sort(key=_moment, reverse=True)
    return ordered
