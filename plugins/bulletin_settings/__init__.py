"""`BULLETIN_*` settings: their defaults in one place, checked once at start.

A wrong setting stops the build with a message that names the key, the value
and the form expected, before any content is read.
"""
from datetime import date, datetime
from zoneinfo import ZoneInfo

from pelican import signals

from bulletin_i18n.translations import TABLES

DEFAULTS = {
    "BULLETIN_LANGUAGE": "fi",
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
    },
    "BULLETIN_FRONT_EVENTS": 8,
    "BULLETIN_FRONT_NOTICES": 10,
}


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
    try:
        ZoneInfo(s["BULLETIN_TIMEZONE"])
    except Exception:
        _expect(False, "BULLETIN_TIMEZONE", s["BULLETIN_TIMEZONE"], "a time zone name such as Europe/Helsinki")
    if s["BULLETIN_TODAY"] is not None:
        try:
            date.fromisoformat(str(s["BULLETIN_TODAY"]))
        except ValueError:
            _expect(False, "BULLETIN_TODAY", s["BULLETIN_TODAY"], "a date YYYY-MM-DD")
    urls = s["BULLETIN_URLS"]
    _expect(isinstance(urls, dict) and set(urls) == set(DEFAULTS["BULLETIN_URLS"])
            and all(isinstance(v, str) and v.endswith("/") and not v.startswith("/") for v in urls.values()),
            "BULLETIN_URLS", urls, f"the keys {sorted(DEFAULTS['BULLETIN_URLS'])}, each a relative path ending in /")
    for key in ("BULLETIN_FRONT_EVENTS", "BULLETIN_FRONT_NOTICES"):
        _expect(isinstance(s[key], int) and s[key] > 0, key, s[key], "a whole number above 0")


def today(settings):
    """The build's "today": BULLETIN_TODAY, else today where the bulletin is."""
    if settings.get("BULLETIN_TODAY"):
        return date.fromisoformat(str(settings["BULLETIN_TODAY"]))
    return datetime.now(ZoneInfo(settings.get("BULLETIN_TIMEZONE", "Europe/Helsinki"))).date()


def check_settings(pelican):
    validate(with_defaults(pelican.settings))


def register():
    # initialized: the settings are final and nothing has been read yet.
    signals.initialized.connect(check_settings)
