"""Sessions: planning a meeting or support call, logging how it went, listing them.

:func:`log_session` is the session form's save: in one transaction it stores the
session, its note, the action items agreed and the review of earlier open items. A
support call (kind ``support_call``) is between-session support for the economics module.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from datetime import UTC, datetime
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session as DbSession
from sqlalchemy.orm import joinedload, selectinload
from sqlalchemy.orm.attributes import set_committed_value

from practice.db import Database
from practice.errors import NotFoundError, ValidationError
from practice.models import (
    ActionItem,
    Attendance,
    Client,
    Enrolment,
    Session,
    SessionKind,
    SessionMode,
    SessionNote,
    label,
)
from practice.services import audit, records, validation
from practice.services.action_items import (
    ActionReview,
    NewActionItem,
    add_item_in,
    local_date,
    review_in,
)
from practice.services.conflicts import check_version
from practice.services.notes import write_note_in
from practice.services.whose import refuse_if_not_theirs
from practice.timeutil import utcnow

__all__ = [
    "ActionReview",
    "NewActionItem",
    "delete_session",
    "get_session",
    "list_sessions",
    "log_planned_session",
    "log_session",
    "plan_session",
    "record_attendance",
    "update_session",
]

MIN_DURATION = 5
MAX_DURATION = 600
#: Attendance that says the session has happened, so it cannot be in the future.
HAPPENED = frozenset({Attendance.ATTENDED, Attendance.NO_SHOW})
_CHANGEABLE = ("starts_at", "duration_minutes", "kind", "mode", "attendance", "enrolment_id")


class SameTimeError(ValidationError):
    """The client already has a session starting at that very moment: most often the same
    session saved twice. Logged anyway only when asked (``allow_same_time``)."""

    def __init__(self, existing: Session) -> None:
        super().__init__(
            "starts_at",
            f"this client already has a session starting at that time (no. {existing.id}, "
            f"{label(existing.attendance).lower()}); a second one is logged only on purpose.",
        )
        self.existing_id = existing.id


def plan_session(
    db: Database,
    *,
    client_id: int,
    starts_at: datetime,
    duration_minutes: int,
    kind: SessionKind | str,
    mode: SessionMode | str,
    enrolment_id: int | None = None,
    allow_same_time: bool = False,
) -> Session:
    """Put a session in the diary (attendance planned); see :func:`log_session`."""
    return log_session(
        db,
        client_id=client_id,
        starts_at=starts_at,
        duration_minutes=duration_minutes,
        kind=kind,
        mode=mode,
        attendance=Attendance.PLANNED,
        enrolment_id=enrolment_id,
        allow_same_time=allow_same_time,
    )


def log_session(
    db: Database,
    *,
    client_id: int,
    starts_at: datetime,
    duration_minutes: int,
    kind: SessionKind | str,
    mode: SessionMode | str,
    attendance: Attendance | str,
    enrolment_id: int | None = None,
    notes: str = "",
    private_notes: str = "",
    new_action_items: Sequence[NewActionItem] = (),
    reviews: Sequence[ActionReview] = (),
    note_saved_at: datetime | None = None,
    allow_same_time: bool = False,
) -> Session:
    """Save a new session with its note, new action items and reviews, all or nothing.

    ``note_saved_at`` is when the note was written (aware, not in the future, not before
    the session started); ``None`` means now. The sample practice writes old notes in the
    past. A session of the same client starting at the same moment is refused
    (:class:`SameTimeError`) unless ``allow_same_time``: a second press must not make a
    second session."""
    fields = _session_fields(starts_at, duration_minutes, kind, mode, attendance, reviews)
    with db.transaction() as s:
        _client(s, client_id)
        _check_enrolment(s, enrolment_id, client_id)
        if not allow_same_time:
            same = s.scalars(
                select(Session).where(
                    Session.client_id == client_id, Session.starts_at == fields["starts_at"]
                )
            ).first()
            if same is not None:
                raise SameTimeError(same)
        session = Session(client_id=client_id, enrolment_id=enrolment_id, **fields)
        s.add(session)
        s.flush()
        _record_outcome(s, session, notes, private_notes, new_action_items, reviews, note_saved_at)
        audit.record(s, "create", "session", session.id, f"client {client_id}")
        s.flush()
        return _loaded(s, session.id, clinical=db.reads_clinical)


def log_planned_session(
    db: Database,
    session_id: int,
    *,
    starts_at: datetime,
    duration_minutes: int,
    kind: SessionKind | str,
    mode: SessionMode | str,
    attendance: Attendance | str,
    enrolment_id: int | None = None,
    notes: str = "",
    private_notes: str = "",
    new_action_items: Sequence[NewActionItem] = (),
    reviews: Sequence[ActionReview] = (),
    note_saved_at: datetime | None = None,
    expected_version: int | None = None,
) -> Session:
    """Log how an existing (usually planned) session went, exactly like :func:`log_session`:
    its details, note, new action items and reviews are saved together or not at all.
    Empty ``notes`` and ``private_notes`` leave an existing note as it is; ``note_saved_at``
    is as for :func:`log_session` (and not before the note was last saved).
    ``expected_version`` is the session's ``version`` the form showed (see
    :mod:`practice.services.conflicts`)."""
    fields = _session_fields(starts_at, duration_minutes, kind, mode, attendance, reviews)
    with db.transaction() as s:
        session = _get(s, session_id)
        check_version(s, session, expected_version, entity="session", what="this session")
        _check_enrolment(s, enrolment_id, session.client_id)
        moved = fields["starts_at"] != session.starts_at
        for key, value in fields.items():
            setattr(session, key, value)
        session.enrolment_id = enrolment_id
        if moved:
            _moved(s, session, db.reads_clinical)
        _record_outcome(s, session, notes, private_notes, new_action_items, reviews, note_saved_at)
        audit.record(s, "edit", "session", session.id, "logged")
        s.flush()
        return _loaded(s, session.id, clinical=db.reads_clinical)


def update_session(
    db: Database, session_id: int, *, expected_version: int | None = None, **changes: Any
) -> Session:
    """Change any of ``starts_at``, ``duration_minutes``, ``kind``, ``mode``,
    ``attendance`` and ``enrolment_id`` (``None`` takes it out of its enrolment);
    ``expected_version`` as for :func:`log_planned_session`."""
    records.check_changeable(changes, _CHANGEABLE, "a session")
    with db.transaction() as s:
        session = _get(s, session_id)
        check_version(s, session, expected_version, entity="session", what="this session")
        if "starts_at" in changes:
            session.starts_at = validate_starts_at(changes["starts_at"])
        if "duration_minutes" in changes:
            session.duration_minutes = _duration(changes["duration_minutes"])
        if "kind" in changes:
            session.kind = validation.choice(changes["kind"], SessionKind, "kind")
        if "mode" in changes:
            session.mode = validation.choice(changes["mode"], SessionMode, "mode")
        if "attendance" in changes:
            session.attendance = validation.choice(changes["attendance"], Attendance, "attendance")
        if "enrolment_id" in changes:
            _check_enrolment(s, changes["enrolment_id"], session.client_id)
            session.enrolment_id = changes["enrolment_id"]
        _check_happened(session.starts_at, session.attendance)
        if "starts_at" in changes:
            _moved(s, session, db.reads_clinical)
        audit.record(s, "edit", "session", session.id, ", ".join(sorted(changes)))
        s.flush()
        return _loaded(s, session.id, clinical=db.reads_clinical)


def record_attendance(
    db: Database,
    session_id: int,
    attendance: Attendance | str,
    *,
    expected_version: int | None = None,
) -> Session:
    """Mark a session attended, cancelled (early or late), a no-show, or planned again."""
    return update_session(db, session_id, attendance=attendance, expected_version=expected_version)


def delete_session(db: Database, session_id: int) -> None:
    """Delete a session with its note and action items; refused once its note is locked."""
    with db.transaction() as s:
        session = _get(s, session_id)
        if session.note is not None and session.note.locked_at is not None:
            raise ValidationError(
                "session", "has a locked note and cannot be deleted; add an addendum instead."
            )
        client_id = session.client_id
        s.delete(session)
        audit.record(s, "delete", "session", session_id, f"client {client_id}")


def get_session(db: Database, session_id: int) -> Session:
    """One session with its client, enrolment, note (history, addenda) and action items."""
    with db.reading() as s:
        _get(s, session_id)
        return _loaded(s, session_id, clinical=db.reads_clinical)


def list_sessions(
    db: Database,
    *,
    client_id: int | None = None,
    enrolment_id: int | None = None,
    start: datetime | None = None,
    end: datetime | None = None,
    kinds: Iterable[SessionKind | str] | SessionKind | str | None = None,
    attendance: Iterable[Attendance | str] | Attendance | str | None = None,
    newest_first: bool = False,
) -> list[Session]:
    """Sessions starting in ``[start, end)`` (aware instants), earliest first (or newest
    first), with their client, enrolment and note loaded (no note for a login that may
    not read notes, :attr:`~practice.db.Database.reads_clinical`)."""
    stmt = select(Session).options(joinedload(Session.client), joinedload(Session.enrolment))
    if db.reads_clinical:
        stmt = stmt.options(selectinload(Session.note))
    if client_id is not None:
        stmt = stmt.where(Session.client_id == client_id)
    if enrolment_id is not None:
        stmt = stmt.where(Session.enrolment_id == enrolment_id)
    if start is not None:
        stmt = stmt.where(Session.starts_at >= _aware(start, "start"))
    if end is not None:
        stmt = stmt.where(Session.starts_at < _aware(end, "end"))
    if kinds is not None:
        stmt = stmt.where(Session.kind.in_(validation.choices(kinds, SessionKind, "kind")))
    if attendance is not None:
        wanted = validation.choices(attendance, Attendance, "attendance")
        stmt = stmt.where(Session.attendance.in_(wanted))
    if newest_first:
        stmt = stmt.order_by(Session.starts_at.desc(), Session.id.desc())
    else:
        stmt = stmt.order_by(Session.starts_at, Session.id)
    with db.reading() as s:
        found = list(s.scalars(stmt).unique())
        if not db.reads_clinical:  # admin staff on a server never read notes: none loaded
            for session in found:
                set_committed_value(session, "note", None)
        return found


def planned_session_on(
    db: Database, client_id: int, day_start: datetime, day_end: datetime
) -> Session | None:
    """The client's planned session (not yet logged) starting in ``[day_start, day_end)``,
    the earliest when there are several: logging that day's session should fill it in
    rather than make a second one beside it."""
    planned = list_sessions(
        db,
        client_id=client_id,
        start=day_start,
        end=day_end,
        kinds=(SessionKind.SESSION, SessionKind.REVIEW),
        attendance=Attendance.PLANNED,
    )
    return planned[0] if planned else None


def _session_fields(
    starts_at: object,
    duration_minutes: object,
    kind: SessionKind | str,
    mode: SessionMode | str,
    attendance: Attendance | str,
    reviews: Sequence[ActionReview],
) -> dict[str, Any]:
    """Validate what the session form gives, before any database work."""
    fields: dict[str, Any] = {
        "starts_at": validate_starts_at(starts_at),
        "duration_minutes": _duration(duration_minutes),
        "kind": validation.choice(kind, SessionKind, "kind"),
        "mode": validation.choice(mode, SessionMode, "mode"),
        "attendance": validation.choice(attendance, Attendance, "attendance"),
    }
    _check_happened(fields["starts_at"], fields["attendance"])
    reviewed_ids = [r.action_item_id for r in reviews]
    if len(set(reviewed_ids)) != len(reviewed_ids):
        raise ValidationError("reviews", "name the same action item twice.")
    return fields


def _record_outcome(
    s: DbSession,
    session: Session,
    notes: str,
    private_notes: str,
    new_action_items: Sequence[NewActionItem],
    reviews: Sequence[ActionReview],
    note_saved_at: datetime | None,
) -> None:
    """The note, new items and reviews of a session, inside the caller's transaction."""
    s.flush()
    if (notes or "").strip() or (private_notes or "").strip():
        write_note_in(
            s,
            session,
            body=notes,
            private_notes=private_notes,
            saved_at=note_saved_at,
            saved_at_field="note_saved_at",
        )
    for new in new_action_items:
        add_item_in(s, session, new)
    for review in reviews:
        review_in(s, review, session)


def validate_starts_at(value: object) -> datetime:
    """An aware start time, returned in UTC; a naive one is refused."""
    if not isinstance(value, datetime):
        raise ValidationError("starts_at", "must be a date and a time.")
    moment = _aware(value, "starts_at")
    validation.required_date(local_date(moment), "starts_at")
    return moment


def _aware(value: datetime, field: str) -> datetime:
    if not isinstance(value, datetime):
        raise ValidationError(field, "must be a date and a time.")
    if value.tzinfo is None or value.utcoffset() is None:
        what = "the start time" if field == "starts_at" else "this time"
        raise ValidationError(field, f"{what} needs a timezone (the local time with its offset).")
    if not validation.FIRST_DAY.year <= value.year <= validation.LAST_DAY.year:
        # Far outside what the app keeps; converting it between zones would overflow.
        raise ValidationError(field, f"{value.date().isoformat()} is not a plausible date.")
    return value.astimezone(UTC)


def _duration(value: object) -> int:
    if isinstance(value, bool) or not isinstance(value, int):
        raise ValidationError("duration_minutes", "must be a whole number of minutes.")
    if not MIN_DURATION <= value <= MAX_DURATION:
        raise ValidationError(
            "duration_minutes",
            f"must be between {MIN_DURATION} and {MAX_DURATION} minutes (10 hours).",
        )
    return value


def _check_happened(starts_at: datetime, attendance: Attendance) -> None:
    if attendance in HAPPENED and starts_at > utcnow():
        raise ValidationError(
            "attendance", "cannot be recorded for a session that has not started yet."
        )


def _check_enrolment(s: DbSession, enrolment_id: object, client_id: int) -> None:
    if enrolment_id is None:
        return
    if isinstance(enrolment_id, bool) or not isinstance(enrolment_id, int):
        raise ValidationError("enrolment", "must be chosen from the client's enrolments.")
    enrolment = s.get(Enrolment, enrolment_id)
    if enrolment is None:
        raise NotFoundError("enrolment", enrolment_id)
    if enrolment.client_id != client_id:
        raise ValidationError("enrolment", "belongs to another client.")


def _moved(s: DbSession, session: Session, clinical: bool) -> None:
    """A session moved in time: its action items must stay in order. Admin staff (who
    do not read action items) move planned sessions only, which have reviewed none."""
    if clinical:
        _check_action_items_still_ordered(s, session)
    elif session.attendance is not Attendance.PLANNED:
        raise ValidationError(
            "starts_at",
            "of a session that has happened is its practitioner's to correct; admin "
            "staff move planned sessions.",
        )


def _check_action_items_still_ordered(s: DbSession, session: Session) -> None:
    """Moving a session must not put it before items it reviewed, or after their reviews."""
    s.flush()
    reviewed_here = s.scalars(
        select(ActionItem)
        .join(ActionItem.session)
        .where(ActionItem.reviewed_session_id == session.id, Session.starts_at >= session.starts_at)
    ).first()
    reviewed_later = s.scalars(
        select(ActionItem)
        .join(ActionItem.reviewed_session)
        .where(ActionItem.session_id == session.id, Session.starts_at <= session.starts_at)
    ).first()
    if reviewed_here is not None or reviewed_later is not None:
        raise ValidationError(
            "starts_at",
            "would put this session out of order with the action items reviewed at it.",
        )
    for item in s.scalars(select(ActionItem).where(ActionItem.reviewed_session_id == session.id)):
        item.reviewed_on = local_date(session.starts_at, s)


def _client(s: DbSession, client_id: int) -> Client:
    client = s.get(Client, client_id)
    if client is None:
        raise NotFoundError("client", client_id)
    refuse_if_not_theirs(s, client_id)  # a colleague's client, on a practice server
    return client


def _get(s: DbSession, session_id: int) -> Session:
    return records.get_or_raise(s, Session, session_id, "session")


def _loaded(s: DbSession, session_id: int, *, clinical: bool = True) -> Session:
    """The session with its client and enrolment, and (``clinical``) its note, the
    note's history and addenda and its action items; without them for admin staff on a
    server, who may not read those (:attr:`~practice.db.Database.reads_clinical`)."""
    stmt = select(Session).options(joinedload(Session.client), joinedload(Session.enrolment))
    if clinical:
        stmt = stmt.options(
            selectinload(Session.note).selectinload(SessionNote.addenda),
            selectinload(Session.note).selectinload(SessionNote.versions),
            selectinload(Session.action_items),
        )
    stmt = stmt.where(Session.id == session_id).execution_options(populate_existing=True)
    session = s.scalars(stmt).unique().one()
    if not clinical:
        set_committed_value(session, "note", None)
        set_committed_value(session, "action_items", [])
    return session
