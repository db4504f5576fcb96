"""Sharing a notice (copy link, e-mail, WhatsApp, Facebook as plain links),
its og:image, and the site's favicon and web app manifest."""
import json
import struct
from urllib.parse import parse_qs, unquote, urlsplit

import pytest
from bs4 import BeautifulSoup

from bulletin_icons import drawing
from browser import browser, example_base, missing, served  # noqa: F401  (fixtures)
from conftest import notice_text

LOCAL = "http://127.0.0.1:8000"
NOTICE = "ilmoitukset/joulukonsertti-vuoksenlaulu/"
TITLE = "Vuoksenlaulun joulukonsertti ”Tähtitaivaan alla”"


def share_links(soup):
    return {a.get_text(strip=True): a["href"] for a in soup.select(".bl-share__list a")}


def test_share_block_has_plain_links_with_the_address(example_site):
    soup = BeautifulSoup((example_site / NOTICE / "index.html").read_text(encoding="utf-8"), "html.parser")
    address = f"{LOCAL}/{NOTICE}"
    assert soup.find(id="jaa-osoite").get_text() == address
    links = share_links(soup)
    mail = urlsplit(links["Lähetä sähköpostilla"])
    assert mail.scheme == "mailto" and parse_qs(mail.query)["subject"] == [TITLE]
    assert parse_qs(mail.query)["body"] == [f"{TITLE}\n{address}"]
    whatsapp = urlsplit(links["Jaa WhatsAppissa"])
    assert whatsapp.netloc == "wa.me" and parse_qs(whatsapp.query)["text"] == [f"{TITLE} {address}"]
    facebook = urlsplit(links["Jaa Facebookissa"])
    assert facebook.netloc == "www.facebook.com" and parse_qs(facebook.query)["u"] == [address]
    # nothing of the services on the page: only links
    html = (example_site / NOTICE / "index.html").read_text(encoding="utf-8")
    assert "facebook" not in " ".join(str(t) for t in soup.find_all(["script", "img", "iframe", "link"]))
    assert html.count("facebook.com") == 1


def test_copy_link_copies_the_address_and_says_so(browser, example_base):
    context = browser.new_context()
    context.grant_permissions(["clipboard-read", "clipboard-write"], origin=example_base)
    try:
        page = context.new_page()
        page.goto(f"{example_base}/{NOTICE}")
        page.get_by_role("button", name="Kopioi linkki").click()
        assert page.evaluate("navigator.clipboard.readText()") == f"{LOCAL}/{NOTICE}"
        assert page.get_by_role("status").inner_text() == "Linkki on kopioitu. Voit liittää sen viestiin."
    finally:
        context.close()


def test_without_javascript_the_address_is_there_to_copy(browser, example_base):
    context = browser.new_context(java_script_enabled=False)
    try:
        page = context.new_page()
        page.goto(f"{example_base}/{NOTICE}")
        assert page.locator("#jaa-osoite").inner_text() == f"{LOCAL}/{NOTICE}"
        assert not page.get_by_role("button", name="Kopioi linkki").is_visible()
    finally:
        context.close()


def test_og_image_is_the_notices_first_image_made_absolute(site):
    (site.content / "images").mkdir()
    (site.content / "images" / "kartta.png").write_bytes(drawing.png(16))
    site.notice("kuvallinen.md", notice_text(title="Kuvallinen", body="Teksti.\n\n![Kartta & reitti]({static}/images/kartta.png)"))
    site.notice("kuvaton.md", notice_text(title="Kuvaton"))
    assert site.build() == 0
    with_image = site.page("ilmoitukset/kuvallinen/")
    assert with_image.find("meta", property="og:image")["content"] == f"{LOCAL}/images/kartta.png"
    assert with_image.find("meta", property="og:image:alt")["content"] == "Kartta & reitti"
    assert site.page("ilmoitukset/kuvaton/").find("meta", property="og:image") is None



def test_og_image_of_a_finnish_file_name_is_an_address_a_crawler_can_fetch(site):
    """A messaging app's crawler fetches og:image as it stands: "ä" in the
    file's name must come percent-encoded (RFC 3986), or the preview has no
    picture. Fetched by Python's own HTTP client, which sends only ASCII."""
    import urllib.request
    (site.content / "images").mkdir()
    (site.content / "images" / "kevätjuhla ä.png").write_bytes(drawing.png(16))
    site.notice("kuvallinen.md", notice_text(title="Kuvallinen", body="![Sali](<{static}/images/kevätjuhla ä.png>)"))
    assert site.build() == 0
    address = site.page("ilmoitukset/kuvallinen/").find("meta", property="og:image")["content"]
    assert address == f"{LOCAL}/images/kev%C3%A4tjuhla%20%C3%A4.png"
    with served(site.output) as base, urllib.request.urlopen(address.replace(LOCAL, base)) as response:
        assert response.read() == drawing.png(16)

def png_size(data):
    assert data[:8] == b"\x89PNG\r\n\x1a\n" and data[12:16] == b"IHDR"
    return struct.unpack(">II", data[16:24])


def test_favicon_icons_and_manifest(example_site):
    ico = (example_site / "favicon.ico").read_bytes()
    reserved, kind, count = struct.unpack("<HHH", ico[:6])
    assert (reserved, kind) == (0, 1) and count >= 2
    for n in range(count):
        width, height, _, _, _, _, size, offset = struct.unpack("<BBBBHHII", ico[6 + 16 * n:22 + 16 * n])
        assert png_size(ico[offset:offset + size]) == (width, height)
    manifest = json.loads((example_site / "manifest.webmanifest").read_text(encoding="utf-8"))
    assert manifest["name"] == "Imatran järjestöjen ilmoitukset" and manifest["short_name"] == "Imatran ilmoitukset"
    assert manifest["start_url"] == "/" and manifest["lang"] == "fi"
    sizes = {icon["sizes"] for icon in manifest["icons"]}
    assert {"192x192", "512x512"} <= sizes
    for icon in manifest["icons"]:
        data = (example_site / unquote(icon["src"]).lstrip("/")).read_bytes()
        if icon["type"] == "image/png":
            assert png_size(data) == tuple(map(int, icon["sizes"].split("x")))
        else:
            assert data.startswith(b"<svg")


@pytest.mark.parametrize("address", ["/", f"/{NOTICE}", "/haku/", "/404.html"])
def test_pages_link_the_icons_and_no_request_ends_in_404(browser, example_base, address):
    page = browser.new_page()
    failed = []
    page.on("response", lambda r: failed.append(r.url) if r.status >= 400 else None)
    try:
        page.goto(example_base + address)
        page.wait_for_load_state("networkidle")
        links = page.evaluate("""[...document.querySelectorAll(
            "link[rel~='icon'], link[rel='manifest'], link[rel='apple-touch-icon']")].map(l => l.getAttribute('href'))""")
        assert set(links) == {"/favicon.ico", "/kuvakkeet/kuvake.svg", "/kuvakkeet/kuvake-180.png",
                              "/manifest.webmanifest"}
        for link in links:
            assert page.request.get(example_base + link).ok, link
        # the favicon a browser asks for by itself is there too
        assert page.request.get(example_base + "/favicon.ico").ok
        assert [u for u in failed if not u.endswith("/404.html")] == []
    finally:
        page.close()
