"""Action items: adding, reviewing, editing and listing."""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta
from typing import Any

import pytest

from practice.db import Database
from practice.errors import NotFoundError, ValidationError
from practice.models import ActionStatus, Client, Session
from practice.services.action_items import (
    add_action_item,
    list_action_items,
    open_action_items,
    review_action_item,
    update_action_item,
)
from practice.timeutil import today

START = datetime(2026, 2, 3, 10, tzinfo=UTC)


def add_client(db: Database, name: str = "Zoë") -> int:
    with db.transaction() as s:
        client = Client(first_name=name)
        s.add(client)
        s.flush()
        return client.id


def add_session(db: Database, client_id: int, starts_at: datetime = START) -> int:
    with db.transaction() as s:
        session = Session(client_id=client_id, starts_at=starts_at, duration_minutes=60)
        s.add(session)
        s.flush()
        return session.id


def test_add_validates_description_and_due_date(db: Database) -> None:
    sid = add_session(db, add_client(db))
    item = add_action_item(
        db, session_id=sid, description="  Walk 20 min — 每天 ", due_date=date(2026, 2, 10)
    )
    assert (item.description, item.due_date, item.status) == (
        "Walk 20 min — 每天",
        date(2026, 2, 10),
        ActionStatus.OPEN,
    )
    cases: list[tuple[dict[str, Any], str]] = [
        ({"description": ""}, "description"),
        ({"description": "x" * 1001}, "description"),
        ({"description": "ok", "due_date": date(2026, 2, 2)}, "due_date"),
        ({"description": "ok", "due_date": date(3000, 1, 1)}, "due_date"),
        ({"description": "ok", "due_date": datetime(2026, 3, 1, tzinfo=UTC)}, "due_date"),
    ]
    for kwargs, field in cases:
        with pytest.raises(ValidationError) as info:
            add_action_item(db, session_id=sid, **kwargs)
        assert info.value.field == field
    with pytest.raises(NotFoundError):
        add_action_item(db, session_id=999, description="x")
    assert len(list_action_items(db)) == 1


def test_review_at_later_session_or_between_sessions(db: Database) -> None:
    client = add_client(db)
    first = add_session(db, client)
    later = add_session(db, client, START + timedelta(days=7))
    other_client_session = add_session(db, add_client(db, "Ana"), START + timedelta(days=7))
    item = add_action_item(db, session_id=first, description="Journal")
    with pytest.raises(ValidationError):
        review_action_item(db, item.id, status="done", reviewed_session_id=first)
    with pytest.raises(ValidationError):
        review_action_item(db, item.id, status="done", reviewed_session_id=other_client_session)
    with pytest.raises(ValidationError) as info:
        review_action_item(db, item.id, status="finished")
    assert info.value.field == "status"
    with pytest.raises(NotFoundError):
        review_action_item(db, item.id, status="done", reviewed_session_id=999)
    reviewed = review_action_item(
        db, item.id, status="partly", reviewed_session_id=later, note="3 of 7 days"
    )
    assert reviewed.status is ActionStatus.PARTLY
    assert reviewed.reviewed_session_id == later
    assert reviewed.reviewed_on == (START + timedelta(days=7)).astimezone().date()
    assert reviewed.review_note == "3 of 7 days"
    assert reviewed.session.id == first
    between = review_action_item(db, item.id, status=ActionStatus.DONE)
    assert (between.status, between.reviewed_session_id, between.reviewed_on) == (
        ActionStatus.DONE,
        None,
        today(),
    )


def test_update_action_item(db: Database) -> None:
    sid = add_session(db, add_client(db))
    item = add_action_item(db, session_id=sid, description="Walk", due_date=date(2026, 2, 5))
    changed = update_action_item(db, item.id, description="Walk twice", due_date=None)
    assert (changed.description, changed.due_date) == ("Walk twice", None)
    with pytest.raises(ValidationError) as info:
        update_action_item(db, item.id, status="done")
    assert info.value.field == "status"
    with pytest.raises(ValidationError):
        update_action_item(db, item.id, description=" ")
    with pytest.raises(NotFoundError):
        update_action_item(db, 999, description="x")
    assert list_action_items(db)[0].description == "Walk twice"


def test_lists_filter_and_sort(db: Database) -> None:
    zoe = add_client(db)
    ana = add_client(db, "Ana")
    s1 = add_session(db, zoe)
    s2 = add_session(db, zoe, START + timedelta(days=7))
    s3 = add_session(db, ana)
    late = add_action_item(db, session_id=s2, description="Late", due_date=date(2026, 3, 1))
    undated = add_action_item(db, session_id=s1, description="Undated")
    soon = add_action_item(db, session_id=s1, description="Soon", due_date=date(2026, 2, 5))
    anas = add_action_item(db, session_id=s3, description="Ana's", due_date=date(2026, 2, 4))
    review_action_item(db, soon.id, status="done", reviewed_session_id=s2)
    ids = lambda rows: [r.id for r in rows]  # noqa: E731
    assert ids(list_action_items(db)) == [anas.id, soon.id, late.id, undated.id]
    assert ids(list_action_items(db, client_id=zoe)) == [soon.id, late.id, undated.id]
    assert ids(list_action_items(db, statuses="open")) == [anas.id, late.id, undated.id]
    assert ids(list_action_items(db, statuses=[ActionStatus.DONE, ActionStatus.DROPPED])) == [
        soon.id
    ]
    assert ids(list_action_items(db, due_before=date(2026, 2, 6))) == [anas.id, soon.id]
    assert ids(open_action_items(db, zoe)) == [undated.id, late.id]
    assert ids(open_action_items(db, zoe, before=START + timedelta(days=1))) == [undated.id]
    assert open_action_items(db, zoe)[1].session.starts_at == START + timedelta(days=7)
    with pytest.raises(ValidationError):
        open_action_items(db, zoe, before=datetime(2026, 2, 4))
    with pytest.raises(ValidationError):
        list_action_items(db, statuses=["closed"])
