"""The checker's own rules, exported for the submission form's script.

`bulletin check` reads Markdown with the patterns and limits of
body_checks.py and addresses with those of render.py. The form cannot run
Python, so the build writes those very patterns (translated to JavaScript's
regular expression syntax), limits and message keys into the form's schema,
and theme/static/js/contract.js walks the text with them as the checker
does. A rule changed here changes the form with the next build.
"""
import os
import re
from pathlib import Path

from . import body_checks, fields, render, slugs

# Python's regular expressions write a few things JavaScript writes otherwise.
_FLAGS = ((re.IGNORECASE, "i"), (re.MULTILINE, "m"), (re.DOTALL, "s"))


def _pieces(source):
    """A pattern's pieces in order, each (text, in_class): an escape (`\\d`)
    whole, any other character alone; in_class says whether it stands in a
    character class, its brackets included."""
    index, in_class = 0, False
    while index < len(source):
        if source[index] == "\\":
            yield source[index:index + 2], in_class
            index += 2
            continue
        char = source[index]
        yield char, in_class or char == "["
        in_class = char != "]" if in_class else char == "["
        index += 1


def _without_possessive(source):
    """`a*+` (Python 3.11, no backtracking) to `a*`: JavaScript has no
    possessive quantifiers, and for finding a match they agree."""
    out, pieces = [], list(_pieces(source))
    for index, (piece, in_class) in enumerate(pieces):
        if index and not pieces[index - 1][1] and pieces[index - 1][0] in "*+?}" and piece == "+" \
                and not (pieces[index - 1][0] == "?" and out[-2:-1] == ["("]):
            continue  # the possessive + after a quantifier
        out.append(piece)
    return "".join(out)


# Python's \s without re.ASCII: what str.isspace() calls space (none is past U+3000).
_PY_SPACE = "".join(f"\\u{ord(char):04x}" for char in map(chr, range(0x3001)) if char.isspace())
_PY_WORD = r"\p{L}\p{N}_"  # Python's \w: str.isalnum() and _
# Inside a class and outside it; JavaScript reads \d, \w and \s as ASCII (and
# \s with U+FEFF), Python as Unicode: a list numbered ١. is a list to Markdown.
_UNICODE_CLASSES = {"d": (r"\p{Nd}", r"\p{Nd}"), "s": (_PY_SPACE, f"[{_PY_SPACE}]"),
                    "w": (_PY_WORD, f"[{_PY_WORD}]"), "S": (None, f"[^{_PY_SPACE}]"),
                    "W": (None, f"[^{_PY_WORD}]"), "D": (None, r"\P{Nd}"),
                    "b": (None, f"(?:(?<=[{_PY_WORD}])(?![{_PY_WORD}])|(?<![{_PY_WORD}])(?=[{_PY_WORD}]))")}
# What JavaScript's u flag lets a backslash escape outside letters and digits
_SYNTAX = set("^$\\.*+?()[]{}|/-")


def _as_unicode(source):
    """Python's Unicode \\d, \\s, \\w and \\b in JavaScript's words, for the u flag
    (which also refuses `\\"` and other escapes that need none)."""
    out = []
    for piece, in_class in _pieces(source):
        letter = piece[1:]
        if not letter:
            out.append(piece)
            continue
        inside, outside = _UNICODE_CLASSES.get(letter, (None, None))
        if in_class and inside is None and outside is not None:
            raise ValueError(f"\\{letter} in a class has no JavaScript form: {source}")
        if outside is not None:
            out.append(inside if in_class else outside)
        elif not letter.isalnum() and letter not in _SYNTAX:
            out.append(letter)
        else:
            out.append(piece)
    return "".join(out)


def js_pattern(pattern, flags=0):
    """A compiled Python pattern (or its text and flags) as {source, flags} for
    `new RegExp(source, flags)`."""
    if isinstance(pattern, re.Pattern):
        pattern, flags = pattern.pattern, pattern.flags
    source = _without_possessive(pattern)
    source = re.sub(r"\(\?P<(\w+)>", r"(?<\1>", source)
    source = re.sub(r"\(\?P=(\w+)\)", r"\\k<\1>", source)
    letters = "".join(letter for flag, letter in _FLAGS if flags & flag)
    if not flags & re.ASCII and re.search(r"\\[dDsSwWb]", source):
        source, letters = _as_unicode(source), letters + "u"
    return {"source": source, "flags": letters}


# Translation keys of every rule the form runs with these tables; the form
# shows the checker's own message for each.
RULE_MESSAGES = [
    "err_empty", "err_too_long", "err_control_char", "err_stacked_marks", "err_email", "err_phone", "err_url", "err_lang",
    "err_tag", "err_too_many_words", "err_date", "err_date_impossible", "err_clock_impossible", "err_clock_midnight_end",
    "err_clock_midnight_expires", "err_date_range",
    "err_end_before_start", "err_end_at_start", "err_end_after_midnight", "err_end_time_without_start_time", "err_end_without_time",
    "err_end_time_all_day", "err_consent",
    "err_event_past", "err_event_series_past", "err_expires_before_date",
    # an event's series (event_rules.py)
    "err_day_only", "err_number", "err_number_fraction", "err_weekday", "err_weekday_suggest", "err_nth", "err_not_list", "err_empty_list",
    "err_empty_list_optional", "err_status",
    "err_time_gap", "err_series_time_gap", "err_until_before_start", "err_start_not_in_rule",
    "err_except_not_occurrence", "err_except_outside_series", "err_too_many_occurrences", "err_no_occurrences", "err_series_end", "err_event_too_long",
    "err_deadline_after_event", "err_status_note_alone", "err_space_not_own",
    # a joint notice's partners (fields.Slugs, validate._cross_checks, checks.retired), its own association retired
    "err_association", "err_associations_joined", "err_too_many_items", "err_partner_self", "err_partner_retired",
    "err_association_retired",
    # a name with a letter that only looks like a Finnish keyboard's (fields.refuse_lookalike), its script's name
    "err_lookalike_letter", "err_lookalike_other", "script_greek", "script_cyrillic", "script_full_width",
    # an address whose site's name has such a letter (slugs.address_lookalike)
    "err_lookalike_address", "err_lookalike_address_other",
    # a space wanted (fields.WANTED_FIELDS, validate._space_checks)
    "err_list_item", "err_vocabulary", "err_vocabulary_choices", "err_vocabulary_several", "err_slot", "err_slot_not_weekly", "err_slot_several", "err_slot_clock", "err_slot_order", "err_slot_days",
    "err_until_before_from",
    # the text (body_checks.py)
    "err_body_too_large", "err_body_control_char", "err_body_stacked_marks", "err_body_nesting", "err_body_block_lines",
    "err_body_markup", "err_body_attr_list", "err_body_html", "err_body_html_line_start", "err_body_tag_openings",
    "err_body_definition_marks", "err_body_scheme",
    "err_body_bad_address", "err_body_address_rest", "err_body_address_unclosed", "err_body_unused_reference",
    "err_body_definition_title_line",
    "err_body_table_cells", "err_body_angle_address", "err_body_address_space", "err_body_unreadable_address",
    "err_body_site_link", "err_body_missing_file", "err_body_remote_image", "err_body_image_form",
    "err_body_link_incomplete", "err_body_link_relative", "err_body_link_shows_other",
]


def site_images(settings):
    """Files in the static folders, as paths from the content folder: the
    ones a `{static}` address in a notice may lead to."""
    root = settings.get("PATH")
    if root is None:
        return []
    found = []
    for folder in settings["STATIC_PATHS"]:
        for dirpath, dirnames, filenames in os.walk(Path(root, folder)):
            dirnames.sort()
            found.extend(Path(dirpath, name).relative_to(root).as_posix() for name in sorted(filenames))
    return found


def lookalike_rules():
    """slugs.lookalike's letters, which contract.js's lookalike reads."""
    return {"latin": slugs.LATIN, "scripts": slugs.OTHER_SCRIPTS, "fullWidth": slugs.FULL_WIDTH,
            "letters": slugs.LOOKALIKES, "word": js_pattern(slugs.WORD)}


def markdown_rules(settings):
    """What contract.js needs to check a Markdown text as check_markdown does."""
    b = body_checks
    return {
        "limits": {"chars": b.MAX_BODY_CHARS, "nesting": b.MAX_NESTING, "marks": b.MAX_STACKED_MARKS,
                   "blockLines": b.MAX_BLOCK_LINES, "markup": b.MAX_MARKUP,
                   "tagOpenings": b.MAX_TAG_OPENINGS, "definitionMarks": b.MAX_DEFINITION_MARKS},
        "patterns": {name: js_pattern(pattern) for name, pattern in {
            "fenceOpen": b._FENCE_OPEN, "quotes": b._QUOTES, "container": b._CONTAINER, "containers": b._CONTAINERS,
            "listItem": b._LIST_ITEM, "html": b._HTML, "htmlBlock": b._HTML_BLOCK,
            "commentOpen": b._COMMENT_OPEN, "tagName": b._TAG_NAME,
            "rule": b._RULE, "setext": b._SETEXT, "headingLine": render._HEADING_LINE, "autolink": b._AUTOLINK, "spacedAddress": b._SPACED_ADDRESS, "markdownAutolink": b._MARKDOWN_AUTOLINK,
            "reference": b._REFERENCE, "bracketed": b._BRACKETED,
            "imageReference": b._IMAGE_REFERENCE, "inlineDestination": b._INLINE_DESTINATION,
            "destinationEnd": b._DESTINATION_END, "scheme": render._SCHEME,
            "attributeList": b._ATTRIBUTE_LIST, "markup": b._MARKUP, "tagOpening": b._TAG_OPENING,
            "titleMark": b._TITLE_MARK, "titleLine": b._TITLE_LINE, "backtickRun": b._BACKTICK_RUN,
            "codePipes": b._TABLE.RE_CODE_PIPES, "endBorder": b._TABLE.RE_END_BORDER,
            "siteLink": b._SITE_LINK, "backtick": b._BACKTICK,
            "linkDomain": b._LINK_DOMAIN, "linkEmail": b._LINK_EMAIL, "linkPhone": b._LINK_PHONE,
            "invisible": render._INVISIBLE, "markdownEscape": render._MARKDOWN_ESCAPE,
            "remote": render._REMOTE, "urlIgnored": render._URL_IGNORED,
            "pastedBullet": render._PASTED_BULLET, "pastedNumber": render._PASTED_NUMBER,
            "loneMarkUnderItem": render._LONE_MARK_UNDER_ITEM,  # render.lone_mark_under_item
            "quotedOTab": render._QUOTED_O_TAB,  # render.tabs_as_spaces
            "address": slugs.ADDRESS,  # slugs.address_lookalike, in the text and in every field
        }.items()},
        "lookalikes": lookalike_rules(),
        # Python's white space (str.strip, str.split) and what else fields.is_blank
        # calls nothing, as a character class's contents: JavaScript's \s differs
        "space": _PY_SPACE, "drawnAsNothing": fields._DRAWN_AS_NOTHING.pattern[1:-1],
        "bidi": b._BIDI,
        "schemes": list(render.DANGEROUS_SCHEMES),
        "kept": sorted(render.SCHEMES),  # the schemes the sanitizer keeps
        "folders": list(settings.get("STATIC_PATHS", b.SiteFiles.folders)),
        # None: the files are not known (a schema made without a content folder)
        "files": site_images(settings) if settings.get("PATH") else None,
    }

