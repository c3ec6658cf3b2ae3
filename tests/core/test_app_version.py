"""One version (practice/_version.py, which pyproject.toml reads), recorded in each database the app opens; an older app
refuses, naming the newer version, a database whose schema a newer app changed."""

from __future__ import annotations

import hashlib
import sqlite3
import tomllib
from importlib import metadata
from pathlib import Path

import pytest

from practice import __version__
from practice.db import open_database
from practice.db.app_version import decode, encode, record_app_version
from practice.errors import DatabaseRefusedError
from practice.version import version_key

ROOT = Path(__file__).resolve().parents[2]


def _header_version(path: Path) -> int:
    conn = sqlite3.connect(path)
    try:
        return int(conn.execute("PRAGMA user_version").fetchone()[0])
    finally:
        conn.close()


def _set(path: Path, *, revision: str | None = None, user_version: int | None = None) -> None:
    conn = sqlite3.connect(path)
    if revision is not None:
        conn.execute("UPDATE alembic_version SET version_num = ?", (revision,))
    if user_version is not None:
        conn.execute(f"PRAGMA user_version = {user_version}")
    conn.commit()
    conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    conn.close()


def test_the_version_is_kept_once_and_the_package_says_the_same() -> None:
    with (ROOT / "pyproject.toml").open("rb") as handle:
        pyproject = tomllib.load(handle)
    assert "version" not in pyproject["project"]  # not a second copy to keep in step
    assert "version" in pyproject["project"]["dynamic"]
    dynamic = pyproject["tool"]["setuptools"]["dynamic"]["version"]
    assert dynamic == {"attr": "practice._version.__version__"}
    assert metadata.version("practice-manager") == __version__  # as installed
    assert version_key(__version__) is not None


@pytest.mark.parametrize("version", ["0.1.0", "1.0.0", "0.12.7", "12.999.999"])
def test_versions_survive_the_header(version: str) -> None:
    assert decode(encode(version)) == version


def test_what_is_not_a_release_is_not_recorded() -> None:
    assert encode("0.2.0.dev1") == 0 and encode("1.1000.0") == 0
    assert decode(0) is None


def test_opening_records_the_app_version(db_path: Path) -> None:
    open_database(db_path).close()
    assert decode(_header_version(db_path)) == __version__


def test_an_older_app_reopening_an_unchanged_schema_records_itself(db_path: Path) -> None:
    open_database(db_path).close()
    _set(db_path, user_version=encode("9.1.0"))  # a newer app opened it, schema unchanged
    db = open_database(db_path)
    db.close()
    assert decode(_header_version(db_path)) == __version__


def test_reopening_by_the_same_version_writes_nothing(db_path: Path) -> None:
    db = open_database(db_path)
    generation = db.generation
    record_app_version(db.engine)
    assert db.generation == generation
    db.close()


def test_a_database_a_newer_app_migrated_is_refused_naming_it(db_path: Path) -> None:
    open_database(db_path).close()
    _set(db_path, revision="9999_from_the_future", user_version=encode("9.1.0"))
    before = hashlib.sha256(db_path.read_bytes()).hexdigest()
    with pytest.raises(DatabaseRefusedError) as refused:
        open_database(db_path)
    message = str(refused.value)
    assert "newer version of Practice Manager (9.1.0)" in message
    assert f"this is version {__version__}" in message
    assert "install Practice Manager 9.1.0 or later" in message
    assert hashlib.sha256(db_path.read_bytes()).hexdigest() == before


def test_a_file_that_cannot_be_written_still_opens_without_the_record(db_path: Path) -> None:
    from sqlalchemy import create_engine

    open_database(db_path).close()
    _set(db_path, user_version=encode("0.0.1"))
    engine = create_engine(
        "sqlite://", creator=lambda: sqlite3.connect(f"{db_path.as_uri()}?mode=ro", uri=True)
    )
    try:
        record_app_version(engine)  # refused by SQLite as read-only: left as it was
    finally:
        engine.dispose()
    assert decode(_header_version(db_path)) == "0.0.1"


def test_an_encrypted_backup_keeps_the_record(tmp_path: Path) -> None:
    from practice.db.app_version import recorded_version
    from practice.db.connect import raw_connect
    from practice.safekeeping.backup import backup_file
    from practice.safekeeping.names import Reason

    path = tmp_path / "practice.db"
    open_database(path, "correct horse battery").close()
    backup = backup_file(path, "correct horse battery", tmp_path / "backups", Reason.MANUAL)
    conn = raw_connect(backup, "correct horse battery", read_only=True)
    try:
        assert recorded_version(conn) == __version__
    finally:
        conn.close()
