"""Writes the weekly letters: a page per week, the list of letters and their
feed, one item per week with the whole letter, for RSS-to-e-mail services."""
from datetime import datetime, time
from zoneinfo import ZoneInfo

from pelican.generators import Generator

from bulletin_contract.reader import STATE
from bulletin_feeds.addresses import Subscriptions
from bulletin_feeds.feeds import Channel, Item, document
from bulletin_i18n import translator_for
from bulletin_settings import site_address

from .letters import letter_for, weeks_to_write


class Built:
    """The letters of the last build and how to draw them: `bulletin digest`
    builds the site and mails one of them from here."""

    def __init__(self):
        self.letters = {}  # WeekId -> Letter (the empty ones too)
        self.generator = None
        self.macros = None

    def body(self, letter):
        """The letter's HTML with absolute links (feed and e-mail)."""
        g = self.generator
        if self.macros is None:
            self.macros = g.env.get_template("_letter.html").make_module(dict(g.context))
        return str(self.macros.letter_body(letter, site_address(g.settings)))

    def render(self, template, **values):
        g = self.generator
        return g.env.get_template(template).render(dict(g.context, **values))


BUILT = Built()


class LetterGenerator(Generator):
    def generate_output(self, writer):
        BUILT.__init__()
        BUILT.generator = self
        s, urls = self.settings, self.context["url_for"]
        self.t = translator_for(s)
        articles = self.context["articles"]
        today = self.context["bulletin"].today
        for week in weeks_to_write(articles, today, s["BULLETIN_LETTER_WEEKS"]):
            BUILT.letters[week] = letter_for(week, articles, s, STATE.spaces.values())
        letters = [letter for letter in reversed(BUILT.letters.values()) if not letter.empty]
        feeds = Subscriptions(s, self.t).letters()
        for letter in letters:
            self._write(writer, urls("letter", slug=letter.week.slug), "letter", letter=letter, letter_feeds=feeds)
        self._write(writer, urls("letters"), "letters", letters=letters, letter_feeds=feeds)
        self._write_feeds(feeds, letters, today)

    def _write(self, writer, url, template, **values):
        writer.write_file(url + "index.html", self.get_template(template), self.context,
                          relative_urls=False, page_url=url, **values)

    def _write_feeds(self, feeds, letters, today):
        s, site = self.settings, site_address(self.settings)
        zone = ZoneInfo(s["BULLETIN_TIMEZONE"])
        items = []
        for letter in letters:
            link = f"{site}/{self.context['url_for']('letter', slug=letter.week.slug)}"
            title = self.t("letter_title", week=letter.week.week, year=letter.week.year)
            items.append(Item(
                title=title, link=link,
                date=datetime.combine(letter.week.monday, time(0), tzinfo=zone),
                author=s["SITENAME"], author_link=f"{site}/",
                category=self.t("letters_title"), category_link=f"{site}/{self.context['url_for']('letters')}",
                summary=self.t.count("letter_summary", len(letter.articles)),
                content=BUILT.body(letter),
            ))
        updated = items[0].date if items else datetime.combine(today, time(0), tzinfo=zone)
        for sub in feeds:
            channel = Channel(sub, f"{site}/{self.context['url_for']('letters')}", self.t("letters_intro"),
                              s["BULLETIN_LANGUAGE"], updated)
            sub.write(self.output_path, document(channel, items))
