"""Writes the icons and the web app manifest."""
import json
import os

from pelican.generators import Generator

from . import drawing

ICONS = {
    "favicon": "favicon.ico",
    "svg": "kuvakkeet/kuvake.svg",
    "apple": "kuvakkeet/kuvake-180.png",
    "manifest": "manifest.webmanifest",
}
PNG_SIZES = (180, 192, 512)


class IconGenerator(Generator):
    def generate_output(self, writer):
        s = self.settings
        siteurl = s["SITEURL"].rstrip("/")
        files = {ICONS["favicon"]: drawing.ico(), ICONS["svg"]: drawing.svg()}
        for size in PNG_SIZES:
            files[f"kuvakkeet/kuvake-{size}.png"] = drawing.png(size)
        manifest = {
            "name": s["SITENAME"],
            "short_name": s["BULLETIN_SHORT_NAME"] or s["SITENAME"],
            "description": s.get("SITE_DESCRIPTION", ""),
            "lang": s["BULLETIN_LANGUAGE"],
            "start_url": f"{siteurl}/",
            "scope": f"{siteurl}/",
            "display": "browser",
            "background_color": "#ffffff",
            "theme_color": drawing.BACKGROUND,
            "icons": [{"src": f"{siteurl}/kuvakkeet/kuvake-{size}.png", "sizes": f"{size}x{size}",
                       "type": "image/png"} for size in PNG_SIZES[1:]]
            + [{"src": f"{siteurl}/{ICONS['svg']}", "sizes": "any", "type": "image/svg+xml"}],
        }
        files[ICONS["manifest"]] = (json.dumps(manifest, ensure_ascii=False, indent=1) + "\n").encode()
        for name, data in files.items():
            target = os.path.join(self.output_path, name)
            os.makedirs(os.path.dirname(target), exist_ok=True)
            with open(target, "wb") as out:
                out.write(data)
