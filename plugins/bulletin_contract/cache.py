"""Pelican's content cache, kept honest for the content contract.

A notice read in an earlier build is taken from the cache while its bytes
are unchanged (CHECK_MODIFIED_METHOD hashes them), which skips reading,
validating and rendering it again. Three rules keep the cache from ever
letting invalid content through:

- a file with problems is never cached, so it is read, and refused with its
  own message, in every build until it is fixed;
- the cache belongs to one set of rules: its folder is named by a
  fingerprint of the rule code, the libraries and the settings the rules
  read. When any of them changes, every file is read again;
- a file is valid also by what it names that must exist: associations,
  series, spaces and the images and files of STATIC_PATHS. The folder keeps
  a record of those (NAMED). What is added cannot make a cached file
  invalid, so it keeps the cache: a new association, or a notice's new
  attachment, made every notice be read and every page be drawn again
  (40 s of a one-notice rebuild at 20,000 notices). When anything named was
  removed or renamed since, the folder is emptied and every file is read
  again, as a cold build would (a series' file removed while notices named
  it passed the cache, and the build stopped in a template).
Checks across files (two notices at one address, files that were not
published) run over every notice in every build, cached or not.
"""
import hashlib
import json
import os
import re
import shutil
from importlib import metadata
from pathlib import Path

from .checks import file_paths

_FINGERPRINT = re.compile(r"^[0-9a-f]{16}$")
NAMED = "named.json"  # in a rule set's folder: what existed when its files were cached
_LIBRARIES = ("pelican", "markdown", "nh3", "pyyaml")


# Settings the rules read: a notice valid under one set may not be under another.
_RULE_SETTINGS = ("BULLETIN_LANGUAGE", "BULLETIN_CATEGORIES", "BULLETIN_SPACE_PURPOSES",
                  "BULLETIN_SPACE_ACCESSIBILITY", "PATH")


def fingerprint(settings):
    digest = hashlib.sha256()
    for path in sorted(Path(__file__).parent.glob("*.py")):
        digest.update(path.read_bytes())
    for name in _LIBRARIES:
        digest.update(f"{name}={metadata.version(name)}".encode())
    for key in _RULE_SETTINGS:
        digest.update(repr(settings.get(key)).encode())
    return digest.hexdigest()[:16]


def site_files(settings):
    """The files a notice's {static} address may name, relative to the content folder."""
    return {os.path.relpath(path, settings["PATH"]) for folder in settings.get("STATIC_PATHS", ())
            for path in file_paths(os.path.join(settings["PATH"], folder))}


def use_cache_folder(settings, named):
    """Point CACHE_PATH at this rule set's folder and drop older ones.
    `named` is what exists for files to name ({kind: set of slugs or
    paths}): the folder is emptied when any of it was removed since its
    record. The folder above them stays BULLETIN_SHARED_CACHE, for what
    outlives a rule set (simplemma's prepared dictionaries, a function of
    its version)."""
    base = settings["CACHE_PATH"]
    settings["BULLETIN_SHARED_CACHE"] = base
    name = fingerprint(settings)
    if os.path.isdir(base):
        for entry in os.listdir(base):
            if _FINGERPRINT.match(entry) and entry != name:
                shutil.rmtree(os.path.join(base, entry), ignore_errors=True)
    folder = settings["CACHE_PATH"] = os.path.join(base, name)
    record = os.path.join(folder, NAMED)
    named = {kind: sorted(values) for kind, values in named.items()}
    before = _named_before(record)
    if before == named:
        return
    if before is None or any(not set(values) <= set(named.get(kind, ())) for kind, values in before.items()):
        shutil.rmtree(folder, ignore_errors=True)  # none, or something removed: start afresh
    try:
        os.makedirs(folder, exist_ok=True)
        with open(record + ".part", "w", encoding="utf-8") as handle:
            json.dump(named, handle)
        os.replace(record + ".part", record)
    except OSError:
        # unrecorded, what this build caches could outlive a removal: the
        # next build finds no record and starts afresh
        shutil.rmtree(folder, ignore_errors=True)


def _named_before(record):
    """The record kept in a rule set's folder, or None when there is none that reads."""
    try:
        with open(record, encoding="utf-8") as handle:
            named = json.load(handle)
    except (OSError, ValueError):
        return None
    ok = isinstance(named, dict) and all(isinstance(v, list) for v in named.values())
    return named if ok else None


def never_cache_failures(readers):
    """A file our reader refused comes back with status `skip`: keep it out
    of the cache so that the next build reads it, and reports it, again."""
    cache_data = readers.cache_data

    def cache_valid_only(path, data):
        _content, values = data
        if values.get("status") != "skip":
            cache_data(path, data)

    readers.cache_data = cache_valid_only


def shared_cache(settings):
    """The folder for what outlives a rule set's cache (use_cache_folder)."""
    return settings.get("BULLETIN_SHARED_CACHE") or settings["CACHE_PATH"]
