"""Pagefind's filter indexes in a stable order, so two builds give the same bytes.

Pagefind 1.5 writes each filter's values, and the list of filters in its
metadata file, from hash maps: every run orders them differently, and since
files are named by their content, the names change too (Pagefind's issue 638:
"filter/metadata indexes" still change between builds). This rewrites those
files with their entries sorted and names them by the new content. Only
files whose encoding this module reproduces exactly are touched; anything
else is left as Pagefind wrote it.

The files are gzip of b"pagefind_dcd" and CBOR: a filter file is
[key, [[value, [page, ...]], ...]]; the metadata file is
[version, pages, index chunks, [[filter key, file hash], ...], sorts, meta keys].
"""
import gzip
import hashlib
import json
import logging
import struct
from pathlib import Path

log = logging.getLogger(__name__)
SIGNATURE = b"pagefind_dcd"


class Unknown(ValueError):
    """A CBOR item this small codec does not handle."""


def _head(data, pos):
    major, info = data[pos] >> 5, data[pos] & 31
    pos += 1
    if info < 24:
        return major, info, pos
    size = {24: 1, 25: 2, 26: 4, 27: 8}.get(info)
    if size is None:
        raise Unknown(f"CBOR additional info {info}")
    return major, int.from_bytes(data[pos:pos + size], "big"), pos + size


def decode(data, pos=0):
    """(item, next position) for unsigned ints, text, byte strings, arrays and maps."""
    major, value, pos = _head(data, pos)
    if major == 0:
        return value, pos
    if major in (2, 3):
        chunk = bytes(data[pos:pos + value])
        return (chunk if major == 2 else chunk.decode("utf-8")), pos + value
    if major == 4:
        items = []
        for _ in range(value):
            item, pos = decode(data, pos)
            items.append(item)
        return items, pos
    if major == 5:
        pairs = []
        for _ in range(value):
            key, pos = decode(data, pos)
            item, pos = decode(data, pos)
            pairs.append((key, item))
        return dict(pairs), pos
    raise Unknown(f"CBOR major type {major}")


def _encode_head(major, value):
    if value < 24:
        return bytes([major << 5 | value])
    for info, fmt in ((24, ">B"), (25, ">H"), (26, ">I"), (27, ">Q")):
        try:
            return bytes([major << 5 | info]) + struct.pack(fmt, value)
        except struct.error:
            continue
    raise Unknown(f"integer {value}")


def encode(item):
    if isinstance(item, bool) or item is None:
        raise Unknown(repr(item))
    if isinstance(item, int):
        if item < 0:
            raise Unknown(repr(item))
        return _encode_head(0, item)
    if isinstance(item, bytes):
        return _encode_head(2, len(item)) + item
    if isinstance(item, str):
        raw = item.encode("utf-8")
        return _encode_head(3, len(raw)) + raw
    if isinstance(item, list):
        return _encode_head(4, len(item)) + b"".join(encode(i) for i in item)
    if isinstance(item, dict):
        return _encode_head(5, len(item)) + b"".join(encode(k) + encode(v) for k, v in item.items())
    raise Unknown(repr(item))


def read(path):
    """The CBOR item of a Pagefind file, if it re-encodes to the same bytes."""
    raw = gzip.decompress(path.read_bytes())
    if not raw.startswith(SIGNATURE):
        raise Unknown(f"{path.name}: no Pagefind signature")
    item, end = decode(raw, len(SIGNATURE))
    if end != len(raw) or SIGNATURE + encode(item) != raw:
        raise Unknown(f"{path.name}: not reproduced exactly")
    return item


def write(folder, prefix, suffix, item, digits):
    """Write `item` as Pagefind would, named by its content; returns the hash."""
    raw = SIGNATURE + encode(item)
    name = f"{prefix}{hashlib.sha256(raw).hexdigest()[:digits]}"
    (folder / f"{name}{suffix}").write_bytes(gzip.compress(raw, compresslevel=9, mtime=0))
    return name


def stabilize(bundle):
    """Sort the filter files and the metadata file's filter list in `bundle`
    (a site's pagefind/ folder) and rename them by their new content."""
    bundle = Path(bundle)
    entry_path = bundle / "pagefind-entry.json"
    entry = json.loads(entry_path.read_text(encoding="utf-8"))
    try:
        for language in entry["languages"].values():
            language["hash"] = _stabilize_language(bundle, language["hash"])
    except (Unknown, KeyError, IndexError, TypeError, ValueError, OSError) as err:
        log.warning("Search index left in Pagefind's own order: %s", err)
        return
    entry_path.write_text(json.dumps(entry, ensure_ascii=False, separators=(",", ":")), encoding="utf-8")


def _stabilize_language(bundle, meta_hash):
    meta_path = bundle / f"pagefind.{meta_hash}.pf_meta"
    meta = read(meta_path)
    filters = meta[3]
    prefix = meta_hash.split("_")[0] + "_"
    renamed = []
    for key, file_hash in filters:
        path = bundle / "filter" / f"{file_hash}.pf_filter"
        name, values = read(path)
        new_hash = write(bundle / "filter", prefix, ".pf_filter", [name, sorted(values)], len(file_hash) - len(prefix))
        if new_hash != file_hash:
            path.unlink()
        renamed.append([key, new_hash])
    meta[3] = sorted(renamed)
    new_meta = write(bundle, f"pagefind.{prefix}", ".pf_meta", meta, len(meta_hash) - len(prefix))
    new_meta = new_meta.removeprefix("pagefind.")
    if new_meta != meta_hash:
        meta_path.unlink()
    return new_meta
