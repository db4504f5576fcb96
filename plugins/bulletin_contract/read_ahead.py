"""Notices that are not in the cache are read on both cores.

Reading a notice (its front matter and field rules, Markdown and the
sanitizer) depends only on its bytes and the build's rules, read at the
start (STATE). A build with many files to read, a cold one above all, read
them one after the other while the second core waited for Pagefind, which
starts only when pages are written. So before Pelican reads the notices, a
forked process reads half of those the cache does not have while this one
reads the other half, and both halves go into Pelican's reader cache, where
Pelican's own reading finds them. A file with problems is not cached: Pelican
reads it again in this process, which reports its problems as always.
"""
import gc
import os

from pelican.generators import ArticlesGenerator

from .beside import beside
from .reader import STATE

MIN_FILES = 200  # fewer are read sooner than a process starts
_NOTHING = (None, None)  # a content cache's entry: (the file's stamp, what was kept of it)


def _read(reader, paths):
    """[(path, (content, values))] of the files the reader took. A file it
    refused is left to Pelican, which reads it again: its problems are
    reported then, once."""
    # What is read lives to the end of the build, and full collections
    # walked all of it again as it grew (6 s of reading 100,000 notices):
    # they wait until the reading is done. The young generations still free
    # the few cycles each file's reading leaves.
    thresholds = gc.get_threshold()
    gc.set_threshold(thresholds[0], thresholds[1], 1 << 30)
    read = []
    try:
        for path in paths:
            problems = len(STATE.problems)
            try:
                content, values = reader.read(path)
            except Exception:  # noqa: BLE001 (Pelican reads it again and says what failed)
                continue
            finally:
                del STATE.problems[problems:]
            if values.get("status") != "skip":
                read.append((path, (content, values)))
    finally:
        gc.set_threshold(*thresholds)
    return read


def cached_entries(generator):
    """{file: what the notices' generator's content cache holds for the file
    as it is now (None: nothing)}, of every notice file. Asked once per
    build, here and as bulletin_incremental loads the kept notices: asking
    for each file's stamp twice was 0.2 s of a rebuild at 100,000 notices."""
    entries = generator.__dict__.get("_cache_entries")
    if entries is None:
        settings = generator.settings
        files = generator.get_files(settings["ARTICLE_PATHS"], exclude=settings["ARTICLE_EXCLUDES"])
        # FileStampDataCacher.get_cached_data, without asking for the stamp
        # of a file the cache has nothing of (every file in a cold build)
        cache, stamp_of = generator._cache, generator._get_file_stamp
        entries = generator._cache_entries = {}
        for f in files:
            stamp, data = cache.get(f, _NOTHING)
            entries[f] = data if stamp is not None and stamp == stamp_of(f) else None
    return entries


def read_uncached(generator):
    settings = generator.settings
    if not isinstance(generator, ArticlesGenerator) or not settings.get("CACHE_CONTENT"):
        return  # without Pelican's cache, what is read here would not reach Pelican
    readers = generator.readers
    reader = readers.readers.get("md")
    missing = []
    for f, entry in cached_entries(generator).items():
        # Pelican takes a notice from the Articles its generator keeps (its
        # "generator" layer), else from its reader's cache: a file either has
        # is not read. In a rebuild the generator keeps nearly every one.
        if f.endswith(".md") and entry is None:
            path = os.path.abspath(os.path.join(generator.path, f))
            if readers.get_cached_data(path, None) is None:
                missing.append(path)
    missing.sort()  # the same halves each time; sorting every file first took 0.1 s at 100,000
    if reader is None or len(missing) < MIN_FILES:
        return
    half = len(missing) // 2
    theirs = beside(_read, reader, missing[half:])
    for path, data in _read(reader, missing[:half]) + theirs.result():
        readers.cache_data(path, data)
