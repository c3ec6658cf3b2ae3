"""Session notes: history on every real change, locking, addenda, audit without content."""

from __future__ import annotations

from datetime import UTC, datetime

import pytest
from sqlalchemy import select

from practice.db import Database
from practice.errors import NotFoundError, ValidationError
from practice.models import AuditEntry, Client, Session
from practice.services.notes import add_addendum, lock_note, note_history, save_note
from practice.services.sessions import get_session


def add_session(db: Database) -> int:
    with db.transaction() as s:
        client = Client(first_name="Zoë")
        s.add(client)
        s.flush()
        session = Session(
            client_id=client.id,
            starts_at=datetime(2026, 2, 3, 10, tzinfo=UTC),
            duration_minutes=60,
        )
        s.add(session)
        s.flush()
        return session.id


def audit_actions(db: Database) -> list[tuple[str, str]]:
    with db.transaction() as s:
        rows = s.scalars(
            select(AuditEntry).where(AuditEntry.entity == "note").order_by(AuditEntry.id)
        )
        return [(e.action, e.detail) for e in rows]


def test_every_change_keeps_the_previous_text_and_noop_keeps_nothing(db: Database) -> None:
    sid = add_session(db)
    first = save_note(db, sid, body="First draft", private_notes="p1")
    assert (first.body, first.private_notes, first.versions) == ("First draft", "p1", [])
    save_note(db, sid, body="First draft", private_notes="p1")
    save_note(db, sid, body="  First draft\n", private_notes="p1")  # same text once trimmed
    assert note_history(db, sid) == []
    save_note(db, sid, body="Second — Zoë said «non»", private_notes="p1")
    save_note(db, sid, body="Second — Zoë said «non»", private_notes="p2")
    third = save_note(db, sid, body="Third\r\nline two", private_notes="p2")
    assert third.body == "Third\nline two"
    history = note_history(db, sid)
    assert [(v.body, v.private_notes) for v in history] == [
        ("First draft", "p1"),
        ("Second — Zoë said «non»", "p1"),
        ("Second — Zoë said «non»", "p2"),
    ]
    assert history[0].saved_at == first.updated_at
    assert all(v.replaced_at >= v.saved_at for v in history)
    assert [a for a, _ in audit_actions(db)] == ["create", "edit", "edit", "edit"]
    assert all(d == f"session {sid}" for _, d in audit_actions(db))


def test_note_validation(db: Database) -> None:
    sid = add_session(db)
    with pytest.raises(ValidationError) as info:
        save_note(db, sid, body="x" * 100_001)
    assert info.value.field == "body"
    with pytest.raises(ValidationError) as info:
        save_note(db, sid, body="ok", private_notes="nul\x00")
    assert info.value.field == "private_notes"
    with pytest.raises(NotFoundError):
        save_note(db, 999, body="hello")
    assert get_session(db, sid).note is None


def test_locked_note_refuses_edits_and_accepts_addenda(db: Database) -> None:
    sid = add_session(db)
    with pytest.raises(ValidationError) as info:
        lock_note(db, sid)
    assert info.value.field == "note"
    with pytest.raises(ValidationError) as info:
        add_addendum(db, sid, "too early")
    assert info.value.field == "addendum"
    save_note(db, sid, body="Signed text")
    with pytest.raises(ValidationError):
        add_addendum(db, sid, "not locked yet")
    locked = lock_note(db, sid)
    assert locked.locked_at is not None
    assert lock_note(db, sid).locked_at == locked.locked_at  # locking twice changes nothing
    with pytest.raises(ValidationError, match="locked on .* addendum"):
        save_note(db, sid, body="Changed after signing")
    assert save_note(db, sid, body="Signed text").locked_at == locked.locked_at  # no change
    with pytest.raises(ValidationError) as info:
        add_addendum(db, sid, "   ")
    assert info.value.field == "addendum"
    addendum = add_addendum(db, sid, "Client phoned: 电话 later")
    assert addendum.body == "Client phoned: 电话 later"
    note = get_session(db, sid).note
    assert note is not None
    assert note.body == "Signed text"
    assert [a.body for a in note.addenda] == ["Client phoned: 电话 later"]
    assert note_history(db, sid) == []
    assert [a for a, _ in audit_actions(db)] == ["create", "lock", "addendum"]


def test_audit_never_holds_note_content(db: Database) -> None:
    sid = add_session(db)
    save_note(db, sid, body="secret one")
    save_note(db, sid, body="secret two")
    lock_note(db, sid)
    add_addendum(db, sid, "secret three")
    assert not any("secret" in detail for _, detail in audit_actions(db))
