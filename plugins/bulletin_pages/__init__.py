"""The bulletin's pages beyond single notices: front page, categories,
associations, events by month, archive, tags, 404 and sitemap.xml."""
from pelican import signals
from pelican.contents import Article

from bulletin_contract.render import with_links
from bulletin_contract.slugs import slugify

from .generator import BulletinPagesGenerator
from .items import NoticeItems


def add_to_jinja(generator):
    generator.env.filters["tag_slug"] = slugify
    generator.env.filters["with_links"] = with_links
    generator.env.tests["contains"] = lambda container, item: item in (container or ())
    generator.env.globals["notice_items"] = NoticeItems(generator.env)


def fix_address(content):
    """A notice's address and file are fixed as it is made: Pelican works them
    out anew, with two path resolutions, each time a notice is linked (~10
    times) or its file named (writing it, search's archive). Made, they are
    kept with the notice between builds (bulletin_incremental/made_articles.py)."""
    if isinstance(content, Article):
        content.override_url = content.url
        content.override_save_as = content.save_as


def get_generators(pelican):
    return BulletinPagesGenerator


def register():
    # get_generators: our generator runs after Pelican's articles and pages,
    # so it sees every notice, and writes with the same theme and writer.
    signals.get_generators.connect(get_generators)
    # generator_init: every generator's templates can link to tag pages and
    # list notices.
    signals.generator_init.connect(add_to_jinja)
    # content_object_init: a notice is made (a kept one comes back with its address).
    signals.content_object_init.connect(fix_address)
