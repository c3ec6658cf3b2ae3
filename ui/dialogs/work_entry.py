"""Correct a work log entry: its date, time, category or note (``update_work``)."""

from __future__ import annotations

from datetime import date

from PySide6.QtWidgets import (
    QDialog,
    QFormLayout,
    QLabel,
    QLineEdit,
    QVBoxLayout,
    QWidget,
)

from practice.errors import PracticeError
from practice.models import WorkCategory, WorkLogEntry
from practice.services import worklog as worklog_service
from ui.context import AppContext
from ui.errors import guarded, show_refusal
from ui.widgets.choices import choice_combo
from ui.widgets.dialog_buttons import save_cancel_buttons
from ui.widgets.field_box import field_box
from ui.widgets.form_errors import FormErrors
from ui.widgets.time_fields import day_edit, minutes_spin


class WorkEntryDialog(QDialog):
    def __init__(
        self, ctx: AppContext, entry: WorkLogEntry, who: str, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.entry_id = entry.id
        self.shown_version = entry.version  # a save over someone else's since is refused
        self.errors = FormErrors()
        self.setWindowTitle("Work log entry")
        self.work_date = day_edit(entry.work_date, weekday=True, up_to_today=True)
        self.minutes = minutes_spin(minimum=1, maximum=1440, value=entry.minutes)
        self.category = choice_combo(WorkCategory)
        self.category.setCurrentIndex(self.category.findData(entry.category.value))
        self.note = QLineEdit(entry.note)

        form = QFormLayout()
        if who:
            form.addRow("Client:", QLabel(who))
        form.addRow("&Date:", field_box(self.errors, "work_date", self.work_date))
        form.addRow("&Time:", field_box(self.errors, "minutes", self.minutes))
        form.addRow("&Category:", field_box(self.errors, "category", self.category))
        form.addRow("&Note:", field_box(self.errors, "note", self.note))
        buttons = save_cancel_buttons(self, self.save)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(buttons)
        self.setMinimumWidth(420)

    @guarded
    def save(self) -> None:
        self.errors.clear()
        work_date: date = self.work_date.date().toPython()  # type: ignore[assignment]
        try:
            worklog_service.update_work(
                self.ctx.db,
                self.entry_id,
                expected_version=self.shown_version,
                work_date=work_date,
                minutes=self.minutes.value(),
                category=WorkCategory(self.category.currentData()),
                note=self.note.text(),
            )
        except PracticeError as error:
            self.errors.refuse(error, lambda e: show_refusal(self, e))
            return
        self.ctx.changed("work")
        self.accept()
