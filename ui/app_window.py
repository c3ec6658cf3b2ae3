"""The app's window over an open practice: the main window with its safekeeping until
the app quits, the sample practice in its own window.

Loaded by :func:`ui.app.main` beside the database's integrity check
(:mod:`practice.db.early_check`) when the practice opens without a question, or while
its password is typed (:mod:`ui.warm_up`).
"""

from __future__ import annotations

import gc
import logging

from PySide6.QtCore import QEvent, QObject, QSettings, QTimer
from PySide6.QtWidgets import QApplication, QMessageBox, QWidget

from practice.db import Database
from practice.errors import PracticeError
from ui.context import AppContext
from ui.first_paint import OnFirstPaint
from ui.main_window import MainWindow
from ui.shutdown import delete_all_windows
from ui.threads import hold_collection_until_shown, keep_what_started

log = logging.getLogger("ui")


class QuitOnFirstPaint(QObject):
    """Quits the app once the watched window has painted for the first time; what it made
    is left out of the cycle collector's last sweep at exit, as in a day's use
    (:func:`~ui.threads.keep_what_started`), which has nothing to free in it."""

    def __init__(self, window: QWidget, app: QApplication) -> None:
        super().__init__(window)
        self.app = app

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 (Qt's name)
        if event.type() == QEvent.Type.Paint:
            watched.removeEventFilter(self)
            gc.freeze()
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
    hold_collection_until_shown()
    ctx = AppContext(db, settings)
    from ui.appearance import Appearance

    Appearance(app, settings).install()  # the theme and text size chosen in Settings
    window = MainWindow(ctx, sample=sample, own_practice_open=own_practice_open)
    from ui.safekeeping.controller import SafekeepingController

    keeper = SafekeepingController(ctx, window)  # lock, auto-lock, backups, Safekeeping menu
    keeper.install()
    if exit_when_shown:  # the app quits after that paint: nothing to keep
        first_paint = QuitOnFirstPaint(window, app)
        window.installEventFilter(first_paint)
    else:
        OnFirstPaint(app, keep_what_started)
    window.show()
    try:
        return app.exec()
    finally:
        if not sample and not exit_when_shown:
            keeper.on_close()  # the closing backup
        ctx.db.close()
        keeper.remember_if_backed_up()
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
