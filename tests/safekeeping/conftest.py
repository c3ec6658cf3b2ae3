"""Fixtures for safekeeping tests: encrypted databases and a file scanner."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from practice.db import Database, connect, open_database
from tests.safekeeping.helpers import PASSWORD

REAL_KDF = connect.KDF_ITERATIONS


#: Key derivation rounds inside this process's tests: the real 256,000 rounds cost half a
#: second per new database on a loaded machine. Tests that start other processes, and
#: the SQLCipher compatibility test, ask for ``real_kdf``.
FAST_KDF = 2_000


@pytest.fixture(autouse=True)
def fast_kdf(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(connect, "KDF_ITERATIONS", FAST_KDF)


@pytest.fixture
def real_kdf(fast_kdf: None, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(connect, "KDF_ITERATIONS", REAL_KDF)


@pytest.fixture
def enc_path(tmp_path: Path) -> Path:
    folder = tmp_path / "data"
    folder.mkdir()
    return folder / "practice.db"


@pytest.fixture
def enc_db(enc_path: Path) -> Iterator[Database]:
    db = open_database(enc_path, PASSWORD)
    try:
        yield db
    finally:
        db.close()


@pytest.fixture
def full_checks(monkeypatch: pytest.MonkeyPatch) -> list[bool]:
    """Each inspection of a database from here on: True when it read every page (False
    when the file was unchanged since it passed, see practice.db.checked)."""
    from practice.db import inspect

    seen: list[bool] = []
    real = inspect._check_open

    def spy(conn: object, path: Path, password: str | None, *, every_page: bool = True) -> str:
        seen.append(every_page)
        return real(conn, path, password, every_page=every_page)

    monkeypatch.setattr(inspect, "_check_open", spy)
    return seen
