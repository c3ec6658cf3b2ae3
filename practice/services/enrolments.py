"""Enrolments: a client taking a programme — preview, enrol, agree, complete, end, cancel.

The agreed price is the programme's price (or an agreed override); paying in full takes
the programme's pay-in-full discount off and records it in ``discount``. Instalments
divide the agreed price exactly (:func:`practice.money.split_amount`), the leftover minor
units on the first or last instalment, falling due from the start date at the
programme's interval. The programme's terms and the practice's clauses are frozen in
``terms_snapshot`` (see :mod:`practice.services.terms_snapshot`).
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date

from sqlalchemy import func, select
from sqlalchemy.orm import Session as DbSession
from sqlalchemy.orm import joinedload, selectinload

from practice.db import Database
from practice.errors import NotFoundError, ValidationError
from practice.models import (
    AgreementClause,
    Client,
    ClientStatus,
    Enrolment,
    EnrolmentStatus,
    Instalment,
    LengthUnit,
    Payment,
    PaymentKind,
    PaymentPlan,
    Programme,
    label,
)
from practice.money import split_amount, validate_amount
from practice.services import audit, validation
from practice.services.scheduling import due_dates, end_date, planned_sessions
from practice.services.terms_snapshot import build_snapshot
from practice.timeutil import today

MAX_NOTES = 20_000
MAX_REASON = 2_000


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


def preview_enrolment(
    db: Database,
    *,
    client_id: int,
    programme_id: int,
    start_date: date,
    payment_plan: PaymentPlan | str,
    renewal_of_id: int | None = None,
    agreed_price: int | None = None,
    remainder_on: str = "first",
) -> EnrolmentPreview:
    """Dates, price and instalments an enrolment would have, checked as enrolling would."""
    with db.transaction() as s:
        preview, _ = _plan(
            s,
            client_id,
            programme_id,
            start_date,
            payment_plan,
            renewal_of_id,
            agreed_price,
            remainder_on,
        )
        return preview


def enrol_client(
    db: Database,
    *,
    client_id: int,
    programme_id: int,
    start_date: date,
    payment_plan: PaymentPlan | str,
    renewal_of_id: int | None = None,
    agreed_price: int | None = None,
    remainder_on: str = "first",
    notes: str = "",
    agree: bool = False,
) -> Enrolment:
    """Enrol a client (proposed; or active at once with ``agree=True``)."""
    notes = validation.text(notes, "notes", max_length=MAX_NOTES)
    with db.transaction() as s:
        preview, programme = _plan(
            s,
            client_id,
            programme_id,
            start_date,
            payment_plan,
            renewal_of_id,
            agreed_price,
            remainder_on,
        )
        clauses = s.scalars(
            select(AgreementClause).order_by(AgreementClause.position, AgreementClause.id)
        ).all()
        planned = [(i.number, i.due_date, i.amount) for i in preview.instalments]
        enrolment = Enrolment(
            client_id=preview.client_id,
            programme_id=preview.programme_id,
            programme_name=preview.programme_name,
            start_date=preview.start_date,
            end_date=preview.end_date,
            agreed_price=preview.agreed_price,
            discount=preview.discount,
            currency=preview.currency,
            payment_plan=preview.payment_plan,
            remainder_on=preview.remainder_on,
            status=EnrolmentStatus.PROPOSED,
            renewal_of_id=preview.renewal_of_id,
            notes=notes,
            terms_snapshot=build_snapshot(
                programme,
                clauses,
                payment_plan=preview.payment_plan.value,
                agreed_price=preview.agreed_price,
                discount=preview.discount,
                remainder_on=preview.remainder_on,
                instalments=planned,
            ),
            instalments=[
                Instalment(number=number, due_date=due, amount=amount)
                for number, due, amount in planned
            ],
        )
        s.add(enrolment)
        s.flush()
        audit.record(s, "create", "enrolment", enrolment.id, f"client {preview.client_id}")
        if agree:
            _agree(s, enrolment, None)
        return _loaded(s, enrolment.id)


def agree_enrolment(db: Database, enrolment_id: int, agreed_on: date | None = None) -> Enrolment:
    """The client has agreed: proposed → active, and the client becomes active."""
    with db.transaction() as s:
        enrolment = _load(s, enrolment_id)
        _agree(s, enrolment, agreed_on)
        return _loaded(s, enrolment.id)


def complete_enrolment(
    db: Database, enrolment_id: int, completed_on: date | None = None
) -> Enrolment:
    """The programme ran its course: active → completed."""
    with db.transaction() as s:
        enrolment = _load(s, enrolment_id)
        _require(enrolment, {EnrolmentStatus.ACTIVE}, "completed")
        on = completed_on if completed_on is not None else min(today(), enrolment.end_date)
        enrolment.ended_on = validation.required_date(
            on, "completed_on", not_before=enrolment.start_date
        )
        _close(s, enrolment, EnrolmentStatus.COMPLETED)
        return _loaded(s, enrolment.id)


def end_enrolment_early(db: Database, enrolment_id: int, ended_on: date, reason: str) -> Enrolment:
    """The work stopped before the end date: active → ended early, with the reason."""
    with db.transaction() as s:
        enrolment = _load(s, enrolment_id)
        _require(enrolment, {EnrolmentStatus.ACTIVE}, "ended early")
        enrolment.ended_on = validation.required_date(
            ended_on, "ended_on", not_before=enrolment.start_date, not_after=enrolment.end_date
        )
        enrolment.end_reason = validation.text(
            reason, "reason", max_length=MAX_REASON, required=True
        )
        _close(s, enrolment, EnrolmentStatus.ENDED_EARLY)
        return _loaded(s, enrolment.id)


def cancel_enrolment(db: Database, enrolment_id: int, reason: str = "") -> Enrolment:
    """Withdraw an enrolment that never really started (no payments recorded)."""
    reason = validation.text(reason, "reason", max_length=MAX_REASON)
    with db.transaction() as s:
        enrolment = _load(s, enrolment_id)
        _require(enrolment, {EnrolmentStatus.PROPOSED, EnrolmentStatus.ACTIVE}, "cancelled")
        payments = s.scalar(
            select(func.count(Payment.id)).where(
                Payment.enrolment_id == enrolment.id, Payment.kind == PaymentKind.PAYMENT
            )
        )
        if payments:
            raise ValidationError(
                "status",
                "this enrolment has payments recorded, so it cannot be cancelled; "
                "end it early instead (and record any refund).",
            )
        enrolment.ended_on = today()
        enrolment.end_reason = reason
        _close(s, enrolment, EnrolmentStatus.CANCELLED)
        return _loaded(s, enrolment.id)


def update_enrolment_notes(db: Database, enrolment_id: int, notes: str) -> Enrolment:
    """Replace the free-text notes of anything agreed on top of the programme."""
    notes = validation.text(notes, "notes", max_length=MAX_NOTES)
    with db.transaction() as s:
        enrolment = _load(s, enrolment_id)
        if enrolment.notes != notes:
            enrolment.notes = notes
            audit.record(s, "edit", "enrolment", enrolment.id, "fields: notes")
        return _loaded(s, enrolment.id)


def get_enrolment(db: Database, enrolment_id: int) -> Enrolment:
    """An enrolment with its client and instalments loaded."""
    with db.transaction() as s:
        return _loaded(s, enrolment_id)


def list_enrolments(
    db: Database,
    *,
    client_id: int | None = None,
    statuses: Iterable[EnrolmentStatus | str] | None = None,
) -> list[Enrolment]:
    """Enrolments, newest start first, with client and instalments loaded."""
    stmt = (
        select(Enrolment)
        .options(joinedload(Enrolment.client), selectinload(Enrolment.instalments))
        .order_by(Enrolment.start_date.desc(), Enrolment.id.desc())
    )
    if client_id is not None:
        stmt = stmt.where(Enrolment.client_id == client_id)
    if statuses is not None:
        wanted = [validation.choice(st, EnrolmentStatus, "statuses") for st in statuses]
        stmt = stmt.where(Enrolment.status.in_(wanted))
    with db.transaction() as s:
        return list(s.scalars(stmt).unique())


def _plan(
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


def _agree(s: DbSession, enrolment: Enrolment, agreed_on: date | None) -> None:
    _require(enrolment, {EnrolmentStatus.PROPOSED}, "agreed")
    enrolment.agreed_on = validation.required_date(
        agreed_on if agreed_on is not None else today(), "agreed_on", not_after=today()
    )
    enrolment.status = EnrolmentStatus.ACTIVE
    client = enrolment.client
    if client.status is not ClientStatus.ACTIVE:
        client.status = ClientStatus.ACTIVE
        client.archived_at = None
    audit.record(s, "edit", "enrolment", enrolment.id, "status: proposed → active")


def _require(enrolment: Enrolment, allowed: set[EnrolmentStatus], verb: str) -> None:
    if enrolment.status not in allowed:
        allowed_words = " or ".join(label(st).lower() for st in sorted(allowed))
        raise ValidationError(
            "status",
            f"this enrolment is {label(enrolment.status).lower()}; only a {allowed_words} "
            f"enrolment can be {verb}.",
        )


def _close(s: DbSession, enrolment: Enrolment, status: EnrolmentStatus) -> None:
    """Set the final status and move the client on if nothing else is open for them."""
    old = enrolment.status
    enrolment.status = status
    s.flush()
    audit.record(s, "edit", "enrolment", enrolment.id, f"status: {old.value} → {status.value}")
    client = enrolment.client
    if client.status is not ClientStatus.ACTIVE:
        return
    still_open = s.scalar(
        select(func.count(Enrolment.id)).where(
            Enrolment.client_id == client.id, Enrolment.status == EnrolmentStatus.ACTIVE
        )
    )
    if still_open:
        return
    finished = s.scalar(
        select(func.count(Enrolment.id)).where(
            Enrolment.client_id == client.id,
            Enrolment.status.in_([EnrolmentStatus.COMPLETED, EnrolmentStatus.ENDED_EARLY]),
        )
    )
    client.status = ClientStatus.COMPLETED if finished else ClientStatus.ENQUIRY


def _load(s: DbSession, enrolment_id: int) -> Enrolment:
    enrolment = s.get(Enrolment, enrolment_id)
    if enrolment is None:
        raise NotFoundError("enrolment", enrolment_id)
    return enrolment


def _loaded(s: DbSession, enrolment_id: int) -> Enrolment:
    enrolment = s.scalar(
        select(Enrolment)
        .where(Enrolment.id == enrolment_id)
        .options(joinedload(Enrolment.client), selectinload(Enrolment.instalments))
    )
    if enrolment is None:
        raise NotFoundError("enrolment", enrolment_id)
    return enrolment
