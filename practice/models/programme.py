"""Programmes: reusable offers with a session plan, inclusions, price and payment options."""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import CheckConstraint, ForeignKey, String, Text, text
from sqlalchemy.orm import Mapped, mapped_column, relationship

from practice.models.base import Base, Timestamped, enum_column
from practice.models.enums import InclusionKind, InstalmentInterval, LengthUnit, SupportMode


class Programme(Timestamped, Base):
    __tablename__ = "programmes"
    __table_args__ = (
        CheckConstraint("length(trim(name)) > 0", name="name_not_blank"),
        CheckConstraint("length_value > 0", name="length_positive"),
        CheckConstraint("session_minutes > 0", name="session_minutes_positive"),
        CheckConstraint("price >= 0", name="price_not_negative"),
        CheckConstraint("full_payment_discount >= 0", name="discount_not_negative"),
        CheckConstraint("full_payment_discount <= price", name="discount_within_price"),
        CheckConstraint("instalment_count >= 1", name="instalments_at_least_one"),
        CheckConstraint("support_call_count >= 0", name="support_count_not_negative"),
        CheckConstraint("support_call_minutes >= 0", name="support_minutes_not_negative"),
        CheckConstraint("minimum_term >= 0", name="minimum_term_not_negative"),
        CheckConstraint("prep_minutes_per_session >= 0", name="prep_not_negative"),
        CheckConstraint("writeup_minutes_per_session >= 0", name="writeup_not_negative"),
        CheckConstraint("supervision_minutes_per_month >= 0", name="supervision_not_negative"),
        CheckConstraint("support_minutes_estimate >= 0", name="support_estimate_not_negative"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    name: Mapped[str] = mapped_column(String(200))
    summary: Mapped[str] = mapped_column(String(300), default="")
    #: The "how it works" text, may hold merge fields such as {client_name}.
    description: Mapped[str] = mapped_column(Text, default="")
    length_value: Mapped[int]
    length_unit: Mapped[LengthUnit] = mapped_column(enum_column(LengthUnit, "length_unit"))
    session_minutes: Mapped[int] = mapped_column(default=60)
    support_mode: Mapped[SupportMode] = mapped_column(
        enum_column(SupportMode, "support_mode"), default=SupportMode.NONE
    )
    support_call_count: Mapped[int] = mapped_column(default=0)
    support_call_minutes: Mapped[int] = mapped_column(default=15)
    #: For "as needed" support: the practitioner's estimate of minutes over the programme.
    support_minutes_estimate: Mapped[int] = mapped_column(default=0)
    price: Mapped[int]  # minor units
    currency: Mapped[str] = mapped_column(String(3))
    full_payment_discount: Mapped[int] = mapped_column(default=0)  # minor units off if paid in full
    instalment_count: Mapped[int] = mapped_column(default=1)
    instalment_interval: Mapped[InstalmentInterval] = mapped_column(
        enum_column(InstalmentInterval, "instalment_interval"), default=InstalmentInterval.MONTHLY
    )
    minimum_term: Mapped[int] = mapped_column(default=0)  # in length_unit
    prep_minutes_per_session: Mapped[int] = mapped_column(default=0)
    writeup_minutes_per_session: Mapped[int] = mapped_column(default=0)
    supervision_minutes_per_month: Mapped[int] = mapped_column(default=0)
    archived_at: Mapped[datetime | None]
    #: One more with every save (see practice.services.conflicts).
    version: Mapped[int] = mapped_column(default=1, server_default=text("1"))
    __mapper_args__ = {"version_id_col": version}  # noqa: RUF012 (SQLAlchemy's own)

    periods: Mapped[list[ProgrammePeriod]] = relationship(
        back_populates="programme",
        order_by="ProgrammePeriod.first_period",
        cascade="all, delete-orphan",
    )
    inclusions: Mapped[list[ProgrammeInclusion]] = relationship(
        back_populates="programme",
        order_by="ProgrammeInclusion.position",
        cascade="all, delete-orphan",
    )


class ProgrammePeriod(Base):
    """One line of the session plan: periods ``first..last`` (weeks or months) with N sessions each."""

    __tablename__ = "programme_periods"
    __table_args__ = (
        CheckConstraint("first_period >= 1", name="first_period_positive"),
        CheckConstraint("last_period >= first_period", name="period_range_ordered"),
        CheckConstraint("sessions_per_period >= 0", name="sessions_not_negative"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    programme_id: Mapped[int] = mapped_column(
        ForeignKey("programmes.id", ondelete="CASCADE"), index=True
    )
    first_period: Mapped[int]
    last_period: Mapped[int]
    sessions_per_period: Mapped[int]

    programme: Mapped[Programme] = relationship(back_populates="periods")


class ProgrammeInclusion(Base):
    """Something included: a recording, a video, worksheets, access to a resource."""

    __tablename__ = "programme_inclusions"
    __table_args__ = (
        CheckConstraint("length(trim(description)) > 0", name="description_not_blank"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    programme_id: Mapped[int] = mapped_column(
        ForeignKey("programmes.id", ondelete="CASCADE"), index=True
    )
    position: Mapped[int] = mapped_column(default=0)
    kind: Mapped[InclusionKind] = mapped_column(enum_column(InclusionKind, "inclusion_kind"))
    description: Mapped[str] = mapped_column(String(500))
    resource_id: Mapped[int | None] = mapped_column(
        ForeignKey("resources.id", ondelete="SET NULL"), index=True
    )

    programme: Mapped[Programme] = relationship(back_populates="inclusions")
