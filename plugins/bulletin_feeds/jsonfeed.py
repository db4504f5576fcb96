"""JSON Feed 1.1 documents (https://jsonfeed.org/version/1.1) of current
notices, and of events with their occurrences, from the same items as the
RSS and Atom feeds. The event facts are an extension (`_event`), as the
spec asks of keys it does not define."""
import json

VERSION = "https://jsonfeed.org/version/1.1"


def _dates(start, end):
    """RFC 3339 for a time; a plain YYYY-MM-DD for an all-day event."""
    return {"start": start.isoformat(), "end": end.isoformat() if end is not None else None}


def _item(item, article):
    entry = {
        "id": item.link,
        "url": item.link,
        "title": item.title,
        "content_html": item.shown_content,  # as in RSS and Atom, an event's line first
        "summary": item.shown_summary,
        "date_published": item.date.isoformat(),
        "authors": [{"name": item.author, "url": item.author_link}],
        "tags": [item.category, *article.notice.tags],
    }
    if item.lang:  # JSON Feed 1.1: an item's language where it is not the feed's
        entry["language"] = item.lang
    event = article.notice.event
    if event is not None:
        entry["_event"] = {"location": event.location, "all_day": event.all_day, "status": event.status,
                           "occurrences": [_dates(o.start, o.end) for o in event.occurrences]}
    return entry


def document(channel, pairs):
    """The bytes of one JSON feed: `pairs` are (feeds.Item, article)."""
    sub = channel.subscription
    feed = {
        "version": VERSION,
        "title": sub.title,
        "home_page_url": channel.home,
        "feed_url": sub.address,
        "description": channel.description,
        "language": channel.language,
        "items": [_item(item, article) for item, article in pairs],
    }
    return (json.dumps(feed, ensure_ascii=False, indent=1) + "\n").encode("utf-8")
