"""`bulletin add` with whole e-mails as mail clients send them (tests/mail/):
the text part by its charset, signatures dropped or refused, posters
resized without their metadata, and what a built page says of them."""
import base64
import io
import json
import os
import struct
import subprocess
import sys
import zlib
from email.message import EmailMessage
from html import escape
from pathlib import Path

import pytest
from PIL import Image, ImageFile, PngImagePlugin

from bulletin_cli.cli import main
from bulletin_cli.html_text import html_to_text
from bulletin_cli.signature import Unsure, split_signature
from conftest import ROOT, event_text, notice_text

pytestmark = pytest.mark.usefixtures("example_today")

MAIL = Path(__file__).parent / "mail"
LOCAL = "http://127.0.0.1:8000"
GPS = {1: "N", 2: (61.0, 10.0, 30.5), 3: "E", 4: (28.0, 46.0, 12.0)}  # Imatrankoski


def photo(size, fmt="JPEG", orientation=None, mode="RGB"):
    """A picture as a phone saves it: camera and GPS details in its EXIF."""
    image = Image.new(mode, size, "white")
    for x in range(0, size[0], 97):  # something to resize, not a flat colour
        image.paste("navy" if mode == "RGB" else (0, 0, 128, 255), (x, 0, x + 40, size[1]))
    exif = Image.Exif()
    exif[0x010F], exif[0x0110] = "Apple", "iPhone 15"
    if orientation:
        exif[0x0112] = orientation
    exif.get_ifd(0x8825).update(GPS)
    more = {"JPEG": {"xmp": b"<x:xmpmeta><City>Imatrankoski</City></x:xmpmeta>"},
            "PNG": {"pnginfo": PngImagePlugin.PngInfo()}}.get(fmt, {})
    if fmt == "PNG":
        more["pnginfo"].add_text("Location", "Imatrankoski")
    out = io.BytesIO()
    image.save(out, fmt, exif=exif.tobytes(), **more)
    return out.getvalue()


def encoded(data):
    return base64.encodebytes(data)


def test_the_test_pictures_carry_what_must_not_be_published():
    for fmt in ("JPEG", "PNG", "WEBP"):
        data = photo((300, 200), fmt)
        with Image.open(io.BytesIO(data)) as image:
            assert image.getexif().get_ifd(0x8825)[1] == "N" and b"iPhone 15" in data
        assert fmt == "WEBP" or b"Imatrankoski" in data


@pytest.fixture(scope="module")
def pictures():
    # The iPhone's poster is stored on its side (3394 x 2400) with EXIF
    # orientation 6: upright it is 2400 x 3394, so 1600 x 2263 once fitted.
    return {
        b"@@POSTER_JPEG_BASE64@@": encoded(photo((3394, 2400), orientation=6)),
        b"@@POSTER_PNG_BASE64@@": encoded(photo((1200, 1700), "PNG", mode="RGBA")),
        b"@@PHOTO_JPEG_BASE64@@": encoded(photo((2000, 1500))),
    }


def message(name, tmp_path, pictures):
    """tests/mail/<name> with its attachments' pictures put in, as a file."""
    raw = (MAIL / name).read_bytes()
    for marker, data in pictures.items():
        raw = raw.replace(marker, data)
    path = tmp_path / name
    path.write_bytes(raw)
    return path


def add(site, path, capsys):
    status = main(["add", str(path), "--content", str(site.content)])
    out, err = capsys.readouterr()
    return status, [Path(line) for line in out.split()], err


def body_of(path):
    return path.read_text(encoding="utf-8").split("\n---\n", 1)[1]


def images(site):
    return sorted(p.name for p in (site.content / "images").glob("*")) if (site.content / "images").exists() else []


def assert_clean(path, width):
    data = path.read_bytes()
    with Image.open(path) as image:
        assert image.width == width
        assert len(image.getexif()) == 0 and "exif" not in image.info and "xmp" not in image.info
    assert b"Exif" not in data and b"iPhone 15" not in data and b"Apple" not in data and b"Imatrankoski" not in data


# --- the text part --------------------------------------------------------------

def test_gmail_takes_the_plain_part_decoded_from_quoted_printable(site, tmp_path, capsys, pictures):
    status, paths, err = add(site, message("gmail-alternative.eml", tmp_path, pictures), capsys)
    assert status == 0, err
    text = paths[0].read_text(encoding="utf-8")
    assert 'title: "Joulumyyjäiset kerhohuoneella"' in text
    # the plain part's Markdown, not the HTML part's <b>; a line QP wrapped is one line again
    assert body_of(paths[0]) == ("Myynnissä joulupipareita, villasukkia ja arpoja. Tuotto käytetään kevään retkeen, "
                                 "jonne kaikki jäsenet ovat tervetulleita.\n\n*Tervetuloa!*\n")
    assert site.check() == 0
    status, again, err = add(site, message("gmail-alternative.eml", tmp_path, pictures), capsys)
    assert status == 1 and again == [] and f"Sama ilmoitus on jo tiedostossa {paths[0]}" in err


def test_outlook_html_only_in_windows_1252(site, tmp_path, capsys, pictures):
    status, paths, err = add(site, message("outlook-html-1252.eml", tmp_path, pictures), capsys)
    assert status == 0, err
    text = paths[0].read_text(encoding="utf-8")
    assert 'title: "Kevätkokous – sääntömääräinen"' in text  # the en dash is windows-1252's own byte
    assert body_of(paths[0]) == (
        "Kevätkokous pidetään maaliskuussa. Kokouksessa käsitellään sääntöjen määräämät asiat, ja jäsenmaksu on "
        "10 €.\nKokousasiakirjat ovat nähtävillä yhdistyksen sivuilla <https://example.org/asiakirjat>.\n")
    assert "MsoNormal" not in text and "font-family" not in text and "040 765 4321" not in text
    assert "Rivi 14 (viestin HTML-osasta luettu teksti): lopputervehdys puhelinnumeroineen jätettiin pois" in err
    assert "Ystävällisin terveisin / Pekka Mäkinen / puheenjohtaja / puh. 040 765 4321" in err
    assert site.check() == 0


def test_a_reply_above_the_quoted_message(site, tmp_path, capsys, pictures):
    status, paths, err = add(site, message("quoted-reply.eml", tmp_path, pictures), capsys)
    assert status == 0, err
    assert body_of(paths[0]) == "Lähdemme yhteiselle kevätretkelle Rauhaan. Retken hinta jäsenille on 15 euroa.\n"
    assert "Rivi 16: lainattu aiempi viesti jätettiin pois: la 28.11.2026 klo 10.03" in err
    assert site.check() == 0


def test_a_forwarded_message_after_the_forwarders_own_signature(site, tmp_path, capsys, pictures):
    status, paths, err = add(site, message("forwarded.eml", tmp_path, pictures), capsys)
    assert status == 0, err
    assert body_of(paths[0]) == ("Kuntosalivuorot ovat joulun ja loppiaisen välillä tauolla. Vuorot jatkuvat taas "
                                 "tiistaina 12.1.2027.\n")
    assert "sähköpostiohjelman lisäämä teksti jätettiin pois: Lähetetty Android-puhelimesta" in err
    assert site.check() == 0


def test_a_message_forwarded_as_an_attachment_in_iso_8859_1(site, tmp_path, capsys, pictures):
    status, paths, err = add(site, message("forwarded-as-attachment.eml", tmp_path, pictures), capsys)
    assert status == 0, err
    assert body_of(paths[0]) == "Pelataan bingoa ja juodaan päiväkahvit. Mukaan mahtuu 30 pelaajaa.\n"


def test_a_closing_with_a_name_and_phone_is_dropped_and_said(site, tmp_path, capsys, pictures):
    status, paths, err = add(site, message("signature-phone.eml", tmp_path, pictures), capsys)
    assert status == 0, err
    text = paths[0].read_text(encoding="utf-8")
    # format=flowed: the line the client wrapped is one line again
    assert body_of(paths[0]) == ("Lukupiirissä luetaan tällä kertaa Minna Canthin novelleja. Uudet lukijat ovat "
                                 "tervetulleita, ja kirjoja saa lainata kirjastosta.\n")
    assert "040" not in text and "Aila Virtanen" not in text
    assert ("Rivi 14: lopputervehdys puhelinnumeroineen jätettiin pois (puhelinnumeroa ei julkaista ilman lupaa): "
            "Ystävällisin terveisin / Aila Virtanen / sihteeri, Testikylän Eläkkeensaajat ry / 040 123 4567") in err
    assert site.check() == 0


def test_a_message_piped_from_a_mailbox_on_standard_input(site):
    raw = (MAIL / "piped-from-mailbox.eml").read_bytes()
    assert raw.startswith(b"From aila.virtanen@example.org ")  # the mbox separator line
    env = {**os.environ, "SOURCE_DATE_EPOCH": os.environ["SOURCE_DATE_EPOCH"]}
    done = subprocess.run([sys.executable, "-m", "bulletin_cli.cli", "add", "-", "--content", str(site.content)],
                          input=raw, capture_output=True, cwd=ROOT, env=env, timeout=120)
    assert done.returncode == 0, done.stderr.decode()
    written = Path(done.stdout.decode().strip())
    if not written.is_absolute():
        written = ROOT / written
    assert body_of(written) == ("Neulotaan villasukkia ja lapasia joulupakettien lahjoiksi. Lankoja on tarjolla, "
                                "omat puikot mukaan.\n")  # ISO-8859-1, quoted-printable
    assert "allekirjoitus jätettiin pois ilmoituksesta: -- / Aila" in done.stderr.decode()
    assert site.check() == 0


# --- posters --------------------------------------------------------------------

def test_iphone_poster_is_fitted_without_its_metadata_linked_and_built(site, tmp_path, capsys, pictures):
    mail = message("iphone-poster.eml", tmp_path, pictures)
    status, paths, err = add(site, mail, capsys)
    assert status == 0, err
    notice, poster = paths
    assert poster == site.content / "images" / f"{notice.stem}.jpg"
    assert_clean(poster, 1600)
    with Image.open(poster) as image:
        assert image.format == "JPEG" and image.size == (1600, 2263)  # upright: on its side it would be 1600 x 1131
    assert body_of(notice) == (f"![Joulukonsertti kirkossa]({{static}}/images/{poster.name})\n\n"
                               "Kuoromme joulukonsertti. Vapaa pääsy, ohjelma 10 euroa.\n")
    assert "Lähetetty iPhonesta" not in notice.read_text(encoding="utf-8")
    assert "Rivi 15: sähköpostiohjelman lisäämä teksti jätettiin pois: Lähetetty iPhonesta" in err
    assert f"Liite IMG_0412.jpeg tallennettiin kuvaksi {poster}" in err
    assert site.check() == 0

    # the same e-mail again: refused as the notice it repeats, and no second picture left behind
    status, again, err = add(site, mail, capsys)
    assert status == 1 and again == []
    assert f"Sama ilmoitus on jo tiedostossa {notice}" in err
    assert images(site) == [poster.name]

    assert site.build() == 0
    page = site.page(f"ilmoitukset/{notice.stem}/")
    assert page.find("meta", property="og:image")["content"] == f"{LOCAL}/images/{poster.name}"
    assert page.find("meta", property="og:image:alt")["content"] == "Joulukonsertti kirkossa"
    text = "Kuoromme joulukonsertti. Vapaa pääsy, ohjelma 10 euroa."
    assert page.find("meta", attrs={"name": "description"})["content"] == text
    assert page.find("meta", property="og:description")["content"] == text
    assert (site.output / "images" / poster.name).read_bytes() == poster.read_bytes()


def test_a_poster_alone_is_described_by_its_title(site, tmp_path, capsys, pictures):
    status, paths, err = add(site, message("android-poster-only.eml", tmp_path, pictures), capsys)
    assert status == 0, err
    notice, poster, photo_file = paths
    assert (poster.name, photo_file.name) == (f"{notice.stem}.png", f"{notice.stem}-2.jpg")
    assert_clean(poster, 1200)  # narrow enough: kept at its size, written again without metadata
    assert_clean(photo_file, 1600)
    with Image.open(poster) as image:
        assert image.mode == "RGBA" and image.size == (1200, 1700)
    # alt text from the file's name, or from the title for a camera's name
    assert body_of(notice) == (f"![Tanssi ilta juliste]({{static}}/images/{poster.name})\n\n"
                               f"![Tanssi-ilta nuorisotalolla]({{static}}/images/{photo_file.name})\n")
    assert site.check() == 0
    assert site.build() == 0
    title = "Tanssi-ilta nuorisotalolla"
    page = site.page(f"ilmoitukset/{notice.stem}/")
    assert page.find("meta", attrs={"name": "description"})["content"] == title
    assert page.find("meta", property="og:description")["content"] == title
    assert page.find("meta", property="og:image")["content"] == f"{LOCAL}/images/{poster.name}"
    feed = json.loads((site.output / "syotteet" / "kaikki.json").read_text(encoding="utf-8"))
    # an event's summary in a feed is its time and place, then its description
    assert [item["summary"].split("\n")[-1] for item in feed["items"]] == [title]
    listing = site.page("")
    assert [p.get_text(strip=True) for p in listing.select(".bl-item__summary")] == [title]


def test_attachments_that_are_no_pictures_are_refused_by_name(site, tmp_path, capsys, pictures):
    mail = message("bad-attachments.eml", tmp_path, pictures)
    status, paths, err = add(site, mail, capsys)
    assert status == 1 and paths == []
    lines = err.splitlines()
    assert lines[0].startswith(f"{mail}:22: Liitettä poytakirja.jpg ei voi julkaista: ilmoitukseen voi liittää "
                               "vain PNG-, JPEG- ja WebP-kuvia")
    assert lines[1].startswith(f"{mail}:30: Liitettä kuva.jpg ei voi julkaista")
    assert list((site.content / "notices").rglob("*.md")) == [] and images(site) == []


def png_header_only(width, height):
    """A PNG that says it is width x height: a few bytes that would unpack huge."""
    def chunk(kind, data):
        return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data))
    return (b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", struct.pack(">IIBBBBB", width, height, 8, 2, 0, 0, 0))
            + chunk(b"IDAT", zlib.compress(b"\x00\x00\x00\x00")) + chunk(b"IEND", b""))


def built_mail(tmp_path, *attachments, text=None):
    """A message made with the standard library, for the cases no client sends on purpose."""
    mail = EmailMessage()
    mail["From"], mail["To"], mail["Subject"] = "aila@example.org", "toimitus@example.org", "Ilmoitus"
    mail.set_content(text or notice_text(title="Juliste", body="Teksti julisteen vieressä."))
    for name, data, kind in attachments:
        mail.add_attachment(data, maintype=kind.split("/")[0], subtype=kind.split("/")[1], filename=name)
    path = tmp_path / "viesti.eml"
    path.write_bytes(mail.as_bytes())
    return path


@pytest.mark.parametrize("size", [(30000, 30000), (10000, 10000)])  # past twice the limit, and just past it
def test_a_decompression_bomb_is_refused(site, tmp_path, capsys, size):
    path = built_mail(tmp_path, ("juliste.png", png_header_only(*size), "image/png"))
    status, paths, err = add(site, path, capsys)
    assert status == 1 and paths == []
    assert "Kuvassa juliste.png on liian monta kuvapistettä avattavaksi" in err
    assert images(site) == []


def decoded_sizes(monkeypatch):
    """The size of each picture as its pixels are decoded (filled in by `add`)."""
    sizes = []
    load = ImageFile.ImageFile.load

    def recording(image):
        if image.tile:  # pixels still to decode
            sizes.append(image.size)
        return load(image)
    monkeypatch.setattr(ImageFile.ImageFile, "load", recording)
    return sizes


def test_a_40_megapixel_photo_is_decoded_at_a_fraction_of_its_size(site, tmp_path, capsys, monkeypatch):
    # a phone's 50 MP mode: decoded whole, each photo would take 120 MB and seconds before being made 1600 px wide
    decoded = decoded_sizes(monkeypatch)
    photos = []
    for orientation in (1, 6):  # as taken, and on its side (upright it is 5168 wide)
        exif, out = Image.Exif(), io.BytesIO()
        exif[0x0112] = orientation
        Image.new("RGB", (7744, 5168), "navy").save(out, "JPEG", exif=exif.tobytes())
        photos.append((f"kuva{orientation}.jpg", out.getvalue(), "image/jpeg"))
    status, paths, err = add(site, built_mail(tmp_path, *photos), capsys)
    assert status == 0, err
    for picture in paths[1:]:  # as wide as any other poster
        with Image.open(picture) as image:
            assert image.width == 1600
    assert len(decoded) == 2 and all(width * height <= 7744 * 5168 / 4 for width, height in decoded)


def png_one_bit(width, height):
    """A whole black-and-white PNG: a few kilobytes that decode to a byte a pixel, and three once made RGB."""
    def chunk(kind, data):
        return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data))
    rows = zlib.compress((b"\x00" + bytes((width + 7) // 8)) * height, 9)
    return (b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", struct.pack(">IIBBBBB", width, height, 1, 0, 0, 0, 0))
            + chunk(b"IDAT", rows) + chunk(b"IEND", b""))


def test_a_picture_of_too_many_pixels_is_refused_by_its_header_before_it_is_decoded(site, tmp_path, capsys,
                                                                                   monkeypatch):
    # under Pillow's own limit, yet 64 million pixels: a file of kilobytes that takes hundreds of megabytes to open
    decoded = decoded_sizes(monkeypatch)
    data = png_one_bit(8000, 8000)
    assert len(data) < 20_000
    status, paths, err = add(site, built_mail(tmp_path, ("kartta.png", data, "image/png")), capsys)
    assert status == 1 and paths == [] and images(site) == []
    assert "Kuvassa kartta.png on liian monta kuvapistettä avattavaksi (yli 25 miljoonaa)" in err
    assert decoded == []


def progressive_jpeg_header(width, height):
    """A progressive JPEG that says it is width x height: its scans are a
    small picture's, a few hundred bytes."""
    out = io.BytesIO()
    Image.new("RGB", (64, 48), "navy").save(out, "JPEG", progressive=True)
    data = out.getvalue()
    frame = data.index(b"\xff\xc2") + 5  # SOF2: length, precision, then height and width
    return data[:frame] + struct.pack(">HH", height, width) + data[frame + 4:]


def test_a_progressive_jpeg_of_too_many_pixels_is_refused_by_its_header(site, tmp_path, capsys, monkeypatch):
    # decoded at 1/8 it would be 1000 x 750, but libjpeg keeps every coefficient of a
    # progressive picture whole until its last scan: over a hundred megabytes for these bytes
    decoded = decoded_sizes(monkeypatch)
    status, paths, err = add(site, built_mail(tmp_path, ("juliste.jpg", progressive_jpeg_header(8000, 6000),
                                                         "image/jpeg")), capsys)
    assert status == 1 and paths == [] and images(site) == []
    assert "Kuvassa juliste.jpg on liian monta kuvapistettä avattavaksi (yli 25 miljoonaa)" in err
    assert decoded == []


def test_webp_is_kept_as_webp_without_its_metadata(site, tmp_path, capsys):
    path = built_mail(tmp_path, ("juliste.webp", photo((2400, 1200), "WEBP"), "image/webp"))
    status, paths, err = add(site, path, capsys)
    assert status == 0, err
    assert paths[1].suffix == ".webp"
    assert_clean(paths[1], 1600)


def test_a_picture_is_known_by_its_content_not_its_name(site, tmp_path, capsys):
    # a PNG named .jpg and sent as application/octet-stream is a PNG
    path = built_mail(tmp_path, ("kuva.jpg", photo((400, 300), "PNG"), "application/octet-stream"))
    status, paths, err = add(site, path, capsys)
    assert status == 0, err
    assert paths[1].suffix == ".png"
    # a GIF is no poster here (PNG, JPEG and WebP only); one under 200 px is a logo, left out
    gif = io.BytesIO()
    Image.new("RGB", (300, 300)).save(gif, "GIF")
    path = built_mail(tmp_path, ("kuva.gif", gif.getvalue(), "image/gif"),
                      text=notice_text(title="Toinen", body="Toinen teksti."))
    status, paths, err = add(site, path, capsys)
    assert status == 1 and "Liitettä kuva.gif ei voi julkaista" in err


def test_a_refused_notice_leaves_no_picture_behind(site, tmp_path, capsys):
    path = built_mail(tmp_path, ("juliste.jpg", photo((800, 600)), "image/jpeg"),
                      text=notice_text(association="tuntematon"))
    status, _paths, err = add(site, path, capsys)
    assert status == 1 and "Yhdistystä tuntematon ei löydy" in err
    assert images(site) == []


def test_a_picture_never_overwrites_a_file(site, tmp_path, capsys):
    (site.content / "images").mkdir()
    taken = site.content / "images" / "2026-11-20-juliste.jpg"
    taken.write_bytes(photo((100, 100)))
    before = taken.read_bytes()
    status, paths, err = add(site, built_mail(tmp_path, ("juliste.jpg", photo((800, 600)), "image/jpeg")), capsys)
    assert status == 0, err
    assert paths[1].name == "2026-11-20-juliste-2.jpg" and taken.read_bytes() == before
    assert site.check() == 0


def test_pictures_of_the_html_alternative_count_and_a_logo_is_left_out_and_said(site, tmp_path, capsys):
    # As Apple Mail and Outlook send them: the plain text is read, the
    # pictures sit with the HTML (multipart/related), one of them a logo.
    mail = EmailMessage()
    mail["From"], mail["To"], mail["Subject"] = "aila@example.org", "toimitus@example.org", "Ilmoitus"
    mail.set_content(notice_text(title="Juliste", body="Teksti julisteen vieressä."))
    mail.add_alternative("<p>Teksti julisteen vieressä.</p><img src='cid:juliste'><img src='cid:logo'>",
                         subtype="html")
    html = mail.get_payload()[1]
    html.add_related(photo((1200, 900)), "image", "jpeg", cid="<juliste>", filename="juliste.jpg")
    html.add_related(photo((150, 50), "PNG"), "image", "png", cid="<logo>", filename="image001.png")
    path = tmp_path / "viesti.eml"
    path.write_bytes(mail.as_bytes())
    status, paths, err = add(site, path, capsys)
    assert status == 0, err
    assert [p.name for p in paths[1:]] == ["2026-11-20-juliste.jpg"]
    assert "Kuva image001.png (150 × 50 kuvapistettä) jätettiin pois" in err
    assert body_of(paths[0]).startswith("![juliste]({static}/images/2026-11-20-juliste.jpg)\n\nTeksti")


def test_a_signed_message_is_read_without_its_signature(site, tmp_path, capsys):
    raw = (b'MIME-Version: 1.0\nContent-Type: multipart/signed; protocol="application/pkcs7-signature"; '
           b'micalg=sha-256; boundary="s"\n\n--s\nContent-Type: text/plain; charset=utf-8\n\n'
           + notice_text(title="Allekirjoitettu").encode() + b'\n--s\nContent-Type: application/pkcs7-signature; '
           b'name="smime.p7s"\nContent-Disposition: attachment; filename="smime.p7s"\n'
           b'Content-Transfer-Encoding: base64\n\nMIAGCSqGSIb3DQEHAqCAMIACAQExDzANBglghkgBZQMEAgEFADCABgkqhkiG9w0BBwEAAA==\n--s--\n')
    path = tmp_path / "viesti.eml"
    path.write_bytes(raw)
    status, paths, err = add(site, path, capsys)
    assert status == 0, err
    assert len(paths) == 1 and 'title: "Allekirjoitettu"' in paths[0].read_text(encoding="utf-8")


def test_an_iphone_jpeg_read_as_mpo_is_a_jpeg(site, tmp_path, capsys):
    out = io.BytesIO()
    Image.new("RGB", (1800, 1200), "red").save(out, "MPO", save_all=True,
                                              append_images=[Image.new("RGB", (1800, 1200), "blue")])
    with Image.open(io.BytesIO(out.getvalue())) as image:
        assert image.format == "MPO"
    status, paths, err = add(site, built_mail(tmp_path, ("IMG_0001.JPG", out.getvalue(), "image/jpeg")), capsys)
    assert status == 0, err
    assert paths[1].suffix == ".jpg"
    with Image.open(paths[1]) as image:
        assert image.format == "JPEG" and image.size == (1600, 1067) and image.getpixel((10, 10))[0] > 200


# --- charsets, HTML -------------------------------------------------------------

def test_a_wrong_byte_in_a_text_part_is_refused_not_replaced(site, tmp_path, capsys):
    raw = (b"MIME-Version: 1.0\nContent-Type: text/plain; charset=utf-8\nContent-Transfer-Encoding: 8bit\n\n"
           + notice_text(title="Kevätjuhla").encode("cp1252"))
    path = tmp_path / "viesti.eml"
    path.write_bytes(raw)
    status, paths, err = add(site, path, capsys)
    assert status == 1 and paths == [] and "UTF-8" in err and "\ufffd" not in err


def test_an_unknown_charset_is_named(site, tmp_path, capsys):
    raw = b"MIME-Version: 1.0\nContent-Type: text/plain; charset=x-klingon\n\n" + notice_text().encode()
    path = tmp_path / "viesti.eml"
    path.write_bytes(raw)
    status, _paths, err = add(site, path, capsys)
    assert status == 1 and "merkistöllä x-klingon" in err


def test_html_mail_is_read_as_text_never_as_html(site, tmp_path, capsys):
    html = ("<html><head><style>p {color: red}</style><script>steal()</script></head><body>"
            + "".join(f"<div>{line}</div>" for line in notice_text(body="X").replace('"', "&quot;").splitlines()[:-1])
            + "<div>Teksti &lt;script&gt;alert(1)&lt;/script&gt;</div></body></html>")
    assert "steal" not in html_to_text(html) and "color" not in html_to_text(html)
    raw = b"MIME-Version: 1.0\nContent-Type: text/html; charset=utf-8\n\n" + html.encode()
    path = tmp_path / "viesti.eml"
    path.write_bytes(raw)
    status, paths, err = add(site, path, capsys)
    # what was written as text stays text, and the contract's check refuses it there
    assert status == 1 and paths == [] and "<script>" in err



def test_the_lists_of_an_html_mail_are_lists_on_the_page(site, tmp_path, capsys):
    # Outlook's and phones' HTML-only mail: <ul> and <ol> have no bullets or numbers in their text
    front = "".join(f"<div>{line}</div>" for line in notice_text(body="X").replace('"', "&quot;").splitlines()[:-1])
    html = (f"<html><body>{front}<div>Ohjelma:</div><ul><li>kahvi</li><li>arpajaiset</li></ul>"
            "<div>Näin ilmoittaudut:</div><ol><li>soita</li><li>tule paikalle</li></ol></body></html>")
    path = tmp_path / "viesti.eml"
    path.write_bytes(b"MIME-Version: 1.0\nContent-Type: text/html; charset=utf-8\n\n" + html.encode())
    status, paths, err = add(site, path, capsys)
    assert status == 0, err
    assert site.build() == 0
    body = site.page(f"ilmoitukset/{paths[0].stem}/").select_one(".bl-notice__body")
    assert [li.get_text() for li in body.select("ul > li")] == ["kahvi", "arpajaiset"]
    assert [li.get_text() for li in body.select("ol > li")] == ["soita", "tule paikalle"]


# --- signatures ---------------------------------------------------------------------

NOTICE_LINES = ["Tervetuloa syyskokoukseen."]


@pytest.mark.parametrize("tail, why", [
    (["", "-- ", "Aila Virtanen", "Testikylän Eläkkeensaajat ry"], "mail_dropped_signature"),
    (["", "Lähetetty iPhonesta"], "mail_dropped_client"),
    (["", "Sent from my iPhone"], "mail_dropped_client"),
    (["", "Lähetetty Android-puhelimesta"], "mail_dropped_client"),
    (["", "Hanki Outlook for Android"], "mail_dropped_client"),
    (["", "Get Outlook for iOS"], "mail_dropped_client"),
    (["", "Skickat från min iPad"], "mail_dropped_client"),
    (["", "Отправлено из мобильной Почты Mail.ru"], "mail_dropped_client"),
    (["", "Lähetetty Samsung Galaxy -älypuhelimesta"], "mail_dropped_client"),
    (["", "Lähetetty Windowsin Sähköposti -sovelluksesta"], "mail_dropped_client"),
    (["", "Lähetetty Gmail-mobiilisovelluksesta"], "mail_dropped_client"),
    (["", "Lähetetty Yahoo Mailista Androidille"], "mail_dropped_client"),
    (["", "Lähetetty Mail-sovelluksesta Windows 10:lle"], "mail_dropped_client"),
    (["", "Lähetetty Telia Mail -sovelluksesta"], "mail_dropped_client"),
    (["", "Lähetetty iPhonesta. Pahoittelen kirjoitusvirheitä."], "mail_dropped_client"),
    (["", "Lähetetty puhelimesta, pahoittelut lyhyydestä"], "mail_dropped_client"),
    (["", "Hanki BlueMail Androidille"], "mail_dropped_client"),
    (["", "Get BlueMail for Android"], "mail_dropped_client"),
    (["", "Sent from my Galaxy", "", "-------- Original message --------"], "mail_dropped_client"),
    (["", "Aila Virtanen kirjoitti 29.11.2026 klo 18.42:", "> Hei"], "mail_dropped_reply"),
    (["", "ti 1.12.2026 klo 10.00 Imatran ilmoitukset <", "toimitus@example.org> kirjoitti:", "", "> Hei"],
     "mail_dropped_reply"),
    (["", "Terveisin", "Aila Virtanen", "puh. 040 123 4567"], "mail_dropped_closing"),
    (["", "t. Aila, 0401234567"], "mail_dropped_closing"),
    (["Aila Virtanen", "+358 40 123 4567", "aila@example.org"], "mail_dropped_closing"),
    (["", "-----Alkuperäinen viesti-----", "Lähettäjä: Toimitus", "Aihe: ilmoitus"], "mail_dropped_reply"),
    (["", "Lähettäjä: Toimitus <toimitus@example.org>", "Lähetetty: maanantai 30. marraskuuta 2026 9.12",
      "Aihe: ilmoitus"], "mail_dropped_reply"),
])
def test_what_follows_a_notice_is_dropped(tail, why):
    kept, cuts = split_signature(NOTICE_LINES + tail)
    assert kept == NOTICE_LINES and [cut.why for cut in cuts] == [why]


@pytest.mark.parametrize("tail", [
    ["", "Terveisin", "Aila"],  # no phone number: a closing may be meant
    ["", "Lähetetty kaikille jäsenille postitse."],  # no device nor app: the notice's own
    ["", "Ilmoittautumiset 5.12. mennessä."],
    ["", "Hinta 10 €, kesto 18.00–20.30."],
])
def test_a_text_without_a_signature_is_kept_whole(tail):
    kept, cuts = split_signature(NOTICE_LINES + tail)
    assert kept == NOTICE_LINES + tail and cuts == []


@pytest.mark.parametrize("tail, line", [
    (["", "Lisätietoja: Aila Virtanen 040 123 4567"], "Lisätietoja: Aila Virtanen 040 123 4567"),
    (["", "Lisätietoja antaa", "Aila Virtanen", "040 123 4567"], "040 123 4567"),
    (["", "Ilmoittautumiset Ailalle, p. 040 123 4567."], "Ilmoittautumiset Ailalle, p. 040 123 4567."),
    (["", "Soita 05 123 4567", "Aila"], "Soita 05 123 4567"),
])
def test_a_phone_number_that_may_be_the_contact_is_unsure(tail, line):
    with pytest.raises(Unsure) as unsure:
        split_signature(NOTICE_LINES + tail)
    assert unsure.value.line == line


def test_add_refuses_a_phone_number_that_may_be_the_contact_naming_its_line(site, tmp_path, capsys):
    source = tmp_path / "lahetys.txt"
    source.write_text("Hei!\n\n" + notice_text(body="Tervetuloa!\n\nLisätietoja:\nAila Virtanen 040 123 4567"),
                      encoding="utf-8")
    status = main(["add", str(source), "--content", str(site.content)])
    out, err = capsys.readouterr()
    assert status == 1 and out == ""
    assert err.startswith(f"{source}:13: Rivillä ”Aila Virtanen 040 123 4567” on puhelinnumero")
    assert "kirjoita se perustietoihin (contact: name ja phone, ja consent: true" in err
    assert list((site.content / "notices").rglob("*.md")) == []


def test_in_an_email_the_line_is_counted_in_the_messages_text(site, tmp_path, capsys):
    path = built_mail(tmp_path, text="Hei,\n\n" + notice_text(body="Tervetuloa!\n\nKysy lisää: Aila 040 123 4567"))
    status, paths, err = add(site, path, capsys)
    assert status == 1 and paths == []
    assert err.startswith(f"{path} (viestin teksti):12: Rivillä ”Kysy lisää: Aila 040 123 4567” on puhelinnumero")


# --- what the tester found: forwards, wrapped attributions, quotations, closings ---

@pytest.mark.parametrize("name, line, dropped, kept", [
    # Thunderbird's inline forward: its separator, the headers (tab-indented) and the text
    ("thunderbird-forward-below.eml", 10, "-------- Forwarded Message -------- / Subject: \tLeiri / Date: ",
     "Talvileiri järjestetään hiihtolomalla. Lisää tietoa leiristä tulee tammikuussa.\n"),
    # Gmail's separator line goes with the headers it stands over
    ("gmail-forward-below.eml", 9, "---------- Forwarded message --------- / From: Sanna Sihteeri",
     "Koskenpallo ry:n kevätkokous pidetään tammikuussa seuran tiloissa. Esityslista julkaistaan myöhemmin.\n"),
])
def test_a_message_forwarded_below_the_notice_is_dropped_with_its_separator(site, tmp_path, capsys, pictures,
                                                                           name, line, dropped, kept):
    status, paths, err = add(site, message(name, tmp_path, pictures), capsys)
    assert status == 0, err
    assert body_of(paths[0]) == kept
    text = paths[0].read_text(encoding="utf-8")
    assert "Sanna" not in text and "@" not in text and "Forwarded" not in text and "-----" not in text
    assert f"Rivi {line}: välitetty aiempi viesti jätettiin pois: {dropped}" in err
    assert site.check() == 0


def test_outlooks_rule_goes_with_the_headers_of_the_message_replied_to(site, tmp_path, capsys, pictures):
    status, paths, err = add(site, message("outlook-rule-above-reply.eml", tmp_path, pictures), capsys)
    assert status == 0, err
    assert body_of(paths[0]) == "Avaimet palautetaan kotiseututalon postilaatikkoon.\n"  # no "___" left: no <hr>
    assert ("Rivi 9: lainattu aiempi viesti jätettiin pois: ________________________________ / "
            "Lähettäjä: Matti Meikäläinen <matti.m@example.com>") in err


@pytest.mark.parametrize("name, kept, dropped", [
    ("reply-wrapped-attribution.eml", "Kevään kerho-ohjelma on valmis ja jaetaan seuraavassa kerhossa.\n",
     "ke 2.12.2026 klo 10.15 Toimitus Imatran järjestöt <toimitus.imatra@example.org> / kirjoitti: / > Hei"),
    ("reply-wrapped-attribution-en.eml", "Tuolijumppa jatkuu tammikuussa tutulla ajalla.\n",
     "On Wed, Dec 2, 2026 at 10:15 AM Matti Meikalainen / <matti.meikalainen.long@example.com> wrote: / > Milloin"),
])
def test_a_wrapped_reply_attribution_is_dropped_whole(site, tmp_path, capsys, pictures, name, kept, dropped):
    status, paths, err = add(site, message(name, tmp_path, pictures), capsys)
    assert status == 0, err
    assert body_of(paths[0]) == kept
    text = paths[0].read_text(encoding="utf-8")
    assert "@" not in text and "Matti" not in text and "Toimitus" not in text
    assert f"Rivi 9: lainattu aiempi viesti jätettiin pois: {dropped}" in err


def test_a_poem_quoted_in_the_notice_is_no_reply(site, tmp_path, capsys, pictures):
    # "Eino Leino kirjoitti:" names no day, time or address: the quotation and all after it stay
    status, paths, err = add(site, message("poem-quoted.eml", tmp_path, pictures), capsys)
    assert status == 0, err
    assert body_of(paths[0]) == (
        "Kotiseutuyhdistys järjestää runoillan kirjastossa. Illan teemana on Eino Leino.\n\n"
        "Runoilija Eino Leino kirjoitti:\n\n> Ja niin kuin Tuonelan joutsen\n> laulaen lainehilla\n\n"
        "Illan ohjelmassa on lausuntaa, musiikkia ja kahvitarjoilu. Vapaa pääsy, tervetuloa!\n\n"
        "Lisätietoja kirjastosta ja yhdistyksen sivuilta.\n")
    assert "jätettiin pois" not in err


def test_a_quotation_that_ends_a_reply_without_attribution_is_dropped_and_said(site, tmp_path, capsys, pictures):
    # a client that writes no "... kirjoitti:" line quotes the editor's mail below the closing
    # (a closing with a first name alone is the notice's signature, kept as before)
    status, paths, err = add(site, message("reply-quote-no-attribution.eml", tmp_path, pictures), capsys)
    assert status == 0, err
    assert body_of(paths[0]) == ("Joulumyyjäisissä myydään leivonnaisia ja käsitöitä. "
                                 "Tuotto menee talon korjaukseen.\n\nTerveisin\nLiisa\n")
    assert "Rivi 14: viestin lopun lainaus (>-rivit) jätettiin pois aiempana viestinä: > Hei Liisa, / >" in err
    text = paths[0].read_text(encoding="utf-8")
    assert "Toimitus" not in text and "040 111 2233" not in text
    assert site.check() == 0


@pytest.mark.parametrize("tail, kept", [
    (["", "> Hei Liisa,", ">", "> ilmoitus tuli perille."], 0),  # a quotation ending the text, not introduced
    (["", "Runoilija kirjoitti:", "", "> Ja niin kuin Tuonelan joutsen"], 4),  # introduced: the notice's own
    (["", "> Ja niin kuin Tuonelan joutsen", "", "Tervetuloa runoiltaan!"], 4),  # the notice goes on after it
])
def test_only_an_unintroduced_quotation_at_the_end_is_a_reply(tail, kept):
    lines, cuts = split_signature(NOTICE_LINES + tail)
    assert lines == NOTICE_LINES + tail[:kept]
    assert [c.why for c in cuts] == (["mail_dropped_quote"] if kept == 0 else [])


def test_a_bare_dashdash_between_paragraphs_is_no_signature_delimiter(site, tmp_path, capsys, pictures):
    status, paths, err = add(site, message("dashdash-separator.eml", tmp_path, pictures), capsys)
    assert status == 0, err
    body = body_of(paths[0])
    assert "Lokakuussa: sienikurssi ja puutarhailta." in body and "Marraskuussa: joulukorttipaja" in body
    assert "jätettiin pois" not in err


@pytest.mark.parametrize("tail, kept", [
    (["", "--", "Aila Virtanen", "aila@example.org"], []),  # "--" over a short block that ends the text
    (["", "--", "", "Lokakuussa sienikurssi.", "", "Marraskuussa myyjäiset."], None),  # the notice goes on
])
def test_a_bare_dashdash_is_a_delimiter_only_above_a_short_last_block(tail, kept):
    lines, cuts = split_signature(NOTICE_LINES + tail)
    if kept is None:
        assert lines == NOTICE_LINES + tail and cuts == []
    else:
        assert lines == NOTICE_LINES and [cut.why for cut in cuts] == ["mail_dropped_signature"]


def test_a_closing_with_an_email_and_street_address_but_no_phone_is_dropped(site, tmp_path, capsys, pictures):
    status, paths, err = add(site, message("closing-email-address.eml", tmp_path, pictures), capsys)
    assert status == 0, err
    assert body_of(paths[0]) == ("Kerhohuoneen toinen avain on kadonnut. Jos löydät sen, palauta se kerhon "
                                 "postilaatikkoon.\n")
    text = paths[0].read_text(encoding="utf-8")
    assert "liisa.laine" not in text and "Koskenparras" not in text and "Liisa Laine" not in text
    assert ("Rivi 9: lopputervehdys jätettiin pois (lähettäjän nimeä ja yhteystietoja ei julkaista ilman lupaa): "
            "Ystävällisin terveisin / Liisa Laine / Hopeakosken seniorikerho / liisa.laine@gmail.com / "
            "Koskenparras 4 B 12, 55100 Imatra") in err
    assert site.check() == 0


@pytest.mark.parametrize("name, dropped", [
    ("closing-phone-parentheses.eml", "Terveisin / Liisa Laine / (040) 987 6543"),
    ("closing-phone-international.eml", "Terveisin / Liisa Laine / Tel. +358 (0)40 987 6543"),
    ("closing-phone-dots.eml", "t. Liisa / puh. 040.987.6543"),
])
def test_phone_numbers_as_people_write_them_in_a_closing(site, tmp_path, capsys, pictures, name, dropped):
    status, paths, err = add(site, message(name, tmp_path, pictures), capsys)
    assert status == 0, err
    text = paths[0].read_text(encoding="utf-8")
    assert "987" not in text and "Liisa" not in text
    assert f"Rivi 9: lopputervehdys puhelinnumeroineen jätettiin pois (puhelinnumeroa ei julkaista ilman lupaa): " \
           f"{dropped}" in err


@pytest.mark.parametrize("tail", [
    ["", "Terveisin", "Liisa Laine", "liisa@example.org"],
    ["", "t. Liisa", "liisa@example.org"],
    ["", "Kiittäen,", "", "Liisa Laine", "Testikylän Eläkkeensaajat ry"],
])
def test_a_closing_without_a_phone_but_with_more_than_a_name_is_dropped(tail):
    lines, cuts = split_signature(NOTICE_LINES + tail)
    assert lines == NOTICE_LINES and [cut.why for cut in cuts] == ["mail_dropped_closing_contact"]


@pytest.mark.parametrize("tail", [
    ["", "Kiitos kaikille osallistujille!", "Hallitus"],  # a sentence, not a greeting alone
    ["", "Kiitos!", "Ilmoittautuminen 5.12. mennessä.", "Tervetuloa!"],
    ["", "Kokous on 05.12.2026 klo 18.00."],  # a date is no phone number
])
def test_a_notice_that_ends_like_a_closing_is_kept(tail):
    lines, cuts = split_signature(NOTICE_LINES + tail)
    assert lines == NOTICE_LINES + tail and cuts == []


def test_a_form_file_sent_as_octet_stream_is_read_as_text(site, tmp_path, capsys, pictures):
    status, paths, err = add(site, message("markdown-octet-stream.eml", tmp_path, pictures), capsys)
    assert status == 0, err
    assert 'title: "Ilmoitus liitteenä"' in paths[0].read_text(encoding="utf-8")
    assert body_of(paths[0]) == "Tämä ilmoitus tuli lomakkeen tiedostona liitteenä.\n"


def test_outlooks_winmail_dat_is_refused_saying_what_it_is(site, tmp_path, capsys, pictures):
    mail = message("winmail.eml", tmp_path, pictures)
    status, paths, err = add(site, mail, capsys)
    assert status == 1 and paths == []
    assert err.startswith(f"{mail}:18: Liite winmail.dat on Outlookin oma muoto")
    assert "tavallisena tekstinä tai HTML-muodossa" in err and "Tallenna kuva" not in err
    assert list((site.content / "notices").rglob("*.md")) == []


def test_a_text_not_in_the_charset_it_declares_is_refused_at_its_line_in_the_mail(site, tmp_path, capsys, pictures):
    mail = message("utf8-declared-latin1.eml", tmp_path, pictures)
    status, paths, err = add(site, mail, capsys)
    assert status == 1 and paths == []
    assert err.startswith(f"{mail}:7: Viestin tekstiä ei voi lukea: viesti sanoo tekstinsä olevan merkistöä UTF-8")
    assert "Tallenna se tekstieditorissa" not in err and "\ufffd" not in err


# --- as members send them: other languages, lists, forwards, hidden HTML, attachments ---

@pytest.mark.parametrize("name, kept, dropped", [
    # the closing's greeting and the phone's line in the notice's own language
    ("iphone-swedish.eml", "Kören sjunger julens sånger i Imatra kyrka. Fri entré.\n",
     ["Rivi 14: sähköpostiohjelman lisäämä teksti jätettiin pois: Skickat från min iPhone",
      "Rivi 10: lopputervehdys jätettiin pois (lähettäjän nimeä ja yhteystietoja ei julkaista ilman lupaa): "
      "Vänliga hälsningar / Anna Lind / anna.lind@icloud.com"]),
    ("iphone-russian.eml", "Приглашаем всех на разговорный клуб в библиотеке. Чай и печенье.\n",
     ["Rivi 14: sähköpostiohjelman lisäämä teksti jätettiin pois: Отправлено с iPhone",
      "Rivi 10: lopputervehdys jätettiin pois (lähettäjän nimeä ja yhteystietoja ei julkaista ilman lupaa): "
      "С уважением, / Ольга Иванова / olga.ivanova@icloud.com"]),
])
def test_a_closing_and_a_phones_line_in_swedish_or_russian_are_dropped(site, tmp_path, capsys, pictures,
                                                                       name, kept, dropped):
    status, paths, err = add(site, message(name, tmp_path, pictures), capsys)
    assert status == 0, err
    assert body_of(paths[0]) == kept
    assert "@" not in paths[0].read_text(encoding="utf-8")
    for said in dropped:
        assert said in err
    assert site.check() == 0


def test_format_flowed_quotation_lines_are_joined_without_their_quote_marks(site, tmp_path, capsys, pictures):
    # RFC 3676: the quote marks are no text; lines join only at the same depth
    status, paths, err = add(site, message("thunderbird-flowed-quotation.eml", tmp_path, pictures), capsys)
    assert status == 0, err
    assert body_of(paths[0]) == (
        "Runoillassa luetaan Eino Leinoa. Illan avaa yhdistyksen puheenjohtaja, joka kertoo runoilijan vaiheista.\n\n"
        "Runoilija kirjoitti Helkavirsissä:\n\n"
        "> Ja niin kuin Tuonelan joutsen, laulaen lainehilla, kulkee hän keskellä kuolon virran.\n"
        ">> Sisäkkäinen lainaus, jonka rivin Thunderbird rivitti.\n\nTervetuloa!\n")


@pytest.mark.parametrize("name, line, dropped", [
    # Mailman's footer under its rule, right after the text
    ("mailman-footer.eml", 10, "_______________________________________________ / Jarjestot mailing list / "
                               "jarjestot@lists.example.org / https://lists.example.org/mailman/listinfo/jarjestot"),
    # a list's footer in a text part of its own
    ("list-footer-part.eml", 12, "Tämä viesti lähetettiin listalle Imatran järjestöt. / Voit peruuttaa tilauksen "
                                  "lähettämällä viestin osoitteeseen jarjestot-leave@lista.example.fi"),
    # a list that writes no List-* headers (forwarded on by a member): its unsubscribing line and link
    ("list-footer-no-headers.eml", 11, "Lähetetty postituslistalta Imatran järjestöt. Peru tilaus: "
                                       "https://lista.example.fi/peru?id=8812"),
])
def test_a_mailing_lists_footer_is_dropped_and_said(site, tmp_path, capsys, pictures, name, line, dropped):
    status, paths, err = add(site, message(name, tmp_path, pictures), capsys)
    assert status == 0, err
    assert body_of(paths[0]) == "Myynnissä leivonnaisia ja käsitöitä. Tuotto kerhon retkiin.\n\nTervetuloa!\n"
    assert f"Rivi {line}: postituslistan lisäämä teksti jätettiin pois: {dropped}" in err
    assert site.check() == 0


@pytest.mark.parametrize("tail", [
    ["", "Liity postituslistallemme: uutiset@example.org"],
    ["", "Uutiskirjeen tilauksen voi perua milloin tahansa."],  # no address to unsubscribe at: the notice's own
])
def test_a_list_footer_is_known_by_the_lists_addresses_or_its_unsubscribing_link(tail):
    lines = NOTICE_LINES + tail
    assert split_signature(lines, list_addresses=["jarjestot@lists.example.org"]) == (lines, [])


def test_a_notice_forwarded_in_a_quotation_is_read_from_it(site, tmp_path, capsys, pictures):
    # Apple Mail quotes the message it forwards ("> " lines under "Välitetty viesti alkaa:")
    status, paths, err = add(site, message("apple-mail-forward-quoted.eml", tmp_path, pictures), capsys)
    assert status == 0, err
    text = paths[0].read_text(encoding="utf-8")
    assert 'title: "Kevätkokous"' in text
    assert body_of(paths[0]) == "Kevätkokous pidetään maaliskuussa kylätalolla.\n"
    assert "lopputervehdys jätettiin pois (lähettäjän nimeä ja yhteystietoja ei julkaista ilman lupaa): " \
           "Terveisin / Sanna Sihteeri / sanna@example.org" in err
    assert site.check() == 0


def test_html_the_reader_never_sees_is_not_published(site, tmp_path, capsys, pictures):
    status, paths, err = add(site, message("html-hidden-text.eml", tmp_path, pictures), capsys)
    assert status == 0, err
    assert body_of(paths[0]) == "Bänditreenit jatkuvat keskiviikkoisin.\nSoittimet löytyvät talolta.\n"


KEVATKOKOUS = "Kevätkokous pidetään maaliskuussa. Kokouksessa käsitellään sääntöjen määräämät asiat.\nJäsenmaksu on 10 €.\n"


def test_a_small_gif_logo_in_a_signature_is_left_out_not_refused(site, tmp_path, capsys, pictures):
    status, paths, err = add(site, message("outlook-gif-logo.eml", tmp_path, pictures), capsys)
    assert status == 0, err
    assert len(paths) == 1 and images(site) == []
    assert body_of(paths[0]) == "Lähdemme kevätretkelle Rauhaan toukokuussa.\n"
    # named in the plain text below the closing, as in the signature: not even opened
    assert "Kuva image001.gif jätettiin pois: viestin HTML-osa näyttää sen lähettäjän allekirjoituksessa" in err


@pytest.mark.parametrize("name", [
    "outlook-signature-logo-unmarked.eml",  # a signature the sender wrote, no bookmark of Outlook's on it
    "outlook-autoformat-borders.eml",  # Word's AutoFormat made each "---" a border: no line of the plain text
])
def test_a_logo_in_a_signature_no_client_marked_is_left_out_with_the_signature(site, tmp_path, capsys, pictures,
                                                                              name):
    status, paths, err = add(site, message(name, tmp_path, pictures), capsys)
    assert status == 0, err
    assert len(paths) == 1 and images(site) == []
    assert body_of(paths[0]) == KEVATKOKOUS
    text = paths[0].read_text(encoding="utf-8")
    assert 'title: "Kevätkokous – sääntömääräinen"' in text
    assert "Pekka" not in text and "040" not in text and "Kyläyhdistys" not in text and "cid:" not in text
    assert "Kuva image001.png jätettiin pois: viestin HTML-osa näyttää sen lähettäjän allekirjoituksessa" in err
    assert site.check() == 0


def test_a_phones_smart_dashes_still_begin_and_end_the_details(site, tmp_path, capsys, pictures):
    # iPhone's Smart Punctuation writes "---" as "—-" (a dash of two hyphens and one more)
    status, paths, err = add(site, message("iphone-smart-dashes.eml", tmp_path, pictures), capsys)
    assert status == 0, err
    assert body_of(paths[0]) == KEVATKOKOUS
    assert 'title: "Kevätkokous – sääntömääräinen"' in paths[0].read_text(encoding="utf-8")
    assert site.check() == 0


def test_attachments_with_encoded_names_are_refused_at_their_lines(site, tmp_path, capsys, pictures):
    mail = message("attachment-encoded-names.eml", tmp_path, pictures)
    status, paths, err = add(site, mail, capsys)
    assert status == 1 and paths == []
    # the first line naming each: RFC 2047's encoded word, RFC 2231's name in two pieces
    assert f"{mail}:21: Liite retkiohjelma kevät.pdf on asiakirja" in err
    assert f"{mail}:30: Liite ilmoittautuminen kevät.docx on asiakirja" in err
    assert list((site.content / "notices").rglob("*.md")) == []


def test_html_of_embedded_content_is_not_published(site, tmp_path, capsys, pictures):
    # the fallback text and pictures' text of <svg>, <iframe>, <object>, <canvas>, <video>, <noscript>,
    # <template> are no text the reader sees; one written self-closing ("<iframe/>") skips nothing after it
    status, paths, err = add(site, message("html-embedded-content.eml", tmp_path, pictures), capsys)
    assert status == 0, err
    assert body_of(paths[0]) == "Pelataan lautapelejä perjantaisin.\nPelit löytyvät talolta.\n"


@pytest.mark.parametrize("name, said", [
    ("no-charset-utf8.eml", None),  # 8-bit and no charset: UTF-8, as it reads
    # not UTF-8: read as Windows' Western European (as mail programs do), and said
    ("no-charset-windows-1252.eml", "Rivi 10: viesti ei kerro tekstinsä merkistöä, eikä teksti ole UTF-8:aa; "
                                    "se luettiin merkistöllä windows-1252"),
])
def test_8bit_text_without_a_charset_is_read_as_mail_programs_read_it(site, tmp_path, capsys, pictures, name, said):
    status, paths, err = add(site, message(name, tmp_path, pictures), capsys)
    assert status == 0, err
    assert 'title: "Kevätkokous"' in paths[0].read_text(encoding="utf-8")
    assert body_of(paths[0]) == "Kevätkokous pidetään maaliskuussa. Jäsenmaksu on 10 €.\n"
    assert (said in err) if said else err == ""


@pytest.mark.parametrize("name, line, dropped", [
    # one line, its parts between | (Outlook's and Gmail's signature editors)
    ("signature-one-line-pipes.eml", 9, "Maija Meikäläinen | puheenjohtaja | 040 123 4567 | maija@example.org"),
    # each detail after its label
    ("signature-labelled.eml", 9,
     "Terveisin / Maija Meikäläinen / Sähköposti: maija@example.org / Puh.: 040 123 4567"),
])
def test_a_signature_on_one_line_or_with_labels_is_dropped_and_said(site, tmp_path, capsys, pictures,
                                                                    name, line, dropped):
    status, paths, err = add(site, message(name, tmp_path, pictures), capsys)
    assert status == 0, err
    assert body_of(paths[0]) == "Lähdemme kevätretkelle Rauhaan toukokuussa. Bussi lähtee torilta.\n"
    text = paths[0].read_text(encoding="utf-8")
    assert "maija@" not in text and "040" not in text and "Maija" not in text
    assert f"Rivi {line}: lopputervehdys puhelinnumeroineen jätettiin pois (puhelinnumeroa ei julkaista ilman " \
           f"lupaa): {dropped}" in err
    assert site.check() == 0


def test_an_email_address_under_a_greeting_not_known_is_dropped_and_said(site, tmp_path, capsys, pictures):
    status, paths, err = add(site, message("closing-unknown-greeting.eml", tmp_path, pictures), capsys)
    assert status == 0, err
    assert body_of(paths[0]) == "Lähdemme kevätretkelle Rauhaan toukokuussa. Bussi lähtee torilta.\n"
    assert "@" not in paths[0].read_text(encoding="utf-8")
    assert ("Rivi 9: lopputervehdys jätettiin pois (lähettäjän nimeä ja yhteystietoja ei julkaista ilman lupaa): "
            "Aurinkoisin terveisin, / Maija Meikäläinen / maija.meikalainen@icloud.com") in err


@pytest.mark.parametrize("tail, dropped", [
    (["", "Cheers,", "Maija", "maija@example.org"], 4),
    (["", "-Maija", "maija@example.org"], 3),
    (["", "Maija Meikäläinen", "maija@example.org"], 3),  # no greeting at all
    (["", "Hyvää joulun odotusta!", "Maija", "maija@example.org"], 2),  # the wish is a sentence: kept
    (["", "Maija Meikäläinen, sihteeri <maija@example.org>"], 2),
    # on one line, or labelled
    (["", "Maija Meikäläinen | puheenjohtaja | maija@example.org"], 1),
    (["", "Maija Meikäläinen / sihteeri / Testikylän Eläkkeensaajat ry / maija@example.org"], 1),
    (["", "Maija Meikäläinen", "Sähköposti: maija@example.org"], 2),
])
def test_the_senders_email_address_ending_the_text_is_dropped_whatever_greets(tail, dropped):
    lines, cuts = split_signature(NOTICE_LINES + tail)
    kept = tail[:-dropped]
    while kept and not kept[-1]:  # the blank line above goes with them
        kept.pop()
    assert lines == NOTICE_LINES + kept and [cut.why for cut in cuts] == ["mail_dropped_closing_contact"]


@pytest.mark.parametrize("tail", [
    ["", "Ilmoittautumiset:", "kerho@example.org"],  # the notice asks the reader to write there
    ["", "Lisätietoja ja ilmoittautumiset", "Maija Meikäläinen", "maija@example.org"],
    ["", "Kiittäen", "Maija"],  # a greeting and a name: the notice's own signing, as before
])
def test_an_address_the_notice_asks_to_write_to_is_kept(tail):
    assert split_signature(NOTICE_LINES + tail) == (NOTICE_LINES + tail, [])


@pytest.mark.parametrize("name, signature, line", [
    ("postscript-after-closing.eml", "Rivi 9: lopputervehdys puhelinnumeroineen jätettiin pois (puhelinnumeroa ei "
     "julkaista ilman lupaa): Terveisin / Maija Meikäläinen / sihteeri / 040 123 4567 / maija.meikalainen@gmail.com",
     15),
    ("postscript-in-signature.eml", "Rivi 9: allekirjoitus jätettiin pois ilmoituksesta: -- / Maija Meikäläinen / "
     "040 123 4567", 13),
])
def test_a_postscript_under_the_signature_is_kept_and_the_signature_dropped(site, tmp_path, capsys, pictures,
                                                                            name, signature, line):
    # the PS is the sender's own words to the readers; the signature above it is no less a signature
    status, paths, err = add(site, message(name, tmp_path, pictures), capsys)
    assert status == 0, err
    postscript = "Muistakaa ottaa omat eväät mukaan, bussi lähtee torilta klo 8."
    assert body_of(paths[0]) in (f"Lähdemme kevätretkelle Rauhaan toukokuussa.\n\nPS. {postscript}\n",
                                 f"Lähdemme kevätretkelle Rauhaan toukokuussa.\n\nP.S. {postscript}\n")
    text = paths[0].read_text(encoding="utf-8")
    assert "040" not in text and "Maija" not in text and "@" not in text
    assert signature in err
    assert (f"Rivi {line}: jälkikirjoitus (PS) allekirjoituksen alta siirrettiin ilmoituksen loppuun (poista se "
            f"tiedostosta, jos se ei kuulu ilmoitukseen): P") in err and postscript in err
    assert site.check() == 0


@pytest.mark.parametrize("tail, kept", [
    (["", "Terveisin", "Maija", "", "PS. Eväät mukaan!"], None),  # a name alone: the notice's own signing
    (["", "PS. Eväät mukaan!"], None),
    (["", "Terveisin", "Maija Meikäläinen", "040 123 4567", "", "Ps: eväät mukaan!", "", "Lähetetty iPhonesta"],
     ["", "Ps: eväät mukaan!"]),
    (["", "Terveisin", "Maija Meikäläinen", "040 123 4567", "PPS. Eväät mukaan!"], ["", "PPS. Eväät mukaan!"]),
])
def test_a_postscript_stays_in_the_notice(tail, kept):
    lines, cuts = split_signature(NOTICE_LINES + tail)
    assert lines == NOTICE_LINES + (tail if kept is None else kept)


def test_a_phone_number_in_a_postscript_may_be_the_contact():
    with pytest.raises(Unsure) as unsure:
        split_signature(NOTICE_LINES + ["", "Terveisin", "Maija", "040 123 4567", "", "PS. Kysy lisää 040 765 4321"])
    assert unsure.value.line == "PS. Kysy lisää 040 765 4321"


def test_a_postscript_of_the_message_replied_to_goes_with_it():
    tail = ["", "Lähettäjä: Toimitus <toimitus@example.org>", "Lähetetty: maanantai 30. marraskuuta 2026 9.12",
            "Aihe: ilmoitus", "", "Hei,", "", "PS. Muistathan päivämäärän."]
    lines, cuts = split_signature(NOTICE_LINES + tail)
    assert lines == NOTICE_LINES and [cut.why for cut in cuts] == ["mail_dropped_reply"]


def test_a_closing_with_web_addresses_under_a_greeting_of_its_own_is_dropped(site, tmp_path, capsys, pictures):
    # "www." is the address, no label before it; "Kotisivut:" is one
    status, paths, err = add(site, message("closing-web-address.eml", tmp_path, pictures), capsys)
    assert status == 0, err
    assert body_of(paths[0]) == "Lähdemme kevätretkelle Rauhaan toukokuussa.\n"
    assert ("Rivi 9: lopputervehdys puhelinnumeroineen jätettiin pois (puhelinnumeroa ei julkaista ilman lupaa): "
            "Ystävällisin terveisin, / Maija Meikäläinen / sihteeri / Testikylän Eläkkeensaajat ry / "
            "Puhelin 040 123 4567 / www.testikylan-elakkeensaajat.fi / Kotisivut: https://testikyla.example.org") in err


def test_html_blocks_and_table_cells_are_not_run_together(site, tmp_path, capsys, pictures):
    # Gmail opens a <div> inside a line's text; Outlook's signature editor writes a table
    status, paths, err = add(site, message("html-nested-divs-table-signature.eml", tmp_path, pictures), capsys)
    assert status == 0, err
    assert body_of(paths[0]) == "Lähdemme kevätretkelle Rauhaan toukokuussa.\nBussi lähtee torilta kello 8.\n"
    assert ("lopputervehdys puhelinnumeroineen jätettiin pois (puhelinnumeroa ei julkaista ilman lupaa): "
            "Maija Meikäläinen | puheenjohtaja / 040 123 4567 | maija.meikalainen@example.org") in err


def test_a_word_tables_rows_are_lines_of_their_cells(site, tmp_path, capsys, pictures):
    # Outlook writes each cell of a table pasted from Word as a paragraph of its own
    status, paths, err = add(site, message("outlook-word-table.eml", tmp_path, pictures), capsys)
    assert status == 0, err
    assert body_of(paths[0]) == ("Kokoonnumme keskiviikkoisin klo 13.\n\nPäivä | Ohjelma\n"
                                 "ke 13.1. | Kevätkauden avaus\nke 10.2. | Tuolijumppaa, kahvi 2 €\n\nTervetuloa!\n")
    # a paragraph with its margins in each cell (Google Docs), and a layout's columns of several lines, which stay
    assert html_to_text('<table><tr><td><p dir="ltr">Päivä</p></td><td><p dir="ltr">Ohjelma</p></td></tr></table>') \
        == "Päivä | Ohjelma\n"
    assert html_to_text("<table><tr><td><p>Vasen</p><p>sarake</p></td><td><p>Oikea</p></td></tr></table>") \
        == "Vasen\n\nsarake\n\nOikea\n"


def test_html_made_too_small_or_clear_to_see_is_not_published(site, tmp_path, capsys, pictures):
    # a newsletter's preview text and a spammer's hidden words: no size, no opacity, no height, off the screen
    status, paths, err = add(site, message("html-hidden-by-size.eml", tmp_path, pictures), capsys)
    assert status == 0, err
    assert body_of(paths[0]) == "Bänditreenit jatkuvat keskiviikkoisin.\nSoittimet löytyvät talolta. Tervetuloa!\n"


def test_a_pictures_file_name_gives_no_contact_details_or_invisible_characters_to_its_description(site, tmp_path,
                                                                                                capsys):
    path = built_mail(tmp_path, ("Maija Meikäläinen 040 123 4567.png", photo((400, 300), "PNG"), "image/png"),
                      ("juliste maija@example.org.png", photo((400, 300), "PNG"), "image/png"),
                      ("\u202egnp.kevatjuliste.png", photo((400, 300), "PNG"), "image/png"),
                      ("kevät\u200bjuliste.png", photo((400, 300), "PNG"), "image/png"))
    status, paths, err = add(site, path, capsys)
    assert status == 0, err
    alts = [line.split("](")[0] for line in body_of(paths[0]).splitlines() if line.startswith("![")]
    assert alts == ["![Juliste", "![Juliste", "![gnp.kevatjuliste", "![kevätjuliste"]  # the title for the first two
    assert site.check() == 0


def test_a_rule_drawn_above_a_signature_goes_with_it(site, tmp_path, capsys, pictures):
    # left behind, "____" would be published as a horizontal line
    status, paths, err = add(site, message("signature-under-rule.eml", tmp_path, pictures), capsys)
    assert status == 0, err
    assert body_of(paths[0]) == "Lähdemme kevätretkelle Rauhaan toukokuussa.\n"
    assert ("Rivi 9: lopputervehdys puhelinnumeroineen jätettiin pois (puhelinnumeroa ei julkaista ilman lupaa): "
            "______________________ / Maija Meikäläinen / Testikylän Eläkkeensaajat ry / 040 123 4567") in err


def test_a_disclaimer_or_a_virus_checkers_line_under_the_signature_does_not_hide_it(site, tmp_path, capsys, pictures):
    # what an organisation's mail server or an antivirus adds under every message
    status, paths, err = add(site, message("signature-disclaimer.eml", tmp_path, pictures), capsys)
    assert status == 0, err
    assert body_of(paths[0]) == "Lähdemme kevätretkelle Rauhaan toukokuussa.\n"
    assert "Rivi 9: lopputervehdys puhelinnumeroineen jätettiin pois" in err
    assert ("Rivi 13: sähköpostiohjelman lisäämä teksti jätettiin pois: Tämä sähköpostiviesti ja sen liitteet "
            "voivat "
            "sisältää luottamuksellista tietoa.") in err
    assert "avast" not in paths[0].read_text(encoding="utf-8")


@pytest.mark.parametrize("tail", [
    ["", "Tämä viesti on luottamuksellinen."],  # a sentence of the notice: no disclaimer's other words
    ["", "Tulosta ilmoitus kerhon ilmoitustaululle."],
])
def test_a_notice_that_speaks_of_confidentiality_or_printing_is_kept(tail):
    assert split_signature(NOTICE_LINES + tail) == (NOTICE_LINES + tail, [])


@pytest.mark.parametrize("tail, line", [
    # a closing with a phone above a line no rule knows (a wish, a footer of another kind)
    (["", "Terveisin", "Maija Meikäläinen", "040 123 4567", "", "Hyvää joulua kaikille!"], "040 123 4567"),
    (["", "Lisätietoja: Maija 040 123 4567", "", "Tervetuloa!"], "Lisätietoja: Maija 040 123 4567"),
])
def test_a_phone_number_in_the_last_lines_is_never_kept_silently(tail, line):
    with pytest.raises(Unsure) as unsure:
        split_signature(NOTICE_LINES + tail)
    assert unsure.value.line == line


def test_contact_details_kept_in_the_text_are_said(site, tmp_path, capsys):
    # an address the notice asks to write to, a phone number in its middle: published, never without a word
    body = ("Kuoroharjoitukset jatkuvat tiistaisin.\n\nUusille laulajille: soita Pekalle 040 765 4321 ennen "
            "ensimmäistä kertaa.\n\nNuotit jaetaan harjoituksissa.\n\nHarjoituksissa lauletaan joululauluja.\n\n"
            "Konsertti on joulukuussa.\n\nKonsertin jälkeen on glögitarjoilu.\n\nKevään ohjelma "
            "julkaistaan tammikuussa.\n\nKuoro täyttää ensi vuonna 40 vuotta.\n\nIlmoittautumiset:\n"
            "kuoro@example.org")
    status, paths, err = add(site, built_mail(tmp_path, text=notice_text(title="Kuoro", body=body)), capsys)
    assert status == 0, err
    assert body_of(paths[0]) == body + "\n"
    assert ("Rivi 10: ilmoituksen tekstissä on yhteystieto, joka julkaistaan: Uusille laulajille: soita Pekalle "
            "040 765 4321") in err
    assert "Rivi 25: ilmoituksen tekstissä on yhteystieto, joka julkaistaan: kuoro@example.org" in err


@pytest.mark.parametrize("signature", [
    "Maija Meikäläinen\nmaija.meikalainen(at)example.org",  # written so that robots would not find it
    "Maija Meikäläinen\nmaija.meikalainen[at]example.org",
    "t. Maija\nsp. maija.meikalainen (at) example.org",
    "Maija Meikäläinen\nPuhelinnumero: 040 123 4567",
    "Terveisin\nMaija Meikäläinen\nPuh/WhatsApp 040 123 4567",
])
def test_contact_details_as_finns_write_them_in_a_signature_are_dropped(site, tmp_path, capsys, signature):
    text = notice_text(title="Kevätretki", body="Lähdemme kevätretkelle Rauhaan.\n\n" + signature)
    status, paths, err = add(site, built_mail(tmp_path, text=text), capsys)
    assert status == 0, err
    assert body_of(paths[0]) == "Lähdemme kevätretkelle Rauhaan.\n"
    assert "Rivi 10: lopputervehdys" in err and signature.replace("\n", " / ") in err


def test_a_notice_only_in_the_html_part_is_read_from_it(site, tmp_path, capsys, pictures):
    # the plain part is a placeholder a newsletter tool wrote ("Tämä viesti on HTML-muodossa")
    status, paths, err = add(site, message("plain-placeholder-html-notice.eml", tmp_path, pictures), capsys)
    assert status == 0, err
    assert body_of(paths[0]) == "Bänditreenit jatkuvat keskiviikkoisin.\n"


def test_any_mail_apps_line_under_a_signature_is_dropped_with_it(site, tmp_path, capsys):
    text = notice_text(title="Kevätretki", body="Lähdemme kevätretkelle Rauhaan.\n\nTerveisin\nMaija Meikäläinen\n"
                       "maija@example.org\n\nLähetetty Telia Mail -sovelluksesta")
    status, paths, err = add(site, built_mail(tmp_path, text=text), capsys)
    assert status == 0, err
    assert body_of(paths[0]) == "Lähdemme kevätretkelle Rauhaan.\n"
    assert "Rivi 14: sähköpostiohjelman lisäämä teksti jätettiin pois: Lähetetty Telia Mail -sovelluksesta" in err
    assert "Rivi 10: lopputervehdys jätettiin pois" in err


def test_a_meeting_invitation_sent_with_the_notice_is_left_out_and_said(site, tmp_path, capsys, pictures):
    # Outlook sends an invitation as one more alternative of the text: no attachment to refuse
    status, paths, err = add(site, message("outlook-invite.eml", tmp_path, pictures), capsys)
    assert status == 0, err
    assert body_of(paths[0]) == "Kevätkokous pidetään maaliskuussa kerhohuoneella.\n"
    assert "Viestin kalenterikutsu jätettiin pois" in err


def test_a_message_nested_past_reason_is_refused_in_finnish_not_with_a_traceback(site, tmp_path, capsys):
    # a hostile message: parts inside parts, thousands deep
    depth = 3000
    raw = "MIME-Version: 1.0\nFrom: x@example.org\nSubject: x\n"
    raw += "".join(f'Content-Type: multipart/mixed; boundary="b{i}"\n\n--b{i}\n' for i in range(depth))
    raw += "Content-Type: text/plain; charset=utf-8\n\n" + notice_text() + "".join(
        f"--b{i}--\n" for i in reversed(range(depth)))
    path = tmp_path / "viesti.eml"
    path.write_text(raw, encoding="utf-8")
    status, paths, err = add(site, path, capsys)
    assert status == 1 and paths == []
    assert err.startswith(f"{path}:1: Viestin rakennetta ei voi lukea") and "Traceback" not in err


@pytest.mark.parametrize("number", ["040/123 4567", "040–123 4567", "+46 70 123 45 67", "+7 921 123 45 67"])
def test_phone_numbers_as_written_by_hand_word_or_abroad_are_not_published(site, tmp_path, capsys, number):
    # an old "area code/number", Word's en dash, a Swedish or Russian member's number
    text = notice_text(title="Kevätretki", body=f"Lähdemme kevätretkelle Rauhaan.\n\nMaija Meikäläinen\n{number}")
    status, paths, err = add(site, built_mail(tmp_path, text=text), capsys)
    assert status == 0, err
    assert body_of(paths[0]) == "Lähdemme kevätretkelle Rauhaan.\n"
    assert f"lopputervehdys puhelinnumeroineen jätettiin pois (puhelinnumeroa ei julkaista ilman lupaa): " \
           f"Maija Meikäläinen / {number}" in err


@pytest.mark.parametrize("text", ["Kokous 05.12.2026 klo 18.00–20.00.", "Avoinna 8.00–16.00.", "Hinta 10–15 €."])
def test_dates_times_and_prices_are_no_phone_numbers(text):
    assert split_signature(NOTICE_LINES + ["", text]) == (NOTICE_LINES + ["", text], [])


def test_a_bare_dashdash_over_a_long_signature_goes_with_it(site, tmp_path, capsys):
    # an HTML mail's "--" (its space trimmed) over more lines than a short block: the closing still takes it
    signature = ("--\nMaija Meikäläinen\nsihteeri\nTestikylän Eläkkeensaajat ry\nKoskenparras 4\n55100 Imatra\n"
                 "040 123 4567\nwww.example.org")
    text = notice_text(title="Kevätretki", body="Lähdemme kevätretkelle Rauhaan.\n\n" + signature)
    status, paths, err = add(site, built_mail(tmp_path, text=text), capsys)
    assert status == 0, err
    assert body_of(paths[0]) == "Lähdemme kevätretkelle Rauhaan.\n"
    assert "Rivi 10: lopputervehdys puhelinnumeroineen jätettiin pois" in err


@pytest.mark.parametrize("detail", ["040\u202f123\u202f4567", "040\u200b123 4567", "０４０ １２３ ４５６７",
                                    "maija\uff20example.org"])
def test_contact_details_written_with_odd_spaces_or_wide_characters_are_known(site, tmp_path, capsys, detail):
    # Apple's narrow no-break space, a zero-width space slipped in, full-width digits and @
    text = notice_text(title="Kevätretki", body=f"Lähdemme kevätretkelle Rauhaan.\n\nMaija Meikäläinen\n{detail}")
    status, paths, err = add(site, built_mail(tmp_path, text=text), capsys)
    assert status == 0, err
    assert body_of(paths[0]) == "Lähdemme kevätretkelle Rauhaan.\n"
    assert f"Rivi 10: lopputervehdys" in err and f"Maija Meikäläinen / {detail}" in err


def test_a_print_shops_cmyk_poster_does_not_keep_its_cmyk_colour_profile(site, tmp_path, capsys):
    # made RGB for screens, the picture would be drawn through a CMYK profile (or carry a huge one)
    cmyk_profile = bytes(16) + b"CMYK" + bytes(108)
    rgb_profile = bytes(16) + b"RGB " + bytes(108)
    out = io.BytesIO()
    Image.new("CMYK", (800, 600), (0, 255, 255, 0)).save(out, "JPEG", icc_profile=cmyk_profile)
    big = io.BytesIO()
    Image.new("RGB", (800, 600), "red").save(big, "JPEG", icc_profile=rgb_profile + bytes(2_000_000))
    small = io.BytesIO()
    Image.new("RGB", (800, 600), "red").save(small, "JPEG", icc_profile=rgb_profile)
    path = built_mail(tmp_path, ("juliste.jpg", out.getvalue(), "image/jpeg"),
                      ("juliste2.jpg", big.getvalue(), "image/jpeg"), ("juliste3.jpg", small.getvalue(), "image/jpeg"))
    status, paths, err = add(site, path, capsys)
    assert status == 0, err
    profiles = []
    for picture in paths[1:]:
        with Image.open(picture) as image:
            assert image.mode == "RGB"
            profiles.append(image.info.get("icc_profile"))
    assert profiles == [None, None, rgb_profile]  # a screen's profile of a sane size stays


def test_a_contact_card_attached_is_left_out_and_said(site, tmp_path, capsys):
    # Outlook and Apple Mail attach the sender's card (.vcf): contact details, never to publish, nor a reason to refuse
    card = b"BEGIN:VCARD\r\nVERSION:3.0\r\nFN:Maija Meik\xc3\xa4l\xc3\xa4inen\r\nTEL:040 123 4567\r\nEND:VCARD\r\n"
    path = built_mail(tmp_path, ("Maija Meikäläinen.vcf", card, "text/vcard"), ("kortti.vcf", card, "text/x-vcard"))
    status, paths, err = add(site, path, capsys)
    assert status == 0, err
    assert "040" not in paths[0].read_text(encoding="utf-8")
    assert "Käyntikortti Maija Meikäläinen.vcf jätettiin pois" in err and "Käyntikortti kortti.vcf jätettiin pois" in err


def test_a_contact_line_written_twice_is_said_at_each_of_its_lines(site, tmp_path, capsys, pictures):
    # the same address asked for in two paragraphs: the editor looks at both lines, not the first one twice
    status, paths, err = add(site, message("thunderbird-contact-twice.eml", tmp_path, pictures), capsys)
    assert status == 0, err
    said = [line.split(":")[0] for line in err.splitlines() if "yhteystieto, joka julkaistaan: kuoro@" in line]
    assert said == ["Rivi 8", "Rivi 13"]


def test_a_boundary_that_never_appears_is_said_to_be_the_messages_fault(site, tmp_path, capsys, pictures):
    # the header's boundary and the parts' lines differ (a gateway cut a character): the parts cannot be told apart
    mail = message("boundary-never-appears.eml", tmp_path, pictures)
    status, paths, err = add(site, mail, capsys)
    assert status == 1 and paths == []
    assert err.startswith(f"{mail}:8: Viestin osia ei voi erottaa toisistaan: ")
    assert "_004_AM0PR07MB6211C0FFEEAM0PR07MB6211eurp_" in err and "Liitettä" not in err


def test_an_unclosed_svg_in_html_does_not_hide_the_text_after_it(site, tmp_path, capsys, pictures):
    # an icon pasted from a web page without its </svg>: a browser ends it with the element around it
    status, paths, err = add(site, message("html-unclosed-svg.eml", tmp_path, pictures), capsys)
    assert status == 0, err
    assert body_of(paths[0]) == ("Kuoro aloittaa kevätkauden tammikuussa.\n"
                                 "Harjoitukset ovat tiistaisin kerhohuoneella kello 18.\n"
                                 "Uudet laulajat ovat tervetulleita.\n\nKonsertti on toukokuussa kirkossa.\n")


def test_a_refused_notice_still_says_what_was_left_out_of_it(site, tmp_path, capsys, pictures):
    # the text sent is in a message forwarded under the details: left out, the refusal alone would say "no text"
    status, paths, err = add(site, message("gmail-notice-text-in-forward.eml", tmp_path, pictures), capsys)
    assert status == 1 and paths == []
    dropped, refused = err.splitlines()
    assert dropped.startswith("Rivi 7: välitetty aiempi viesti jätettiin pois: ---------- Välitetty viesti")
    assert "(viestin teksti):6: Ilmoituksesta puuttuu teksti." in refused


def test_more_pictures_than_a_notice_takes_are_refused_before_any_is_opened(site, tmp_path, capsys, pictures):
    # a phone's whole gallery of the day: a notice takes at most ten, and each would be opened in full first
    mail = message("android-many-photos.eml", tmp_path, pictures)
    status, paths, err = add(site, mail, capsys)
    assert status == 1 and paths == [] and images(site) == []
    raw = mail.read_bytes()
    eleventh = raw[:raw.index(b'name="IMG_20261121_101211.jpg"')].count(b"\n") + 1
    assert f"{mail}:{eleventh}: Viestissä on 12 kuvaa, ja ilmoitukseen voi liittää enintään 10." in err


def test_html_text_in_the_colour_of_its_background_is_not_published(site, tmp_path, capsys, pictures):
    # white on white is no text the sender saw; white on a dark cell, or over a picture, is
    status, paths, err = add(site, message("html-text-in-background-colour.eml", tmp_path, pictures), capsys)
    assert status == 0, err
    assert body_of(paths[0]) == ("Kuoron kevätkonsertti kirkossa.\nVapaa pääsy.\nValkoista mustalla.\n"
                                 "Teksti kuvan päällä.\nmutta tämä näkyy.\n")


def test_a_notice_sent_only_as_a_word_or_pdf_file_is_refused_saying_to_write_it_in_the_mail(site, tmp_path, capsys,
                                                                                           pictures):
    # "ilmoitus liitteenä": a document is neither read nor published, and it is no picture to save again
    mail = message("outlook-notice-in-word-only.eml", tmp_path, pictures)
    status, paths, err = add(site, mail, capsys)
    assert status == 1 and paths == []
    word, pdf = err.splitlines()
    assert word.startswith(f"{mail}:26: Liite Kevätretki 2027.docx on asiakirja, jota ei lueta eikä julkaista: ")
    assert pdf.startswith(f"{mail}:36: Liite juliste.pdf on asiakirja, jota ei lueta eikä julkaista: ")
    assert "kirjoita ilmoitus viestin tekstiin" in word and "kuva" not in word.split(":", 2)[2].split("juliste")[0]


def test_a_plain_part_that_says_other_than_the_html_the_editor_sees_is_said(site, tmp_path, capsys, pictures):
    # a mail client shows the HTML; the notice is read from the plain text: where they differ, the editor is told
    status, paths, err = add(site, message("gmail-plain-and-html-differ.eml", tmp_path, pictures), capsys)
    assert status == 0, err
    assert "15 euroa" in body_of(paths[0])
    assert ("Rivi 8: viestin HTML-osa, jonka sähköpostiohjelma näyttää, sanoo muuta kuin tekstiosa, josta ilmoitus "
            "luettiin: tekstiosassa ”15”, HTML-osassa ”25”.") in err
    status, paths, err = add(site, message("gmail-alternative.eml", tmp_path, pictures), capsys)
    assert status == 0 and "HTML-osa" not in err  # the same words in both, however marked up


def test_a_picture_the_html_only_links_to_is_said_not_left_out_silently(site, tmp_path, capsys, pictures):
    # a poster pasted from a web page, a picture written into the HTML: no file to publish, but part of the notice
    status, paths, err = add(site, message("html-remote-poster.eml", tmp_path, pictures), capsys)
    assert status == 0, err
    assert body_of(paths[0]) == "Bänditreenit jatkuvat keskiviikkoisin.\n"
    assert ("Viestin HTML-osan kuvaa ”Kevään juliste” (https://kipina.example.org/kuvat/juliste-kevat.jpg) ei "
            "julkaista") in err
    assert "Viestin HTML-osan kuvaa ”Kartta” (data:image/png;base64,…) ei julkaista" in err
    assert "track.example.net" not in err  # a tracking pixel is nothing the sender meant


def test_a_phones_line_ending_in_a_full_stop_is_dropped(site, tmp_path, capsys, pictures):
    # Samsung's mail app writes "Lähetetty Samsung Galaxy -älypuhelimesta." with its full stop
    status, paths, err = add(site, message("samsung-email-full-stop.eml", tmp_path, pictures), capsys)
    assert status == 0, err
    assert body_of(paths[0]) == "Tarjoamme jäsenille joulupuuroa ja sekahedelmäkeittoa.\n"
    assert "Rivi 11: sähköpostiohjelman lisäämä teksti jätettiin pois: Lähetetty Samsung Galaxy -älypuhelimesta." in err


def test_text_indented_in_gmail_is_no_quotation(site, tmp_path, capsys, pictures):
    # Gmail's "Sisennä" writes a blockquote without the quotation's border: the notice's own lines, not a reply
    status, paths, err = add(site, message("gmail-indented-programme.eml", tmp_path, pictures), capsys)
    assert status == 0, err
    assert body_of(paths[0]) == ("Lähdemme kevätretkelle Rauhaan. Ohjelma:\n\n"
                                 "klo 8 lähtö torilta\nklo 12 lounas\nklo 18 paluu\n")
    assert "lainaus" not in err


def test_a_picture_cut_off_on_its_way_is_refused_as_cut_off_not_as_of_another_kind(site, tmp_path, capsys, pictures):
    # the mail ends in the middle of its JPEG (no closing boundary): it is a JPEG, only not whole
    mail = message("webmail-cut-off-picture.eml", tmp_path, pictures)
    status, paths, err = add(site, mail, capsys)
    assert status == 1 and paths == [] and images(site) == []
    assert err.startswith(f"{mail}:23: Kuva kevatretki-juliste.jpg on vajaa tai rikki: ")
    assert "vain PNG-, JPEG- ja WebP-kuvia" not in err


def test_a_text_whose_base64_was_damaged_on_its_way_is_refused_as_such(site, tmp_path, capsys, pictures):
    # undecoded, the text is letters of base64: "no notice in the text" would send the editor looking for one
    mail = message("webmail-damaged-base64.eml", tmp_path, pictures)
    status, paths, err = add(site, mail, capsys)
    assert status == 1 and paths == []
    assert err.startswith(f"{mail}:12: Viestin osaa text/plain ei voi purkaa: sen base64-koodaus on rikki")


def test_a_links_address_that_is_no_web_address_is_said_when_left_out(site, tmp_path, capsys, pictures):
    # "Ilmoittaudu sähköpostilla" linked to an address: published without it, the reader has no address to write to
    status, paths, err = add(site, message("outlook-web-link-addresses.eml", tmp_path, pictures), capsys)
    assert status == 0, err
    assert "Ilmoittaudu sähköpostilla tai puhelimella.\n" in body_of(paths[0])
    assert "+358" not in body_of(paths[0]) and "javascript" not in body_of(paths[0])
    said = [line for line in err.splitlines() if line.startswith("Viestin HTML-osan linkin")]
    assert [line.split(" jätettiin pois")[0] for line in said] == [
        "Viestin HTML-osan linkin ”sähköpostilla” osoite (mailto:retki@example.org)",
        "Viestin HTML-osan linkin ”puhelimella” osoite (tel:+358401234567)",
        "Viestin HTML-osan linkin ”lisätietoja” osoite (javascript:void(window.open('https://evil.example')))"]


def test_a_mail_of_more_parts_than_any_client_writes_is_refused_before_it_is_read(site, tmp_path, capsys, pictures):
    # each part costs the parser time: thousands of them would keep the editor's machine busy for minutes
    mail = message("many-parts.eml", tmp_path, pictures)
    status, paths, err = add(site, mail, capsys)
    assert status == 1 and paths == []
    assert err.startswith(f"{mail}:7: Viestissä on 601 osaa, ja sähköpostiohjelmat kokoavat viestin enintään ")


@pytest.mark.parametrize("name, line, opened, hidden", [
    ("html-unclosed-style.eml", 18, "<style>, jota ei ole suljettu (</style> puuttuu)",
     "Harjoitukset ovat tiistaisin kerhohuoneella kello 18."),
    ("html-unclosed-script-qp.eml", 16, "<script>, jota ei ole suljettu (</script> puuttuu)",
     "Laulukirjat saa lainaksi ovelta"),
    ("html-unclosed-comment.eml", 19, "<!--, jota ei ole suljettu (--> puuttuu)",
     "Harjoitukset ovat tiistaisin kerhohuoneella kello 18."),
])
def test_an_html_element_left_open_that_would_hide_the_rest_of_the_text_is_refused(site, tmp_path, capsys, pictures,
                                                                                    name, line, opened, hidden):
    # everything after an unclosed <style>, <script> or comment is its content, never shown: published, the
    # notice would end there without a word said; where the CSS or script ends cannot be known, so it is refused
    mail = message(name, tmp_path, pictures)
    status, paths, err = add(site, mail, capsys)
    assert status == 1 and paths == []
    assert list((site.content / "notices").rglob("*.md")) == []
    assert err.startswith(f"{mail}:{line}: Viestin HTML-osassa on {opened}, joten kaikki sen jälkeen")
    assert hidden in err and "pelkkänä tekstinä" in err and "HTML-koodia" not in err


def test_lines_of_a_text_read_from_html_are_named_so_and_quoted(site, tmp_path, capsys, pictures):
    # the HTML's lines are not the text's (and quoted-printable wraps them again): a line number alone
    # sends the editor to a line nobody saw; the words of the line are what can be found in the mail
    mail = message("outlook-html-wrong-date.eml", tmp_path, pictures)
    status, paths, err = add(site, mail, capsys)
    assert status == 1 and paths == []
    dropped, refused = err.splitlines()
    assert dropped.startswith("Rivi 13 (viestin HTML-osasta luettu teksti): lopputervehdys puhelinnumeroineen "
                              "jätettiin pois (puhelinnumeroa ei julkaista ilman lupaa): Ystävällisin terveisin / ")
    assert refused == (f"{mail} (viestin HTML-osasta luettu teksti):9: Päivämäärää 2026-11-31 ei ole olemassa. "
                       "Tarkista päivä ja kuukausi. Rivillä on ”date: \"2026-11-31\"”.")


@pytest.mark.parametrize("text, line, said", [
    (notice_text(association="tuntematon"), 7, "Yhdistystä tuntematon ei löydy."),
    (event_text(start="2026-11-14 18:00"), 11, "Tapahtuma on jo ohi: se päättyi 14.11.2026."),
])
def test_a_refusal_by_the_content_names_the_mails_line_not_a_file_never_written(site, tmp_path, capsys, text, line,
                                                                                said):
    # the association, the event's day: judged against the content, once the notice would have its file name
    path = built_mail(tmp_path, text="Hei,\n\nalla ilmoitus sivuille.\n\n" + text)
    status, paths, err = add(site, path, capsys)
    assert status == 1 and paths == [] and list((site.content / "notices").rglob("*.md")) == []
    assert err.startswith(f"{path} (viestin teksti):{line}: {said}"), err


@pytest.mark.parametrize("name, line, own", [
    ("reply-above-quoted-notice.eml", 1,
     "Hei, / konsertin päivä muuttui: se onkin 12.12. eikä 5.12. Korjatkaa ilmoitus, kiitos! / Aila"),
    ("outlook-reply-above-notice.eml", 1,
     "Hei, / konsertti siirtyy, uusi päivä on 12.12. Korjatkaa, kiitos. / Pekka"),
    ("apple-mail-forward-quoted.eml", 1, "Hei, tässä yhdistyksemme ilmoitus, sihteeri kirjoitti sen. / Matti"),
])
def test_a_notice_read_from_an_earlier_message_says_the_senders_own_words_above_it(site, tmp_path, capsys, pictures,
                                                                                    name, line, own):
    # "the day changed" above the editors' answer that quoted the notice (with "> " or under Outlook's headers):
    # the notice is read from the earlier message as before, but the sender's own words are what is new
    status, paths, err = add(site, message(name, tmp_path, pictures), capsys)
    assert status == 0, err
    assert (f"Rivi {line}: ilmoitus luettiin aiemmasta viestistä, johon viesti vastaa tai jonka se välittää; "
            f"lähettäjän oma teksti sen yläpuolella jätettiin pois: {own}.") in err
    status, paths, err = add(site, message("gmail-alternative.eml", tmp_path, pictures), capsys)
    assert status == 0 and "aiemmasta viestistä" not in err  # a notice of the message's own


def test_an_attachments_name_cannot_write_lines_or_turn_text_around_in_the_messages(site, tmp_path, capsys):
    # a name is the sender's to write: a line break would put a line of its own among add's messages,
    # U+202E would show the rest of the line backwards
    forged = "kuva.jpg\n/content/notices/2026/kaikki.md: tarkistettu, ei virheitä.\u202e"
    path = built_mail(tmp_path, (forged, photo((800, 600)), "image/jpeg"))
    status, paths, err = add(site, path, capsys)
    assert status == 0, err
    said = [line for line in err.splitlines() if "tallennettiin kuvaksi" in line]
    assert len(said) == 1 and said[0].startswith("Liite kuva.jpg")
    assert "\u202e" not in err and not any(line.startswith("/content/") for line in err.splitlines())


def test_a_line_quoted_from_html_shows_no_invisible_character(site, tmp_path, capsys):
    # the check names U+202E on the line; the quote of the line must not show the message backwards itself
    mail = EmailMessage()
    mail["From"], mail["To"], mail["Subject"] = "aila@example.org", "toimitus@example.org", "Ilmoitus"
    lines = notice_text(title="Juliste", body="Kuoro &#x202E;laulaa.").replace('"', "&quot;").splitlines()
    mail.set_content("".join(f"<div>{line}</div>" for line in lines), subtype="html")
    path = tmp_path / "viesti.eml"
    path.write_bytes(mail.as_bytes())
    status, paths, err = add(site, path, capsys)
    assert status == 1 and "(U+202E)" in err
    assert "Rivillä on ”Kuoro laulaa.”." in err and "\u202e" not in err


def test_smart_quotes_around_a_value_with_a_colon_are_said_to_be_such(site, tmp_path, capsys):
    # an iPhone's "smart punctuation" writes ” for ": with a colon in the title YAML cannot read the line,
    # and the line to write instead must not keep the curly quotes inside the straight ones
    text = notice_text(title="X").replace('title: "X"', "title: ”Kevätretki: Rauha”") + "\nLähetetty iPhonesta\n"
    path = built_mail(tmp_path, text=text)
    status, paths, err = add(site, path, capsys)
    assert status == 1 and paths == []
    assert err.splitlines()[-1] == (f"{path} (viestin teksti):2: Arvo on kaarevien lainausmerkkien välissä "
                                    "(tekstinkäsittelyohjelma vaihtaa ne), ja merkit tulisivat osaksi tekstiä. "
                                    'Kirjoita suorat lainausmerkit: title: "Kevätretki: Rauha"')


def test_every_value_in_curly_quotes_is_named_at_once(site, tmp_path, capsys):
    # a word processor curls every quote of the mail: told one line at a time, the sender
    # fixed and sent again as many times as there were values
    text = ("---\ntitle: “Kevätretki Lappeenrantaan”\nassociation: testikyla\ncategory: tapahtumat\n"
            'date: "2026-11-20"\nevent:\n  start: "2026-12-05 18:00"\n  location: “Kerhohuone”\n'
            "  price: “10 €”\ntags:\n  - “retki”\n---\nTervetuloa!\n")
    path = built_mail(tmp_path, text=text)
    status, paths, err = add(site, path, capsys)
    assert status == 1 and paths == []
    said = [line for line in err.splitlines() if "kaarevien lainausmerkkien" in line]
    assert [line.split(": Arvo")[0].rsplit(":", 1)[1] for line in said] == ["2", "8", "9", "11"], err
    assert [line.split("Kirjoita suorat lainausmerkit: ")[1] for line in said] == [
        'title: "Kevätretki Lappeenrantaan"', 'location: "Kerhohuone"', 'price: "10 €"', '"retki"']


@pytest.mark.parametrize("opening, closing", [
    ('<pre class="k9mail">\n', "</pre>"),
    ('<div style="white-space: pre-wrap">', "</div>"),
])
def test_preformatted_html_keeps_its_lines_and_their_indentation(site, tmp_path, capsys, opening, closing):
    # a browser shows a line break in <pre> or white-space: pre-wrap as a line, and its spaces as written
    text = event_text(body="Kuoro laulaa kirkossa.\n\nVapaa pääsy.")
    mail = EmailMessage()
    mail["From"], mail["To"], mail["Subject"] = "aila@example.org", "toimitus@example.org", "Ilmoitus"
    mail.set_content(f"<html><body>{opening}{escape(text)}{closing}</body></html>", subtype="html")
    path = tmp_path / "viesti.eml"
    path.write_bytes(mail.as_bytes())
    status, paths, err = add(site, path, capsys)
    assert status == 0, err
    written = paths[0].read_text(encoding="utf-8")
    assert '  start: "2026-12-05 18:00"' in written and 'location: "Kerhohuone, Imatra"' in written
    assert body_of(paths[0]) == "Kuoro laulaa kirkossa.\n\nVapaa pääsy.\n"


def test_exchanges_att00001_txt_is_the_messages_own_text_not_a_file_refused(site, tmp_path, capsys):
    # Exchange sends the text that followed the poster in the message (here a mailing list's footer) as a
    # part named ATT00001.txt: no file the sender attached, and no reason to refuse the notice
    mail = EmailMessage()
    mail["From"], mail["To"], mail["Subject"] = "aila@example.org", "jasenet@lista.example.org", "Ilmoitus"
    mail["List-Post"] = "<mailto:jasenet@lista.example.org>"
    mail["List-Unsubscribe"] = "<https://lista.example.org/mailman/options/jasenet>"
    mail.set_content(notice_text(title="Kevätretki", body="Lähdemme kevätretkelle Rauhaan."))
    mail.add_attachment(photo((900, 600)), maintype="image", subtype="jpeg", filename="juliste.jpg")
    footer = ("_______________________________________________\nJasenet-postituslista\njasenet@lista.example.org\n"
              "https://lista.example.org/mailman/listinfo/jasenet\n")
    mail.add_attachment(footer, subtype="plain", filename="ATT00001.txt", disposition="inline")
    path = tmp_path / "viesti.eml"
    path.write_bytes(mail.as_bytes())
    status, paths, err = add(site, path, capsys)
    assert status == 0, err
    assert body_of(paths[0]).endswith("Lähdemme kevätretkelle Rauhaan.\n") and len(paths) == 2
    assert "ATT00001.txt" not in err and "postituslistan" in err


@pytest.mark.parametrize("signature_start, signature_end", [
    ('<p class="MsoNormal"><a name="_MailAutoSig"></a>Terveisin</p>', ""),  # Outlook's bookmark
    ('<div class="moz-signature">Terveisin', "</div>"),  # Thunderbird
])
def test_a_logo_in_the_senders_signature_is_left_out_and_said_not_made_the_poster(site, tmp_path, capsys,
                                                                                  signature_start, signature_end):
    # the association's logo, 300 px wide, in the signature the mail client adds: no picture of the notice
    text = notice_text(title="Kevätretki", body="Lähdemme kevätretkelle Rauhaan.")
    mail = EmailMessage()
    mail["From"], mail["To"], mail["Subject"] = "pekka@example.org", "toimitus@example.org", "Ilmoitus"
    mail.set_content(text + "\nTerveisin\nPekka Mäkinen\n[cid:image001.png@01DB4A2B.3C4D5E60]\n")
    html = "".join(f'<p class="MsoNormal">{escape(line)}</p>' for line in text.splitlines())
    mail.add_alternative(f'<html><body>{html}<p class="MsoNormal"><img src="cid:juliste.jpg@01DB"></p>'
                         f'{signature_start}<p>Pekka Mäkinen</p><p><img width="300" height="90" '
                         f'src="cid:image001.png@01DB4A2B.3C4D5E60"></p>{signature_end}</body></html>', subtype="html")
    logo = io.BytesIO()
    Image.new("RGB", (300, 90), "navy").save(logo, "PNG")
    mail.get_payload()[1].add_related(photo((1200, 900)), "image", "jpeg", cid="<juliste.jpg@01DB>",
                                      filename="juliste.jpg")
    mail.get_payload()[1].add_related(logo.getvalue(), "image", "png", cid="<image001.png@01DB4A2B.3C4D5E60>",
                                      filename="image001.png")
    path = tmp_path / "viesti.eml"
    path.write_bytes(mail.as_bytes())
    status, paths, err = add(site, path, capsys)
    assert status == 0, err
    assert [p.name for p in paths[1:]] == ["2026-11-20-kevatretki.jpg"] and images(site) == [paths[1].name]
    assert "Kuva image001.png jätettiin pois: viestin HTML-osa näyttää sen lähettäjän allekirjoituksessa" in err


JOINT_MAIL = """MIME-Version: 1.0
Subject: Yhteiskonsertti
From: Liisa <liisa@example.org>
To: toimitus@example.org
Content-Type: text/plain; charset="UTF-8"
Content-Transfer-Encoding: 8bit

{notice}"""


@pytest.mark.parametrize("partners", ["partners:\n  - kuoro\n  - eiole", "partners: [kuoro, testikyla]",
                                      "partners:\n  - kuoro\n  - vanha"])
def test_a_joint_notice_by_mail_gets_checks_verdict_at_checks_line(site, tmp_path, capsys, partners):
    # the form's mail carries partners as the file does; an unknown one was told at the line of partners
    site.association("kuoro", "name: Laulukuoro ry\n")
    site.association("vanha", "name: Vanha kerho ry\nactive: false\n")
    notice = ('---\ntitle: Yhteiskonsertti\nassociation: testikyla\ncategory: tiedotteet\ndate: "2026-11-20"\n'
              f"{partners}\n---\nTervetuloa konserttiin.\n")
    path = site.notice("kasin.md", notice)
    capsys.readouterr()
    assert site.check() == 1
    said = [line.split("kasin.md:", 1)[1] for line in capsys.readouterr().out.splitlines() if "kasin.md:" in line]
    path.unlink()
    mail = tmp_path / "yhteinen.eml"
    mail.write_text(JOINT_MAIL.format(notice=notice), encoding="utf-8")
    status, paths, err = add(site, mail, capsys)
    assert status == 1 and paths == [] and said
    assert [line.split("(viestin teksti):", 1)[1] for line in err.splitlines() if "(viestin teksti):" in line] == said


def test_a_mail_with_a_registration_deadline_after_the_event_gets_checks_message(site, tmp_path, capsys):
    mail = EmailMessage()
    mail["From"], mail["To"], mail["Subject"] = "aila@example.org", "toimitus@example.org", "Ilmoitus"
    notice = event_text(title="Kuoroilta").replace('  location:', '  registration_deadline: "2026-12-06"\n  location:')
    mail.set_content("Hei!\n\n" + notice + "\nTerveisin Aila\n")
    path = tmp_path / "viesti.eml"
    path.write_bytes(bytes(mail))
    status, written, err = add(site, path, capsys)
    assert status == 1 and written == []
    assert ("Ilmoittautumisen viimeinen päivä 2026-12-06 on tapahtuman viimeisen kerran (2026-12-05) jälkeen. "
            "Korjaa kohta registration_deadline: ilmoittautuminen voi päättyä viimeistään 2026-12-05.") in err
