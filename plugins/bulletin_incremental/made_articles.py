"""Notices are kept between builds as Pelican made them, not only as read.

A rebuild took every unchanged notice from Pelican's reader cache and made
it into an Article again (paths, metadata copied to attributes, its address
worked out and checked): loading and making took 1.8 s at 20,000 notices and
8 s at 100,000, for a rebuild that read one file. Pelican can keep the
Articles themselves (its "generator" caching layer), but it keeps the very
objects that plugins go on to change in the build (a notice's association,
its expiry), so a later build would start from them. Here an Article is
pickled the moment it is made (with what `content_object_init` put on it),
before the build's later steps change it, and unpickled in the next build
while its file's digest is the same; the settings and the build context it
points to are the running build's (persistent ids).

The file is named by the site key (settings, theme, plugin code, libraries):
another key starts afresh, and older files are removed; an entry that cannot
be read back makes its file be read again. It is saved as what changed
(cache_delta.py): the Articles made in a build each as a pickle of its own,
and when the whole file is written, every Article in chunks of CHUNK pickled
one after the other by one pickler, so that a chunk names each class and
attribute once: loading every kept Article took 0.56–0.65 s of a rebuild at
20,000 notices, 0.32–0.44 s in chunks. Packing unpickles and pickles every
Article again (1.1–1.2 s at 20,000), only when the whole file is written: in
a cold build, and when a tenth of the notices has changed. The notices'
reader cache, which the kept Articles make redundant, is no longer saved: it
lives in memory for one build, where the notices read ahead
(bulletin_contract/read_ahead.py) reach Pelican.
"""
import datetime
import functools
import gc
import io
import os
import pickle

from pelican.cache import FileStampDataCacher
from pelican.contents import Article
from pelican.generators import ArticlesGenerator

from bulletin_contract.read_ahead import cached_entries

from .reuse import site_key

PREFIX = "made-articles-"
CHUNK = 256  # Articles pickled together when the whole file is written
CHUNKS = "chunk"  # a chunk's key in the file: (CHUNKS, its number); an entry in it is (its stamp, (number, place))
READERS = "ArticlesGenerator-Readers"  # the notices' reader cache, no longer saved


class _Pickler(pickle.Pickler):
    def __init__(self, handle, shared):
        super().__init__(handle, protocol=pickle.HIGHEST_PROTOCOL)
        self._ids = {id(value): name for name, value in shared.items()}

    def persistent_id(self, obj):
        return self._ids.get(id(obj))


class _Unpickler(pickle.Unpickler):
    def __init__(self, handle, shared):
        super().__init__(handle)
        self._shared = shared

    def persistent_load(self, pid):
        return self._shared[pid]


def keeps_articles(settings):
    return settings.get("CONTENT_CACHING_LAYER") == "reader" and bool(settings.get("CACHE_PATH")) \
        and bool(settings.get("CACHE_CONTENT") or settings.get("LOAD_CONTENT_CACHE"))


def choose(cacher, settings, cache_name, caching_policy, load_policy):
    """The cache Pelican is about to load for `cacher`, as kept here:
    (name, caching_policy, load_policy). The notices' generator keeps its
    Articles in a file of the site key; their reader's cache is this
    build's memory only (`_memory_only`, which cache_delta.py does not save)."""
    cacher._memory_only = cache_name == READERS and keeps_articles(settings)
    if cacher._memory_only:
        return cache_name, caching_policy, False
    if isinstance(cacher, ArticlesGenerator):
        cacher._keeps_made = keeps_articles(settings)
        if cacher._keeps_made:
            cacher._shared = {"settings": settings, "context": cacher.context}
            cacher._packed = functools.partial(_packed, cacher._shared)  # for cache_delta's whole file
            name = PREFIX + site_key(settings)[:16]
            _remove_others(settings["CACHE_PATH"], name)
            return name, bool(settings.get("CACHE_CONTENT")), bool(settings.get("LOAD_CONTENT_CACHE"))
    return cache_name, caching_policy, load_policy


def _remove_others(folder, name):
    """Files of another site key, and the reader cache an earlier version saved."""
    try:
        entries = os.listdir(folder)
    except OSError:
        return
    for entry in entries:
        if (entry.startswith(PREFIX) and not entry.startswith(name)) or entry.startswith(READERS):
            try:
                os.unlink(os.path.join(folder, entry))
            except OSError:
                pass


_names = {}  # one set of attribute names shared by the articles that have it


def _note_made(article):
    """The names of the attributes the article was made with, for its page's
    key (reuse.py): with the site key, its file's digest stands for them."""
    names = frozenset(vars(article))
    article._made_names = _names.setdefault(names, names)
    return article


_pelican_generate_context = ArticlesGenerator.generate_context


def generate_context(self):
    """Pelican's, with every kept Article unpickled first (`_load_kept`)."""
    self._kept_articles = _load_kept(self) if getattr(self, "_keeps_made", False) else None
    try:
        _pelican_generate_context(self)
    finally:
        self._kept_articles = None


def _load_kept(self):
    """{file: Article} of the files whose kept Article is still theirs.

    Unpickling makes every kept notice at once, and the cycle collector's
    young collections walked the growing heap again and again (1.1 s of a
    rebuild at 100,000 notices): they are paused, and what was loaded,
    which lives to the end of the build, is frozen out of their sight
    (as freeze_loaded does in __init__.py). Unpickling makes no garbage."""
    kept, in_chunks = {}, {}
    enabled = gc.isenabled()
    gc.disable()
    try:
        entries = cached_entries(self)
        # asked for the last time: let go with the rest of the cache (save_cache)
        del self._cache_entries
        for filename, made in entries.items():
            if isinstance(made, tuple):
                in_chunks.setdefault(made[0], {})[made[1]] = filename
            elif made is not None:
                article = _unpickled(made, self._shared)
                if article is not None:
                    kept[filename] = _note_made(article)
        for number, wanted in in_chunks.items():
            for place, article in _chunk(self._cache.get((CHUNKS, number)), self._shared, max(wanted) + 1):
                if place in wanted and article is not None:
                    kept[wanted[place]] = _note_made(article)
        if kept:
            gc.freeze()
    finally:
        if enabled:
            gc.enable()
    return kept


def _unpickled(made, shared):
    """The Article pickled alone as `made`, or None when it cannot be read
    back (its file is then read again)."""
    try:
        return _Unpickler(io.BytesIO(made), shared).load()
    except Exception:  # noqa: BLE001 (an entry that cannot be read back)
        return None


def _chunk(data, shared, count=CHUNK):
    """(place, Article) of the first `count` Articles of a chunk; those
    from one that cannot be read back on are not (their files are read again)."""
    if not isinstance(data, bytes):
        return
    unpickler = _Unpickler(io.BytesIO(data), shared)
    for place in range(count):
        try:
            article = unpickler.load()
        except Exception:  # noqa: BLE001 (the chunk's end, or an entry that cannot be read back)
            return
        yield place, article


def _packed(shared, cache):
    """The whole file's entries: every Article in chunks of CHUNK, each chunk
    pickled only as the file is written (`_Chunk`, cache_delta.py), so that
    one chunk at a time is held: every Article's bytes held twice passed
    the 2 GB a build may take at 100,000 notices. Each Article is unpickled
    afresh from what was kept of it, so it is still as made, whatever the
    build has done to its own copy since, and taken out of `cache`, which
    its cacher drops once saved."""
    # the entries go in the order of their chunks and places, then those
    # pickled alone: each kept chunk is read once, and alone
    names = sorted((name for name in cache if isinstance(name, str)),
                   key=lambda name: (1, name) if isinstance(cache[name][1], bytes) else (0, *cache[name][1]))
    entries, chunks, loaded = {}, {}, [None, []]
    for number, first in enumerate(range(0, len(names), CHUNK)):
        group = names[first:first + CHUNK]
        entries.update((name, (cache[name][0], (number, place))) for place, name in enumerate(group))
        chunks[(CHUNKS, number)] = _Chunk(shared, cache, group, loaded)
    entries.update(chunks)
    return entries


class _Chunk:
    """A chunk of the whole file, pickled when the file's writer comes to it."""

    def __init__(self, shared, cache, names, loaded):
        self.shared, self.cache, self.names, self.loaded = shared, cache, names, loaded

    def __reduce__(self):
        handle = io.BytesIO()
        pickler = _Pickler(handle, self.shared)
        pool = {}
        for name in self.names:
            # one that cannot be read back holds its place as None, and is made again next time
            pickler.dump(_share(self._as_made(self.cache.pop(name)[1]), pool, set()))
        return _chunk_bytes, (handle.getvalue(),)

    def _as_made(self, data):
        if isinstance(data, bytes):
            return _unpickled(data, self.shared)
        number, place = data
        if self.loaded[0] != number:
            self.loaded[:] = number, [a for _, a in _chunk(self.cache.pop((CHUNKS, number), None), self.shared)]
        return self.loaded[1][place] if place < len(self.loaded[1]) else None


SHARED_TEXT = 64  # the longest text looked for among the others of a chunk (names, slugs, paths)


def _share(value, pool, seen):
    """`value`, an Article as made, with each of its short texts, and tuples
    of them, one object with every equal one before it in `pool`: a chunk's
    pickler writes an object it has written once as a reference, and
    unpickling a reference is cheaper than making the object again. Every
    Article came back alone, with its own copies of the same words (its
    language, template, category, tags, the keys of its lines): 57 objects
    per Article became 27, and a rebuild at 100,000 notices after one change
    took about a second and 250 MB less, for 18 µs more per Article as the
    whole file is written. Objects are changed in place: they are this
    chunk's fresh copies. Equal texts become one object, never the other
    way round, so what was one object stays one (the page key's test that
    an attribute is still the metadata's)."""
    kind = type(value)
    if kind is str:
        return pool.setdefault(value, value) if len(value) <= SHARED_TEXT else value
    if kind in _ATOMS or id(value) in seen:
        return value
    if kind is tuple:
        items = tuple([_share(item, pool, seen) for item in value])
        return pool.setdefault(items, items) if all(type(item) is str for item in items) else items
    seen.add(id(value))
    if kind is list:
        value[:] = [_share(item, pool, seen) for item in value]
    elif kind is dict:
        items = [(_share(k, pool, seen), _share(v, pool, seen)) for k, v in value.items()]
        value.clear()
        value.update(items)
    elif kind is Article or kind.__module__.startswith("bulletin_"):
        state = getattr(value, "__dict__", None)
        if state is not None:
            for name, item in state.items():
                if name not in _NOT_WALKED:
                    state[name] = _share(item, pool, seen)
    return value


_ATOMS = frozenset({int, float, bool, type(None), bytes, datetime.date, datetime.datetime})
_NOT_WALKED = ("settings", "_context")  # the build's own, persistent ids (_Pickler)


def _chunk_bytes(data):
    """A chunk as the whole file is loaded: its bytes (see _Chunk)."""
    return data


def kept_articles(path, shared):
    """{file name: Article} of a file of kept Articles, as a build takes them (for tests)."""
    with open(path, "rb") as handle:
        cache = pickle.load(handle)
    chunks = {}
    articles = {}
    for name, (_stamp, data) in ((n, e) for n, e in cache.items() if isinstance(n, str)):
        if isinstance(data, bytes):
            articles[name] = _unpickled(data, shared)
        else:
            if data[0] not in chunks:
                chunks[data[0]] = dict(_chunk(cache.get((CHUNKS, data[0])), shared))
            articles[name] = chunks[data[0]].get(data[1])
    return articles


def get_cached_data(self, filename, default=None):
    if not getattr(self, "_keeps_made", False):  # Pelican's own "generator" layer, if chosen, keeps live objects
        return FileStampDataCacher.get_cached_data(self, filename, default)
    # kept Articles are handed out while Pelican reads the notices, never their pickled bytes
    return (getattr(self, "_kept_articles", None) or {}).pop(filename, default)


def cache_data(self, filename, data):
    if not getattr(self, "_keeps_made", False):
        FileStampDataCacher.cache_data(self, filename, data)
    elif self._cache_data_policy:
        handle = io.BytesIO()
        _Pickler(handle, self._shared).dump(data)
        FileStampDataCacher.cache_data(self, filename, handle.getvalue())
        _note_made(data)


def save_cache(self):
    FileStampDataCacher.save_cache(self)
    if getattr(self, "_keeps_made", False):
        self._cache = {}  # every notice's bytes, of no use past this point in the build


def install():
    ArticlesGenerator.generate_context = generate_context
    ArticlesGenerator.get_cached_data = get_cached_data
    ArticlesGenerator.cache_data = cache_data
    ArticlesGenerator.save_cache = save_cache
