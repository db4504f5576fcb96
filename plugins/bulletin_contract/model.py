"""What a valid notice and association are, once their rules have passed."""
from dataclasses import dataclass, field
from datetime import date, datetime, timedelta


def day_of(value):
    return value.date() if isinstance(value, datetime) else value


@dataclass
class Event:
    start: object  # date, or datetime in Europe/Helsinki
    location: str
    end: object = None  # date, datetime or None
    price: str = None
    registration: str = None
    accessibility: str = None

    @property
    def all_day(self):
        return not isinstance(self.start, datetime)

    @property
    def last_day(self):
        return day_of(self.end if self.end is not None else self.start)

    @property
    def first_day(self):
        return day_of(self.start)


@dataclass
class Contact:
    name: str = None
    email: str = None
    phone: str = None
    consent: bool = False


@dataclass
class Notice:
    path: str
    slug: str
    title: str
    association: str
    category: str
    date: datetime
    body: str
    summary: str = None
    tags: list = field(default_factory=list)
    expires: object = None
    event: Event = None
    contact: Contact = None
    lang: str = "fi"
    lines: dict = field(default_factory=dict)

    def last_current_day(self, expiry_days):
        """The last day the notice is current (listed on the front page)."""
        if self.event is not None:
            return self.event.last_day
        if self.expires is not None:
            return day_of(self.expires)
        return day_of(self.date) + timedelta(days=expiry_days[self.category])

    def is_current(self, today, expiry_days):
        return today <= self.last_current_day(expiry_days)


@dataclass
class AssociationProfile:
    slug: str
    path: str
    name: str
    description: str = None
    groups: list = field(default_factory=list)
    website: str = None
    email: str = None
    phone: str = None
    address: str = None
    lines: dict = field(default_factory=dict)

