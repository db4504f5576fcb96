"""Accents on one letter: real scripts stack a few (Vietnamese two, Hebrew
points three or four); a heap of them ("Zalgo") is drawn over the lines
above and below, over other notices in a listing and over the text around
it on a page. One limit for every text field and a notice's text;
contract.js reads it from the schema (`marks`)."""
import re
import unicodedata

MAX_STACKED_MARKS = 5

# Combining marks are neither word characters nor space, so a heap of them
# is inside a run of such characters: the few runs long enough are looked
# at one character at a time, not the whole text (a notice's text is long).
_LONG_RUN = re.compile(rf"[^\w\s]{{{MAX_STACKED_MARKS + 1},}}")


def stacked_marks(text):
    """The most combining marks (Mn, Me) in a row, where that is more than
    the limit; else at most the limit."""
    most = 0
    for match in _LONG_RUN.finditer(text):
        run = 0
        for char in match.group():
            run = run + 1 if unicodedata.category(char) in ("Mn", "Me") else 0
            most = max(most, run)
    return most
