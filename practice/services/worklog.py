"""Unseen work: the work log, suggestions after a session, and the running timer.

Prep, write-up, supervision, support, admin, resource making, training and travel are
logged here by hand, from the defaults after a session ("add 15 min prep + 20 min
write-up?"), or with the timer, which is a database row so it survives a restart.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import date, datetime, timedelta
from typing import Any, TypeVar

from sqlalchemy import Select, func, select
from sqlalchemy.orm import Session as DbSession

from practice.db import Database
from practice.errors import NotFoundError, ValidationError
from practice.models import (
    Attendance,
    Client,
    Enrolment,
    PracticeProfile,
    Session,
    SessionKind,
    WorkCategory,
    WorkLogEntry,
    WorkTimer,
)
from practice.models.practitioner import the_practitioner
from practice.services import audit, records, validation
from practice.services.action_items import local_date
from practice.services.conflicts import check_version
from practice.timeutil import to_local, today, utcnow

#: One entry is at most a long working day; longer work is split over several entries.
MAX_MINUTES = 720
MAX_NOTE = 2000
#: A timer left running longer than this was probably forgotten: ask how long it really was.
CONFIRM_AFTER = timedelta(hours=12)
_Query = TypeVar("_Query", bound=Select[Any])
_CHANGEABLE = (
    "work_date",
    "minutes",
    "category",
    "client_id",
    "enrolment_id",
    "session_id",
    "note",
)


@dataclass(frozen=True)
class WorkSuggestion:
    """Unseen work a session probably took; the practitioner accepts, edits or skips it."""

    session_id: int
    category: WorkCategory
    minutes: int
    work_date: date
    client_id: int
    enrolment_id: int | None


class TimerNeedsMinutesError(ValidationError):
    """The timer ran too long (or the clock went back): the caller must confirm ``minutes``."""

    def __init__(self, elapsed_minutes: int) -> None:
        if elapsed_minutes < 0:
            message = "the clock changed while the timer ran; say how many minutes to log."
        else:
            hours = elapsed_minutes // 60
            message = f"the timer ran for {hours} hours; say how many minutes to log."
        super().__init__("minutes", message)
        self.elapsed_minutes = elapsed_minutes


def log_work(
    db: Database,
    *,
    work_date: date,
    minutes: int,
    category: WorkCategory | str,
    client_id: int | None = None,
    enrolment_id: int | None = None,
    session_id: int | None = None,
    note: str = "",
) -> WorkLogEntry:
    """Log unseen work. A session or enrolment fills in its client when none is given."""
    values = _validated(work_date, minutes, category, note)
    with db.transaction() as s:
        client_id, enrolment_id, session_id = _links(s, client_id, enrolment_id, session_id)
        entry = WorkLogEntry(
            **values, client_id=client_id, enrolment_id=enrolment_id, session_id=session_id
        )
        s.add(entry)
        s.flush()
        return entry


def update_work(
    db: Database, entry_id: int, *, expected_version: int | None = None, **changes: Any
) -> WorkLogEntry:
    """Change any of ``work_date``, ``minutes``, ``category``, ``client_id``,
    ``enrolment_id``, ``session_id`` and ``note`` (``expected_version``: see
    :mod:`practice.services.conflicts`)."""
    records.check_changeable(changes, _CHANGEABLE, "a work log entry")
    with db.transaction() as s:
        entry = _get(s, entry_id)
        check_version(s, entry, expected_version, entity="work", what="this work entry")
        audit.record(s, "edit", "work", entry.id, ", ".join(sorted(changes)))
        merged = {key: getattr(entry, key) for key in _CHANGEABLE} | changes
        values = _validated(
            merged["work_date"], merged["minutes"], merged["category"], merged["note"]
        )
        links = _links(s, merged["client_id"], merged["enrolment_id"], merged["session_id"])
        for key, value in values.items():
            setattr(entry, key, value)
        entry.client_id, entry.enrolment_id, entry.session_id = links
        s.flush()
        return entry


def delete_work(db: Database, entry_id: int) -> None:
    with db.transaction() as s:
        s.delete(_get(s, entry_id))


def list_work(
    db: Database,
    *,
    start: date | None = None,
    end: date | None = None,
    categories: Iterable[WorkCategory | str] | WorkCategory | str | None = None,
    client_id: int | None = None,
    newest_first: bool = False,
) -> list[WorkLogEntry]:
    """Entries dated ``start`` to ``end`` (both included), oldest (or newest) first."""
    stmt = _filtered(select(WorkLogEntry), start, end, categories, client_id)
    if newest_first:
        stmt = stmt.order_by(WorkLogEntry.work_date.desc(), WorkLogEntry.id.desc())
    else:
        stmt = stmt.order_by(WorkLogEntry.work_date, WorkLogEntry.id)
    with db.reading() as s:
        return list(s.scalars(stmt))


def total_work_minutes(
    db: Database,
    *,
    start: date | None = None,
    end: date | None = None,
    categories: Iterable[WorkCategory | str] | WorkCategory | str | None = None,
    client_id: int | None = None,
) -> int:
    """The minutes of the entries :func:`list_work` lists with the same filters."""
    total = func.coalesce(func.sum(WorkLogEntry.minutes), 0)
    stmt = _filtered(select(total), start, end, categories, client_id)
    with db.transaction() as s:
        return int(s.scalar(stmt) or 0)


def _filtered(
    stmt: _Query,
    start: date | None,
    end: date | None,
    categories: Iterable[WorkCategory | str] | WorkCategory | str | None,
    client_id: int | None,
) -> _Query:
    if start is not None:
        stmt = stmt.where(WorkLogEntry.work_date >= validation.required_date(start, "start"))
    if end is not None:
        stmt = stmt.where(WorkLogEntry.work_date <= validation.required_date(end, "end"))
    if categories is not None:
        wanted = validation.choices(categories, WorkCategory, "category")
        stmt = stmt.where(WorkLogEntry.category.in_(wanted))
    if client_id is not None:
        stmt = stmt.where(WorkLogEntry.client_id == client_id)
    return stmt


def suggest_work_after_session(db: Database, session_id: int) -> list[WorkSuggestion]:
    """Default prep and write-up for a session, minus what is already logged for it.

    Minutes come from the enrolment's agreed terms when the session belongs to one, else
    from the practice profile. An attended session suggests prep and write-up; a no-show
    or late cancellation suggests prep only; planned or early-cancelled sessions and
    support calls suggest nothing.
    """
    with db.transaction() as s:
        session = _session(s, session_id)
        if session.kind is SessionKind.SUPPORT_CALL:
            return []
        if session.attendance is Attendance.ATTENDED:
            wanted = [WorkCategory.PREP, WorkCategory.WRITE_UP]
        elif session.attendance in (Attendance.NO_SHOW, Attendance.CANCELLED_LATE):
            wanted = [WorkCategory.PREP]
        else:
            return []
        defaults = _default_minutes(s, session)
        logged = set(
            s.scalars(select(WorkLogEntry.category).where(WorkLogEntry.session_id == session_id))
        )
        day = local_date(session.starts_at, s)
        return [
            WorkSuggestion(
                session_id=session.id,
                category=category,
                minutes=defaults[category],
                work_date=day,
                client_id=session.client_id,
                enrolment_id=session.enrolment_id,
            )
            for category in wanted
            if category not in logged and defaults[category] > 0
        ]


def accept_work_suggestions(
    db: Database, session_id: int, suggestions: Sequence[WorkSuggestion]
) -> list[WorkLogEntry]:
    """Log the accepted (possibly edited) suggestions for a session, all or none."""
    with db.transaction() as s:
        session = _session(s, session_id)
        logged = set(
            s.scalars(select(WorkLogEntry.category).where(WorkLogEntry.session_id == session_id))
        )
        entries = []
        for suggestion in suggestions:
            if suggestion.session_id != session_id:
                raise ValidationError("session", "the suggestion is for another session.")
            values = _validated(suggestion.work_date, suggestion.minutes, suggestion.category, "")
            if values["category"] in logged:
                raise ValidationError(
                    "category",
                    f"{values['category'].value.replace('_', '-')} is already logged "
                    "for this session.",
                )
            logged.add(values["category"])
            entry = WorkLogEntry(
                **values,
                client_id=session.client_id,
                enrolment_id=session.enrolment_id,
                session_id=session.id,
            )
            s.add(entry)
            entries.append(entry)
        s.flush()
        return entries


# The timer ----------------------------------------------------------------------------


def start_timer(
    db: Database,
    *,
    category: WorkCategory | str,
    client_id: int | None = None,
    enrolment_id: int | None = None,
    note: str = "",
    now: datetime | None = None,
) -> WorkTimer:
    """Start timing unseen work; refused while another timer runs."""
    started = _now(now)
    category_value = validation.choice(category, WorkCategory, "category")
    note_text = validation.text(note, "note", max_length=1000)
    with db.transaction() as s:
        mine = _my_timer_id(s)
        running = s.get(WorkTimer, mine)
        if running is not None:
            since = to_local(running.started_at).strftime("%H:%M")
            raise ValidationError("timer", f"is already running (since {since}); stop it first.")
        client_id, enrolment_id, _ = _links(s, client_id, enrolment_id, None)
        timer = WorkTimer(
            id=mine,
            started_at=started,
            category=category_value,
            client_id=client_id,
            enrolment_id=enrolment_id,
            note=note_text,
        )
        s.add(timer)
        s.flush()
        return timer


def running_timer(db: Database) -> WorkTimer | None:
    with db.transaction() as s:
        return s.get(WorkTimer, _my_timer_id(s))


def _my_timer_id(s: DbSession) -> int:
    """The timer's id is its practitioner's: the one connected on a server, a file's
    one practitioner (see practice.models.practitioner.the_practitioner)."""
    mine = s.scalar(select(the_practitioner()))
    if mine is None:
        raise ValidationError("timer", "has no practitioner to time for.")
    return int(mine)


def stop_timer(
    db: Database, *, now: datetime | None = None, minutes: int | None = None
) -> WorkLogEntry | None:
    """Stop the timer and log its time on the day it started; ``None`` if none runs.

    Elapsed time is rounded to the nearest whole minute, at least 1. After more than 12
    hours (or if the clock went back) :class:`TimerNeedsMinutesError` asks the caller to
    confirm the real time, passed back as ``minutes``.
    """
    stopped = _now(now)
    with db.transaction() as s:
        timer = s.get(WorkTimer, _my_timer_id(s))
        if timer is None:
            return None
        elapsed = stopped - timer.started_at
        if minutes is None:
            if elapsed < timedelta(0) or elapsed > CONFIRM_AFTER:
                raise TimerNeedsMinutesError(int(elapsed.total_seconds() // 60))
            minutes = max(1, int((elapsed.total_seconds() + 30) // 60))
        values = _validated(local_date(timer.started_at, s), minutes, timer.category, timer.note)
        entry = WorkLogEntry(**values, client_id=timer.client_id, enrolment_id=timer.enrolment_id)
        s.add(entry)
        s.delete(timer)
        s.flush()
        return entry


def discard_timer(db: Database) -> bool:
    """Throw the running timer away without logging; ``False`` if none was running."""
    with db.transaction() as s:
        timer = s.get(WorkTimer, _my_timer_id(s))
        if timer is None:
            return False
        s.delete(timer)
        return True


# Helpers ------------------------------------------------------------------------------


def _validated(
    work_date: object, minutes: object, category: object, note: object
) -> dict[str, Any]:
    if isinstance(work_date, datetime) or not isinstance(work_date, date):
        raise ValidationError("work_date", "must be a date.")
    if not isinstance(note, str):
        raise ValidationError("note", "must be text.")
    if isinstance(minutes, bool) or not isinstance(minutes, int):
        raise ValidationError("minutes", "must be a whole number of minutes.")
    if not isinstance(category, str):
        raise ValidationError("category", "must be one of the work categories.")
    return {
        "work_date": validation.required_date(work_date, "work_date", not_after=today()),
        "minutes": validation.minutes(minutes, "minutes", maximum=MAX_MINUTES),
        "category": validation.choice(category, WorkCategory, "category"),
        "note": validation.text(note, "note", max_length=MAX_NOTE),
    }


def _links(
    s: DbSession, client_id: int | None, enrolment_id: int | None, session_id: int | None
) -> tuple[int | None, int | None, int | None]:
    """Check the client, enrolment and session exist and agree; fill the client in."""
    if session_id is not None:
        session = _session(s, session_id)
        if client_id is not None and client_id != session.client_id:
            raise ValidationError("session", "belongs to another client.")
        client_id = session.client_id
        if enrolment_id is None:
            enrolment_id = session.enrolment_id
    if enrolment_id is not None:
        enrolment = s.get(Enrolment, enrolment_id)
        if enrolment is None:
            raise NotFoundError("enrolment", enrolment_id)
        if client_id is not None and client_id != enrolment.client_id:
            raise ValidationError("enrolment", "belongs to another client.")
        client_id = enrolment.client_id
    if client_id is not None and s.get(Client, client_id) is None:
        raise NotFoundError("client", client_id)
    return client_id, enrolment_id, session_id


def _default_minutes(s: DbSession, session: Session) -> dict[WorkCategory, int]:
    profile = s.get(PracticeProfile, 1)
    prep = profile.default_prep_minutes if profile else 0
    writeup = profile.default_writeup_minutes if profile else 0
    if session.enrolment is not None:
        terms = session.enrolment.terms_snapshot or {}
        prep = _snapshot_minutes(terms, "prep_minutes_per_session", prep)
        writeup = _snapshot_minutes(terms, "writeup_minutes_per_session", writeup)
    return {WorkCategory.PREP: prep, WorkCategory.WRITE_UP: writeup}


def _snapshot_minutes(terms: dict[str, Any], key: str, fallback: int) -> int:
    value = terms.get(key)
    if isinstance(value, int) and not isinstance(value, bool) and 0 <= value <= MAX_MINUTES:
        return value
    return fallback


def _now(now: datetime | None) -> datetime:
    if now is None:
        return utcnow()
    if not isinstance(now, datetime) or now.tzinfo is None or now.utcoffset() is None:
        raise ValidationError("now", "needs a timezone.")
    return now


def _session(s: DbSession, session_id: int) -> Session:
    session = s.get(Session, session_id)
    if session is None:
        raise NotFoundError("session", session_id)
    return session


def _get(s: DbSession, entry_id: int) -> WorkLogEntry:
    return records.get_or_raise(s, WorkLogEntry, entry_id, "work log entry")
