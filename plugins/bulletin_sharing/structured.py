"""schema.org Event data for an event notice, as JSON-LD.

Built here in Python rather than in a template, so that every value is
JSON-encoded, and then made safe inside <script>: `<`, `>` and `&` become
\\u escapes, which a JSON parser reads back as the same characters but
which can never close the element, whatever a notice says.
"""
import json

from markupsafe import Markup

_SCRIPT_SAFE = str.maketrans({"<": "\\u003c", ">": "\\u003e", "&": "\\u0026"})


def script_safe_json(data):
    return Markup(json.dumps(data, ensure_ascii=False).translate(_SCRIPT_SAFE))


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
