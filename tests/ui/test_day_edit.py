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


@pytest.mark.parametrize(
    ("order", "typed", "wanted"),
    [
        ("DMY", "10/02/2027", date(2027, 2, 10)),
        ("DMY", "3/4/2026", date(2026, 4, 3)),  # Qt's own typing made this 28 February
        ("DMY", "10.2.2027", date(2027, 2, 10)),
        ("MDY", "2/10/2027", date(2027, 2, 10)),
        ("MDY", "2027-02-10", date(2027, 2, 10)),  # a year first is always year-month-day
        ("DMY", "29/02/2028", date(2028, 2, 29)),
    ],
)
def test_a_whole_date_is_typed_in_the_practices_order(
    qtbot: QtBot, order: str, typed: str, wanted: date
) -> None:
    from ui.widgets import day_edit as module

    before = module.date_order()
    module._order = order  # as use_date_order sets it from the practice's locale
    try:
        edit = day_edit(date(2026, 12, 4))
        qtbot.addWidget(edit)
        edit.show()
        _type_day(qtbot, edit, typed)
        assert day_of(edit) == wanted
        assert edit.refusal == ""  # type: ignore[attr-defined]
    finally:
        module._order = before


@pytest.mark.parametrize(
    ("typed", "said"),
    [
        ("30/02/2027", "There is no 30 February 2027"),
        ("10/13/2027", "“10/13/2027” has no month 13"),
    ],
)
def test_an_impossible_whole_date_is_refused_and_nothing_changes(
    qtbot: QtBot, typed: str, said: str
) -> None:
    edit = day_edit(date(2026, 12, 4))
    qtbot.addWidget(edit)
    edit.show()
    _type_day(qtbot, edit, typed)
    assert day_of(edit) == date(2026, 12, 4)
    assert edit.refusal.startswith(said)  # type: ignore[attr-defined]


def test_half_a_date_typed_is_put_back_when_the_typing_ends(qtbot: QtBot) -> None:
    from PySide6.QtCore import Qt

    edit = day_edit(date(2026, 12, 4))
    qtbot.addWidget(edit)
    edit.show()
    _type_day(qtbot, edit, "10/02/20")
    qtbot.keyClick(edit, Qt.Key.Key_Return)  # Enter (or leaving the field) ends it
    assert day_of(edit) == date(2026, 12, 4)
    assert "“10/02/20” is not a whole date" in edit.refusal  # type: ignore[attr-defined]


def test_a_day_typed_last_is_taken_when_the_typing_ends(qtbot: QtBot) -> None:
    from PySide6.QtCore import Qt

    edit = day_edit(date(2026, 12, 4))
    qtbot.addWidget(edit)
    edit.show()
    _type_day(qtbot, edit, "2027-02-1")  # could still become the 10th: not taken yet
    qtbot.keyClick(edit, Qt.Key.Key_Return)
    assert day_of(edit) == date(2027, 2, 1)
    assert edit.refusal == ""  # type: ignore[attr-defined]


def test_the_order_follows_the_practices_locale() -> None:
    from ui.widgets.day_edit import date_order, typed_date, use_date_order

    before = date_order()
    try:
        use_date_order("en_US")
        assert date_order() == "MDY"
        assert typed_date("2/10/2027") == date(2027, 2, 10)
        use_date_order("de_DE")
        assert date_order() == "DMY"
        use_date_order("sv_SE")
        assert date_order() == "YMD"
        assert typed_date("10/02/27", "DMY") is None  # a year is typed whole
    finally:
        use_date_order("en_GB" if before == "DMY" else "en_US")


def test_entered_backwards_the_field_starts_at_its_first_part(qtbot: QtBot) -> None:
    """Shift+Tab used to land in the year, so a whole date typed then went to the year."""
    from PySide6.QtCore import Qt
    from PySide6.QtGui import QFocusEvent
    from PySide6.QtWidgets import QApplication

    edit = day_edit(date(2026, 12, 4))
    qtbot.addWidget(edit)
    edit.show()
    edit.setCurrentSection(QDateEdit.Section.YearSection)
    QApplication.sendEvent(
        edit, QFocusEvent(QFocusEvent.Type.FocusIn, Qt.FocusReason.BacktabFocusReason)
    )
    assert edit.currentSectionIndex() == 0
    qtbot.keyClicks(edit, "10/02/2027")
    assert day_of(edit) == date(2027, 2, 10)
