"""Works the reports out off the GUI thread, so the page stays responsive.

:class:`ReportLoader` runs :func:`practice.economics.reports.practice_report` on its
own thread pool (one thread: requests run in order). Every request has a number; a
result that arrives after a newer request was made is stale and is dropped, so the page
always shows the period last asked for. The ``Database`` is shared safely: each
``db.transaction()`` uses its own connection.
"""

from __future__ import annotations

import logging
from datetime import date

from PySide6.QtCore import QObject, QRunnable, QThreadPool, Signal, Slot

from practice.db import Database
from practice.economics.reports import PracticeReport, practice_report
from ui.threads import collect_here, no_collection_in_this_thread

log = logging.getLogger(__name__)


class _Relay(QObject):
    """Carries a job's outcome back to the GUI thread (queued across threads)."""

    finished = Signal(int, object)
    failed = Signal(int, object)


class _Job(QRunnable):
    def __init__(
        self, db: Database, number: int, start: date, end: date, today: date, relay: _Relay
    ) -> None:
        super().__init__()
        self.db = db
        self.number = number
        self.start = start
        self.end = end
        self.today = today
        self.relay = relay

    def run(self) -> None:
        try:
            with no_collection_in_this_thread():  # see ui.threads
                report = practice_report(self.db, self.start, self.end, today=self.today)
        except Exception as exc:  # reported back to the page, never lost in the thread
            log.error("report %s..%s failed", self.start, self.end, exc_info=(type(exc), exc, None))
            self.relay.failed.emit(self.number, exc)
            return
        self.relay.finished.emit(self.number, report)


class ReportLoader(QObject):
    """``request(start, end, today)``; ``loaded(report)`` or ``failed(error)`` follow."""

    loaded = Signal(object)
    failed = Signal(object)
    busy_changed = Signal(bool)

    def __init__(self, db: Database, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.db = db
        # Owned by the loader: deleting it waits for a running job to end.
        self.pool = QThreadPool(self)
        self.pool.setMaxThreadCount(1)
        self._relay = _Relay(self)
        self._relay.finished.connect(self._finished)
        self._relay.failed.connect(self._failed)
        self._latest = 0
        self._busy = False

    @property
    def busy(self) -> bool:
        return self._busy

    @property
    def latest(self) -> int:
        """The number of the last request (results of earlier ones are dropped)."""
        return self._latest

    def request(self, start: date, end: date, today: date) -> int:
        self._latest += 1
        collect_here()  # on the GUI thread, never in the job's (see ui.threads)
        self.pool.clear()  # requests not started yet are stale already
        self.pool.start(_Job(self.db, self._latest, start, end, today, self._relay))
        self._set_busy(True)
        return self._latest

    def wait(self, msecs: int = 30_000) -> bool:
        """Block until every job has ended (for scripts and shutdown)."""
        return bool(self.pool.waitForDone(msecs))

    def _set_busy(self, busy: bool) -> None:
        if busy != self._busy:
            self._busy = busy
            self.busy_changed.emit(busy)

    @Slot(int, object)
    def _finished(self, number: int, report: object) -> None:
        if number != self._latest:
            return
        self._set_busy(False)
        self.loaded.emit(report)

    @Slot(int, object)
    def _failed(self, number: int, error: object) -> None:
        if number != self._latest:
            return
        self._set_busy(False)
        self.failed.emit(error)


__all__ = ["PracticeReport", "ReportLoader"]
