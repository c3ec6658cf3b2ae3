"""Whatever is typed or passed, the user gets one plain sentence naming the field or
option, never a Python error, and nothing typed is cut short or changed."""

from __future__ import annotations

import os
import sqlite3
import stat
from datetime import UTC, datetime, timedelta, timezone
from pathlib import Path

import pytest

from practice.cli.main import main as cli
from practice.cli.main import unexpected_sentence
from practice.db import Database, open_database
from practice.db.connect import is_read_only
from practice.errors import ValidationError
from practice.search import search_notes
from practice.services.clients import create_client, list_clients
from practice.services.drafts import MAX_DRAFT, get_draft, save_draft
from practice.services.sessions import log_session

BROKEN = "a\ud800b"


@pytest.mark.parametrize(
    ("action", "field"),
    [
        (lambda db: create_client(db, first_name=BROKEN), "First name"),
        (lambda db: create_client(db, first_name="Ana", notes=BROKEN), "Notes"),
        (lambda db: save_draft(db, "note:new:client:1", BROKEN), "Draft"),
        (lambda db: search_notes(db, BROKEN), "Search"),
        (lambda db: list_clients(db, search=BROKEN), "Search"),
    ],
)
def test_broken_characters_are_refused_with_the_field(db: Database, action, field: str) -> None:  # type: ignore[no-untyped-def]
    with pytest.raises(ValidationError) as refused:
        action(db)
    assert str(refused.value).startswith(f"{field}: contains a broken character")


def test_a_huge_draft_is_kept_whole_never_cut(db: Database) -> None:
    text = "word " * 200_000  # 1,000,000 characters, five times the old silent limit
    save_draft(db, "note:new:client:1", text)
    assert get_draft(db, "note:new:client:1") == text
    with pytest.raises(ValidationError, match="too long to keep"):
        save_draft(db, "note:new:client:1", "x" * (MAX_DRAFT + 1))
    assert get_draft(db, "note:new:client:1") == text  # the kept one is untouched


def test_a_very_long_client_search_is_one_sentence(db: Database) -> None:
    with pytest.raises(ValidationError, match="Search: is too long"):
        list_clients(db, search="x" * 100_000)


@pytest.mark.parametrize("offset", [-8, 0, 5])
def test_a_session_in_year_one_is_refused_not_an_overflow(db: Database, offset: int) -> None:
    client = create_client(db, first_name="Ana")
    with pytest.raises(ValidationError, match="Starts at: 0001-01-01 is not a plausible date"):
        log_session(
            db,
            client_id=client.id,
            starts_at=datetime(1, 1, 1, tzinfo=timezone(timedelta(hours=offset))),
            duration_minutes=50,
            kind="session",
            mode="video",
            attendance="attended",
        )
    with pytest.raises(ValidationError):
        log_session(
            db,
            client_id=client.id,
            starts_at=datetime(9999, 12, 31, 23, tzinfo=UTC),
            duration_minutes=50,
            kind="session",
            mode="video",
            attendance="planned",
        )


@pytest.mark.parametrize(
    ("args", "said"),
    [
        (["report", "--from", "0001-01-01"], "--from needs a date from 1900 to 2199"),
        (["report", "--to", "9999-12-31"], "--to needs a date from 1900 to 2199"),
        (["report", "--from", ""], "--from needs a real date written YYYY-MM-DD"),
        (["--today", "", "enrolments"], "--today needs a real date written YYYY-MM-DD"),
        (["agreement", "99999999999999999999", "-o", "a.pdf"], "ENROLMENT_ID must be a whole"),
        (["clients", "--search", "x" * 100_000], "Search: is too long"),
    ],
)
def test_cli_refusals_are_one_sentence(
    db_path: Path, db: Database, capsys: pytest.CaptureFixture[str], args: list[str], said: str
) -> None:
    db.close()
    assert cli(["--database", str(db_path), *args]) == 1
    err = capsys.readouterr().err
    assert said in err and "Error" not in err and len(err.strip().splitlines()) == 1


def test_a_password_file_that_is_not_text(
    db_path: Path, db: Database, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    db.close()
    secret = tmp_path / "password.bin"
    secret.write_bytes(b"\xff\xfe\x00not text\n")
    assert cli(["--database", str(db_path), "--password-file", str(secret), "clients"]) == 1
    assert "The password file is not plain text" in capsys.readouterr().err


def test_a_read_only_database_keeps_its_mode(tmp_path: Path) -> None:
    path = tmp_path / "practice.db"
    open_database(path).close()
    path.chmod(0o444)
    db = open_database(path)
    db.close()
    assert stat.S_IMODE(path.stat().st_mode) == 0o400  # others' access gone, owner's kept
    path.chmod(0o600)


def test_writing_a_read_only_database_is_recognised(tmp_path: Path) -> None:
    path = tmp_path / "plain.db"
    sqlite3.connect(path).execute("CREATE TABLE t (x)").connection.close()
    ro = sqlite3.connect(f"{path.as_uri()}?mode=ro", uri=True)
    with pytest.raises(sqlite3.OperationalError) as raised:
        ro.execute("INSERT INTO t VALUES (1)")
    ro.close()
    assert is_read_only(raised.value)
    sentence = unexpected_sentence(raised.value)
    assert "cannot be written to" in sentence and "sqlite" not in sentence.lower()


def test_an_unforeseen_error_is_one_sentence_without_python_text() -> None:
    sentence = unexpected_sentence(OverflowError("Python int too large to convert"))
    assert "Python" not in sentence and "Overflow" not in sentence
    assert sentence.startswith("That could not be done; nothing was changed.")
    full = unexpected_sentence(OSError(28, "No space left on device"))
    assert "(no space left on device)" in full
    assert os.linesep not in sentence


def test_the_default_period_never_starts_before_the_first_day_taken(
    db_path: Path, db: Database, capsys: pytest.CaptureFixture[str]
) -> None:
    db.close()
    assert cli(["--database", str(db_path), "--today", "1900-01-01", "report", "--json"]) == 0
    assert '"from": "1900-01-01"' in capsys.readouterr().out
