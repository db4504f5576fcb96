"""Search records that are not pages of their own: each offer and need of
an association, and each series of notices.

Nearly every association both offers and needs something, so a filter on
its page could not tell them apart: each item is a record of its own in the
index instead (Pagefind's custom records), with its own result line and
type, linking to the item on the association page (association.html gives
the items these ids). A series page is mostly lists of notices that are
found by themselves, and it is written after indexing starts: its record
holds what the series is. Records are searched with the lemma map like any
page: generator.documents gives the map their words.
"""
import hashlib
import json

from bulletin_contract.render import plain_text
from bulletin_i18n import translator_for

# filter value -> the profile's list of items. The nth item (from 1) has the
# id `<value>-<n>` on its association's page (association.html).
ITEMS = {"tarjous": "offers", "tarve": "needs"}


def series_text(series):
    return " ".join(filter(None, [series.name, plain_text(getattr(series, "description_html", "") or ""),
                                  *series.themes]))


def site_records(settings, associations, series):
    """{key: record} of the active associations' offers and needs and of the
    series; a record's key is its address under the site, as
    delta.page_ids names it. A retired association offers nothing."""
    t = translator_for(settings)
    urls = settings["BULLETIN_URLS"]
    records = {}

    def add(url, value, title, content, names, filters):
        records[url.lstrip("/")] = {
            "url": url,
            "content": content,
            "language": settings["BULLETIN_LANGUAGE"],
            # as a page's (_search.html): Pagefind leaves what has no sort
            # value out of a browse, and search.js merges two bundles'
            # browses by the date in the meta
            "meta": {"title": title, "kind": t(f"search_type_{value}"), "date": "9999",
                     **({"association": names} if names else {})},
            "filters": {"type": [value], **{key: values for key, values in filters.items() if values}},
            "sort": {"date": "9999"},
        }

    for profile in sorted((p for p in associations.values() if p.active), key=lambda p: p.slug):
        for value, field in ITEMS.items():
            for number, text in enumerate(getattr(profile, field), 1):
                # Associations share needs word for word: the title, a
                # result's link text, names whose item it is.
                add(f"/{urls['association'].format(slug=profile.slug)}#{value}-{number}", value,
                    f"{text} – {profile.name}", text, None,
                    {"association": [profile.slug], "group": list(profile.groups)})
    if urls.get("series"):
        for slug, one in sorted(series.items()):
            names = ", ".join(associations[a].name for a in one.organisers if a in associations)
            add(f"/{urls['series'].format(slug=slug)}", "sarja", one.name, series_text(one), names,
                {"association": list(one.organisers)})
    return records


def record_hash(record):
    return hashlib.sha256(json.dumps(record, sort_keys=True, ensure_ascii=False).encode("utf-8")).hexdigest()
