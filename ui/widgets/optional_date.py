"""A date that may be left out: a tick box and a date (a birth date, a consent date), or a
date edit whose minimum means "none" (an action item's due date)."""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import QDate, QEvent, QObject, Signal
from PySide6.QtWidgets import QCheckBox, QDateEdit, QHBoxLayout, QWidget

from ui.widgets.day_edit import DayEdit


class OptionalDateEdit(QWidget):
    changed = Signal()

    def __init__(self, check_text: str = "Known", parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.check = QCheckBox(check_text)
        self.edit = DayEdit()
        self.edit.setCalendarPopup(True)
        self.edit.setDisplayFormat("d MMM yyyy")
        self.edit.setMinimumDate(QDate(1900, 1, 1))
        self.edit.setMaximumDate(QDate(2199, 12, 31))  # the days the app keeps
        self.edit.setDate(QDate.currentDate())
        self.edit.setEnabled(False)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.check)
        layout.addWidget(self.edit, 1)
        self.setFocusProxy(self.check)
        self.check.toggled.connect(self.edit.setEnabled)
        self.check.toggled.connect(lambda _on: self.changed.emit())
        self.edit.dateChanged.connect(lambda _d: self.changed.emit())

    def value(self) -> date | None:
        if not self.check.isChecked():
            return None
        picked: date = self.edit.date().toPython()  # type: ignore[assignment]
        return picked

    def set_value(self, value: date | None) -> None:
        self.check.setChecked(value is not None)
        if value is not None:
            self.edit.setDate(QDate(value.year, value.month, value.day))


class CalendarOpensToday(QObject):
    """A date edit whose empty value is its minimum date: open its calendar at this month."""

    def __init__(self, edit: QDateEdit) -> None:
        super().__init__(edit)
        calendar = edit.calendarWidget()
        if calendar is not None:
            calendar.installEventFilter(self)
        self.edit = edit

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        calendar = self.edit.calendarWidget()
        if (
            event.type() == QEvent.Type.Show
            and watched is calendar
            and self.edit.date() == self.edit.minimumDate()
        ):
            now = QDate.currentDate()
            calendar.setCurrentPage(now.year(), now.month())
        return False
