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
