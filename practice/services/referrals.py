"""The referral directory (other practitioners and services) and the referrals made."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from typing import Any

from sqlalchemy import func, select
from sqlalchemy.orm import Session as DbSession

from practice.db import Database
from practice.errors import ValidationError
from practice.models import Client, Enquiry, Provider, Referral
from practice.services import audit, records, validation

MAX_NOTES = 10_000
MAX_REASON = 5000
_TEXT_LIMITS = {"name": 200, "speciality": 300, "organisation": 200, "website": 500}


@dataclass(frozen=True)
class ReferralRow:
    """One referral with the provider's and the person's names, for lists."""

    id: int
    provider_id: int
    provider_name: str
    speciality: str
    client_id: int | None
    enquiry_id: int | None
    person_name: str
    referred_on: date
    reason: str


def add_provider(
    db: Database,
    *,
    name: str,
    speciality: str = "",
    organisation: str = "",
    email: str = "",
    phone: str = "",
    website: str = "",
    notes: str = "",
) -> Provider:
    values = _validated(
        {
            "name": name,
            "speciality": speciality,
            "organisation": organisation,
            "email": email,
            "phone": phone,
            "website": website,
            "notes": notes,
        }
    )
    with db.transaction() as s:
        provider = Provider(**values)
        s.add(provider)
        s.flush()
        return provider


def update_provider(
    db: Database, provider_id: int, *, expected_version: int | None = None, **changes: Any
) -> Provider:
    """Change any of ``name``, ``speciality``, ``organisation``, ``email``, ``phone``,
    ``website`` and ``notes`` (``expected_version``: see :mod:`practice.services.conflicts`)."""
    return records.change_fields(
        db, Provider, provider_id, "provider", _validated(changes),
        expected_version=expected_version,
    )  # fmt: skip


def archive_provider(db: Database, provider_id: int) -> Provider:
    """Take a provider out of the directory; past referrals to them stay on record."""
    return records.archive(db, Provider, provider_id, "provider")


def restore_provider(db: Database, provider_id: int) -> Provider:
    return records.restore(db, Provider, provider_id, "provider")


def list_providers(
    db: Database, *, search: str = "", include_archived: bool = False
) -> list[Provider]:
    """Providers by name; every word of ``search`` must appear in the name, speciality,
    organisation or notes (case-insensitive)."""
    stmt = records.matching_words(
        select(Provider),
        search,
        (Provider.name, Provider.speciality, Provider.organisation, Provider.notes),
    )
    if not include_archived:
        stmt = stmt.where(Provider.archived_at.is_(None))
    stmt = stmt.order_by(func.lower(Provider.name), Provider.id)
    with db.reading() as s:
        return list(s.scalars(stmt))


def refer(
    db: Database,
    *,
    provider_id: int,
    client_id: int | None = None,
    enquiry_id: int | None = None,
    referred_on: date,
    reason: str = "",
) -> Referral:
    """Record that a client or an enquirer (exactly one) was referred to a provider."""
    with db.transaction() as s:
        return refer_in(
            s,
            provider_id=provider_id,
            client_id=client_id,
            enquiry_id=enquiry_id,
            referred_on=referred_on,
            reason=reason,
        )


def referrals_for(
    db: Database,
    *,
    client_id: int | None = None,
    enquiry_id: int | None = None,
    provider_id: int | None = None,
) -> list[ReferralRow]:
    """Referrals of a client, an enquirer or to a provider (any filters given), newest first."""
    stmt = (
        select(Referral, Provider, records.person_name())
        .join(Provider, Provider.id == Referral.provider_id)
        .outerjoin(Client, Client.id == Referral.client_id)
        .outerjoin(Enquiry, Enquiry.id == Referral.enquiry_id)
    )
    if client_id is not None:
        stmt = stmt.where(Referral.client_id == client_id)
    if enquiry_id is not None:
        stmt = stmt.where(Referral.enquiry_id == enquiry_id)
    if provider_id is not None:
        stmt = stmt.where(Referral.provider_id == provider_id)
    stmt = stmt.order_by(Referral.referred_on.desc(), Referral.id.desc())
    with db.transaction() as s:
        return [
            ReferralRow(
                id=referral.id,
                provider_id=provider.id,
                provider_name=provider.name,
                speciality=provider.speciality,
                client_id=referral.client_id,
                enquiry_id=referral.enquiry_id,
                person_name=name,
                referred_on=referral.referred_on,
                reason=referral.reason,
            )
            for referral, provider, name in s.execute(stmt)
        ]


def refer_in(
    s: DbSession,
    *,
    provider_id: int,
    client_id: int | None,
    enquiry_id: int | None,
    referred_on: date,
    reason: str,
) -> Referral:
    """Validate and add one referral inside the caller's transaction."""
    records.check_one_person(client_id, enquiry_id)
    day = validation.past_day(referred_on, "referred_on")
    reason_text = validation.text(reason, "reason", max_length=MAX_REASON)
    provider = records.get_or_raise(s, Provider, provider_id, "provider")
    if provider.archived_at is not None:
        raise ValidationError("provider", "is archived; restore them before referring to them.")
    records.check_recipient(
        s, client_id=client_id, enquiry_id=enquiry_id, day=day, field="referred_on"
    )
    referral = Referral(
        provider_id=provider.id,
        client_id=client_id,
        enquiry_id=enquiry_id,
        referred_on=day,
        reason=reason_text,
    )
    s.add(referral)
    s.flush()
    if client_id is not None:
        audit.record(s, "create", "referral", referral.id, f"client {client_id}")
    return referral


def _validated(raw: dict[str, Any]) -> dict[str, Any]:
    values: dict[str, Any] = {}
    for key, value in raw.items():
        if key in _TEXT_LIMITS:
            values[key] = validation.text(
                value, key, max_length=_TEXT_LIMITS[key], required=key == "name"
            )
        elif key == "email":
            values[key] = validation.email(value)
        elif key == "phone":
            values[key] = validation.phone(value)
        elif key == "notes":
            values[key] = validation.text(value, "notes", max_length=MAX_NOTES)
        else:
            raise ValidationError(key, "cannot be changed on a provider.")
    return values
