"""Association, series and space files are read once, and kept.

Every build read every profile file again: its YAML, its field rules, its
description's checks and rendering. At 100,000 notices (2,516 associations)
that was 1.1 s of a rebuild that changed one notice, and rendering their
descriptions another 0.7 s. What reading a profile gives depends on the
file's path (shown relative to the working folder) and bytes, the build's
code and settings (the site key), the reading context (which associations
and series exist, the folders a description's images may be in), and which
files those folders hold (an image must exist). So a profile is kept,
pickled as it was read and before any plugin adds to it, under a key of all
of these, in one file of the cache folder; the next build takes it while its
key is the same. A file with problems is never kept: it is read, and
refused, in every build.
"""
import dataclasses
import hashlib
import os
import pickle

from bulletin_contract.cache import fingerprint, site_files

from . import kept
from .reuse import site_key

FILE = "profiles.pickle"


class KeptProfiles:
    """One build's reading of profile files (`reads` of bulletin_contract.checks)."""

    def __init__(self, settings):
        self.path = os.path.join(settings["CACHE_PATH"], FILE)
        # with the rules' own fingerprint, the static folders' files (an image must exist)
        self.base = f"{site_key(settings)}\0{fingerprint(settings)}\0{sorted(site_files(settings))}\0".encode()
        old = kept.load(self.path)
        self.old = old if isinstance(old, dict) else {}
        self.new = {}

    def __call__(self, read, path, raw, ctx):
        key = self._key(read, path, raw, ctx)
        stored = self.old.get(key)
        if stored is not None:
            try:
                profile = pickle.loads(stored)
            except Exception:  # noqa: BLE001 (cannot be read back: the file is read again)
                pass
            else:
                self.new[key] = stored
                return profile
        profile = read(path, raw, ctx)  # problems raise here: nothing is kept
        self.new[key] = pickle.dumps(profile, protocol=pickle.HIGHEST_PROTOCOL)
        return profile

    def _key(self, read, path, raw, ctx):
        digest = hashlib.sha256(self.base)
        # a profile shows its path relative to the working folder (display_path)
        digest.update(f"{read.__module__}.{read.__qualname__}\0{os.getcwd()}\0{os.fspath(path)}\0"
                      f"{_context_text(ctx)}\0".encode())
        digest.update(raw)
        return digest.digest()

    def save(self):
        """Keep this build's profiles, and only those, for the next build."""
        if self.new.keys() != self.old.keys():
            kept.save(self.path, self.new)


def _context_text(ctx):
    """Every value of the reading context but its translator (the language
    is a setting, in the site key), sets in order; of the associations their
    slugs: their names only word the refusal of a file, and a refused file
    is never kept (a renamed association would have every file read again)."""
    parts = []
    for one in dataclasses.fields(ctx):
        if one.name != "t":
            value = getattr(ctx, one.name)
            value = set(value) if one.name == "associations" and isinstance(value, dict) else value
            parts.append(f"{one.name}={sorted(value) if isinstance(value, (set, frozenset)) else value!r}")
    return "\n".join(parts)


def profile_reads(pelican):
    """The answer to bulletin_contract's `profile_reads`, while the build keeps its content cache."""
    settings = pelican.settings
    if settings.get("CACHE_CONTENT") and settings.get("CACHE_PATH"):
        return KeptProfiles(settings)
    return None
