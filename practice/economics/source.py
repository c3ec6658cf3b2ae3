"""Where figures are read from: an open SQLAlchemy session or the practice ``Database``.

Every figure function takes either. Inside a service or a ``with db.transaction() as s:``
block pass the session ``s``; from the UI or the CLI pass the ``Database`` and the
function reads in a transaction of its own.
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from datetime import date, datetime, time, timedelta, tzinfo
from zoneinfo import ZoneInfo

from sqlalchemy.orm import Session as DbSession

from practice.db import Database
from practice.models import PracticeProfile
from practice.zone import zone_names

Source = DbSession | Database


@contextmanager
def reading(source: Source) -> Iterator[DbSession]:
    """The session to read with: ``source`` itself, or a new transaction on the database."""
    if isinstance(source, Database):
        with source.reading() as session:
            yield session
    else:
        yield source


def practice_currency(session: DbSession) -> str:
    """The practice profile's currency (GBP until the practitioner sets one)."""
    profile = session.get(PracticeProfile, 1)
    return profile.currency if profile is not None else "GBP"


def practice_tz(session: DbSession, tz: tzinfo | None = None) -> tzinfo | None:
    """``tz`` when given, else the practice's zone from its profile (see :mod:`practice.zone`).

    ``None`` back means this computer's zone: the profile names none (a practice made
    before it could), or one this computer does not know.
    """
    if tz is not None:
        return tz
    profile = session.get(PracticeProfile, 1)
    name = profile.time_zone if profile is not None else ""
    return ZoneInfo(name) if name and name in zone_names() else None


def local_midnight(day: date, tz: tzinfo | None = None) -> datetime:
    """The instant a local day begins, as an aware datetime.

    ``tz`` is the practitioner's time zone; ``None`` means this computer's local zone
    (what the app shows). Daylight-saving changes are respected.
    """
    if tz is None:
        return datetime.combine(day, time()).astimezone()
    return datetime.combine(day, time(), tzinfo=tz)


def day_bounds(start: date, end: date, tz: tzinfo | None = None) -> tuple[datetime, datetime]:
    """The instants ``[first, after)`` covering local days ``start..end`` inclusive.

    A session belongs to the local date on which it starts: it is in the period when
    ``first <= starts_at < after``.
    """
    return local_midnight(start, tz), local_midnight(end + timedelta(days=1), tz)


def local_date(moment: datetime, tz: tzinfo | None = None) -> date:
    """The local date of an instant (``tz`` None: this computer's zone)."""
    return moment.astimezone(tz).date()


def display_name(first_name: str, preferred_name: str, last_name: str) -> str:
    """A client's name as the app shows it (as ``Client.display_name``), from its columns."""
    return f"{preferred_name or first_name} {last_name}".strip()
