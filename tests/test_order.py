"""Notices are newest first, and by slug among notices of the same moment,
in every list (bulletin_contract.order)."""
from datetime import datetime, timedelta, timezone
from types import SimpleNamespace

from hypothesis import given
from hypothesis import strategies as st

from bulletin_contract.fields import HELSINKI
from bulletin_contract.order import newest_first

START = datetime(2025, 3, 29, 12, tzinfo=HELSINKI)  # across a change of summer time
moments = st.builds(lambda hours, utc: (START + timedelta(hours=hours)).astimezone(timezone.utc if utc else HELSINKI),
                    st.integers(0, 72), st.booleans())
notices = st.lists(st.builds(SimpleNamespace, date=moments, slug=st.sampled_from(["a", "b", "c", "d", "e"])),
                   max_size=30)


@given(notices)
def test_newest_first_then_by_slug(articles):
    expected = sorted(articles, key=lambda a: (-a.date.timestamp(), a.slug))
    assert [id(a) for a in newest_first(articles)] == [id(a) for a in expected]


def test_the_same_moment_in_two_zones_is_ordered_by_slug():
    moment = datetime(2026, 12, 1, 18, tzinfo=HELSINKI)
    later = SimpleNamespace(date=moment + timedelta(minutes=1), slug="z")
    b, a = SimpleNamespace(date=moment, slug="b"), SimpleNamespace(date=moment.astimezone(timezone.utc), slug="a")
    assert [n.slug for n in newest_first([b, later, a])] == ["z", "a", "b"]


def _listed(slug, hours):
    notice = SimpleNamespace(event=None, category="tiedotteet", association="yhdistys", tags=[], path=f"{slug}.md",
                             is_current=lambda today, days: True)
    return SimpleNamespace(date=START + timedelta(hours=hours), slug=slug, notice=notice)


def test_the_listings_take_the_contracts_order_and_put_any_other_in_it(monkeypatch):
    import bulletin_pages.listings as listings
    from bulletin_contract.reader import STATE

    settings = {"BULLETIN_EXPIRY_DAYS": 30, "BULLETIN_CATEGORIES": {"tiedotteet": "Tiedotteet"}}
    ordered = [_listed("c", 3), _listed("b", 2), _listed("a", 1)]
    sorts = []
    monkeypatch.setattr(listings, "newest_first", lambda articles: sorts.append(1) or newest_first(articles))
    monkeypatch.setattr(STATE, "published", tuple(ordered))
    # the contract's own list, as it ordered it: not sorted again
    assert [a.slug for a in listings.group(ordered, START.date(), settings).current_notices] == ["c", "b", "a"]
    assert sorts == []
    # any other (here, the same notices in another order) is put in order
    assert [a.slug for a in listings.group(ordered[::-1], START.date(), settings).current_notices] == ["c", "b", "a"]
    assert sorts == [1]


def test_a_build_lists_the_notices_in_the_contracts_order_without_sorting_them_again(site, monkeypatch):
    import bulletin_pages.listings as listings
    from conftest import notice_text

    for slug, day in [("b", "2026-11-20"), ("c", "2026-11-25"), ("a", "2026-11-20")]:
        site.notice(f"{slug}.md", notice_text(title=f"Ilmoitus {slug}", date=day))
    sorts = []
    monkeypatch.setattr(listings, "newest_first", lambda articles: sorts.append(1) or newest_first(articles))
    assert site.build() == 0
    assert sorts == []  # the contract's order reached the listings as it was
    items = site.page("aiheet/tiedotteet/").select("main h2 a, main h3 a")
    assert [a.get_text(strip=True) for a in items] == ["Ilmoitus c", "Ilmoitus a", "Ilmoitus b"]
