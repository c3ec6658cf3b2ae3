"""Typing a day the month does not have never leaves another day in the field."""

from __future__ import annotations

from datetime import date

import pytest
from PySide6.QtWidgets import QDateEdit
from pytestqt.qtbot import QtBot

from ui.widgets.time_fields import day_edit, day_of


def _type_day(qtbot: QtBot, edit: QDateEdit, digits: str) -> None:
    edit.setFocus()
    edit.setCurrentSection(QDateEdit.Section.DaySection)
    edit.setSelectedSection(QDateEdit.Section.DaySection)
    qtbot.keyClicks(edit, digits)


@pytest.mark.parametrize(
    ("start", "typed", "said"),
    [
        (date(2027, 2, 10), "30", "There is no 30 February 2027"),
        (date(2027, 2, 10), "29", "There is no 29 February 2027"),
        (date(2026, 4, 10), "31", "There is no 31 April 2026"),
    ],
)
def test_a_day_the_month_does_not_have_is_refused_not_rolled(
    qtbot: QtBot, start: date, typed: str, said: str
) -> None:
    edit = day_edit(start)
    qtbot.addWidget(edit)
    edit.show()
    seen: list[str] = []
    edit.refused.connect(seen.append)  # type: ignore[attr-defined]
    _type_day(qtbot, edit, typed)
    assert day_of(edit) == start  # not the 3rd, not the 2nd: as it was
    assert seen and seen[-1].startswith(said)
    assert edit.toolTip().startswith(said)


def test_real_days_are_typed_as_usual(qtbot: QtBot) -> None:
    edit = day_edit(date(2028, 2, 10))
    qtbot.addWidget(edit)
    edit.show()
    _type_day(qtbot, edit, "29")  # a leap year
    assert day_of(edit) == date(2028, 2, 29)
    _type_day(qtbot, edit, "5")
    assert day_of(edit) == date(2028, 2, 5)
    assert edit.refusal == ""  # type: ignore[attr-defined]


@pytest.mark.parametrize("make", ["day", "moment"])
def test_a_date_field_is_one_tab_stop_with_the_calendar_on_f4_and_alt_down(
    qtbot: QtBot, make: str
) -> None:
    from PySide6.QtCore import Qt
    from PySide6.QtTest import QTest
    from PySide6.QtWidgets import QLineEdit, QVBoxLayout, QWidget

    from ui.widgets.time_fields import session_start_edit

    window = QWidget()
    qtbot.addWidget(window)
    before, after = QLineEdit(), QLineEdit()
    edit = day_edit(date(2027, 2, 10)) if make == "day" else session_start_edit()
    layout = QVBoxLayout(window)
    for widget in (before, edit, after):
        layout.addWidget(widget)
    window.show()
    qtbot.waitExposed(window)
    # Tab leaves at once (Qt's own editor walks day, month, year and time first)
    edit.setFocus()
    assert window.focusWidget() is edit
    assert edit.focusNextPrevChild(True)
    assert window.focusWidget() is after
    edit.setFocus()
    assert edit.focusNextPrevChild(False)
    assert window.focusWidget() is before
    for key, modifiers in (
        (Qt.Key.Key_F4, Qt.KeyboardModifier.NoModifier),
        (Qt.Key.Key_Down, Qt.KeyboardModifier.AltModifier),
    ):
        QTest.keyClick(edit, key, modifiers)
        calendar = edit.calendarWidget()
        assert calendar is not None and calendar.isVisible()
        calendar.window().hide()
