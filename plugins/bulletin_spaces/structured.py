"""schema.org `Place` of a space, for search engines (JSON-LD)."""


def place_json_ld(space, site, urls, settings):
    features = [(settings["BULLETIN_SPACE_ACCESSIBILITY"], space.accessibility),
                (settings["BULLETIN_SPACE_EQUIPMENT"], space.equipment)]
    place = {
        "@context": "https://schema.org",
        "@type": "Place",
        "name": space.name,
        "url": f"{site}/{urls('space', slug=space.slug)}",
        "address": {"@type": "PostalAddress", "streetAddress": space.address, "addressCountry": "FI"},
        "maximumAttendeeCapacity": space.capacity,
        "amenityFeature": [{"@type": "LocationFeatureSpecification", "name": labels[slug], "value": True}
                           for labels, chosen in features for slug in chosen],
        "isAccessibleForFree": bool(space.free),
    }
    if space.district:
        place["address"]["addressLocality"] = space.district
    return place
