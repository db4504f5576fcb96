"""The same notices as sites for the baselines: bare Pelican and Hugo.

Both get the notices' text and metadata in their own format: Pelican's
Markdown metadata (`Key: value` lines) and Hugo's YAML front matter. The
association becomes Pelican's author and a Hugo taxonomy, so both write one
page and one feed per association, as the bulletin does.
"""
import textwrap
from pathlib import Path

import yaml

PELICAN_SETTINGS = """\
# Bare Pelican: its default theme (notmyidea) and its default feeds.
SITENAME = "Bench"
SITEURL = ""
TIMEZONE = "Europe/Helsinki"
DEFAULT_LANG = "fi"
PATH = {path!r}
"""

HUGO_CONFIG = """\
baseURL = "/"
languageCode = "fi"
title = "Bench"
timeZone = "Europe/Helsinki"
buildFuture = true
buildExpired = true
disableKinds = []
[taxonomies]
  tag = "tags"
  category = "category"
  association = "association"
"""

# A minimal theme: a base, a notice page and one list template for the
# front page, sections and taxonomy pages.
HUGO_LAYOUTS = {
    "_default/baseof.html": """\
        <!DOCTYPE html>
        <html lang="fi"><head><meta charset="utf-8"><title>{{ .Title }}</title></head>
        <body><header><a href="/">{{ .Site.Title }}</a></header><main>{{ block "main" . }}{{ end }}</main></body></html>
        """,
    "_default/single.html": """\
        {{ define "main" }}<article><h1>{{ .Title }}</h1><p>{{ .Date.Format "2.1.2006" }}</p>
        {{ .Content }}
        <p>{{ range .Params.tags }}<a href="{{ (printf "/tags/%s/" (urlize .)) }}">{{ . }}</a> {{ end }}</p></article>{{ end }}
        """,
    "_default/list.html": """\
        {{ define "main" }}<h1>{{ .Title }}</h1><ul>
        {{ range .Pages }}<li><a href="{{ .RelPermalink }}">{{ .Title }}</a> {{ .Date.Format "2.1.2006" }}
        <p>{{ .Params.summary }}</p></li>{{ end }}</ul>{{ end }}
        """,
}


def _front_matter(text):
    _, front, body = text.split("---\n", 2)
    return yaml.load(front, Loader=yaml.BaseLoader), body


def notices(content):
    for path in sorted(Path(content, "notices").rglob("*.md")):
        data, body = _front_matter(path.read_text(encoding="utf-8"))
        yield path.relative_to(Path(content, "notices")), data, body


def pelican_site(content, folder):
    """Notices as Pelican Markdown files; returns the settings file."""
    folder = Path(folder)
    for rel, data, body in notices(content):
        meta = {"Title": data["title"], "Date": data["date"], "Category": data["category"],
                "Author": data["association"], "Slug": rel.stem}
        if data.get("tags"):
            meta["Tags"] = ", ".join(data["tags"])
        if data.get("summary"):
            meta["Summary"] = data["summary"]
        for key, value in (data.get("event") or {}).items():
            meta[f"Event_{key}"] = value
        target = folder / "content" / rel
        target.parent.mkdir(parents=True, exist_ok=True)
        lines = [f"{key}: {value}" for key, value in meta.items()]
        target.write_text("\n".join(lines) + "\n\n" + body, encoding="utf-8")
    settings = folder / "pelicanconf.py"
    settings.write_text(PELICAN_SETTINGS.format(path=str(folder / "content")), encoding="utf-8")
    return settings


def hugo_site(content, folder):
    """Notices as a Hugo site with a minimal theme; returns the site folder."""
    folder = Path(folder)
    for rel, data, body in notices(content):
        data["date"] = data["date"].replace(" ", "T") + (":00" if " " in data["date"] else "")
        data["association"] = [data["association"]]
        data["category"] = [data["category"]]
        target = folder / "content" / "ilmoitukset" / rel
        target.parent.mkdir(parents=True, exist_ok=True)
        front = yaml.safe_dump(data, allow_unicode=True, sort_keys=False)
        target.write_text(f"---\n{front}---\n{body}", encoding="utf-8")
    (folder / "hugo.toml").write_text(HUGO_CONFIG, encoding="utf-8")
    for name, text in HUGO_LAYOUTS.items():
        path = folder / "layouts" / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(textwrap.dedent(text), encoding="utf-8")
    return folder
