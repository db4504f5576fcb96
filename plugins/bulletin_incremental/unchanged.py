"""A rebuild with nothing changed does nothing.

Even with every page reused, a rebuild reads every notice back from the
cache and works out every listing, a cost that grows with the archive. The
output is a function of the content folder's files, the settings, theme,
plugin code and libraries (`site_key`) and the build's day, and nothing
else: when all of these are as they were for the output that is there, and
that output is as its build left it (reuse.py's record of its files'
sizes and times), the build stops before Pelican starts. The content files
are compared by their bytes (read again only when their stamps changed),
not their times, so a fresh checkout of the same content (a deploy with
the output restored from a cache) counts as unchanged too.
"""
import hashlib
import os
import time

from . import kept, reuse

INPUTS_RECORD = "build-inputs"
STAMPS_FILE = "content-stamps.pickle"  # in the cache folder: each content file's stamp and digest
# A file changed this shortly before its digest was taken could be changed
# again within the file system's clock step without its stamp showing it.
SETTLED_NS = 2_000_000_000


def content_digests(settings):
    """{path: SHA-256 digest of its bytes} of every file in the content
    folder, in a stable order. A file whose stamp (size, times, inode) is
    the one recorded with its digest by an earlier build, and had settled
    before that build, is not read again: reading and hashing every file
    was most of a rebuild with nothing changed at 100,000 notices. Any
    write to a file changes its ctime, which no one can set back."""
    record = os.path.join(settings["CACHE_PATH"], STAMPS_FILE)
    taken, known = _load_stamps(record)
    now = time.time_ns()
    digests, stamps, read = {}, {}, 0
    for folder, folders, names in os.walk(settings["PATH"]):
        folders.sort()
        folder = os.path.join(folder, "")  # as os.path.join would, once per folder
        for name in sorted(names):
            path = folder + name
            stat = os.stat(path)
            stamp = (stat.st_size, stat.st_mtime_ns, stat.st_ctime_ns, stat.st_ino)
            old = known.get(path)
            if old is not None and old[0] == stamp and stat.st_ctime_ns < taken - SETTLED_NS:
                digest = old[1]
            else:
                # stamped before reading: a change in between shows next time
                with open(path, "rb") as handle:
                    digest, read = hashlib.sha256(handle.read()).digest(), read + 1
            digests[path], stamps[path] = digest, (stamp, digest)
    # Saved again when the files are others, or many were read: a few read
    # again next time cost less than writing every file's stamp (0.1 s at
    # 100,000 notices, after each change)
    if read > len(stamps) // 100 or stamps.keys() != known.keys():
        kept.save(record, (now, stamps))
    return digests


def _load_stamps(path):
    """(when the recorded stamps were taken, {path: (stamp, digest)})."""
    stamps = kept.load(path)  # none yet, or not readable: every file is read
    if isinstance(stamps, tuple) and len(stamps) == 2 and isinstance(stamps[0], int) and isinstance(stamps[1], dict):
        return stamps
    return 0, {}


def inputs_digest(settings, day, digests):
    """One digest of everything the output is made from; `digests` are the content's (`content_digests`)."""
    digest = hashlib.sha256(f"{reuse.site_key(settings)}\0{day.isoformat()}\0".encode())
    start = len(os.path.join(settings["PATH"], ""))
    for path, file_digest in digests.items():
        digest.update(path[start:].encode() + b"\0" + file_digest)
    return digest.hexdigest()


def is_up_to_date(settings, output, digest):
    """True when `output` is the very output a build of these same inputs
    left, untouched since."""
    stamp = reuse.read_record(reuse.record_path(settings["CACHE_PATH"], INPUTS_RECORD))
    if not isinstance(stamp, dict) or stamp.get("inputs") != digest or not isinstance(stamp.get("records"), str):
        return False  # another build's inputs, or a record from older code
    # The build's records are in its rule set's folder of the cache (bulletin_contract.cache).
    records = os.path.join(settings["CACHE_PATH"], stamp["records"])
    files = reuse.read_record(reuse.record_path(records, reuse.FILES_RECORD))
    return reuse.output_as_recorded(str(output), files)


def remember(settings, digest):
    """Record the inputs of the output now in place (after the build's commit)."""
    records = os.path.relpath(os.path.dirname(reuse.REUSE.keys_path), settings["CACHE_PATH"])
    reuse.write_record(reuse.record_path(settings["CACHE_PATH"], INPUTS_RECORD), {"inputs": digest, "records": records})


def forget(settings):
    """A build is under way: until it commits, the output is not the one recorded."""
    try:
        os.unlink(reuse.record_path(settings["CACHE_PATH"], INPUTS_RECORD))
    except FileNotFoundError:
        pass
