from __future__ import annotations

from practice.db import Database
from practice.services.drafts import discard_draft, get_draft, list_draft_keys, save_draft
from tests.conftest import reopen


def test_draft_survives_reopening(db: Database) -> None:
    save_draft(db, "note:new:client:1", "Talked about sleep — Zoë")
    reopened = reopen(db)
    try:
        assert get_draft(reopened, "note:new:client:1") == "Talked about sleep — Zoë"
        assert list_draft_keys(reopened, "note:") == ["note:new:client:1"]
    finally:
        reopened.close()


def test_empty_draft_and_discard_remove_it(db: Database) -> None:
    save_draft(db, "note:session:3", "first")
    save_draft(db, "note:session:3", "second")
    assert get_draft(db, "note:session:3") == "second"
    save_draft(db, "note:session:3", "   ")
    assert get_draft(db, "note:session:3") is None
    save_draft(db, "note:session:4", "x")
    discard_draft(db, "note:session:4")
    assert list_draft_keys(db) == []
