"""Notes integrity from the safekeeping side: history kept, locked notes only take
addenda, the audit trail records each step without the text, and it is all encrypted."""

from __future__ import annotations

from datetime import UTC, datetime
from pathlib import Path

import pytest
from sqlalchemy import text
from sqlalchemy.exc import IntegrityError

from practice.db import open_database
from practice.errors import ValidationError
from practice.models import AuditEntry
from practice.safekeeping.erase import erase_client
from practice.services import clients, notes, sessions
from tests.safekeeping.helpers import PASSWORD, files_containing

WORDS = "Kilimanjaro dreams"


def test_note_history_lock_addenda_and_audit(enc_path: Path) -> None:
    db = open_database(enc_path, PASSWORD)
    client = clients.create_client(db, first_name="Noor", last_name="Haddad")
    meeting = sessions.log_session(
        db,
        client_id=client.id,
        starts_at=datetime(2026, 4, 1, 9, tzinfo=UTC),
        duration_minutes=50,
        kind="session",
        mode="video",
        attendance="attended",
        notes=f"first {WORDS}",
        private_notes=f"hunch {WORDS}",
    )
    notes.save_note(db, meeting.id, body=f"second {WORDS}", private_notes=f"hunch {WORDS}")
    notes.save_note(db, meeting.id, body=f"third {WORDS}", private_notes="")
    history = notes.note_history(db, meeting.id)
    assert [v.body for v in history] == [f"first {WORDS}", f"second {WORDS}"]
    notes.lock_note(db, meeting.id)
    with pytest.raises(ValidationError, match="addendum"):
        notes.save_note(db, meeting.id, body="rewritten after signing")
    notes.add_addendum(db, meeting.id, f"later {WORDS}")
    with db.transaction() as s:
        entries = (
            s.query(AuditEntry).filter(AuditEntry.entity == "note").order_by(AuditEntry.id).all()
        )
        assert [e.action for e in entries] == ["create", "edit", "edit", "lock", "addendum"]
        assert all(WORDS not in e.detail for e in s.query(AuditEntry))
        for statement in (
            "UPDATE audit_log SET actor = 'someone else'",
            "DELETE FROM audit_log WHERE action = 'lock'",
        ):
            with pytest.raises(IntegrityError), s.begin_nested():
                s.execute(text(statement))
        assert s.query(AuditEntry).filter_by(action="lock").count() == 1
    assert files_containing(enc_path.parent, "Kilimanjaro") == []
    erase_client(db, client.id, confirmation="Noor Haddad")
    with db.transaction() as s:
        assert s.execute(text("SELECT count(*) FROM note_versions")).scalar() == 0
        assert s.execute(text("SELECT count(*) FROM note_addenda")).scalar() == 0
        assert s.query(AuditEntry).filter_by(action="lock").count() == 1  # the trail stays
    db.close()
