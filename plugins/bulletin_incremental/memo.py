"""What Pelican works out again and again for the same file in one build.

A rebuild after one changed notice still passes every notice through
Pelican, and two pieces of that work were a third of it at 20,000 notices:
- a notice's path relative to the content folder, made from scratch with
  os.path.abspath and relpath five times per notice (its address, its
  save_as, its place in the list of sources). It depends only on the two
  paths and, for a relative one, the working folder: remembered, and for
  the usual case (an absolute, normalised path inside an absolute,
  normalised content folder) cut from the path instead of made by relpath.
- a content file's stamp for Pelican's cache, its SHA-256 read from disk
  three times per file. `bulletin build` has already hashed every content
  file (unchanged.py): while its build runs, Pelican takes those digests.
And the notices' generator walked the content folder three times (files of
disabled readers, files to read ahead, files to read): a generator now
walks a folder once and picks each time the files of the extensions asked.
Its pass over every notice to refresh the links in formatted metadata
fields does nothing when there are none (`FORMATTED_FIELDS = []`), and
took 0.3 s at 100,000 notices: it is skipped then.
A notice's address and file name, which the contract gives Pelican
(`override_url`, `override_save_as`), are asked for several times per
notice in a build: they are taken as they are, without Pelican's general
lookup (1 µs each time). And a notice's text is searched for links to the
content folder's files in every build, with a regular expression made again
for each; with Pelican's default form of those links ({static}, |static|),
a text without "{" or "|" has none.
"""
import contextlib
import fnmatch
import os
import re

from pelican.cache import FileStampDataCacher
from pelican.contents import Content
from pelican.generators import ArticlesGenerator, CachingGenerator, Generator
from pelican.settings import DEFAULT_CONFIG

_pelican_relative_path = Content.get_relative_source_path
_pelican_file_stamp = FileStampDataCacher._get_file_stamp
_pelican_generator_stamp = CachingGenerator._get_file_stamp
_pelican_get_files = Generator.get_files  # Pelican's own, for tests to compare with
_pelican_refresh_links = ArticlesGenerator.refresh_metadata_intersite_links
_pelican_static_links = Content.get_static_links
_relative_paths = {}
_digests = {}  # {path: SHA-256 digest} of the content files, only while a build uses them


def _relative_source_path(self, source_path=None):
    folder, path = self.settings["PATH"], source_path or self.source_path
    # the working folder counts only for a relative path (and asking for it is a system call)
    key = (folder, path) if isinstance(path, str) and path[:1] == "/" == folder[:1] else (folder, path, os.getcwd())
    value = _relative_paths.get(key)
    if value is None:
        _relative_paths[key] = value = _inside(folder, path) or _pelican_relative_path(self, source_path)
    return value


def _absolute(path):
    return isinstance(path, str) and path.startswith("/")


def _inside(folder, path):
    """`path` relative to `folder` when both are absolute and normalised and
    one is inside the other, as relpath would make it; else None."""
    if os.sep == "/" and _absolute(folder) and isinstance(path, str) and path.startswith(folder + "/") \
            and os.path.normpath(folder) == folder and os.path.normpath(path) == path:
        return path[len(folder) + 1:]
    return None


def _file_stamp(self, filename):
    if self.settings["CHECK_MODIFIED_METHOD"] == "sha256":
        digest = _digests.get(filename)
        if digest is not None:
            return digest
    return _pelican_file_stamp(self, filename)


def _generator_file_stamp(self, filename):
    """A generator's stamp of a file relative to its folder: the digest
    taken, found without os.path.join and two more calls per file (asked
    of every notice in every build)."""
    if _digests and self.settings["CHECK_MODIFIED_METHOD"] == "sha256" and not filename.startswith("/"):
        digest = _digests.get(self.path + "/" + filename)
        if digest is not None:
            return digest
    return _pelican_generator_stamp(self, filename)


def source_digest(path):
    """The digest of the content file `path` this build hashed, or None."""
    return _digests.get(path)


@contextlib.contextmanager
def content_digests(digests):
    """Pelican's cache takes these digests (`{path: sha256 digest}`, made
    just now from the files' bytes) as the stamps of those files while the
    block runs."""
    _digests.update(digests)
    try:
        yield
    finally:
        _digests.clear()


def _get_files(self, paths, exclude=None, extensions=None):
    paths = [paths] if isinstance(paths, str) else paths
    walks = self.__dict__.setdefault("_walks", {})  # a generator lives for one build
    key = (tuple(paths), tuple(exclude or ()))
    if key not in walks:
        # {file: its extension}, as Pelican's own picking takes it
        walks[key] = _walk(self, paths, exclude or ())
    if extensions is None:
        extensions = tuple(self.readers.extensions)
    if extensions is False:
        return set(walks[key])
    # picked once per extensions asked: the notices' generator asks six times
    picked = self.__dict__.setdefault("_picked", {})
    chosen = (key, tuple(extensions))
    if chosen not in picked:
        picked[chosen] = frozenset(f for f, extension in walks[key].items() if extension in extensions)
    return set(picked[chosen])


def _walk(self, paths, exclude):
    """{file: its extension} of Pelican's get_files(paths, exclude, False):
    the same walk, with one regular expression for IGNORE_FILES instead of
    fnmatch per pattern per file and a join per file (Pelican's took a
    twentieth of a rebuild after one changed notice)."""
    excluded = {}
    for name in exclude:
        parent, folder = os.path.split(os.path.join(self.path, name))
        excluded.setdefault(parent, set()).add(folder)
    ignores = self.settings["IGNORE_FILES"]
    ignored = re.compile("|".join(fnmatch.translate(os.path.normcase(p)) for p in ignores)).match if ignores \
        else (lambda name: None)
    files = {}
    for path in paths:
        root = os.path.join(self.path, path) if path else self.path
        if os.path.isdir(root):
            for folder, folders, names in os.walk(root, topdown=True, followlinks=True):
                skip = excluded.get(folder, ())
                folders[:] = [d for d in folders if d not in skip and not ignored(os.path.normcase(d))]
                start = os.path.join(os.path.relpath(folder, self.path), "")
                for name in names:
                    if not ignored(os.path.normcase(name)):
                        files[start + name] = os.path.splitext(name)[1][1:]
        elif os.path.exists(root) and not ignored(os.path.normcase(os.path.basename(path))):
            files[path] = os.path.splitext(os.path.basename(path))[1][1:]
    return files


def _refresh_links(self):
    if self.settings["FORMATTED_FIELDS"]:
        _pelican_refresh_links(self)


def _as_given(name):
    """Pelican's property `name` (url, save_as), taking the value the
    contract gave (`override_<name>`) as it is, else working it out as Pelican does."""
    given, pelicans = "override_" + name, getattr(Content, name).fget

    def get(self):
        try:
            return self.__dict__[given]
        except KeyError:
            return pelicans(self)

    get.pelicans = pelicans  # for tests
    return get


_url, _save_as = _as_given("url"), _as_given("save_as")


def _static_links(self):
    text = self._content
    if isinstance(text, str) and "{" not in text and "|" not in text \
            and self.settings["INTRASITE_LINK_REGEX"] == DEFAULT_CONFIG["INTRASITE_LINK_REGEX"]:
        return set()
    return _pelican_static_links(self)


def install():
    Content.get_relative_source_path = _relative_source_path
    FileStampDataCacher._get_file_stamp = _file_stamp
    CachingGenerator._get_file_stamp = _generator_file_stamp
    Generator.get_files = _get_files
    ArticlesGenerator.refresh_metadata_intersite_links = _refresh_links
    Content.url, Content.save_as = property(_url), property(_save_as)
    Content.get_static_links = _static_links
