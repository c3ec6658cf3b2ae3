"""Sessions (meetings and support calls), their notes with history, and action items."""

from __future__ import annotations

from datetime import date, datetime
from typing import TYPE_CHECKING

from sqlalchemy import CheckConstraint, ForeignKey, Index, String, Text, text
from sqlalchemy.orm import Mapped, mapped_column, relationship

from practice.models.base import Base, Timestamped, enum_column
from practice.models.enums import ActionStatus, Attendance, SessionKind, SessionMode
from practice.timeutil import utcnow

if TYPE_CHECKING:
    from practice.models.client import Client
    from practice.models.enrolment import Enrolment


class Session(Timestamped, Base):
    """A meeting or support call. (SQLAlchemy's session is imported as ``DbSession``.)"""

    __tablename__ = "sessions"
    __table_args__ = (
        CheckConstraint("duration_minutes > 0", name="duration_positive"),
        CheckConstraint("duration_minutes <= 1440", name="duration_within_a_day"),
        Index("ix_sessions_client_starts", "client_id", "starts_at"),
        Index("ix_sessions_starts_at", "starts_at"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    client_id: Mapped[int] = mapped_column(ForeignKey("clients.id", ondelete="RESTRICT"))
    enrolment_id: Mapped[int | None] = mapped_column(
        ForeignKey("enrolments.id", ondelete="SET NULL"), index=True
    )
    starts_at: Mapped[datetime]  # UTC
    duration_minutes: Mapped[int]
    kind: Mapped[SessionKind] = mapped_column(
        enum_column(SessionKind, "session_kind"), default=SessionKind.SESSION
    )
    mode: Mapped[SessionMode] = mapped_column(
        enum_column(SessionMode, "session_mode"), default=SessionMode.IN_PERSON
    )
    attendance: Mapped[Attendance] = mapped_column(
        enum_column(Attendance, "attendance"), default=Attendance.PLANNED
    )
    #: One more with every save (see practice.services.conflicts).
    version: Mapped[int] = mapped_column(default=1, server_default=text("1"))
    __mapper_args__ = {"version_id_col": version}  # noqa: RUF012 (SQLAlchemy's own)

    client: Mapped[Client] = relationship()
    enrolment: Mapped[Enrolment | None] = relationship()
    note: Mapped[SessionNote | None] = relationship(
        back_populates="session", cascade="all, delete-orphan", uselist=False
    )
    action_items: Mapped[list[ActionItem]] = relationship(
        back_populates="session",
        foreign_keys="ActionItem.session_id",
        order_by="ActionItem.id",
        cascade="all, delete-orphan",
    )


class SessionNote(Base):
    """The notes of one session. Every edit keeps the previous text; once locked, addenda only."""

    __tablename__ = "session_notes"

    id: Mapped[int] = mapped_column(primary_key=True)
    session_id: Mapped[int] = mapped_column(
        ForeignKey("sessions.id", ondelete="CASCADE"), unique=True
    )
    body: Mapped[str] = mapped_column(Text, default="")
    #: Private process notes: excluded from a record export unless explicitly chosen.
    private_notes: Mapped[str] = mapped_column(Text, default="")
    updated_at: Mapped[datetime] = mapped_column(default=utcnow)
    locked_at: Mapped[datetime | None]
    #: One more with every save (see practice.services.conflicts).
    version: Mapped[int] = mapped_column(default=1, server_default=text("1"))
    __mapper_args__ = {"version_id_col": version}  # noqa: RUF012 (SQLAlchemy's own)

    session: Mapped[Session] = relationship(back_populates="note")
    versions: Mapped[list[NoteVersion]] = relationship(
        back_populates="note", order_by="NoteVersion.id", cascade="all, delete-orphan"
    )
    addenda: Mapped[list[NoteAddendum]] = relationship(
        back_populates="note", order_by="NoteAddendum.id", cascade="all, delete-orphan"
    )


class NoteVersion(Base):
    """A previous text of a note, kept when it was replaced."""

    __tablename__ = "note_versions"

    id: Mapped[int] = mapped_column(primary_key=True)
    note_id: Mapped[int] = mapped_column(
        ForeignKey("session_notes.id", ondelete="CASCADE"), index=True
    )
    body: Mapped[str] = mapped_column(Text)
    private_notes: Mapped[str] = mapped_column(Text, default="")
    saved_at: Mapped[datetime]  # when this text had been saved
    replaced_at: Mapped[datetime] = mapped_column(default=utcnow)

    note: Mapped[SessionNote] = relationship(back_populates="versions")


class NoteAddendum(Base):
    """A dated addition to a locked note."""

    __tablename__ = "note_addenda"
    __table_args__ = (CheckConstraint("length(trim(body)) > 0", name="body_not_blank"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    note_id: Mapped[int] = mapped_column(
        ForeignKey("session_notes.id", ondelete="CASCADE"), index=True
    )
    body: Mapped[str] = mapped_column(Text)
    created_at: Mapped[datetime] = mapped_column(default=utcnow)

    note: Mapped[SessionNote] = relationship(back_populates="addenda")


class ActionItem(Timestamped, Base):
    """Something the client agreed to do, from a session, reviewed at a later one."""

    __tablename__ = "action_items"
    __table_args__ = (
        CheckConstraint("length(trim(description)) > 0", name="description_not_blank"),
        Index("ix_action_items_client_status", "client_id", "status"),
        Index("ix_action_items_due_date", "due_date"),
        Index("ix_action_items_reviewed_on", "reviewed_on"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    session_id: Mapped[int] = mapped_column(
        ForeignKey("sessions.id", ondelete="CASCADE"), index=True
    )
    client_id: Mapped[int] = mapped_column(ForeignKey("clients.id", ondelete="RESTRICT"))
    description: Mapped[str] = mapped_column(String(1000))
    due_date: Mapped[date | None]
    status: Mapped[ActionStatus] = mapped_column(
        enum_column(ActionStatus, "action_status"), default=ActionStatus.OPEN
    )
    reviewed_session_id: Mapped[int | None] = mapped_column(
        ForeignKey("sessions.id", ondelete="SET NULL"), index=True
    )
    reviewed_on: Mapped[date | None]
    review_note: Mapped[str] = mapped_column(Text, default="")
    #: One more with every save (see practice.services.conflicts).
    version: Mapped[int] = mapped_column(default=1, server_default=text("1"))
    __mapper_args__ = {"version_id_col": version}  # noqa: RUF012 (SQLAlchemy's own)

    session: Mapped[Session] = relationship(
        back_populates="action_items", foreign_keys=[session_id]
    )
    reviewed_session: Mapped[Session | None] = relationship(foreign_keys=[reviewed_session_id])
