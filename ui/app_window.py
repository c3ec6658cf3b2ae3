"""The app's window over an open practice: Qt's application names, the main window
with its safekeeping until the app quits, the sample practice in its own window.

Loaded by :func:`ui.app.main` once the database's integrity check is under way
(:mod:`practice.db.early_check`), so the imports here run beside it.
"""

from __future__ import annotations

import logging

from PySide6.QtCore import QEvent, QObject, QSettings, Qt, QTimer
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QApplication, QMessageBox, QWidget

from practice import __version__
from practice.db import Database
from practice.db.paths import APP_AUTHOR, APP_NAME
from practice.errors import PracticeError
from ui.context import AppContext
from ui.main_window import MainWindow
from ui.shutdown import delete_all_windows
from ui.threads import keep_what_started

log = logging.getLogger("ui")


def configure_application() -> None:
    """Names used by QSettings and the window system; set before QSettings is used."""
    QApplication.setOrganizationName(APP_AUTHOR)
    QApplication.setApplicationName(APP_NAME)
    QApplication.setApplicationDisplayName("Practice Manager")
    QApplication.setApplicationVersion(__version__)
    QGuiApplication.setDesktopFileName("practice-manager")  # the .desktop entry's name
    if QGuiApplication.instance() is None:
        QGuiApplication.setHighDpiScaleFactorRoundingPolicy(
            Qt.HighDpiScaleFactorRoundingPolicy.PassThrough
        )


class QuitOnFirstPaint(QObject):
    """Quits the app once the watched window has painted for the first time."""

    def __init__(self, window: QWidget, app: QApplication) -> None:
        super().__init__(window)
        self.app = app

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 (Qt's name)
        if event.type() == QEvent.Type.Paint:
            watched.removeEventFilter(self)
            QTimer.singleShot(0, self.app.quit)
        return False


def run(
    app: QApplication,
    db: Database,
    settings: QSettings,
    *,
    sample: bool = False,
    own_practice_open: bool = False,
    exit_when_shown: bool = False,
) -> int:
    """Show the main window on ``db`` until the app quits; return the exit code.

    ``exit_when_shown``: quit right after the window's first paint (start-up timing)."""
    from ui.dialogs.first_run import open_sample_practice, should_offer_sample

    on_server = db.server is not None  # a team's practice: no sample offered in its place
    if not (sample or exit_when_shown or on_server) and should_offer_sample(db, settings):
        sample_db = open_sample_practice(settings)
        if sample_db is not None:
            db.close()
            db, sample = sample_db, True
    ctx = AppContext(db, settings)
    from ui.appearance import Appearance

    Appearance(app, settings).install()  # the theme and text size chosen in Settings
    window = MainWindow(ctx, sample=sample, own_practice_open=own_practice_open)
    from ui.safekeeping.controller import SafekeepingController

    keeper = SafekeepingController(ctx, window)  # lock, auto-lock, backups, Safekeeping menu
    keeper.install()
    if exit_when_shown:
        first_paint = QuitOnFirstPaint(window, app)
        window.installEventFilter(first_paint)
    window.show()
    QTimer.singleShot(0, keep_what_started)  # after the first paint
    try:
        return app.exec()
    finally:
        if not sample and not exit_when_shown:
            keeper.on_close()  # the closing backup
        ctx.db.close()
        delete_all_windows()  # before the QApplication goes: no crash on the way out


def run_sample(app: QApplication, *, own_practice_open: bool = False) -> int:
    """The sample practice in its own window (made up, unencrypted, its own file)."""
    from ui.dialogs.first_run import open_sample_with_progress

    try:
        db = open_sample_with_progress()
    except PracticeError as exc:
        log.warning("sample practice refused: %s", exc)
        QMessageBox.critical(None, "The sample practice cannot be opened", str(exc))
        return 1
    return run(app, db, QSettings(), sample=True, own_practice_open=own_practice_open)
