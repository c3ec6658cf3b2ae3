"""Per-client figures across all of a client's enrolments (the client's summary).

* **Contact minutes**: the client's attended meetings and support calls.
* **Unseen minutes**: work log entries for the client, or against one of the client's
  enrolments.
* **Money, per currency** (never added across currencies): the agreed prices of the
  client's enrolments that ran (active, completed, ended early), what was **earned**
  on them (see :mod:`~.earned`, cancelled enrolments' kept money included) and what
  was **paid** (payments − refunds on all of the client's enrolments).
* **Effective hourly rate** = earned ÷ all hours, the same basis as an enrolment's and
  the practice's; ``None`` with no time spent, and when the client's enrolments are in
  more than one currency (a rate never mixes them).
* **Follow-through**: every reviewed action item of the client (see :mod:`~.counting`).
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass

from sqlalchemy import func, or_, select

from practice.economics.counting import (
    MEETING_KINDS,
    MISSED_ATTENDANCE,
    RAN,
    REVIEWED_ACTION,
    follow_through,
)
from practice.economics.earned import earned_so_far
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
class ClientMoney:
    """A client's money in one currency (minor units)."""

    currency: str
    agreed_total: int
    earned: int
    paid: int


@dataclass(frozen=True, slots=True)
class ClientFigures:
    client_id: int
    sessions_attended: int  # meetings (sessions and reviews)
    sessions_missed: int  # meetings cancelled late or not attended
    support_calls: int
    contact_minutes: int
    unseen_minutes: int
    total_minutes: int
    money: tuple[ClientMoney, ...]  # one per currency, in currency-code order
    effective_hourly_rate: int | None  # earned ÷ all hours; None with two currencies
    follow_through: Ratio | None

    @property
    def currency(self) -> str | None:
        """The one currency of the client's money, or None (none yet, or several)."""
        return self.money[0].currency if len(self.money) == 1 else None


def client_figures(source: Source, client_id: int) -> ClientFigures:
    """The figures of one client over all their enrolments (``NotFoundError`` if missing)."""
    with reading(source) as s:
        if s.get(Client, client_id) is None:
            raise NotFoundError("client", client_id)
        meetings = calls = contact = 0
        missed = int(
            s.scalar(
                select(func.count()).where(
                    Session.client_id == client_id,
                    Session.kind.in_(MEETING_KINDS),
                    Session.attendance.in_(MISSED_ATTENDANCE),
                )
            )
            or 0
        )
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
        unseen = int(
            s.scalar(
                select(func.coalesce(func.sum(WorkLogEntry.minutes), 0)).where(
                    or_(
                        WorkLogEntry.client_id == client_id,
                        WorkLogEntry.enrolment_id.in_(theirs),
                    )
                )
            )
            or 0
        )
        agreed: dict[str, int] = defaultdict(int)
        for currency, amount in s.execute(
            select(Enrolment.currency, func.sum(Enrolment.agreed_price))
            .where(Enrolment.client_id == client_id, Enrolment.status.in_(RAN))
            .group_by(Enrolment.currency)
        ):
            agreed[currency] += int(amount)
        paid: dict[str, int] = defaultdict(int)
        for currency, amount in s.execute(
            select(Enrolment.currency, func.sum(SIGNED_AMOUNT))
            .join(Enrolment, Enrolment.id == Payment.enrolment_id)
            .where(Enrolment.client_id == client_id)
            .group_by(Enrolment.currency)
        ):
            paid[currency] += int(amount)
        earned: dict[str, int] = defaultdict(int)
        for currency, amount in earned_so_far(s, list(s.scalars(theirs))).values():
            earned[currency] += amount
        reviewed = s.execute(
            select(ActionItem.status, func.count())
            .where(ActionItem.client_id == client_id, ActionItem.status.in_(REVIEWED_ACTION))
            .group_by(ActionItem.status)
        ).all()
    total = contact + unseen
    money = tuple(
        ClientMoney(c, agreed.get(c, 0), earned.get(c, 0), paid.get(c, 0))
        for c in sorted(agreed.keys() | paid.keys() | earned.keys())
    )
    rate = hourly_rate(money[0].earned, total) if len(money) == 1 else None
    return ClientFigures(
        client_id=client_id,
        sessions_attended=meetings,
        sessions_missed=missed,
        support_calls=calls,
        contact_minutes=contact,
        unseen_minutes=unseen,
        total_minutes=total,
        money=money,
        effective_hourly_rate=rate,
        follow_through=follow_through(reviewed),
    )
