"""The app's window over an open practice: the main window with its safekeeping until
the app quits, the sample practice in its own window.

Loaded by :func:`ui.app.main` beside the database's integrity check
(:mod:`practice.db.early_check`) when the practice opens without a question, or while
its password is typed (:mod:`ui.warm_up`).
"""

from __future__ import annotations

import gc
import logging
from functools import partial

from PySide6.QtCore import QSettings
from PySide6.QtWidgets import QApplication, QMessageBox

from practice.db import Database
from practice.errors import PracticeError
from ui.context import AppContext
from ui.first_paint import OnFirstPaint
from ui.main_window import MainWindow
from ui.shutdown import delete_all_windows
from ui.threads import hold_collection_until_shown, keep_what_started

log = logging.getLogger("ui")


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
    OnFirstPaint(app, partial(_leave, app) if exit_when_shown else keep_what_started)
    window.show()
    try:
        return app.exec()
    finally:
        if not sample and not exit_when_shown:
            keeper.on_close()  # the closing backup
        ctx.db.close()
        keeper.remember_if_backed_up()
        delete_all_windows()  # before the QApplication goes: no crash on the way out


def _leave(app: QApplication) -> None:
    """Quit after the first paint (``exit_when_shown``), with what start-up made left out
    of the cycle collector's last sweep at exit, as in a day's use (it has nothing to
    free in it; see :func:`~ui.threads.keep_what_started`)."""
    gc.freeze()
    app.quit()


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
