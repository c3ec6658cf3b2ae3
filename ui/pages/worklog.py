"""Work log: the unseen work (prep, write-up, supervision, admin…), added by hand or
timed, listed by category, client and period with the total time shown."""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import QDate
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QGridLayout,
    QGroupBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QMessageBox,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from practice.economics.report_period import PeriodKind, period_containing, shift_period
from practice.errors import PracticeError, ValidationError
from practice.models import WorkCategory, label
from practice.services import profile as profile_service
from practice.services import worklog as worklog_service
from practice.services.clients import list_clients
from practice.timeutil import today
from ui import format as fmt
from ui.context import AppContext
from ui.dialogs.work_entry import WorkEntryDialog
from ui.errors import guarded, show_refusal
from ui.models.worklog import WorkLogModel
from ui.transfer.csv_button import CsvExportButton
from ui.widgets.choices import choice_combo, fill_active_enrolments
from ui.widgets.client_combo import ClientCombo
from ui.widgets.form_errors import FormErrors
from ui.widgets.page_header import page_title
from ui.widgets.time_fields import day_edit, minutes_spin
from ui.widgets.worklog_timer import WorkTimerBar

PERIODS = ("This week", "This month", "Last month", "Custom")


#: Each named period as (kind, how many periods back from the one holding today).
_PERIOD_KINDS = {
    "This week": (PeriodKind.WEEK, 0),
    "This month": (PeriodKind.MONTH, 0),
    "Last month": (PeriodKind.MONTH, -1),
}


def period_dates(name: str, day: date) -> tuple[date, date]:
    """First and last day (both included) of a named period around ``day``."""
    kind, steps = _PERIOD_KINDS.get(name, (PeriodKind.MONTH, 0))
    period = shift_period(period_containing(kind, day), steps)
    return period.start, period.end


class WorklogPage(QWidget):
    key = "worklog"
    title = "Work log"

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.errors = FormErrors()
        self.practice_locale = fmt.DEFAULT_LOCALE

        self.timer = WorkTimerBar(ctx.db)
        self.timer.changed.connect(self._timer_changed)

        # Quick add.
        self.work_date = day_edit(today())
        self.minutes = minutes_spin(minimum=1, maximum=1440, value=15)
        self.category = choice_combo(WorkCategory)
        self.client = ClientCombo(ctx.db, placeholder="No client")
        self.enrolment = QComboBox()
        self.enrolment.setMinimumContentsLength(16)
        self.note = QLineEdit()
        self.note.setPlaceholderText("Note (optional)")
        self.note.returnPressed.connect(self.add_entry)
        self.add_button = QPushButton("&Add")
        self.add_button.clicked.connect(self.add_entry)
        self.client.client_changed.connect(self._client_changed)

        # Filters.
        self.filter_category = choice_combo(WorkCategory, everything="All categories")
        self.filter_client = ClientCombo(ctx.db, placeholder="All clients")
        self.period = QComboBox()
        self.period.addItems(PERIODS)
        self.period.setCurrentText("This month")
        start, end = period_dates("This month", today())
        self.start = day_edit(start)
        self.end = day_edit(end)
        for widget in (self.filter_category, self.period):
            widget.currentIndexChanged.connect(self._filters_changed)
        self.filter_client.client_changed.connect(lambda _: self.refresh())
        self.start.dateChanged.connect(self.refresh)
        self.end.dateChanged.connect(self.refresh)

        self.model = WorkLogModel()
        self.view = QTableView()
        self.view.setObjectName("workLog")
        self.view.setModel(self.model)
        self.view.verticalHeader().hide()
        self.view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.view.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.view.setAlternatingRowColors(True)
        self.view.setWordWrap(False)
        header = self.view.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setStretchLastSection(True)
        self.total = QLabel()
        self.total.setObjectName("workTotal")
        self.edit_button = QPushButton("Edit ent&ry…")
        self.edit_button.clicked.connect(self.edit_selected)
        self.view.activated.connect(lambda _: self.edit_selected())  # double-click or Enter
        self.delete_button = QPushButton("De&lete entry")
        self.delete_button.clicked.connect(self.delete_selected)
        self.view.selectionModel().selectionChanged.connect(self._sync_buttons)

        self._build_layout()
        self._client_changed(None)
        self._filters_changed()

    def _build_layout(self) -> None:
        timer_box = QGroupBox("Time unseen work as you do it")
        timer_layout = QVBoxLayout(timer_box)
        timer_layout.addWidget(self.timer)

        add_box = QGroupBox("Add work")
        grid = QGridLayout(add_box)
        for column, (text, widget) in enumerate(
            (
                ("&Date", self.work_date),
                ("&Time", self.minutes),
                ("Categ&ory", self.category),
                ("&Client", self.client),
                ("&Programme", self.enrolment),
                ("&Note", self.note),
            )
        ):
            caption = QLabel(text)
            caption.setBuddy(widget)
            grid.addWidget(caption, 0, column)
            grid.addWidget(widget, 1, column)
        grid.addWidget(self.add_button, 1, 6)
        grid.setColumnStretch(5, 1)
        errors = QVBoxLayout()
        for field, widget in (
            ("work_date", self.work_date),
            ("minutes", self.minutes),
            ("category", self.category),
            ("client", self.client),
            ("enrolment", self.enrolment),
            ("note", self.note),
        ):
            errors.addWidget(self.errors.add(field, widget))
        grid.addLayout(errors, 2, 0, 1, 7)

        filters = QHBoxLayout()
        filters.addWidget(QLabel("Show:"))
        filters.addWidget(self.filter_category)
        filters.addWidget(self.filter_client)
        filters.addWidget(self.period)
        filters.addWidget(self.start)
        filters.addWidget(QLabel("to"))
        filters.addWidget(self.end)
        filters.addStretch(1)

        bottom = QHBoxLayout()
        bottom.addWidget(self.total, 1)
        bottom.addWidget(CsvExportButton(self.ctx, ["work-log"], self))
        bottom.addWidget(self.edit_button)
        bottom.addWidget(self.delete_button)

        layout = QVBoxLayout(self)
        layout.setContentsMargins(24, 18, 24, 18)
        layout.addWidget(
            page_title(
                "Work log",
                "The unseen work: preparation, write-up, supervision, admin and more.",
            )
        )
        layout.addWidget(timer_box)
        layout.addWidget(add_box)
        layout.addLayout(filters)
        layout.addWidget(self.view, 1)
        layout.addLayout(bottom)

    # -- the page contract -----------------------------------------------
    @guarded
    def refresh(self) -> None:
        self.practice_locale = self.model.locale = profile_service.get_profile(self.ctx.db).locale
        for combo in (self.client, self.filter_client):
            if not combo.hasFocus():
                combo.reload()
        self.model.client_names = {row.id: row.display_name for row in list_clients(self.ctx.db)}
        start: date = self.start.date().toPython()  # type: ignore[assignment]
        end: date = self.end.date().toPython()  # type: ignore[assignment]
        category = self.filter_category.currentData()
        categories = [WorkCategory(category)] if category else None
        client_id = self.filter_client.client_id()
        entries = worklog_service.list_work(
            self.ctx.db, start=start, end=end, categories=categories, client_id=client_id
        )
        self.model.set_rows(entries)
        self.view.scrollToBottom()  # oldest first, so the latest work is in view
        count = len(entries)
        if count:
            minutes = worklog_service.total_work_minutes(
                self.ctx.db, start=start, end=end, categories=categories, client_id=client_id
            )
            self.total.setText(
                f"Total: <b>{fmt.duration(minutes)}</b> ({minutes:,} minutes)"
                f" in {count} {'entry' if count == 1 else 'entries'}"
            )
        else:
            self.total.setText("No work logged for these filters.")
        self.timer.refresh()
        self._sync_buttons()

    def open_item(self, payload: object) -> None:
        """``payload`` is a client id: show that client's work."""
        if isinstance(payload, int):
            self.filter_client.set_client_id(payload)
            self.refresh()

    def new_item(self) -> None:
        self.minutes.setFocus()
        self.minutes.selectAll()

    def focus_search(self) -> None:
        self.filter_client.setFocus()

    # -- filters ---------------------------------------------------------
    def _filters_changed(self) -> None:
        name = self.period.currentText()
        custom = name == "Custom"
        self.start.setEnabled(custom)
        self.end.setEnabled(custom)
        if not custom:
            start, end = period_dates(name, today())
            for edit, value in ((self.start, start), (self.end, end)):
                edit.blockSignals(True)
                edit.setDate(QDate(value.year, value.month, value.day))
                edit.blockSignals(False)
        self.refresh()

    @guarded
    def _client_changed(self, client_id: int | None) -> None:
        fill_active_enrolments(self.enrolment, self.ctx.db, client_id, none_text="—")

    def _sync_buttons(self) -> None:
        chosen = bool(self.view.selectionModel().selectedRows())
        self.delete_button.setEnabled(chosen)
        self.edit_button.setEnabled(chosen)

    def _timer_changed(self) -> None:
        self.ctx.changed("work")
        self.refresh()

    # -- actions ---------------------------------------------------------
    @guarded
    def add_entry(self) -> None:
        self.errors.clear()
        typed_client = self.client.currentText().strip()
        if typed_client and self.client.client_id() is None:
            self.errors.show(ValidationError("client", f"no client is called “{typed_client}”."))
            return
        work_date: date = self.work_date.date().toPython()  # type: ignore[assignment]
        try:
            worklog_service.log_work(
                self.ctx.db,
                work_date=work_date,
                minutes=self.minutes.value(),
                category=WorkCategory(self.category.currentData()),
                client_id=self.client.client_id(),
                enrolment_id=self.enrolment.currentData(),
                note=self.note.text(),
            )
        except PracticeError as error:
            self.errors.refuse(error, lambda e: show_refusal(self, e))
            return
        self.note.clear()
        self.ctx.changed("work")
        self.refresh()
        self.minutes.setFocus()

    @guarded
    def edit_selected(self) -> None:
        rows = self.view.selectionModel().selectedRows()
        if not rows:
            return
        entry = self.model.row_at(rows[0].row())
        who = self.model.client_names.get(entry.client_id, "") if entry.client_id else ""
        if WorkEntryDialog(self.ctx, entry, who, self).exec():
            self.refresh()

    @guarded
    def delete_selected(self) -> None:
        rows = self.view.selectionModel().selectedRows()
        if not rows:
            return
        entry = self.model.row_at(rows[0].row())
        answer = QMessageBox.question(
            self,
            "Delete work log entry",
            f"Delete {fmt.duration(entry.minutes)} of {label(entry.category).lower()}"
            f" on {fmt.day(entry.work_date, self.practice_locale)}?",
        )
        if answer != QMessageBox.StandardButton.Yes:
            return
        worklog_service.delete_work(self.ctx.db, entry.id)
        self.ctx.changed("work")
        self.refresh()
