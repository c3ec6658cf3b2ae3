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
from datetime import date

from sqlalchemy import func, select
from sqlalchemy.orm import Session as DbSession
from sqlalchemy.orm import joinedload, selectinload

from practice.db import Database
from practice.errors import NotFoundError, ValidationError
from practice.models import (
    AgreementClause,
    ClientStatus,
    Enrolment,
    EnrolmentStatus,
    Instalment,
    Payment,
    PaymentKind,
    PaymentPlan,
    label,
)
from practice.services import audit, records, validation
from practice.services.conflicts import check_version
from practice.services.enrolment_plan import EnrolmentPreview, InstalmentPlan, plan_enrolment
from practice.services.terms_snapshot import build_snapshot
from practice.timeutil import today

__all__ = [
    "EnrolmentPreview",
    "InstalmentPlan",
    "agree_enrolment",
    "cancel_enrolment",
    "complete_enrolment",
    "end_enrolment_early",
    "enrol_client",
    "get_enrolment",
    "list_enrolments",
    "preview_enrolment",
    "update_enrolment_notes",
]

MAX_NOTES = 20_000
MAX_REASON = 2_000


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
        preview, _ = plan_enrolment(
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


class OverlapError(ValidationError):
    """The client already has an overlapping enrolment in this programme."""

    def __init__(self, message: str, existing_id: int) -> None:
        super().__init__("programme_id", message)
        self.existing_id = existing_id


def _refuse_overlap(
    s: DbSession, client_id: int, programme_id: int, start: date, end: date
) -> None:
    existing = s.scalars(
        select(Enrolment)
        .where(
            Enrolment.client_id == client_id,
            Enrolment.programme_id == programme_id,
            Enrolment.status.in_((EnrolmentStatus.PROPOSED, EnrolmentStatus.ACTIVE)),
            Enrolment.start_date <= end,
            Enrolment.end_date >= start,
        )
        .order_by(Enrolment.start_date)
    ).first()
    if existing is not None:
        raise OverlapError(
            f"this client already has {'an' if existing.status.value[0] in 'aeiou' else 'a'} "
            f"{existing.status.value} enrolment in "
            f"{existing.programme_name} from {existing.start_date.isoformat()} to "
            f"{existing.end_date.isoformat()} (enrolment {existing.id}); a second one over "
            "the same dates is made only on purpose.",
            existing.id,
        )


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
    allow_overlap: bool = False,
) -> Enrolment:
    """Enrol a client (proposed; or active at once with ``agree=True``).

    Refused with :class:`OverlapError` when the client already has a proposed or active
    enrolment in the same programme whose dates overlap (a second press of "Agree and
    enrol" must never make a second enrolment); a renewal, or ``allow_overlap=True``
    after the person confirmed, makes one on purpose.
    """
    notes = validation.text(notes, "notes", max_length=MAX_NOTES)
    with db.transaction() as s:
        preview, programme = plan_enrolment(
            s,
            client_id,
            programme_id,
            start_date,
            payment_plan,
            renewal_of_id,
            agreed_price,
            remainder_on,
        )
        if not allow_overlap and renewal_of_id is None:
            _refuse_overlap(
                s, preview.client_id, preview.programme_id, preview.start_date, preview.end_date
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


def cancel_enrolment(
    db: Database, enrolment_id: int, reason: str = "", *, cancelled_on: date | None = None
) -> Enrolment:
    """Withdraw an enrolment that never really started (no payments recorded).

    ``cancelled_on`` (default today) is the day it was withdrawn, kept as ``ended_on``.
    """
    reason = validation.text(reason, "reason", max_length=MAX_REASON)
    on = validation.required_date(
        cancelled_on if cancelled_on is not None else today(), "cancelled_on", not_after=today()
    )
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
        enrolment.ended_on = on
        enrolment.end_reason = reason
        _close(s, enrolment, EnrolmentStatus.CANCELLED)
        return _loaded(s, enrolment.id)


def update_enrolment_notes(
    db: Database, enrolment_id: int, notes: str, *, expected_version: int | None = None
) -> Enrolment:
    """Replace the free-text notes of anything agreed on top of the programme
    (``expected_version``: see :mod:`practice.services.conflicts`)."""
    notes = validation.text(notes, "notes", max_length=MAX_NOTES)
    with db.transaction() as s:
        enrolment = _load(s, enrolment_id)
        check_version(s, enrolment, expected_version, entity="enrolment", what="this enrolment")
        if enrolment.notes != notes:
            enrolment.notes = notes
            audit.record(s, "edit", "enrolment", enrolment.id, "fields: notes")
        return _loaded(s, enrolment.id)


def get_enrolment(db: Database, enrolment_id: int) -> Enrolment:
    """An enrolment with its client and instalments loaded."""
    with db.reading() as s:
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
        chosen = [statuses] if isinstance(statuses, str) else statuses  # one status given bare
        wanted = [validation.choice(st, EnrolmentStatus, "statuses") for st in chosen]
        stmt = stmt.where(Enrolment.status.in_(wanted))
    with db.reading() as s:
        return list(s.scalars(stmt).unique())


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
    return records.get_or_raise(s, Enrolment, enrolment_id, "enrolment")


def _loaded(s: DbSession, enrolment_id: int) -> Enrolment:
    enrolment = s.scalar(
        select(Enrolment)
        .where(Enrolment.id == enrolment_id)
        .options(joinedload(Enrolment.client), selectinload(Enrolment.instalments))
    )
    if enrolment is None:
        raise NotFoundError("enrolment", enrolment_id)
    return enrolment
