"""Enrolments: a client taking a programme, with a snapshot of the agreed terms."""

from __future__ import annotations

from datetime import date, datetime
from typing import TYPE_CHECKING, Any

from sqlalchemy import (
    JSON,
    CheckConstraint,
    ForeignKey,
    Index,
    String,
    Text,
    UniqueConstraint,
    text,
)
from sqlalchemy.orm import Mapped, mapped_column, relationship

from practice.models.base import Base, Timestamped, enum_column
from practice.models.enums import EnrolmentStatus, PaymentPlan

if TYPE_CHECKING:
    from practice.models.client import Client
    from practice.models.programme import Programme


#: The last day an enrolment ran, and the day it was agreed, as the economics write them
#: (:func:`practice.economics.counting.enrolment_end`): an index on an expression serves
#: a query that writes the same expression.
LAST_DAY = text("coalesce(ended_on, end_date)")
AGREED_DAY = text("coalesce(agreed_on, start_date)")


class Enrolment(Timestamped, Base):
    __tablename__ = "enrolments"
    __table_args__ = (
        CheckConstraint("agreed_price >= 0", name="price_not_negative"),
        CheckConstraint("discount >= 0", name="discount_not_negative"),
        CheckConstraint("end_date >= start_date", name="dates_ordered"),
        CheckConstraint("renewal_of_id IS NULL OR renewal_of_id <> id", name="not_own_renewal"),
        Index("ix_enrolments_client_start", "client_id", "start_date"),
        # The economics ask "which enrolments ran (or ended, or were agreed) in these
        # days" of every period: these answer from the index, without reading the rows
        # (each carries its terms), for the whole practice's history.
        Index("ix_enrolments_status_span", "status", "start_date", LAST_DAY, "client_id"),
        Index("ix_enrolments_status_last_day", "status", LAST_DAY),
        Index("ix_enrolments_status_agreed_day", "status", AGREED_DAY),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    client_id: Mapped[int] = mapped_column(ForeignKey("clients.id", ondelete="RESTRICT"))
    programme_id: Mapped[int | None] = mapped_column(
        ForeignKey("programmes.id", ondelete="SET NULL"), index=True
    )
    #: Name of the programme at agreement time (the snapshot has the rest).
    programme_name: Mapped[str] = mapped_column(String(200))
    start_date: Mapped[date]
    end_date: Mapped[date]
    #: The overall cost the client agreed to, after any pay-in-full discount (minor units).
    agreed_price: Mapped[int]
    #: The pay-in-full discount already taken off ``agreed_price`` (minor units), for display.
    discount: Mapped[int] = mapped_column(default=0)
    currency: Mapped[str] = mapped_column(String(3))
    payment_plan: Mapped[PaymentPlan] = mapped_column(enum_column(PaymentPlan, "payment_plan"))
    #: "first" or "last": which instalment carries the leftover minor units.
    remainder_on: Mapped[str] = mapped_column(String(5), default="first")
    status: Mapped[EnrolmentStatus] = mapped_column(
        enum_column(EnrolmentStatus, "enrolment_status"), default=EnrolmentStatus.PROPOSED
    )
    renewal_of_id: Mapped[int | None] = mapped_column(
        ForeignKey("enrolments.id", ondelete="SET NULL"), index=True
    )
    agreed_on: Mapped[date | None]
    ended_on: Mapped[date | None]
    end_reason: Mapped[str] = mapped_column(Text, default="")
    #: Every programme term as it stood when agreed; later programme edits never touch it.
    terms_snapshot: Mapped[dict[str, Any]] = mapped_column(JSON)
    #: Free text for anything agreed on top of the programme's terms.
    notes: Mapped[str] = mapped_column(Text, default="")
    archived_at: Mapped[datetime | None]
    #: One more with every save (see practice.services.conflicts).
    version: Mapped[int] = mapped_column(default=1, server_default=text("1"))
    __mapper_args__ = {"version_id_col": version}  # noqa: RUF012 (SQLAlchemy's own)

    client: Mapped[Client] = relationship(back_populates="enrolments")
    programme: Mapped[Programme | None] = relationship()
    instalments: Mapped[list[Instalment]] = relationship(
        back_populates="enrolment", order_by="Instalment.number", cascade="all, delete-orphan"
    )
    renewal_of: Mapped[Enrolment | None] = relationship(remote_side=[id])


class Instalment(Base):
    __tablename__ = "instalments"
    __table_args__ = (
        CheckConstraint("amount >= 0", name="amount_not_negative"),
        CheckConstraint("number >= 1", name="number_positive"),
        UniqueConstraint("enrolment_id", "number", name="uq_instalments_enrolment_number"),
        Index("ix_instalments_due_date", "due_date"),
        # what an enrolment's plan adds up to, and when it first fell due, from the index
        Index("ix_instalments_enrolment_due", "enrolment_id", "due_date", "amount"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    enrolment_id: Mapped[int] = mapped_column(ForeignKey("enrolments.id", ondelete="CASCADE"))
    number: Mapped[int]
    due_date: Mapped[date]
    amount: Mapped[int]  # minor units, currency of the enrolment

    enrolment: Mapped[Enrolment] = relationship(back_populates="instalments")
