"""Screenshots of the example site for the README, from the real browser.

Run by hand after a visible change to the theme:

    .venv/bin/python scripts/screenshots.py

It builds the example content (with the example's day) into a temporary
folder, serves it on 127.0.0.1 and saves docs/screenshots/*.png: the front
page and a notice at phone width (390 px) and the front page wide (1280 px).
"""
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "tests"))

from browser import chromium, served  # noqa: E402
from bulletin_cli.cli import main as bulletin  # noqa: E402

SHOTS = [
    # file name, address, viewport width, height
    ("etusivu-puhelin.png", "/", 390, 844),
    ("etusivu-levea.png", "/", 1280, 800),
    ("ilmoitus-puhelin.png", "/ilmoitukset/joulukonsertti-vuoksenlaulu/", 390, 844),
]


def main():
    folder = ROOT / "docs" / "screenshots"
    folder.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory() as tmp:
        output = Path(tmp) / "output"
        if bulletin(["build", "--output", str(output), "--today", "2026-12-01"]) != 0:
            return 1
        with served(output) as base, chromium() as browser:
            for name, address, width, height in SHOTS:
                page = browser.new_page(viewport={"width": width, "height": height})
                page.goto(base + address)
                page.screenshot(path=str(folder / name))
                page.close()
                print(folder / name, (folder / name).stat().st_size, "bytes")
    return 0


if __name__ == "__main__":
    sys.exit(main())
