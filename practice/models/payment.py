"""Payments received (and refunds given) against an enrolment."""

from __future__ import annotations

from datetime import date, datetime

from sqlalchemy import CheckConstraint, ForeignKey, Index, String, Text
from sqlalchemy.orm import Mapped, mapped_column

from practice.models.base import Base, Timestamped, enum_column
from practice.models.enums import PaymentKind, PaymentMethod
from practice.timeutil import utcnow


class Payment(Timestamped, Base):
    __tablename__ = "payments"
    __table_args__ = (
        CheckConstraint("amount > 0", name="amount_positive"),
        Index("ix_payments_received_on", "received_on"),
        Index("ix_payments_enrolment", "enrolment_id", "received_on"),
        # what each enrolment has been paid (or refunded), from the index
        Index("ix_payments_enrolment_kind", "enrolment_id", "kind", "amount"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    enrolment_id: Mapped[int] = mapped_column(ForeignKey("enrolments.id", ondelete="RESTRICT"))
    instalment_id: Mapped[int | None] = mapped_column(
        ForeignKey("instalments.id", ondelete="SET NULL"), index=True
    )
    kind: Mapped[PaymentKind] = mapped_column(
        enum_column(PaymentKind, "payment_kind"), default=PaymentKind.PAYMENT
    )
    received_on: Mapped[date]
    amount: Mapped[int]  # minor units, always positive; a refund is kind=refund
    currency: Mapped[str] = mapped_column(String(3))
    method: Mapped[PaymentMethod] = mapped_column(enum_column(PaymentMethod, "payment_method"))
    reference: Mapped[str] = mapped_column(String(200), default="")
    note: Mapped[str] = mapped_column(Text, default="")


class VoidedPayment(Base):
    """A payment or refund taken back because it was recorded wrongly, kept as it was.

    Voiding moves the row here from ``payments`` (so no figure counts it) with when and
    why; a correction is a new payment recorded in the same transaction, named by
    ``replaced_by_id``. Nothing recorded is ever lost.
    """

    __tablename__ = "voided_payments"
    __table_args__ = (
        CheckConstraint("amount > 0", name="amount_positive"),
        Index("ix_voided_payments_enrolment", "enrolment_id"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)  # the id it had as a payment
    enrolment_id: Mapped[int] = mapped_column(ForeignKey("enrolments.id", ondelete="RESTRICT"))
    instalment_id: Mapped[int | None]  # as recorded (the instalment may have changed since)
    kind: Mapped[PaymentKind] = mapped_column(enum_column(PaymentKind, "payment_kind"))
    received_on: Mapped[date]
    amount: Mapped[int]
    currency: Mapped[str] = mapped_column(String(3))
    method: Mapped[PaymentMethod] = mapped_column(enum_column(PaymentMethod, "payment_method"))
    reference: Mapped[str] = mapped_column(String(200), default="")
    note: Mapped[str] = mapped_column(Text, default="")
    recorded_at: Mapped[datetime]  # when it was first recorded
    voided_at: Mapped[datetime] = mapped_column(default=utcnow)
    reason: Mapped[str] = mapped_column(Text)
    replaced_by_id: Mapped[int | None]  # the payment recorded in its place, if any


class PriceReduction(Base):
    """A credit note: the price an enrolment's client pays lowered by an amount, with why.

    No money moves: what is still to pay goes down (from the last instalments owed
    backwards), and money already paid beyond the new price becomes credit the
    practitioner may give back with a refund. A credit note made by mistake is
    withdrawn (``withdrawn_at`` and why), never deleted; figures ignore withdrawn ones.
    """

    __tablename__ = "price_reductions"
    __table_args__ = (
        CheckConstraint("amount > 0", name="amount_positive"),
        Index("ix_price_reductions_enrolment", "enrolment_id"),
        {"sqlite_autoincrement": True},  # a credit note's number is never given again
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    enrolment_id: Mapped[int] = mapped_column(ForeignKey("enrolments.id", ondelete="RESTRICT"))
    made_on: Mapped[date]
    amount: Mapped[int]  # minor units, in the enrolment's currency
    currency: Mapped[str] = mapped_column(String(3))
    reason: Mapped[str] = mapped_column(Text)
    created_at: Mapped[datetime] = mapped_column(default=utcnow)
    withdrawn_at: Mapped[datetime | None]
    withdrawn_reason: Mapped[str] = mapped_column(Text, default="")

    @property
    def number(self) -> str:
        """The number it is printed and listed with: ``CN-00007`` (never given again)."""
        return f"CN-{self.id:05d}"
