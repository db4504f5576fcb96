"""Writes the bulletin's own pages: front page, listings, archive, tags, the
weekly print page, the accessibility statement, 404, sitemap."""
import hashlib
import json
from datetime import date

from pelican.generators import Generator
from pelican.plugins.signals import signal  # Pelican's own (blinker), in plugin order

from bulletin_contract.reader import STATE
from bulletin_contract.schema import form_schema
from bulletin_i18n import translator_for
from bulletin_incremental import REUSE
from bulletin_settings import DEFAULTS, site_address, today

from .listings import Listed, group, weeks_ahead
from .pagination import paginate
from .sitemap import sitemap_files, sitemap_names


# Sent once the pages that search indexes (the notices, written by Pelican
# before this generator runs, and the associations) are in the output.
searchable_written = signal("bulletin_searchable_written")


class Urls:
    """Addresses of the listings, from BULLETIN_URLS."""

    def __init__(self, patterns):
        self.patterns = patterns

    def __call__(self, name, **values):
        return self.patterns[name].format(**values)


SUBMIT_URL = "laheta/"


def _names_shown(articles):
    """A notice page also names other associations (partners, the owners of
    spaces) and its series: their names are part of what it shows, and so
    of the key it is reused by (bulletin_incremental). One digest of every
    name some page may show: an association added with notices of its own
    changes none of them (every page was drawn again)."""
    others = {slug for article in articles for slug in article.notice.partners}
    others.update(space.association for space in STATE.spaces.values())
    shown = [(slug, STATE.associations[slug].name) for slug in sorted(others)]
    shown += [(slug, one.name) for slug, one in sorted(STATE.series.items())]
    return hashlib.sha256(repr(shown).encode()).hexdigest()


class BulletinPagesGenerator(Generator):
    def generate_context(self):
        articles = self.context["articles"]
        names = _names_shown(articles)
        for article in articles:
            notice = article.notice
            article.names_shown = names
            article.association_profile = STATE.associations[notice.association]
            article.category_label = self.settings["BULLETIN_CATEGORIES"][notice.category]
        self.bulletin = group(articles, today(self.settings), self.settings)
        self.context["bulletin"] = self.bulletin
        self.context["associations"] = STATE.associations
        self.context["url_for"] = self.urls = Urls(self.settings["BULLETIN_URLS"])
        self.context["nav_items"] = self._nav()

    def _nav(self):
        """Main menu: (translation key, address). Search and the form join
        the menu when their templates are in the theme."""
        items = [("nav_home", ""), ("nav_events", self.urls("events")),
                 ("nav_associations", self.urls("associations")), ("nav_archive", self.urls("archive"))]
        templates = set(self.env.list_templates())
        self.has_submit_form = "submit.html" in templates
        if "search.html" in templates:
            items.append(("nav_search", self.urls("search")))
        if self.has_submit_form:
            items.append(("nav_submit", SUBMIT_URL))
        return items

    def _write(self, writer, url, template, **values):
        writer.write_file(url + "index.html" if url.endswith("/") or not url else url,
                          self.get_template(template), self.context,
                          relative_urls=False, page_url=url, **values)

    def _write_listing(self, writer, url, template, sections, more_template=None, shows=None, **values):
        """A listing in pages of BULLETIN_PAGE_SIZE entries: page 1 at `url`
        with `template`, the others with `more_template` (or the same).

        `shows` names, as text, everything a page shows beside its entries
        and the site-wide settings, theme and code (a heading, the day): a
        page whose entries and `shows` are the previous build's moves over
        from it (bulletin_incremental). None: always drawn."""
        pages = paginate(url, sections, self.settings["BULLETIN_PAGE_SIZE"], self.urls.patterns["listing_page"])
        for pager in pages:
            name = pager.url + "index.html"
            if shows is not None and REUSE.take_made(name, self._page_inputs(template, pager, shows)):
                continue
            self._write(writer, pager.url, template if pager.number == 1 else (more_template or template),
                        pager=pager, **values)
        self.more_pages += pages[0].urls[1:]

    def _page_inputs(self, template, pager, shows):
        entries = "".join(f"{key}:{REUSE.key(e.article)}{e.occurrence!r}" if isinstance(e, Listed)
                          else f"{key}:{REUSE.key(e)}" for key, group in pager.sections for e in group)
        return f"{template}\0{shows}\0{self.bulletin.today}\0{pager.number}\0{pager.urls}\0{pager.totals}\0{entries}"

    def _association_shows(self, profile):
        """A text naming everything an association's pages show beside their
        notices (association.html, association_more.html and what they
        include): the profile's every field (its description_html is drawn
        from `description`), what bulletin_network adds to it (series
        organised, joint notices), its spaces (bulletin_spaces) with the
        wanted notices each fits and why, and the addresses it links. A
        template that shows more must name it here, or its page is left as
        the previous build drew it."""
        c = self.context
        spaces = c.get("spaces_by_association", {}).get(profile.slug, [])
        fits = c.get("space_fits", {})
        return "\0".join([
            repr(profile), profile.description_html,
            repr(getattr(profile, "series_organised", None)),
            ",".join(REUSE.key(a) for a in getattr(profile, "joint_notices", ())),
            *(f"{space!r}{space.district_slug}:" + ",".join(f"{REUSE.key(f.other)}{f.explanation}"
                                                            for f in fits.get(space.slug, []))
              for space in spaces),
            repr([c.get(name) for name in ("network_url", "profile_form_url", "space_form_url")]),
        ])

    def generate_output(self, writer):
        b, urls, labels = self.bulletin, self.urls, self.settings["BULLETIN_CATEGORIES"]
        self.more_pages = []  # pages 2, 3, ... of the listings, for the sitemap
        self._write(writer, "", "index")
        for slug, label in labels.items():
            self._write_listing(writer, urls("category", slug=slug), "category", [("current", b.by_category[slug])],
                                shows=f"{slug}:{label}", category_slug=slug, category_label=label, articles=b.by_category[slug])
        self._write(writer, urls("associations"), "associations")
        for slug, profile in STATE.associations.items():
            current = b.current_by_association.get(slug, [])
            earlier = b.earlier_by_association.get(slug, [])
            self._write_listing(writer, urls("association", slug=slug), "association",
                                [("current", current), ("earlier", earlier)], "association_more",
                                shows=self._association_shows(profile),
                                association=profile, current=current, earlier=earlier)
        searchable_written.send(self)
        self._write_listing(writer, urls("events"), "events",
                            [((m.year, m.month), m.articles) for m in b.event_months], shows="")
        self._write(writer, urls("archive"), "archive")
        for month in b.archive:
            self._write_listing(writer, urls("archive_month", year=month.year, month=month.month),
                                "archive_month", [("month", month.articles)],
                                shows=f"{month.year}-{month.month}", month=month)
        self._write(writer, urls("tags"), "tags")
        for tag in b.tags:
            self._write_listing(writer, urls("tag", slug=tag.slug), "tag", [("tag", tag.articles)],
                                shows=f"{tag.slug}:{tag.name}", tag=tag)
        if self.has_submit_form:
            # The form validates with the contract's own rules, exported here.
            schema = form_schema(self.settings, translator_for(self.settings), STATE.associations, STATE.spaces)
            self._write(writer, SUBMIT_URL, "submit", schema=schema,
                        submit_schema=json.dumps(schema, ensure_ascii=False))
        weeks = weeks_ahead(b.upcoming_events, b.today)
        self._write_listing(writer, urls("print"), "print_week",
                            [*((("week", n), w.articles) for n, w in enumerate(weeks)),
                             ("notices", b.current_notices)],
                            shows="".join(f"{w.first_day}{w.last_day}" for w in weeks), weeks=weeks)
        self._write(writer, urls("accessibility"), "accessibility", statement=self._statement())
        self._write(writer, "404.html", "404")
        self._write_sitemap()

    def _statement(self):
        """BULLETIN_ACCESSIBILITY with its dates as dates, for the date filters."""
        statement = dict(DEFAULTS["BULLETIN_ACCESSIBILITY"], **self.settings["BULLETIN_ACCESSIBILITY"])
        for key in ("assessed_on", "updated_on"):
            statement[key] = date.fromisoformat(str(statement[key] or statement["assessed_on"]))
        return statement

    def _write_sitemap(self):
        b, urls, site = self.bulletin, self.urls, site_address(self.settings)
        addresses = ["", urls("associations"), urls("events"), urls("archive"), urls("tags"),
                     urls("print"), urls("accessibility"), urls("letters")]
        addresses += [SUBMIT_URL] if self.has_submit_form else []
        addresses += [urls("category", slug=s) for s in self.settings["BULLETIN_CATEGORIES"]]
        addresses += [urls("association", slug=s) for s in STATE.associations]
        addresses += [urls("archive_month", year=m.year, month=m.month) for m in b.archive]
        addresses += [urls("tag", slug=t.slug) for t in b.tags]
        addresses += self.more_pages
        addresses += self.context.get("more_addresses", [])  # pages of other plugins (bulletin_spaces)
        addresses += [p.url for p in self.context["pages"]]
        addresses += [a.url for a in self.context["articles"]]
        addresses += self.context.get("sitemap_addresses", [])  # pages other plugins write
        limit = self.settings["BULLETIN_SITEMAP_LIMIT"]
        # the same addresses: the previous build's files move over (bulletin_incremental)
        inputs = f"{site}\0{limit}\0" + "\0".join(addresses)
        made = [name for name in sitemap_names(len(addresses), limit) if not REUSE.take_made(name, inputs)]
        if made:
            texts = sitemap_files(site, addresses, limit)
            for name in made:
                with open(f"{self.output_path}/{name}", "w", encoding="utf-8") as out:
                    out.write(texts[name])
