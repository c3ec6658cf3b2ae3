"""Manual and idle lock: connections closed, windows covered, typing kept."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QMainWindow, QPlainTextEdit
from pytestqt.qtbot import QtBot

from practice.db import Database, open_database
from practice.errors import LockedError
from practice.services import drafts
from practice.services.clients import create_client, list_clients
from tests.safekeeping.helpers import PASSWORD, open_fds_to
from ui.context import AppContext
from ui.safekeeping.controller import SafekeepingController
from ui.safekeeping.lock_screen import LOCKED_TITLE, Cover, LockController
from ui.widgets.draft_keeper import DraftKeeper

TYPED = "She said the walk helped. Qwertzuiop"


@pytest.fixture
def enc(enc_path: object) -> Iterator[Database]:
    db = open_database(enc_path, PASSWORD)  # type: ignore[arg-type]
    yield db
    if not db.locked:
        db.close()


def _window(qtbot: QtBot, db: Database) -> tuple[QMainWindow, QPlainTextEdit, DraftKeeper]:
    window = QMainWindow()
    window.setWindowTitle("Ana Ødegård — session note")
    editor = QPlainTextEdit()
    window.setCentralWidget(editor)
    keeper = DraftKeeper(db, editor, "note:session:1")
    qtbot.addWidget(window)
    window.show()
    qtbot.waitExposed(window)
    editor.setPlainText(TYPED)
    return window, editor, keeper


def test_idle_lock_with_a_fake_clock(qtbot: QtBot, enc: Database) -> None:
    window, editor, _keeper = _window(qtbot, enc)
    now = [1000.0]
    lock = LockController(lambda: enc, minutes=10, clock=lambda: now[0], poll_ms=10)
    lock.idle.activity()
    now[0] += 9 * 60 + 59
    lock.check_idle()
    assert not lock.is_locked
    with qtbot.waitSignal(lock.locked, timeout=5000):
        now[0] += 2
    assert enc.locked
    assert open_fds_to(enc.path) == []  # every connection is closed
    with pytest.raises(LockedError):
        drafts.get_draft(enc, "note:session:1")
    covers = window.findChildren(Cover)
    assert covers and covers[0].isVisible() and covers[0].geometry() == window.rect()
    assert window.windowTitle() == LOCKED_TITLE
    assert lock.screen is not None and lock.screen.isVisible()
    # A wrong password keeps it locked.
    lock.screen.password.setText("not the password")
    lock.screen.accept()
    assert lock.is_locked and enc.locked and lock.screen.error.isVisible()
    lock.screen.reject()  # Esc does not unlock
    assert lock.is_locked
    with qtbot.waitSignal(lock.unlocked):
        lock.screen.password.setText(PASSWORD)
        lock.screen.accept()
    assert not enc.locked and not lock.is_locked
    assert editor.toPlainText() == TYPED  # the note being typed is still there
    assert drafts.get_draft(enc, "note:session:1") == TYPED  # and was saved before locking
    assert window.windowTitle() == "Ana Ødegård — session note"
    qtbot.waitUntil(lambda: not window.findChildren(Cover))
    lock.timer.stop()


def test_activity_postpones_the_lock(qtbot: QtBot, enc: Database) -> None:
    window, editor, _ = _window(qtbot, enc)
    now = [0.0]
    lock = LockController(lambda: enc, minutes=10, clock=lambda: now[0], poll_ms=100000)
    now[0] = 9 * 60
    qtbot.keyClick(editor, Qt.Key.Key_A)
    now[0] = 15 * 60
    lock.check_idle()
    assert not lock.is_locked
    now[0] = 19 * 60 + 1
    lock.check_idle()
    assert lock.is_locked
    lock.try_unlock(PASSWORD)
    lock.idle.set_minutes(0)  # never
    now[0] = 10_000
    lock.check_idle()
    assert not lock.is_locked
    lock.timer.stop()


def test_manual_lock_of_a_plain_database(qtbot: QtBot, db: Database) -> None:
    _window(qtbot, db)
    lock = LockController(lambda: db, minutes=10, poll_ms=100000)
    lock.lock_now()
    assert db.locked and open_fds_to(db.path) == []
    assert lock.screen is not None and not lock.screen.password.isVisible()
    lock.screen.accept()
    assert not db.locked
    lock.timer.stop()


def _keeper(qtbot: QtBot, db: Database) -> SafekeepingController:
    window = QMainWindow()
    window.menuBar().addMenu("&File")
    window.menuBar().addMenu("&Help")
    qtbot.addWidget(window)
    keeper = SafekeepingController(AppContext(db), window, lock_poll_ms=100000)
    keeper.install()
    return keeper


@pytest.mark.parametrize("written_after_the_backup", [False, True])
def test_an_unlock_after_a_verified_backup_does_not_read_every_page(
    qtbot: QtBot,
    enc_path: Path,
    full_checks: list[bool],
    written_after_the_backup: bool,
) -> None:
    """Locked with nothing written since a backup that passed its checks: the file is
    recorded as checked, and the unlock is spared the page-by-page check; anything
    written after that backup and the unlock checks every page, as before."""
    from practice.db import checked

    db = open_database(enc_path, PASSWORD)
    keeper = _keeper(qtbot, db)
    create_client(db, first_name="Ana", last_name="Ødegård")
    keeper.auto.backup()
    if written_after_the_backup:
        create_client(db, first_name="Ben")
    full_checks.clear()
    keeper.lock.lock_now()
    assert db.locked
    assert checked.unchanged_since_checked(enc_path) is not written_after_the_backup
    assert keeper.lock.try_unlock(PASSWORD)
    assert full_checks == [written_after_the_backup]
    assert {c.first_name for c in list_clients(db)} >= {"Ana"}
    db.close()
