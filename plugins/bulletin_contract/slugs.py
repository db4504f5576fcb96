"""Address segments from names in any script: `Kevään konsertti` ->
`kevaan-konsertti`, `Субботник в парке` -> `subbotnik-v-parke`.

The one place names become slugs and file names (notices, associations,
series, spaces, tags). Letters of any script are transliterated with
Unidecode, as Pelican does; a name with no letter or digit in any script
gives "" (symbols are not transliterated into words: `€` is not `EUR`)."""
import functools
import re
import unicodedata

from unidecode import unidecode

from bulletin_i18n.table_word import TableWord


def _kept(char):
    # letters, their combining marks (Devanagari, decomposed Latin) and digits
    return unicodedata.category(char)[0] in "LMN"


def _invisible(char):
    # a soft hyphen, a zero-width space or joiner: drawn as nothing, so no
    # break between words; "Eläkkeen\u00adsaajat" is the name Eläkkeensaajat
    return unicodedata.category(char) == "Cf"


def has_letters(text):
    """True when the text has a letter or digit in any script."""
    return any(_kept(char) and unicodedata.category(char)[0] != "M" for char in text)


@functools.lru_cache(maxsize=65536)  # the same tags and names come back in every notice of every build
def slugify(text):
    if not has_letters(text):
        return ""
    # NFKC: a fraction, a full-width or half-width letter is the letters it
    # stands for (`½` is 1⁄2, `ｻ` is サ), as the forms' script reads it
    words = "".join(char if _kept(char) else "" if _invisible(char) else " "
                    for char in unicodedata.normalize("NFKC", text))
    return re.sub(r"[^a-z0-9]+", "-", unidecode(words).lower()).strip("-")


# A new association's file and address are named without its legal form
# ("Imatran Lausujat ry" -> imatran-lausujat), as the example's are, at every
# door: the forms read this pattern from their schema.
LEGAL_FORM = re.compile(r"\s+(?:ry|r\.\s?y)\.?$", re.IGNORECASE)  # "ry." too: the same name


# Between the names of a list of associations (a joint notice's partners):
# `Laulukuoro ry, pallo` or `Laulukuoro ry; pallo`. Not "ja", which is in
# names (Koti ja Koulu ry). The submission form reads it from its schema.
NAMES_SEPARATOR = re.compile(r"[,;]")


def name_words(name):
    """The words of a name that tell associations apart: no "ry", no case or diacritics."""
    return frozenset(slugify(name).split("-")) - {"ry", "r", "y", ""}


def same_name(written, name):
    """Are these the words (name_words) of one association's name, as a
    person may write it: the same words, or all but one word of the longer
    name (at least two kept)? The form's script reads a name so too (contract.js)."""
    small, large = sorted((written, name), key=len)
    return small <= large and len(small) >= 2 and len(large) - len(small) <= 1


# A letter of another script in a word of Latin letters ("Imatrаn" with a
# Cyrillic а), or a full-width Latin letter or digit ("Ｉｍａｔｒａｎ"): the
# name looks like one written on a Finnish keyboard but is not the same
# text, so it is never taken for a known association, nor made a new one;
# each door refuses it with lookalike_problem's message. The forms read
# these from their schema (schema.py).
LATIN = "A-Za-z\u00c0-\u024f"
# Each other script by the translation key of its name
OTHER_SCRIPTS = {"script_greek": "\u0370-\u03ff", "script_cyrillic": "\u0400-\u052f",
                 "script_full_width": "\uff10-\uff19\uff21-\uff3a\uff41-\uff5a"}
FULL_WIDTH = "script_full_width"
# The Latin letter each of the commonest lookalikes is taken for (a full-width one: its NFKC)
WORD = re.compile(r"\w+")
LOOKALIKES = dict(zip("аеорсухіјѕԁԛԝАВЕКМНОРСТХУІЈЅοανικρτυχΑΒΕΖΗΙΚΜΝΟΡΤΥΧ",
                      "aeopcyxijsdqwABEKMHOPCTXYIJSoavikptuxABEZHIKMNOPTYX"))


def _script(char):
    """The key in OTHER_SCRIPTS of the script of `char`, or None."""
    return next((key for key, chars in OTHER_SCRIPTS.items() if re.match(f"[{chars}]", char)), None)


def _latin_twin(char):
    script = _script(char)
    if script is None:
        return char
    return unicodedata.normalize("NFKC", char) if script == FULL_WIDTH else LOOKALIKES.get(char, "")


def lookalike(text):
    """The first word of `text` with a lookalike letter, as (word, letter,
    its script's key in OTHER_SCRIPTS, the word in Latin letters or ""
    when a letter has no Latin twin), or None."""
    for word in WORD.findall(text):
        latin = re.search(f"[{LATIN}]", word)
        for char in word:
            script = _script(char)
            if script is not None and (latin or script == FULL_WIDTH):
                twins = [_latin_twin(c) for c in word]
                return word, char, script, "".join(twins) if all(twins) else ""
    return None


# A web or e-mail address in a text, bare, as a link or in a field: a
# lookalike letter in its site's name leads elsewhere than the address reads
# ("www.kеla.fi" with a Cyrillic е is another site than Kela's). Its path may
# be in any letters: it stays on the site named.
# An e-mail address is looked for only from the start of a run of its
# letters: from each letter of a long word, the search was quadratic.
ADDRESS = re.compile(r"(?:https?://|www\.)[^\s<>\"'`()\[\]]+|(?<![\w.+-])[\w.+-]+@[\w-]+(?:\.[\w-]+)+",
                     re.IGNORECASE)


def address_lookalike(address):
    """The message (key, values) for `address` (a web or e-mail address)
    whose host has a lookalike letter (lookalike()), at every door and in a
    notice's text; None when it has none."""
    rest = re.sub(r"^https?://", "", address, flags=re.IGNORECASE)
    host = re.split(r"[/?#]", rest, maxsplit=1)[0].rsplit("@", 1)[-1].split(":", 1)[0]
    found = lookalike(host)
    if found is None:
        return None
    word, letter, script, fixed = found
    return "err_lookalike_address" if fixed else "err_lookalike_address_other", {
        "url": address[:80], "word": word, "letter": letter, "code": f"U+{ord(letter):04X}",
        "script": TableWord(script), "fixed": address.replace(word, fixed)[:80] if fixed else ""}


def named_association(text, names):
    """The slug of the association a person wrote by slug or name, among
    `names` (slug -> its name, or None for one whose file is still to come):
    in any case, with or without diacritics and "ry", or with a word missing
    or extra (same_name) when exactly one association is so named; or None.
    An identifier with "ry" (`kuoro ry`, `kuoro-ry`) is its association's: two files
    whose identifiers differ only by it are refused (checks)."""
    if lookalike(text):
        return None  # looks like a name on the list, but is another text: refused, not taken for it
    wanted = slugify(text)
    plain = without_legal_form(wanted)
    for slug, name in names.items():
        if slug in (wanted, plain) or (name and slugify(name) == wanted):
            return slug
    words = name_words(text)
    close = [slug for slug, name in names.items() if name and same_name(words, name_words(name))]
    return close[0] if len(close) == 1 else None


# "ja" between two names where a list wants a comma: `Laulukuoro ry ja
# Imatran Pallokerho ry`. Not a separator (Koti ja Koulu ry): only told when
# both sides name known associations. The form reads it from its schema.
NAMES_JOINED = re.compile(r"\s+ja\s+", re.IGNORECASE)


def joined_names(text, names):
    """Two known associations' names (named_association among `names`)
    written with "ja" between them, as written: (first, second), or None."""
    for joint in NAMES_JOINED.finditer(text):
        first, second = text[:joint.start()].strip(), text[joint.end():].strip()
        if named_association(first, names) and named_association(second, names):
            return first, second
    return None


def association_slug(name):
    return slugify(LEGAL_FORM.sub("", name.strip()))


# "ry" at the end of a slug (`imatran-kuoro-ry`, `-r-y`): the forms read it from their schema.
SLUG_LEGAL_FORM = re.compile(r"-r-?y$")


def without_legal_form(slug):
    """A slug without its ending "-ry" or "-r-y" (`imatran-kuoro-ry` -> `imatran-kuoro`)."""
    return SLUG_LEGAL_FORM.sub("", slug)


# The forms make slugs in the browser (theme/static/js/form-core.js), which
# has Unicode decomposition but no Unidecode: they carry the letters that
# decomposition does not make ASCII, as Unidecode writes them.
_FORM_SCRIPTS = [(0x00C0, 0x024F), (0x0370, 0x03FF), (0x0400, 0x052F),  # Latin, Greek, Cyrillic
                 (0x0530, 0x058F), (0x0590, 0x05FF), (0x0600, 0x06FF),  # Armenian, Hebrew, Arabic
                 (0x0E00, 0x0E7F), (0x10A0, 0x10FF),  # Thai, Georgian
                 (0x3040, 0x30FF)]  # Japanese kana (half-width kana are these after NFKC)


def _decomposed(char):
    return unicodedata.normalize("NFKD", char).encode("ascii", "ignore").decode().lower()


def form_transliteration():
    """{letter: its ASCII} for the letters of the forms' scripts that
    decomposition alone would drop or write otherwise; kept as Unidecode
    writes it, a mark between letters too (`ъ` is `'`, `ー` is `-`), which
    the slug makes a hyphen."""
    table = {}
    for first, last in _FORM_SCRIPTS:
        for code in range(first, last + 1):
            char = chr(code)
            if _kept(char):  # a vowel sign too (Arabic, Hebrew, Thai): Unidecode writes some
                ascii_text = unidecode(char).lower()
                if ascii_text != _decomposed(char):
                    table[char] = ascii_text
    return table


def _form_slug(char, table):
    """A letter's slug as the forms make it (form-core.js slugify): their table, then decomposition."""
    words = "".join(table.get(c, c) if _kept(c) else " " for c in unicodedata.normalize("NFKC", char))
    return re.sub(r"[^a-z0-9]+", "-", _decomposed(words)).strip("-")


def form_unwritten_letters():
    """The letters and digits that have a slug here but none the forms can
    make (中, 한, ह: Unidecode's tables are too large to carry), as a
    JavaScript character class of ranges: the forms know that a name of them
    has a slug, as a tag or a name must, though not which."""
    table, ranges = form_transliteration(), []
    for code in range(0x110000):
        char = chr(code)
        if _kept(char) and slugify.__wrapped__(char) and not _form_slug(char, table):  # not cached: each once
            if ranges and ranges[-1][1] == code - 1:
                ranges[-1][1] = code
            else:
                ranges.append([code, code])
    return "".join(f"\\u{{{first:x}}}" + (f"-\\u{{{last:x}}}" if last > first else "") for first, last in ranges)
