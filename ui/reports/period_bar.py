"""The period picker: week, month, quarter, year or custom dates, with previous and next.

The periods themselves (where a quarter starts, how far "next" goes) come from
:mod:`practice.economics.report_period`; this bar only shows and changes them.
"""

from __future__ import annotations

from datetime import date

from babel.dates import format_date
from PySide6.QtCore import QDate, Qt, Signal
from PySide6.QtGui import QKeySequence
from PySide6.QtWidgets import (
    QComboBox,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QStyle,
    QWidget,
)

from practice.economics.report_period import (
    PeriodKind,
    ReportPeriod,
    custom_period,
    period_containing,
    shift_period,
)
from practice.errors import ValidationError
from ui import format as fmt
from ui.errors import guarded
from ui.widgets.day_edit import DayEdit


def period_title(period: ReportPeriod, locale: str = fmt.DEFAULT_LOCALE) -> str:
    """``February 2026``, ``Q1 2026``, ``2026``, ``9 – 15 Mar 2026``, or the custom dates."""
    if period.kind == PeriodKind.MONTH:
        return str(format_date(period.start, "LLLL y", locale=locale))
    if period.kind == PeriodKind.QUARTER:
        return f"Q{(period.start.month - 1) // 3 + 1} {period.start.year}"
    if period.kind == PeriodKind.YEAR:
        return str(period.start.year)
    if period.start == period.end:
        return fmt.day(period.start, locale)
    return f"{fmt.day(period.start, locale)} – {fmt.day(period.end, locale)}"


class PeriodBar(QWidget):
    """Emits ``changed(ReportPeriod)`` whenever the period shown should change."""

    changed = Signal(object)

    def __init__(self, today: date, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.loc = fmt.DEFAULT_LOCALE
        self.today = today
        self._period = period_containing(PeriodKind.MONTH, today)

        self.kind = QComboBox()
        self.kind.setAccessibleName("Period")
        for kind in PeriodKind:
            self.kind.addItem(kind.label, kind.value)
        self.kind.setCurrentIndex(self.kind.findData(PeriodKind.MONTH.value))
        self.previous = QPushButton(
            self.style().standardIcon(QStyle.StandardPixmap.SP_ArrowBack), ""
        )
        self.previous.setToolTip("Previous period (Alt+Left)")
        self.previous.setAccessibleName("Previous period")
        self.previous.setShortcut(QKeySequence("Alt+Left"))
        self.next = QPushButton(
            self.style().standardIcon(QStyle.StandardPixmap.SP_ArrowForward), ""
        )
        self.next.setToolTip("Next period (Alt+Right)")
        self.next.setAccessibleName("Next period")
        self.next.setShortcut(QKeySequence("Alt+Right"))
        self.title = QLabel()
        self.title.setObjectName("period_title")
        font = self.title.font()
        font.setBold(True)
        self.title.setFont(font)
        self.title.setMinimumWidth(
            self.title.fontMetrics().horizontalAdvance("30 Sept 2026 – 30 Sept 2026")
        )
        self.current = QPushButton("This period")
        self.current.setToolTip("Back to the period that includes today")
        self.from_label = QLabel("From")
        self.start_edit = DayEdit()
        self.start_edit.setCalendarPopup(True)
        self.start_edit.setAccessibleName("First day")
        self.to_label = QLabel("to")
        self.end_edit = DayEdit()
        self.end_edit.setCalendarPopup(True)
        self.end_edit.setAccessibleName("Last day")
        self.from_label.setBuddy(self.start_edit)
        self.to_label.setBuddy(self.end_edit)
        self.error = QLabel()
        self.error.setObjectName("period_error")
        self.error.setStyleSheet(  # as FormErrors shows a refusal beside its field
            "color: palette(highlighted-text); background: #b3261e;"
            " border-radius: 3px; padding: 2px 6px;"
        )
        self.error.hide()

        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.kind)
        layout.addWidget(self.previous)
        layout.addWidget(self.title)
        layout.addWidget(self.next)
        layout.addWidget(self.current)
        for widget in (self.from_label, self.start_edit, self.to_label, self.end_edit, self.error):
            layout.addWidget(widget)

        self.kind.currentIndexChanged.connect(self._kind_changed)
        self.previous.clicked.connect(lambda: self.step(-1))
        self.next.clicked.connect(lambda: self.step(1))
        self.current.clicked.connect(self._back_to_today)
        self.start_edit.dateChanged.connect(self._dates_edited)
        self.end_edit.dateChanged.connect(self._dates_edited)
        self._show()

    @property
    def period(self) -> ReportPeriod:
        return self._period

    def set_period(self, period: ReportPeriod, *, announce: bool = True) -> None:
        """Show ``period`` (and announce it unless told not to)."""
        self._period = period
        if self.kind.currentData() != period.kind.value:
            self.kind.blockSignals(True)
            self.kind.setCurrentIndex(self.kind.findData(period.kind.value))
            self.kind.blockSignals(False)
        self._show()
        if announce:
            self.changed.emit(period)

    @guarded
    def step(self, steps: int) -> None:
        self.set_period(shift_period(self._period, steps))

    @guarded
    def _back_to_today(self) -> None:
        kind = self._period.kind
        if kind == PeriodKind.CUSTOM:
            kind = PeriodKind.MONTH
        self.set_period(period_containing(kind, self.today))

    @guarded
    def _kind_changed(self, _index: int) -> None:
        kind = PeriodKind(self.kind.currentData())
        if kind == PeriodKind.CUSTOM:
            self.set_period(custom_period(self._period.start, self._period.end))
        else:
            # the new kind of period around the start of the one shown (or today when
            # today falls in it), so switching kinds never jumps far away
            anchor = (
                self.today
                if self._period.start <= self.today <= self._period.end
                else self._period.start
            )
            self.set_period(period_containing(kind, anchor))

    @guarded
    def _dates_edited(self, _date: QDate) -> None:
        if self._period.kind != PeriodKind.CUSTOM:
            return
        start = self.start_edit.date().toPython()
        end = self.end_edit.date().toPython()
        assert isinstance(start, date) and isinstance(end, date)
        try:
            period = custom_period(start, end)
        except ValidationError as error:
            self.error.setText(error.message.capitalize())
            self.error.show()
            return
        self.error.hide()
        if period != self._period:
            self.set_period(period)

    def _show(self) -> None:
        custom = self._period.kind == PeriodKind.CUSTOM
        self.title.setText(period_title(self._period, self.loc))
        self.title.setVisible(not custom)
        for widget in (self.from_label, self.start_edit, self.to_label, self.end_edit):
            widget.setVisible(custom)
        for edit, day in ((self.start_edit, self._period.start), (self.end_edit, self._period.end)):
            edit.blockSignals(True)
            edit.setDate(QDate(day.year, day.month, day.day))
            edit.blockSignals(False)
        if custom:
            self.error.hide()
        tip = f"{fmt.day(self._period.start, self.loc)} to {fmt.day(self._period.end, self.loc)}"
        self.title.setToolTip(tip)
        self.title.setAlignment(Qt.AlignmentFlag.AlignCenter)
