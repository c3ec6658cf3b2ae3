"""Payments received against an enrolment, and refunds given back."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from sqlalchemy import case, func, select
from sqlalchemy.orm import Session as DbSession

from practice.db import Database
from practice.economics.balance import price_due, price_reduced
from practice.economics.instalments import instalment_statuses
from practice.errors import EditConflictError, NotFoundError, ValidationError
from practice.models import (
    Client,
    Enrolment,
    EnrolmentStatus,
    Instalment,
    Payment,
    PaymentKind,
    PaymentMethod,
    PracticeProfile,
    VoidedPayment,
)
from practice.money import format_money, validate_amount
from practice.services import audit, validation
from practice.services.conflicts import changed_since
from practice.timeutil import today

MAX_NOTE = 2_000


@dataclass(frozen=True, slots=True)
class PaymentRow:
    """One line of a payments list; ``amount`` is always positive, see ``signed_amount``."""

    id: int
    enrolment_id: int
    client_id: int
    client_name: str
    programme_name: str
    instalment_id: int | None
    instalment_number: int | None
    kind: PaymentKind
    received_on: date
    amount: int
    currency: str
    method: PaymentMethod
    reference: str
    note: str

    @property
    def signed_amount(self) -> int:
        """Money in (+) or back out to the client (-), in minor units."""
        return -self.amount if self.kind is PaymentKind.REFUND else self.amount


def record_payment(
    db: Database,
    *,
    enrolment_id: int,
    amount: int,
    received_on: date,
    method: PaymentMethod | str,
    instalment_id: int | None = None,
    reference: str = "",
    note: str = "",
) -> Payment:
    """Record money received; refused when it would take the payments past the price due.

    The price due is the agreed price, or for an enrolment ended early the instalments due
    up to the day it ended (:func:`practice.economics.balance.price_due`). Payments count
    whole: a refund already given lowered the price (or gave back an overpayment), so it
    does not make room for more. Nothing is taken on a proposal the client has not
    agreed, nor on a cancelled enrolment.
    """
    method, reference, note, received_on = _clean(method, reference, note, received_on)
    with db.transaction() as s:
        enrolment = _enrolment(s, enrolment_id)
        amount = validate_amount(amount, "amount", enrolment.currency, allow_zero=False)
        _check_payment(s, enrolment, amount, instalment_id, received_on)
        payment = _new_payment(
            s,
            enrolment,
            PaymentKind.PAYMENT,
            amount=amount,
            received_on=received_on,
            method=method,
            reference=reference,
            note=note,
            instalment_id=instalment_id,
        )
        audit.record(s, "create", "payment", payment.id, f"enrolment {enrolment.id}")
        return payment


def record_refund(
    db: Database,
    *,
    enrolment_id: int,
    amount: int,
    received_on: date,
    method: PaymentMethod | str,
    reference: str = "",
    note: str = "",
) -> Payment:
    """Record money given back to the client (``received_on`` is the day it was paid out)."""
    method, reference, note, received_on = _clean(method, reference, note, received_on)
    with db.transaction() as s:
        enrolment = _enrolment(s, enrolment_id)
        amount = validate_amount(amount, "amount", enrolment.currency, allow_zero=False)
        _check_refund(s, enrolment, amount)
        refund = _new_payment(
            s,
            enrolment,
            PaymentKind.REFUND,
            amount=amount,
            received_on=received_on,
            method=method,
            reference=reference,
            note=note,
        )
        audit.record(s, "create", "payment", refund.id, f"refund, enrolment {enrolment.id}")
        return refund


MAX_REASON = 500


def void_payment(db: Database, payment_id: int, reason: str) -> VoidedPayment:
    """Take back a payment or refund recorded wrongly; it is kept, with when and why.

    The row moves to ``voided_payments`` (no figure counts it; the client's record and
    the audit keep it). Refused when refunds already given would then be more than was
    paid: void the refund first. Its number is never given to another payment.
    """
    reason = validation.text(reason, "reason", max_length=MAX_REASON, required=True)
    with db.transaction() as s:
        voided = _void(s, payment_id, reason)
        audit.record(
            s,
            "void",
            "payment",
            payment_id,
            f"{voided.kind.value}, enrolment {voided.enrolment_id}",
        )
        return voided


def correct_payment(
    db: Database,
    payment_id: int,
    *,
    amount: int,
    received_on: date,
    method: PaymentMethod | str,
    reason: str,
    instalment_id: int | None = None,
    reference: str = "",
    note: str = "",
) -> Payment:
    """Replace a payment or refund recorded wrongly by the right one, keeping both.

    The wrong one is voided (see :func:`void_payment`) and the corrected one recorded
    under the same rules as a new payment or refund, in one transaction: if the
    correction is refused, nothing changes.
    """
    reason = validation.text(reason, "reason", max_length=MAX_REASON, required=True)
    method, reference, note, received_on = _clean(method, reference, note, received_on)
    with db.transaction() as s:
        voided = _void(s, payment_id, reason, check_refunds=False)
        enrolment = _enrolment(s, voided.enrolment_id)
        amount = validate_amount(amount, "amount", enrolment.currency, allow_zero=False)
        if voided.kind is PaymentKind.REFUND:
            _check_refund(s, enrolment, amount)
        else:
            _check_payment(s, enrolment, amount, instalment_id, received_on)
        replacement = _new_payment(
            s,
            enrolment,
            voided.kind,
            amount=amount,
            received_on=received_on,
            method=method,
            reference=reference,
            note=note,
            instalment_id=instalment_id if voided.kind is PaymentKind.PAYMENT else None,
        )
        if net_paid(s, enrolment.id) < 0:
            money = money_formatter(s, enrolment.currency)
            raise ValidationError(
                "amount",
                f"would leave the refunds already given more than was paid, by "
                f"{money(-net_paid(s, enrolment.id))}.",
            )
        voided.replaced_by_id = replacement.id
        audit.record(
            s,
            "correct",
            "payment",
            payment_id,
            f"{voided.kind.value}, enrolment {enrolment.id}, replaced by {replacement.id}",
        )
        return replacement


def list_voided(db: Database, *, enrolment_id: int) -> list[VoidedPayment]:
    """The payments and refunds voided on one enrolment, oldest first."""
    with db.reading() as s:
        return list(
            s.scalars(
                select(VoidedPayment)
                .where(VoidedPayment.enrolment_id == enrolment_id)
                .order_by(VoidedPayment.voided_at, VoidedPayment.id)
            )
        )


def _void(
    s: DbSession, payment_id: int, reason: str, *, check_refunds: bool = True
) -> VoidedPayment:
    payment = s.get(Payment, payment_id)
    if payment is None:
        if s.get(VoidedPayment, payment_id) is not None:  # by someone else, since it was shown
            raise EditConflictError(
                changed_since(s, "payment", payment_id, "this payment", did="voided or corrected")
            )
        raise NotFoundError("payment", payment_id)
    if check_refunds and payment.kind is PaymentKind.PAYMENT:
        remaining = net_paid(s, payment.enrolment_id) - payment.amount
        if remaining < 0:
            raise ValidationError(
                "payment",
                "refunds already given would then be more than was paid; void the refund first.",
            )
    voided = VoidedPayment(
        id=payment.id,
        enrolment_id=payment.enrolment_id,
        instalment_id=payment.instalment_id,
        kind=payment.kind,
        received_on=payment.received_on,
        amount=payment.amount,
        currency=payment.currency,
        method=payment.method,
        reference=payment.reference,
        note=payment.note,
        recorded_at=payment.created_at,
        reason=reason,
    )
    s.delete(payment)
    s.flush()
    s.add(voided)
    s.flush()
    return voided


def _check_payment(
    s: DbSession, enrolment: Enrolment, amount: int, instalment_id: int | None, on: date
) -> None:
    """Refuse a payment on a cancelled enrolment or a proposal, or past the price due."""
    if enrolment.status is EnrolmentStatus.CANCELLED:
        raise ValidationError("enrolment_id", "this enrolment was cancelled.")
    if enrolment.status is EnrolmentStatus.PROPOSED:
        raise ValidationError(
            "enrolment_id",
            "this enrolment is still a proposal, and nothing is owed until the client "
            "agrees to it; record their agreement first, then the payment.",
        )
    if instalment_id is not None:
        instalment = s.get(Instalment, instalment_id)
        if instalment is None or instalment.enrolment_id != enrolment.id:
            raise ValidationError("instalment_id", "is not an instalment of this enrolment.")
    received = payments_received(s, enrolment.id)
    plan = instalment_statuses(s, [enrolment.id], today=on)[enrolment.id]
    due = price_due(enrolment, plan)
    due = enrolment.agreed_price if due is None else due
    if received + amount > due:
        money = money_formatter(s, enrolment.currency)
        if enrolment.status is EnrolmentStatus.ENDED_EARLY:
            what = f"the {money(due)} of instalments due by the day it ended"
        elif price_reduced(plan):
            what = f"the price to pay of {money(due)} (the agreed price less credit notes)"
        else:
            what = f"the agreed price of {money(due)}"
        raise ValidationError(
            "amount",
            f"would bring the payments received to {money(received + amount)}, which is "
            f"{money(received + amount - due)} more than {what}.",
        )


def _check_refund(s: DbSession, enrolment: Enrolment, amount: int) -> None:
    """Refuse a refund of more than was paid so far."""
    paid = net_paid(s, enrolment.id)
    if amount > paid:
        money = money_formatter(s, enrolment.currency)
        raise ValidationError(
            "amount",
            f"is more than the {money(paid)} paid so far, by {money(amount - paid)}.",
        )


def _new_payment(
    s: DbSession,
    enrolment: Enrolment,
    kind: PaymentKind,
    *,
    amount: int,
    received_on: date,
    method: PaymentMethod,
    reference: str,
    note: str,
    instalment_id: int | None = None,
) -> Payment:
    """A payment or refund of ``enrolment`` saved with a number never used before."""
    payment = Payment(
        id=_next_id(s),
        enrolment_id=enrolment.id,
        instalment_id=instalment_id,
        kind=kind,
        received_on=received_on,
        amount=amount,
        currency=enrolment.currency,
        method=method,
        reference=reference,
        note=note,
    )
    s.add(payment)
    s.flush()
    return payment


def _next_id(s: DbSession) -> int:
    """A payment number never used before, voided ones included (receipts keep theirs)."""
    used = [
        s.scalar(select(func.max(Payment.id))) or 0,
        s.scalar(select(func.max(VoidedPayment.id))) or 0,
    ]
    return max(used) + 1


def get_payment(db: Database, payment_id: int) -> Payment:
    with db.reading() as s:
        payment = s.get(Payment, payment_id)
        if payment is None:
            raise NotFoundError("payment", payment_id)
        return payment


def list_payments(
    db: Database,
    *,
    enrolment_id: int | None = None,
    client_id: int | None = None,
    since: date | None = None,
    until: date | None = None,
) -> list[PaymentRow]:
    """Payments and refunds, oldest first, filtered in SQL (``since``/``until`` inclusive)."""
    stmt = (
        select(
            Payment.id,
            Payment.enrolment_id,
            Enrolment.client_id,
            func.trim(Client.first_name + " " + Client.last_name).label("client_name"),
            Enrolment.programme_name,
            Payment.instalment_id,
            Instalment.number.label("instalment_number"),
            Payment.kind,
            Payment.received_on,
            Payment.amount,
            Payment.currency,
            Payment.method,
            Payment.reference,
            Payment.note,
        )
        .join(Enrolment, Enrolment.id == Payment.enrolment_id)
        .join(Client, Client.id == Enrolment.client_id)
        .outerjoin(Instalment, Instalment.id == Payment.instalment_id)
        .order_by(Payment.received_on, Payment.id)
    )
    if enrolment_id is not None:
        stmt = stmt.where(Payment.enrolment_id == enrolment_id)
    if client_id is not None:
        stmt = stmt.where(Enrolment.client_id == client_id)
    if since is not None:
        stmt = stmt.where(Payment.received_on >= validation.required_date(since, "since"))
    if until is not None:
        stmt = stmt.where(Payment.received_on <= validation.required_date(until, "until"))
    with db.reading() as s:
        return [PaymentRow(**row._asdict()) for row in s.execute(stmt)]


def payments_received(s: DbSession, enrolment_id: int) -> int:
    """Payments for one enrolment, refunds not taken off, in minor units."""
    total = s.scalar(
        select(func.coalesce(func.sum(Payment.amount), 0)).where(
            Payment.enrolment_id == enrolment_id, Payment.kind == PaymentKind.PAYMENT
        )
    )
    return int(total or 0)


def net_paid(s: DbSession, enrolment_id: int) -> int:
    """Payments less refunds for one enrolment, in minor units."""
    signed = case((Payment.kind == PaymentKind.REFUND, -Payment.amount), else_=Payment.amount)
    total = s.scalar(
        select(func.coalesce(func.sum(signed), 0)).where(Payment.enrolment_id == enrolment_id)
    )
    return int(total or 0)


def _clean(
    method: PaymentMethod | str, reference: str, note: str, received_on: date
) -> tuple[PaymentMethod, str, str, date]:
    return (
        validation.choice(method, PaymentMethod, "method"),
        validation.text(reference, "reference", max_length=200),
        validation.text(note, "note", max_length=MAX_NOTE),
        validation.required_date(received_on, "received_on", not_after=today()),
    )


def _enrolment(s: DbSession, enrolment_id: int) -> Enrolment:
    enrolment = s.get(Enrolment, enrolment_id)
    if enrolment is None:
        raise NotFoundError("enrolment", enrolment_id)
    return enrolment


def money_formatter(s: DbSession, currency: str) -> MoneyText:
    """Amounts of ``currency`` written as the practice writes them, for messages."""
    locale = s.scalar(select(PracticeProfile.locale)) or "en_GB"
    return MoneyText(currency, locale)


@dataclass(frozen=True, slots=True)
class MoneyText:
    currency: str
    locale: str

    def __call__(self, amount: int) -> str:
        return format_money(amount, self.currency, self.locale)
