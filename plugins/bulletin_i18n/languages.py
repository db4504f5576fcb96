"""The languages of notices: a notice's `lang` read as a language tag with
langcodes, and what its pages say of it (the `lang` attribute, og:locale).

The site's language choices are BULLETIN_LANGUAGES (tag -> the language's
name in itself). Plain Finnish (selkokieli) is `fi-x-selko`: Finnish to a
screen reader or a search engine (the private-use part is ignored), told
apart on the site by its name beside the notice."""
from functools import lru_cache

import langcodes
from markupsafe import Markup, escape

LONGEST_TAG = 35  # RFC 5646 asks implementations to take tags this long
# Scripts written right to left (ISO 15924): Arabic, Hebrew, Thaana, Syriac,
# N'Ko, Adlam, Hanifi Rohingya, Mandaic, Samaritan, Yezidi, Old Hungarian.
RIGHT_TO_LEFT = {"Arab", "Hebr", "Thaa", "Syrc", "Nkoo", "Adlm", "Rohg", "Mand", "Samr", "Yezi", "Hung"}


def standard_tag(text):
    """`FI` -> `fi`, `sv-fi` -> `sv-FI`, `fin` -> `fi`; None when the text is
    not a language tag (`xx`, `finnish`, `suomi`)."""
    if not text or len(text) > LONGEST_TAG:
        return None
    try:
        tag = langcodes.standardize_tag(text)
    except (langcodes.LanguageTagError, ValueError):
        return None
    if not langcodes.tag_is_valid(tag) or langcodes.Language.get(tag).language in (None, "und"):
        return None
    return tag


def primary(tag):
    """The language of a tag without its region or private part: `sv-FI` ->
    `sv`, `fi-x-selko` -> `fi` (what dictionaries and stemmers know)."""
    return langcodes.Language.get(tag).language or tag


@lru_cache(maxsize=None)  # a few tags, asked for on every listing of every notice
def direction(tag):
    """`rtl` for a language written right to left in its usual script (`ar`,
    `he`, `fa`) or in the script its tag names (`az-Arab`), else `ltr`."""
    return "rtl" if langcodes.Language.get(tag).maximize().script in RIGHT_TO_LEFT else "ltr"


def og_locale(tag):
    """Open Graph's locale of a tag: its language and the region given, or
    the likeliest one (`sv-FI` -> sv_FI, `ru` -> ru_RU, `fi-x-selko` -> fi_FI)."""
    found = langcodes.Language.get(tag)
    return f"{found.language}_{found.territory or found.maximize().territory}"


class NoticeLanguage:
    """Jinja helpers: a notice's language where it differs from the page's."""

    def __init__(self, site_language, site_locale, names):
        self.site_language, self.site_locale, self.names = site_language, site_locale, names

    def other(self, notice):
        return notice.lang if notice.lang != self.site_language else None

    def attribute(self, notice):
        """` lang="sv"` for what the notice's writer wrote (its title and
        text), nothing in the site's language; with `dir` where the notice
        is written the other way than the site (` lang="ar" dir="rtl"`):
        `lang` alone leaves Arabic laid out left to right, a closing "!"
        drawn where the sentence begins."""
        tag = self.other(notice)
        if not tag:
            return ""
        way = direction(tag)
        return Markup(f' lang="{escape(tag)}"' + (f' dir="{way}"' if way != direction(self.site_language) else ""))

    def direction_attribute(self, notice):
        """` dir="rtl"` for a block of the writer's words among the site's
        (a poster's title), so that it is aligned as it is written; its
        words say their language in a span inside (`span`)."""
        tag = self.other(notice)
        way = direction(tag) if tag else None
        return Markup(f' dir="{way}"') if way and way != direction(self.site_language) else ""

    def span(self, text, notice):
        """`text` the notice's writer wrote, inside the site's own words (a
        place after a date, a name in a sentence): in `<span lang="sv">`
        where the notice is in another language, else as it is."""
        attribute = self.attribute(notice)
        return Markup(f"<span{attribute}>{escape(text)}</span>") if attribute else text

    def name(self, notice):
        """The notice's language in its own words (`svenska`), or None."""
        tag = self.other(notice)
        if not tag:
            return None
        # `sv-FI` is named as `sv` is, unless the site names it
        return self.names.get(tag) or self.names.get(langcodes.Language.get(tag).language, tag)

    def locale(self, notice):
        tag = self.other(notice)
        return og_locale(tag) if tag else self.site_locale
