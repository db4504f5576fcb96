"""Which feeds and calendars exist, where they are and what they are called.

The feed and calendar writers and the templates (links in <head>, the
"Tilaa" block, "Lisää kalenteriin") all ask this one place, so an address
or a title never differs between the file and the page that points to it.
"""
import os
from dataclasses import dataclass

from bulletin_contract.reader import STATE
from bulletin_settings import site_address

MIME = {"rss": "application/rss+xml", "atom": "application/atom+xml", "ics": "text/calendar",
        "json": "application/feed+json"}
EVENTS = "tapahtumat"  # the category events live in (the settings require it)


@dataclass(frozen=True)
class Subscription:
    format: str  # rss, atom or ics
    path: str  # relative to the site root
    title: str
    siteurl: str  # SITEURL: "" in a local build, so links in pages stay root-relative
    base: str  # the site's absolute address

    @property
    def mime(self):
        return MIME[self.format]

    @property
    def url(self):
        """For links in the site's own pages."""
        return f"{self.siteurl}/{self.path}"

    @property
    def address(self):
        """Absolute: inside feeds and calendars and for people to copy."""
        return f"{self.base}/{self.path}"

    def write(self, output_path, data):
        target = os.path.join(output_path, self.path)
        os.makedirs(os.path.dirname(target), exist_ok=True)
        with open(target, "wb") as out:
            out.write(data)

    @property
    def webcal(self):
        # Phones offer to subscribe (not just import once) for webcal:// links.
        return "webcal://" + self.address.split("://", 1)[1]


class Subscriptions:
    """Feeds and calendars by what they cover. In templates,
    `subscriptions(scope, slug)` lists those relevant to a page."""

    def __init__(self, settings, t):
        self.settings = settings
        self.t = t
        self.patterns = settings["BULLETIN_FEED_URLS"]

    def _make(self, fmt, name, title, **values):
        return Subscription(fmt, self.patterns[name].format(**values), title,
                            self.settings["SITEURL"].rstrip("/"), site_address(self.settings))

    def feed_title(self, scope, slug=None):
        site = self.settings["SITENAME"]
        if scope == "category":
            return self.t("feed_title_category", site=site, label=self.settings["BULLETIN_CATEGORIES"][slug])
        if scope == "association":
            return self.t("feed_title_association", site=site, name=STATE.associations[slug].name)
        if scope == "spaces":
            return self.t("feed_title_spaces", site=site)
        return site

    def feeds(self, scope, slug=None):
        """(RSS, Atom) of all current notices, a category, an association, or the spaces."""
        title = self.feed_title(scope, slug)
        prefix = "all" if scope == "all" else scope
        return (self._make("rss", f"{prefix}_rss", title, slug=slug),
                self._make("atom", f"{prefix}_atom", title, slug=slug))

    def json_feeds(self):
        """JSON Feed 1.1 of all current notices, and of the events."""
        site = self.settings["SITENAME"]
        return (self._make("json", "all_json", site),
                self._make("json", "events_json", self.t("calendar_title_all", site=site)))

    def letters(self):
        """(RSS, Atom) of the weekly letters."""
        title = self.t("letters_feed_title", site=self.settings["SITENAME"])
        return self._make("rss", "letter_rss", title), self._make("atom", "letter_atom", title)

    def calendar(self, association=None):
        """The calendar of all events, or of one association's events."""
        if association is None:
            return self._make("ics", "calendar", self.t("calendar_title_all", site=self.settings["SITENAME"]))
        name = STATE.associations[association].name
        return self._make("ics", "association_calendar", self.t("calendar_title_association", name=name),
                          slug=association)

    def event(self, article):
        """The single-event calendar behind "Lisää kalenteriin"."""
        return self._make("ics", "event_calendar", article.title, slug=article.slug)

    def __call__(self, scope="all", slug=None):
        if scope == "association":
            return [*self.feeds("association", slug), self.calendar(slug)]
        if scope == "category":
            calendars = [self.calendar()] if slug == EVENTS else []
            return [*self.feeds("category", slug), *calendars]
        if scope == "events":
            return [*self.feeds("category", EVENTS), self.calendar()]
        if scope == "spaces":
            return [*self.feeds("spaces")]
        if scope == "notice":  # slug: the notice's association
            return [*self.feeds("all"), *self.feeds("association", slug)]
        return [*self.feeds("all"), self.calendar()]
