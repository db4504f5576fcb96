"""Address segments from names in any script: `Kevään konsertti` ->
`kevaan-konsertti`, `Субботник в парке` -> `subbotnik-v-parke`.

The one place names become slugs and file names (notices, associations,
series, spaces, tags). Letters of any script are transliterated with
Unidecode, as Pelican does; a name with no letter or digit in any script
gives "" (symbols are not transliterated into words: `€` is not `EUR`)."""
import re
import unicodedata

from unidecode import unidecode


def _kept(char):
    # letters, their combining marks (Devanagari, decomposed Latin) and digits
    return unicodedata.category(char)[0] in "LMN"


def has_letters(text):
    """True when the text has a letter or digit in any script."""
    return any(_kept(char) and unicodedata.category(char)[0] != "M" for char in text)


def slugify(text):
    if not has_letters(text):
        return ""
    words = "".join(char if _kept(char) else " " for char in unicodedata.normalize("NFC", text))
    return re.sub(r"[^a-z0-9]+", "-", unidecode(words).lower()).strip("-")
