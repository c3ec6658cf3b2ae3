"""Clients: people the practitioner works with or who enquired."""

from __future__ import annotations

from datetime import date, datetime
from typing import TYPE_CHECKING

from sqlalchemy import CheckConstraint, ForeignKey, Index, String, Text, text
from sqlalchemy.orm import Mapped, mapped_column, relationship

from practice.models.base import Base, Timestamped, enum_column
from practice.models.enums import ClientStatus
from practice.models.practitioner import the_practitioner

if TYPE_CHECKING:
    from practice.models.enrolment import Enrolment


class Client(Timestamped, Base):
    __tablename__ = "clients"
    __table_args__ = (
        CheckConstraint("length(trim(first_name)) > 0", name="first_name_not_blank"),
        Index("ix_clients_status_sort", "status", "sort_name"),
        Index("ix_clients_sort_name", "sort_name"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    first_name: Mapped[str] = mapped_column(String(100))
    last_name: Mapped[str] = mapped_column(String(100), default="")
    preferred_name: Mapped[str] = mapped_column(String(100), default="")
    pronouns: Mapped[str] = mapped_column(String(40), default="")
    email: Mapped[str] = mapped_column(String(254), default="")
    phone: Mapped[str] = mapped_column(String(40), default="")
    address: Mapped[str] = mapped_column(String(500), default="")
    date_of_birth: Mapped[date | None]
    emergency_contact_name: Mapped[str] = mapped_column(String(200), default="")
    emergency_contact_phone: Mapped[str] = mapped_column(String(40), default="")
    source: Mapped[str] = mapped_column(String(200), default="")  # how they found the practice
    status: Mapped[ClientStatus] = mapped_column(
        enum_column(ClientStatus, "client_status"), default=ClientStatus.ENQUIRY
    )
    consent_to_contact: Mapped[bool] = mapped_column(default=False)
    consent_to_records: Mapped[bool] = mapped_column(default=False)
    consent_recorded_on: Mapped[date | None]
    notes: Mapped[str] = mapped_column(Text, default="")
    #: Lower-cased, accent-folded "first last preferred email" for search-as-you-type in SQL.
    search_text: Mapped[str] = mapped_column(String(700), default="", index=True)
    #: "last first", folded, for ordering lists in SQL.
    sort_name: Mapped[str] = mapped_column(String(210), default="")
    archived_at: Mapped[datetime | None]
    #: Whose client (see practice.models.practitioner); filled in by the database.
    practitioner_id: Mapped[int | None] = mapped_column(
        ForeignKey("practitioners.id", ondelete="RESTRICT"), index=True, default=the_practitioner()
    )
    #: One more with every save: a save begun from an older one is refused (see
    #: practice.services.conflicts).
    version: Mapped[int] = mapped_column(default=1, server_default=text("1"))
    __mapper_args__ = {"version_id_col": version}  # noqa: RUF012 (SQLAlchemy's own)

    enrolments: Mapped[list[Enrolment]] = relationship(
        back_populates="client", order_by="Enrolment.start_date"
    )

    @property
    def display_name(self) -> str:
        """How the practitioner sees the client: preferred name first when given."""
        first = self.preferred_name or self.first_name
        return f"{first} {self.last_name}".strip()

    @property
    def full_name(self) -> str:
        """The legal-ish name used on documents."""
        return f"{self.first_name} {self.last_name}".strip()
