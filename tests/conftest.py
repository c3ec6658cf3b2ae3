"""Shared fixtures: a real temporary database for every test that needs one."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from practice.db import Database, open_database


@pytest.fixture
def db_path(tmp_path: Path) -> Path:
    return tmp_path / "practice.db"


@pytest.fixture
def db(db_path: Path) -> Iterator[Database]:
    """A fresh, migrated practice database file in a temporary folder."""
    database = open_database(db_path)
    try:
        yield database
    finally:
        database.close()


def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    """Tests under tests/ui need Qt: mark them ``gui`` so ``-m "not gui"`` runs the rest."""
    for item in items:
        if "tests/ui/" in str(item.path).replace("\\", "/"):
            item.add_marker(pytest.mark.gui)
