"""Enquiries: someone asking for help, and what came of it (enrolled, referred, pointed to
a resource, declined, or still waiting). Saying no well means every enquirer leaves with
somewhere useful to go, and the log shows what each was offered."""

from __future__ import annotations

from collections.abc import Iterable
from datetime import date
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session as DbSession

from practice.db import Database
from practice.errors import ValidationError
from practice.models import (
    Client,
    ClientStatus,
    Enquiry,
    EnquiryOutcome,
    Referral,
    ResourceShare,
)
from practice.services import audit, records, validation
from practice.services.clients import refresh_search_columns
from practice.services.conflicts import check_version
from practice.services.referrals import refer_in
from practice.services.resources import share_in
from practice.timeutil import today

MAX_REQUEST = 10_000
MAX_NOTE = 5000
#: Lower-case words that belong to the family name that follows them ("Anna van der Berg").
NAME_PARTICLES = frozenset(
    [
        "al",
        "bin",
        "da",
        "das",
        "de",
        "del",
        "della",
        "der",
        "des",
        "di",
        "dos",
        "du",
        "el",
        "la",
        "le",
        "st",
        "ten",
        "ter",
        "van",
        "von",
    ]
)
_CHANGEABLE = ("name", "received_on", "email", "phone", "request", "source")


def record_enquiry(
    db: Database,
    *,
    name: str,
    received_on: date,
    email: str = "",
    phone: str = "",
    request: str = "",
    source: str = "",
) -> Enquiry:
    values = _validated(
        {
            "name": name,
            "received_on": received_on,
            "email": email,
            "phone": phone,
            "request": request,
            "source": source,
        }
    )
    with db.transaction() as s:
        enquiry = Enquiry(**values, outcome=EnquiryOutcome.WAITING)
        s.add(enquiry)
        s.flush()
        return enquiry


def update_enquiry(
    db: Database, enquiry_id: int, *, expected_version: int | None = None, **changes: Any
) -> Enquiry:
    """Change any of ``name``, ``received_on``, ``email``, ``phone``, ``request``, ``source``
    (``expected_version``: see :mod:`practice.services.conflicts`)."""
    values = _validated(changes)
    with db.transaction() as s:
        enquiry = _get(s, enquiry_id)
        check_version(s, enquiry, expected_version, entity="enquiry", what="this enquiry")
        for key, value in values.items():
            setattr(enquiry, key, value)
        if enquiry.closed_on is not None and enquiry.closed_on < enquiry.received_on:
            raise ValidationError("received_on", "cannot be after the enquiry was closed.")
        audit.record(s, "edit", "enquiry", enquiry.id, ", ".join(sorted(values)))
        s.flush()
        return enquiry


def get_enquiry(db: Database, enquiry_id: int) -> Enquiry:
    with db.reading() as s:
        return _get(s, enquiry_id)


def set_enquiry_outcome(
    db: Database,
    enquiry_id: int,
    outcome: EnquiryOutcome | str,
    *,
    note: str = "",
    closed_on: date | None = None,
    expected_version: int | None = None,
) -> Enquiry:
    """Say what came of an enquiry. Any outcome but waiting closes it (today by default)."""
    outcome_value = validation.choice(outcome, EnquiryOutcome, "outcome")
    note_text = validation.text(note, "outcome_note", max_length=MAX_NOTE)
    with db.transaction() as s:
        enquiry = _get(s, enquiry_id)
        check_version(s, enquiry, expected_version, entity="enquiry", what="this enquiry")
        _close(enquiry, outcome_value, closed_on)
        enquiry.outcome_note = note_text
        audit.record(s, "status", "enquiry", enquiry.id, f"outcome: {outcome_value.value}")
        s.flush()
        return enquiry


def refer_enquirer(
    db: Database, enquiry_id: int, provider_id: int, reason: str, on: date
) -> Referral:
    """Refer the enquirer to a provider and close the enquiry as referred, together."""
    with db.transaction() as s:
        enquiry = _get(s, enquiry_id)
        referral = refer_in(
            s,
            provider_id=provider_id,
            client_id=None,
            enquiry_id=enquiry.id,
            referred_on=on,
            reason=reason,
        )
        _close(enquiry, EnquiryOutcome.REFERRED, referral.referred_on)
        return referral


def point_to_resource(
    db: Database, enquiry_id: int, resource_id: int, on: date, note: str = ""
) -> ResourceShare:
    """Give the enquirer a resource and close the enquiry as pointed to a resource."""
    with db.transaction() as s:
        enquiry = _get(s, enquiry_id)
        share = share_in(
            s,
            resource_id=resource_id,
            client_id=None,
            enquiry_id=enquiry.id,
            shared_on=on,
            note=note,
        )
        _close(enquiry, EnquiryOutcome.RESOURCE, share.shared_on)
        return share


def convert_enquiry_to_client(db: Database, enquiry_id: int) -> int:
    """Make a client (status enquiry) from the enquirer and link them; returns the client id.

    Converting again returns the same client. The outcome is left as it is: it becomes
    enrolled when the client enrols.
    """
    with db.transaction() as s:
        enquiry = _get(s, enquiry_id)
        if enquiry.client_id is not None:
            return enquiry.client_id
        first, last = split_name(enquiry.name)
        if len(first) > 100 or len(last) > 100:
            raise ValidationError("name", "is too long for a client's name; shorten it first.")
        client = Client(
            first_name=first,
            last_name=last,
            email=enquiry.email,
            phone=enquiry.phone,
            source=enquiry.source,
            status=ClientStatus.ENQUIRY,
        )
        refresh_search_columns(client)
        s.add(client)
        s.flush()
        enquiry.client_id = client.id
        audit.record(s, "create", "client", client.id, f"from enquiry {enquiry.id}")
        return client.id


def list_enquiries(
    db: Database,
    *,
    outcomes: Iterable[EnquiryOutcome | str] | EnquiryOutcome | str | None = None,
    since: date | None = None,
) -> list[Enquiry]:
    """Enquiries received on or after ``since``, newest first."""
    stmt = select(Enquiry)
    if outcomes is not None:
        stmt = stmt.where(
            Enquiry.outcome.in_(validation.choices(outcomes, EnquiryOutcome, "outcome"))
        )
    if since is not None:
        stmt = stmt.where(Enquiry.received_on >= validation.required_date(since, "since"))
    stmt = stmt.order_by(Enquiry.received_on.desc(), Enquiry.id.desc())
    with db.reading() as s:
        return list(s.scalars(stmt))


def split_name(name: str) -> tuple[str, str]:
    """First and last name from one typed name.

    "Ana María López" → ("Ana María", "López"); "Anna van der Berg" → ("Anna", "van der
    Berg"); "López, Ana" → ("Ana", "López"); a single word is a first name.
    """
    cleaned = " ".join(name.split())
    if "," in cleaned:
        last, _, first = (part.strip() for part in cleaned.partition(","))
        return (first, last) if first else (last, "")
    words = cleaned.split(" ")
    if len(words) == 1:
        return cleaned, ""
    cut = len(words) - 1
    while cut > 1 and words[cut - 1] in NAME_PARTICLES:
        cut -= 1
    return " ".join(words[:cut]), " ".join(words[cut:])


def _close(enquiry: Enquiry, outcome: EnquiryOutcome, closed_on: date | None) -> None:
    if outcome is EnquiryOutcome.WAITING:
        if closed_on is not None:
            raise ValidationError("closed_on", "is only for an enquiry that is closed.")
        enquiry.outcome = outcome
        enquiry.closed_on = None
        return
    if closed_on is None:
        closed_on = today()
    enquiry.closed_on = validation.past_day(closed_on, "closed_on", not_before=enquiry.received_on)
    enquiry.outcome = outcome


def _validated(raw: dict[str, Any]) -> dict[str, Any]:
    values: dict[str, Any] = {}
    for key, value in raw.items():
        if key not in _CHANGEABLE:
            raise ValidationError(key, "cannot be changed on an enquiry.")
        if key == "name":
            values[key] = validation.line(value, "name", max_length=200, required=True)
        elif key == "received_on":
            values[key] = validation.past_day(value, "received_on")
        elif key == "email":
            values[key] = validation.email(value)
        elif key == "phone":
            values[key] = validation.phone(value)
        elif key == "request":
            values[key] = validation.text(value, "request", max_length=MAX_REQUEST)
        else:
            values[key] = validation.text(value, "source", max_length=200)
    return values


def _get(s: DbSession, enquiry_id: int) -> Enquiry:
    return records.get_or_raise(s, Enquiry, enquiry_id, "enquiry")
