"""Notice pages are rendered on both cores (bulletin_incremental/both_cores.py):
a forked process renders half of them, and the output is the one a single
process makes; two pages at one address are still refused."""
from functools import partial
from types import SimpleNamespace

import pytest
from jinja2 import Template
from pelican.writers import FileOverwriteFailedError, Writer

from bulletin_incremental import REUSE, both_cores
from conftest import notice_text
from test_reproducible import differences
from test_warm_identical import tree


class Generator:
    """What generate_articles reads of Pelican's ArticlesGenerator."""

    def __init__(self, *addresses):
        self.articles = [SimpleNamespace(save_as=a, template="notice", url=a, title=f"Sivu {i}")
                         for i, a in enumerate(addresses)]
        self.translations, self.hidden_translations, self.hidden_articles = [], [], []
        self.context = {"localsiteurl": ""}

    def get_template(self, name):
        return Template("<h1>{{ article.title }}</h1>")


@pytest.fixture
def writer(tmp_path, monkeypatch):
    monkeypatch.setattr(both_cores, "MIN_PAGES", 2)
    REUSE.__init__()  # no previous build: every page is rendered
    return Writer(str(tmp_path), settings={})


def test_the_forked_half_is_written_and_known_to_the_writer(writer, tmp_path):
    both_cores.generate_articles(Generator("a.html", "b.html", "c.html", "d.html"), partial(writer.write_file))
    assert [(tmp_path / f"{n}.html").read_text() for n in "abcd"] == [f"<h1>Sivu {i}</h1>" for i in range(4)]
    # the writer knows the files of both halves, so a later page at one of them is refused
    assert writer._written_files == {str(tmp_path / f"{n}.html") for n in "abcd"}
    with pytest.raises(FileOverwriteFailedError):
        writer.write_file("d.html", Template("x"), {"localsiteurl": ""})


def test_two_pages_at_one_address_in_different_halves_are_refused(writer, tmp_path):
    with pytest.raises(FileOverwriteFailedError, match=f'"{tmp_path / "b.html"}"'):
        both_cores.generate_articles(Generator("a.html", "b.html", "c.html", "b.html"), partial(writer.write_file))


def test_a_site_rendered_on_both_cores_is_the_one_rendered_on_one(site, monkeypatch):
    for number in range(12):
        site.notice(f"n{number:02d}.md", notice_text(title=f"Ilmoitus {number}", body=f"Teksti {number}."))
    rendered = []
    render = Template.render

    def counting(self, *args, **kwargs):
        if self.name == "article.html":
            rendered.append(self)
        return render(self, *args, **kwargs)

    monkeypatch.setattr(Template, "render", counting)
    monkeypatch.setattr(both_cores, "MIN_PAGES", 1000)
    assert site.build() == 0
    alone, pages = tree(site.output), len(rendered)
    assert pages >= 12
    site.output = site.output.with_name("kaksin")
    rendered.clear()
    monkeypatch.setattr(both_cores, "MIN_PAGES", 2)
    assert site.build() == 0
    assert len(rendered) == pages // 2  # the other half was rendered by the second process
    assert differences(tree(site.output), alone) == []
