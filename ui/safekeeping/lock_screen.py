"""Locking: by hand or after the idle time. Every connection is closed (the engine is
disposed), every window is covered, and what was being typed stays where it was.

Windows are covered, not closed, so a note editor keeps its text (and its draft is
written to the database before the lock); unlocking takes the covers away again.
"""

from __future__ import annotations

import time
from collections.abc import Callable

from PySide6.QtCore import QEvent, QObject, Qt, QTimer, Signal
from PySide6.QtWidgets import (
    QApplication,
    QDialog,
    QDialogButtonBox,
    QLabel,
    QVBoxLayout,
    QWidget,
)

from practice.db import Database
from practice.errors import WrongPasswordError
from practice.safekeeping.idle import DEFAULT_MINUTES, IdleTimer
from ui.safekeeping.password_dialogs import password_field
from ui.widgets.form_errors import ErrorLine

ACTIVITY = {
    QEvent.Type.KeyPress,
    QEvent.Type.MouseButtonPress,
    QEvent.Type.MouseMove,
    QEvent.Type.Wheel,
    QEvent.Type.TouchBegin,
}
LOCKED_TITLE = "Locked — Practice Manager"


class Cover(QWidget):
    """An opaque panel over a whole window, following its size."""

    def __init__(self, window: QWidget) -> None:
        super().__init__(window)
        self.setObjectName("lock_cover")
        self.setAutoFillBackground(True)
        layout = QVBoxLayout(self)
        label = QLabel("Locked")
        label.setAlignment(Qt.AlignmentFlag.AlignCenter)
        layout.addWidget(label)
        self._window = window
        window.installEventFilter(self)
        self.setGeometry(window.rect())
        self.raise_()
        self.show()

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 (Qt's name)
        if watched is self._window and event.type() == QEvent.Type.Resize:
            self.setGeometry(self._window.rect())
            self.raise_()
        return False

    def remove(self) -> None:
        self._window.removeEventFilter(self)
        self.hide()
        self.deleteLater()


class LockScreen(QDialog):
    """The password prompt shown while locked. Closing it does not unlock."""

    def __init__(self, try_unlock: Callable[[str], bool], encrypted: bool) -> None:
        super().__init__(None)
        self._try_unlock = try_unlock
        self.setWindowTitle(LOCKED_TITLE)
        self.setWindowModality(Qt.WindowModality.ApplicationModal)
        layout = QVBoxLayout(self)
        text = "Your practice is locked." + (
            " Enter your password to continue." if encrypted else " Press Unlock to continue."
        )
        label = QLabel(text)
        label.setWordWrap(True)
        layout.addWidget(label)
        self.password = password_field("password")
        self.password.setVisible(encrypted)
        layout.addWidget(self.password)
        self.error = ErrorLine()
        layout.addWidget(self.error)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok)
        buttons.button(QDialogButtonBox.StandardButton.Ok).setText("Unlock")
        buttons.accepted.connect(self.accept)
        # Quitting while locked is safe: drafts were written before the lock.
        quit_button = buttons.addButton("Quit", QDialogButtonBox.ButtonRole.DestructiveRole)
        quit_button.clicked.connect(QApplication.quit)
        layout.addWidget(buttons)

    def accept(self) -> None:
        if self._try_unlock(self.password.text()):
            self.password.clear()
            super().accept()
            return
        self.password.clear()
        self.error.say("Wrong password.")
        self.password.setFocus()

    def reject(self) -> None:  # Esc or the close button: stay locked
        return


class LockController(QObject):
    """Auto-lock after ``minutes`` without input (0 = never) and lock on demand."""

    about_to_lock = Signal()
    locked = Signal()
    unlocked = Signal()

    def __init__(
        self,
        db: Callable[[], Database],
        *,
        minutes: int = DEFAULT_MINUTES,
        clock: Callable[[], float] = time.monotonic,
        poll_ms: int = 5000,
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        self._db = db
        self.idle = IdleTimer(minutes, clock)
        self.screen: LockScreen | None = None
        self._covers: list[Cover] = []
        self._titles: list[tuple[QWidget, str]] = []
        app = QApplication.instance()
        if app is not None:
            app.installEventFilter(self)
        self.timer = QTimer(self)
        self.timer.setInterval(poll_ms)
        self.timer.timeout.connect(self.check_idle)
        self.timer.start()

    @property
    def is_locked(self) -> bool:
        return self.screen is not None

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 (Qt's name)
        if event.type() in ACTIVITY and not self.is_locked:
            self.idle.activity()
        return False

    def check_idle(self) -> None:
        if not self.is_locked and self.idle.expired():
            self.lock_now()

    def lock_now(self) -> None:
        if self.is_locked:
            return
        self.about_to_lock.emit()
        _flush_drafts()
        db = self._db()
        encrypted = db.encrypted
        for window in QApplication.topLevelWidgets():
            if window.isVisible() and not isinstance(window, LockScreen):
                self._covers.append(Cover(window))
                self._titles.append((window, window.windowTitle()))
                window.setWindowTitle(LOCKED_TITLE)
        db.lock()
        self.screen = LockScreen(self.try_unlock, encrypted)
        self.screen.show()
        self.screen.raise_()
        self.screen.activateWindow()
        self.locked.emit()

    def try_unlock(self, password: str) -> bool:
        db = self._db()
        try:
            db.unlock(password if db.encrypted else None)
        except WrongPasswordError:
            return False
        for cover in self._covers:
            cover.remove()
        for window, title in self._titles:
            window.setWindowTitle(title)
        self._covers, self._titles = [], []
        screen, self.screen = self.screen, None
        if screen is not None:
            screen.hide()
            screen.deleteLater()
        self.idle.activity()
        self.unlocked.emit()
        return True


def _flush_drafts() -> None:
    """Write every open editor's draft before the connections close."""
    from ui.widgets.draft_keeper import DraftKeeper

    for window in QApplication.topLevelWidgets():
        for keeper in window.findChildren(DraftKeeper):
            keeper.flush()
