"""Writes the embed pages: `<listing address>upotus/` for each association
and each category."""
from pelican.generators import Generator

from bulletin_contract.reader import STATE
from bulletin_incremental import REUSE
from bulletin_pages.listings import by_association

EMBED = "upotus/"
LIMIT = 10  # notices an embed shows; the rest are a link away


def embed_url(listing_url):
    """The embed of a listing (an association's or a category's address)."""
    return listing_url + EMBED


class EmbedGenerator(Generator):
    def generate_output(self, writer):
        b, urls = self.context["bulletin"], self.context["url_for"]
        template = self.get_template("embed")
        # with the joint notices it is a partner in, as its feeds and calendar
        grouped = by_association(b.upcoming_events + b.current_notices)
        for slug, profile in STATE.associations.items():
            self._write(writer, template, urls("association", slug=slug), profile.name, grouped.get(slug, []))
        for slug, label in self.settings["BULLETIN_CATEGORIES"].items():
            self._write(writer, template, urls("category", slug=slug), label, b.by_category[slug])

    def _write(self, writer, template, listing, name, articles):
        url = embed_url(listing)
        # An embed shows its name, its first notices and how many more: with
        # those as the previous build's, its page moves over (bulletin_incremental).
        shown = ",".join(REUSE.key(a) for a in articles[:LIMIT])
        if REUSE.take_made(url + "index.html", f"embed\0{listing}\0{name}\0{len(articles)}\0{shown}"):
            return
        writer.write_file(url + "index.html", template, self.context, relative_urls=False, page_url=url,
                          listing_url=listing, embed_name=name, articles=articles[:LIMIT],
                          more=len(articles) - LIMIT)
