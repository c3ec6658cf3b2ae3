"""The editors every form uses for days, session start times and minutes, so they look
and step alike everywhere."""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import QDate
from PySide6.QtWidgets import QDateEdit, QDateTimeEdit, QSpinBox

from practice.timeutil import today
from ui.widgets.day_edit import DayEdit, MomentEdit

DAY_FORMAT = "d MMM yyyy"
WEEKDAY_FORMAT = "ddd d MMM yyyy"
START_FORMAT = "ddd d MMM yyyy  HH:mm"


def day_edit(
    value: date | None = None, *, weekday: bool = False, up_to_today: bool = False
) -> QDateEdit:
    """A day picker with a calendar, showing ``value`` (today when None).

    ``weekday`` names the day of the week too; ``up_to_today`` stops at today, for
    days the services refuse when still to come.
    """
    edit = DayEdit()  # a day the month does not have is refused, never rolled
    edit.setCalendarPopup(True)
    edit.setDisplayFormat(WEEKDAY_FORMAT if weekday else DAY_FORMAT)
    if up_to_today:
        edit.setMaximumDate(QDate.currentDate())
    set_day(edit, value or today())
    return edit


def set_day(edit: QDateEdit, value: date) -> None:
    edit.setDate(QDate(value.year, value.month, value.day))


def day_of(edit: QDateEdit) -> date:
    """The day a picker shows."""
    picked: date = edit.date().toPython()  # type: ignore[assignment]
    return picked


def session_start_edit() -> QDateTimeEdit:
    """The day and time a session starts, with a calendar."""
    edit = MomentEdit()  # one tab stop; F4 or Alt+↓ for the calendar
    edit.setCalendarPopup(True)
    edit.setDisplayFormat(START_FORMAT)
    return edit


def minutes_spin(*, minimum: int, maximum: int, value: int, step: int = 5) -> QSpinBox:
    """A number of minutes from ``minimum`` to ``maximum``, stepping by ``step``."""
    spin = QSpinBox()
    spin.setRange(minimum, maximum)
    spin.setSingleStep(step)
    spin.setSuffix(" min")
    spin.setValue(value)
    return spin
