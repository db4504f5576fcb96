"""What a valid notice and association are, once their rules have passed."""
from dataclasses import dataclass, field
from functools import cached_property
from datetime import datetime, time, timedelta

from .schedule import day_of, last_day_of, moment_on

# A night out that ends in the small hours belongs to the evening it began:
# it is over on the day it ends, which the nightly build (02.15 or 03.15 in
# Helsinki) shows, and not listed as coming all that day.
NIGHT_ENDS = time(6, 0)


@dataclass(frozen=True)
class Occurrence:
    start: object  # date, or datetime in Europe/Helsinki
    end: object = None  # of the same kind, or None

    @property
    def all_day(self):
        return not isinstance(self.start, datetime)

    @property
    def first_day(self):
        return day_of(self.start)

    @property
    def last_day(self):
        return last_day_of(self.start, self.end)

    @property
    def current_until(self):
        """The last day the occurrence is coming or going on: the day it
        ends, or the day before for a night that ends by NIGHT_ENDS."""
        end = self.end
        if isinstance(end, datetime) and end.date() > self.start.date() and end.time() <= NIGHT_ENDS:
            return end.date() - timedelta(days=1)
        return self.last_day


@dataclass
class Repeat:
    weekdays: list  # 0 = Monday
    until: object  # date: the last day of the series
    interval: int = 1
    nth: list = field(default_factory=list)  # monthly: 1st, 2nd…, -1 the last such weekday
    days_off: list = field(default_factory=list)  # `except`


@dataclass
class Event:
    start: object  # date, or datetime in Europe/Helsinki: the first occurrence
    location: str
    end: object = None  # date, datetime or None: the first occurrence's end
    price: str = None
    registration: str = None
    accessibility: str = None
    repeat: Repeat = None
    dates: list = field(default_factory=list)  # extra occurrences' starts
    status: str = None  # None, "peruttu" or "siirretty"
    status_note: str = None
    registration_deadline: object = None
    occurrences: tuple = ()  # every Occurrence, sorted; at least the first

    def __post_init__(self):
        if not self.occurrences:  # one start (and end) is one occurrence
            self.occurrences = (Occurrence(self.start, self.end),)

    @property
    def all_day(self):
        return not isinstance(self.start, datetime)

    @property
    def cancelled(self):
        return self.status == "peruttu"

    @property
    def signing_up_by(self):
        """The last day to register, as readers are told it: none of a
        cancelled event, whose deadline would still ask them to sign up."""
        return None if self.cancelled else self.registration_deadline

    def signing_up_over(self, day):
        """True when the last moment to register was over by the start of
        `day` (a letter's Monday, a build's day): a day before it, or a time
        at its midnight or before ("00:00" is the end of the day before).
        Readers are then told that registration closed, not asked to sign up."""
        deadline = self.signing_up_by
        if isinstance(deadline, datetime):
            return deadline <= datetime.combine(day, time(0), tzinfo=deadline.tzinfo)
        return deadline is not None and deadline < day

    @property
    def is_series(self):
        return len(self.occurrences) > 1 or self.repeat is not None

    @property
    def first_day(self):
        return self.occurrences[0].first_day

    # Asked of every notice several times a build (is it current, which
    # year of the archive), over every occurrence of a series: worked out
    # once, as an event does not change once read.
    @cached_property
    def last_day(self):
        return max(o.last_day for o in self.occurrences)

    @cached_property
    def last_current_day(self):
        return max(o.current_until for o in self.occurrences)

    @property
    def extra_occurrences(self):
        """The occurrences of the extra dates (`dates`), with their ends."""
        extra = {d if isinstance(d, datetime) else moment_on(d, self.start) for d in self.dates}
        return [o for o in self.occurrences if o.start in extra]

    @property
    def first_of_rule(self):
        """The first occurrence its rule gives, no extra date (the first of
        all without a rule): its clock time is the series' (an extra date may
        be at another), and iCalendar's DTSTART must be a day of the RRULE."""
        extra = {o.start for o in self.extra_occurrences}
        return next((o for o in self.occurrences if o.start not in extra), self.occurrences[0])

    def next_occurrence(self, today):
        """The first occurrence not over on `today` (one going on counts);
        None when all are over."""
        return next((o for o in self.occurrences if o.current_until >= today), None)

    def shown_occurrence(self, today):
        """The occurrence a listing shows: the next one, else the last."""
        return self.next_occurrence(today) or self.occurrences[-1]

    def occurrences_between(self, first_day, last_day):
        return [o for o in self.occurrences if o.first_day <= last_day and o.current_until >= first_day]


@dataclass
class Contact:
    name: str = None
    email: str = None
    phone: str = None
    consent: bool = False


@dataclass
class Hire:
    """A joint-hiring proposal: one person shared by the partners."""

    hours_per_week: int
    pay_subsidy: bool
    tasks: str
    starts: object = None  # `from`: a date or datetime


@dataclass
class Wanted:
    """A space wanted: what a space must have to fit (bulletin_spaces.matching)."""

    capacity: int
    when: list  # [slots.Slot]
    times_per_week: int = None
    purposes: list = field(default_factory=list)
    equipment: list = field(default_factory=list)
    accessibility: list = field(default_factory=list)
    first_day: object = None  # `from`: a date, or None
    last_day: object = None  # `until`


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
    partners: list = field(default_factory=list)  # slugs of the other associations in it
    hire: Hire = None
    series: str = None  # slug of content/series/<slug>.yml
    materials: list = field(default_factory=list)  # [(title, address as written)]
    lines: dict = field(default_factory=dict)
    wanted: Wanted = None
    space: str = None  # slug of the space an offering notice is about

    def last_current_day(self, expiry_days):
        """The last day the notice is current (listed on the front page).
        An event's notice is current until the event is over, or until its
        `expires` when that is later (a funding call open after its info
        evening). A space wanted is over, and so is its notice, after the
        last day of the season it was wanted for (`wanted.until`), when that
        comes first."""
        if self.event is not None:
            over = self.event.last_current_day
            return over if self.expires is None else max(over, day_of(self.expires))
        if self.expires is not None:
            last = day_of(self.expires)
        else:
            last = day_of(self.date) + timedelta(days=expiry_days[self.category])
        if self.wanted is not None and self.wanted.last_day is not None:
            return min(last, self.wanted.last_day)
        return last

    def is_current(self, today, expiry_days):
        return today <= self.last_current_day(expiry_days)

    def is_scheduled(self, today):
        """Dated after the build's day: not published yet."""
        return day_of(self.date) > today


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
    offers: list = field(default_factory=list)
    needs: list = field(default_factory=list)
    members: int = None
    founded: int = None
    register_number: str = None
    business_id: str = None
    active: bool = True  # a retired association keeps its pages, takes no new notices
    lines: dict = field(default_factory=dict)
    description_html: str = field(default="", repr=False)  # `description`, rendered and sanitized


@dataclass
class SeriesProfile:
    """A run of notices such as the association evenings (content/series/)."""

    slug: str
    path: str
    name: str
    description: str = None
    organisers: list = field(default_factory=list)
    themes: list = field(default_factory=list)
    lines: dict = field(default_factory=dict)
    description_html: str = field(default="", repr=False)


@dataclass
class Space:
    """Premises offered (content/spaces/<slug>.yml), as facts to filter and match."""

    slug: str
    path: str
    name: str
    association: str
    address: str
    capacity: int
    district: str = None
    date: object = None  # date or datetime it was offered, or None
    area: int = None
    purposes: list = field(default_factory=list)
    equipment: list = field(default_factory=list)
    accessibility: list = field(default_factory=list)
    available: list = field(default_factory=list)  # [slots.Slot], sorted
    price: str = None
    free: bool = False
    entry: str = None
    booking: Contact = None
    url: str = None  # booking.url
    images: list = field(default_factory=list)  # "{static}/images/…" addresses
    description: str = None
    lines: dict = field(default_factory=dict)
    description_html: str = field(default="", repr=False)
