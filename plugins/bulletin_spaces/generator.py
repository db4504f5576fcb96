"""Writes tilat/ and a page per space, and puts the matches on the notices,
spaces and associations that show them."""
import json
from collections import defaultdict
from dataclasses import dataclass
from datetime import datetime, time
from zoneinfo import ZoneInfo

from pelican.generators import Generator

from bulletin_contract.fields import SPACE_FIELDS
from bulletin_contract.reader import STATE
from bulletin_contract.render import json_for_script
from bulletin_contract.schema import form_schema
from bulletin_contract.slugs import slugify
from bulletin_i18n import translator_for
from bulletin_feeds.addresses import Subscriptions
from bulletin_feeds.feeds import Channel, Item, document
from bulletin_feeds.links import absolute_links
from bulletin_settings import site_address, today

from .matching import match_all
from .structured import place_json_ld

SPACES_CATEGORY = "tilat"
SPACE_FORM_URL = "laheta/tila/"  # beside the notice form (laheta/)


@dataclass(frozen=True)
class Fit:
    """One side of a match as a page lists it: the other side and why."""

    other: object  # a Space on a notice's page, a wanted notice on a space's
    explanation: str


class SpacesGenerator(Generator):
    def generate_context(self):
        pass  # the notices are grouped (current, expired) only later: see match()

    def match(self):
        """Match the spaces and the wanted notices, once every notice is read
        and grouped, before any page is written."""
        t = translator_for(self.settings)
        labels = {kind: self.settings[f"BULLETIN_SPACE_{kind.upper()}"]
                  for kind in ("accessibility", "purposes", "equipment")}
        spaces = sorted(STATE.spaces.values(), key=lambda s: (s.name.lower(), s.slug))
        for space in spaces:
            space.district_slug = slugify(space.district) if space.district else ""
        articles = self.context["articles"]
        wanted = [a for a in articles if a.notice.wanted]
        fits_by_space = defaultdict(list)
        for article in wanted:
            article.fitting_spaces = []
        # a need that is over (expired, or past its season's `until`) is matched to nothing
        for match in match_all(spaces, [a for a in wanted if not a.expired]):
            explanation = match.explain(t, labels)
            match.article.fitting_spaces.append(Fit(match.space, explanation))
            fits_by_space[match.space.slug].append(Fit(match.article, explanation))
        for article in articles:
            if article.notice.space:
                article.offered_space = STATE.spaces[article.notice.space]
        by_association = defaultdict(list)
        for space in spaces:
            by_association[space.association].append(space)
        current = self.context["bulletin"].by_category.get(SPACES_CATEGORY, [])
        self.spaces = spaces
        self.context.update(
            spaces=spaces,
            space_fits=dict(fits_by_space),
            spaces_by_association=dict(by_association),
            space_notices_wanted=[a for a in current if a.notice.wanted],
            space_notices_other=[a for a in current if not a.notice.wanted],
            space_districts=self._districts(spaces),
            # the people filter takes what a space's capacity may be
            space_capacity=SPACE_FIELDS["capacity"].parse,
        )
        urls = self.context["url_for"]
        self.has_form = "submit_space.html" in self.env.list_templates()
        self.context["space_form_url"] = SPACE_FORM_URL if self.has_form else None
        self.context["more_addresses"] = [urls("spaces"), *(urls("space", slug=s.slug) for s in spaces),
                                          *([SPACE_FORM_URL] if self.has_form else [])]
        nav = self.context["nav_items"]
        after = next((n + 1 for n, (key, _url) in enumerate(nav) if key == "nav_associations"), len(nav))
        nav.insert(after, ("nav_spaces", self.context["url_for"]("spaces")))

    def _districts(self, spaces):
        """(district or None, its spaces), in the settings' order; spaces
        without a district last."""
        order = {name: number for number, name in enumerate(self.settings["BULLETIN_DISTRICTS"])}
        grouped = defaultdict(list)
        for space in spaces:
            grouped[space.district].append(space)
        return sorted(grouped.items(), key=lambda item: order.get(item[0], len(order)))

    def generate_output(self, writer):
        urls = self.context["url_for"]
        site = site_address(self.settings)
        self._write(writer, urls("spaces"), "spaces")
        for space in self.spaces:
            self._write(writer, urls("space", slug=space.slug), "space", space=space,
                        association=STATE.associations[space.association],
                        fits=self.context["space_fits"].get(space.slug, []),
                        place_json_ld=json_for_script(place_json_ld(space, site, urls, self.settings)))

        if self.has_form:
            # The form checks with the contract's own rules, exported here.
            # the spaces too: a new one's file is not named as one that is there
            schema = form_schema(self.settings, translator_for(self.settings), STATE.associations, STATE.spaces)
            self._write(writer, SPACE_FORM_URL, "submit_space", schema=schema,
                        submit_schema=json.dumps(schema, ensure_ascii=False))
        self._write_feeds(site, urls)

    def _moment(self, day):
        """A space's date as a moment for feeds; without one, the build's day."""
        zone = ZoneInfo(self.settings["BULLETIN_TIMEZONE"])
        day = day or today(self.settings)
        return day if isinstance(day, datetime) else datetime.combine(day, time(0), tzinfo=zone)

    def _write_feeds(self, site, urls):
        """RSS and Atom of the spaces, newest first (feedgen, as the notices' feeds)."""
        t = translator_for(self.settings)
        label = self.settings["BULLETIN_CATEGORIES"].get(SPACES_CATEGORY, t("spaces_title"))
        items, item_template, slot = [], self.get_template("space_feed"), self.env.filters["slot_text"]
        for space in sorted(self.spaces, key=lambda s: (-self._moment(s.date).timestamp(), s.slug)):
            link = f"{site}/{urls('space', slug=space.slug)}"
            # what a reader choosing a room asks first: how many, where, when free, at what price
            facts = [t.count("space_persons", space.capacity), space.district, space.address,
                     ", ".join(map(slot, space.available)), space.price or (t("space_free") if space.free else "")]
            items.append(Item(
                title=space.name, link=link, date=self._moment(space.date),
                author=STATE.associations[space.association].name,
                author_link=f"{site}/{urls('association', slug=space.association)}",
                category=label, category_link=f"{site}/{urls('spaces')}",
                summary=", ".join(f for f in facts if f),
                content=absolute_links(item_template.render(self.context, space=space), link),
            ))
        updated = items[0].date if items else self._moment(None)
        for sub in Subscriptions(self.settings, t).feeds("spaces"):
            channel = Channel(sub, f"{site}/{urls('spaces')}", t("feed_description_spaces"),
                              self.settings["BULLETIN_LANGUAGE"], updated)
            sub.write(self.output_path, document(channel, items))

    def _write(self, writer, url, template, **values):
        writer.write_file(url + "index.html", self.get_template(template), self.context,
                          relative_urls=False, page_url=url, **values)
