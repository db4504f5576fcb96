"""schema.org Event data for an event notice, as JSON-LD.

Built here in Python rather than in a template, so that every value is
JSON-encoded; bulletin_contract.render.json_for_script then makes it safe
inside <script>.
"""
from datetime import datetime

from bulletin_contract.fields import WEEKDAYS

STATUS = {
    None: "https://schema.org/EventScheduled",
    "peruttu": "https://schema.org/EventCancelled",
    # the notice gives the new time (EventPostponed is for one not yet known)
    "siirretty": "https://schema.org/EventRescheduled",
}
DAYS = ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday")
assert len(DAYS) == len(WEEKDAYS)


def schedule(event, timezone):
    """A series' rule as schema.org's Schedule: days of the week as
    schema.org days, every n-th week (P{n}W) or month (P{n}M) as ISO 8601
    durations, the days off as exceptDate. None when a Schedule cannot say
    exactly the occurrences: byMonthWeek counts from the month's start only
    (no "last Saturday"), and it has no extra dates."""
    repeat, first = event.repeat, event.occurrences[0]
    if repeat is None or event.dates or any(n < 0 for n in repeat.nth):
        return None
    data = {
        "@type": "Schedule",
        "repeatFrequency": f"P{repeat.interval}M" if repeat.nth else f"P{repeat.interval}W",
        "byDay": [f"https://schema.org/{DAYS[d]}" for d in repeat.weekdays],
        "startDate": first.first_day.isoformat(),
        "endDate": repeat.until.isoformat(),
        "scheduleTimezone": timezone,
    }
    if repeat.nth:
        data["byMonthWeek"] = list(repeat.nth)
    if isinstance(first.start, datetime):
        data["startTime"] = first.start.strftime("%H:%M:%S")
    if isinstance(first.end, datetime):
        data["endTime"] = first.end.strftime("%H:%M:%S")
    if repeat.days_off:
        data["exceptDate"] = [d.isoformat() for d in repeat.days_off]
    if first.end is not None and first.last_day > first.first_day:
        # endTime alone reads as the start's day: say how long one lasts
        data["duration"] = _duration(first)
    return data


def _duration(occurrence):
    """ISO 8601 length of an occurrence, on the wall clock as the series
    keeps it; an all-day one to the end of its last day."""
    if occurrence.all_day:
        return f"P{(occurrence.last_day - occurrence.first_day).days + 1}D"
    length = occurrence.end - occurrence.start  # one zone: the wall-clock difference
    hours, seconds = divmod(length.seconds, 3600)
    clock = (f"{hours}H" if hours else "") + (f"{seconds // 60}M" if seconds // 60 else "")
    return "P" + (f"{length.days}D" if length.days else "") + (f"T{clock}" if clock else "")


def event_data(article, site, organisers, timezone):
    """`organisers`: (name, address in the site) of the notice's association,
    then of its partners in a joint notice."""
    notice, event = article.notice, article.notice.event
    # The occurrence the page is about: the next one, or the last once over.
    shown = article.shown_occurrence or event.occurrences[0]
    data = {
        "@context": "https://schema.org",
        "@type": "Event",
        "name": notice.title,
        "startDate": shown.start.isoformat(),
    }
    if shown.end is not None:
        data["endDate"] = shown.end.isoformat()
    rule = schedule(event, timezone)
    if rule:
        data["eventSchedule"] = rule
    elif event.is_series:  # what a Schedule cannot say: each occurrence is a sub-event
        data["subEvent"] = [{"@type": "Event", "name": notice.title, "startDate": o.start.isoformat(),
                             **({"endDate": o.end.isoformat()} if o.end is not None else {})}
                            for o in event.occurrences]
    data.update({
        "eventStatus": STATUS[event.status],
        "eventAttendanceMode": "https://schema.org/OfflineEventAttendanceMode",
        # One free-text place: it is both the name and the address.
        "location": {"@type": "Place", "name": event.location, "address": event.location},
        "organizer": _one_or_list([{"@type": "Organization", "name": name, "url": f"{site}/{path}"}
                                   for name, path in organisers]),
        "url": f"{site}/{article.url}",
        "description": article.summary_text,
        "inLanguage": notice.lang,
    })
    return data


def _one_or_list(values):
    # schema.org takes a property's one value or several
    return values[0] if len(values) == 1 else values


def organization_data(profile, site, url, description):
    """schema.org Organization of an association page, with its identifiers
    (Y-tunnus, register number) as PropertyValues. Members are left out:
    schema.org has no count of members (numberOfEmployees is another thing)."""
    data = {"@context": "https://schema.org", "@type": "Organization", "name": profile.name,
            "url": f"{site}/{url}"}
    optional = {"description": description, "email": profile.email, "telephone": profile.phone,
                "sameAs": profile.website, "foundingDate": str(profile.founded) if profile.founded else None,
                "taxID": profile.business_id}
    data.update({key: value for key, value in optional.items() if value})
    if profile.address:
        data["address"] = {"@type": "PostalAddress", "streetAddress": profile.address}
    identifiers = [("Y-tunnus", profile.business_id), ("yhdistysrekisterinumero", profile.register_number)]
    found = [{"@type": "PropertyValue", "propertyID": name, "value": value} for name, value in identifiers if value]
    if found:
        data["identifier"] = found
    return data
