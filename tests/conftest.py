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
# Tests never reach the keyring of the person running them (a practice server's saved
# password would land in it): no keyring, unless a test starts one of its own
# (tests/ui/test_server_keyring.py).
os.environ["PYTHON_KEYRING_BACKEND"] = "keyring.backends.fail.Keyring"


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


#: ``PRACTICE_TEST_ENGINE=postgresql``: every test's ``db`` is a new practice on the
#: session's PostgreSQL server instead of a file (``make test`` runs the services',
#: economics', reports' and search tests so a second time; a check of what only a
#: file has asks ``db.path``).
ENGINE = os.environ.get("PRACTICE_TEST_ENGINE", "sqlite")


def reopen(db: Database) -> Database:
    """The practice of ``db`` opened again (closed first), as the next start of the app
    would: the same file, or the same database on its server."""
    db.close()
    if db.server is not None:
        from practice.db.server import open_server_database

        return open_server_database(db.server, db.password)
    assert db.path is not None
    return open_database(db.path, db.password)


def database_argument(db: Database) -> str:
    """What ``--database`` is given to reach ``db``'s practice: its file, or its address
    on the server (the commands are tested on both engines)."""
    if db.server is not None:
        return db.server.url.render_as_string(hide_password=False)
    return str(db.path)


@pytest.fixture(scope="session")
def _new_practice_file(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A new practice file made once by the app's own ``open_database`` (every
    migration run, the defaults seeded), for each test's ``db`` to start from a copy:
    making one from nothing took a fifth of a second, a thousand times a run. Tests of
    making, migrating and opening a database make their own."""
    path = tmp_path_factory.mktemp("new-practice") / "practice.db"
    open_database(path).close()
    return path


@pytest.fixture
def db(db_path: Path, request: pytest.FixtureRequest) -> Iterator[Database]:
    """A fresh, migrated practice database file in a temporary folder (or, with
    ``PRACTICE_TEST_ENGINE=postgresql``, a fresh practice on the test server)."""
    if ENGINE == "postgresql":
        from practice.db.server import open_server_database

        server: PostgresServer = request.getfixturevalue("postgres")
        database = open_server_database(server.fresh_practice())
    else:
        import shutil

        shutil.copyfile(request.getfixturevalue("_new_practice_file"), db_path)
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
