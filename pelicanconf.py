"""Settings of the example bulletin (Imatra). Another town edits this file.

`bulletin build` and `pelican content -s pelicanconf.py` both read it. The
bulletin's own settings (BULLETIN_*) have their defaults and checks in
plugins/bulletin_settings; set here only what differs.
"""
SITENAME = "Imatran järjestöjen ilmoitukset"
SITE_DESCRIPTION = "Imatran seudun yhdistysten yhteinen ilmoitustaulu: tapahtumat, tilat, rahoitus ja yhteistyö."
SITEURL = ""
TIMEZONE = "Europe/Helsinki"
DEFAULT_LANG = "fi"

PATH = "content"
ARTICLE_PATHS = ["notices"]
PAGE_PATHS = ["pages"]
STATIC_PATHS = ["images", "files"]  # files: PDF minutes and such, checked like the images
THEME = "theme"
PLUGIN_PATHS = ["plugins"]
PLUGINS = [
    "bulletin_settings",
    "bulletin_i18n",
    "bulletin_contract",
    "bulletin_spaces",
    "bulletin_pages",
    "bulletin_feeds",
    "bulletin_letter",
    "bulletin_calendars",
    "bulletin_sharing",
    "bulletin_network",
    "bulletin_print",
    "bulletin_embeds",
    "bulletin_icons",
    "bulletin_search",
    "bulletin_csp",
    "bulletin_incremental",
]

BULLETIN_LANGUAGE = "fi"
# The languages the forms offer for a notice (tag -> name in itself); a
# notice's `lang` says which. fi-x-selko is plain Finnish (selkokieli).
BULLETIN_LANGUAGES = {"fi": "suomi", "fi-x-selko": "selkokieli", "sv": "svenska", "en": "English", "ru": "русский"}
BULLETIN_SHORT_NAME = "Imatran ilmoitukset"
BULLETIN_CONTACT_EMAIL = "toimitus@example.org"
# The form proposes new notices to this GitHub repository ("owner/name").
BULLETIN_REPOSITORY = "imatra-jarjestot/ilmoitukset"

# Addresses: a notice's address comes from its file name and never changes.
ARTICLE_URL = "ilmoitukset/{slug}/"
ARTICLE_SAVE_AS = "ilmoitukset/{slug}/index.html"
PAGE_URL = "{slug}/"
PAGE_SAVE_AS = "{slug}/index.html"
ARTICLE_TRANSLATION_ID = None
PAGE_TRANSLATION_ID = None
USE_FOLDER_AS_CATEGORY = False
FILENAME_METADATA = r"(?P<unused_filename>.*)"
SLUGIFY_SOURCE = "basename"

# Listings, archives and tag pages come from the bulletin_pages plugin.
DIRECT_TEMPLATES = []
CATEGORY_SAVE_AS = ""
CATEGORIES_SAVE_AS = ""
TAG_SAVE_AS = ""
TAGS_SAVE_AS = ""
AUTHOR_SAVE_AS = ""
AUTHORS_SAVE_AS = ""
ARCHIVES_SAVE_AS = ""
YEAR_ARCHIVE_SAVE_AS = ""
MONTH_ARCHIVE_SAVE_AS = ""
DAY_ARCHIVE_SAVE_AS = ""
DRAFT_SAVE_AS = ""
DRAFT_PAGE_SAVE_AS = ""

# One source of feeds: the bulletin's own, not Pelican's.
FEED_ALL_ATOM = None
FEED_ALL_RSS = None
CATEGORY_FEED_ATOM = None
CATEGORY_FEED_RSS = None
TAG_FEED_ATOM = None
TAG_FEED_RSS = None
AUTHOR_FEED_ATOM = None
AUTHOR_FEED_RSS = None
TRANSLATION_FEED_ATOM = None
TRANSLATION_FEED_RSS = None

# Templates escape every value unless it is marked safe (sanitized HTML).
# A build makes its templates' environment anew and they do not change
# during it: Jinja's auto_reload would ask the file's time at every page's
# `extends`, `import` and `include`.
JINJA_ENVIRONMENT = {"autoescape": True, "trim_blocks": True, "lstrip_blocks": True, "auto_reload": False}
RELATIVE_URLS = False
DELETE_OUTPUT_DIRECTORY = True
OUTPUT_RETENTION = [".git"]
TYPOGRIFY = False
# A notice's summary is plain text (the contract escapes it): Pelican need
# not look for {filename} links in it, for every notice in every build.
FORMATTED_FIELDS = []

# The accessibility statement (saavutettavuusseloste): who answers feedback,
# and when and how the site was last assessed.
BULLETIN_ACCESSIBILITY = {
    "organisation": "Etelä-Karjalan Järjestöverkosto ry (esimerkki)",
    "email": "toimitus@example.org",
    "phone": "040 000 0100",
    "status": "partial",
    "assessed_on": "2026-11-28",
    "assessed_by": "self",
    "updated_on": "2026-11-28",
}

# A rebuild reads again only the files whose bytes changed (see
# plugins/bulletin_contract/cache.py for why the cache never lets invalid
# content through). `bulletin build` keeps the cache beside the output folder.
CACHE_CONTENT = True
LOAD_CONTENT_CACHE = True
CHECK_MODIFIED_METHOD = "sha256"
GZIP_CACHE = False
