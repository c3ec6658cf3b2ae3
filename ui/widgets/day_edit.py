"""A day field that never turns a typed day into another one.

Qt's date editor, given “30” typed into the day of a February date, keeps the “3” and
drops the “0” without a word: the form then holds 3 February. :class:`DayEdit` watches
the digits typed into the day: when they name a day the month does not have (30 or 31
February, 31 April…), the date goes back to what it was before the typing began, and
the field says so (``refused`` signal, a tooltip beside it, ``refusal`` text for tests
and screen readers). The person retypes; nothing else changes under them.

A whole date can be typed in the practice's order (``10/02/2027`` or ``10.2.2027`` in
Britain, ``2/10/2027`` in the United States, ``2027-02-10`` anywhere): when the digits and
separators typed since the field was entered make a whole date, that date is taken; an
impossible one (``30/02/2027``) is refused in words and the date left as it was; and
leaving the field with half a date typed puts the date back and says so. Qt's own
section typing, which took ``3/4/2026`` as 28 February, never decides a typed date.

It is one tab stop (Tab leaves the field; ← → move between day, month and year), and F4
or Alt+↓ opens the calendar.
"""

from __future__ import annotations

import calendar
import re
from datetime import date

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

#: The order the practice writes a date's day, month and year in ("DMY", "MDY", "YMD").
_order = "DMY"

_SEPARATORS = "/.-"
_WHOLE = re.compile(r"^(\d{1,4})[/.-](\d{1,2})[/.-](\d{1,4})$")


_order_locale = ""


def use_date_order(locale: str) -> None:
    """Read typed dates in the order ``locale`` writes them (set by the app from the
    practice's locale, and again when it changes). Worked out when first needed, so the
    locale's data is not loaded at start-up."""
    global _order, _order_locale
    _order_locale = locale
    _order = ""


def date_order() -> str:
    """ "DMY", "MDY" or "YMD": the order the practice writes a date in."""
    global _order
    if not _order:
        _order = _order_of(_order_locale or "en_GB")
    return _order


def _order_of(locale: str) -> str:
    try:
        from babel.dates import get_date_format

        pattern = str(get_date_format("short", locale=locale).pattern)
    except Exception:  # an unknown locale: the practice's default order
        pattern = "dd/MM/y"
    positions = {k: pattern.find(k) for k in "dMy"}
    return "".join(
        {"d": "D", "M": "M", "y": "Y"}[k] for k in sorted(positions, key=positions.__getitem__)
    )


def typed_date(text: str, order: str | None = None, *, final: bool = False) -> date | None | str:
    """The date ``text`` names in ``order`` (the practice's by default): a ``date``; a
    sentence when it is a whole date that does not exist; ``None`` when it is not a whole
    date yet. A four-digit first part is always a year (``2027-02-10``). A day or month
    typed last is whole at two digits, or when the typing ends (``final``)."""
    match = _WHOLE.match(text)
    if match is None:
        return None
    order = order or date_order()
    parts = [match.group(1), match.group(2), match.group(3)]
    if len(parts[0]) == 4:
        order = "YMD"
    if order[-1] != "Y" and len(parts[2]) < 2 and not final:
        return None  # "2027-02-1" may still become the 10th
    values = dict(zip(order, (int(part) for part in parts), strict=True))
    year_text = parts[order.index("Y")]
    if len(year_text) != 4:
        return None  # a year is typed whole: "10/02/27" is not taken as 27 AD or 2027
    year, month, day = values["Y"], values["M"], values["D"]
    if not 1 <= month <= 12:
        return f"“{text}” has no month {month}; the date was left as it was."
    last = calendar.monthrange(year, month)[1] if 1 <= year <= 9999 else 0
    if not 1 <= day <= last:
        return f"There is no {day} {MONTH_NAMES[month - 1]} {year}; the date was left as it was."
    return date(year, month, day)


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
        self._entry = ""  # digits and separators typed since the field was entered
        self._entry_before: QDate | None = None

    def focusNextPrevChild(self, forward: bool) -> bool:  # noqa: N802 (Qt's name)
        return leave_on_tab(self, forward)

    def _reset_typing(self) -> None:
        self._typed, self._before = "", None

    def focusInEvent(self, event: QFocusEvent) -> None:  # noqa: N802 (Qt's name)
        self._reset_typing()
        self._entry, self._entry_before = "", None
        super().focusInEvent(event)
        if event.reason() != Qt.FocusReason.MouseFocusReason:
            # Shift+Tab would land in the year, where a typed date became year 3002:
            # from the keyboard, the field is always entered at its start
            self.setCurrentSectionIndex(0)
            self.setSelectedSection(self.sectionAt(0))

    def focusOutEvent(self, event: QFocusEvent) -> None:  # noqa: N802 (Qt's name)
        self._finish_entry()
        super().focusOutEvent(event)

    def _finish_entry(self) -> None:
        """The typing of a whole date ends (the field is left, or another key pressed):
        take what was typed, or put the date back and say why."""
        if any(c in _SEPARATORS for c in self._entry):
            entry, before = self._entry, self._entry_before or self.date()
            found = typed_date(entry, final=True)
            self._entry, self._entry_before = "", None
            if found is None:
                found = f"“{entry}” is not a whole date; the date was left as it was."
            self._take(found, before)
        self._entry, self._entry_before = "", None

    def keyPressEvent(self, event: QKeyEvent) -> None:  # noqa: N802 (Qt's name)
        if calendar_key(self, event):
            return
        key_text = event.text()
        date_key = len(key_text) == 1 and (key_text.isdigit() or key_text in _SEPARATORS)
        if date_key and (self._entry or self.currentSectionIndex() == 0):
            # a whole date is typed from the first section (where the field starts)
            if not self._entry:
                self._entry_before = self.date()
            self._entry += key_text
            if any(c in _SEPARATORS for c in self._entry):
                self._whole_date(event)
                return
            self._entry = self._entry[-4:]  # digits for the day (or a year) so far
        else:
            self._finish_entry()
        digit = key_text
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

    def _whole_date(self, event: QKeyEvent) -> None:
        """Typing a whole date: Qt's sections are not asked; the date is set when it is
        whole (or refused when it does not exist)."""
        event.accept()
        self._reset_typing()
        found = typed_date(self._entry)
        if found is None:
            self.setToolTip(f"Typing {self._entry}…")
            return
        before = self._entry_before or self.date()
        self._entry, self._entry_before = "", None
        self._take(found, before)

    def _take(self, found: date | str, before: QDate) -> None:
        """Show the date typed, or put ``before`` back and say why it was not taken."""
        if isinstance(found, str):
            self.setDate(before)
            self._say(found)
            return
        wanted = QDate(found.year, found.month, found.day)
        if not self.minimumDate() <= wanted <= self.maximumDate():
            self.setDate(before)
            self._say(f"{found.isoformat()} is outside the days this field takes.")
            return
        self.setDate(wanted)
        self.refusal = ""
        self.setToolTip("")

    def _say(self, text: str) -> None:
        self.refusal = text
        self.setToolTip(text)
        QToolTip.showText(self.mapToGlobal(QPoint(0, self.height())), text, self)
        self.refused.emit(text)
