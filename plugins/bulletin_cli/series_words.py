"""A series as people say it, for the commands people type into (`new`,
the issue form): `tiistai ja torstai`, `joka toinen viikko`, `kuun viimeinen`.
The web form asks the same with checkboxes and a list of choices."""
import re

from bulletin_contract.fields import WEEKDAYS
from bulletin_contract.people_dates import LIST_SEPARATOR

# "joka toinen viikko" and "kahden viikon välein" say the same
_EVERY = {"toinen": "2", "kolmas": "3", "neljäs": "4", "kahden": "2", "kolmen": "3", "neljän": "4"}


def words(text):
    return [word.strip() for word in LIST_SEPARATOR.split(text) if word.strip()]


def weekdays(text):
    """`tiistai ja torstai`, `ti, to` -> ["ti", "to"]; other words as written
    (the weekdays rule names them)."""
    return [word.lower()[:2] if word.lower()[:2] in WEEKDAYS else word for word in words(text)]


def frequency(text):
    """How often, as people say it -> (interval text or None, [nth]); None when not understood."""
    said = text.strip().lower()
    if re.search(r"viimei", said):
        return None, ["-1"]
    if re.search(r"ensimm|^1\.?$", said):
        return None, ["1"]
    number = re.search(r"\b([2-9])\b|" + "|".join(_EVERY), said)
    if number:
        return number.group(1) or _EVERY[number.group(0)], []
    if re.fullmatch(r"(joka\s+)?viikko|viikoittain|", said):
        return None, []
    return None
