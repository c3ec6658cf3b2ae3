"""Attention lists for the Today page: money due and overdue, quiet clients, action items.

* **Instalments due**: instalments falling due from ``today`` to ``today + within_days``
  with something left to pay; **overdue**: instalments that fell due before ``today``
  with something left (the allocation of :mod:`~.instalments`). Only enrolments that
  ran (active, completed, ended early) are included: a proposed enrolment is not yet
  agreed and a cancelled one owes nothing more.
* **Quiet clients**: clients with an enrolment running on the day asked (agreed, not
  cancelled, between its start date and its last day) who have had no attended session
  or support call for ``quiet_after_days`` days or more. Days are counted from the
  last attended contact, or from the start of their running enrolment when that is
  later (a client who just started is not quiet yet). The same rule as of a past
  period's last day, from the enrolments' dates, never from today's statuses.
* **Action items due**: open items due on or before ``today + within_days``; those due
  before ``today`` are overdue. Only items of clients with an **active enrolment** are
  listed (the clients the practitioner is working with now): the client's status is
  not consulted, as an enrolment is what says the work goes on. Items of former
  clients stay on their client page.
"""

from __future__ import annotations

from collections.abc import Callable, Collection
from dataclasses import dataclass
from datetime import date, timedelta, tzinfo

from sqlalchemy import func, select
from sqlalchemy.orm import Session as DbSession

from practice.economics.counting import RAN, enrolment_end
from practice.economics.instalments import InstalmentState, InstalmentStatus, instalment_statuses
from practice.economics.source import (
    Source,
    display_name,
    local_date,
    local_midnight,
    practice_tz,
    reading,
)
from practice.models import (
    ActionItem,
    ActionStatus,
    Attendance,
    Client,
    Enrolment,
    EnrolmentStatus,
    Instalment,
    Payment,
    PaymentKind,
    Session,
)

_Filter = Callable[[InstalmentStatus], bool]


@dataclass(frozen=True, slots=True)
class InstalmentAttention:
    """An instalment to chase or to expect, with who owes it and what is left."""

    instalment_id: int
    enrolment_id: int
    client_id: int
    client_name: str
    programme_name: str
    number: int
    due_date: date
    amount: int
    paid: int
    left: int
    currency: str
    state: InstalmentState
    days_overdue: int  # 0 unless overdue


def instalments_due(
    source: Source, *, today: date, within_days: int = 7
) -> list[InstalmentAttention]:
    """Instalments due from ``today`` to ``today + within_days`` with something left."""
    last = today + timedelta(days=within_days)
    with reading(source) as s:
        candidates = s.scalars(
            select(Instalment.enrolment_id)
            .join(Enrolment, Enrolment.id == Instalment.enrolment_id)
            .where(
                Instalment.due_date >= today,
                Instalment.due_date <= last,
                Enrolment.status.in_(RAN),
            )
            .distinct()
        ).all()
        return _attention(
            s,
            candidates,
            today,
            lambda i: (
                today <= i.due_date <= last
                and i.state in (InstalmentState.DUE, InstalmentState.PART_PAID)
            ),
        )


def overdue_instalments(source: Source, *, today: date) -> list[InstalmentAttention]:
    """Instalments that fell due before ``today`` with something left, oldest first."""
    planned = (
        select(Instalment.enrolment_id, func.sum(Instalment.amount).label("total"))
        .group_by(Instalment.enrolment_id)
        .having(func.min(Instalment.due_date) < today)
        .subquery()
    )
    received = (
        select(Payment.enrolment_id, func.sum(Payment.amount).label("paid"))
        .where(Payment.kind == PaymentKind.PAYMENT)
        .group_by(Payment.enrolment_id)
        .subquery()
    )
    with reading(source) as s:
        # Only enrolments not yet paid in full can have an overdue instalment.
        candidates = s.scalars(
            select(Enrolment.id)
            .join(planned, planned.c.enrolment_id == Enrolment.id)
            .outerjoin(received, received.c.enrolment_id == Enrolment.id)
            .where(
                Enrolment.status.in_(RAN),
                func.coalesce(received.c.paid, 0) < planned.c.total,
            )
        ).all()
        return _attention(s, candidates, today, lambda i: i.state == InstalmentState.OVERDUE)


def instalment_rows(
    source: Source,
    *,
    today: date,
    states: Collection[InstalmentState | str] | None = None,
    client_id: int | None = None,
    due_from: date | None = None,
    due_to: date | None = None,
) -> list[InstalmentAttention]:
    """Every instalment of enrolments that ran, with its state, by due date (the Money page).

    Filter by client and due dates (in SQL) and by state (after allocation, which needs
    all of an enrolment's instalments). Fully paid instalments are included.
    """
    query = (
        select(Instalment.enrolment_id)
        .join(Enrolment, Enrolment.id == Instalment.enrolment_id)
        .where(Enrolment.status.in_(RAN))
        .distinct()
    )
    if client_id is not None:
        query = query.where(Enrolment.client_id == client_id)
    if due_from is not None:
        query = query.where(Instalment.due_date >= due_from)
    if due_to is not None:
        query = query.where(Instalment.due_date <= due_to)
    wanted = None if states is None else {InstalmentState(x) for x in states}

    def keep(i: InstalmentStatus) -> bool:
        return (
            (wanted is None or i.state in wanted)
            and (due_from is None or i.due_date >= due_from)
            and (due_to is None or i.due_date <= due_to)
        )

    with reading(source) as s:
        return _attention(s, s.scalars(query).all(), today, keep, unpaid_only=False)


def _attention(
    s: DbSession,
    enrolment_ids: Collection[int],
    today: date,
    wanted: _Filter,
    *,
    unpaid_only: bool = True,
) -> list[InstalmentAttention]:
    if not enrolment_ids:
        return []
    allocation = instalment_statuses(s, enrolment_ids, today=today)
    people = {
        row.id: row
        for row in s.execute(
            select(
                Enrolment.id,
                Enrolment.client_id,
                Enrolment.programme_name,
                Enrolment.currency,
                Client.first_name,
                Client.preferred_name,
                Client.last_name,
            )
            .join(Client, Client.id == Enrolment.client_id)
            .where(Enrolment.id.in_(list(enrolment_ids)))
        )
    }
    rows = []
    for enrolment_id, instalments in allocation.items():
        who = people[enrolment_id]
        for i in instalments:
            if (i.left > 0 or not unpaid_only) and wanted(i):
                rows.append(
                    InstalmentAttention(
                        instalment_id=i.instalment_id,
                        enrolment_id=enrolment_id,
                        client_id=who.client_id,
                        client_name=display_name(who.first_name, who.preferred_name, who.last_name),
                        programme_name=who.programme_name,
                        number=i.number,
                        due_date=i.due_date,
                        amount=i.amount,
                        paid=i.paid,
                        left=i.left,
                        currency=who.currency,
                        state=i.state,
                        days_overdue=i.days_overdue(today),
                    )
                )
    rows.sort(key=lambda r: (r.due_date, r.client_name.casefold(), r.number))
    return rows


@dataclass(frozen=True, slots=True)
class QuietClient:
    client_id: int
    client_name: str
    last_contact: date | None  # local date of the last attended session or support call
    active_since: date  # start of their earliest enrolment running on the day asked
    days_quiet: int


def quiet_clients(
    source: Source, *, today: date, quiet_after_days: int, tz: tzinfo | None = None
) -> list[QuietClient]:
    """Clients with an enrolment running on ``today`` and no contact for ``quiet_after_days`` days.

    An enrolment **runs** on a day from its start date to its last day (the day it
    completed or ended early, else its end date) when it was agreed and not cancelled:
    so the list can be asked as of any day, a past period's last day included, and an
    enrolment left "active" after its end date no longer counts. Longest quiet first.
    ``tz``: the zone days are counted in (None: the practice's, see :mod:`practice.zone`).
    """
    with reading(source) as s:
        return _quiet(s, today, quiet_after_days, practice_tz(s, tz))


def _quiet(
    s: DbSession, today: date, quiet_after_days: int, tz: tzinfo | None
) -> list[QuietClient]:
    # Quiet when the last contact's local date is on or before ``today - N``.
    cutoff_day = today - timedelta(days=quiet_after_days)
    cutoff = local_midnight(cutoff_day + timedelta(days=1), tz)
    active = (
        select(Enrolment.client_id, func.min(Enrolment.start_date).label("since"))
        .where(
            Enrolment.status.in_(RAN),
            Enrolment.start_date <= today,
            enrolment_end() >= today,
        )
        .group_by(Enrolment.client_id)
        .subquery()
    )
    last_seen = (
        select(Session.client_id, func.max(Session.starts_at).label("last"))
        .where(
            # only the clients running now, through their own sessions' index
            Session.client_id.in_(select(active.c.client_id)),
            Session.attendance == Attendance.ATTENDED,
            # Contact after ``today`` does not count, so the list can be asked as of a past day.
            Session.starts_at < local_midnight(today + timedelta(days=1), tz),
        )
        .group_by(Session.client_id)
        .subquery()
    )
    query = (
        select(
            Client.id,
            Client.first_name,
            Client.preferred_name,
            Client.last_name,
            active.c.since,
            last_seen.c.last,
        )
        .join(active, active.c.client_id == Client.id)
        .outerjoin(last_seen, last_seen.c.client_id == Client.id)
        .where(
            active.c.since <= cutoff_day,
            last_seen.c.last.is_(None) | (last_seen.c.last < cutoff),
        )
    )
    found = s.execute(query).all()
    rows = []
    for ident, first, preferred, last_name, since, last in found:
        contact = None if last is None else local_date(last, tz)
        reference = since if contact is None else max(contact, since)
        rows.append(
            QuietClient(
                client_id=ident,
                client_name=display_name(first, preferred, last_name),
                last_contact=contact,
                active_since=since,
                days_quiet=(today - reference).days,
            )
        )
    rows.sort(key=lambda r: (-r.days_quiet, r.client_name.casefold()))
    return rows


@dataclass(frozen=True, slots=True)
class ActionItemDue:
    action_item_id: int
    client_id: int
    client_name: str
    description: str
    due_date: date
    session_id: int
    overdue: bool
    days_overdue: int


def action_items_due(source: Source, *, today: date, within_days: int = 7) -> list[ActionItemDue]:
    """Open action items due on or before ``today + within_days``, earliest first.

    Only clients with an active enrolment (status ``active``) are included; items of
    clients whose programmes have ended, or who never enrolled, are left out.
    """
    # the clients worked with, as a list SQLite makes once (a correlated EXISTS was
    # checked for every open item of every year: 125 ms on a twenty-year practice)
    working_with = ActionItem.client_id.in_(
        select(Enrolment.client_id).where(Enrolment.status == EnrolmentStatus.ACTIVE)
    )
    query = (
        select(
            ActionItem.id,
            ActionItem.client_id,
            Client.first_name,
            Client.preferred_name,
            Client.last_name,
            ActionItem.description,
            ActionItem.due_date,
            ActionItem.session_id,
        )
        .join(Client, Client.id == ActionItem.client_id)
        .where(
            ActionItem.status == ActionStatus.OPEN,
            ActionItem.due_date.is_not(None),
            ActionItem.due_date <= today + timedelta(days=within_days),
            working_with,
        )
        .order_by(ActionItem.due_date, ActionItem.id)
    )
    with reading(source) as s:
        found = s.execute(query).all()
    rows = []
    for ident, client_id, first, preferred, last, description, due, session_id in found:
        assert due is not None  # filtered in the query
        rows.append(
            ActionItemDue(
                action_item_id=ident,
                client_id=client_id,
                client_name=display_name(first, preferred, last),
                description=description,
                due_date=due,
                session_id=session_id,
                overdue=due < today,
                days_overdue=max((today - due).days, 0),
            )
        )
    return rows
