"""A rebuild with nothing changed does nothing.

Even with every page reused, a rebuild reads every notice back from the
cache and works out every listing, a cost that grows with the archive. The
output is a function of the content folder's files, the settings, theme,
plugin code and libraries (`site_key`) and the build's day, and nothing
else: when all of these are as they were for the output that is there, and
that output is as its build left it (reuse.py's record of its files'
sizes and times), the build stops before Pelican starts. The content files
are compared by their bytes, not their times, so a fresh checkout of the
same content (a deploy with the output restored from a cache) counts as
unchanged too.
"""
import hashlib
import json
import os

from . import reuse

INPUTS_RECORD = "build-inputs"


def content_digests(settings):
    """{path: SHA-256 digest of its bytes} of every file in the content folder, in a stable order."""
    digests = {}
    for folder, folders, names in os.walk(settings["PATH"]):
        folders.sort()
        for name in sorted(names):
            path = os.path.join(folder, name)
            with open(path, "rb") as handle:
                digests[path] = hashlib.sha256(handle.read()).digest()
    return digests


def inputs_digest(settings, day, digests):
    """One digest of everything the output is made from; `digests` are the content's (`content_digests`)."""
    digest = hashlib.sha256(f"{reuse.site_key(settings)}\0{day.isoformat()}\0".encode())
    start = len(os.path.join(settings["PATH"], ""))
    for path, file_digest in digests.items():
        digest.update(path[start:].encode() + b"\0" + file_digest)
    return digest.hexdigest()


def _read(path):
    try:
        with open(path, encoding="utf-8") as handle:
            return json.load(handle)
    except (OSError, ValueError):
        return None


def is_up_to_date(settings, output, digest):
    """True when `output` is the very output a build of these same inputs
    left, untouched since."""
    stamp = _read(reuse.record_path(settings["CACHE_PATH"], INPUTS_RECORD))
    if not isinstance(stamp, dict) or stamp.get("inputs") != digest or not isinstance(stamp.get("records"), str):
        return False  # another build's inputs, or a record from older code
    # The build's records are in its rule set's folder of the cache (bulletin_contract.cache).
    files = _read(reuse.record_path(os.path.join(settings["CACHE_PATH"], stamp["records"]), reuse.FILES_RECORD))
    return reuse.output_as_recorded(str(output), files)


def remember(settings, digest):
    """Record the inputs of the output now in place (after the build's commit)."""
    records = os.path.relpath(os.path.dirname(reuse.REUSE.keys_path), settings["CACHE_PATH"])
    with open(reuse.record_path(settings["CACHE_PATH"], INPUTS_RECORD), "w", encoding="utf-8") as handle:
        json.dump({"inputs": digest, "records": records}, handle)


def forget(settings):
    """A build is under way: until it commits, the output is not the one recorded."""
    try:
        os.unlink(reuse.record_path(settings["CACHE_PATH"], INPUTS_RECORD))
    except FileNotFoundError:
        pass
