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

    def __call__(self, articles, heading, siteurl):
        siteurl = str(siteurl)
        if siteurl not in self.macros:
            module = self.env.get_template("_macros.html").make_module({"SITEURL": siteurl})
            self.macros[siteurl] = module.notice_item
        items = []
        for article in articles:
            key = (id(article), heading, siteurl)
            if key not in self.drawn:
                self.drawn[key] = (article, self.macros[siteurl](article, heading))  # keeps `article` alive
            items.append(self.drawn[key][1])
        return Markup("".join(items))
