"""Practitioners: who a client, and the clinical records and unseen work around them,
belong to; and the clients shared with a second practitioner.

A solo practice has one practitioner (made by migration 0009, without a login) and
everything belongs to them. A group practice on a PostgreSQL server has one per
login (``practice team add-practitioner``); the server's row-level security
(:mod:`practice.db.access`) decides from these rows what each login may read and write.
"""

from __future__ import annotations

from datetime import datetime
from typing import Any

from sqlalchemy import CheckConstraint, ForeignKey, Index, String, Text, func, select
from sqlalchemy.orm import Mapped, mapped_column

from practice.db.dialect import current_login
from practice.models.base import Base, enum_column
from practice.models.enums import PractitionerRole
from practice.timeutil import utcnow


class Practitioner(Base):
    __tablename__ = "practitioners"
    __table_args__ = (CheckConstraint("length(trim(name)) > 0", name="name_not_blank"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    name: Mapped[str] = mapped_column(String(200))
    #: The PostgreSQL login (role) on a practice server; None in a solo practice.
    login: Mapped[str | None] = mapped_column(String(63), unique=True)
    role: Mapped[PractitionerRole] = mapped_column(
        enum_column(PractitionerRole, "practitioner_role"), default=PractitionerRole.OWNER
    )
    created_at: Mapped[datetime] = mapped_column(default=utcnow)


class ClientShare(Base):
    """A client shared with a second practitioner (co-working, cover during an absence),
    from ``shared_at`` until ``ended_at``; the sharing and its end are in the audit log."""

    __tablename__ = "client_shares"
    __table_args__ = (
        Index("ix_client_shares_client", "client_id"),
        Index("ix_client_shares_practitioner", "practitioner_id"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    client_id: Mapped[int] = mapped_column(ForeignKey("clients.id", ondelete="CASCADE"))
    practitioner_id: Mapped[int] = mapped_column(
        ForeignKey("practitioners.id", ondelete="RESTRICT")
    )
    reason: Mapped[str] = mapped_column(Text, default="")
    shared_at: Mapped[datetime] = mapped_column(default=utcnow)
    ended_at: Mapped[datetime | None]


def the_practitioner() -> Any:
    """SQL, the default of every ``practitioner_id``: the practitioner whose login is
    connected (on a server; admin staff add clients for the practice), else the
    practice's first owner — in a solo practice, its one practitioner. Worked out inside the ``INSERT`` itself, so the services, the
    sample and imports need not say whose a new record is."""
    own = select(Practitioner.id).where(
        Practitioner.login == current_login(), Practitioner.role != PractitionerRole.ADMIN_STAFF
    )
    owner = select(func.min(Practitioner.id)).where(Practitioner.role == PractitionerRole.OWNER)
    # a practitioner's own export, made a file of their own, has them alone (no owner)
    anyone = select(func.min(Practitioner.id)).where(
        Practitioner.role != PractitionerRole.ADMIN_STAFF
    )
    return func.coalesce(own.scalar_subquery(), owner.scalar_subquery(), anyone.scalar_subquery())
