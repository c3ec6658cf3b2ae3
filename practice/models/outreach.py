"""Saying no well: resources and their shares, providers and referrals, enquiries."""

from __future__ import annotations

from datetime import date, datetime

from sqlalchemy import CheckConstraint, ForeignKey, Index, String, Text, text
from sqlalchemy.orm import Mapped, mapped_column

from practice.models.base import Base, Timestamped, enum_column
from practice.models.enums import EnquiryOutcome, ResourceKind


class Resource(Timestamped, Base):
    __tablename__ = "resources"
    __table_args__ = (CheckConstraint("length(trim(title)) > 0", name="title_not_blank"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    title: Mapped[str] = mapped_column(String(300))
    kind: Mapped[ResourceKind] = mapped_column(enum_column(ResourceKind, "resource_kind"))
    location: Mapped[str] = mapped_column(String(1000), default="")  # a link, a path, a shelf
    description: Mapped[str] = mapped_column(Text, default="")
    archived_at: Mapped[datetime | None]
    #: One more with every save (see practice.services.conflicts).
    version: Mapped[int] = mapped_column(default=1, server_default=text("1"))
    __mapper_args__ = {"version_id_col": version}  # noqa: RUF012 (SQLAlchemy's own)


class Enquiry(Timestamped, Base):
    __tablename__ = "enquiries"
    __table_args__ = (
        CheckConstraint("length(trim(name)) > 0", name="name_not_blank"),
        Index("ix_enquiries_received_on", "received_on"),
        Index("ix_enquiries_outcome", "outcome"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    name: Mapped[str] = mapped_column(String(200))
    email: Mapped[str] = mapped_column(String(254), default="")
    phone: Mapped[str] = mapped_column(String(40), default="")
    received_on: Mapped[date]
    request: Mapped[str] = mapped_column(Text, default="")  # what they want help with
    source: Mapped[str] = mapped_column(String(200), default="")
    outcome: Mapped[EnquiryOutcome] = mapped_column(
        enum_column(EnquiryOutcome, "enquiry_outcome"), default=EnquiryOutcome.WAITING
    )
    outcome_note: Mapped[str] = mapped_column(Text, default="")
    closed_on: Mapped[date | None]
    #: The client record made from this enquiry, when there is one.
    client_id: Mapped[int | None] = mapped_column(
        ForeignKey("clients.id", ondelete="SET NULL"), index=True
    )
    #: One more with every save (see practice.services.conflicts).
    version: Mapped[int] = mapped_column(default=1, server_default=text("1"))
    __mapper_args__ = {"version_id_col": version}  # noqa: RUF012 (SQLAlchemy's own)


class ResourceShare(Base):
    """Which client or enquirer was given which resource, and when."""

    __tablename__ = "resource_shares"
    __table_args__ = (
        CheckConstraint(
            "client_id IS NOT NULL OR enquiry_id IS NOT NULL", name="shared_with_someone"
        ),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    resource_id: Mapped[int] = mapped_column(
        ForeignKey("resources.id", ondelete="RESTRICT"), index=True
    )
    client_id: Mapped[int | None] = mapped_column(
        ForeignKey("clients.id", ondelete="CASCADE"), index=True
    )
    enquiry_id: Mapped[int | None] = mapped_column(
        ForeignKey("enquiries.id", ondelete="CASCADE"), index=True
    )
    shared_on: Mapped[date]
    note: Mapped[str] = mapped_column(Text, default="")


class Provider(Timestamped, Base):
    """Another practitioner or service to refer people to."""

    __tablename__ = "providers"
    __table_args__ = (CheckConstraint("length(trim(name)) > 0", name="name_not_blank"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    name: Mapped[str] = mapped_column(String(200))
    speciality: Mapped[str] = mapped_column(String(300), default="")
    organisation: Mapped[str] = mapped_column(String(200), default="")
    email: Mapped[str] = mapped_column(String(254), default="")
    phone: Mapped[str] = mapped_column(String(40), default="")
    website: Mapped[str] = mapped_column(String(500), default="")
    notes: Mapped[str] = mapped_column(Text, default="")
    archived_at: Mapped[datetime | None]
    #: One more with every save (see practice.services.conflicts).
    version: Mapped[int] = mapped_column(default=1, server_default=text("1"))
    __mapper_args__ = {"version_id_col": version}  # noqa: RUF012 (SQLAlchemy's own)


class Referral(Base):
    """Who was referred to whom, when and why."""

    __tablename__ = "referrals"
    __table_args__ = (
        CheckConstraint(
            "client_id IS NOT NULL OR enquiry_id IS NOT NULL", name="referral_for_someone"
        ),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    provider_id: Mapped[int] = mapped_column(
        ForeignKey("providers.id", ondelete="RESTRICT"), index=True
    )
    client_id: Mapped[int | None] = mapped_column(
        ForeignKey("clients.id", ondelete="CASCADE"), index=True
    )
    enquiry_id: Mapped[int | None] = mapped_column(
        ForeignKey("enquiries.id", ondelete="CASCADE"), index=True
    )
    referred_on: Mapped[date]
    reason: Mapped[str] = mapped_column(Text, default="")
