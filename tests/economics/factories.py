"""Compact builders for hand-made practices: model rows inserted directly, no services."""

from __future__ import annotations

from datetime import UTC, date, datetime
from typing import Any

from sqlalchemy.orm import Session as DbSession

from practice.models import (
    ActionItem,
    ActionStatus,
    Attendance,
    Client,
    Enquiry,
    EnquiryOutcome,
    Enrolment,
    EnrolmentStatus,
    Instalment,
    LengthUnit,
    Payment,
    PaymentKind,
    PaymentMethod,
    PaymentPlan,
    Programme,
    ProgrammePeriod,
    Session,
    SessionKind,
    SupportMode,
    WorkCategory,
    WorkLogEntry,
)


def terms(**changes: Any) -> dict[str, Any]:
    """A terms snapshot: the issue's worked example (3 months, 7 sessions, £1,200)."""
    base: dict[str, Any] = {
        "name": "Three months of change",
        "length_value": 3,
        "length_unit": "months",
        "session_minutes": 60,
        "periods": [
            {"first_period": 1, "last_period": 1, "sessions_per_period": 3},
            {"first_period": 2, "last_period": 3, "sessions_per_period": 2},
        ],
        "price": 120000,
        "currency": "GBP",
        "support_mode": "count",
        "support_call_count": 4,
        "support_call_minutes": 15,
        "support_minutes_estimate": 0,
        "full_payment_discount": 0,
        "instalment_count": 3,
        "instalment_interval": "monthly",
        "minimum_term": 0,
        "prep_minutes_per_session": 15,
        "writeup_minutes_per_session": 20,
        "supervision_minutes_per_month": 60,
    }
    base.update(changes)
    return base


def programme(s: DbSession, **changes: Any) -> Programme:
    """A saved programme with the given terms (see :func:`terms`)."""
    t = terms(**changes)
    row = Programme(
        name=t["name"],
        length_value=t["length_value"],
        length_unit=LengthUnit(t["length_unit"]),
        session_minutes=t["session_minutes"],
        support_mode=SupportMode(t["support_mode"]),
        support_call_count=t["support_call_count"],
        support_call_minutes=t["support_call_minutes"],
        support_minutes_estimate=t["support_minutes_estimate"],
        price=t["price"],
        currency=t["currency"],
        full_payment_discount=t["full_payment_discount"],
        instalment_count=t["instalment_count"],
        prep_minutes_per_session=t["prep_minutes_per_session"],
        writeup_minutes_per_session=t["writeup_minutes_per_session"],
        supervision_minutes_per_month=t["supervision_minutes_per_month"],
        periods=[ProgrammePeriod(**p) for p in t["periods"]],
    )
    s.add(row)
    s.flush()
    return row


def client(s: DbSession, first: str, last: str = "", preferred: str = "") -> Client:
    row = Client(first_name=first, last_name=last, preferred_name=preferred)
    s.add(row)
    s.flush()
    return row


def enrolment(
    s: DbSession,
    who: Client,
    *,
    start: date,
    end: date,
    instalments: list[tuple[date, int]],
    snapshot: dict[str, Any] | None = None,
    price: int | None = None,
    status: EnrolmentStatus = EnrolmentStatus.ACTIVE,
    agreed_on: date | None = None,
    ended_on: date | None = None,
    renewal_of: Enrolment | None = None,
    currency: str = "GBP",
) -> Enrolment:
    """An enrolment with its instalments ``[(due date, amount), ...]``."""
    snap = snapshot if snapshot is not None else terms()
    row = Enrolment(
        client_id=who.id,
        programme_name=snap.get("name", "Programme"),
        start_date=start,
        end_date=end,
        agreed_price=snap["price"] if price is None else price,
        currency=currency,
        payment_plan=PaymentPlan.FULL if len(instalments) == 1 else PaymentPlan.INSTALMENTS,
        status=status,
        agreed_on=agreed_on if agreed_on is not None else start,
        ended_on=ended_on,
        renewal_of_id=renewal_of.id if renewal_of is not None else None,
        terms_snapshot=snap,
        instalments=[
            Instalment(number=n, due_date=due, amount=amount)
            for n, (due, amount) in enumerate(instalments, start=1)
        ],
    )
    s.add(row)
    s.flush()
    return row


def at(year: int, month: int, day: int, hour: int = 10, minute: int = 0) -> datetime:
    """An instant in UTC."""
    return datetime(year, month, day, hour, minute, tzinfo=UTC)


def meeting(
    s: DbSession,
    who: Client,
    starts_at: datetime,
    *,
    minutes: int = 60,
    attendance: Attendance = Attendance.ATTENDED,
    kind: SessionKind = SessionKind.SESSION,
    enrolment: Enrolment | None = None,
) -> Session:
    row = Session(
        client_id=who.id,
        enrolment_id=enrolment.id if enrolment is not None else None,
        starts_at=starts_at,
        duration_minutes=minutes,
        kind=kind,
        attendance=attendance,
    )
    s.add(row)
    s.flush()
    return row


def pay(
    s: DbSession,
    e: Enrolment,
    on: date,
    amount: int,
    *,
    instalment: int | None = None,
    refund: bool = False,
    currency: str = "GBP",
) -> Payment:
    """A payment (or refund); ``instalment`` is the instalment's number, if designated."""
    inst_id = None
    if instalment is not None:
        inst_id = next(i.id for i in e.instalments if i.number == instalment)
    row = Payment(
        enrolment_id=e.id,
        instalment_id=inst_id,
        kind=PaymentKind.REFUND if refund else PaymentKind.PAYMENT,
        received_on=on,
        amount=amount,
        currency=currency,
        method=PaymentMethod.BANK_TRANSFER,
    )
    s.add(row)
    s.flush()
    return row


def work(
    s: DbSession,
    on: date,
    minutes: int,
    category: WorkCategory,
    *,
    who: Client | None = None,
    enrolment: Enrolment | None = None,
) -> WorkLogEntry:
    row = WorkLogEntry(
        work_date=on,
        minutes=minutes,
        category=category,
        client_id=who.id if who is not None else None,
        enrolment_id=enrolment.id if enrolment is not None else None,
    )
    s.add(row)
    s.flush()
    return row


def action(
    s: DbSession,
    source: Session,
    status: ActionStatus = ActionStatus.OPEN,
    *,
    due: date | None = None,
    reviewed_at: Session | None = None,
    reviewed_on: date | None = None,
    text: str = "Practise the breathing exercise",
) -> ActionItem:
    row = ActionItem(
        session_id=source.id,
        client_id=source.client_id,
        description=text,
        due_date=due,
        status=status,
        reviewed_session_id=reviewed_at.id if reviewed_at is not None else None,
        reviewed_on=reviewed_on,
    )
    s.add(row)
    s.flush()
    return row


def enquiry(s: DbSession, name: str, on: date, outcome: EnquiryOutcome) -> Enquiry:
    row = Enquiry(name=name, received_on=on, outcome=outcome)
    s.add(row)
    s.flush()
    return row
