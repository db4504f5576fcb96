"""When a notice page can be taken from the previous build, and how.

A notice page, and its event's calendar file, show their notice (the
article with everything plugins put on it: the Notice, `expired`, the
association profile, the category label) and the site-wide settings, theme
and code. A file's key is a hash of exactly those; a file whose key is the
one recorded by the previous build is moved over instead of made again. So
such a file must show nothing else: a template that listed, say, other
notices on a notice page would have to add them to the key. Feeds and
calendars, made by plain functions of what they list, are reused the same
way with a key of everything they are made from (`take_made`). Reused pages
send no `content_written` signal.

A reused file is left where it is in the previous output, and the build
writes only the other files, into a staging folder that `bulletin build`
moves into the output when the build succeeds (inplace.py). The previous
build's list of its output files says which files the new build no longer
has, without walking the output; it counts only while the output folder is
the one it was written for, unchanged at its top (`_check_output`), else the
build renders everything. Whether each of those files is still as its
build left it is asked as the build starts, of a forked process on the
second core (`look_ahead`), while this one loads the notices.

The keys are saved in the content cache folder only after the new output
is in place (`commit`), and a build that fails leaves the previous output
as it was (`rollback` puts back what `gather` took), so the keys always
describe the output that is there.
"""
import contextlib
import functools
import hashlib
import importlib.util
import marshal
import multiprocessing
import operator
import os
import sys
from concurrent.futures import ProcessPoolExecutor
from importlib import metadata
from pathlib import Path

from pelican.writers import Writer

from .inplace import files_in
from .memo import source_digest

KEYS_FILE = "notice-pages"  # a record (`record_path`): each page's key
FILES_RECORD = "output-files"  # the previous build's output files, their sizes and times (a record, `remember`)
# Settings that differ between builds without changing any notice page: the
# folders of this build and its caches, and the day (a notice page shows it only as
# `expired`, which is part of the page's own key).
_VOLATILE = {"OUTPUT_PATH", "CACHE_PATH", "BULLETIN_SHARED_CACHE", "BULLETIN_PREVIOUS_OUTPUT", "BULLETIN_TODAY"}


def _describe(value):
    """A stable text for a settings value: data as itself, code by its
    bytecode, anything else by its type."""
    if value is None or isinstance(value, (str, int, float, bool)):
        return repr(value)
    if isinstance(value, (list, tuple, set, frozenset)):
        items = [_describe(v) for v in value]
        return "[" + ",".join(sorted(items) if isinstance(value, (set, frozenset)) else items) + "]"
    if isinstance(value, dict):
        return "{" + ",".join(f"{_describe(k)}:{_describe(v)}" for k, v in value.items()) + "}"
    code = getattr(value, "__code__", None)
    if code is not None:
        return f"{value.__module__}.{value.__qualname__}:{code.co_code.hex()}{code.co_consts!r}"
    return type(value).__qualname__


def _files_digest(digest, folder, pattern):
    for path in sorted(Path(folder).rglob(pattern)):
        if path.is_file() and "__pycache__" not in path.parts:
            digest.update(str(path.relative_to(folder)).encode())
            digest.update(path.read_bytes())


def _plugin_folder(settings, name):
    """Where a plugin's code is, found as Pelican finds it but not imported:
    the key is the same before Pelican loads the plugins as after."""
    for path in settings.get("PLUGIN_PATHS", []):
        if os.path.isdir(os.path.join(path, name)):
            return Path(path, name)
    spec = importlib.util.find_spec(name)
    return Path(spec.origin).parent if spec is not None and spec.origin else None


def site_key(settings):
    """What every page shares: settings, theme, plugin code, installed libraries."""
    digest = hashlib.sha256()
    for key in sorted(settings):
        if key not in _VOLATILE:
            digest.update(f"{key}={_describe(settings[key])}\n".encode())
    _files_digest(digest, settings["THEME"], "*")
    for name in settings.get("PLUGINS", []):
        folder = _plugin_folder(settings, name if isinstance(name, str) else getattr(name, "__name__", ""))
        if folder is not None:
            _files_digest(digest, folder, "*.py")
    for name in _installed(tuple((folder, _folder_time(folder)) for folder in sys.path)):
        digest.update(name.encode())
    return digest.hexdigest()


def _installed(path):
    """The installed libraries' names and versions, for the folders of
    `path` as they are (a library installed into one changes its time)."""
    return sorted(set().union(*(_installed_in(folder, time) for folder, time in path)))


@functools.lru_cache(maxsize=64)
def _installed_in(folder, time):
    """Asked for three times a build, and reading every folder took 30 ms
    each time; one folder at a time, as Pelican adds the working folder to
    the path during the build, and a folder listed twice (PYTHONPATH and an
    editable install) is read once."""
    return frozenset(f"{d.metadata['Name']}={d.version}" for d in metadata.distributions(path=[folder]))


def _folder_time(folder):
    try:
        return os.stat(folder or ".").st_mtime_ns
    except OSError:
        return None


# What the reader made of a notice's file, kept as it was read: with the
# site key's code and settings, a function of the file's bytes alone (Pelican's
# cache reuses it on that very condition), so the file's digest stands for
# it. Its `repr` was a third of a rebuild's keys. So does every attribute the
# Article was made with (`_made_names`, made_articles.py): the build's later
# steps add attributes of their own and change none of those
# (test_made_articles.py checks it), and one that Pelican copied from the
# metadata counts by the digest only while it is still that very object.
_READ = ("notice",)
_NOT_SHOWN = ("_context", "settings", "metadata", "_made_names")
_NONE = frozenset()


def article_key(site, article, source=None, texts=None):
    """A hash of everything the article's pages show. `source` is the digest
    of its file's bytes, when known; `texts` remembers, within one build, the
    text of a value many articles share (their association's profile)."""
    values, metadata = vars(article), article.metadata
    names, kept = _shown(tuple(values), getattr(article, "_made_names", _NONE) if source is not None else None,
                         tuple(metadata))
    # what the reader made counts by the file's digest while it is still
    # the very object of the metadata (asked of every name at once)
    if not all(map(operator.is_, map(values.__getitem__, kept), map(metadata.get, kept))):
        names = sorted(names + [name for name in kept if values[name] is not metadata.get(name)])
    parts = []
    for name in names:
        value = values[name]
        if texts is not None and name == "association_profile":
            # kept with its value: an id is unique only while its object lives
            held = texts.get(id(value))
            if held is None or held[0] is not value:
                texts[id(value)] = held = (value, f"{name}={hashlib.sha256(repr(value).encode()).hexdigest()}\n")
            parts.append(held[1])
        else:
            parts.append(f"{name}={value!r}\n")
    digest = _seeded(site).copy()
    if source is not None:
        # the bytes, and where they are: the same bytes moved to another
        # file are another notice (its address is made from its file's name)
        digest.update(b"source=" + source + f"{getattr(article, 'source_path', None)!r}\n".encode())
    digest.update("".join(parts).encode())
    return digest.hexdigest()


@functools.lru_cache(maxsize=256)
def _shown(names, made, copied):
    """Of an article's attribute `names` (its articles share a few layouts),
    given what the reader `made` (None without the file's digest) and the
    names of its metadata (`copied`): (the names its key always takes, the
    names it takes only once they are no longer the metadata's object).
    Working this out for every article was a third of its key."""
    shown = set(names) - set(_NOT_SHOWN)
    if made is None:
        return sorted(shown), ()
    checked = (shown & made & set(copied)) | ((shown - made) & set(_READ))
    return sorted(shown - made - set(_READ)), tuple(sorted(checked))


@functools.lru_cache(maxsize=4)
def _seeded(site):
    return hashlib.sha256(site.encode())


def _not_as_recorded(prefix, files):
    """The names of `files` ({name: stamp}) whose file under `prefix` is not as stamped."""
    return [name for name, stamp in files.items() if file_stamp(prefix + name) != stamp]


class PageReuse:
    """One build's reuse of notice pages: looked ahead as the build starts,
    started by the writer, committed or rolled back by `bulletin build`."""

    def __init__(self):
        self._ahead = getattr(self, "_ahead", None)  # one left by a build that stopped early: `start` ends it
        self.start({}, None)

    def look_ahead(self, settings):
        """As the build starts, before the notices are loaded: check which of
        the previous output's files are still as its build left them, in a
        forked process on the second core (a stat of every file, 0.2 s at
        20,000 notices and a second at 100,000, that this one did while the
        other core waited). `start` takes the answer."""
        self.cancel()
        previous = settings.get("BULLETIN_PREVIOUS_OUTPUT")
        if not (previous and settings.get("CACHE_CONTENT") and settings.get("CACHE_PATH")):
            return
        path = record_path(settings["CACHE_PATH"], FILES_RECORD)
        record = read_record(path)
        if not (isinstance(record, dict) and isinstance(record.get("files"), dict)):
            return
        pool = ProcessPoolExecutor(max_workers=1, mp_context=multiprocessing.get_context("fork"))
        self._ahead = (previous, path, record, pool, pool.submit(_not_as_recorded, os.path.join(previous, ""),
                                                                 record["files"]))

    def cancel(self):
        """Stop looking ahead (a build that ends before its writer starts)."""
        if self._ahead is not None:
            self._ahead[3].shutdown(wait=True, cancel_futures=True)
            self._ahead = None

    def start(self, settings, output_path):
        self.output_path = output_path
        self.previous = settings.get("BULLETIN_PREVIOUS_OUTPUT")
        self.keys_path = record_path(settings["CACHE_PATH"], KEYS_FILE) if settings.get("CACHE_CONTENT") else None
        self.site = site_key(settings) if self.keys_path else None
        self._changed = None  # names of the previous output's files not as recorded, when looked ahead
        self.old_files = self._check_output() if self.previous and self.keys_path else None
        self.cancel()
        if self.old_files is None:
            self.previous = None
        # a name's path in the previous output, without os.path.join for each (a tenth of a rebuild's checks)
        self._previous_prefix = os.path.join(self.previous, "") if self.previous else None
        self._by_folder = None
        self.old_keys = self._load() if self.previous and self.keys_path else {}
        self.new_keys = {}
        self.article_keys = {}  # id(article) -> key, within this build
        self.shared_texts = {}  # for article_key, within this build
        self.kept = set()  # files of this build left in place in the previous output
        self.moved = []  # (from, to), to undo
        self.records = {}  # name -> data for the next build (remember)

    def _check_output(self):
        """The previous output's files ({name: [size, time]}), or None when
        nothing can be left in it: it must be the very folder the previous
        build recorded its files for, its top unchanged since (a folder
        emptied, replaced or added to by hand is not)."""
        ahead = self._ahead
        if ahead is not None and (ahead[0], ahead[1]) == (self.previous, self._record_path(FILES_RECORD)):
            try:  # the record the look-ahead checked, taken out of the cache as `recall` does
                os.unlink(ahead[1])
                record = ahead[2]
            except OSError:
                record = None
            try:
                self._changed = set(ahead[4].result())
            except Exception:  # noqa: BLE001 (the process failed: each file is looked at here)
                self._changed = None
        else:
            record = self.recall(FILES_RECORD)
        try:
            if record and isinstance(record.get("files"), dict) and record["folder"] == folder_stamp(self.previous):
                return record["files"]
        except OSError:
            pass
        return None

    def _as_made(self, name):
        """True when the previous output's file `name` is as that build left it
        (not removed or edited by hand since)."""
        if self._changed is not None:
            return name in self.old_files and name not in self._changed
        return file_stamp(self._previous_prefix + name) == self.old_files.get(name)

    def _load(self):
        """The previous build's keys, taken out of the cache: should this
        build stop before `commit`, the next one renders every page."""
        keys = take_record(self.keys_path)
        return keys if isinstance(keys, dict) else {}

    def _record_path(self, name):
        return record_path(os.path.dirname(self.keys_path), name)

    def recall(self, name):
        """What the previous build remembered as `name`, or None. Like the
        keys, it is taken out of the cache and saved again only on commit."""
        if not (self.previous and self.keys_path):
            return None
        return take_record(self._record_path(name))

    def remember(self, name, data):
        """Keep `data` for the next build's `recall`, once this build is in place."""
        if self.keys_path:
            self.records[name] = data

    def take_folder(self, name):
        """Keep the folder `name` of the previous output whole in the new
        one; False when there is none. The caller knows it is still right
        (a search index whose pages did not change)."""
        if not (self.previous and self.keys_path):
            return False
        prefix = name.rstrip("/") + "/"
        files = self._old_folders().get(prefix.split("/", 1)[0], ())
        files = [f for f in files if f.startswith(prefix)]
        if not files or not all(map(self._as_made, files)) \
                or os.path.exists(os.path.join(self.output_path, name)):
            return False
        self.kept.update(files)
        return True

    def _old_folders(self):
        """The previous output's files by their top folder: a search bundle
        per archive year looks for its files among a few, not all."""
        if self._by_folder is None:
            self._by_folder = {}
            for name in self.old_files:
                self._by_folder.setdefault(name.split("/", 1)[0], []).append(name)
        return self._by_folder

    def files(self, site, folder, suffix=""):
        """[(name, path)] of the files of the site in the folder `site` under
        `folder` whose names end in `suffix`, sorted by name: for this
        build's output, those written so far and those left in place in the
        previous output."""
        prefix, written = folder.rstrip("/") + "/", os.path.join(site, folder)
        found = {f"{prefix}{name}": os.path.join(written, name)
                 for name in files_in(written) if name.endswith(suffix)}
        if self.kept and str(site) == self.output_path:
            # among the previous output's files of the top folder: every
            # file left in place is one of them (0.33–0.55 s at 100,000 notices,
            # looking through every kept file for each folder)
            found.update((name, os.path.join(self.previous, name))
                         for name in self._old_folders().get(prefix.split("/", 1)[0], ())
                         if name.startswith(prefix) and name.endswith(suffix) and name in self.kept)
        return sorted(found.items())

    def left_in_place(self, name):
        """True when the file `name` of this build is the previous output's,
        left where it is: byte for byte the file the previous build had."""
        return name in self.kept

    def gather(self, folders=None):
        """Move the files left in place under `folders` (every one when None)
        into the new output, for a reader of the whole new output there
        (Pagefind indexing every page). `rollback` moves them back."""
        prefixes = tuple(f.rstrip("/") + "/" for f in folders) if folders is not None else ("",)
        self.gather_files(n for n in self.kept if n.startswith(prefixes))

    def gather_files(self, names):
        """Like `gather`, for the files `names` that are left in place (a
        page of the search's delta that is new since its base but unchanged
        since the previous build)."""
        for name in sorted(set(names) & self.kept):
            source, target = os.path.join(self.previous, name), os.path.join(self.output_path, name)
            os.makedirs(os.path.dirname(target), exist_ok=True)
            os.rename(source, target)
            self.moved.append((source, target))
            self.kept.discard(name)

    def key(self, article):
        """The article's key ("" when nothing is reused in this build)."""
        # asked for every listing an article is in: 476,000 times at 100,000
        # notices, and first for each (no exception raised: 0.1 s of those)
        key = self.article_keys.get(id(article))
        if key is None:
            if not self.keys_path:
                return ""
            key = self.article_keys[id(article)] = article_key(self.site, article, source_digest(article.source_path),
                                                               self.shared_texts)
        return key

    def take(self, name, article):
        """True when the file `name`, made from `article` alone, is in place
        in the new output, moved over from the previous one. Every writer of
        a file made from one notice asks this first (the notice page, its
        calendar file)."""
        if not self.keys_path:
            return False
        return self._keep(name, self.key(article))

    def take_made(self, name, inputs):
        """Like `take`, for a file made from several things (a feed, a
        calendar): `inputs` is a text that names every one of them."""
        if not self.keys_path:
            return False
        return self._keep(name, hashlib.sha256(f"{self.site}\0{inputs}".encode()).hexdigest())

    def _keep(self, name, key):
        self.new_keys[name] = key
        if self.old_keys.get(name) != key:
            return False
        if name not in self.kept:
            if not self._as_made(name):
                return False  # removed or edited since: made anew
            self.kept.add(name)
        return True

    def rollback(self):
        """Put gathered files back: the previous output stays whole."""
        self.cancel()
        for source, target in reversed(self.moved):
            os.rename(target, source)
        self.moved = []

    def commit(self, output, written):
        """The new output is in place in `output`, the files `written` by
        this build moved there beside those kept: its pages' keys are now
        the ones to match, and its files the ones to replace."""
        if self.keys_path:
            self.remember(FILES_RECORD, output_record(output, written, self.old_files, self.kept))
            os.makedirs(os.path.dirname(self.keys_path), exist_ok=True)
            write_record(self.keys_path, self.new_keys)
            for name, data in self.records.items():
                write_record(self._record_path(name), data)
        self.moved = []


# Records are marshal data: the keys and files of 100,000 notices' pages took
# 0.8 s of a profiled build to write as JSON, a quarter of that as marshal.
# One that cannot be read back (a cut file, another Python's) counts as none:
# the pages are drawn again.
RECORD = ".marshal"


def record_path(cache, name):
    return os.path.join(cache, name + RECORD)


def read_record(path):
    """The record at `path`, or None when there is none or it cannot be read."""
    try:
        with open(path, "rb") as handle:
            return marshal.loads(handle.read())  # marshal.load reads a file in small pieces: 3x slower
    except (OSError, EOFError, ValueError, TypeError):
        return None


def take_record(path):
    """The record at `path`, taken out of the cache (None when there is none,
    it cannot be read, or it cannot be taken out): a build that stops before
    it writes its own leaves none to match an output it did not make."""
    data = read_record(path)
    try:
        if data is not None:
            os.unlink(path)
    except OSError:
        return None
    return data


def write_record(path, data):
    Path(path).write_bytes(marshal.dumps(data))
    with contextlib.suppress(FileNotFoundError):
        os.unlink(path[:-len(RECORD)] + ".json")  # the JSON an earlier version wrote


def file_stamp(path):
    """A file's size and time, None when there is none."""
    try:
        stat = os.stat(path)
    except OSError:
        return None
    return [stat.st_size, stat.st_mtime_ns]


def output_record(output, written, previous=None, kept=()):
    """What tells, later, that the output is still as this build left it:
    the files `written` by this build, stamped now, and those `kept` in
    place as the `previous` record ({name: stamp}) has them (`_keep`
    checked each). Taken in the previous record's order, not sorted anew:
    sorting the names of every file was 0.3 s of a rebuild at 100,000 notices."""
    files = {name: stamp for name, stamp in (previous or {}).items() if name in kept}
    files.update((name, file_stamp(os.path.join(output, name))) for name in sorted(written))
    return {"folder": folder_stamp(output), "files": files}


def output_as_recorded(output, record):
    try:
        return record["folder"] == folder_stamp(output) and all(
            file_stamp(os.path.join(output, name)) == stamp for name, stamp in record["files"].items())
    except (OSError, KeyError, TypeError, AttributeError):
        return False


def folder_stamp(folder):
    """What changes when the folder is replaced or an entry at its top is
    added or removed by hand."""
    stat = os.stat(folder)
    return [stat.st_dev, stat.st_ino, stat.st_mtime_ns]


REUSE = PageReuse()


class ReusingWriter(Writer):
    def __init__(self, output_path, settings=None):
        super().__init__(output_path, settings=settings)
        REUSE.start(self.settings, output_path)

    def write_file(self, name, template, context, *args, **kwargs):
        article = kwargs.get("article")
        if article is not None and name and REUSE.take(name, article):
            return
        return super().write_file(name, template, context, *args, **kwargs)
