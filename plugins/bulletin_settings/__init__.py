"""`BULLETIN_*` settings: their defaults in one place, checked once at start.

A wrong setting stops the build with a message that names the key, the value
and the form expected, before any content is read.
"""
import os
import re
from datetime import date, datetime, time
from urllib.parse import urlsplit
from zoneinfo import ZoneInfo

from pelican import signals

from bulletin_csp.policy import problem_in as csp_problem
from bulletin_i18n.languages import standard_tag
from bulletin_i18n.translations import TABLES

DEFAULTS = {
    "BULLETIN_LANGUAGE": "fi",
    # The languages a notice may be written in, as the forms offer them:
    # language tag -> its name in itself. `fi-x-selko` is plain Finnish
    # (selkokieli). A notice's `lang` may be any language tag; these are the choices.
    "BULLETIN_LANGUAGES": {"fi": "suomi", "fi-x-selko": "selkokieli", "sv": "svenska", "en": "English",
                           "ru": "русский"},
    # slug -> label shown to readers; the slugs are the values notices use.
    "BULLETIN_CATEGORIES": {
        "tapahtumat": "Tapahtumat",
        "tilat": "Tilat",
        "rahoitus": "Rahoitus",
        "vapaaehtoiset": "Vapaaehtoiset",
        "yhteistyo": "Yhteistyö",
        "tiedotteet": "Tiedotteet",
    },
    # Days a notice without `expires` stays current, per category (events
    # expire when they end, so they need none).
    "BULLETIN_EXPIRY_DAYS": {
        "tilat": 60,
        "rahoitus": 90,
        "vapaaehtoiset": 60,
        "yhteistyo": 90,
        "tiedotteet": 45,
    },
    "BULLETIN_GROUPS": [
        "eläkeläiset", "vammaiset", "nuoret", "lapset ja perheet", "urheilu",
        "kulttuuri", "asukkaat", "maahanmuuttajat",
    ],
    # Premises (tilat/): the facts a space is described by and filtered and
    # matched with, slug -> Finnish label. The slugs are what files use;
    # modelled on Varaamo's purposes and respa's accessibility viewpoints.
    # A town may extend them.
    "BULLETIN_SPACE_PURPOSES": {
        "kokous": "Kokoukset",
        "kerho": "Kerhot ja harrastukset",
        "juhla": "Juhlat",
        "liikunta": "Liikunta ja tanssi",
        "musiikki": "Musiikki ja bändit",
        "esitys": "Esitykset ja tapahtumat",
        "koulutus": "Koulutus ja luennot",
        "ruoanlaitto": "Ruoanlaitto",
        "kasityo": "Käsityöt",
        "sauna": "Saunavuorot",
        "varastointi": "Varastointi",
    },
    "BULLETIN_SPACE_EQUIPMENT": {
        "keittio": "Keittiö",
        "astiasto": "Astiasto",
        "videotykki": "Videotykki",
        "naytto": "Näyttö",
        "aanentoisto": "Äänentoisto",
        "wlan": "Langaton verkko",
        "piano": "Piano",
        "bandikalusto": "Bändikalusto",
        "poydat": "Pöydät ja tuolit",
        "peiliseina": "Peiliseinä",
        "jumppamatot": "Jumppamatot",
        "pukuhuone": "Pukuhuone ja suihku",
        "sauna": "Sauna",
        "hyllyt": "Hyllyt",
        "lukittava": "Lukittava tila",
    },
    "BULLETIN_SPACE_ACCESSIBILITY": {
        "porrasaton": "Porrasaton sisäänkäynti",
        "luiska": "Luiska",
        "hissi": "Hissi",
        "esteeton-wc": "Esteetön WC",
        "induktiosilmukka": "Induktiosilmukka",
        "invapaikka": "Liikkumisesteisten pysäköintipaikka",
        "automaattiovi": "Automaattiovi",
        "opasteet": "Selkeät opasteet ja kontrastit",
    },
    # Districts of the town, as written in a space's `district`.
    "BULLETIN_DISTRICTS": [
        "Imatrankoski", "Mansikkala", "Vuoksenniska", "Tainionkoski", "Rautio", "Karhumäki",
        "Sienimäki", "Siitola", "Meltola", "Kaukopää", "Jäppilä", "Korvenkanta",
    ],
    # The day expiry and "upcoming" are computed from, YYYY-MM-DD; None means
    # today in BULLETIN_TIMEZONE. `bulletin build --today` sets it.
    "BULLETIN_TODAY": None,
    "BULLETIN_TIMEZONE": "Europe/Helsinki",
    # Where the listings are written; another language can rename them.
    "BULLETIN_URLS": {
        "category": "aiheet/{slug}/",
        "association": "yhdistykset/{slug}/",
        "associations": "yhdistykset/",
        "events": "tapahtumat/",
        "archive": "arkisto/",
        "archive_month": "arkisto/{year}/{month:02d}/",
        "tags": "avainsanat/",
        "tag": "avainsanat/{slug}/",
        "search": "haku/",
        "print": "tulosta/",
        "accessibility": "saavutettavuusseloste/",
        # offers and needs matched, joint hiring, series, the association profile form
        "network": "yhteistyo/",
        "joint_hiring": "yhteistyo/yhteispalkkaus/",
        "series": "sarjat/{slug}/",
        "profile_form": "yhdistyksen-tiedot/",
        "letters": "viikkokirje/",
        "letter": "viikkokirje/{slug}/",
        "spaces": "tilat/",
        "space": "tilat/{slug}/",
        # page 2 and on of a listing in pages ({listing} is page 1's address)
        "listing_page": "{listing}sivu/{number}/",
    },
    # The previous output, whose unchanged notice pages a build may take
    # over; `bulletin build` sets it, None renders every page.
    "BULLETIN_PREVIOUS_OUTPUT": None,
    "BULLETIN_FRONT_EVENTS": 8,
    "BULLETIN_FRONT_NOTICES": 10,
    # Entries on one page of a listing (a category, an archive month, a tag,
    # an association's notices, the events, the print sheet): the rest go on
    # pages 2, 3, ... so that no page grows with the archive.
    "BULLETIN_PAGE_SIZE": 50,
    # Items in each RSS, Atom and JSON feed: the newest current ones.
    "BULLETIN_FEED_ITEMS": 100,
    # Addresses in one sitemap file (the format's limit): past it sitemap.xml
    # is an index of sitemap-1.xml, sitemap-2.xml, ...
    "BULLETIN_SITEMAP_LIMIT": 50000,
    # Where the feeds and calendars are written (files, not folders).
    "BULLETIN_FEED_URLS": {
        "all_rss": "syotteet/kaikki.rss.xml",
        "all_atom": "syotteet/kaikki.atom.xml",
        "category_rss": "syotteet/aiheet/{slug}.rss.xml",
        "category_atom": "syotteet/aiheet/{slug}.atom.xml",
        "association_rss": "syotteet/yhdistykset/{slug}.rss.xml",
        "association_atom": "syotteet/yhdistykset/{slug}.atom.xml",
        "calendar": "kalenteri/tapahtumat.ics",
        "association_calendar": "kalenteri/yhdistykset/{slug}.ics",
        "event_calendar": "ilmoitukset/{slug}/tapahtuma.ics",
        "letter_rss": "syotteet/viikkokirje.rss.xml",
        "letter_atom": "syotteet/viikkokirje.atom.xml",
        "all_json": "syotteet/kaikki.json",
        "events_json": "syotteet/tapahtumat.json",
        "spaces_rss": "syotteet/tilat.rss.xml",
        "spaces_atom": "syotteet/tilat.atom.xml",
    },
    # The name under a phone's home-screen icon (the web app manifest's
    # short_name); None: SITENAME.
    "BULLETIN_SHORT_NAME": None,
    # The weekly letters a build writes: this many weeks up to the current one.
    "BULLETIN_LETTER_WEEKS": 26,
    # Feeds, calendars and shared links need absolute addresses. SITEURL is
    # empty in a local build, so they use this one (where `bulletin serve` is).
    "BULLETIN_LOCAL_SITEURL": "http://127.0.0.1:8000",
    # The part after @ in calendar event UIDs; None: the host of the site.
    "BULLETIN_CALENDAR_DOMAIN": None,
    # Ended events stay in the calendars this many days, so subscribers keep
    # recent history.
    "BULLETIN_CALENDAR_PAST_DAYS": 30,
    # ... and the site-wide and association calendars hold the events that
    # begin within this many days ahead (an event's own calendar file holds it whatever its date).
    "BULLETIN_CALENDAR_AHEAD_DAYS": 365,
    # The editors' address: the form's e-mail button and the instructions
    # shown without JavaScript. None leaves the e-mail way out.
    "BULLETIN_CONTACT_EMAIL": None,
    # The site's GitHub repository, "owner/name": the form proposes new notice
    # files there. None leaves the GitHub way out of the form.
    "BULLETIN_REPOSITORY": None,
    "BULLETIN_REPOSITORY_BRANCH": "main",
    # A custom domain for GitHub Pages: `bulletin publish` writes it as CNAME.
    "BULLETIN_CNAME": None,
    # Content-Security-Policy of every page: directive -> sources. Nothing
    # from another origin, no inline script or style. A page template adds
    # what it alone needs with `{% set csp_extra = {...} %}` (bulletin_csp).
    "BULLETIN_CSP": {
        "default-src": ["'none'"],
        "script-src": ["'self'"],
        "style-src": ["'self'"],
        "img-src": ["'self'"],
        "font-src": ["'self'"],
        "connect-src": ["'self'"],
        "base-uri": ["'none'"],
        "object-src": ["'none'"],
        "form-action": ["'self'"],
        "manifest-src": ["'self'"],
    },
    # The accessibility statement's own facts (the law asks for them): who
    # keeps the site and answers feedback, how well it conforms to WCAG 2.1 AA,
    # when and by whom it was assessed. Dates YYYY-MM-DD; status "full",
    # "partial" or "none"; assessed_by "self" or the assessor's name.
    "BULLETIN_ACCESSIBILITY": {
        "organisation": None,
        "email": None,
        "phone": None,
        "status": "partial",
        "assessed_on": None,
        "assessed_by": "self",
        "updated_on": None,
    },
}

_REPOSITORY = re.compile(r"^[A-Za-z0-9-]+/[A-Za-z0-9._-]+$")
_BRANCH = re.compile(r"^[A-Za-z0-9._/-]+$")
_EMAIL = re.compile(r"^[^@\s<>\"'(),;:\\]+@[A-Za-z0-9.-]+\.[A-Za-z]{2,}$")
_HOSTNAME = re.compile(r"^(?=.{1,253}$)([A-Za-z0-9]([A-Za-z0-9-]*[A-Za-z0-9])?\.)+[A-Za-z]{2,}$")


class SettingsError(Exception):
    exitcode = 2


def _expect(ok, key, value, expected):
    if not ok:
        raise SettingsError(f"{key} = {value!r}: expected {expected}")


def with_defaults(settings):
    for key, value in DEFAULTS.items():
        settings.setdefault(key, value)
    return settings


def validate(settings):
    s = settings
    _expect(s["BULLETIN_LANGUAGE"] in TABLES, "BULLETIN_LANGUAGE", s["BULLETIN_LANGUAGE"],
            f"one of {sorted(TABLES)}")
    languages = s["BULLETIN_LANGUAGES"]
    _expect(isinstance(languages, dict) and all(isinstance(v, str) and v for v in languages.values())
            and all(standard_tag(k) == k for k in languages), "BULLETIN_LANGUAGES", languages,
            "a dict of language tag -> name, e.g. {'fi': 'suomi', 'sv': 'svenska'}, with tags as langcodes writes them")
    _expect(s["BULLETIN_LANGUAGE"] in languages, "BULLETIN_LANGUAGES", languages,
            f"the site's language {s['BULLETIN_LANGUAGE']!r} among them")
    cats = s["BULLETIN_CATEGORIES"]
    _expect(isinstance(cats, dict) and cats and all(isinstance(k, str) and isinstance(v, str) for k, v in cats.items()),
            "BULLETIN_CATEGORIES", cats, "a dict of slug -> label, e.g. {'tapahtumat': 'Tapahtumat'}")
    _expect("tapahtumat" in cats, "BULLETIN_CATEGORIES", cats, "a 'tapahtumat' entry: events live there")
    days = s["BULLETIN_EXPIRY_DAYS"]
    missing = sorted(set(cats) - {"tapahtumat"} - set(days or {}))
    _expect(isinstance(days, dict) and not missing, "BULLETIN_EXPIRY_DAYS", days,
            f"a number of days for every category but tapahtumat (missing: {', '.join(missing)})")
    _expect(all(isinstance(v, int) and v > 0 for v in days.values()), "BULLETIN_EXPIRY_DAYS", days,
            "whole numbers of days above 0")
    groups = s["BULLETIN_GROUPS"]
    _expect(isinstance(groups, list) and all(isinstance(g, str) for g in groups), "BULLETIN_GROUPS", groups,
            "a list of target group names")
    for key in ("BULLETIN_SPACE_PURPOSES", "BULLETIN_SPACE_EQUIPMENT", "BULLETIN_SPACE_ACCESSIBILITY"):
        vocabulary = s[key]
        _expect(isinstance(vocabulary, dict) and vocabulary
                and all(isinstance(k, str) and _SLUG.match(k) and isinstance(v, str) and v.strip()
                        for k, v in vocabulary.items()),
                key, vocabulary, "a dict of slug -> label, slugs in a-z, 0-9 and -, e.g. {'kokous': 'Kokoukset'}")
    districts = s["BULLETIN_DISTRICTS"]
    _expect(isinstance(districts, list) and all(isinstance(d, str) and d.strip() for d in districts)
            and len(set(districts)) == len(districts),
            "BULLETIN_DISTRICTS", districts, "a list of district names, each once, e.g. ['Vuoksenniska']")
    try:
        ZoneInfo(s["BULLETIN_TIMEZONE"])
    except Exception:
        _expect(False, "BULLETIN_TIMEZONE", s["BULLETIN_TIMEZONE"], "a time zone name such as Europe/Helsinki")
    _expect(s["BULLETIN_TODAY"] is None or is_build_day(s["BULLETIN_TODAY"]), "BULLETIN_TODAY",
            s["BULLETIN_TODAY"], f"a date YYYY-MM-DD from {BUILD_DAYS[0]} to {BUILD_DAYS[1]}")
    urls = s["BULLETIN_URLS"]
    _expect(isinstance(urls, dict) and set(urls) == set(DEFAULTS["BULLETIN_URLS"])
            and all(isinstance(v, str) and v.endswith("/") and not v.startswith("/") for v in urls.values()),
            "BULLETIN_URLS", urls, f"the keys {sorted(DEFAULTS['BULLETIN_URLS'])}, each a relative path ending in /")
    previous = s["BULLETIN_PREVIOUS_OUTPUT"]
    _expect(previous is None or (isinstance(previous, str) and os.path.isdir(previous)),
            "BULLETIN_PREVIOUS_OUTPUT", previous, "None or the folder of an earlier build")
    for key in ("BULLETIN_FRONT_EVENTS", "BULLETIN_FRONT_NOTICES", "BULLETIN_LETTER_WEEKS",
                "BULLETIN_PAGE_SIZE", "BULLETIN_FEED_ITEMS", "BULLETIN_CALENDAR_AHEAD_DAYS",
                "BULLETIN_SITEMAP_LIMIT"):
        _expect(isinstance(s[key], int) and s[key] > 0, key, s[key], "a whole number above 0")
    feeds = s["BULLETIN_FEED_URLS"]
    _expect(isinstance(feeds, dict) and set(feeds) == set(DEFAULTS["BULLETIN_FEED_URLS"])
            and all(isinstance(v, str) and v and not v.endswith("/") and not v.startswith("/")
                    for v in feeds.values()),
            "BULLETIN_FEED_URLS", feeds, f"the keys {sorted(DEFAULTS['BULLETIN_FEED_URLS'])}, each a relative file path")
    local = s["BULLETIN_LOCAL_SITEURL"]
    _expect(isinstance(local, str) and _ABSOLUTE.match(local), "BULLETIN_LOCAL_SITEURL", local,
            "an address such as http://127.0.0.1:8000, without a / at the end")
    domain = s["BULLETIN_CALENDAR_DOMAIN"]
    _expect(domain is None or (isinstance(domain, str) and _DOMAIN.match(domain)), "BULLETIN_CALENDAR_DOMAIN",
            domain, "None or a domain name such as example.org")
    days = s["BULLETIN_CALENDAR_PAST_DAYS"]
    _expect(isinstance(days, int) and days >= 0, "BULLETIN_CALENDAR_PAST_DAYS", days, "a whole number, 0 or more")
    epoch = os.environ.get("SOURCE_DATE_EPOCH")
    _expect(epoch is None or epoch.isdigit(), "SOURCE_DATE_EPOCH", epoch, "seconds since 1970 as a whole number")
    for key, pattern, expected in (
        ("BULLETIN_CONTACT_EMAIL", _EMAIL, "an e-mail address such as toimitus@example.org, or None"),
        ("BULLETIN_REPOSITORY", _REPOSITORY, "a GitHub repository as owner/name, or None"),
        ("BULLETIN_CNAME", _HOSTNAME, "a domain name such as ilmoitukset.example.org, or None"),
    ):
        _expect(s[key] is None or (isinstance(s[key], str) and pattern.match(s[key])), key, s[key], expected)
    short = s["BULLETIN_SHORT_NAME"]
    _expect(short is None or (isinstance(short, str) and 0 < len(short) <= 30), "BULLETIN_SHORT_NAME", short,
            "None or a name of at most 30 characters, e.g. 'Imatran ilmoitukset'")
    branch = s["BULLETIN_REPOSITORY_BRANCH"]
    _expect(isinstance(branch, str) and _BRANCH.match(branch), "BULLETIN_REPOSITORY_BRANCH", branch,
            "a branch name such as main")
    csp = csp_problem(s["BULLETIN_CSP"])
    _expect(csp is None, "BULLETIN_CSP", s["BULLETIN_CSP"], csp)
    _validate_accessibility(s["BULLETIN_ACCESSIBILITY"])


_SLUG = re.compile(r"^[a-z0-9]+(-[a-z0-9]+)*$")
_ABSOLUTE = re.compile(r"^https?://[^/\s]+(/[^\s]*[^/\s])?$")
_DOMAIN = re.compile(r"^[A-Za-z0-9.-]+$")


# Days a build can be made on: listings and calendars reach weeks and years
# around "today", which must stay within the dates Python can hold.
BUILD_DAYS = (date(1900, 1, 1), date(2999, 12, 31))


def is_build_day(value):
    return _is_date(value) and BUILD_DAYS[0] <= date.fromisoformat(str(value)) <= BUILD_DAYS[1]


def _is_date(value):
    try:
        date.fromisoformat(str(value))
        return True
    except ValueError:
        return False


def _validate_accessibility(statement):
    key = "BULLETIN_ACCESSIBILITY"
    known = DEFAULTS[key]
    _expect(isinstance(statement, dict) and set(statement) <= set(known), key, statement,
            f"a dict with the keys {sorted(known)}")
    value = dict(known, **statement)
    for name in ("organisation", "email", "assessed_on"):
        _expect(value[name], f"{key}['{name}']", value[name], "a value: the statement needs it")
    _expect(isinstance(value["organisation"], str), f"{key}['organisation']", value["organisation"],
            "the name of who keeps the site, e.g. 'Imatran Järjestöt ry'")
    _expect(isinstance(value["email"], str) and _EMAIL.match(value["email"]), f"{key}['email']", value["email"],
            "an e-mail address, e.g. 'toimitus@example.org'")
    _expect(value["phone"] is None or isinstance(value["phone"], str), f"{key}['phone']", value["phone"],
            "None or a phone number as text, e.g. '040 123 4567'")
    _expect(value["status"] in ("full", "partial", "none"), f"{key}['status']", value["status"],
            "'full', 'partial' or 'none'")
    _expect(isinstance(value["assessed_by"], str) and value["assessed_by"], f"{key}['assessed_by']",
            value["assessed_by"], "'self' or the name of who assessed the site")
    for name in ("assessed_on", "updated_on"):
        _expect(value[name] is None or _is_date(value[name]), f"{key}['{name}']", value[name], "a date YYYY-MM-DD")


def today(settings):
    """The build's "today": BULLETIN_TODAY, else the day of SOURCE_DATE_EPOCH
    (reproducible builds), else today where the bulletin is."""
    zone = ZoneInfo(settings.get("BULLETIN_TIMEZONE", "Europe/Helsinki"))
    if settings.get("BULLETIN_TODAY"):
        return date.fromisoformat(str(settings["BULLETIN_TODAY"]))
    if os.environ.get("SOURCE_DATE_EPOCH"):
        return datetime.fromtimestamp(int(os.environ["SOURCE_DATE_EPOCH"]), zone).date()
    return datetime.now(zone).date()


def build_start(settings, day):
    """The start of the build's `day` where the bulletin is: the latest time a
    feed or calendar may date a notice, since a build of that day may run at
    any hour of it and nothing reads the clock (a notice dated 18:00 is
    published from the day's start)."""
    return datetime.combine(day, time(0), tzinfo=ZoneInfo(settings["BULLETIN_TIMEZONE"]))


def site_address(settings):
    """The site's absolute address without a trailing /, for feeds, calendars
    and shared links: SITEURL, or BULLETIN_LOCAL_SITEURL in a local build."""
    return (settings.get("SITEURL") or settings["BULLETIN_LOCAL_SITEURL"]).rstrip("/")


def calendar_domain(settings):
    """The stable right-hand side of calendar UIDs."""
    return settings.get("BULLETIN_CALENDAR_DOMAIN") or urlsplit(site_address(settings)).hostname


def check_settings(pelican):
    validate(with_defaults(pelican.settings))


def register():
    # initialized: the settings are final and nothing has been read yet.
    signals.initialized.connect(check_settings)
