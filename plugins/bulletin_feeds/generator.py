"""Writes the feed files: all current notices, each category, each association
(RSS and Atom), and JSON Feeds of all current notices and of the events."""
from pelican.generators import Generator

from bulletin_contract.order import newest_first
from bulletin_contract.reader import STATE
from bulletin_i18n import translator_for
from bulletin_incremental import REUSE
from bulletin_pages.listings import by_association
from bulletin_settings import build_start, site_address

from . import jsonfeed
from .addresses import Subscriptions
from .feeds import Channel, Item, document, event_line, status_said
from .links import absolute_links


class FeedsGenerator(Generator):
    def generate_output(self, writer):
        s = self.settings
        self.t = translator_for(s)
        self.site = site_address(s)
        self.url_for = self.context["url_for"]
        bulletin = self.context["bulletin"]
        current = bulletin.upcoming_events + bulletin.current_notices
        # a feed with nothing current is dated by the build's day, and no
        # item later than its start: a feed's dates never lie in the future
        self.today = build_start(s, bulletin.today)
        self.items = {}  # slug -> Item, made when a feed first lists the notice
        self.item_texts = {}
        subs = Subscriptions(s, self.t)

        self._write(subs.feeds("all"), "", self.t("feed_description_all"), current)
        for slug, label in s["BULLETIN_CATEGORIES"].items():
            self._write(subs.feeds("category", slug), self.url_for("category", slug=slug),
                        self.t("feed_description_category", label=label), bulletin.by_category[slug])
        grouped = by_association(current)
        for slug, profile in STATE.associations.items():
            self._write(subs.feeds("association", slug), self.url_for("association", slug=slug),
                        self.t("feed_description_association", name=profile.name), grouped.get(slug, []))
        all_json, events_json = subs.json_feeds()
        most = s["BULLETIN_FEED_ITEMS"]
        self._write_json(all_json, "", self.t("feed_description_all"), newest_first(current)[:most])
        self._write_json(events_json, self.url_for("events"), self.t("feed_description_category",
                         label=s["BULLETIN_CATEGORIES"]["tapahtumat"]), bulletin.upcoming_events[:most])

    def _item(self, article):
        link = f"{self.site}/{article.url}"
        notice = article.notice
        return Item(
            title=status_said(self.t, notice.event) + article.title,
            link=link,
            date=min(article.date, self.today),
            when=event_line(self.t, article) if notice.event else None,
            author=article.association_profile.name,
            author_link=f"{self.site}/{self.url_for('association', slug=notice.association)}",
            category=article.category_label,
            category_link=f"{self.site}/{self.url_for('category', slug=notice.category)}",
            summary=article.summary_text,
            content=absolute_links(article.content, link),
            lang=notice.lang if notice.lang != self.settings["BULLETIN_LANGUAGE"] else None,
        )

    def _write(self, subscriptions, home, description, articles):
        # The newest BULLETIN_FEED_ITEMS: a feed does not grow with the site.
        articles = newest_first(articles)[:self.settings["BULLETIN_FEED_ITEMS"]]
        for article in articles:
            self._make_item(article)
        items = [self.items[a.slug] for a in articles]
        updated = min(articles[0].date, self.today) if articles else self.today
        listed = "".join(self._item_text(a.slug) for a in articles)
        for sub in subscriptions:
            channel = Channel(sub, f"{self.site}/{home}", description, self.settings["BULLETIN_LANGUAGE"], updated)
            # A feed is a function of its channel and items: unchanged, the
            # previous build's file moves over (bulletin_incremental).
            if not REUSE.take_made(sub.path, f"{channel!r}{listed}"):
                sub.write(self.output_path, document(channel, items))

    def _write_json(self, sub, home, description, articles):
        channel = Channel(sub, f"{self.site}/{home}", description, self.settings["BULLETIN_LANGUAGE"], None)
        sub.write(self.output_path, jsonfeed.document(channel, [(self._make_item(a), a) for a in articles]))

    def _make_item(self, article):
        if article.slug not in self.items:
            self.items[article.slug] = self._item(article)
        return self.items[article.slug]

    def _item_text(self, slug):
        if slug not in self.item_texts:
            self.item_texts[slug] = repr(self.items[slug])
        return self.item_texts[slug]
