"""Notices that repeat another: the same association, title and event
start, or the same text. An e-mail added twice, or an issue sent again,
would otherwise be published twice. New notices (`add`, `new`,
`from-issue`) are refused; `check` warns about pairs already in the content,
since an editor may have meant two (a concert given twice with one text)."""

_SHORTEST_TEXT = 80  # a short text ("Tervetuloa!") is not the same notice


def _text(notice):
    return " ".join(notice.body.split()).casefold()


def _signature(notice):
    start = notice.event.start if notice.event else None
    return notice.association, " ".join(notice.title.split()).casefold(), start


def same_notice(a, b):
    text = _text(a)
    return _signature(a) == _signature(b) or (len(text) >= _SHORTEST_TEXT and text == _text(b))


def duplicate_of(notice, notices):
    """The first of `notices` that `notice` repeats, or None."""
    return next((other for other in notices if other.path != notice.path and same_notice(notice, other)), None)


def duplicate_pairs(notices):
    """(later, earlier) for each notice that repeats one before it (by path)."""
    ordered = sorted(notices, key=lambda n: n.path)
    pairs = []
    for index, notice in enumerate(ordered):
        first = duplicate_of(notice, ordered[:index])
        if first is not None:
            pairs.append((notice, first))
    return pairs
