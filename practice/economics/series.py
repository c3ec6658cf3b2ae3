"""Seen vs unseen minutes per ISO week or per calendar month, for charts.

*Seen* minutes are contact minutes (attended meetings and support calls, by the local
date they start on); *unseen* minutes are work log entries (by their date). A series
covers every whole ISO week (Monday to Sunday) or calendar month that overlaps
``start..end``, so the first and last bars are never partial; buckets with nothing in
them are included with zeros. Each series is two grouped queries.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date, timedelta, tzinfo
from typing import Any

from sqlalchemy import ColumnElement, case, func, select
from sqlalchemy.orm import InstrumentedAttribute

from practice.economics.period import check_period
from practice.economics.source import Source, local_midnight, practice_tz, reading
from practice.models import Attendance, Session, WorkLogEntry
from practice.timeutil import add_months


@dataclass(frozen=True, slots=True)
class SeenUnseen:
    """One bar of the chart: a week or a month, with seen and unseen minutes."""

    start: date  # first day (Monday, or the 1st)
    end: date  # last day (Sunday, or the month's last day)
    label: str  # "2026-W06" or "2026-02"
    seen_minutes: int
    unseen_minutes: int

    @property
    def total_minutes(self) -> int:
        return self.seen_minutes + self.unseen_minutes


def weeks(start: date, end: date) -> list[tuple[date, date, str]]:
    """Every ISO week overlapping ``start..end``: (Monday, Sunday, "YYYY-Www")."""
    monday = start - timedelta(days=start.weekday())
    result = []
    while monday <= end:
        year, week, _ = monday.isocalendar()
        result.append((monday, monday + timedelta(days=6), f"{year}-W{week:02d}"))
        monday += timedelta(days=7)
    return result


def months(start: date, end: date) -> list[tuple[date, date, str]]:
    """Every calendar month overlapping ``start..end``: (1st, last day, "YYYY-MM")."""
    first = start.replace(day=1)
    result = []
    while first <= end:
        following = add_months(first, 1)
        result.append((first, following - timedelta(days=1), f"{first:%Y-%m}"))
        first = following
    return result


def weekly_seen_unseen(
    source: Source, start: date, end: date, *, tz: tzinfo | None = None
) -> list[SeenUnseen]:
    """Seen and unseen minutes for each ISO week overlapping ``start..end``."""
    check_period(start, end)
    return _series(source, weeks(start, end), tz)


def monthly_seen_unseen(
    source: Source, start: date, end: date, *, tz: tzinfo | None = None
) -> list[SeenUnseen]:
    """Seen and unseen minutes for each calendar month overlapping ``start..end``."""
    check_period(start, end)
    return _series(source, months(start, end), tz)


def _bucket(column: InstrumentedAttribute[Any], bounds: Sequence[Any]) -> ColumnElement[int]:
    """SQL: the index of the bucket a value falls in, given each bucket's exclusive end."""
    return case(*[(column < bound, index) for index, bound in enumerate(bounds)], else_=None)


def _series(
    source: Source, buckets: list[tuple[date, date, str]], tz: tzinfo | None
) -> list[SeenUnseen]:
    seen = [0] * len(buckets)
    unseen = [0] * len(buckets)
    days_after = [last + timedelta(days=1) for _, last, _ in buckets]
    with reading(source) as s:
        tz = practice_tz(s, tz)
        instants = [local_midnight(last + timedelta(days=1), tz) for _, last, _ in buckets]
        session_bucket = _bucket(Session.starts_at, instants).label("bucket")
        for index, minutes in s.execute(
            select(session_bucket, func.sum(Session.duration_minutes))
            .where(
                Session.attendance == Attendance.ATTENDED,
                Session.starts_at >= local_midnight(buckets[0][0], tz),
                Session.starts_at < instants[-1],
            )
            .group_by(session_bucket)
        ):
            seen[index] = int(minutes)
        work_bucket = _bucket(WorkLogEntry.work_date, days_after).label("bucket")
        for index, minutes in s.execute(
            select(work_bucket, func.sum(WorkLogEntry.minutes))
            .where(
                WorkLogEntry.work_date >= buckets[0][0],
                WorkLogEntry.work_date < days_after[-1],
            )
            .group_by(work_bucket)
        ):
            unseen[index] = int(minutes)
    return [
        SeenUnseen(first, last, label, seen[i], unseen[i])
        for i, (first, last, label) in enumerate(buckets)
    ]
