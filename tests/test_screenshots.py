"""The README's screenshots are there, small, and of the widths it says."""
import re
import struct

from conftest import ROOT


def test_readme_screenshots_exist_and_are_small():
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    shots = re.findall(r"!\[[^\]]+\]\((docs/screenshots/[^)]+\.png)\)", readme)
    assert len(shots) == 3
    widths = set()
    for shot in shots:
        data = (ROOT / shot).read_bytes()
        assert len(data) <= 200_000, shot
        widths.add(struct.unpack(">I", data[16:20])[0])  # IHDR width
    assert widths == {390, 1280}
