"""Long work (exporting a large practice) off the GUI thread, with a progress dialog.

``BackgroundTask(parent, title, work).start()`` runs ``work(progress)`` on a thread pool
of its own; ``progress(done, total)`` may be called from the work and moves the bar.
``finished(result)`` or ``failed(error)`` follow on the GUI thread. Each
``db.transaction()`` has its own connection, so the database is shared safely.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QObject, QRunnable, Qt, QThreadPool, Signal, Slot
from PySide6.QtWidgets import QProgressDialog, QWidget

from ui.errors import report_exception
from ui.threads import collect_here, no_collection_in_this_thread

log = logging.getLogger(__name__)

Progress = Callable[[int, int], None]
Work = Callable[[Progress], Any]


class _Relay(QObject):
    progress = Signal(int, int)
    finished = Signal(object)
    failed = Signal(object)


class _Job(QRunnable):
    def __init__(self, work: Work, relay: _Relay) -> None:
        super().__init__()
        self.work = work
        self.relay = relay

    def run(self) -> None:
        try:
            with no_collection_in_this_thread():  # see ui.threads
                result = self.work(lambda done, total: self.relay.progress.emit(done, total))
        except Exception as exc:  # handed back to the GUI thread, never lost in the thread
            log.info("background work failed: %s", type(exc).__name__)
            self.relay.failed.emit(exc)
            return
        self.relay.finished.emit(result)


class BackgroundTask(QObject):
    finished = Signal(object)
    failed = Signal(object)

    def __init__(self, parent: QWidget, title: str, work: Work) -> None:
        super().__init__(parent)
        self.parent_widget = parent
        self.pool = QThreadPool(self)
        self.pool.setMaxThreadCount(1)
        self.relay = _Relay(self)
        self.relay.progress.connect(self._progress)
        self.relay.finished.connect(self._finished)
        self.relay.failed.connect(self._failed)
        self.work = work
        self.dialog = QProgressDialog(title, "", 0, 0, parent)
        self.dialog.setWindowTitle(title)
        self.dialog.setCancelButton(None)  # a file half-written is never left: nothing to cancel
        self.dialog.setWindowModality(Qt.WindowModality.WindowModal)
        self.dialog.setMinimumDuration(400)
        self.dialog.setAutoClose(False)
        self.dialog.setAutoReset(False)
        self.result: Any = None
        self.error: BaseException | None = None

    def start(self) -> None:
        collect_here()  # on the GUI thread, not the job's
        self.pool.start(_Job(self.work, self.relay))

    def wait(self, msecs: int = 60_000) -> bool:
        return bool(self.pool.waitForDone(msecs))

    @Slot(int, int)
    def _progress(self, done: int, total: int) -> None:
        self.dialog.setMaximum(max(total, 1))
        self.dialog.setValue(min(done, max(total, 1)))
        self.dialog.setLabelText(f"{done:,} of {total:,} rows…")

    @Slot(object)
    def _finished(self, result: object) -> None:
        self.dialog.close()
        self.result = result
        self.finished.emit(result)

    @Slot(object)
    def _failed(self, error: object) -> None:
        self.dialog.close()
        assert isinstance(error, BaseException)
        self.error = error
        report_exception(error, self.parent_widget)
        self.failed.emit(error)
