"""Per-enrolment actuals: sessions used, time spent, the actual rate, money paid and owed.

Rules (see also :mod:`practice.economics.counting` and :mod:`~.instalments`):

* **Sessions planned** come from the enrolment's ``terms_snapshot`` (the terms as
  agreed), never from the live programme.
* **Unseen minutes** of an enrolment are the work log entries recorded against it, plus
  the client's entries recorded against no enrolment dated while the enrolment ran
  (start date to ``ended_on`` or end date, inclusive). Each entry counts once: when two
  of the client's enrolments (not proposed or cancelled) ran that day, it counts
  towards the one that started later (the later-made one on the same day).
* **Earned** so far: the net price earned by the sessions used (see :mod:`~.earned`);
  all of it once the enrolment has completed or ended early.
* **Effective hourly rate** = earned ÷ (contact + unseen hours), the same basis as the
  practice's and a programme's rate; ``None`` with no time spent. **Planned rate** =
  agreed price ÷ the client's planned hours (:func:`~.planned.planned_rate`), so a
  discount agreed shows in both.
* **Paid**, **outstanding**, **credit**: see :mod:`~.balance` (a refund first gives
  back an overpayment, the rest lowers the price; a cancelled enrolment owes nothing
  more; one ended early owes the instalments due up to the day it ended).
* **Overdue** = what is left on instalments that fell due before ``today`` (the
  instalment allocation), so the total always matches the instalments listed.
* **Next instalment** = the earliest instalment due today or later with something left.
* The money is **as of ``today``**: payments and refunds received, and credit notes made,
  after it are not counted, so a statement dated in the past shows that day's account.
"""

from __future__ import annotations

import json
from collections.abc import Collection, Sequence
from dataclasses import dataclass, field
from datetime import date

from sqlalchemy import and_, case, func, select, true
from sqlalchemy.orm import Session as DbSession

from practice.economics.balance import balance, price_due, price_reduced
from practice.economics.counting import (
    MEETING_KINDS,
    MISSED_ATTENDANCE,
    REVIEWED_ACTION,
    USED_ATTENDANCE,
    enrolment_alias,
    follow_through,
    later_running,
)
from practice.economics.earned import Earning, earned_by, net_price
from practice.economics.instalments import (
    SIGNED_AMOUNT,
    InstalmentState,
    InstalmentStatus,
    instalment_statuses,
)
from practice.economics.planned import (
    ProgrammePlan,
    ProgrammeTerms,
    plan,
    planned_rate,
    planned_session_count,
)
from practice.economics.rates import Ratio, hourly_rate
from practice.economics.source import Source, display_name, reading
from practice.errors import NotFoundError
from practice.models import (
    ActionItem,
    ActionStatus,
    Attendance,
    Client,
    Enrolment,
    EnrolmentStatus,
    Payment,
    PaymentKind,
    Session,
    SessionKind,
    SupportMode,
    WorkLogEntry,
)


@dataclass(frozen=True, slots=True)
class EnrolmentFigures:
    """Everything derived about one enrolment. Money in minor units, time in minutes."""

    enrolment_id: int
    client_id: int
    status: EnrolmentStatus
    currency: str
    agreed_price: int
    plan: ProgrammePlan  # the planned economics of the agreed terms
    sessions_planned: int
    sessions_used: int  # attended + cancelled late + no-show
    sessions_remaining: int
    sessions_missed: int  # cancelled late + no-show (included in used)
    support_calls_included: int | None  # None when support is "as needed"
    support_calls_used: int
    contact_minutes: int  # attended meetings + attended support calls
    unseen_minutes: int
    total_minutes: int
    earned: int  # the net price earned by the sessions used so far (see earned)
    effective_hourly_rate: int | None  # earned ÷ all hours spent
    planned_hourly_rate: int | None  # agreed price ÷ the client's planned hours
    price_due: int  # agreed price; less when ended early; 0 when cancelled
    price_reduced: int  # taken off by price reductions (credit notes), in price_due already
    paid: int  # payments − refunds
    refunded: int
    outstanding: int
    credit: int  # paid beyond the price due, to refund (see balance)
    overdue: int
    next_instalment: InstalmentStatus | None
    instalments: tuple[InstalmentStatus, ...]
    follow_through: Ratio | None


def enrolment_figures(
    source: Source, enrolment: int | Enrolment, *, today: date
) -> EnrolmentFigures:
    """The figures of one enrolment as of ``today`` (raises ``NotFoundError`` if missing)."""
    with reading(source) as s:
        ident = enrolment.id if isinstance(enrolment, Enrolment) else enrolment
        row = s.get(Enrolment, ident)
        if row is None:
            raise NotFoundError("enrolment", ident)
        return _figures(s, row, today)


def many_enrolment_figures(
    s: DbSession, enrolments: Sequence[Enrolment], *, today: date
) -> dict[int, EnrolmentFigures]:
    """:func:`enrolment_figures` of each of ``enrolments``, read in five queries however
    many there are (the programme comparison asks for hundreds)."""
    facts = _facts_of(s, enrolments, today)
    return {e.id: _from_facts(e, today, facts[e.id]) for e in enrolments}


@dataclass
class _Facts:
    """What the figures of one enrolment are worked out from, as read from the database."""

    sessions: list[tuple[SessionKind, Attendance, int, int]] = field(default_factory=list)
    unseen: int = 0
    payments: int = 0
    refunded: int = 0
    instalments: list[InstalmentStatus] = field(default_factory=list)
    reviewed: list[tuple[ActionStatus, int]] = field(default_factory=list)


def _facts_of(s: DbSession, enrolments: Sequence[Enrolment], today: date) -> dict[int, _Facts]:
    ids = [e.id for e in enrolments]
    facts = {ident: _Facts() for ident in ids}
    if not ids:
        return facts
    for ident, kind, attendance, count, minutes in s.execute(
        select(
            Session.enrolment_id,
            Session.kind,
            Session.attendance,
            func.count(),
            func.sum(Session.duration_minutes),
        )
        .where(Session.enrolment_id.in_(ids))
        .group_by(Session.enrolment_id, Session.kind, Session.attendance)
    ):
        assert ident is not None  # the query keeps to ``ids``
        facts[ident].sessions.append((kind, attendance, int(count), int(minutes)))
    # unseen work: logged for the enrolment, or for its client without one while it ran
    # and no later-started enrolment of theirs ran that day (two disjoint sums)
    for ident, minutes in s.execute(
        select(WorkLogEntry.enrolment_id, func.sum(WorkLogEntry.minutes))
        .where(WorkLogEntry.enrolment_id.in_(ids))
        .group_by(WorkLogEntry.enrolment_id)
    ):
        assert ident is not None  # the query keeps to ``ids``
        facts[ident].unseen += int(minutes)
    mine = enrolment_alias("mine")
    for ident, minutes in s.execute(
        select(mine.id, func.sum(WorkLogEntry.minutes))
        .join(
            WorkLogEntry,
            and_(
                WorkLogEntry.enrolment_id.is_(None),
                WorkLogEntry.client_id == mine.client_id,
                WorkLogEntry.work_date >= mine.start_date,
                WorkLogEntry.work_date <= func.coalesce(mine.ended_on, mine.end_date),
                ~later_running(mine, WorkLogEntry.work_date),
            ),
        )
        .where(mine.id.in_(ids))
        .group_by(mine.id)
    ):
        facts[ident].unseen += int(minutes)
    for ident, payment_kind, amount in s.execute(
        select(Payment.enrolment_id, Payment.kind, func.sum(Payment.amount))
        .where(Payment.enrolment_id.in_(ids), Payment.received_on <= today)
        .group_by(Payment.enrolment_id, Payment.kind)
    ):
        if payment_kind == PaymentKind.REFUND:
            facts[ident].refunded = int(amount)
        else:
            facts[ident].payments = int(amount)
    statuses = instalment_statuses(
        s, ids, today=today, reductions_until=today, payments_until=today
    )
    for ident, found in statuses.items():
        facts[ident].instalments = list(found)
    for ident, action_status, count in s.execute(
        select(Session.enrolment_id, ActionItem.status, func.count())
        .join(Session, ActionItem.session_id == Session.id)
        .where(Session.enrolment_id.in_(ids), ActionItem.status.in_(REVIEWED_ACTION))
        .group_by(Session.enrolment_id, ActionItem.status)
    ):
        assert ident is not None  # the query keeps to ``ids``
        facts[ident].reviewed.append((action_status, int(count)))
    return facts


def _figures(s: DbSession, e: Enrolment, today: date) -> EnrolmentFigures:
    return _from_facts(e, today, _facts_of(s, [e], today)[e.id])


def _from_facts(e: Enrolment, today: date, facts: _Facts) -> EnrolmentFigures:
    terms = ProgrammeTerms.from_snapshot(e.terms_snapshot)
    planned = plan(terms)
    status = EnrolmentStatus(e.status)

    used = missed = calls = contact = 0
    for kind, attendance, count, minutes in facts.sessions:
        if attendance == Attendance.ATTENDED:
            contact += minutes
        if attendance in USED_ATTENDANCE:
            if kind in MEETING_KINDS:
                used += count
                missed += count if attendance in MISSED_ATTENDANCE else 0
            elif kind == SessionKind.SUPPORT_CALL:
                calls += count

    last_day = e.ended_on or e.end_date
    unseen = facts.unseen
    payments, refunded = facts.payments, facts.refunded
    instalments = facts.instalments
    due = price_due(e, instalments)
    money = balance(due, payments, refunded)
    earning = Earning(
        enrolment_id=e.id,
        currency=e.currency,
        status=status,
        start=e.start_date,
        last=last_day,
        net_price=net_price(status, due, payments, refunded),
        sessions_planned=planned.sessions,
    )
    earned = earned_by(earning, max(today, last_day), used)
    overdue = sum(i.left for i in instalments if i.state == InstalmentState.OVERDUE)
    upcoming = [i for i in instalments if i.due_date >= today and i.state in _STILL_TO_PAY]
    reviewed = facts.reviewed

    if terms.support_mode == SupportMode.COUNT:
        included: int | None = terms.support_call_count
    elif terms.support_mode == SupportMode.AS_NEEDED:
        included = None
    else:
        included = 0

    total = contact + unseen
    return EnrolmentFigures(
        enrolment_id=e.id,
        client_id=e.client_id,
        status=status,
        currency=e.currency,
        agreed_price=e.agreed_price,
        plan=planned,
        sessions_planned=planned.sessions,
        sessions_used=used,
        sessions_remaining=max(planned.sessions - used, 0),
        sessions_missed=missed,
        support_calls_included=included,
        support_calls_used=calls,
        contact_minutes=contact,
        unseen_minutes=unseen,
        total_minutes=total,
        earned=earned,
        effective_hourly_rate=hourly_rate(earned, total),
        planned_hourly_rate=planned_rate(e.agreed_price, planned),
        price_due=money.price_due,
        price_reduced=price_reduced(instalments),
        paid=money.paid,
        refunded=refunded,
        outstanding=money.outstanding,
        credit=money.credit,
        overdue=overdue,
        next_instalment=upcoming[0] if upcoming else None,
        instalments=tuple(instalments),
        follow_through=follow_through(reviewed),
    )


_STILL_TO_PAY = (InstalmentState.DUE, InstalmentState.PART_PAID)


@dataclass(frozen=True, slots=True)
class EnrolmentRow:
    """One line of an enrolment list."""

    id: int
    client_id: int
    client_name: str
    programme_name: str
    start_date: date
    end_date: date
    status: EnrolmentStatus
    agreed_price: int
    currency: str
    price_due: int  # see balance: 0 for a proposal or a cancelled enrolment
    price_reduced: int  # by price reductions (credit notes), in price_due already
    payments_received: int  # refunds not taken off
    refunded: int
    paid: int  # payments − refunds
    outstanding: int  # price due − payments received, never below 0
    overdue: int
    credit: int  # payments − price due − refunds, never below 0
    sessions_used: int  # attended + missed
    sessions_attended: int
    sessions_missed: int  # cancelled late or not attended
    sessions_planned: int

    @property
    def sessions_remaining(self) -> int:
        return max(self.sessions_planned - self.sessions_used, 0)


def enrolment_rows(
    source: Source,
    *,
    client_id: int | None = None,
    statuses: Collection[EnrolmentStatus | str] | None = None,
    today: date,
) -> list[EnrolmentRow]:
    """Enrolments for a list, newest start first, in four queries however many there are.

    Every figure is as of ``today``, as in :func:`enrolment_figures`: nothing received or
    lowered after it counts.
    """
    listed = select(Enrolment.id)  # the enrolments listed, for their sums and instalments
    if client_id is not None:
        listed = listed.where(Enrolment.client_id == client_id)
    if statuses is not None:
        listed = listed.where(Enrolment.status.in_([EnrolmentStatus(x) for x in statuses]))
    some = client_id is not None or statuses is not None
    paid = (
        select(
            Payment.enrolment_id,
            func.sum(SIGNED_AMOUNT).label("net"),
            func.sum(case((Payment.kind == PaymentKind.PAYMENT, Payment.amount), else_=0)).label(
                "payments"
            ),
        )
        .where(Payment.enrolment_id.in_(listed) if some else true())
        .where(Payment.received_on <= today)  # as of today, like enrolment_figures
        .group_by(Payment.enrolment_id)
        .subquery()
    )
    attended = case((Session.attendance == Attendance.ATTENDED, 1), else_=0)
    used = (
        select(
            Session.enrolment_id,
            func.count().label("used"),
            func.sum(attended).label("attended"),
        )
        .where(Session.kind.in_(MEETING_KINDS), Session.attendance.in_(USED_ATTENDANCE))
        .where(Session.enrolment_id.in_(listed) if some else true())
        .group_by(Session.enrolment_id)
        .subquery()
    )
    query = (
        select(
            Enrolment.id,
            Enrolment.client_id,
            Enrolment.programme_name,
            Enrolment.start_date,
            Enrolment.end_date,
            Enrolment.ended_on,
            Enrolment.status,
            Enrolment.agreed_price,
            Enrolment.currency,
            # only the session plan of the snapshot, as JSON text: a few distinct plans
            # (as_string: the text on both engines, SQLite's json_extract and ->> there)
            Enrolment.terms_snapshot["periods"].as_string().label("periods"),
            Client.first_name,
            Client.preferred_name,
            Client.last_name,
            func.coalesce(paid.c.net, 0).label("net"),
            func.coalesce(paid.c.payments, 0).label("gross"),
            func.coalesce(used.c.used, 0).label("used"),
            func.coalesce(used.c.attended, 0).label("attended"),
        )
        .join(Client, Client.id == Enrolment.client_id)
        .outerjoin(paid, paid.c.enrolment_id == Enrolment.id)
        .outerjoin(used, used.c.enrolment_id == Enrolment.id)
        .where(Enrolment.id.in_(listed) if some else true())
        .order_by(Enrolment.start_date.desc(), Enrolment.id.desc())
    )
    with reading(source) as s:
        found = s.execute(query).all()
        allocation = instalment_statuses(
            s, listed, today=today, reductions_until=today, payments_until=today
        )
        sessions_planned: dict[str | None, int] = {}
        rows = []
        for r in found:
            if r.periods not in sessions_planned:
                periods = json.loads(r.periods) if r.periods is not None else ()
                sessions_planned[r.periods] = planned_session_count(periods)
            instalments = allocation.get(r.id, [])
            gross = int(r.gross)
            money = balance(price_due(r, instalments), gross, gross - int(r.net))
            overdue = sum(i.left for i in instalments if i.state == InstalmentState.OVERDUE)
            rows.append(
                EnrolmentRow(
                    id=r.id,
                    client_id=r.client_id,
                    client_name=display_name(r.first_name, r.preferred_name, r.last_name),
                    programme_name=r.programme_name,
                    start_date=r.start_date,
                    end_date=r.end_date,
                    status=EnrolmentStatus(r.status),
                    agreed_price=r.agreed_price,
                    currency=r.currency,
                    price_due=money.price_due,
                    price_reduced=price_reduced(instalments),
                    payments_received=money.payments,
                    refunded=money.refunded,
                    paid=money.paid,
                    outstanding=money.outstanding,
                    overdue=overdue,
                    credit=money.credit,
                    sessions_used=int(r.used),
                    sessions_attended=int(r.attended),
                    sessions_missed=int(r.used) - int(r.attended),
                    sessions_planned=sessions_planned[r.periods],
                )
            )
        return rows
