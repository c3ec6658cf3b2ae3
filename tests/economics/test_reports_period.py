"""Report periods (week, month, quarter, year, custom; previous/next) and their bars."""

from __future__ import annotations

from datetime import date, timedelta

import pytest
from hypothesis import given
from hypothesis import strategies as st

from practice.economics.report_period import (
    BucketSize,
    PeriodKind,
    bucket_size,
    buckets,
    custom_period,
    period_containing,
    shift_period,
)
from practice.errors import ValidationError

K = PeriodKind


@pytest.mark.parametrize(
    ("kind", "day", "start", "end"),
    [
        (K.WEEK, date(2026, 3, 15), date(2026, 3, 9), date(2026, 3, 15)),  # a Sunday
        (K.WEEK, date(2026, 3, 16), date(2026, 3, 16), date(2026, 3, 22)),  # a Monday
        (K.MONTH, date(2024, 2, 10), date(2024, 2, 1), date(2024, 2, 29)),  # leap year
        (K.QUARTER, date(2026, 5, 31), date(2026, 4, 1), date(2026, 6, 30)),
        (K.QUARTER, date(2026, 12, 31), date(2026, 10, 1), date(2026, 12, 31)),
        (K.YEAR, date(2026, 7, 4), date(2026, 1, 1), date(2026, 12, 31)),
        (K.CUSTOM, date(2026, 7, 4), date(2026, 7, 4), date(2026, 7, 4)),
    ],
)
def test_period_containing(kind: PeriodKind, day: date, start: date, end: date) -> None:
    period = period_containing(kind, day)
    assert (period.kind, period.start, period.end) == (kind, start, end)


def test_previous_and_next() -> None:
    march = period_containing(K.MONTH, date(2026, 3, 15))
    assert shift_period(march, -1).start == date(2026, 2, 1)
    assert shift_period(march, -1).end == date(2026, 2, 28)
    assert shift_period(march, 10).start == date(2027, 1, 1)
    q1 = period_containing(K.QUARTER, date(2026, 1, 1))
    assert (shift_period(q1, -1).start, shift_period(q1, -1).end) == (
        date(2025, 10, 1),
        date(2025, 12, 31),
    )
    week = period_containing(K.WEEK, date(2026, 1, 1))  # 29 Dec 2025 – 4 Jan 2026
    assert shift_period(week, 1).start == date(2026, 1, 5)
    assert shift_period(period_containing(K.YEAR, date(2026, 1, 1)), -1).end == date(2025, 12, 31)
    # a custom period steps by its own length (10 days)
    custom = custom_period(date(2026, 3, 1), date(2026, 3, 10))
    later = shift_period(custom, 1)
    assert (later.kind, later.start, later.end) == (K.CUSTOM, date(2026, 3, 11), date(2026, 3, 20))


def test_custom_period_must_be_in_order() -> None:
    with pytest.raises(ValidationError) as raised:
        custom_period(date(2026, 3, 2), date(2026, 3, 1))
    assert raised.value.field == "end"


def test_bucket_sizes() -> None:
    start = date(2026, 1, 1)
    assert bucket_size(start, start) == BucketSize.DAY
    assert bucket_size(start, start + timedelta(days=13)) == BucketSize.DAY  # 14 days
    assert bucket_size(start, start + timedelta(days=14)) == BucketSize.WEEK  # 15 days
    assert bucket_size(start, start + timedelta(days=119)) == BucketSize.WEEK  # 120 days
    assert bucket_size(start, start + timedelta(days=120)) == BucketSize.MONTH


def test_a_week_period_is_shown_day_by_day() -> None:
    week = period_containing(K.WEEK, date(2026, 3, 15))
    bars = buckets(week.start, week.end)
    assert [(b.start.day, b.end.day) for b in bars] == [(d, d) for d in range(9, 16)]


def test_months_are_clipped_to_a_custom_period() -> None:
    bars = buckets(date(2026, 1, 20), date(2026, 6, 10))
    assert [(b.start, b.end) for b in bars] == [
        (date(2026, 1, 20), date(2026, 1, 31)),
        (date(2026, 2, 1), date(2026, 2, 28)),
        (date(2026, 3, 1), date(2026, 3, 31)),
        (date(2026, 4, 1), date(2026, 4, 30)),
        (date(2026, 5, 1), date(2026, 5, 31)),
        (date(2026, 6, 1), date(2026, 6, 10)),
    ]


@given(
    st.dates(min_value=date(2000, 1, 1), max_value=date(2099, 1, 1)),
    st.integers(min_value=0, max_value=800),
)
def test_buckets_cover_the_period_exactly(start: date, length: int) -> None:
    end = start + timedelta(days=length)
    bars = buckets(start, end)
    assert bars[0].start == start and bars[-1].end == end
    for before, after in zip(bars, bars[1:], strict=False):
        assert after.start == before.end + timedelta(days=1)
    assert all(b.start <= b.end for b in bars)


@given(
    st.sampled_from([K.WEEK, K.MONTH, K.QUARTER, K.YEAR]),
    st.dates(min_value=date(2000, 1, 1), max_value=date(2099, 1, 1)),
)
def test_next_then_previous_is_the_same_period(kind: PeriodKind, day: date) -> None:
    period = period_containing(kind, day)
    assert period.start <= day <= period.end
    following = shift_period(period, 1)
    assert following.start == period.end + timedelta(days=1)
    assert shift_period(following, -1) == period
