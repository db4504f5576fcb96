"""iCalendar files (icalendar library): all events, each association's
events, and one .ics per event notice behind "Lisää kalenteriin"."""
from pelican import signals

from .generator import CalendarsGenerator


def get_generators(pelican):
    return CalendarsGenerator


def register():
    # get_generators: runs after bulletin_pages has grouped the notices, so
    # the calendars use the same idea of what is upcoming as the pages.
    signals.get_generators.connect(get_generators)
