"""Writes an A4 poster (juliste) for each upcoming event, for a physical
notice board: title, time, place, association and a large QR code."""
from pelican.generators import Generator

POSTERS = "julisteet/{slug}/"


class PosterGenerator(Generator):
    def generate_output(self, writer):
        template = self.get_template("poster")
        for article in self.context["bulletin"].upcoming_events:
            url = POSTERS.format(slug=article.slug)
            # `article=`: a poster shows its notice alone, so an unchanged one
            # moves over from the previous build (bulletin_incremental).
            writer.write_file(url + "index.html", template, self.context, relative_urls=False,
                              page_url=url, article=article)
