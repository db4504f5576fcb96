"""Writes the cooperation pages and gives the association pages what
networking adds to them (joint notices, series organised)."""
import json
from collections import defaultdict
from dataclasses import dataclass, field
from pathlib import Path

from pelican.generators import Generator

from bulletin_contract import fields
from bulletin_contract.beside import beside
from bulletin_contract.cache import shared_cache
from bulletin_contract.order import newest_first
from bulletin_contract.reader import STATE
from bulletin_contract.schema import profile_schema
from bulletin_i18n import translator_for
from bulletin_incremental import REUSE
from bulletin_pages.generator import Urls
from bulletin_pages.listings import soonest_first
from .matching import Item, match_texts
from .profile_values import write_profile_values


@dataclass
class Need:
    item: object
    profile: object
    answers: list  # [Match] of offers, best first
    spaces: list = field(default_factory=list)  # [(Space, Match)], best first


def space_text(space, settings):
    """What a need may meet in a space: its name, its purposes' and
    equipment's labels (as the site shows them) and its description."""
    labels = [settings["BULLETIN_SPACE_PURPOSES"].get(slug, slug) for slug in space.purposes]
    labels += [settings["BULLETIN_SPACE_EQUIPMENT"].get(slug, slug) for slug in space.equipment]
    return "\n".join([space.name, *labels, space.description or ""])


@dataclass
class SeriesView:
    series: object
    upcoming: list  # events not yet over, soonest first
    past: list  # events that are over, newest first
    other: list  # the series' notices without an event


def series_views(series, articles):
    by_series = defaultdict(list)
    for article in articles:
        if article.notice.series:
            by_series[article.notice.series].append(article)
    views = {}
    for slug, one in series.items():
        notices = by_series.get(slug, [])
        events = [a for a in notices if a.notice.event]
        views[slug] = SeriesView(one, soonest_first(a for a in events if not a.expired),
                                 newest_first(a for a in events if a.expired),
                                 newest_first(a for a in notices if not a.notice.event))
    return views


def _keys(articles):
    """The notices a page lists, by their keys (everything a notice shows)."""
    return ",".join(REUSE.key(a) for a in articles)


# Lemmas of the offers and needs, kept for the next build (beside the search's).
MATCH_CACHE = "network-lemmas.pickle"


class NetworkGenerator(Generator):
    def generate_context(self):
        self.urls = urls = Urls(self.settings["BULLETIN_URLS"])
        articles = self.context["articles"]
        profiles = STATE.associations
        joint = defaultdict(list)
        # only the notices with partners are put in order (sorting every one took 0.3 s at 100,000)
        for article in newest_first(a for a in articles if a.notice.partners):
            for slug in article.notice.partners:
                joint[slug].append(article)
        for slug, profile in profiles.items():
            profile.joint_notices = joint.get(slug, [])
            profile.series_organised = sorted((s for s in STATE.series.values() if slug in s.organisers),
                                              key=lambda s: s.name.lower())
        active = sorted((p for p in profiles.values() if p.active), key=lambda p: p.name.lower())
        self.offers = [(Item(text, p.slug), p) for p in active for text in p.offers]
        self.needs = [Need(Item(text, p.slug), p, []) for p in active for text in p.needs]
        hires = [a for a in articles if a.notice.hire]
        self.hires = newest_first(a for a in hires if not a.expired)
        self.earlier_hires = newest_first(a for a in hires if a.expired)
        self.series = series_views(STATE.series, articles)
        self.context["series_profiles"] = STATE.series
        self.context["network_url"] = urls("network")
        self.context["profile_form_url"] = urls("profile_form")
        nav = self.context["nav_items"]
        nav.insert(next(i for i, (key, _) in enumerate(nav) if key == "nav_associations") + 1,
                   ("nav_network", urls("network")))
        self.context.setdefault("sitemap_addresses", []).extend(
            [urls("network"), urls("joint_hiring"), urls("profile_form")]
            + [urls("series", slug=slug) for slug in STATE.series])

    def start_matching(self):
        """Needs are matched in a second process while the pages are
        written: the first look-up loads the Finnish dictionary, which took
        seconds of a build (as in bulletin_search)."""
        cache = Path(self.settings["CACHE_PATH"], MATCH_CACHE) if self.settings.get("CACHE_CONTENT") else None
        texts = lambda items: [(item.text, item.association) for item in items]  # noqa: E731
        spaces = [(space_text(space, self.settings), space.association, slug,
                   frozenset(slot.day for slot in space.available) or None)
                  for slug, space in sorted(STATE.spaces.items())]
        self.matching = beside(match_texts, texts(n.item for n in self.needs), texts(item for item, _ in self.offers),
                               self.settings["BULLETIN_LANGUAGE"], cache, spaces, shared_cache(self.settings))

    def _finish_matching(self):
        answers, space_answers = self.matching.result()
        offers = {(item.text, item.association): item for item, _ in self.offers}
        for need, found, spaces in zip(self.needs, answers, space_answers):
            for one in found:
                one.offer = offers[one.offer.text, one.offer.association]  # the same item as listed
            need.answers = found
            need.spaces = [(STATE.spaces[one.offer.ref], one) for one in spaces]

    def _write(self, writer, url, template, shows, **values):
        """Write the page, or leave the previous build's in place when what
        it `shows` is unchanged: a text naming everything the page shows
        beside the site-wide settings, theme and code (bulletin_incremental).
        A template that shows more must name it there, or its page is left
        as the previous build drew it."""
        inputs = f"{template}\0{self.context['bulletin'].today}\0{self._names}\0{shows}"
        if REUSE.take_made(url + "index.html", inputs):
            return
        writer.write_file(url + "index.html", self.get_template(template), self.context,
                          relative_urls=False, page_url=url, **values)

    def _shows(self, offers, needs, groups):
        """What yhteistyo/ shows: every offer and need of the active
        associations with their profiles (name, groups, numbering of the
        items), each need's answers and spaces with the words they share,
        the series, the filter's groups, the current hires and the links."""
        c = self.context
        answers = lambda found: [(m.offer.text, m.offer.association, m.shared) for m in found]  # noqa: E731
        return repr([
            [(item.text, repr(profile)) for item, profile in offers],
            [(need.item.text, repr(need.profile), answers(need.answers),
              [(repr(space), answer.shared) for space, answer in need.spaces]) for need in needs],
            sorted((slug, one.name) for slug, one in c["series_profiles"].items()),
            groups, [c.get(name) for name in ("network_url", "profile_form_url")],
        ]) + _keys(self.hires)

    def generate_output(self, writer):
        self._finish_matching()
        urls = self.urls
        used = {g for p in STATE.associations.values() for g in p.groups}
        groups = [g for g in self.settings["BULLETIN_GROUPS"] if g in used]
        # The names of every association and series, which these pages show
        # of others (as notice pages do: bulletin_pages).
        self._names = repr([(slug, one.name) for slugs in (STATE.associations, STATE.series)
                            for slug, one in sorted(slugs.items())])
        self._write(writer, urls("network"), "network", self._shows(self.offers, self.needs, groups),
                    offers=self.offers, needs=self.needs, network_groups=groups, hires=self.hires)
        self._write(writer, urls("joint_hiring"), "joint_hiring",
                    f"{_keys(self.hires)}|{_keys(self.earlier_hires)}|{self.context['network_url']}",
                    hires=self.hires, earlier=self.earlier_hires)
        for slug, view in self.series.items():
            one = view.series
            self._write(writer, urls("series", slug=slug), "series",
                        f"{one!r}\0{one.description_html}\0"
                        + "|".join(_keys(notices) for notices in (view.upcoming, view.past, view.other)),
                        view=view)
        # The profile form validates with the association table's own rules,
        # and shows nothing but them and the associations in its schema; each
        # association's present values are a file of their own beside it.
        schema = profile_schema(self.settings, translator_for(self.settings), STATE.associations)
        text = json.dumps(schema, ensure_ascii=False)
        self._write(writer, urls("profile_form"), "profile_form", text, schema=schema,
                    profile_schema=text, fields_table=fields.ASSOCIATION_FIELDS)
        write_profile_values(self.output_path, urls("profile_form"), STATE.associations)
