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
