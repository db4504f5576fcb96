"""Which search bundle a page is in: the present, or a year of the archive.

A first search loads the present's bundle only (`pagefind/`): the current
notices, the associations, spaces, series and the offers and needs. An
expired notice is in the bundle of its year (`pagefind-arkisto-2024/`), the
year of its event's last day or else of its date, which the search page
merges in only when a search asks for the archive or the present finds
too little. So what a first search transfers does not grow with the
archive; a past year's bundle is indexed once, and its pages that change
later go to the archive's delta (delta.py).
"""
ARCHIVE_PREFIX = "pagefind-arkisto-"


def archive_bundle(year):
    return f"{ARCHIVE_PREFIX}{year}"


def archive_year(article):
    event = article.notice.event
    return (event.last_day if event else article.date).year


def archived_pages(articles):
    """{page path under the site: archive bundle} of the expired notices."""
    return {a.save_as: archive_bundle(archive_year(a)) for a in articles if getattr(a, "expired", False)}
