"""Pelican's content cache is saved as what changed.

Pelican pickles its whole content cache again once the notices are read, in
every build: 0.45 s at 20,000 notices and seconds at 100,000, for a rebuild
that read one file again. Here the entries of the files read again go to a
second, small file beside the whole one, which loading lays over it; the
whole file is written again when the second has grown to a tenth of the
entries, or when there is no whole file to lay it over. Each entry carries
its file's stamp, which Pelican compares before it uses one, so an entry
left behind by a build that stopped midway can only make a file be read
again, never stand for a changed one. Each file is written under a name of
its own and renamed, so none is ever read half written.
"""
import logging
import os
import pickle

from pelican.cache import FileDataCacher

log = logging.getLogger(__name__)
CHANGED = ".changed"  # the second file's name: the whole file's, and this
SHARE = 0.1  # of the entries, at most, in the second file


def load_changed(cacher):
    """Lay the second file over the whole one Pelican has just loaded."""
    cacher._changed = set()
    cacher._laid = None  # keys of the second file; None: no whole file to lay it over
    if not cacher._cache:
        return
    try:
        with cacher._cache_open(cacher._cache_path + CHANGED, "rb") as handle:
            changed = pickle.load(handle)
    except FileNotFoundError:
        changed = {}
    except Exception as err:  # noqa: BLE001 (unreadable: its files are read again)
        log.warning("Cannot read cache %s%s; its files are read again\n%s", cacher._cache_path, CHANGED, err)
        changed = {}
    cacher._cache.update(changed)
    cacher._laid = set(changed)


_pelican_cache_data = FileDataCacher.cache_data


def cache_data(cacher, filename, data):
    """Pelican's, noting that the file was read again: its entry goes in the next save."""
    _pelican_cache_data(cacher, filename, data)
    cacher._changed.add(filename)


def save_cache(cacher):
    if not cacher._cache_data_policy or getattr(cacher, "_memory_only", False):
        return
    laid = cacher._laid
    keys = (laid or set()) | cacher._changed
    try:
        os.makedirs(cacher.settings["CACHE_PATH"], exist_ok=True)
        if laid is not None and len(keys) <= SHARE * len(cacher._cache):
            if cacher._changed:
                _write(cacher, cacher._cache_path + CHANGED, {key: cacher._cache[key] for key in keys})
            return
        # the kept Articles' cacher packs them for the whole file, out of its cache (made_articles.py)
        packed = getattr(cacher, "_packed", None)
        _write(cacher, cacher._cache_path, packed(cacher._cache) if packed else cacher._cache, packed is not None)
        try:
            os.unlink(cacher._cache_path + CHANGED)
        except FileNotFoundError:
            pass
        cacher._laid = set()
    except (OSError, pickle.PicklingError, TypeError) as err:
        log.warning("Could not save cache %s\n ... %s", cacher._cache_path, err)
    cacher._changed = set()


def _write(cacher, path, entries, let_go=False):
    """`let_go`: without the pickler's memo, which holds every object it
    wrote to the end (the kept Articles' chunks are made as they are written)."""
    part = f"{path}.{os.getpid()}.part"
    try:
        with cacher._cache_open(part, "wb") as handle:
            pickler = pickle.Pickler(handle)
            pickler.fast = let_go
            pickler.dump(entries)
        os.replace(part, path)
    finally:
        if os.path.exists(part):
            os.unlink(part)


def install():
    """Loading lays the second file over the whole one (load_changed, called
    by the plugin's wrapper of Pelican's loading); saving and noting are these."""
    FileDataCacher.cache_data = cache_data
    FileDataCacher.save_cache = save_cache
