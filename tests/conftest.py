"""Shared fixtures: a real temporary database for every test that needs one."""

from __future__ import annotations

import os
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest

from practice.db import Database, open_database
from tests.postgres import PostgresServer

# Qt draws offscreen in every test run (make test, a bare pytest, faketime, CI), unless the
# person running the tests asks for a real screen, e.g. QT_QPA_PLATFORM=xcb to watch.
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")


@pytest.fixture(autouse=True)
def _zone_of_computer() -> Iterator[None]:
    """Each test starts showing times in this computer's zone: the app sets the practice's
    zone when it opens a database, and that must not reach the next test."""
    from practice import timeutil

    timeutil.use_zone(None)
    yield
    timeutil.use_zone(None)


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


@pytest.fixture(scope="session")
def postgres() -> Iterator[PostgresServer]:
    """A real PostgreSQL server for the session (started on first use, stopped at the end):
    the group practice's engine (see tests/postgres.py)."""
    server = PostgresServer()
    try:
        server.start()
        yield server
    finally:
        server.stop()


def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    """Tests that need Qt are marked ``gui`` so ``-m "not gui"`` runs the pure ones.

    That is everything under tests/ui or a ``gui`` folder, and any test using pytest-qt.
    """
    qt_fixtures = {"qtbot", "qapp", "qtmodeltester"}
    for item in items:
        path = str(item.path).replace("\\", "/")
        uses_qt = bool(qt_fixtures & set(getattr(item, "fixturenames", ())))
        if "tests/ui/" in path or "/gui/" in path or uses_qt:
            item.add_marker(pytest.mark.gui)


@pytest.hookimpl(trylast=True)
def pytest_sessionfinish(session: pytest.Session, exitstatus: int) -> None:
    """Delete every leftover Qt window while the QApplication still exists.

    Widgets still owned by Python when the interpreter shuts down would otherwise be
    destroyed after the application object, which crashes the process at exit.
    """
    if "PySide6.QtWidgets" not in sys.modules:
        return
    from ui.shutdown import delete_all_windows

    delete_all_windows()
