"""Session notes: history on every real change, locking, addenda, audit without content."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta, timezone

import pytest
from sqlalchemy import select

from practice.db import Database
from practice.errors import NotFoundError, ValidationError
from practice.models import AuditEntry, Client, Session
from practice.services.notes import (
    add_addendum,
    lock_note,
    note_history,
    save_and_lock_note,
    save_note,
)
from practice.services.sessions import get_session
from tests.clock import FromNow, resolve


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


def test_a_note_can_be_signed_and_added_to_at_a_past_time(db: Database) -> None:
    sid = add_session(db)  # the session began 3 Feb 2026 10:00 UTC
    save_note(db, sid, body="Written that evening")
    signed = datetime(2026, 2, 3, 19, 30, tzinfo=UTC)
    note = lock_note(db, sid, at=signed)
    assert note.locked_at == signed
    # the same instant given in another zone is kept as UTC
    later = datetime(2026, 2, 5, 9, 15, tzinfo=timezone(timedelta(hours=2)))
    addendum = add_addendum(db, sid, "Client wrote on Thursday", at=later)
    assert addendum.created_at == datetime(2026, 2, 5, 7, 15, tzinfo=UTC)
    assert addendum.created_at.utcoffset() == timedelta(0)
    stored = get_session(db, sid).note
    assert stored is not None
    assert stored.locked_at == signed
    assert [a.created_at for a in stored.addenda] == [addendum.created_at]
    # locking again, even with another time, changes nothing
    assert lock_note(db, sid, at=datetime(2026, 2, 4, tzinfo=UTC)).locked_at == signed


def test_without_a_time_the_note_is_signed_now(db: Database) -> None:
    sid = add_session(db)
    save_note(db, sid, body="Today's note")
    before = datetime.now(UTC)
    note = lock_note(db, sid)
    addendum = add_addendum(db, sid, "Later the same day")
    after = datetime.now(UTC)
    assert note.locked_at is not None
    assert before <= note.locked_at <= addendum.created_at <= after


@pytest.mark.parametrize(
    ("at", "message"),
    [
        (datetime(2026, 2, 3, 10, 0), "time zone"),  # naive
        (FromNow(minutes=5), "future"),
        (datetime(2026, 2, 3, 9, 59, tzinfo=UTC), "before the session started"),
    ],
)
def test_an_impossible_signing_time_is_refused_and_nothing_changes(
    db: Database, at: datetime, message: str
) -> None:
    sid = add_session(db)
    save_note(db, sid, body="Note")
    with pytest.raises(ValidationError, match=message) as info:
        lock_note(db, sid, at=resolve(at))
    assert info.value.field == "at"
    note = get_session(db, sid).note
    assert note is not None and note.locked_at is None
    assert [a for a, _ in audit_actions(db)] == ["create"]


def test_an_addendum_cannot_predate_the_signature_or_the_future(db: Database) -> None:
    sid = add_session(db)
    save_note(db, sid, body="Note")
    lock_note(db, sid, at=datetime(2026, 2, 4, 12, tzinfo=UTC))
    for at, message in [
        (datetime(2026, 2, 4, 11, 59, tzinfo=UTC), "before the note was locked"),
        (datetime(2026, 2, 3, 9, tzinfo=UTC), "before the session started"),
        (datetime.now(UTC) + timedelta(hours=1), "future"),
        (datetime(2026, 2, 5, 12), "time zone"),
    ]:
        with pytest.raises(ValidationError, match=message) as info:
            add_addendum(db, sid, "Too early or too late", at=at)
        assert info.value.field == "at"
    note = get_session(db, sid).note
    assert note is not None and note.addenda == []
    # exactly when it was signed is allowed
    assert add_addendum(db, sid, "At once", at=datetime(2026, 2, 4, 12, tzinfo=UTC)).id


def test_save_and_lock_saves_the_typed_text_and_signs_it(db: Database) -> None:
    sid = add_session(db)
    signed = datetime(2026, 2, 3, 11, 30, tzinfo=UTC)
    note = save_and_lock_note(db, sid, body=" First note ", private_notes="Hunch", at=signed)
    assert (note.body, note.private_notes, note.locked_at) == ("First note", "Hunch", signed)
    assert [a for a, _ in audit_actions(db)] == ["create", "lock"]

    other = add_session(db)
    save_note(db, other, body="Draft")
    note = save_and_lock_note(db, other, body="Final")
    assert note.body == "Final" and note.locked_at is not None
    assert [v.body for v in note.versions] == ["Draft"]  # the history, as save_note keeps it
    assert [a for a, _ in audit_actions(db)][2:] == ["create", "edit", "lock"]
    # signed already: the same text changes nothing, other text is refused
    assert save_and_lock_note(db, other, body="Final").locked_at == note.locked_at
    with pytest.raises(ValidationError, match="locked on"):
        save_and_lock_note(db, other, body="Changed after signing")


@pytest.mark.parametrize(
    ("body", "at", "message"),
    [
        ("", None, "is empty"),  # the save empties the note, so it cannot be signed
        ("New text", datetime(2026, 2, 3, 9, 59, tzinfo=UTC), "before the session started"),
        ("New text", FromNow(minutes=5), "future"),
    ],
)
def test_save_and_lock_is_all_or_nothing(
    db: Database, body: str, at: datetime | None, message: str
) -> None:
    sid = add_session(db)
    save_note(db, sid, body="Old text")
    with pytest.raises(ValidationError, match=message):
        save_and_lock_note(db, sid, body=body, at=resolve(at))
    note = get_session(db, sid).note
    assert note is not None
    assert (note.body, note.locked_at, note.versions) == ("Old text", None, [])
    assert [a for a, _ in audit_actions(db)] == ["create"]


def test_save_and_lock_checks_the_text_like_save_note(db: Database) -> None:
    sid = add_session(db)
    with pytest.raises(ValidationError) as info:
        save_and_lock_note(db, sid, body="x" * 100_001)
    assert info.value.field == "body"
    assert get_session(db, sid).note is None
    with pytest.raises(NotFoundError):
        save_and_lock_note(db, 9999, body="Text")


def test_a_note_can_be_saved_at_a_past_time(db: Database) -> None:
    sid = add_session(db)
    written = datetime(2026, 2, 3, 11, 10, tzinfo=UTC)
    assert save_note(db, sid, body="First", at=written).updated_at == written
    with pytest.raises(ValidationError, match="before the note was last saved") as info:
        save_note(db, sid, body="Second", at=written - timedelta(minutes=1))
    assert info.value.field == "at"
    corrected = written + timedelta(hours=2)
    note = save_note(db, sid, body="Second", at=corrected)
    assert note.updated_at == corrected
    assert [(v.body, v.saved_at, v.replaced_at) for v in note.versions] == [
        ("First", written, corrected)
    ]
