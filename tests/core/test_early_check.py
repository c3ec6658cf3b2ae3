"""The integrity check started before the imports (practice.db.early_check): the same
verdict as the check at opening, used only for exactly the file that was checked, and
nothing made or changed beside the file."""

from __future__ import annotations

import hashlib
import os
from pathlib import Path

import pytest
from sqlalchemy import text

from practice.db import early_check, open_database
from practice.errors import DatabaseRefusedError


def digest(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


@pytest.fixture
def practice_file(tmp_path: Path) -> Path:
    path = tmp_path / "practice.db"
    db = open_database(path)
    with db.transaction() as s:
        for n in range(200):
            s.execute(
                text("INSERT INTO drafts (key, body, updated_at) VALUES (:k, :b, '2026-01-01')"),
                {"k": f"k{n}", "b": "text " * 50},
            )
    db.close()
    return path


def test_a_healthy_file_is_checked_early_and_the_result_used_once(practice_file: Path) -> None:
    early_check.start(practice_file)
    assert early_check.take(practice_file) == [("ok",)]
    assert early_check.take(practice_file) is None  # once: a later opening checks again
    assert sorted(p.name for p in practice_file.parent.iterdir()) == ["practice.db"]


def test_opening_uses_the_early_check_and_still_opens(practice_file: Path) -> None:
    early_check.start(practice_file)
    db = open_database(practice_file, create=False)
    try:
        with db.reading() as s:
            assert s.execute(text("SELECT count(*) FROM drafts")).scalar() == 200
    finally:
        db.close()
    assert early_check.take(practice_file) is None  # taken by the opening


@pytest.mark.parametrize("offset", [4096, 3 * 4096, 5 * 4096])
def test_damage_found_early_is_refused_untouched(practice_file: Path, offset: int) -> None:
    data = bytearray(practice_file.read_bytes())
    for i in range(offset, offset + 12):
        data[i] ^= 0xFF
    practice_file.write_bytes(bytes(data))
    before = digest(practice_file)
    early_check.start(practice_file)
    with pytest.raises(DatabaseRefusedError, match="damaged"):
        open_database(practice_file, create=False)
    assert digest(practice_file) == before
    assert sorted(p.name for p in practice_file.parent.iterdir()) == ["practice.db"]


def test_a_file_changed_after_its_check_is_checked_again(practice_file: Path) -> None:
    early_check.start(practice_file)
    early_check._checks[practice_file.absolute()].thread.join()  # the check has ended
    stat = practice_file.stat()
    os.utime(practice_file, ns=(stat.st_atime_ns, stat.st_mtime_ns + 1_000_000_000))
    assert early_check.take(practice_file) is None


def test_a_file_with_a_write_ahead_log_or_encrypted_or_missing_is_left_to_the_opening(
    practice_file: Path, tmp_path: Path
) -> None:
    wal = Path(f"{practice_file}-wal")
    wal.write_bytes(b"")
    early_check.start(practice_file)
    assert early_check.take(practice_file) is None
    wal.unlink()
    secret = tmp_path / "secret.db"
    open_database(secret, "a password").close()
    early_check.start(secret)
    assert early_check.take(secret) is None
    early_check.start(tmp_path / "nowhere.db")
    assert early_check.take(tmp_path / "nowhere.db") is None
    assert not (tmp_path / "nowhere.db").exists()


def test_a_file_that_is_not_a_database_is_not_touched(tmp_path: Path) -> None:
    notes = tmp_path / "notes.txt"
    notes.write_text("not a database\n" * 100, encoding="utf-8")
    early_check.start(notes)
    assert early_check.take(notes) is None
    assert sorted(p.name for p in tmp_path.iterdir()) == ["notes.txt"]


def test_the_header_it_looks_for_is_the_one_opening_looks_for() -> None:
    from practice.db.connect import SQLITE_HEADER

    assert early_check._HEADER == SQLITE_HEADER
