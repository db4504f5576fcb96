"""Writes the weekly letters: a page per week, the list of letters and their
feed, one item per week with the whole letter, for RSS-to-e-mail services."""
import hashlib
from datetime import datetime, time
from zoneinfo import ZoneInfo

from pelican.generators import Generator

from bulletin_contract.reader import STATE
from bulletin_feeds.addresses import Subscriptions
from bulletin_feeds.feeds import Channel, Item, document
from bulletin_i18n import translator_for
from bulletin_incremental import REUSE
from bulletin_settings import site_address

from .letters import letters_for, weeks_to_write


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
BODIES = "letter-bodies"  # a record (bulletin_incremental): {week: (what its letter shows, its body)}


class LetterGenerator(Generator):
    def generate_output(self, writer):
        BUILT.__init__()
        BUILT.generator = self
        s, urls = self.settings, self.context["url_for"]
        self.t = translator_for(s)
        articles = self.context["articles"]
        today = self.context["bulletin"].today
        weeks = weeks_to_write(articles, today, s["BULLETIN_LETTER_WEEKS"])
        BUILT.letters.update(letters_for(weeks, articles, s, STATE.spaces.values()))
        letters = [letter for letter in reversed(BUILT.letters.values()) if not letter.empty]
        feeds = Subscriptions(s, self.t).letters()
        shown = {letter.week: self._shows(letter) for letter in letters}
        for letter in letters:
            self._write(writer, urls("letter", slug=letter.week.slug), "letter", f"{feeds!r}{shown[letter.week]}",
                        letter=letter, letter_feeds=feeds)
        self._write(writer, urls("letters"), "letters", f"{feeds!r}" + "".join(w.slug for w in shown),
                    letters=letters, letter_feeds=feeds)
        self._write_feeds(feeds, letters, today, shown)

    def _shows(self, letter):
        """A text naming everything the letter shows (_letter.html): its
        week, its notices by their keys (bulletin_incremental) with the
        occurrence each is listed by, the series' days off, its spaces with
        their association's name. A letter page, and a feed of the letters,
        whose texts are the previous build's move over from it."""
        def listed(entries):
            return ",".join(f"{REUSE.key(e.article)}{e.occurrence!r}" for e in entries)

        def days_off(week):
            return ",".join(f"{REUSE.key(off.article)}{off.days!r}" for off in week.days_off)

        names = STATE.associations
        return "\0".join([
            letter.week.slug,
            *(f"{w.week.slug}:{listed(w.events)}:{days_off(w)}" for w in letter.event_weeks),
            *(f"{slug}:{label}:{listed(entries)}" for slug, label, entries in letter.new_by_category),
            *(f"{space!r}{names[space.association].name}" for space in letter.spaces),
            ",".join(REUSE.key(a) for a in letter.needs), ",".join(REUSE.key(a) for a in letter.funding),
            str(len(letter.articles)), "",
        ])

    def _summary(self, letter):
        """What the letter holds, in a feed item's summary: its notices and
        its new spaces (a letter of spaces alone said "0 ilmoitusta")."""
        held = [self.t.count(key, count) for key, count in (("letter_summary_notices", len(letter.articles)),
                                                            ("letter_summary_spaces", len(letter.spaces))) if count]
        return self.t("letter_summary", what=f" {self.t('and')} ".join(held))

    def _write(self, writer, url, template, shows, **values):
        if not REUSE.take_made(url + "index.html", f"{template}\0{shows}"):
            writer.write_file(url + "index.html", self.get_template(template), self.context,
                              relative_urls=False, page_url=url, **values)

    def _write_feeds(self, feeds, letters, today, shown):
        s, site = self.settings, site_address(self.settings)
        zone = ZoneInfo(s["BULLETIN_TIMEZONE"])
        updated = datetime.combine(letters[0].week.monday if letters else today, time(0), tzinfo=zone)
        channels = {sub: Channel(sub, f"{site}/{self.context['url_for']('letters')}", self.t("letters_intro"),
                                 s["BULLETIN_LANGUAGE"], updated) for sub in feeds}
        # Drawing every letter again was most of a feed's time: unchanged
        # (the same channel and letters), the previous build's file moves over.
        made = [sub for sub in feeds if not REUSE.take_made(sub.path, f"{channels[sub]!r}{''.join(shown.values())}")]
        kept = REUSE.recall(BODIES)
        kept = kept if isinstance(kept, dict) else {}
        if not made:
            REUSE.remember(BODIES, kept)
            return
        # A letter whose text names what it named in the previous build is
        # drawn as then: one changed notice no longer draws all 26 again.
        bodies = {}
        for letter in letters:
            key = hashlib.sha256(f"{REUSE.site}\0{shown[letter.week]}".encode()).hexdigest() if REUSE.site else None
            held = kept.get(letter.week.slug)
            reused = key is not None and isinstance(held, tuple) and len(held) == 2 and held[0] == key
            bodies[letter.week.slug] = held if reused else (key, BUILT.body(letter))
        REUSE.remember(BODIES, bodies)
        items = []
        for letter in letters:
            link = f"{site}/{self.context['url_for']('letter', slug=letter.week.slug)}"
            title = self.t("letter_title", week=letter.week.week, year=letter.week.year)
            items.append(Item(
                title=title, link=link,
                date=datetime.combine(letter.week.monday, time(0), tzinfo=zone),
                author=s["SITENAME"], author_link=f"{site}/",
                category=self.t("letters_title"), category_link=f"{site}/{self.context['url_for']('letters')}",
                summary=self._summary(letter),
                content=bodies[letter.week.slug][1],
            ))
        for sub in made:
            sub.write(self.output_path, document(channels[sub], items))
