"""The period a report covers and the bars its charts are cut into.

* A **period** is a run of local days ``start..end`` (both inclusive) of one kind: a
  week (Monday to Sunday), a calendar month, a quarter (Jan–Mar, Apr–Jun, …), a
  calendar year, or custom dates. :func:`period_containing` finds the one a day falls
  in; :func:`shift_period` steps to the previous or next one (a custom period steps by
  its own length).
* **Buckets** (the bars over time): a period of up to 14 days is shown day by day, up
  to 120 days week by week (ISO weeks), longer ones month by month. Every bucket is
  clipped to the period, so the buckets of a period cover exactly its days and their
  figures add up to the figures of the whole period.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, timedelta
from enum import StrEnum

from practice.economics.period import check_period
from practice.economics.series import months, weeks
from practice.timeutil import add_months


class PeriodKind(StrEnum):
    WEEK = "week"
    MONTH = "month"
    QUARTER = "quarter"
    YEAR = "year"
    CUSTOM = "custom"

    @property
    def label(self) -> str:
        return self.value.capitalize()


class BucketSize(StrEnum):
    DAY = "day"
    WEEK = "week"
    MONTH = "month"


#: Longest period shown day by day, and week by week.
DAILY_UP_TO_DAYS = 14
WEEKLY_UP_TO_DAYS = 120


@dataclass(frozen=True, slots=True)
class ReportPeriod:
    kind: PeriodKind
    start: date
    end: date

    @property
    def days(self) -> int:
        return (self.end - self.start).days + 1


@dataclass(frozen=True, slots=True)
class Bucket:
    """One bar of a chart: local days ``start..end`` inclusive."""

    start: date
    end: date


def period_containing(kind: PeriodKind | str, day: date) -> ReportPeriod:
    """The week, month, quarter or year ``day`` falls in (custom: that day alone)."""
    kind = PeriodKind(kind)
    if kind == PeriodKind.WEEK:
        monday = day - timedelta(days=day.weekday())
        return ReportPeriod(kind, monday, monday + timedelta(days=6))
    if kind == PeriodKind.MONTH:
        first = day.replace(day=1)
        return ReportPeriod(kind, first, add_months(first, 1) - timedelta(days=1))
    if kind == PeriodKind.QUARTER:
        first = date(day.year, 3 * ((day.month - 1) // 3) + 1, 1)
        return ReportPeriod(kind, first, add_months(first, 3) - timedelta(days=1))
    if kind == PeriodKind.YEAR:
        return ReportPeriod(kind, date(day.year, 1, 1), date(day.year, 12, 31))
    return ReportPeriod(kind, day, day)


def custom_period(start: date, end: date) -> ReportPeriod:
    """Custom dates (``ValidationError`` on ``end`` when it is before ``start``)."""
    check_period(start, end)
    return ReportPeriod(PeriodKind.CUSTOM, start, end)


def shift_period(period: ReportPeriod, steps: int) -> ReportPeriod:
    """The period ``steps`` periods later (earlier when negative), of the same kind."""
    if period.kind == PeriodKind.CUSTOM:
        offset = timedelta(days=period.days * steps)
        return ReportPeriod(period.kind, period.start + offset, period.end + offset)
    if period.kind == PeriodKind.WEEK:
        return period_containing(period.kind, period.start + timedelta(days=7 * steps))
    months_per = {PeriodKind.MONTH: 1, PeriodKind.QUARTER: 3, PeriodKind.YEAR: 12}
    return period_containing(period.kind, add_months(period.start, months_per[period.kind] * steps))


def bucket_size(start: date, end: date) -> BucketSize:
    """Days for up to 14 days, weeks for up to 120 days, months beyond."""
    days = (end - start).days + 1
    if days <= DAILY_UP_TO_DAYS:
        return BucketSize.DAY
    if days <= WEEKLY_UP_TO_DAYS:
        return BucketSize.WEEK
    return BucketSize.MONTH


def buckets(start: date, end: date, size: BucketSize | None = None) -> list[Bucket]:
    """The bars of ``start..end``, each clipped to the period, in date order."""
    check_period(start, end)
    size = size or bucket_size(start, end)
    if size == BucketSize.DAY:
        return [
            Bucket(start + timedelta(days=n), start + timedelta(days=n))
            for n in range((end - start).days + 1)
        ]
    whole = weeks(start, end) if size == BucketSize.WEEK else months(start, end)
    return [Bucket(max(first, start), min(last, end)) for first, last, _ in whole]
