"""What a shared link shows: Open Graph tags on notice pages (in the theme),
with the notice's first image as og:image, schema.org Event JSON-LD for events and Organization
JSON-LD for associations. Both need absolute addresses, which
this plugin gives the templates as `site_address`. And the meta description
of association, space and series pages (`described`)."""
from pelican import signals

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

    def og_picture(address, alt):
        """(address encoded, alt text, (width, height) or None) of a picture
        a shared page shows (og:image)."""
        address = encoded(address)
        return address, alt, image_size(address, site, settings["PATH"])

    def og_image(article):
        """A notice's first picture as og_picture gives it, or None."""
        found = first_image(article.content, f"{site}/{article.url}")
        return found and og_picture(*found)

    generator.env.globals["og_picture"] = og_picture
    generator.env.globals["og_image"] = og_image
    generator.env.globals["event_json_ld"] = event_json_ld
    # the meta description of an association's, a space's or a series' page:
    # its own description's first paragraph, as a notice's is its summary's
    generator.env.filters["described"] = lambda description_html: first_paragraph(description_html or "", 300)


def register():
    # generator_init: the notice template is rendered by Pelican's own
    # articles generator, so the helpers go into every generator's templates.
    signals.generator_init.connect(add_to_jinja)
