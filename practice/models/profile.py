"""The practice profile (one row), the agreement's terms, and the audit log."""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import CheckConstraint, Index, LargeBinary, String, Text, func, text
from sqlalchemy.orm import Mapped, mapped_column

from practice.db.dialect import current_login
from practice.models.base import Base, Timestamped, enum_column
from practice.models.enums import ClauseScope, PageSize
from practice.timeutil import utcnow


class PracticeProfile(Timestamped, Base):
    __tablename__ = "practice_profile"
    __table_args__ = (
        CheckConstraint("id = 1", name="single_row"),
        CheckConstraint("default_session_minutes > 0", name="session_minutes_positive"),
        CheckConstraint("default_prep_minutes >= 0", name="prep_not_negative"),
        CheckConstraint("default_writeup_minutes >= 0", name="writeup_not_negative"),
        CheckConstraint("default_support_call_minutes > 0", name="support_minutes_positive"),
        CheckConstraint("quiet_after_days > 0", name="quiet_days_positive"),
        CheckConstraint("retention_years >= 1", name="retention_at_least_a_year"),
        CheckConstraint("auto_lock_minutes >= 0", name="auto_lock_not_negative"),
    )

    id: Mapped[int] = mapped_column(primary_key=True, default=1)
    practitioner_name: Mapped[str] = mapped_column(String(200), default="")
    business_name: Mapped[str] = mapped_column(String(200), default="")
    qualifications: Mapped[str] = mapped_column(String(500), default="")
    registration: Mapped[str] = mapped_column(String(300), default="")  # body and number
    email: Mapped[str] = mapped_column(String(254), default="")
    phone: Mapped[str] = mapped_column(String(40), default="")
    address: Mapped[str] = mapped_column(String(500), default="")
    website: Mapped[str] = mapped_column(String(300), default="")
    logo_png: Mapped[bytes | None] = mapped_column(LargeBinary)
    currency: Mapped[str] = mapped_column(String(3), default="GBP")
    locale: Mapped[str] = mapped_column(String(20), default="en_GB")
    # the IANA zone every day and period is counted in ("" = this computer's zone)
    time_zone: Mapped[str] = mapped_column(String(64), default="")
    page_size: Mapped[PageSize] = mapped_column(
        enum_column(PageSize, "page_size"), default=PageSize.A4
    )
    default_session_minutes: Mapped[int] = mapped_column(default=60)
    default_prep_minutes: Mapped[int] = mapped_column(default=15)
    default_writeup_minutes: Mapped[int] = mapped_column(default=20)
    default_support_call_minutes: Mapped[int] = mapped_column(default=15)
    quiet_after_days: Mapped[int] = mapped_column(default=21)
    retention_years: Mapped[int] = mapped_column(default=7)
    auto_lock_minutes: Mapped[int] = mapped_column(default=10)
    backup_folder: Mapped[str] = mapped_column(String(1000), default="")
    # For the agreement's terms (merge fields {payment_details} and friends):
    payment_details: Mapped[str] = mapped_column(Text, default="")  # bank details, how to pay
    professional_body: Mapped[str] = mapped_column(String(300), default="")
    complaints_route: Mapped[str] = mapped_column(Text, default="")
    data_protection_number: Mapped[str] = mapped_column(String(100), default="")
    #: One more with every save (see practice.services.conflicts).
    version: Mapped[int] = mapped_column(default=1, server_default=text("1"))
    __mapper_args__ = {"version_id_col": version}  # noqa: RUF012 (SQLAlchemy's own)


class AgreementClause(Base):
    """One section of the practice's terms, printed in every agreement, in order."""

    __tablename__ = "agreement_clauses"
    __table_args__ = (CheckConstraint("length(trim(heading)) > 0", name="heading_not_blank"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    key: Mapped[str] = mapped_column(String(40), unique=True)  # e.g. "cancellation"
    position: Mapped[int] = mapped_column(default=0)
    heading: Mapped[str] = mapped_column(String(200))
    body: Mapped[str] = mapped_column(Text, default="")
    applies_to: Mapped[ClauseScope] = mapped_column(
        enum_column(ClauseScope, "clause_scope"), default=ClauseScope.ALL
    )
    #: One more with every save (see practice.services.conflicts).
    version: Mapped[int] = mapped_column(default=1, server_default=text("1"))
    __mapper_args__ = {"version_id_col": version}  # noqa: RUF012 (SQLAlchemy's own)


class AuditEntry(Base):
    """Append-only: who did what to which record, when. Never the record's content."""

    __tablename__ = "audit_log"
    __table_args__ = (Index("ix_audit_log_entity", "entity", "entity_id"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    at: Mapped[datetime] = mapped_column(default=utcnow, index=True)
    #: The login on a practice server (filled in by the database), else "practitioner".
    actor: Mapped[str] = mapped_column(
        String(100), default=func.coalesce(current_login(), "practitioner")
    )
    action: Mapped[str] = mapped_column(String(40))  # view, create, edit, export, delete, erase
    entity: Mapped[str] = mapped_column(String(40))  # client, session, note, ...
    entity_id: Mapped[int | None]
    detail: Mapped[str] = mapped_column(Text, default="")  # never client content


class Draft(Base):
    """Text being typed but not yet saved (a session note, an addendum), kept in the
    encrypted database so it survives a crash, a lock or closing the window."""

    __tablename__ = "drafts"

    key: Mapped[str] = mapped_column(String(100), primary_key=True)  # e.g. "note:new:client:7"
    body: Mapped[str] = mapped_column(Text, default="")
    updated_at: Mapped[datetime] = mapped_column(default=utcnow)
    #: The login typing it on a practice server ('' in a file): each keeps their own.
    made_by: Mapped[str] = mapped_column(
        String(63), primary_key=True, default=func.coalesce(current_login(), ""), server_default=""
    )
