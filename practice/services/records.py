"""Pieces several services share: loading a record or saying it is gone, archiving and
restoring, changing validated fields, word search over some columns, and who a share or
referral is for (a client or an enquirer). Each works inside the caller's transaction or
opens exactly one of its own."""

from __future__ import annotations

from collections.abc import Collection, Iterable
from datetime import date, datetime
from typing import Any, Protocol, TypeVar

from sqlalchemy import ColumnElement, Select, func, or_
from sqlalchemy.orm import InstrumentedAttribute
from sqlalchemy.orm import Session as DbSession

from practice.db import Database
from practice.errors import NotFoundError, ValidationError
from practice.models import Client, Enquiry
from practice.services import audit, validation
from practice.services.conflicts import Versioned, check_version
from practice.timeutil import utcnow

M = TypeVar("M")
_Query = TypeVar("_Query", bound=Select[Any])


class _Archivable(Protocol):
    archived_at: datetime | None


A = TypeVar("A", bound=_Archivable)
V = TypeVar("V", bound=Versioned)


def get_or_raise(s: DbSession, model: type[M], ident: int, what: str) -> M:
    """The record ``ident`` of ``model``, or :class:`NotFoundError` naming it ``what``."""
    record = s.get(model, ident)
    if record is None:
        raise NotFoundError(what, ident)
    return record


def check_changeable(changes: Iterable[str], allowed: Collection[str], what: str) -> None:
    """A :class:`ValidationError` naming the first of ``changes`` not in ``allowed``
    (``what`` is the record, with its article: "a session")."""
    for key in changes:
        if key not in allowed:
            raise ValidationError(key, f"cannot be changed on {what}.")


def change_fields(
    db: Database,
    model: type[V],
    ident: int,
    what: str,
    values: dict[str, Any],
    *,
    expected_version: int | None = None,
) -> V:
    """Set already validated ``values`` on one record, in one transaction: refused when
    the record is no longer at ``expected_version`` (:mod:`practice.services.conflicts`);
    audited as an edit of ``what``."""
    with db.transaction() as s:
        record = get_or_raise(s, model, ident, what)
        check_version(s, record, expected_version, entity=what, what=f"this {what}")
        audit.record(s, "edit", what, ident, ", ".join(sorted(values)))
        for key, value in values.items():
            setattr(record, key, value)
        s.flush()
        return record


def archive(db: Database, model: type[A], ident: int, what: str) -> A:
    """Mark a record archived (now); archiving it again keeps the first moment."""
    with db.transaction() as s:
        record = get_or_raise(s, model, ident, what)
        if record.archived_at is None:
            record.archived_at = utcnow()
        return record


def restore(db: Database, model: type[A], ident: int, what: str) -> A:
    """Bring an archived record back into the everyday lists."""
    with db.transaction() as s:
        record = get_or_raise(s, model, ident, what)
        record.archived_at = None
        return record


def matching_words(
    stmt: _Query, search: str, columns: tuple[InstrumentedAttribute[str], ...]
) -> _Query:
    """``stmt`` narrowed so every word of ``search`` appears in one of ``columns``
    (case-insensitive)."""
    for word in validation.text(search, "search", max_length=200).split():
        stmt = stmt.where(or_(*(column.icontains(word, autoescape=True) for column in columns)))
    return stmt


def check_recipient(
    s: DbSession, *, client_id: int | None, enquiry_id: int | None, day: date, field: str
) -> None:
    """Exactly one of a client and an enquiry, existing; an enquirer only from the day
    their enquiry was received (``field`` names the date)."""
    check_one_person(client_id, enquiry_id)
    if client_id is not None and s.get(Client, client_id) is None:
        raise NotFoundError("client", client_id)
    if enquiry_id is not None:
        enquiry = s.get(Enquiry, enquiry_id)
        if enquiry is None:
            raise NotFoundError("enquiry", enquiry_id)
        if day < enquiry.received_on:
            raise ValidationError(field, "cannot be before the enquiry was received.")


def check_one_person(client_id: int | None, enquiry_id: int | None) -> None:
    if (client_id is None) == (enquiry_id is None):
        raise ValidationError("client", "choose either a client or an enquiry (one of them).")


def person_name() -> ColumnElement[str]:
    """The client's full name or else the enquirer's name, for rows joined (outer) to
    both :class:`Client` and :class:`Enquiry`."""
    return func.coalesce(func.trim(Client.first_name + " " + Client.last_name), Enquiry.name, "")
