"""What the period figures are worked out from, read once for a span of periods.

A report asks for the figures of many periods at once (each month of a year, and the
year): rather than every question once per period, each is asked once for the whole
span, by day or by instant, and :mod:`~.period` adds up the slice of each period. The
rules are those of :mod:`~.period` (see its text); this module only reads.
"""

from __future__ import annotations

from bisect import bisect_left, bisect_right
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import date, datetime
from typing import Any, Generic, TypeVar

from sqlalchemy import exists, func, select
from sqlalchemy.orm import Session as DbSession

from practice.economics.counting import (
    RAN,
    REVIEWED_ACTION,
    enrolment_alias,
    enrolment_end,
    later_running,
    session_plan,
    single_session,
    support_mode,
)
from practice.models import (
    ActionItem,
    ActionStatus,
    Attendance,
    Enquiry,
    EnquiryOutcome,
    Enrolment,
    Payment,
    PaymentKind,
    Session,
    SessionKind,
    WorkCategory,
    WorkLogEntry,
)

K = TypeVar("K", date, datetime)
R = TypeVar("R")


@dataclass(frozen=True, slots=True)
class Timeline(Generic[K, R]):
    """Rows in order of their day (or instant), sliced by period with a binary search."""

    keys: Sequence[K]
    rows: Sequence[R]

    @classmethod
    def of(cls, pairs: Iterable[tuple[K, R]]) -> Timeline[K, R]:
        ordered = sorted(pairs, key=lambda pair: pair[0])
        return cls([k for k, _ in ordered], [r for _, r in ordered])

    def within(self, first: K, last: K) -> Sequence[R]:
        """Rows keyed ``first..last``, both included."""
        return self.rows[bisect_left(self.keys, first) : bisect_right(self.keys, last)]

    def before(self, first: K, after: K) -> Sequence[R]:
        """Rows keyed from ``first`` up to, not including, ``after`` (instants)."""
        return self.rows[bisect_left(self.keys, first) : bisect_left(self.keys, after)]


@dataclass(frozen=True, slots=True)
class SessionRow:
    kind: SessionKind
    attendance: Attendance
    minutes: int
    elsewhere: bool  # of an enrolment in another currency


@dataclass(frozen=True, slots=True)
class WorkRow:
    category: WorkCategory
    minutes: int
    elsewhere: bool  # logged against an enrolment in another currency


@dataclass(frozen=True, slots=True)
class Ending:
    """An enrolment that ran and ended in the span: a programme or a consultation."""

    client_id: int
    began: date
    consultation: bool
    renewed: bool


@dataclass(frozen=True, slots=True)
class SpanRows:
    """Everything the figures of periods within ``start..end`` are made from."""

    currency: str
    sessions: Timeline[datetime, SessionRow]
    work: Timeline[date, WorkRow]
    unlinked_elsewhere: Timeline[date, int]  # minutes, see _unlinked_work_elsewhere below
    payments: Timeline[date, tuple[str, PaymentKind, int]]  # currency, kind, amount
    running: list[tuple[int, date, date]]  # client, start date, last day (ran)
    agreed: Timeline[date, int]  # agreed price, by agreed day, in the practice's currency
    endings: Timeline[date, Ending]  # by last day
    later_programmes: dict[int, list[date]]  # see _endings
    reviewed: Timeline[date, tuple[ActionStatus, int]]
    enquiries: Timeline[date, tuple[EnquiryOutcome, int]]


def read_span(
    s: DbSession,
    currency: str,
    start: date,
    end: date,
    first: datetime,
    after: datetime,
    *,
    today: date,
) -> SpanRows:
    """The rows behind the figures of any period within local days ``start..end``
    (``first..after`` the instants bounding them)."""
    sessions = Timeline.of(
        (
            starts_at,
            SessionRow(
                SessionKind(kind),
                Attendance(attendance),
                int(minutes),
                other is not None and other != currency,
            ),
        )
        for starts_at, kind, attendance, minutes, other in s.execute(
            select(
                Session.starts_at,
                Session.kind,
                Session.attendance,
                Session.duration_minutes,
                Enrolment.currency,
            )
            .outerjoin(Enrolment, Enrolment.id == Session.enrolment_id)
            .where(Session.starts_at >= first, Session.starts_at < after)
        )
    )
    work = Timeline.of(
        (
            day,
            WorkRow(WorkCategory(category), int(minutes), other is not None and other != currency),
        )
        for day, category, other, minutes in s.execute(
            select(
                WorkLogEntry.work_date,
                WorkLogEntry.category,
                Enrolment.currency,
                func.sum(WorkLogEntry.minutes),
            )
            .outerjoin(Enrolment, Enrolment.id == WorkLogEntry.enrolment_id)
            .where(WorkLogEntry.work_date >= start, WorkLogEntry.work_date <= end)
            .group_by(WorkLogEntry.work_date, WorkLogEntry.category, Enrolment.currency)
        )
    )
    payments = Timeline.of(
        (day, (str(paid_in), PaymentKind(kind), int(amount)))
        for day, paid_in, kind, amount in s.execute(
            select(Payment.received_on, Payment.currency, Payment.kind, func.sum(Payment.amount))
            .where(Payment.received_on >= start, Payment.received_on <= end)
            .group_by(Payment.received_on, Payment.currency, Payment.kind)
        )
    )
    last_day = enrolment_end()
    running = [
        (int(client_id), began, last)
        for client_id, began, last in s.execute(
            select(Enrolment.client_id, Enrolment.start_date, last_day).where(
                Enrolment.status.in_(RAN),
                Enrolment.start_date <= min(end, today),
                last_day >= start,
            )
        )
        if isinstance(last, date)
    ]
    agreed_day = func.coalesce(Enrolment.agreed_on, Enrolment.start_date)
    agreed = Timeline.of(
        (day, int(price))
        for day, price in s.execute(
            select(agreed_day, Enrolment.agreed_price).where(
                Enrolment.status.in_(RAN),
                Enrolment.currency == currency,
                agreed_day >= start,
                agreed_day <= end,
            )
        )
        if isinstance(day, date)
    )
    endings, later = _endings(s, start, min(end, today))
    reviewed = Timeline.of(
        (day, (ActionStatus(status), int(count)))
        for day, status, count in s.execute(
            select(ActionItem.reviewed_on, ActionItem.status, func.count())
            .where(
                ActionItem.status.in_(REVIEWED_ACTION),
                ActionItem.reviewed_on >= start,
                ActionItem.reviewed_on <= end,
            )
            .group_by(ActionItem.reviewed_on, ActionItem.status)
        )
        if day is not None  # the query keeps to reviewed days
    )
    enquiries = Timeline.of(
        (day, (EnquiryOutcome(outcome), int(count)))
        for day, outcome, count in s.execute(
            select(Enquiry.received_on, Enquiry.outcome, func.count())
            .where(Enquiry.received_on >= start, Enquiry.received_on <= end)
            .group_by(Enquiry.received_on, Enquiry.outcome)
        )
    )
    return SpanRows(
        currency=currency,
        sessions=sessions,
        work=work,
        unlinked_elsewhere=_unlinked_work_elsewhere(s, currency, start, end),
        payments=payments,
        running=running,
        agreed=agreed,
        endings=endings,
        later_programmes=later,
        reviewed=reviewed,
        enquiries=enquiries,
    )


def _unlinked_work_elsewhere(
    s: DbSession, currency: str, start: date, end: date
) -> Timeline[date, int]:
    """Minutes of client work logged without an enrolment, by day, that count towards an
    enrolment in another currency: the client's enrolment running that day (the
    later-started one when two overlap, as :func:`~.enrolment.enrolment_figures` counts
    it), so they stay out of the rate like the rest of that enrolment's time."""
    mine = enrolment_alias("mine")
    day = WorkLogEntry.work_date
    counted_elsewhere = exists().where(
        mine.client_id == WorkLogEntry.client_id,
        mine.status.in_(RAN),
        mine.currency != currency,
        mine.start_date <= day,
        func.coalesce(mine.ended_on, mine.end_date) >= day,
        ~later_running(mine, day),
    )
    return Timeline.of(
        (worked_on, int(minutes))
        for worked_on, minutes in s.execute(
            select(day, func.sum(WorkLogEntry.minutes))
            .where(
                WorkLogEntry.enrolment_id.is_(None),
                WorkLogEntry.client_id.is_not(None),
                day >= start,
                day <= end,
                counted_elsewhere,
            )
            .group_by(day)
        )
    )


def _endings(
    s: DbSession, start: date, last: date
) -> tuple[Timeline[date, Ending], dict[int, list[date]]]:
    """Enrolments (ran) whose last day fell in ``start..last``, and for the clients among
    them who had a consultation, the agreed programmes (not consultations) they started
    on or after the earliest such consultation's start date."""
    if last < start:
        return Timeline([], []), {}
    renewal = enrolment_alias("renewal")
    renewed = exists().where(renewal.renewal_of_id == Enrolment.id, renewal.status.in_(RAN))
    terms = (session_plan(), support_mode())
    ended: list[tuple[date, Ending]] = []
    for client_id, began, last_day, periods, mode, was_renewed in s.execute(
        select(Enrolment.client_id, Enrolment.start_date, enrolment_end(), *terms, renewed).where(
            Enrolment.status.in_(RAN),
            enrolment_end() >= start,
            enrolment_end() <= last,
        )
    ):
        consultation = single_session(_terms(periods, mode))
        ended.append((last_day, Ending(int(client_id), began, consultation, bool(was_renewed))))
    consulted: dict[int, date] = {}
    for _day, e in ended:
        if e.consultation:
            consulted[e.client_id] = min(e.began, consulted.get(e.client_id, e.began))
    # through the clients' own index, the status checked here (asked in SQL, it led
    # SQLite to read every enrolment of that status instead)
    later: dict[int, list[date]] = {}
    if consulted:
        for client_id, began, status, periods, mode in s.execute(
            select(Enrolment.client_id, Enrolment.start_date, Enrolment.status, *terms).where(
                Enrolment.client_id.in_(consulted),
                Enrolment.start_date >= min(consulted.values()),
            )
        ):
            if status in RAN and not single_session(_terms(periods, mode)):
                later.setdefault(client_id, []).append(began)
    return Timeline.of(ended), later


def _terms(periods: Any, mode: Any) -> dict[str, Any]:
    return {"periods": periods, "support_mode": mode}
