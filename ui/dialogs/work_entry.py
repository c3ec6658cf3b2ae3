"""Correct a work log entry: its date, time, category or note (``update_work``)."""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import QDate
from PySide6.QtWidgets import (
    QComboBox,
    QDateEdit,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from practice.errors import PracticeError
from practice.models import WorkCategory, WorkLogEntry, label
from practice.services import worklog as worklog_service
from ui.context import AppContext
from ui.errors import guarded, show_refusal
from ui.widgets.field_box import field_box
from ui.widgets.form_errors import FormErrors


class WorkEntryDialog(QDialog):
    def __init__(
        self, ctx: AppContext, entry: WorkLogEntry, who: str, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.entry_id = entry.id
        self.errors = FormErrors()
        self.setWindowTitle("Work log entry")
        self.work_date = QDateEdit(
            QDate(entry.work_date.year, entry.work_date.month, entry.work_date.day)
        )
        self.work_date.setCalendarPopup(True)
        self.work_date.setDisplayFormat("ddd d MMM yyyy")
        self.work_date.setMaximumDate(QDate.currentDate())
        self.minutes = QSpinBox()
        self.minutes.setRange(1, 1440)
        self.minutes.setSingleStep(5)
        self.minutes.setSuffix(" min")
        self.minutes.setValue(entry.minutes)
        self.category = QComboBox()
        for category in WorkCategory:
            self.category.addItem(label(category), category.value)
        self.category.setCurrentIndex(self.category.findData(entry.category.value))
        self.note = QLineEdit(entry.note)

        form = QFormLayout()
        if who:
            form.addRow("Client:", QLabel(who))
        form.addRow("&Date:", field_box(self.errors, "work_date", self.work_date))
        form.addRow("&Time:", field_box(self.errors, "minutes", self.minutes))
        form.addRow("&Category:", field_box(self.errors, "category", self.category))
        form.addRow("&Note:", field_box(self.errors, "note", self.note))
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel
        )
        buttons.accepted.connect(self.save)
        buttons.rejected.connect(self.reject)
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
