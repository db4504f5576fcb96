"""The kinds of thing search finds, for its type filter (haku/?type=tila).

A page declares its kind in its template with `type_fields` of _search.html
(a Pagefind filter `type` and the label its result line shows) and carries
`data-pagefind-body`. A kind is searched, and offered in the filter, when
its row below names the address of its pages (a key of BULLETIN_URLS, or
None for the notices' ARTICLE_SAVE_AS) and the site has that address: the
folder before its first `{` is what Pagefind reads. The kinds in RECORDS
are indexed as records (records.py) instead of read from their pages: an
offer or need is an item of its association's page, whose address its row
names. A kind's label is the translation `search_type_<value>`.
"""

# filter value -> the BULLETIN_URLS key of its pages' address (None: notices)
TYPES = {
    "ilmoitus": None,
    "tila": "space",
    "yhdistys": "association",
    "tarjous": "association",
    "tarve": "association",
    "sarja": "series",
}
RECORDS = {"tarjous", "tarve", "sarja"}


def address(settings, value):
    key = TYPES[value]
    return settings["ARTICLE_SAVE_AS"] if key is None else settings["BULLETIN_URLS"].get(key)


def search_types(settings):
    """The filter values of the kinds this site has, in the table's order."""
    return [value for value in TYPES if address(settings, value)]
