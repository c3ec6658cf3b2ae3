"""A clean exit: delete every window while the QApplication still exists.

Widgets still owned by Python when the interpreter shuts down would otherwise be
destroyed after the application object, in no particular order, which can crash the
process at exit (after everything was saved, but a crash all the same).
"""

from __future__ import annotations

import gc

from PySide6.QtCore import QCoreApplication, QEvent
from PySide6.QtWidgets import QApplication


def delete_all_windows() -> None:
    app = QApplication.instance()
    if app is None:
        return
    for widget in QApplication.topLevelWidgets():
        widget.close()
        widget.deleteLater()
    QCoreApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)
    app.processEvents()
    gc.collect()
