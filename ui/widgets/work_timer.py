"""The running work timer for unseen work: start, stop (logs the time) or discard.

The timer is a database row (``practice.services.worklog``), so it keeps running when
the app is closed and opened again; this widget only shows it and ticks every second.
"""

from __future__ import annotations

from PySide6.QtCore import QTimer, Signal
from PySide6.QtWidgets import (
    QComboBox,
    QGridLayout,
    QGroupBox,
    QHBoxLayout,
    QInputDialog,
    QLabel,
    QLineEdit,
    QPushButton,
    QWidget,
)

from practice.errors import PracticeError, ValidationError
from practice.models import ClientStatus, WorkCategory, WorkTimer, label
from practice.services.clients import list_clients
from practice.services.worklog import (
    TimerNeedsMinutesError,
    discard_timer,
    running_timer,
    start_timer,
    stop_timer,
)
from practice.timeutil import utcnow
from ui import format as fmt
from ui.context import AppContext
from ui.errors import guarded, show_refusal
from ui.widgets.choices import choice_combo
from ui.widgets.page_header import heading_font


class WorkTimerBox(QGroupBox):
    """``changed`` is emitted after a start, stop or discard."""

    changed = Signal()

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__("Work timer", parent)
        self.ctx = ctx
        self.timer: WorkTimer | None = None
        self.elapsed = QLabel()
        self.elapsed.setObjectName("timer_elapsed")
        self.elapsed.setFont(heading_font(self.elapsed.font(), 1.5))
        self.what = QLabel()
        self.what.setWordWrap(True)
        self.category = choice_combo(WorkCategory)
        self.category.setObjectName("timer_category")
        self.client = QComboBox()
        self.client.setObjectName("timer_client")
        self.note = QLineEdit()
        self.note.setPlaceholderText("What you are working on (optional)")
        self.start_button = QPushButton("&Start timer")
        self.stop_button = QPushButton("St&op and log")
        self.discard_button = QPushButton("Discard")
        self.start_button.clicked.connect(self.start)
        self.stop_button.clicked.connect(self.stop)
        self.discard_button.clicked.connect(self.discard)

        grid = QGridLayout(self)
        grid.addWidget(self.what, 0, 0, 1, 3)
        grid.addWidget(self.elapsed, 1, 0, 1, 3)
        category_label = QLabel("&Category:")
        category_label.setBuddy(self.category)
        client_label = QLabel("C&lient:")
        client_label.setBuddy(self.client)
        grid.addWidget(category_label, 2, 0)
        grid.addWidget(self.category, 2, 1, 1, 2)
        grid.addWidget(client_label, 3, 0)
        grid.addWidget(self.client, 3, 1, 1, 2)
        grid.addWidget(self.note, 4, 0, 1, 3)
        buttons = QHBoxLayout()
        buttons.addStretch(1)
        buttons.addWidget(self.discard_button)
        buttons.addWidget(self.stop_button)
        buttons.addWidget(self.start_button)
        grid.addLayout(buttons, 5, 0, 1, 3)
        grid.setColumnStretch(1, 1)
        self._controls: tuple[QWidget, ...] = (
            self.category,
            self.client,
            self.note,
            category_label,
            client_label,
        )

        self._tick = QTimer(self)
        self._tick.setInterval(1000)
        self._tick.timeout.connect(self._show_elapsed)

    def refresh(self) -> None:
        self.timer = running_timer(self.ctx.db)
        running = self.timer is not None
        current_client = self.client.currentData()
        self.client.clear()
        self.client.addItem("No particular client", None)
        for row in list_clients(self.ctx.db, statuses=[ClientStatus.ACTIVE]):
            self.client.addItem(row.display_name, row.id)
        index = self.client.findData(current_client)
        self.client.setCurrentIndex(max(0, index))
        for widget in self._controls:
            widget.setVisible(not running)
        self.start_button.setVisible(not running)
        self.stop_button.setVisible(running)
        self.discard_button.setVisible(running)
        self.elapsed.setVisible(running)
        if self.timer is not None:
            self.what.setText(self._describe(self.timer))
            self._show_elapsed()
            self._tick.start()
        else:
            self.what.setText("Not running. Time prep, write-up or admin as you do it.")
            self._tick.stop()

    def _describe(self, timer: WorkTimer) -> str:
        parts = [label(timer.category)]
        if timer.client_id is not None:
            index = self.client.findData(timer.client_id)
            if index >= 0:
                parts.append(self.client.itemText(index))
        if timer.note:
            parts.append(timer.note)
        started = fmt.time_of(timer.started_at)
        return " · ".join(parts) + f" — started {started}"

    def _show_elapsed(self) -> None:
        if self.timer is None:
            return
        seconds = int((utcnow() - self.timer.started_at).total_seconds())
        self.elapsed.setText(fmt.elapsed(seconds))

    @guarded
    def start(self) -> None:
        try:
            start_timer(
                self.ctx.db,
                category=WorkCategory(self.category.currentData()),
                client_id=self.client.currentData(),
                note=self.note.text(),
            )
        except PracticeError as exc:
            show_refusal(self, exc, "Timer not started")
            return
        self.note.clear()
        self._after_change()

    @guarded
    def stop(self) -> None:
        try:
            stop_timer(self.ctx.db)
        except TimerNeedsMinutesError as exc:
            minutes, ok = QInputDialog.getInt(
                self,
                "How long did you work?",
                f"The timer {exc.message[:-1]}\nMinutes to log:",
                60,
                1,
                1440,
            )
            if not ok:
                return
            try:
                stop_timer(self.ctx.db, minutes=minutes)
            except ValidationError as again:
                show_refusal(self, again, "Time not logged")
                return
        except PracticeError as exc:
            show_refusal(self, exc, "Time not logged")
            return
        self._after_change()

    @guarded
    def discard(self) -> None:
        discard_timer(self.ctx.db)
        self._after_change()

    def _after_change(self) -> None:
        self.refresh()
        self.changed.emit()
        self.ctx.changed("work")
