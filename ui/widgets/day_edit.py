"""A day field that never turns a typed day into another one.

Qt's date editor, given “30” typed into the day of a February date, keeps the “3” and
drops the “0” without a word: the form then holds 3 February. :class:`DayEdit` watches
the digits typed into the day: when they name a day the month does not have (30 or 31
February, 31 April…), the date goes back to what it was before the typing began, and
the field says so (``refused`` signal, a tooltip beside it, ``refusal`` text for tests
and screen readers). The person retypes; nothing else changes under them.

It is one tab stop (Tab leaves the field; ← → and the separators move between day, month
and year), and F4 or Alt+↓ opens the calendar.
"""

from __future__ import annotations

import calendar

from PySide6.QtCore import QDate, QEvent, QPoint, QPointF, Qt, Signal
from PySide6.QtGui import QFocusEvent, QKeyEvent, QMouseEvent
from PySide6.QtWidgets import (
    QApplication,
    QDateEdit,
    QDateTimeEdit,
    QStyle,
    QStyleOptionComboBox,
    QToolTip,
    QWidget,
)

from practice.timeutil import MONTH_NAMES


def leave_on_tab(edit: QDateTimeEdit, forward: bool) -> bool:
    """Tab leaves a date field (Qt's would walk its day, month, year and time first)."""
    return QWidget.focusNextPrevChild(edit, forward)


def open_calendar(edit: QDateTimeEdit) -> None:
    """Drop the calendar down, as a click on the field's arrow does."""
    if not edit.calendarPopup():
        return
    option = QStyleOptionComboBox()
    option.initFrom(edit)
    option.editable = True
    option.subControls = QStyle.SubControl.SC_All
    arrow = edit.style().subControlRect(
        QStyle.ComplexControl.CC_ComboBox, option, QStyle.SubControl.SC_ComboBoxArrow, edit
    )
    at = QPointF(arrow.center())
    left, none = Qt.MouseButton.LeftButton, Qt.MouseButton.NoButton
    for kind, button in ((QEvent.Type.MouseMove, none), (QEvent.Type.MouseButtonPress, left)):
        QApplication.sendEvent(
            edit,
            QMouseEvent(
                kind, at, edit.mapToGlobal(at), button, button, Qt.KeyboardModifier.NoModifier
            ),
        )


def calendar_key(edit: QDateTimeEdit, event: QKeyEvent) -> bool:
    """F4 or Alt+↓ opens the calendar; True when the key was that."""
    alt = bool(event.modifiers() & Qt.KeyboardModifier.AltModifier)
    if event.key() == Qt.Key.Key_F4 or (event.key() == Qt.Key.Key_Down and alt):
        open_calendar(edit)
        event.accept()
        return True
    return False


class MomentEdit(QDateTimeEdit):
    """A day and time field: one tab stop, F4 or Alt+↓ for the calendar."""

    def focusNextPrevChild(self, forward: bool) -> bool:  # noqa: N802 (Qt's name)
        return leave_on_tab(self, forward)

    def keyPressEvent(self, event: QKeyEvent) -> None:  # noqa: N802 (Qt's name)
        if not calendar_key(self, event):
            super().keyPressEvent(event)


class DayEdit(QDateEdit):
    #: The sentence saying why the day typed was not taken.
    refused = Signal(str)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.refusal = ""
        self._typed = ""
        self._before: QDate | None = None

    def focusNextPrevChild(self, forward: bool) -> bool:  # noqa: N802 (Qt's name)
        return leave_on_tab(self, forward)

    def _reset_typing(self) -> None:
        self._typed, self._before = "", None

    def focusInEvent(self, event: QFocusEvent) -> None:  # noqa: N802 (Qt's name)
        self._reset_typing()
        super().focusInEvent(event)

    def keyPressEvent(self, event: QKeyEvent) -> None:  # noqa: N802 (Qt's name)
        if calendar_key(self, event):
            return
        digit = event.text()
        in_day = self.currentSection() == QDateEdit.Section.DaySection
        # Qt moves on to the month after a first digit no day of this month continues
        # (a “3” in February): the next digit still belongs to the day being typed.
        continuing = len(self._typed) == 1 and digit.isdigit() and len(digit) == 1
        if not ((in_day or continuing) and digit.isdigit() and len(digit) == 1):
            self._reset_typing()
            super().keyPressEvent(event)
            return
        if not self._typed:
            self._before = self.date()
        typed = self._typed + digit
        shown = self.date()
        month_days = calendar.monthrange(shown.year(), shown.month())[1]
        if len(typed) == 2 and month_days < int(typed) <= 31:
            before = self._before or shown
            self.setDate(before)
            self._reset_typing()
            self.setCurrentSection(QDateEdit.Section.DaySection)
            self.setSelectedSection(QDateEdit.Section.DaySection)
            self._say(
                f"There is no {int(typed)} {MONTH_NAMES[shown.month() - 1]} {shown.year()}; "
                "the day was left as it was. Type a day of that month, or change the month first."
            )
            event.accept()
            return
        if not in_day:  # the digit was not for the day after all (“3”, then “9”)
            self._reset_typing()
            super().keyPressEvent(event)
            return
        self._typed = typed if len(typed) < 2 else ""
        super().keyPressEvent(event)
        if self.refusal:
            self.refusal = ""
            self.setToolTip("")

    def _say(self, text: str) -> None:
        self.refusal = text
        self.setToolTip(text)
        QToolTip.showText(self.mapToGlobal(QPoint(0, self.height())), text, self)
        self.refused.emit(text)
