"""sitemap.xml: the site's addresses, split into several files past the
format's limit (50,000 addresses a file, sitemaps.org), with sitemap.xml
then an index of them. sitemap.xml stays the one address a crawler (or a
robots.txt `Sitemap:` line) needs in either case."""
from xml.sax.saxutils import escape

_NAMESPACE = "http://www.sitemaps.org/schemas/sitemap/0.9"


def _document(root, tag, locations):
    lines = ['<?xml version="1.0" encoding="UTF-8"?>', f'<{root} xmlns="{_NAMESPACE}">']
    lines += [f"<{tag}><loc>{escape(loc)}</loc></{tag}>" for loc in locations]
    lines.append(f"</{root}>\n")
    return "\n".join(lines)


def sitemap_names(count, limit):
    """The files of `count` addresses: sitemap.xml, then sitemap-1.xml, ... past `limit`."""
    return ["sitemap.xml"] + ([f"sitemap-{n + 1}.xml" for n in range(-(-count // limit))] if count > limit else [])


def sitemap_files(site, addresses, limit):
    """{file name: text}: sitemap.xml alone when the addresses fit in one
    file, else sitemap-1.xml, sitemap-2.xml, ... of `limit` addresses each
    and sitemap.xml listing them."""
    locations = [f"{site}/{address}" for address in addresses]
    names = sitemap_names(len(locations), limit)
    if len(names) == 1:
        return {"sitemap.xml": _document("urlset", "url", locations)}
    files = {name: _document("urlset", "url", locations[start:start + limit])
             for name, start in zip(names[1:], range(0, len(locations), limit))}
    return {"sitemap.xml": _document("sitemapindex", "sitemap", [f"{site}/{name}" for name in files]), **files}
