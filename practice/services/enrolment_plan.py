"""What an enrolment would be — dates, price, discount and instalments — before it is made.

Used by :func:`practice.services.enrolments.preview_enrolment` (no writes) and by
:func:`~practice.services.enrolments.enrol_client`, so the preview and the stored
enrolment always agree.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from sqlalchemy import select
from sqlalchemy.orm import Session as DbSession
from sqlalchemy.orm import selectinload

from practice.errors import NotFoundError, ValidationError
from practice.models import (
    Client,
    ClientStatus,
    Enrolment,
    EnrolmentStatus,
    LengthUnit,
    PaymentPlan,
    Programme,
)
from practice.money import split_amount, validate_amount
from practice.services import validation
from practice.services.scheduling import due_dates, end_date, planned_sessions


@dataclass(frozen=True, slots=True)
class InstalmentPlan:
    number: int
    due_date: date
    amount: int  # minor units


@dataclass(frozen=True, slots=True)
class EnrolmentPreview:
    """What enrolling would store, shown before the practitioner confirms. No writes."""

    client_id: int
    programme_id: int
    programme_name: str
    start_date: date
    end_date: date
    length_value: int
    length_unit: LengthUnit
    session_minutes: int
    planned_sessions: int
    payment_plan: PaymentPlan
    list_price: int  # before any pay-in-full discount
    discount: int
    agreed_price: int  # what the client pays overall
    currency: str
    remainder_on: str
    instalments: tuple[InstalmentPlan, ...]
    renewal_of_id: int | None


def plan_enrolment(
    s: DbSession,
    client_id: int,
    programme_id: int,
    start_date: date,
    payment_plan: PaymentPlan | str,
    renewal_of_id: int | None,
    agreed_price: int | None,
    remainder_on: str,
) -> tuple[EnrolmentPreview, Programme]:
    client = s.get(Client, client_id)
    if client is None:
        raise NotFoundError("client", client_id)
    if client.status is ClientStatus.ARCHIVED:
        raise ValidationError(
            "client_id", f"{client.display_name} is archived; restore them before enrolling."
        )
    programme = s.scalar(
        select(Programme)
        .where(Programme.id == programme_id)
        .options(selectinload(Programme.periods), selectinload(Programme.inclusions))
    )
    if programme is None:
        raise NotFoundError("programme", programme_id)
    if programme.archived_at is not None:
        raise ValidationError("programme_id", f"“{programme.name}” is archived; restore it first.")
    start = validation.required_date(start_date, "start_date")
    plan = validation.choice(payment_plan, PaymentPlan, "payment_plan")
    if remainder_on not in ("first", "last"):
        raise ValidationError("remainder_on", "must be “first” or “last”.")
    if renewal_of_id is not None:
        _check_renewal(s, client, renewal_of_id, start)
    base = programme.price
    if agreed_price is not None:
        base = validate_amount(agreed_price, "agreed_price", programme.currency)
    discount = min(programme.full_payment_discount, base) if plan is PaymentPlan.FULL else 0
    total = base - discount
    count = 1 if plan is PaymentPlan.FULL else programme.instalment_count
    amounts = split_amount(total, count, "first" if remainder_on == "first" else "last")
    dates = due_dates(start, count, programme.instalment_interval)
    preview = EnrolmentPreview(
        client_id=client.id,
        programme_id=programme.id,
        programme_name=programme.name,
        start_date=start,
        end_date=end_date(start, programme.length_value, programme.length_unit),
        length_value=programme.length_value,
        length_unit=programme.length_unit,
        session_minutes=programme.session_minutes,
        planned_sessions=planned_sessions(programme.periods),
        payment_plan=plan,
        list_price=base,
        discount=discount,
        agreed_price=total,
        currency=programme.currency,
        remainder_on=remainder_on,
        instalments=tuple(
            InstalmentPlan(n, due, amount)
            for n, (due, amount) in enumerate(zip(dates, amounts, strict=True), start=1)
        ),
        renewal_of_id=renewal_of_id,
    )
    return preview, programme


def _check_renewal(s: DbSession, client: Client, renewal_of_id: int, start: date) -> None:
    earlier = s.get(Enrolment, renewal_of_id)
    if earlier is None or earlier.client_id != client.id:
        raise ValidationError(
            "renewal_of_id", f"must be an earlier enrolment of {client.display_name}."
        )
    if earlier.status is EnrolmentStatus.CANCELLED:
        raise ValidationError("renewal_of_id", "a cancelled enrolment cannot be renewed.")
    if earlier.start_date >= start:
        raise ValidationError(
            "renewal_of_id",
            f"the renewal must start after the enrolment it renews "
            f"(which started on {earlier.start_date.isoformat()}).",
        )
