"""What a shared link shows: Open Graph tags on notice pages (in the theme),
with the notice's first image as og:image, schema.org Event JSON-LD for events and Organization
JSON-LD for associations. Both need absolute addresses, which
this plugin gives the templates as `site_address`. And the meta description
of association, space and series pages (`described`)."""
from pelican import signals
from pelican.generators import ArticlesGenerator

from bulletin_contract.reader import STATE
from bulletin_contract.render import first_paragraph, json_for_script, plain_text
from bulletin_settings import site_address

from .image import encoded, first_image, image_size
from .structured import event_data, organization_data


def add_to_jinja(generator):
    settings = generator.settings
    site = site_address(settings)

    def event_json_ld(article):
        notice, address = article.notice, settings["BULLETIN_URLS"]["association"]
        # a joint event's partners organise it too, as its page says
        organisers = [(article.association_profile.name, notice.association),
                      *((STATE.associations[slug].name, slug) for slug in notice.partners)]
        organisers = [(name, address.format(slug=slug)) for name, slug in organisers]
        return json_for_script(event_data(article, site, organisers, settings["BULLETIN_TIMEZONE"]))

    def organization_json_ld(profile):
        url = settings["BULLETIN_URLS"]["association"].format(slug=profile.slug)
        description = plain_text(getattr(profile, "description_html", "") or "") or None
        return json_for_script(organization_data(profile, site, url, description))

    generator.env.globals["site_address"] = site
    generator.env.globals["organization_json_ld"] = organization_json_ld

    generator.env.globals["og_picture"] = lambda address, alt: og_picture(address, alt, settings)
    generator.env.globals["og_image"] = lambda article: getattr(article, "shared_picture", None)
    generator.env.globals["event_json_ld"] = event_json_ld
    # the meta description of an association's, a space's or a series' page:
    # its own description's first paragraph, as a notice's is its summary's
    generator.env.filters["described"] = lambda description_html: first_paragraph(description_html or "", 300)


def og_picture(address, alt, settings):
    """(address encoded, alt text, (width, height) or None) of a picture
    a shared page shows (og:image)."""
    address = encoded(address)
    return address, alt, image_size(address, site_address(settings), settings["PATH"])


def notice_pictures(generators):
    """Each notice's first picture, on the notice (`shared_picture`): its
    size is read from its file, which may change while the notice does not,
    and what is on a notice is in the key its page is reused by. Here, once
    every generator has read its content: a notice's {static} addresses are
    known only then."""
    notices = next(g for g in generators if isinstance(g, ArticlesGenerator))
    site = site_address(notices.settings)
    for article in notices.articles:
        if article.has_picture:  # the reader's look: the content is made for the few with one
            found = first_image(article.content, f"{site}/{article.url}")
            if found:
                article.shared_picture = og_picture(*found, notices.settings)


def register():
    # generator_init: the notice template is rendered by Pelican's own
    # articles generator, so the helpers go into every generator's templates.
    signals.generator_init.connect(add_to_jinja)
    signals.all_generators_finalized.connect(notice_pictures)
