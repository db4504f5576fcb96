"""Reproducible builds: the same content and day give the same bytes, whatever
PYTHONHASHSEED, file modification times, the order files were written in or
the folders the build reads from and writes to."""
import os
import random
import subprocess
import sys
from datetime import datetime
from zoneinfo import ZoneInfo

from conftest import ROOT


def copy_content(target, reverse, seed):
    """The example content, written in sorted or reversed order, with random times."""
    chance = random.Random(seed)
    sources = sorted(p for p in (ROOT / "content").rglob("*") if p.is_file())
    for source in reversed(sources) if reverse else sources:
        path = target / source.relative_to(ROOT / "content")
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_bytes(source.read_bytes())
        moment = chance.randint(0, 2_000_000_000)
        os.utime(path, (moment, moment))
    return target


def build(content, output, hash_seed, *args, epoch=None):
    env = {k: v for k, v in os.environ.items() if k != "SOURCE_DATE_EPOCH"}
    env["PYTHONHASHSEED"] = str(hash_seed)
    if epoch is not None:
        env["SOURCE_DATE_EPOCH"] = str(epoch)
    subprocess.run([sys.executable, "-m", "bulletin_cli.cli", "build", "--content", str(content),
                    "--output", str(output), *args], cwd=ROOT, env=env, check=True, capture_output=True)
    return {p.relative_to(output).as_posix(): p.read_bytes() for p in sorted(output.rglob("*")) if p.is_file()}


def differences(first, second):
    return sorted(set(first) ^ set(second)) + [name for name in first if name in second and first[name] != second[name]]


def test_same_content_and_day_give_the_same_bytes(tmp_path):
    first = build(copy_content(tmp_path / "a", False, 1), tmp_path / "out-a", 1, "--today", "2026-12-01")
    second = build(copy_content(tmp_path / "b", True, 2), tmp_path / "out-b", 4242, "--today", "2026-12-01")
    assert len(first) > 150
    assert {name.rsplit(".", 1)[-1] for name in first} >= {"html", "xml", "ics", "css"}
    assert differences(first, second) == []


def test_source_date_epoch_is_the_builds_day(tmp_path):
    content = copy_content(tmp_path / "c", False, 3)
    epoch = int(datetime(2026, 12, 1, 12, tzinfo=ZoneInfo("Europe/Helsinki")).timestamp())
    by_epoch = build(content, tmp_path / "out-epoch", 7, epoch=epoch)
    by_today = build(content, tmp_path / "out-today", 8, "--today", "2026-12-01")
    assert differences(by_epoch, by_today) == []
