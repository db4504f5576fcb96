"""Who goes where: current and expired notices, upcoming events, archives.

Everything is grouped once per build here, so that no template has to loop
over every notice to draw one page.
"""
from collections import defaultdict
from dataclasses import dataclass, field
from datetime import datetime, time, timedelta

from bulletin_contract.fields import HELSINKI
from bulletin_contract.order import newest_first
from bulletin_contract.reader import STATE
from bulletin_contract.slugs import slugify


def start_moment(occurrence):
    start = occurrence.start
    return start if isinstance(start, datetime) else datetime.combine(start, time(0), tzinfo=HELSINKI)


def soonest_first(articles):
    """Events by the occurrence they are listed by: a series by its next
    one (set by `group`), so it is one entry among the others."""
    return sorted(articles, key=lambda a: (start_moment(a.shown_occurrence), a.slug))


def by_association(articles):
    """{association slug: its articles, in the given order}, a joint notice
    under each of its partners too: what an association's feeds and calendar
    carry, so a partner's subscribers see the notices it is part of."""
    found = defaultdict(list)
    for article in articles:
        for slug in (article.notice.association, *(article.notice.partners or ())):
            found[slug].append(article)
    return found


@dataclass(frozen=True)
class Listed:
    """One occurrence of an event in a listing by day."""

    article: object
    occurrence: object


def by_start(entries):
    return sorted(entries, key=lambda e: (start_moment(e.occurrence), e.article.slug))


@dataclass
class Month:
    year: int
    month: int
    articles: list = field(default_factory=list)  # [Listed] in the events by month


@dataclass
class TagGroup:
    slug: str
    name: str
    articles: list = field(default_factory=list)


@dataclass
class Bulletin:
    today: object
    upcoming_events: list
    current_notices: list  # current notices that are not events, newest first
    by_category: dict  # slug -> current articles
    current_by_association: dict
    earlier_by_association: dict
    event_months: list  # [Month] of upcoming occurrences, as Listed
    archive: list  # [Month], newest first, all notices
    tags: list  # [TagGroup] by name


def _months_between(first_day, last_day):
    """(year, month) of each month from first_day's to last_day's."""
    year, month = first_day.year, first_day.month
    while (year, month) <= (last_day.year, last_day.month):
        yield year, month
        year, month = (year + 1, 1) if month == 12 else (year, month + 1)


def group(articles, today, settings):
    expiry_days = settings["BULLETIN_EXPIRY_DAYS"]
    for article in articles:
        article.expired = not article.notice.is_current(today, expiry_days)
        event = article.notice.event
        # What the notice's page and listings show of its time: the next
        # occurrence (part of the page's key, so a page changes with it).
        article.next_occurrence = event.next_occurrence(today) if event else None
        article.shown_occurrence = event.shown_occurrence(today) if event else None
        # its page, poster and calendar say a past deadline as closed
        article.signing_up_over = bool(event) and event.signing_up_over(today)
    # Every list of notices below is newest first: filtered from this one
    # order, instead of sorted again (sorting each took seconds at 100,000).
    # The contract put the build's notices in it already (order_notices):
    # sorting them again took 0.3 s at 100,000.
    ordered = list(articles) if tuple(articles) == STATE.published else newest_first(articles)
    current = [a for a in ordered if not a.expired]
    # an event that is over but kept current by its `expires` is a notice now
    events = soonest_first(a for a in current if a.next_occurrence)
    notices = [a for a in current if not a.next_occurrence]

    by_category = {slug: [] for slug in settings["BULLETIN_CATEGORIES"]}
    for article in events + notices:
        by_category[article.notice.category].append(article)

    current_by_association = defaultdict(list)
    earlier_by_association = defaultdict(list)
    for article in events + notices:
        current_by_association[article.notice.association].append(article)
    for article in ordered:
        if article.expired:
            earlier_by_association[article.notice.association].append(article)

    event_months = {}
    upcoming = by_start(Listed(a, o) for a in events for o in a.notice.event.occurrences
                       if o.current_until >= today)
    for entry in upcoming:
        # in each month it is on, from today (one begun before goes on this
        # month) to its last day, as the weekly letter lists it in each week
        for key in _months_between(max(entry.occurrence.first_day, today), entry.occurrence.current_until):
            event_months.setdefault(key, Month(*key)).articles.append(entry)

    archive = {}
    for article in ordered:
        key = (article.date.year, article.date.month)
        if key not in archive:
            archive[key] = Month(*key)
        archive[key].articles.append(article)

    # A tag is named as the first notice by path spells it; its notices are newest first.
    slugs, tags, first = {}, {}, {}
    for article in ordered:
        notice = article.notice
        for name in notice.tags:
            slug = slugs.get(name) or slugs.setdefault(name, slugify(name))
            if slug not in tags:
                tags[slug], first[slug] = TagGroup(slug, name), notice.path
            elif notice.path < first[slug]:
                tags[slug].name, first[slug] = name, notice.path
            tags[slug].articles.append(article)

    return Bulletin(
        today=today,
        upcoming_events=events,
        current_notices=notices,
        by_category=by_category,
        current_by_association=dict(current_by_association),
        earlier_by_association=dict(earlier_by_association),
        event_months=[event_months[k] for k in sorted(event_months)],
        archive=[archive[k] for k in sorted(archive, reverse=True)],
        tags=sorted(tags.values(), key=lambda g: (g.name.lower(), g.slug)),
    )


@dataclass
class Week:
    first_day: object  # Monday
    last_day: object  # Sunday
    articles: list  # [Listed]


def weeks_ahead(events, today, count=2):
    """This week and the next ones, Monday to Sunday, each with the
    occurrences on its days (one of several days is in every week it touches)."""
    monday = today - timedelta(days=today.weekday())
    weeks = []
    for number in range(count):
        first = monday + timedelta(weeks=number)
        last = first + timedelta(days=6)
        weeks.append(Week(first, last, by_start(Listed(a, o) for a in events
                                                 for o in a.notice.event.occurrences_between(first, last))))
    return weeks
