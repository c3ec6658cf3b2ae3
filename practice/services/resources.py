"""The resource library (recordings, videos, worksheets, courses, links, books) and the
record of which client or enquirer was given what, and when."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date
from typing import Any

from sqlalchemy import func, select
from sqlalchemy.orm import Session as DbSession

from practice.db import Database
from practice.errors import ValidationError
from practice.models import Client, Enquiry, Resource, ResourceKind, ResourceShare
from practice.services import records, validation

MAX_TITLE = 300
MAX_LOCATION = 1000
MAX_DESCRIPTION = 10_000
MAX_NOTE = 2000


@dataclass(frozen=True)
class ShareRow:
    """One resource given to one person, for the client or enquiry page."""

    id: int
    resource_id: int
    title: str
    kind: ResourceKind
    location: str
    shared_on: date
    note: str
    client_id: int | None
    enquiry_id: int | None


@dataclass(frozen=True)
class RecipientRow:
    """One person (a client or an enquirer) given one resource, for the library page."""

    id: int
    resource_id: int
    client_id: int | None
    enquiry_id: int | None
    person_name: str
    shared_on: date
    note: str


def add_resource(
    db: Database,
    *,
    title: str,
    kind: ResourceKind | str,
    location: str = "",
    description: str = "",
) -> Resource:
    values = _validated(
        {"title": title, "kind": kind, "location": location, "description": description}
    )
    with db.transaction() as s:
        resource = Resource(**values)
        s.add(resource)
        s.flush()
        return resource


def update_resource(
    db: Database, resource_id: int, *, expected_version: int | None = None, **changes: Any
) -> Resource:
    """Change any of ``title``, ``kind``, ``location`` and ``description``
    (``expected_version``: see :mod:`practice.services.conflicts`)."""
    return records.change_fields(
        db, Resource, resource_id, "resource", _validated(changes),
        expected_version=expected_version,
    )  # fmt: skip


def archive_resource(db: Database, resource_id: int) -> Resource:
    """Hide a resource from the library; what was shared stays on record."""
    return records.archive(db, Resource, resource_id, "resource")


def restore_resource(db: Database, resource_id: int) -> Resource:
    return records.restore(db, Resource, resource_id, "resource")


def list_resources(
    db: Database,
    *,
    search: str = "",
    kinds: Iterable[ResourceKind | str] | ResourceKind | str | None = None,
    include_archived: bool = False,
) -> list[Resource]:
    """Resources by title; every word of ``search`` must appear in the title,
    description or location (case-insensitive)."""
    stmt = records.matching_words(
        select(Resource), search, (Resource.title, Resource.description, Resource.location)
    )
    if kinds is not None:
        stmt = stmt.where(Resource.kind.in_(validation.choices(kinds, ResourceKind, "kind")))
    if not include_archived:
        stmt = stmt.where(Resource.archived_at.is_(None))
    stmt = stmt.order_by(func.lower(Resource.title), Resource.id)
    with db.reading() as s:
        return list(s.scalars(stmt))


def share_resource(
    db: Database,
    *,
    resource_id: int,
    client_id: int | None = None,
    enquiry_id: int | None = None,
    shared_on: date,
    note: str = "",
) -> ResourceShare:
    """Record that a client or an enquirer (exactly one) was given a resource."""
    with db.transaction() as s:
        return share_in(
            s,
            resource_id=resource_id,
            client_id=client_id,
            enquiry_id=enquiry_id,
            shared_on=shared_on,
            note=note,
        )


def shares_for(
    db: Database, *, client_id: int | None = None, enquiry_id: int | None = None
) -> list[ShareRow]:
    """What one client or enquirer was given, newest first."""
    records.check_one_person(client_id, enquiry_id)
    stmt = select(ResourceShare, Resource).join(Resource, Resource.id == ResourceShare.resource_id)
    if client_id is not None:
        stmt = stmt.where(ResourceShare.client_id == client_id)
    else:
        stmt = stmt.where(ResourceShare.enquiry_id == enquiry_id)
    stmt = stmt.order_by(ResourceShare.shared_on.desc(), ResourceShare.id.desc())
    with db.transaction() as s:
        return [
            ShareRow(
                id=share.id,
                resource_id=resource.id,
                title=resource.title,
                kind=resource.kind,
                location=resource.location,
                shared_on=share.shared_on,
                note=share.note,
                client_id=share.client_id,
                enquiry_id=share.enquiry_id,
            )
            for share, resource in s.execute(stmt)
        ]


def recipients_of(db: Database, resource_id: int) -> list[RecipientRow]:
    """Who was given one resource (clients and enquirers), newest first."""
    stmt = (
        select(ResourceShare, records.person_name())
        .outerjoin(Client, Client.id == ResourceShare.client_id)
        .outerjoin(Enquiry, Enquiry.id == ResourceShare.enquiry_id)
        .where(ResourceShare.resource_id == resource_id)
        .order_by(ResourceShare.shared_on.desc(), ResourceShare.id.desc())
    )
    with db.transaction() as s:
        return [
            RecipientRow(
                id=share.id,
                resource_id=share.resource_id,
                client_id=share.client_id,
                enquiry_id=share.enquiry_id,
                person_name=name,
                shared_on=share.shared_on,
                note=share.note,
            )
            for share, name in s.execute(stmt)
        ]


def share_in(
    s: DbSession,
    *,
    resource_id: int,
    client_id: int | None,
    enquiry_id: int | None,
    shared_on: date,
    note: str,
) -> ResourceShare:
    """Validate and add one share inside the caller's transaction."""
    records.check_one_person(client_id, enquiry_id)
    day = validation.past_day(shared_on, "shared_on")
    note_text = validation.text(note, "note", max_length=MAX_NOTE)
    resource = records.get_or_raise(s, Resource, resource_id, "resource")
    if resource.archived_at is not None:
        raise ValidationError("resource", "is archived; restore it before sharing it.")
    records.check_recipient(
        s, client_id=client_id, enquiry_id=enquiry_id, day=day, field="shared_on"
    )
    share = ResourceShare(
        resource_id=resource.id,
        client_id=client_id,
        enquiry_id=enquiry_id,
        shared_on=day,
        note=note_text,
    )
    s.add(share)
    s.flush()
    return share


def _validated(raw: dict[str, Any]) -> dict[str, Any]:
    values: dict[str, Any] = {}
    for key, value in raw.items():
        if key == "kind":
            values[key] = validation.choice(value, ResourceKind, "kind")
        elif key == "title":
            values[key] = validation.text(value, "title", max_length=MAX_TITLE, required=True)
        elif key == "location":
            values[key] = validation.text(value, "location", max_length=MAX_LOCATION)
        elif key == "description":
            values[key] = validation.text(value, "description", max_length=MAX_DESCRIPTION)
        else:
            raise ValidationError(key, "cannot be changed on a resource.")
    return values
