"""Images attached to an e-mailed notice (a poster, a photo), made fit to
publish: known by their content (PNG, JPEG or WebP, whatever the name or
the mail says), at most 1600 px wide, turned upright, and written again
without their metadata, since a phone's photo carries where it was taken.
"""
import io
import re
import unicodedata
import warnings
from dataclasses import dataclass
from pathlib import Path

from PIL import ExifTags, Image, ImageOps

from bulletin_contract.problems import Problem

from .signature import PHONE

MAX_WIDTH = 1600  # wide enough for a poster on any screen, a fraction of a phone photo's bytes
# Pixels decoded at once, at most (up to 100 MB, a few times that while the
# picture is made fit): a 6000 x 4000 camera's photo, an A3 poster at 300
# dpi. Told by the picture's header before any is decoded; a JPEG is decoded
# at a smaller scale first (_draft), so a phone's 50-megapixel photo is no more.
MOST_PIXELS = 25_000_000
# Smaller on both sides: a signature's logo or a social media icon, not a
# poster (a phone's photo or a poster is never that small).
ICON_SIDE = 200
# Pictures one notice takes: a poster and some photos. Each is opened in
# full before any is refused, so the bound is also on the work a mail makes.
MOST_PICTURES = 10
_SUFFIXES = {"JPEG": ".jpg", "PNG": ".png", "WEBP": ".webp"}  # what Pillow may read them as
_KEEPS_ALPHA = {"PNG", "WEBP"}
# Read only to tell a signature's logo (Outlook's image001.gif), left out
# as any icon, from a picture that is refused.
_ICON_ONLY = ["GIF"]
_MAX_PROFILE = 256 * 1024  # a screen's colour profile is a few kilobytes
_MARKUP = re.compile(r"[\[\]()<>`*_\\!{}|#]")


@dataclass
class Poster:
    image: Image.Image
    format: str
    name: str  # the attachment's name, as sent

    @property
    def suffix(self):
        return _SUFFIXES[self.format]

    @property
    def is_icon(self):
        return max(self.image.size) < ICON_SIDE


def read_poster(attachment, source, t):
    """A Poster from an attachment, or a Problem naming it. A small file that
    would unpack huge is refused by the size its header gives (MOST_PIXELS,
    and Pillow's MAX_IMAGE_PIXELS as the header is read), before decoding."""
    def refuse(key):
        return Problem(source, attachment.line, t(key, name=attachment.name, most=MOST_PIXELS // 1_000_000)).as_error()

    with warnings.catch_warnings():
        warnings.simplefilter("error", Image.DecompressionBombWarning)
        try:
            image = Image.open(io.BytesIO(attachment.data), formats=list(_SUFFIXES) + _ICON_ONLY)
        except (Image.DecompressionBombWarning, Image.DecompressionBombError):
            raise refuse("mail_err_image_too_large") from None
        except Exception:  # noqa: BLE001 — no PNG, JPEG or WebP Pillow can read
            raise refuse("mail_err_attachment") from None
        # Only the header is read so far: what is refused by its size is never decoded.
        if image.format in _ICON_ONLY and max(image.size) >= ICON_SIDE:
            raise refuse("mail_err_attachment")
        # A progressive JPEG's coefficients are kept whole until its last
        # scan, however small it is drafted: it counts at its full size.
        if image.info.get("progressive") and image.width * image.height > MOST_PIXELS:
            raise refuse("mail_err_image_too_large")
        _draft(image)
        if image.width * image.height > MOST_PIXELS:
            raise refuse("mail_err_image_too_large")
        try:
            image.load()
            # An iPhone's JPEG with a depth map is read as MPO: its first picture is the photo.
            kind = "JPEG" if image.format == "MPO" else image.format
            poster = Poster(_fitted(image), kind, attachment.name)
        except (Image.DecompressionBombWarning, Image.DecompressionBombError):
            raise refuse("mail_err_image_too_large") from None
        except Exception:  # noqa: BLE001 — a picture of its kind, but cut off (a mail cut on its way) or broken
            raise refuse("mail_err_image_broken") from None
    return poster


def _draft(image):
    """Make a JPEG decode at the smallest of its scales (1/2, 1/4, 1/8)
    that is still MAX_WIDTH wide once upright; other kinds decode whole
    (and a PNG's EXIF may follow its pixels: not read here)."""
    if image.format not in ("JPEG", "MPO"):
        return
    on_its_side = image.getexif().get(ExifTags.Base.Orientation) in (5, 6, 7, 8)
    if (image.height if on_its_side else image.width) > MAX_WIDTH:
        image.draft(None, (1, MAX_WIDTH) if on_its_side else (MAX_WIDTH, 1))


def _fitted(image):
    """Upright (as the camera's EXIF says), at most MAX_WIDTH wide, in a mode
    its format writes; with no metadata but its colour profile."""
    icc = image.info.get("icc_profile")
    transparent = image.format in _KEEPS_ALPHA and ("A" in image.mode or "transparency" in image.info)
    image = ImageOps.exif_transpose(image)
    image = image.convert("RGBA" if transparent else "L" if image.mode == "L" else "RGB")
    if image.width > MAX_WIDTH:
        height = max(1, round(image.height * MAX_WIDTH / image.width))
        image = image.resize((MAX_WIDTH, height), Image.Resampling.LANCZOS)
    # The profile stays only where it describes the colours written (a
    # print shop's CMYK one does not, once made RGB) and is of a screen's size.
    space = b"GRAY" if image.mode == "L" else b"RGB "
    image.info = {"icc_profile": icc} if icc and icc[16:20] == space and len(icc) <= _MAX_PROFILE else {}
    return image


def alt_text(name, title):
    """The picture's description from its file name, unless that is a
    camera's (IMG_1234.jpeg) or a client's (image001.png), or names a phone
    number or an e-mail address (never published without consent): then
    the title. Without the characters that are Markdown's own in
    `![...](...)`, nor invisible ones (U+202E would turn the text around)."""
    stem = visible(Path(name).stem).replace("_", " ").replace("-", " ").strip()
    letters = sum(c.isalpha() for c in stem)
    camera = stem.lower().startswith(("img", "image", "dsc", "pxl", "photo", "screenshot", "kuva", "whatsapp"))
    contact = PHONE.search(stem) or "@" in stem
    text = title if camera or letters < 3 or contact else stem
    return " ".join(_MARKUP.sub(" ", visible(text)).split())


def visible(text):
    """`text` without control, format and unassigned characters: a line
    break, or U+202E that shows what follows backwards."""
    return "".join(c for c in text if unicodedata.category(c)[0] != "C")


def save(poster, folder, stem, number=1):
    """Write the poster as <stem><suffix> (the first) or <stem>-<number><suffix>,
    the next number where that is taken, never over a file; returns its path."""
    folder.mkdir(parents=True, exist_ok=True)
    options = {"quality": 85} if poster.format in ("JPEG", "WEBP") else {}
    if poster.image.info.get("icc_profile"):
        options["icc_profile"] = poster.image.info["icc_profile"]
    while True:
        path = folder / f"{stem if number == 1 else f'{stem}-{number}'}{poster.suffix}"
        try:
            out = open(path, "xb")
        except FileExistsError:
            number += 1
            continue
        with out:
            try:
                poster.image.save(out, poster.format, **options)
            except BaseException:
                path.unlink()
                raise
        return path
