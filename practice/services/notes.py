"""Session notes: every edit keeps the previous text; a locked (signed) note takes addenda.

The audit trail records that a note was created, edited, locked or added to, never what
it says.
"""

from __future__ import annotations

from datetime import UTC, datetime

from sqlalchemy import select
from sqlalchemy.orm import Session as DbSession
from sqlalchemy.orm import selectinload

from practice.db import Database
from practice.errors import NotFoundError, ValidationError
from practice.models import NoteAddendum, NoteVersion, Session, SessionNote
from practice.services import audit, validation
from practice.services.conflicts import check_version
from practice.timeutil import as_utc, to_local, utcnow

#: Generous: a long first-session note is a few thousand words.
MAX_NOTE = 100_000


def save_note(
    db: Database,
    session_id: int,
    *,
    body: str,
    private_notes: str = "",
    at: datetime | None = None,
    expected_version: int | None = None,
) -> SessionNote:
    """Save the note of a session, keeping the text it replaces (only if it changed).

    ``at`` is when it was written (aware, not in the future, not before the session
    started nor before the note was last saved); ``None`` means now.
    ``expected_version`` is the note's ``version`` the editor showed (0: no note yet):
    if someone saved the note since, nothing is saved
    (:class:`~practice.errors.EditConflictError`, naming who and when).
    """
    with db.transaction() as s:
        session = _session(s, session_id)
        check_version(s, session.note, expected_version, entity="note", what="this note")
        note = write_note_in(s, session, body=body, private_notes=private_notes, saved_at=at)
        s.flush()
        return _loaded(s, note.id)


def lock_note(db: Database, session_id: int, *, at: datetime | None = None) -> SessionNote:
    """Sign the note: from now on it can only be added to. Locking twice changes nothing.

    ``at`` is when it was signed (an aware instant, not in the future and not before the
    session started); ``None`` means now. The sample practice signs old notes in the past.
    """
    with db.transaction() as s:
        note = _lock_in(s, _session(s, session_id), at)
        s.flush()
        return _loaded(s, note.id)


def save_and_lock_note(
    db: Database,
    session_id: int,
    *,
    body: str,
    private_notes: str = "",
    at: datetime | None = None,
    expected_version: int | None = None,
) -> SessionNote:
    """Save the note as typed and sign it, in one transaction: both or neither.

    Checks, history and audit entries are those of :func:`save_note` followed by
    :func:`lock_note`; if signing is refused, the text is not saved either.
    """
    with db.transaction() as s:
        session = _session(s, session_id)
        check_version(s, session.note, expected_version, entity="note", what="this note")
        write_note_in(s, session, body=body, private_notes=private_notes)
        note = _lock_in(s, session, at)
        s.flush()
        return _loaded(s, note.id)


def add_addendum(
    db: Database, session_id: int, body: str, *, at: datetime | None = None
) -> NoteAddendum:
    """Add a dated addition to a locked note.

    ``at`` is when it was written (an aware instant, not in the future and not before the
    note was locked); ``None`` means now.
    """
    text = validation.text(body, "addendum", max_length=MAX_NOTE, required=True)
    with db.transaction() as s:
        session = _session(s, session_id)
        note = session.note
        if note is None or note.locked_at is None:
            raise ValidationError(
                "addendum", "is only for a locked note; edit the note itself instead."
            )
        written_at = _when(at, "at", session)
        if written_at < as_utc(note.locked_at):
            signed = to_local(note.locked_at).strftime("%d %b %Y %H:%M")
            raise ValidationError("at", f"is before the note was locked ({signed}).")
        addendum = NoteAddendum(note=note, body=text, created_at=written_at)
        s.add(addendum)
        s.flush()
        audit.record(s, "addendum", "note", note.id, f"session {session_id}")
        return addendum


def note_history(db: Database, session_id: int) -> list[NoteVersion]:
    """The texts a session's note had before each change, oldest first."""
    with db.transaction() as s:
        _session(s, session_id)
        stmt = (
            select(NoteVersion)
            .join(NoteVersion.note)
            .where(SessionNote.session_id == session_id)
            .order_by(NoteVersion.id)
        )
        return list(s.scalars(stmt))


def write_note_in(
    s: DbSession,
    session: Session,
    *,
    body: str,
    private_notes: str = "",
    saved_at: datetime | None = None,
    saved_at_field: str = "at",
) -> SessionNote:
    """Create or change ``session``'s note inside the caller's transaction.

    ``saved_at`` is when the text was written (an aware instant, not in the future, not
    before the session started, nor before the note was last saved); ``None`` means now.
    ``saved_at_field`` names it in a refusal.
    """
    new_body = _note_text(body, "body")
    new_private = _note_text(private_notes, "private_notes")
    note = session.note
    now = _when(saved_at, saved_at_field, session)
    if note is None:
        note = SessionNote(session=session, body=new_body, private_notes=new_private)
        note.updated_at = now
        s.add(note)
        s.flush()
        audit.record(s, "create", "note", note.id, f"session {session.id}")
        return note
    if note.body == new_body and note.private_notes == new_private:
        return note
    if note.locked_at is not None:
        signed = to_local(note.locked_at).strftime("%d %b %Y")
        raise ValidationError(
            "note", f"was locked on {signed} and cannot be changed; add an addendum instead."
        )
    if saved_at is not None and now < as_utc(note.updated_at):
        last = to_local(note.updated_at).strftime("%d %b %Y %H:%M")
        raise ValidationError(saved_at_field, f"is before the note was last saved ({last}).")
    if note.body or note.private_notes:
        s.add(
            NoteVersion(
                note=note,
                body=note.body,
                private_notes=note.private_notes,
                saved_at=note.updated_at,
                replaced_at=now,
            )
        )
    note.body = new_body
    note.private_notes = new_private
    note.updated_at = now
    s.flush()
    audit.record(s, "edit", "note", note.id, f"session {session.id}")
    return note


def _lock_in(s: DbSession, session: Session, at: datetime | None) -> SessionNote:
    """Sign ``session``'s note inside the caller's transaction (see :func:`lock_note`)."""
    note = session.note
    if note is None or not (note.body or note.private_notes):
        raise ValidationError("note", "is empty: write the note before locking it.")
    signed_at = _when(at, "at", session)
    if note.locked_at is None:
        note.locked_at = signed_at
        audit.record(s, "lock", "note", note.id, f"session {session.id}")
    return note


def _when(at: datetime | None, field: str, session: Session) -> datetime:
    """``at`` checked (aware, not in the future, not before the session began) in UTC."""
    now = utcnow()
    if at is None:
        return now
    if not isinstance(at, datetime) or at.tzinfo is None or at.utcoffset() is None:
        raise ValidationError(field, "must be a date and time with its time zone.")
    moment = at.astimezone(UTC)
    if moment > now:
        raise ValidationError(field, "cannot be in the future.")
    if session.starts_at is not None and moment < as_utc(session.starts_at):
        started = to_local(session.starts_at).strftime("%d %b %Y %H:%M")
        raise ValidationError(field, f"cannot be before the session started ({started}).")
    return moment


def _note_text(value: str, field: str) -> str:
    """Trimmed, NFC-normalised note text with Windows line ends made plain."""
    if not isinstance(value, str):
        raise ValidationError(field, "must be text.")
    return validation.text(value.replace("\r\n", "\n"), field, max_length=MAX_NOTE)


def _session(s: DbSession, session_id: int) -> Session:
    session = s.get(Session, session_id)
    if session is None:
        raise NotFoundError("session", session_id)
    return session


def _loaded(s: DbSession, note_id: int) -> SessionNote:
    stmt = (
        select(SessionNote)
        .options(selectinload(SessionNote.addenda), selectinload(SessionNote.versions))
        .where(SessionNote.id == note_id)
    )
    return s.scalars(stmt).one()
