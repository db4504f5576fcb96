"""RSS 2.0 and Atom documents of current notices, written with feedgen.

Every date comes from the notices (or, for an empty feed, the build's day),
and feedgen's own clock-based defaults are overridden, so the same content
gives the same bytes.
"""
import html
from dataclasses import dataclass
from datetime import datetime

from feedgen.entry import FeedEntry
from feedgen.feed import FeedGenerator

# feedgen would add its version and home page; the name alone is enough.
GENERATOR = "python-feedgen"


@dataclass(frozen=True)
class Item:
    """One notice as every feed shows it (made once per build)."""
    title: str
    link: str  # absolute permalink, also the guid / id
    date: datetime
    author: str
    author_link: str
    category: str
    category_link: str
    summary: str  # plain text
    content: str  # the notice's HTML with absolute links
    when: str = None  # an event's time and place, plain text: the first line
    lang: str = None  # the notice's language tag where it is not the feed's

    # Every feed format shows an event's line first (its status and why,
    # when, where): a reader shows an item's text, not the extensions.
    @property
    def shown_content(self):
        """The item's HTML: an event's line in bold, then the notice."""
        return f"<p><strong>{html.escape(self.when, quote=False)}</strong></p>{self.content}" if self.when \
            else self.content

    @property
    def shown_summary(self):
        """The item's summary as plain text: an event's line, then the summary."""
        return f"{self.when}\n{self.summary}" if self.when else self.summary


@dataclass(frozen=True)
class Channel:
    subscription: object  # addresses.Subscription of this file
    home: str  # the page the feed follows, absolute
    description: str
    language: str
    updated: datetime  # the newest item's date, or the build's day


class _Entry(FeedEntry):
    """An Atom entry with `xml:lang` when its notice is in another language
    than the feed (feedgen writes the attribute on the feed only)."""

    lang = None

    def atom_entry(self, extensions=True):
        element = super().atom_entry(extensions)
        if self.lang:
            element.set(XML_LANG, self.lang)
        return element


XML_LANG = "{http://www.w3.org/XML/1998/namespace}lang"


def _entry(fg, item, rss):
    entry = fg.add_entry(_Entry(), order="append")
    entry.lang = item.lang
    if rss and item.lang:  # RSS items have no language of their own: Dublin Core's
        entry.dc.dc_language(item.lang)
    entry.guid(item.link, permalink=True)
    entry.title(item.title)
    entry.link(href=item.link, rel="alternate", type="text/html")
    entry.published(item.date)
    entry.updated(item.date)
    # RSS <author> must be an e-mail address; dc:creator carries the name.
    entry.author(name=item.author, uri=item.author_link)
    if rss:
        entry.dc.dc_creator(item.author)
    entry.category(term=item.category, label=item.category, scheme=item.category_link)
    # As HTML, so that `<` in a summary is text in readers that treat RSS
    # descriptions as HTML (as most do).
    entry.content(item.shown_content, type="html")
    entry.summary(html.escape(item.shown_summary, quote=False).replace("\n", "<br>"), type="html")


def event_line(t, article):
    """`Peruttu: Joka tiistai klo 10.00–11.00, 12.1.–25.5.2027; Ei: 2.3.;
    seuraavaksi ti 16.2. klo 10.00–11.00 · Kulttuuritalo`: when and where in
    one line, a series with its days off and extra dates as every output says it."""
    event, dates = article.notice.event, t.dates
    if event.is_series:
        when = "; ".join(dates.series_lines(event))
        if article.next_occurrence:
            when += "; " + t("series_next_short", when=dates.in_series(article.next_occurrence))
    else:
        when = dates.when_long(event)
    why = f" · {event.status_note}" if event.status and event.status_note else ""  # as the notice page says
    return f"{status_said(t, event)}{when} · {event.location}{why}"


def status_said(t, event):
    """"Peruttu: " before what is said of a cancelled or postponed event (its
    line, its title: a reader's list of items shows the titles alone)."""
    return f"{t('status_' + event.status)}: " if event and event.status else ""


def document(channel, items):
    """The bytes of one feed file: RSS or Atom as the subscription says."""
    sub = channel.subscription
    rss = sub.format == "rss"
    fg = FeedGenerator()
    if rss:
        fg.load_extension("dc", atom=False, rss=True)
    fg.id(sub.address)
    fg.title(sub.title)
    fg.link(href=sub.address, rel="self", type=sub.mime)
    fg.link(href=channel.home, rel="alternate", type="text/html")  # the last link is RSS's <link>
    # RSS readers show a description as HTML: the association's name in it is text.
    fg.description(html.escape(channel.description, quote=False) if rss else channel.description)
    fg.language(channel.language)
    fg.updated(channel.updated)
    fg.generator(GENERATOR)
    for item in items:
        _entry(fg, item, rss)
    return fg.rss_str(pretty=True) if rss else fg.atom_str(pretty=True)
