"""sitemap.xml past the format's limit of addresses a file: an index of
sitemap-1.xml, sitemap-2.xml, ... that together list every address once."""
from xml.etree import ElementTree

from bulletin_cli.cli import main
from bulletin_pages.sitemap import sitemap_files
from conftest import ROOT, notice_text

NS = {"s": "http://www.sitemaps.org/schemas/sitemap/0.9"}


def locations(text, tag):
    root = ElementTree.fromstring(text.encode())
    return root.tag.split("}")[1], [loc.text for loc in root.findall(f"s:{tag}/s:loc", NS)]


def small_sitemaps(folder, limit):
    """A settings file: the project's, with at most `limit` addresses a sitemap file."""
    settings = folder / "small-sitemaps.py"
    settings.write_text(f"exec(open({str(ROOT / 'pelicanconf.py')!r}).read())\n"
                        f"THEME = {str(ROOT / 'theme')!r}\nPLUGIN_PATHS = [{str(ROOT / 'plugins')!r}]\n"
                        f"BULLETIN_SITEMAP_LIMIT = {limit}\n", encoding="utf-8")
    return settings


def test_addresses_within_the_limit_are_one_file():
    files = sitemap_files("https://example.org", ["", "a/", "b/"], 3)
    assert list(files) == ["sitemap.xml"]
    assert locations(files["sitemap.xml"], "url") == (
        "urlset", ["https://example.org/", "https://example.org/a/", "https://example.org/b/"])


def test_past_the_limit_sitemap_xml_is_an_index_of_files_of_at_most_the_limit():
    addresses = [f"n/{i}/" for i in range(7)]
    files = sitemap_files("https://example.org", addresses, 3)
    assert locations(files["sitemap.xml"], "sitemap") == (
        "sitemapindex", [f"https://example.org/sitemap-{n}.xml" for n in (1, 2, 3)])
    parts = [locations(files[f"sitemap-{n}.xml"], "url") for n in (1, 2, 3)]
    assert [kind for kind, _ in parts] == ["urlset"] * 3
    assert [len(locs) for _, locs in parts] == [3, 3, 1]
    assert [loc for _, locs in parts for loc in locs] == [f"https://example.org/{a}" for a in addresses]


def test_a_built_site_past_the_limit_lists_every_address_through_the_index(site, tmp_path):
    for n in range(3):
        site.notice(f"ilmoitus-{n}.md", notice_text(title=f"Ilmoitus {n}"))
    assert site.build() == 0
    whole = locations((site.output / "sitemap.xml").read_text(encoding="utf-8"), "url")[1]
    assert len(whole) > 20

    settings = small_sitemaps(tmp_path, 10)
    output = tmp_path / "split"
    assert main(["-s", str(settings), "build", "--content", str(site.content), "--output", str(output),
                 "--today", "2026-12-01"]) == 0
    kind, parts = locations((output / "sitemap.xml").read_text(encoding="utf-8"), "sitemap")
    assert kind == "sitemapindex" and len(parts) == -(-len(whole) // 10)
    listed = []
    for part in parts:
        name = part.rsplit("/", 1)[1]
        kind, locs = locations((output / name).read_text(encoding="utf-8"), "url")
        assert kind == "urlset" and len(locs) <= 10
        listed += locs
    assert listed == whole
    assert part.startswith(whole[0])  # the index gives the files' full addresses


def test_the_sitemap_is_left_in_place_while_its_addresses_are_the_same(site, tmp_path):
    """A rebuild after a notice's text changed keeps the previous sitemap
    files; a new notice's address, or a new split, writes them again."""
    settings = small_sitemaps(tmp_path, 30)
    output = tmp_path / "out"

    def build():
        assert main(["-s", str(settings), "build", "--content", str(site.content), "--output", str(output),
                     "--today", "2026-12-01"]) == 0
        return sorted(p.name for p in output.glob("sitemap*.xml")), (output / "sitemap.xml").stat().st_ino

    site.notice("a.md", notice_text(title="Eka"))
    names, first = build()
    assert names == ["sitemap.xml"]
    site.notice("a.md", notice_text(title="Eka", body="Toinen teksti."))
    assert build() == (names, first)
    for n in range(12):
        site.notice(f"uusi-{n}.md", notice_text(title=f"Uusi {n}"))
    names, split = build()
    assert names == ["sitemap-1.xml", "sitemap-2.xml", "sitemap.xml"] and split != first
    listed = [loc for name in names[:2] for loc in locations((output / name).read_text(encoding="utf-8"), "url")[1]]
    assert sum(loc.endswith("/uusi-11/") for loc in listed) == 1
    for n in range(12):
        (site.content / "notices" / f"uusi-{n}.md").unlink()
    names, again = build()
    assert names == ["sitemap.xml"] and again != split
