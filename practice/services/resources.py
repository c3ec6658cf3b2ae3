"""The resource library (recordings, videos, worksheets, courses, links, books) and the
record of which client or enquirer was given what, and when."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date, datetime
from typing import Any

from sqlalchemy import func, or_, select
from sqlalchemy.orm import Session as DbSession

from practice.db import Database
from practice.errors import NotFoundError, ValidationError
from practice.models import Client, Enquiry, Resource, ResourceKind, ResourceShare
from practice.services import validation
from practice.timeutil import today, utcnow

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


def update_resource(db: Database, resource_id: int, **changes: Any) -> Resource:
    """Change any of ``title``, ``kind``, ``location`` and ``description``."""
    values = _validated(changes)
    with db.transaction() as s:
        resource = _get(s, resource_id)
        for key, value in values.items():
            setattr(resource, key, value)
        s.flush()
        return resource


def archive_resource(db: Database, resource_id: int) -> Resource:
    """Hide a resource from the library; what was shared stays on record."""
    with db.transaction() as s:
        resource = _get(s, resource_id)
        if resource.archived_at is None:
            resource.archived_at = utcnow()
        return resource


def restore_resource(db: Database, resource_id: int) -> Resource:
    with db.transaction() as s:
        resource = _get(s, resource_id)
        resource.archived_at = None
        return resource


def list_resources(
    db: Database,
    *,
    search: str = "",
    kinds: Iterable[ResourceKind | str] | ResourceKind | str | None = None,
    include_archived: bool = False,
) -> list[Resource]:
    """Resources by title; every word of ``search`` must appear in the title,
    description or location (case-insensitive)."""
    stmt = select(Resource)
    for word in validation.text(search, "search", max_length=200).split():
        stmt = stmt.where(
            or_(
                Resource.title.icontains(word, autoescape=True),
                Resource.description.icontains(word, autoescape=True),
                Resource.location.icontains(word, autoescape=True),
            )
        )
    if kinds is not None:
        wanted = [validation.choice(k, ResourceKind, "kind") for k in _many(kinds)]
        stmt = stmt.where(Resource.kind.in_(wanted))
    if not include_archived:
        stmt = stmt.where(Resource.archived_at.is_(None))
    stmt = stmt.order_by(func.lower(Resource.title), Resource.id)
    with db.transaction() as s:
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
    _exactly_one(client_id, enquiry_id)
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
    person = func.coalesce(func.trim(Client.first_name + " " + Client.last_name), Enquiry.name, "")
    stmt = (
        select(ResourceShare, person)
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
    _exactly_one(client_id, enquiry_id)
    day = _day(shared_on, "shared_on")
    note_text = validation.text(note, "note", max_length=MAX_NOTE)
    resource = _get(s, resource_id)
    if resource.archived_at is not None:
        raise ValidationError("resource", "is archived; restore it before sharing it.")
    if client_id is not None and s.get(Client, client_id) is None:
        raise NotFoundError("client", client_id)
    if enquiry_id is not None:
        enquiry = s.get(Enquiry, enquiry_id)
        if enquiry is None:
            raise NotFoundError("enquiry", enquiry_id)
        if day < enquiry.received_on:
            raise ValidationError("shared_on", "cannot be before the enquiry was received.")
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


def _day(value: object, field: str) -> date:
    if isinstance(value, datetime) or not isinstance(value, date):
        raise ValidationError(field, "must be a date.")
    return validation.required_date(value, field, not_after=today())


def _exactly_one(client_id: int | None, enquiry_id: int | None) -> None:
    if (client_id is None) == (enquiry_id is None):
        raise ValidationError("client", "choose either a client or an enquiry (one of them).")


def _get(s: DbSession, resource_id: int) -> Resource:
    resource = s.get(Resource, resource_id)
    if resource is None:
        raise NotFoundError("resource", resource_id)
    return resource


def _many(values: Iterable[Any] | str) -> list[Any]:
    if isinstance(values, str):
        return [values]
    return list(values)
