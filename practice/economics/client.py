"""Per-client figures across all of a client's enrolments (the client page's summary).

* **Contact minutes**: the client's attended meetings and support calls.
* **Unseen minutes**: work log entries for the client, or against one of the client's
  enrolments.
* **Agreed total**: agreed prices of the client's enrolments that ran (active,
  completed, ended early); **effective hourly rate** = agreed total ÷ all hours.
* **Paid**: payments − refunds on all of the client's enrolments.
* **Follow-through**: every reviewed action item of the client (see :mod:`~.counting`).
"""

from __future__ import annotations

from dataclasses import dataclass

from sqlalchemy import func, or_, select

from practice.economics.counting import MEETING_KINDS, RAN, REVIEWED_ACTION, follow_through
from practice.economics.instalments import SIGNED_AMOUNT
from practice.economics.rates import Ratio, hourly_rate
from practice.economics.source import Source, reading
from practice.errors import NotFoundError
from practice.models import (
    ActionItem,
    Attendance,
    Client,
    Enrolment,
    Payment,
    Session,
    SessionKind,
    WorkLogEntry,
)


@dataclass(frozen=True, slots=True)
class ClientFigures:
    client_id: int
    sessions_attended: int  # meetings (sessions and reviews)
    support_calls: int
    contact_minutes: int
    unseen_minutes: int
    total_minutes: int
    agreed_total: int  # minor units, in the enrolments' currency
    paid: int
    effective_hourly_rate: int | None
    follow_through: Ratio | None


def client_figures(source: Source, client_id: int) -> ClientFigures:
    """The figures of one client over all their enrolments (``NotFoundError`` if missing)."""
    with reading(source) as s:
        if s.get(Client, client_id) is None:
            raise NotFoundError("client", client_id)
        meetings = calls = contact = 0
        for kind, count, minutes in s.execute(
            select(Session.kind, func.count(), func.sum(Session.duration_minutes))
            .where(Session.client_id == client_id, Session.attendance == Attendance.ATTENDED)
            .group_by(Session.kind)
        ):
            contact += int(minutes)
            if kind in MEETING_KINDS:
                meetings += count
            elif kind == SessionKind.SUPPORT_CALL:
                calls += count
        theirs = select(Enrolment.id).where(Enrolment.client_id == client_id)
        unseen = s.scalar(
            select(func.coalesce(func.sum(WorkLogEntry.minutes), 0)).where(
                or_(WorkLogEntry.client_id == client_id, WorkLogEntry.enrolment_id.in_(theirs))
            )
        )
        agreed = s.scalar(
            select(func.coalesce(func.sum(Enrolment.agreed_price), 0)).where(
                Enrolment.client_id == client_id, Enrolment.status.in_(RAN)
            )
        )
        paid = s.scalar(
            select(func.coalesce(func.sum(SIGNED_AMOUNT), 0)).where(
                Payment.enrolment_id.in_(theirs)
            )
        )
        reviewed = s.execute(
            select(ActionItem.status, func.count())
            .where(ActionItem.client_id == client_id, ActionItem.status.in_(REVIEWED_ACTION))
            .group_by(ActionItem.status)
        ).all()
    total = contact + int(unseen or 0)
    return ClientFigures(
        client_id=client_id,
        sessions_attended=meetings,
        support_calls=calls,
        contact_minutes=contact,
        unseen_minutes=int(unseen or 0),
        total_minutes=total,
        agreed_total=int(agreed or 0),
        paid=int(paid or 0),
        effective_hourly_rate=hourly_rate(int(agreed or 0), total),
        follow_through=follow_through(reviewed),
    )
