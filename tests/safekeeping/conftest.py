"""Fixtures for safekeeping tests: encrypted databases and a file scanner."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from practice.db import Database, open_database
from tests.safekeeping.helpers import PASSWORD


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
