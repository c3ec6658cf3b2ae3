"""Reports 1 and 2: seen and unseen hours by category over time, and the hourly rate.

Every bar is :func:`~practice.economics.period.period_figures` of its bucket (see
:mod:`~.report_period`), so contact time, unseen time by category, earned income, cash
received and the effective hourly rate follow exactly the rules of the period figures.

The **nominal per-session rate** is what the practitioner charges per session on
paper: of the enrolments that ran during the bucket (active, completed or ended early;
start date ≤ bucket end and last day ≥ bucket start) in the practice's currency, the
agreed prices added up ÷ the sessions their agreed terms plan, rounded half-up.
Enrolments whose terms plan no session are left out; ``None`` when none is left.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass
from datetime import date, tzinfo

from sqlalchemy import select

from practice.economics.counting import RAN, enrolment_end, session_plan
from practice.economics.period import PeriodFigures, period_figures
from practice.economics.planned import snapshot_session_count
from practice.economics.rates import divide
from practice.economics.report_period import Bucket
from practice.economics.source import Source, practice_currency, reading
from practice.models import Enrolment, WorkCategory


@dataclass(frozen=True, slots=True)
class TimeBar:
    """Report 1: one bar of seen vs unseen time, stacked by category (minutes)."""

    start: date
    end: date
    session_minutes: int  # attended meetings (sessions and reviews)
    support_call_minutes: int  # attended support calls
    unseen_by_category: Mapping[WorkCategory, int]  # every category, zeros included

    @property
    def seen_minutes(self) -> int:
        return self.session_minutes + self.support_call_minutes

    @property
    def unseen_minutes(self) -> int:
        return sum(self.unseen_by_category.values())

    @property
    def total_minutes(self) -> int:
        return self.seen_minutes + self.unseen_minutes


@dataclass(frozen=True, slots=True)
class RatePoint:
    """Report 2: the effective hourly rate of a bucket next to the nominal per-session rate."""

    start: date
    end: date
    earned_income: int  # in the practice's currency (period figures)
    income_received: int  # cash, beside it
    total_minutes: int
    effective_hourly_rate: int | None  # earned income ÷ the hours behind it (period figures)
    nominal_session_rate: int | None  # agreed prices ÷ planned sessions
    sessions_planned: int  # of the enrolments behind the nominal rate
    agreed_total: int


def time_bar(figures: PeriodFigures) -> TimeBar:
    return TimeBar(
        start=figures.start,
        end=figures.end,
        session_minutes=figures.meeting_minutes,
        support_call_minutes=figures.support_call_minutes,
        unseen_by_category=figures.unseen_by_category,
    )


@dataclass(frozen=True, slots=True)
class _Agreed:
    start: date
    last: date
    price: int
    sessions: int


def _agreed_in(source: Source, start: date, end: date) -> list[_Agreed]:
    """Enrolments that ran during ``start..end`` with their price and planned sessions."""
    with reading(source) as s:
        currency = practice_currency(s)
        rows = s.execute(
            select(
                Enrolment.start_date,
                enrolment_end(),
                Enrolment.agreed_price,
                session_plan(),
            ).where(
                Enrolment.status.in_(RAN),
                Enrolment.currency == currency,
                Enrolment.start_date <= end,
                enrolment_end() >= start,
            )
        ).all()
    found = []
    for first, last, price, periods in rows:
        found.append(_Agreed(first, last, int(price), snapshot_session_count({"periods": periods})))
    return found


def nominal_session_rate(agreed: Sequence[_Agreed], start: date, end: date) -> tuple[int, int]:
    """(agreed prices, planned sessions) of the enrolments running during ``start..end``."""
    price = sessions = 0
    for e in agreed:
        if e.start <= end and e.last >= start and e.sessions > 0:
            price += e.price
            sessions += e.sessions
    return price, sessions


def time_and_rate(
    source: Source,
    bars: Sequence[Bucket],
    *,
    today: date,
    tz: tzinfo | None = None,
    figures_of: Callable[[date, date], PeriodFigures] | None = None,
) -> tuple[list[TimeBar], list[RatePoint]]:
    """Reports 1 and 2 for the given buckets (one period-figures call per bucket, through
    ``figures_of`` when the caller shares them)."""
    if not bars:
        return [], []
    agreed = _agreed_in(source, bars[0].start, bars[-1].end)
    times: list[TimeBar] = []
    rates: list[RatePoint] = []
    for bar in bars:
        if figures_of is not None:
            f = figures_of(bar.start, bar.end)
        else:
            f = period_figures(source, bar.start, bar.end, today=today, tz=tz)
        times.append(time_bar(f))
        price, sessions = nominal_session_rate(agreed, bar.start, bar.end)
        rates.append(
            RatePoint(
                start=bar.start,
                end=bar.end,
                earned_income=f.earned_income,
                income_received=f.income_received,
                total_minutes=f.total_minutes,
                effective_hourly_rate=f.effective_hourly_rate,
                nominal_session_rate=divide(price, sessions),
                sessions_planned=sessions,
                agreed_total=price,
            )
        )
    return times, rates
