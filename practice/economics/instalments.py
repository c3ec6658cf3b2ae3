"""Which instalments are paid: payments allocated to the instalment plan.

Allocation rule
---------------
1. A payment recorded against an instalment (``instalment_id``) goes to that
   instalment first, up to its amount; anything beyond joins the pool below.
2. The pool (payments recorded against no instalment, plus any excess from step 1)
   fills the instalments oldest first (by due date, then number).
3. Refunds do not un-pay instalments: a refund either gives back money paid beyond the
   price or lowers what the client pays overall (see :mod:`~.enrolment`), so the
   instalments always hold exactly the payments received, up to the plan's total.

An instalment is **paid** when nothing is left on it, **overdue** when something is
left and it fell due before today, **part-paid** when some but not all of it is paid
and it is not yet overdue, and **due** when nothing is paid and it is not yet overdue.
What is left is no longer owed (**cancelled**) on a cancelled enrolment, and on an
enrolment ended early for instalments falling due after the day it ended. Nothing is
owed on a proposal until the client agrees: its instalments are **not agreed yet**,
never due or overdue.

A **price reduction** (a credit note, :class:`~practice.models.PriceReduction`) lowers
the instalments still owed, the last one first and back from there, before payments are
allocated: what is due soonest stays as agreed, and money already paid beyond the new
total is held as credit.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Collection, Mapping, Sequence
from dataclasses import dataclass
from datetime import date
from enum import StrEnum

from sqlalchemy import ColumnElement, Select, case, func, select
from sqlalchemy.orm import Session as DbSession

from practice.models import (
    Enrolment,
    EnrolmentStatus,
    Instalment,
    Payment,
    PaymentKind,
    PriceReduction,
)

#: SQL: a payment's amount, negative for a refund (sum it for the net amount paid).
SIGNED_AMOUNT: ColumnElement[int] = case(
    (Payment.kind == PaymentKind.REFUND, -Payment.amount), else_=Payment.amount
)


class InstalmentState(StrEnum):
    PAID = "paid"
    PART_PAID = "part_paid"
    DUE = "due"
    OVERDUE = "overdue"
    CANCELLED = "cancelled"
    NOT_AGREED = "not_agreed"
    REDUCED_AWAY = "reduced_away"  # a price reduction took the whole of it off

    @property
    def label(self) -> str:
        return _LABELS[self]


_LABELS = {
    InstalmentState.PAID: "Paid",
    InstalmentState.PART_PAID: "Part-paid",
    InstalmentState.DUE: "Due",
    InstalmentState.OVERDUE: "Overdue",
    InstalmentState.CANCELLED: "Cancelled",
    InstalmentState.NOT_AGREED: "Not agreed yet",
    InstalmentState.REDUCED_AWAY: "Taken off the price",
}


@dataclass(frozen=True, slots=True)
class InstalmentDue:
    """An instalment as planned: what allocation works on."""

    id: int
    number: int
    due_date: date
    amount: int


@dataclass(frozen=True, slots=True)
class InstalmentStatus:
    """One instalment with what has been paid towards it and what is left."""

    instalment_id: int
    number: int
    due_date: date
    amount: int  # as agreed, less any price reduction on it (``reduced``)
    paid: int
    left: int
    state: InstalmentState
    reduced: int = 0  # taken off this instalment by price reductions

    def days_overdue(self, today: date) -> int:
        """Whole days since it fell due (0 when not overdue)."""
        if self.state != InstalmentState.OVERDUE:
            return 0
        return (today - self.due_date).days


def allocate(
    instalments: Sequence[InstalmentDue],
    designated: Mapping[int, int],
    loose: int,
) -> dict[int, int]:
    """Allocate payments to instalments; returns instalment id → amount paid towards it.

    ``designated`` maps an instalment id to the payments recorded against it; ``loose``
    is the payments recorded against no instalment (refunds are not included).
    """
    order = sorted(instalments, key=lambda i: (i.due_date, i.number, i.id))
    known = {i.id for i in order}
    pool = loose + sum(amount for ident, amount in designated.items() if ident not in known)
    paid: dict[int, int] = {}
    for inst in order:
        direct = designated.get(inst.id, 0)
        taken = min(max(direct, 0), inst.amount)
        paid[inst.id] = taken
        pool += direct - taken
    for inst in order:
        if pool <= 0:
            break
        take = min(inst.amount - paid[inst.id], pool)
        paid[inst.id] += take
        pool -= take
    return paid


def statuses(
    instalments: Sequence[InstalmentDue],
    designated: Mapping[int, int],
    loose: int,
    *,
    today: date,
    cancelled: bool = False,
    ended_on: date | None = None,
    proposed: bool = False,
    reduced: int = 0,
) -> list[InstalmentStatus]:
    """Each instalment's paid / left / state, in due-date order.

    ``cancelled``: the enrolment was cancelled; ``ended_on``: the day it ended early;
    ``proposed``: the client has not agreed yet; ``reduced``: the price reductions in
    force (see the module text).
    """
    order = sorted(instalments, key=lambda i: (i.due_date, i.number, i.id))
    cut: dict[int, int] = {}
    if reduced and not (cancelled or proposed):
        for inst in reversed(order):  # the last instalment still owed first
            if ended_on is not None and inst.due_date > ended_on:
                continue
            cut[inst.id] = min(inst.amount, reduced)
            reduced -= cut[inst.id]
            if reduced <= 0:
                break
        order = [
            InstalmentDue(i.id, i.number, i.due_date, i.amount - cut.get(i.id, 0)) for i in order
        ]
    paid = allocate(order, designated, loose)
    result = []
    for inst in order:
        got = paid[inst.id]
        left = inst.amount - got
        if inst.amount == 0 and cut.get(inst.id, 0) > 0:
            state = InstalmentState.REDUCED_AWAY
        elif left == 0:
            state = InstalmentState.PAID
        elif proposed:
            state = InstalmentState.NOT_AGREED
        elif cancelled or (ended_on is not None and inst.due_date > ended_on):
            state = InstalmentState.CANCELLED
        elif inst.due_date < today:
            state = InstalmentState.OVERDUE
        elif got > 0:
            state = InstalmentState.PART_PAID
        else:
            state = InstalmentState.DUE
        result.append(
            InstalmentStatus(
                inst.id,
                inst.number,
                inst.due_date,
                inst.amount,
                got,
                left,
                state,
                reduced=cut.get(inst.id, 0),
            )
        )
    return result


def instalment_statuses(
    session: DbSession,
    enrolment_ids: Collection[int] | Select[int],
    *,
    today: date,
    reductions_until: date | None = None,
    payments_until: date | None = None,
) -> dict[int, list[InstalmentStatus]]:
    """Instalment statuses of many enrolments at once (three queries in all).

    ``enrolment_ids`` are ids, or a query selecting them (a list of every enrolment
    passes its own filter rather than thousands of ids). Every id given has an entry;
    with a query, the enrolments that have instalments or payments. Every price
    reduction not withdrawn counts; with ``reductions_until``, only those made by then;
    with ``payments_until``, only the payments received by then.
    """
    if isinstance(enrolment_ids, Select):
        among: Select[int] | list[int] = enrolment_ids
        asked: list[int] | None = None
    else:
        among = asked = list(set(enrolment_ids))
        if not asked:
            return {}
    plans: dict[int, list[InstalmentDue]] = defaultdict(list)
    cancelled: set[int] = set()
    proposed: set[int] = set()
    ended: dict[int, date] = {}
    for enrolment_id, ident, number, due_date, amount, status, ended_on in session.execute(
        select(
            Instalment.enrolment_id,
            Instalment.id,
            Instalment.number,
            Instalment.due_date,
            Instalment.amount,
            Enrolment.status,
            Enrolment.ended_on,
        )
        .join(Enrolment, Enrolment.id == Instalment.enrolment_id)
        .where(Instalment.enrolment_id.in_(among))
    ):
        plans[enrolment_id].append(InstalmentDue(ident, number, due_date, amount))
        if status == EnrolmentStatus.CANCELLED:
            cancelled.add(enrolment_id)
        elif status == EnrolmentStatus.PROPOSED:
            proposed.add(enrolment_id)
        elif status == EnrolmentStatus.ENDED_EARLY and ended_on is not None:
            ended[enrolment_id] = ended_on
    designated: dict[int, dict[int, int]] = defaultdict(dict)
    loose: dict[int, int] = defaultdict(int)
    paid_query = select(
        Payment.enrolment_id, Payment.instalment_id, func.sum(Payment.amount)
    ).where(Payment.enrolment_id.in_(among), Payment.kind == PaymentKind.PAYMENT)
    if payments_until is not None:
        paid_query = paid_query.where(Payment.received_on <= payments_until)
    for enrolment_id, instalment_id, amount in session.execute(
        paid_query.group_by(Payment.enrolment_id, Payment.instalment_id)
    ):
        if instalment_id is None:
            loose[enrolment_id] += int(amount)
        else:
            designated[enrolment_id][instalment_id] = int(amount)
    reduced = price_reductions(session, among, until=reductions_until)
    wanted = asked if asked is not None else plans.keys() | designated.keys() | loose.keys()
    return {
        ident: statuses(
            plans.get(ident, []),
            designated.get(ident, {}),
            loose.get(ident, 0),
            today=today,
            cancelled=ident in cancelled,
            ended_on=ended.get(ident),
            proposed=ident in proposed,
            reduced=reduced.get(ident, 0),
        )
        for ident in wanted
    }


def price_reductions(
    session: DbSession, among: Collection[int] | Select[int], *, until: date | None = None
) -> dict[int, int]:
    """Enrolment id → the total of its price reductions in force (made by ``until``)."""
    query = (
        select(PriceReduction.enrolment_id, func.sum(PriceReduction.amount))
        .where(PriceReduction.enrolment_id.in_(among), PriceReduction.withdrawn_at.is_(None))
        .group_by(PriceReduction.enrolment_id)
    )
    if until is not None:
        query = query.where(PriceReduction.made_on <= until)
    return {ident: int(total) for ident, total in session.execute(query)}
