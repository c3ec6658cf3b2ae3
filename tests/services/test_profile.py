from __future__ import annotations

from collections.abc import Iterator
from typing import Any

import pytest

from practice.db import Database, open_database
from practice.db.seed import default_clauses
from practice.errors import NotFoundError, ValidationError
from practice.models import PageSize
from practice.services.profile import (
    delete_clause,
    get_profile,
    list_clauses,
    reset_clauses_to_default,
    save_clause,
    update_profile,
)

PNG = b"\x89PNG\r\n\x1a\n" + b"\x00" * 64
JPEG = b"\xff\xd8\xff\xe0" + b"\x00" * 64


@pytest.fixture(scope="module")
def shared_db(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Database]:
    """One real database for the many refusal cases below: each checks it saved nothing."""
    database = open_database(tmp_path_factory.mktemp("shared") / "practice.db")
    yield database
    database.close()


def test_profile_defaults_and_update(db: Database) -> None:
    profile = get_profile(db)
    assert (profile.currency, profile.locale, profile.page_size) == ("GBP", "en_GB", PageSize.A4)
    updated = update_profile(
        db,
        practitioner_name=" Ελένη Παπαδοπούλου ",
        business_name="Calm Rooms",
        email="eleni@example.org",
        phone="+30 21 0000 0000",
        currency="eur",
        locale="el-GR",
        page_size="Letter",
        quiet_after_days=30,
        retention_years=10,
        auto_lock_minutes=0,
        default_session_minutes=50,
        logo_png=PNG,
    )
    assert updated.practitioner_name == "Ελένη Παπαδοπούλου"
    stored = get_profile(db)
    assert (stored.currency, stored.locale, stored.page_size) == ("EUR", "el_GR", PageSize.LETTER)
    assert (stored.quiet_after_days, stored.retention_years, stored.auto_lock_minutes) == (
        30,
        10,
        0,
    )
    assert stored.logo_png == PNG
    update_profile(db, logo_png=JPEG)
    assert get_profile(db).logo_png == JPEG
    update_profile(db, logo_png=None)
    assert get_profile(db).logo_png is None


@pytest.mark.parametrize(
    ("changes", "field"),
    [
        ({"currency": "ZZZ"}, "currency"),
        ({"locale": "xx_NOPE"}, "locale"),
        ({"locale": ""}, "locale"),
        ({"page_size": "A3"}, "page_size"),
        ({"quiet_after_days": 0}, "quiet_after_days"),
        ({"quiet_after_days": 366}, "quiet_after_days"),
        ({"retention_years": 0}, "retention_years"),
        ({"retention_years": 101}, "retention_years"),
        ({"auto_lock_minutes": -1}, "auto_lock_minutes"),
        ({"auto_lock_minutes": 241}, "auto_lock_minutes"),
        ({"default_session_minutes": 0}, "default_session_minutes"),
        ({"default_prep_minutes": 481}, "default_prep_minutes"),
        ({"default_support_call_minutes": 1}, "default_support_call_minutes"),
        ({"logo_png": b"GIF89a" + b"\x00" * 10}, "logo_png"),
        ({"logo_png": PNG + b"\x00" * (2 * 1024 * 1024)}, "logo_png"),
        ({"logo_png": "logo.png"}, "logo_png"),
        ({"email": "nope"}, "email"),
        ({"practitioner_name": "x" * 201}, "practitioner_name"),
        ({"favourite_colour": "blue"}, "favourite_colour"),
    ],
)
def test_profile_validation_changes_nothing(
    shared_db: Database, changes: dict[str, Any], field: str
) -> None:
    with pytest.raises(ValidationError) as caught:
        update_profile(shared_db, business_name="Should not be saved", **changes)
    assert caught.value.field == field
    assert get_profile(shared_db).business_name == ""


def test_logo_too_big_says_its_size(db: Database) -> None:
    with pytest.raises(ValidationError) as caught:
        update_profile(db, logo_png=PNG + b"\x00" * (3 * 1024 * 1024))
    assert "3.0 MB" in caught.value.message


def test_clauses_start_with_the_defaults(db: Database) -> None:
    clauses = list_clauses(db)
    assert [c.key for c in clauses] == [c["key"] for c in default_clauses()]
    assert [c.position for c in clauses] == list(range(len(clauses)))


def test_save_clause_edits_adds_and_moves(db: Database) -> None:
    count = len(list_clauses(db))
    edited = save_clause(db, key="payment", heading="Paying", body="Pay on time, please.")
    assert (edited.heading, edited.body) == ("Paying", "Pay on time, please.")
    keys_before = [c.key for c in list_clauses(db)]
    assert len(keys_before) == count
    added = save_clause(
        db, heading="Online sessions & recordings", body="We never record, {client_first_name}."
    )
    assert added.key == "online_sessions_recordings"
    assert [c.key for c in list_clauses(db)][-1] == added.key
    again = save_clause(db, heading="Online sessions & recordings", body="Second one.")
    assert again.key == "online_sessions_recordings_2"
    moved = save_clause(db, key=added.key, heading=added.heading, body=added.body, position=0)
    clauses = list_clauses(db)
    assert clauses[0].key == moved.key
    assert [c.position for c in clauses] == list(range(count + 2))
    save_clause(db, key="custom_key", heading="Non-negotiables", body="Be kind.", position=2)
    assert [c.key for c in list_clauses(db)][2] == "custom_key"
    # A position past the end puts it last.
    save_clause(db, key="custom_key", heading="Non-negotiables", body="Be kind.", position=999)
    assert [c.key for c in list_clauses(db)][-1] == "custom_key"


@pytest.mark.parametrize(
    ("kwargs", "field"),
    [
        ({"heading": " ", "body": "b"}, "heading"),
        ({"heading": "h" * 201, "body": "b"}, "heading"),
        ({"heading": "h", "body": ""}, "body"),
        ({"heading": "h", "body": "b" * 20_001}, "body"),
        ({"key": "Bad Key!", "heading": "h", "body": "b"}, "key"),
        ({"heading": "h", "body": "b", "position": -1}, "position"),
        ({"heading": "Payment", "body": "Dear {client_nmae}, pay on time."}, "body"),
        ({"heading": "Payment", "body": "A stray } brace"}, "body"),
    ],
)
def test_save_clause_validation(shared_db: Database, kwargs: dict[str, Any], field: str) -> None:
    before = [(c.key, c.heading, c.position) for c in list_clauses(shared_db)]
    with pytest.raises(ValidationError) as caught:
        save_clause(shared_db, **kwargs)
    assert caught.value.field == field
    assert [(c.key, c.heading, c.position) for c in list_clauses(shared_db)] == before


def test_delete_and_reset_clauses(db: Database) -> None:
    keys = [c.key for c in list_clauses(db)]
    delete_clause(db, keys[1])
    clauses = list_clauses(db)
    assert [c.key for c in clauses] == keys[:1] + keys[2:]
    assert [c.position for c in clauses] == list(range(len(keys) - 1))
    with pytest.raises(NotFoundError):
        delete_clause(db, keys[1])
    save_clause(db, key="cancellation", heading="Changed", body="Changed")
    save_clause(db, heading="Extra", body="Extra")
    restored = reset_clauses_to_default(db)
    assert [(c.key, c.heading, c.body) for c in restored] == [
        (c["key"], c["heading"], c["body"]) for c in default_clauses()
    ]
    assert [c.key for c in list_clauses(db)] == keys
