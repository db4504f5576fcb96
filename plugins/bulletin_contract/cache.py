"""Pelican's content cache, kept honest for the content contract.

A notice read in an earlier build is taken from the cache while its bytes
are unchanged (CHECK_MODIFIED_METHOD hashes them), which skips reading,
validating and rendering it again. Two rules keep the cache from ever
letting invalid content through:

- a file with problems is never cached, so it is read, and refused with its
  own message, in every build until it is fixed;
- the cache belongs to one set of rules: its folder is named by a
  fingerprint of what a file's validity depends on beyond its own bytes (the
  rule code, the settings the rules read, which associations, spaces and images exist). When
  any of them changes, every file is read again.
Checks across files (two notices at one address, files that were not
published) run over every notice in every build, cached or not.
"""
import hashlib
import os
import re
import shutil
from importlib import metadata
from pathlib import Path

_FINGERPRINT = re.compile(r"^[0-9a-f]{16}$")
_LIBRARIES = ("pelican", "markdown", "nh3", "pyyaml")


# Settings the rules read: a notice valid under one set may not be under another.
_RULE_SETTINGS = ("BULLETIN_LANGUAGE", "BULLETIN_CATEGORIES", "BULLETIN_SPACE_PURPOSES",
                  "BULLETIN_SPACE_ACCESSIBILITY", "PATH")


def fingerprint(settings, association_slugs, space_slugs=()):
    digest = hashlib.sha256()
    for path in sorted(Path(__file__).parent.glob("*.py")):
        digest.update(path.read_bytes())
    for name in _LIBRARIES:
        digest.update(f"{name}={metadata.version(name)}".encode())
    for key in _RULE_SETTINGS:
        digest.update(repr(settings.get(key)).encode())
    digest.update(repr(sorted(association_slugs)).encode())
    digest.update(repr(sorted(space_slugs)).encode())
    # a notice's {static} images must exist: which files there are counts too
    for folder in settings.get("STATIC_PATHS", ()):
        for dirpath, dirnames, filenames in sorted(os.walk(os.path.join(settings["PATH"], folder))):
            digest.update(repr((os.path.relpath(dirpath, settings["PATH"]), sorted(filenames))).encode())
    return digest.hexdigest()[:16]


def use_cache_folder(settings, association_slugs, space_slugs=()):
    """Point CACHE_PATH at this rule set's folder and drop older ones. The
    folder above them stays BULLETIN_SHARED_CACHE, for what outlives a rule
    set (simplemma's prepared dictionaries, a function of its version)."""
    base = settings["CACHE_PATH"]
    settings["BULLETIN_SHARED_CACHE"] = base
    name = fingerprint(settings, association_slugs, space_slugs)
    if os.path.isdir(base):
        for entry in os.listdir(base):
            if _FINGERPRINT.match(entry) and entry != name:
                shutil.rmtree(os.path.join(base, entry), ignore_errors=True)
    settings["CACHE_PATH"] = os.path.join(base, name)


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
