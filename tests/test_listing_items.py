"""Listings draw each notice's item once per build (bulletin_pages/items.py)."""
from jinja2 import DictLoader, Environment

from bulletin_pages.items import NoticeItems

MACROS = '{% macro notice_item(article, heading, occurrence=None) %}<li><{{ heading }}>{{ SITEURL }}/' \
         '{{ article.title }}{% if occurrence %} {{ occurrence }}{% endif %}</{{ heading }}></li>{% endmacro %}'


class Article:
    def __init__(self, title):
        self.title = title


def test_an_item_is_drawn_once_and_the_same_everywhere():
    env = Environment(loader=DictLoader({"_macros.html": MACROS}), autoescape=True)
    items = NoticeItems(env)
    a, b = Article("Eka"), Article("Toka <3>")
    first = items([a, b], "h3", "https://esimerkki.fi")
    calls = []
    module_item = items.macros["https://esimerkki.fi"]
    items.macros["https://esimerkki.fi"] = lambda *args: calls.append(args) or module_item(*args)
    again = items([b, a], "h3", "https://esimerkki.fi")
    assert calls == []  # both were drawn already
    assert first == ("<li><h3>https://esimerkki.fi/Eka</h3></li>"
                     "<li><h3>https://esimerkki.fi/Toka &lt;3&gt;</h3></li>")
    assert again == ("<li><h3>https://esimerkki.fi/Toka &lt;3&gt;</h3></li>"
                     "<li><h3>https://esimerkki.fi/Eka</h3></li>")
    assert items([a], "h2", "") == "<li><h2>/Eka</h2></li>"  # another heading is another item


def test_each_occurrence_of_a_series_is_its_own_item():
    from bulletin_pages.listings import Listed
    env = Environment(loader=DictLoader({"_macros.html": MACROS}), autoescape=True)
    items = NoticeItems(env)
    a = Article("Jumppa")
    drawn = items([Listed(a, "ti 12.1."), Listed(a, "to 14.1."), Listed(a, "ti 12.1.")], "h3", "", by_occurrence=True)
    assert drawn == "<li><h3>/Jumppa ti 12.1.</h3></li><li><h3>/Jumppa to 14.1.</h3></li><li><h3>/Jumppa ti 12.1.</h3></li>"
    assert items([a], "h3", "") == "<li><h3>/Jumppa</h3></li>"  # listed by its next occurrence, drawn apart
