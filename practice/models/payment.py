"""Payments received (and refunds given) against an enrolment."""

from __future__ import annotations

from datetime import date

from sqlalchemy import CheckConstraint, ForeignKey, Index, String, Text
from sqlalchemy.orm import Mapped, mapped_column

from practice.models.base import Base, Timestamped, enum_column
from practice.models.enums import PaymentKind, PaymentMethod


class Payment(Timestamped, Base):
    __tablename__ = "payments"
    __table_args__ = (
        CheckConstraint("amount > 0", name="amount_positive"),
        Index("ix_payments_received_on", "received_on"),
        Index("ix_payments_enrolment", "enrolment_id", "received_on"),
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
