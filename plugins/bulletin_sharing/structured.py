"""schema.org Event data for an event notice, as JSON-LD.

Built here in Python rather than in a template, so that every value is
JSON-encoded; bulletin_contract.render.json_for_script then makes it safe
inside <script>.
"""


def event_data(article, site, association_path):
    notice, event = article.notice, article.notice.event
    data = {
        "@context": "https://schema.org",
        "@type": "Event",
        "name": notice.title,
        "startDate": event.start.isoformat(),
    }
    if event.end is not None:
        data["endDate"] = event.end.isoformat()
    data.update({
        "eventStatus": "https://schema.org/EventScheduled",
        "eventAttendanceMode": "https://schema.org/OfflineEventAttendanceMode",
        # One free-text place: it is both the name and the address.
        "location": {"@type": "Place", "name": event.location, "address": event.location},
        "organizer": {"@type": "Organization", "name": article.association_profile.name,
                      "url": f"{site}/{association_path}"},
        "url": f"{site}/{article.url}",
        "description": article.summary_text,
        "inLanguage": notice.lang,
    })
    return data
