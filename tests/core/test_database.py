"""Opening databases: pragmas, refusals that leave the file untouched, migrations."""

from __future__ import annotations

import hashlib
import sqlite3
from pathlib import Path

import pytest
from sqlalchemy import text

from practice.db import Database, open_database
from practice.errors import DatabaseRefusedError


def digest(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def test_new_database_has_pragmas_and_defaults(db: Database) -> None:
    with db.transaction() as s:
        assert s.execute(text("PRAGMA journal_mode")).scalar() == "wal"
        assert s.execute(text("PRAGMA foreign_keys")).scalar() == 1
        assert s.execute(text("PRAGMA synchronous")).scalar() == 2  # FULL
        assert s.execute(text("SELECT count(*) FROM practice_profile")).scalar() == 1
        assert (s.execute(text("SELECT count(*) FROM agreement_clauses")).scalar() or 0) >= 5


def test_reopen_keeps_rows(db_path: Path) -> None:
    db = open_database(db_path)
    with db.transaction() as s:
        s.execute(text("UPDATE practice_profile SET business_name = 'Zoë Ødegård Therapy'"))
    db.close()
    db = open_database(db_path)
    with db.transaction() as s:
        assert s.execute(text("SELECT business_name FROM practice_profile")).scalar() == (
            "Zoë Ødegård Therapy"
        )
    db.close()


def _sqlite_foreign(path: Path) -> None:
    conn = sqlite3.connect(path)
    conn.execute("CREATE TABLE notes(x)")
    conn.execute("INSERT INTO notes VALUES ('hello')")
    conn.commit()
    conn.close()


@pytest.mark.parametrize(
    "make",
    [
        pytest.param(lambda p: p.write_bytes(b""), id="empty"),
        pytest.param(lambda p: p.write_text("name,email\nAna,a@example.org\n"), id="csv"),
        pytest.param(lambda p: p.write_bytes(bytes(range(256)) * 40), id="random-bytes"),
        pytest.param(_sqlite_foreign, id="foreign-sqlite"),
    ],
)
def test_foreign_files_are_refused_untouched(tmp_path: Path, make: object) -> None:
    path = tmp_path / "thing.db"
    make(path)  # type: ignore[operator]
    before = digest(path)
    with pytest.raises(DatabaseRefusedError):
        open_database(path)
    assert digest(path) == before
    assert sorted(p.name for p in tmp_path.iterdir()) == ["thing.db"]


def test_truncated_copy_is_refused_untouched(db_path: Path, tmp_path: Path) -> None:
    db = open_database(db_path)
    with db.reading() as s:
        s.execute(text("PRAGMA wal_checkpoint(TRUNCATE)"))
    db.close()
    data = db_path.read_bytes()
    truncated = tmp_path / "truncated.db"
    truncated.write_bytes(data[: len(data) // 2 + 100])
    before = digest(truncated)
    with pytest.raises(DatabaseRefusedError):
        open_database(truncated)
    assert digest(truncated) == before


def test_missing_folder_and_folder_are_refused(tmp_path: Path) -> None:
    with pytest.raises(DatabaseRefusedError, match="does not exist"):
        open_database(tmp_path / "nowhere" / "practice.db")
    assert not (tmp_path / "nowhere").exists()
    with pytest.raises(DatabaseRefusedError, match="folder"):
        open_database(tmp_path)


def test_newer_database_is_refused_untouched(db_path: Path) -> None:
    open_database(db_path).close()
    conn = sqlite3.connect(db_path)
    conn.execute("UPDATE alembic_version SET version_num = '9999_from_the_future'")
    conn.commit()
    conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    conn.close()
    before = digest(db_path)
    with pytest.raises(DatabaseRefusedError, match="newer version"):
        open_database(db_path)
    assert digest(db_path) == before


def _populated(path: Path) -> None:
    db = open_database(path)
    with db.transaction() as s:
        for n in range(200):
            s.execute(
                text("INSERT INTO drafts (key, body, updated_at) VALUES (:k, :b, '2026-01-01')"),
                {"k": f"k{n}", "b": "text " * 50},
            )
    db.close()


@pytest.mark.parametrize("offset", [100, 4096, 3 * 4096, 5 * 4096])
def test_flipped_bytes_are_refused_untouched(db_path: Path, offset: int) -> None:
    """Page structure damaged (a plain file has no checksum over the text itself; an
    encrypted one has, see tests/safekeeping/test_faults.py)."""
    _populated(db_path)
    data = bytearray(db_path.read_bytes())
    start = offset
    for i in range(start, start + 12):
        data[i] ^= 0xFF
    db_path.write_bytes(bytes(data))
    before = digest(db_path)
    with pytest.raises(DatabaseRefusedError):
        open_database(db_path)
    assert digest(db_path) == before
    assert sorted(p.name for p in db_path.parent.iterdir()) == ["practice.db"]


def test_lock_closes_connections_and_unlock_checks_the_password(tmp_path: Path) -> None:
    from practice.errors import LockedError, WrongPasswordError

    path = tmp_path / "secret.db"
    db = open_database(path, "the password")
    with db.transaction() as s:
        s.execute(text("SELECT 1"))
    db.lock()
    assert db.locked and db.password is None and db.encrypted
    from tests.safekeeping.helpers import open_fds_to

    assert open_fds_to(path) == []
    with pytest.raises(LockedError), db.transaction():
        pass
    with pytest.raises(WrongPasswordError):
        db.unlock("not the password")
    assert db.locked
    db.unlock("the password")
    with db.transaction() as s:
        assert s.execute(text("SELECT count(*) FROM practice_profile")).scalar() == 1
    db.close()


def test_generation_counts_committed_writes_only(db: Database) -> None:
    start = db.generation
    with db.transaction() as s:
        s.execute(text("SELECT count(*) FROM clients"))
    assert db.generation == start
    with pytest.raises(RuntimeError), db.transaction() as s:
        s.execute(text("UPDATE practice_profile SET business_name = 'x'"))
        raise RuntimeError("rolled back")
    assert db.generation == start
    with db.transaction() as s:
        s.execute(text("UPDATE practice_profile SET business_name = 'y'"))
    assert db.generation == start + 1


def test_migration_is_transactional_ddl(db_path: Path) -> None:
    """Transactions begin explicitly, so schema changes roll back with everything else."""
    db = open_database(db_path)
    with pytest.raises(RuntimeError), db.transaction() as s:
        s.execute(text("CREATE TABLE scratch (x INTEGER)"))
        raise RuntimeError("undo")
    with db.transaction() as s:
        assert (
            s.execute(text("SELECT count(*) FROM sqlite_master WHERE name = 'scratch'")).scalar()
            == 0
        )
    db.close()


def test_a_foreign_database_with_a_wal_is_refused_without_a_shm(tmp_path: Path) -> None:
    import shutil
    import sqlite3

    source = tmp_path / "source"
    source.mkdir()
    other = sqlite3.connect(source / "their.db")
    other.execute("PRAGMA journal_mode = WAL")
    other.execute("PRAGMA wal_autocheckpoint = 0")
    other.execute("CREATE TABLE notes (body TEXT)")
    other.execute("INSERT INTO notes VALUES ('theirs')")
    other.commit()
    copy = tmp_path / "copy"
    copy.mkdir()
    for name in ("their.db", "their.db-wal"):  # as copied by hand, without the -shm
        shutil.copyfile(source / name, copy / name)
    other.close()
    before = {p.name: digest(p) for p in copy.iterdir()}
    with pytest.raises(DatabaseRefusedError, match="not a practice database"):
        open_database(copy / "their.db")
    assert {p.name: digest(p) for p in copy.iterdir()} == before  # no -shm, nothing changed
