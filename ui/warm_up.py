"""Loading the main window's code while the practitioner types their password.

An encrypted practice (the usual one) opens with its password box, which needs only Qt.
SQLAlchemy, the models, the economics and the main window — about 0.5 s of imports on a
2-core laptop — are loaded after the box is drawn, one module at a time on the event
loop, so the box answers between them and the window opens soon after the password is
given. Anything left, or a module that failed to load here, is loaded where it is used,
as before (and fails there, in the app's own error handling).
"""

from __future__ import annotations

import importlib
import logging
from collections.abc import Iterator

from PySide6.QtCore import QCoreApplication, QTimer

from practice.gc_pause import collector_paused
from ui.first_paint import LEAVING, OnFirstPaint

log = logging.getLogger(__name__)

#: In the order they build on each other; each step is one wait between two key presses.
STEPS = (
    "sqlalchemy",
    "sqlalchemy.orm",
    "practice.models",
    "practice.db.database",
    "practice.economics",
    "practice.services.profile",
    "ui.context",
    "ui.main_window",
    "ui.app_window",
    "ui.pages.today",
)


def load_after_first_paint(app: QCoreApplication, steps: tuple[str, ...] = STEPS) -> None:
    """Once the app has drawn its first window, load ``steps`` one per turn of the loop."""
    remaining: Iterator[str] = iter(steps)

    def next_step() -> None:
        name = next(remaining, None)
        if name is None or app.property(LEAVING):
            return
        try:
            with collector_paused():
                importlib.import_module(name)
        except Exception:  # loaded (and reported) again where it is used
            log.warning("could not load %s ahead of time", name, exc_info=True)
            return
        QTimer.singleShot(0, next_step)

    OnFirstPaint(app, next_step)
