"""Writes the calendars: all events, each association's, and one per event."""
from datetime import timedelta

from pelican.generators import Generator

from bulletin_contract.reader import STATE
from bulletin_feeds.addresses import Subscriptions
from bulletin_i18n import translator_for
from bulletin_incremental import REUSE
from bulletin_pages.listings import by_association, soonest_first
from bulletin_settings import calendar_domain, site_address

from .events import CalendarBuilder


class CalendarsGenerator(Generator):
    def generate_output(self, writer):
        s = self.settings
        t = translator_for(s)
        bulletin = self.context["bulletin"]
        build = CalendarBuilder(s, t, site_address(s), calendar_domain(s), bulletin.today)
        subs = Subscriptions(s, t)
        days = s["BULLETIN_CALENDAR_PAST_DAYS"]

        # Upcoming events, and those that ended lately: expiry is the
        # listings' (article.expired), only the look back is added here.
        since = bulletin.today - timedelta(days=days)
        events = [a for a in self.context["articles"] if a.notice.event]
        recent = [a for a in events if a.expired and a.notice.event.last_day >= since]
        # ... and none that begins beyond BULLETIN_CALENDAR_AHEAD_DAYS: a
        # subscribed calendar does not grow with the years planned ahead.
        until = bulletin.today + timedelta(days=s["BULLETIN_CALENDAR_AHEAD_DAYS"])
        listed = soonest_first(a for a in bulletin.upcoming_events + recent if a.notice.event.first_day <= until)

        self._write(build, subs.calendar(), listed, t("calendar_description_all", days=days), bulletin.today)
        grouped = by_association(listed)  # once: a filter per association grew with both counts
        for slug, profile in STATE.associations.items():
            own = grouped.get(slug, [])
            self._write(build, subs.calendar(slug), own,
                        t("calendar_description_association", name=profile.name, days=days), bulletin.today)
        for article in events:
            sub = subs.event(article)
            # the stamp too: a notice dated later on its day is stamped anew the next day
            if not REUSE.take_made(sub.path, f"{REUSE.key(article)}{build.stamp(article.notice)}"):
                sub.write(self.output_path, build.document([article]))

    def _write(self, build, sub, articles, description, today):
        # A calendar is a function of its events, title and description (and
        # of the day: one with no events carries that year's time zone), so
        # when none of them changed the previous build's file moves over.
        inputs = f"{sub!r}{description}{today}" + "".join(REUSE.key(a) for a in articles)
        if not REUSE.take_made(sub.path, inputs):
            sub.write(self.output_path, build.document(articles, sub.title, description))
