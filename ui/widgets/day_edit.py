"""A day field that never turns a typed day into another one.

Qt's date editor, given “30” typed into the day of a February date, keeps the “3” and
drops the “0” without a word: the form then holds 3 February. :class:`DayEdit` watches
the digits typed into the day: when they name a day the month does not have (30 or 31
February, 31 April…), the date goes back to what it was before the typing began, and
the field says so (``refused`` signal, a tooltip beside it, ``refusal`` text for tests
and screen readers). The person retypes; nothing else changes under them.
"""

from __future__ import annotations

import calendar

from PySide6.QtCore import QDate, QPoint, Signal
from PySide6.QtGui import QFocusEvent, QKeyEvent
from PySide6.QtWidgets import QDateEdit, QToolTip, QWidget

from practice.timeutil import MONTH_NAMES


class DayEdit(QDateEdit):
    #: The sentence saying why the day typed was not taken.
    refused = Signal(str)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.refusal = ""
        self._typed = ""
        self._before: QDate | None = None

    def _reset_typing(self) -> None:
        self._typed, self._before = "", None

    def focusInEvent(self, event: QFocusEvent) -> None:  # noqa: N802 (Qt's name)
        self._reset_typing()
        super().focusInEvent(event)

    def keyPressEvent(self, event: QKeyEvent) -> None:  # noqa: N802 (Qt's name)
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
