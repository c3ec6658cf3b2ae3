"""Retention reminders: client records kept past the practice's retention period.

The period (default 7 years) runs from the last contact: the client's latest session,
or when the record was made if there was none. The app reminds; it never deletes by
itself (erasing is :func:`practice.safekeeping.erase.erase_client`, on purpose only).
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, date, datetime, time

from sqlalchemy import func, select

from practice.db import Database
from practice.models import Client, PracticeProfile, Session
from practice.timeutil import add_months, today


@dataclass(frozen=True)
class RetentionDue:
    client_id: int
    name: str
    last_contact: date
    keep_until: date  # the end of the retention period


def retention_years(db: Database) -> int:
    with db.transaction() as s:
        profile = s.get(PracticeProfile, 1)
        return 7 if profile is None else profile.retention_years


def records_past_retention(db: Database, *, on: date | None = None) -> list[RetentionDue]:
    """Clients whose retention period ended before ``on`` (default today), oldest first."""
    on = on or today()
    years = retention_years(db)
    cutoff = datetime.combine(add_months(on, -12 * years), time(), tzinfo=UTC)
    last_session = (
        select(func.max(Session.starts_at))
        .where(Session.client_id == Client.id)
        .correlate(Client)
        .scalar_subquery()
    )
    last_contact = func.coalesce(last_session, Client.created_at).label("last_contact")
    stmt = (
        select(Client.id, Client.first_name, Client.last_name, Client.preferred_name, last_contact)
        .where(last_contact < cutoff)
        .order_by(last_contact, Client.id)
    )
    with db.transaction() as s:
        rows = s.execute(stmt).all()
    found = []
    for row in rows:
        contact = _as_date(row.last_contact)
        first = row.preferred_name or row.first_name
        found.append(
            RetentionDue(
                client_id=row.id,
                name=f"{first} {row.last_name}".strip(),
                last_contact=contact,
                keep_until=add_months(contact, 12 * years),
            )
        )
    return found


def _as_date(value: object) -> date:
    if isinstance(value, datetime):
        return value.date()
    if isinstance(value, date):
        return value
    return datetime.fromisoformat(str(value)).date()
