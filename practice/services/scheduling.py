"""Date and plan arithmetic for programmes and enrolments (no database).

* A programme of *n* months starting on a day ends the day before the same day *n*
  months later (3 months from 3 March ends on 2 June); *n* weeks end ``7n - 1`` days on.
* Instalments fall due on the start date and then every interval after it: weekly,
  fortnightly, or monthly on the same day of the month (clamped to the month's end).
"""

from __future__ import annotations

from collections.abc import Iterable
from datetime import date, timedelta

from practice.economics.planned import PeriodLike, planned_session_count
from practice.models import InstalmentInterval, LengthUnit
from practice.timeutil import add_months

_INTERVAL_DAYS = {InstalmentInterval.WEEKLY: 7, InstalmentInterval.FORTNIGHTLY: 14}


def end_date(start: date, length_value: int, length_unit: LengthUnit | str) -> date:
    """The last day of a programme of ``length_value`` weeks or months from ``start``."""
    if LengthUnit(length_unit) is LengthUnit.MONTHS:
        return add_months(start, length_value) - timedelta(days=1)
    return start + timedelta(days=7 * length_value - 1)


def period_start(start: date, period: int, length_unit: LengthUnit | str) -> date:
    """The first day of period ``period`` (1-based) of a programme starting on ``start``."""
    if LengthUnit(length_unit) is LengthUnit.MONTHS:
        return add_months(start, period - 1)
    return start + timedelta(days=7 * (period - 1))


def due_dates(start: date, count: int, interval: InstalmentInterval | str) -> list[date]:
    """When each of ``count`` instalments falls due, the first on ``start``."""
    interval = InstalmentInterval(interval)
    if interval is InstalmentInterval.MONTHLY:
        return [add_months(start, n) for n in range(count)]
    step = _INTERVAL_DAYS[interval]
    return [start + timedelta(days=step * n) for n in range(count)]


def planned_sessions(periods: Iterable[PeriodLike]) -> int:
    """Sessions in a session plan: the economics rule (:func:`planned_session_count`)."""
    return planned_session_count(periods)
