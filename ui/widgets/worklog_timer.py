"""The Work log page's start/stop timer bar for unseen work. The running timer is a database row, so it
survives closing the app; the elapsed time shown here ticks every second."""

from __future__ import annotations

from datetime import datetime

from PySide6.QtCore import QTimer, Signal
from PySide6.QtGui import QFont
from PySide6.QtWidgets import (
    QHBoxLayout,
    QInputDialog,
    QLabel,
    QLineEdit,
    QMessageBox,
    QPushButton,
    QWidget,
)

from practice.db import Database
from practice.errors import PracticeError
from practice.models import WorkCategory, WorkLogEntry, label
from practice.services import worklog as worklog_service
from practice.services.worklog import TimerNeedsMinutesError
from practice.timeutil import utcnow
from ui import format as fmt
from ui.errors import guarded, show_refusal
from ui.widgets.choices import choice_combo
from ui.widgets.client_combo import ClientCombo


class WorkTimerBar(QWidget):
    """Start timing (category, optional client, note); while running, elapsed and Stop."""

    #: A work log entry was made (the timer stopped) or the timer started/was discarded.
    changed = Signal()

    def __init__(self, db: Database, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.db = db
        self.category = choice_combo(WorkCategory)
        self.client = ClientCombo(db, placeholder="No client")
        self.note = QLineEdit()
        self.note.setPlaceholderText("What you are working on")
        self.start_button = QPushButton("&Start timer")
        self.start_button.clicked.connect(self.start)

        self.running = QLabel()
        self.running.setObjectName("timerRunning")
        self.elapsed = QLabel()
        self.elapsed.setObjectName("timerElapsed")
        font = QFont(self.elapsed.font())
        font.setPointSizeF(font.pointSizeF() * 1.4)
        font.setBold(True)
        self.elapsed.setFont(font)
        self.stop_button = QPushButton("St&op and log")
        self.discard_button = QPushButton("&Discard")
        self.stop_button.clicked.connect(self.stop)
        self.discard_button.clicked.connect(self.discard)

        self.ticker = QTimer(self)
        self.ticker.setInterval(1000)
        self.ticker.timeout.connect(self._tick)

        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        self._idle = [QLabel("Timer:"), self.category, self.client, self.note, self.start_button]
        self._busy = [self.elapsed, self.running, self.stop_button, self.discard_button]
        for widget in self._idle:
            layout.addWidget(widget)
        for widget in self._busy:
            layout.addWidget(widget)
        layout.setStretch(layout.indexOf(self.note), 1)
        layout.setStretch(layout.indexOf(self.running), 1)
        self._started_at: datetime | None = None
        self.refresh()

    def refresh(self) -> None:
        """Show the timer as the database has it (running or not)."""
        timer = worklog_service.running_timer(self.db)
        self._started_at = timer.started_at if timer is not None else None
        for widget in self._idle:
            widget.setVisible(timer is None)
        for widget in self._busy:
            widget.setVisible(timer is not None)
        if timer is None:
            self.ticker.stop()
            if not self.client.hasFocus():
                self.client.reload()
            return
        who = ""
        if timer.client_id is not None:
            self.client.set_client_id(timer.client_id)
            who = f" for {self.client.currentText()}"
        note = f": {timer.note}" if timer.note else ""
        since = fmt.time_of(timer.started_at)
        self.running.setText(f"{label(timer.category)}{who}{note} — since {since}")
        self._tick()
        self.ticker.start()

    def _tick(self) -> None:
        if self._started_at is not None:
            seconds = int((utcnow() - self._started_at).total_seconds())
            self.elapsed.setText(fmt.elapsed(seconds))

    @guarded
    def start(self) -> None:
        try:
            worklog_service.start_timer(
                self.db,
                category=WorkCategory(self.category.currentData()),
                client_id=self.client.client_id(),
                note=self.note.text(),
            )
        except PracticeError as error:
            show_refusal(self, error)
            return
        self.note.clear()
        self.refresh()
        self.changed.emit()

    @guarded
    def stop(self) -> WorkLogEntry | None:
        try:
            entry = worklog_service.stop_timer(self.db)
        except TimerNeedsMinutesError as error:
            minutes, ok = QInputDialog.getInt(
                self,
                "How long did it take?",
                f"The timer ran for a long time ({error.message}). Minutes to log:",
                60,
                1,
                1440,
            )
            if not ok:
                return None
            entry = worklog_service.stop_timer(self.db, minutes=minutes)
        except PracticeError as error:
            show_refusal(self, error)
            return None
        self.refresh()
        self.changed.emit()
        return entry

    @guarded
    def discard(self) -> None:
        answer = QMessageBox.question(
            self, "Discard the timer", "Throw this timer away without logging its time?"
        )
        if answer != QMessageBox.StandardButton.Yes:
            return
        worklog_service.discard_timer(self.db)
        self.refresh()
        self.changed.emit()
