"""Each notice's list item is drawn once per build.

A notice is listed on several pages (the front page, its category, its
association, its tags, its month in the archive, the events), and drawing
the same item again for each was most of the listings' time. The item is the
`notice_item` macro of the theme's _macros.html, drawn with the page's
SITEURL, so the pages come out the same as when each list drew its own.
"""
from markupsafe import Markup


class NoticeItems:
    def __init__(self, env):
        self.env = env
        self.macros = {}  # SITEURL -> the notice_item macro
        self.drawn = {}  # (id of the article, heading, SITEURL) -> HTML

    def __call__(self, articles, heading, siteurl, by_occurrence=False):
        """`articles`, or with `by_occurrence` Listed entries (an article
        and the occurrence it is listed by)."""
        siteurl = str(siteurl)
        if siteurl not in self.macros:
            module = self.env.get_template("_macros.html").make_module({"SITEURL": siteurl})
            self.macros[siteurl] = module.notice_item
        items = []
        for entry in articles:
            article, occurrence = (entry.article, entry.occurrence) if by_occurrence else (entry, None)
            key = (id(article), occurrence, heading, siteurl)
            if key not in self.drawn:  # the entry keeps `article` alive, and so its id
                self.drawn[key] = (entry, self.macros[siteurl](article, heading, occurrence))
            items.append(self.drawn[key][1])
        return Markup("".join(items))
