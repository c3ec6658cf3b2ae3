"""Price reductions (credit notes): the price a client pays lowered, with why.

A refund gives money back; a price reduction moves no money and lowers what the client
pays for an enrolment. It comes off the instalments still owed, the last one first (so
what is due soonest stays as agreed), and whatever was already paid beyond the new
price is the client's credit, which a refund can give back
(:mod:`practice.economics.instalments`, :mod:`practice.economics.balance`).

A reduction made by mistake is withdrawn, with why, and kept: nothing is deleted, and
its number (CN-00001) is never given to another.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from sqlalchemy import select
from sqlalchemy.orm import Session as DbSession

from practice.db import Database
from practice.economics.balance import price_due
from practice.economics.instalments import instalment_statuses
from practice.errors import NotFoundError, ValidationError
from practice.models import Enrolment, EnrolmentStatus, PriceReduction
from practice.money import validate_amount
from practice.services import audit, validation
from practice.services.payments import money_formatter
from practice.timeutil import today, utcnow

MAX_REASON = 1_000

#: Enrolments whose price can be lowered: agreed, and not cancelled.
LOWERABLE = (EnrolmentStatus.ACTIVE, EnrolmentStatus.COMPLETED, EnrolmentStatus.ENDED_EARLY)


@dataclass(frozen=True, slots=True)
class PriceAfter:
    """What lowering the price by an amount would do, said before it is saved."""

    price_before: int  # the price due now
    price_after: int


def lower_price(
    db: Database, *, enrolment_id: int, amount: int, made_on: date, reason: str
) -> PriceReduction:
    """Lower what the client pays for ``enrolment_id`` by ``amount`` (a credit note).

    Refused on a proposal (change its price instead) or a cancelled enrolment, for a day
    still to come, and beyond the price still due (the price cannot go below nothing).
    """
    reason = validation.text(reason, "reason", max_length=MAX_REASON, required=True)
    made_on = validation.required_date(made_on, "made_on", not_after=today())
    with db.transaction() as s:
        enrolment = _enrolment(s, enrolment_id)
        amount = validate_amount(amount, "amount", enrolment.currency, allow_zero=False)
        preview = _preview(s, enrolment, amount)
        if preview.price_after < 0:
            money = money_formatter(s, enrolment.currency)
            raise ValidationError(
                "amount",
                f"is more than the {money(preview.price_before)} the client pays now, by "
                f"{money(-preview.price_after)}.",
            )
        if made_on < enrolment.start_date:
            raise ValidationError("made_on", "is before the enrolment starts.")
        reduction = PriceReduction(
            enrolment_id=enrolment.id,
            made_on=made_on,
            amount=amount,
            currency=enrolment.currency,
            reason=reason,
        )
        s.add(reduction)
        s.flush()
        audit.record(
            s, "create", "price_reduction", reduction.id, f"enrolment {enrolment.id}, {amount}"
        )
        return reduction


def price_after(db: Database, *, enrolment_id: int, amount: int) -> PriceAfter:
    """The price due now and after lowering it by ``amount`` (for the dialog to say)."""
    with db.reading() as s:
        return _preview(s, _enrolment(s, enrolment_id), max(amount, 0))


def withdraw_price_reduction(db: Database, reduction_id: int, reason: str) -> PriceReduction:
    """Withdraw a credit note made by mistake; it is kept, with when and why."""
    reason = validation.text(reason, "reason", max_length=MAX_REASON, required=True)
    with db.transaction() as s:
        reduction = s.get(PriceReduction, reduction_id)
        if reduction is None:
            raise NotFoundError("price reduction", reduction_id)
        if reduction.withdrawn_at is not None:
            raise ValidationError("price_reduction", "was already withdrawn.")
        reduction.withdrawn_at = utcnow()
        reduction.withdrawn_reason = reason
        audit.record(
            s, "withdraw", "price_reduction", reduction.id, f"enrolment {reduction.enrolment_id}"
        )
        return reduction


def list_price_reductions(db: Database, *, enrolment_id: int) -> list[PriceReduction]:
    """An enrolment's credit notes, withdrawn ones too, oldest first."""
    with db.reading() as s:
        return list(
            s.scalars(
                select(PriceReduction)
                .where(PriceReduction.enrolment_id == enrolment_id)
                .order_by(PriceReduction.made_on, PriceReduction.id)
            )
        )


def _preview(s: DbSession, enrolment: Enrolment, amount: int) -> PriceAfter:
    if enrolment.status not in LOWERABLE:
        why = (
            "is still a proposal: change its price instead, nothing is owed until the "
            "client agrees."
            if enrolment.status is EnrolmentStatus.PROPOSED
            else "was cancelled; nothing more is owed on it."
        )
        raise ValidationError("enrolment_id", why)
    plan = instalment_statuses(s, [enrolment.id], today=today())[enrolment.id]
    before = price_due(enrolment, plan)
    before = 0 if before is None else before
    return PriceAfter(before, before - amount)


def _enrolment(s: DbSession, enrolment_id: int) -> Enrolment:
    enrolment = s.get(Enrolment, enrolment_id)
    if enrolment is None:
        raise NotFoundError("enrolment", enrolment_id)
    return enrolment
