"""Unseen work: work log entries and the running timer."""

from __future__ import annotations

from datetime import date, datetime

from sqlalchemy import CheckConstraint, ForeignKey, Index, String, Text, text
from sqlalchemy.orm import Mapped, mapped_column

from practice.models.base import Base, Timestamped, enum_column
from practice.models.enums import WorkCategory
from practice.models.practitioner import the_practitioner


class WorkLogEntry(Timestamped, Base):
    __tablename__ = "work_log_entries"
    __table_args__ = (
        CheckConstraint("minutes > 0", name="minutes_positive"),
        CheckConstraint("minutes <= 1440", name="minutes_within_a_day"),
        Index("ix_work_log_entries_date_category", "work_date", "category"),
        Index("ix_work_log_entries_client_date", "client_id", "work_date"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    work_date: Mapped[date]
    minutes: Mapped[int]
    category: Mapped[WorkCategory] = mapped_column(enum_column(WorkCategory, "work_category"))
    client_id: Mapped[int | None] = mapped_column(ForeignKey("clients.id", ondelete="RESTRICT"))
    enrolment_id: Mapped[int | None] = mapped_column(
        ForeignKey("enrolments.id", ondelete="SET NULL"), index=True
    )
    #: The session this entry was suggested from, if any.
    session_id: Mapped[int | None] = mapped_column(
        ForeignKey("sessions.id", ondelete="SET NULL"), index=True
    )
    note: Mapped[str] = mapped_column(Text, default="")
    #: Whose work (see practice.models.practitioner); filled in by the database.
    practitioner_id: Mapped[int | None] = mapped_column(
        ForeignKey("practitioners.id", ondelete="RESTRICT"), index=True, default=the_practitioner()
    )
    #: One more with every save (see practice.services.conflicts).
    version: Mapped[int] = mapped_column(default=1, server_default=text("1"))
    __mapper_args__ = {"version_id_col": version}  # noqa: RUF012 (SQLAlchemy's own)


class WorkTimer(Base):
    """A practitioner's running timer for unseen work: at most one each (its id is
    theirs; a practice file has one practitioner); survives a restart."""

    __tablename__ = "work_timer"

    id: Mapped[int] = mapped_column(
        ForeignKey("practitioners.id", ondelete="CASCADE"), primary_key=True
    )
    started_at: Mapped[datetime]
    category: Mapped[WorkCategory] = mapped_column(enum_column(WorkCategory, "timer_category"))
    client_id: Mapped[int | None] = mapped_column(ForeignKey("clients.id", ondelete="SET NULL"))
    enrolment_id: Mapped[int | None] = mapped_column(
        ForeignKey("enrolments.id", ondelete="SET NULL")
    )
    note: Mapped[str] = mapped_column(String(1000), default="")
