"""The site's icon: a notice sheet with three lines of text on the accent
colour, drawn from rectangles, so the same picture comes out as SVG and as
PNG files of any size (written here with zlib, no imaging library)."""
import struct
import zlib

# (x, y, width, height) in a 16 x 16 square, and the colour of each.
BACKGROUND = "#00507a"
SHEET = "#ffffff"
RECTANGLES = [
    ((0, 0, 16, 16), BACKGROUND),
    ((3.5, 2, 9, 12), SHEET),
    ((5, 4.5, 6, 1.2), BACKGROUND),
    ((5, 7.2, 6, 1.2), BACKGROUND),
    ((5, 9.9, 4, 1.2), BACKGROUND),
]


def svg():
    shapes = "".join(f'<rect x="{x}" y="{y}" width="{w}" height="{h}" fill="{colour}"/>'
                     for (x, y, w, h), colour in RECTANGLES)
    return f'<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 16 16">{shapes}</svg>\n'.encode()


def _rgb(colour):
    return bytes.fromhex(colour[1:])


def png(size):
    """The icon as an RGB PNG of size x size pixels."""
    scale = size / 16
    rows = [bytearray(_rgb(BACKGROUND) * size) for _ in range(size)]
    for (x, y, w, h), colour in RECTANGLES[1:]:
        left, right = round(x * scale), round((x + w) * scale)
        top, bottom = round(y * scale), round((y + h) * scale)
        for row in rows[top:bottom]:
            row[left * 3:right * 3] = _rgb(colour) * (right - left)
    raw = b"".join(b"\x00" + bytes(row) for row in rows)

    def chunk(kind, data):
        return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data))

    header = struct.pack(">IIBBBBB", size, size, 8, 2, 0, 0, 0)
    return b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", header) + chunk(b"IDAT", zlib.compress(raw, 9)) + chunk(b"IEND", b"")


def ico(sizes=(16, 32, 48)):
    """favicon.ico holding PNG images (as every browser since 2007 reads)."""
    images = [png(size) for size in sizes]
    head = struct.pack("<HHH", 0, 1, len(images))
    offset = len(head) + 16 * len(images)
    entries = b""
    for size, data in zip(sizes, images):
        entries += struct.pack("<BBBBHHII", size % 256, size % 256, 0, 0, 1, 32, len(data), offset)
        offset += len(data)
    return head + entries + b"".join(images)
