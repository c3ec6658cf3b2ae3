"""Action items: what a client agreed to do at a session, reviewed at a later one.

The session form shows :func:`open_action_items` for review; ``log_session`` in
:mod:`practice.services.sessions` saves new items and reviews in its own transaction
through the ``*_in`` helpers here, so the rules live in one place.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date, datetime
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session as DbSession
from sqlalchemy.orm import joinedload, object_session

from practice.db import Database
from practice.economics import source
from practice.economics.source import practice_tz
from practice.errors import NotFoundError, ValidationError
from practice.models import ActionItem, ActionStatus, Session
from practice.services import audit, records, validation
from practice.services.conflicts import check_version
from practice.timeutil import as_utc, to_local, today

MAX_DESCRIPTION = 1000
MAX_REVIEW_NOTE = 5000


@dataclass(frozen=True)
class NewActionItem:
    """An action item agreed at the session being logged."""

    description: str
    due_date: date | None = None


@dataclass(frozen=True)
class ActionReview:
    """The review of an earlier open item: done, partly, dropped, or left open."""

    action_item_id: int
    status: ActionStatus | str
    note: str = ""


def local_date(moment: datetime, s: DbSession | None = None) -> date:
    """The practitioner's calendar date of an instant: in the practice's zone (read from
    the database when ``s`` is given, else the zone in use)."""
    if s is None:
        return to_local(moment).date()
    return source.local_date(as_utc(moment), practice_tz(s))


def add_action_item(
    db: Database, *, session_id: int, description: str, due_date: date | None = None
) -> ActionItem:
    """Add an item agreed at ``session_id``."""
    with db.transaction() as s:
        session = s.get(Session, session_id)
        if session is None:
            raise NotFoundError("session", session_id)
        return add_item_in(s, session, NewActionItem(description, due_date))


def review_action_item(
    db: Database,
    action_item_id: int,
    *,
    status: ActionStatus | str,
    reviewed_session_id: int | None = None,
    note: str = "",
    expected_version: int | None = None,
) -> ActionItem:
    """Record how an item went, at ``reviewed_session_id`` (or today, between sessions)
    (``expected_version``: see :mod:`practice.services.conflicts`)."""
    with db.transaction() as s:
        check_version(
            s, _get(s, action_item_id), expected_version, entity="action_item",
            what="this action item",
        )  # fmt: skip
        reviewed: Session | None = None
        if reviewed_session_id is not None:
            reviewed = s.get(Session, reviewed_session_id)
            if reviewed is None:
                raise NotFoundError("session", reviewed_session_id)
        item = review_in(s, ActionReview(action_item_id, status, note), reviewed)
        audit.record(s, "status", "action_item", item.id, f"status: {item.status.value}")
        s.flush()
        return _loaded(s, item.id)


def update_action_item(
    db: Database, action_item_id: int, *, expected_version: int | None = None, **changes: Any
) -> ActionItem:
    """Change ``description`` and/or ``due_date`` (``None`` clears it)."""
    records.check_changeable(changes, ("description", "due_date"), "an action item")
    with db.transaction() as s:
        item = _get(s, action_item_id)
        check_version(s, item, expected_version, entity="action_item", what="this action item")
        audit.record(s, "edit", "action_item", item.id, ", ".join(sorted(changes)))
        if "description" in changes:
            item.description = _description(changes["description"])
        if "due_date" in changes:
            item.due_date = _due_date(changes["due_date"], item.session)
        s.flush()
        return _loaded(s, item.id)


def list_action_items(
    db: Database,
    *,
    client_id: int | None = None,
    statuses: Iterable[ActionStatus | str] | ActionStatus | str | None = None,
    due_before: date | None = None,
) -> list[ActionItem]:
    """Items (with their session loaded), soonest due first, undated last."""
    stmt = select(ActionItem).options(joinedload(ActionItem.session))
    if client_id is not None:
        stmt = stmt.where(ActionItem.client_id == client_id)
    if statuses is not None:
        wanted = validation.choices(statuses, ActionStatus, "status")
        stmt = stmt.where(ActionItem.status.in_(wanted))
    if due_before is not None:
        validation.required_date(due_before, "due_before")
        stmt = stmt.where(ActionItem.due_date < due_before)
    stmt = stmt.order_by(
        ActionItem.due_date.is_(None), ActionItem.due_date, ActionItem.created_at, ActionItem.id
    )
    with db.reading() as s:
        return list(s.scalars(stmt).unique())


def open_action_items(
    db: Database, client_id: int, *, before: datetime | None = None
) -> list[ActionItem]:
    """The client's open items, oldest session first: what the session form offers for review.

    ``before`` (an aware instant) keeps only items from sessions that started earlier, for
    editing an older session.
    """
    stmt = (
        select(ActionItem)
        .join(ActionItem.session)
        .options(joinedload(ActionItem.session))
        .where(ActionItem.client_id == client_id, ActionItem.status == ActionStatus.OPEN)
        .order_by(Session.starts_at, ActionItem.id)
    )
    if before is not None:
        if before.tzinfo is None:
            raise ValidationError("before", "needs a timezone.")
        stmt = stmt.where(Session.starts_at < before)
    with db.transaction() as s:
        return list(s.scalars(stmt).unique())


# Helpers used inside another service's transaction -------------------------------------


def add_item_in(s: DbSession, session: Session, new: NewActionItem) -> ActionItem:
    """Validate and add one new item agreed at ``session`` (no commit)."""
    item = ActionItem(
        session=session,
        client_id=session.client_id,
        description=_description(new.description),
        due_date=_due_date(new.due_date, session),
        status=ActionStatus.OPEN,
    )
    s.add(item)
    s.flush()
    return item


def review_in(s: DbSession, review: ActionReview, reviewed: Session | None) -> ActionItem:
    """Validate and apply one review; ``reviewed`` is the session it happened at, if any."""
    item = _get(s, review.action_item_id)
    status = validation.choice(review.status, ActionStatus, "status")
    note = validation.text(review.note, "review_note", max_length=MAX_REVIEW_NOTE)
    if reviewed is not None:
        if reviewed.client_id != item.client_id:
            raise ValidationError(
                "action_item", "belongs to another client and cannot be reviewed here."
            )
        if reviewed.id == item.session_id or reviewed.starts_at <= item.session.starts_at:
            raise ValidationError(
                "action_item", "can only be reviewed at a session after the one it came from."
            )
        item.reviewed_session_id = reviewed.id
        item.reviewed_on = local_date(reviewed.starts_at, s)
    else:
        item.reviewed_session_id = None
        item.reviewed_on = today()
    item.status = status
    item.review_note = note
    return item


def _description(value: object) -> str:
    if not isinstance(value, str):
        raise ValidationError("description", "must be text.")
    return validation.text(value, "description", max_length=MAX_DESCRIPTION, required=True)


def _due_date(value: object, session: Session) -> date | None:
    if value is None:
        return None
    if isinstance(value, datetime) or not isinstance(value, date):
        raise ValidationError("due_date", "must be a date.")
    session_day = local_date(session.starts_at, object_session(session))
    return validation.a_date(value, "due_date", not_before=session_day)


def _get(s: DbSession, action_item_id: int) -> ActionItem:
    return records.get_or_raise(s, ActionItem, action_item_id, "action item")


def _loaded(s: DbSession, action_item_id: int) -> ActionItem:
    stmt = (
        select(ActionItem)
        .options(joinedload(ActionItem.session))
        .where(ActionItem.id == action_item_id)
    )
    return s.scalars(stmt).one()
