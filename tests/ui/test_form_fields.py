"""The shared form pieces: choice lists, a client's active enrolments, day pickers,
session start times and minutes."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date, timedelta
from typing import Any

from PySide6.QtWidgets import QComboBox, QDialog, QDialogButtonBox
from pytestqt.qtbot import QtBot

from practice.db import Database
from practice.models import Attendance, ResourceKind, label
from practice.services.clients import create_client
from practice.services.enrolments import end_enrolment_early
from practice.timeutil import today
from ui.widgets.choices import NOT_IN_PROGRAMME, choice_combo, fill_active_enrolments
from ui.widgets.dialog_buttons import save_cancel_buttons
from ui.widgets.time_fields import day_edit, day_of, minutes_spin, session_start_edit


def test_choice_combo_lists_labels_holding_values(qtbot: QtBot) -> None:
    combo = choice_combo(a for a in Attendance if a is not Attendance.PLANNED)
    qtbot.addWidget(combo)
    members = [a for a in Attendance if a is not Attendance.PLANNED]
    assert [combo.itemText(i) for i in range(combo.count())] == [label(a) for a in members]
    assert [combo.itemData(i) for i in range(combo.count())] == [a.value for a in members]


def test_choice_combo_for_a_filter_starts_with_everything(qtbot: QtBot) -> None:
    combo = choice_combo(ResourceKind, everything="All kinds")
    qtbot.addWidget(combo)
    assert combo.count() == len(ResourceKind) + 1
    assert (combo.itemText(0), combo.itemData(0)) == ("All kinds", None)
    assert combo.itemData(1) == next(iter(ResourceKind)).value


def test_active_enrolments_follow_the_client(
    qtbot: QtBot, db: Database, worked_example: Callable[..., Any]
) -> None:
    enrolment = worked_example()
    other = create_client(db, first_name="Ana")
    combo = QComboBox()
    qtbot.addWidget(combo)
    fill_active_enrolments(combo, db, enrolment.client_id, none_text=NOT_IN_PROGRAMME)
    assert [combo.itemData(i) for i in range(combo.count())] == [None, enrolment.id]
    assert combo.currentData() == enrolment.id  # the enrolment is chosen
    assert combo.itemText(1) == "Three months of change"
    fill_active_enrolments(combo, db, other.id, none_text="—")
    assert [combo.itemText(i) for i in range(combo.count())] == ["—"]
    fill_active_enrolments(combo, db, None, none_text="—")
    assert combo.count() == 1 and combo.currentData() is None
    end_enrolment_early(db, enrolment.id, ended_on=today(), reason="moved away")
    fill_active_enrolments(combo, db, enrolment.client_id, none_text="—")
    assert combo.count() == 1  # only active enrolments are offered


def test_day_edit_shows_today_or_the_day_given(qtbot: QtBot) -> None:
    plain = day_edit()
    dated = day_edit(date(2025, 2, 3), weekday=True)
    qtbot.addWidget(plain)
    qtbot.addWidget(dated)
    assert day_of(plain) == today()
    assert day_of(dated) == date(2025, 2, 3)
    assert plain.calendarPopup() and plain.displayFormat() == "d MMM yyyy"
    assert dated.displayFormat() == "ddd d MMM yyyy"


def test_day_edit_up_to_today_refuses_tomorrow(qtbot: QtBot) -> None:
    edit = day_edit(up_to_today=True)
    qtbot.addWidget(edit)
    edit.setDate(edit.date().addDays(1))
    assert day_of(edit) == today()
    free = day_edit(today() + timedelta(days=3))
    qtbot.addWidget(free)
    assert day_of(free) == today() + timedelta(days=3)


def test_minutes_and_start_editors(qtbot: QtBot) -> None:
    spin = minutes_spin(minimum=5, maximum=600, value=50)
    qtbot.addWidget(spin)
    assert (spin.minimum(), spin.maximum(), spin.value()) == (5, 600, 50)
    assert spin.singleStep() == 5 and spin.suffix() == " min"
    spin.setValue(2)
    assert spin.value() == 5
    start = session_start_edit()
    qtbot.addWidget(start)
    assert start.calendarPopup() and start.displayFormat().endswith("HH:mm")


def test_save_and_cancel_buttons(qtbot: QtBot) -> None:
    dialog = QDialog()
    qtbot.addWidget(dialog)
    saved: list[bool] = []
    buttons = save_cancel_buttons(dialog, lambda: saved.append(True), "&Plan session")
    save = buttons.button(QDialogButtonBox.StandardButton.Save)
    assert save.text() == "&Plan session"
    save.click()
    assert saved == [True]
    dialog.show()
    buttons.button(QDialogButtonBox.StandardButton.Cancel).click()
    assert dialog.result() == QDialog.DialogCode.Rejected and not dialog.isVisible()
    plain = save_cancel_buttons(dialog, lambda: None)
    assert plain.button(QDialogButtonBox.StandardButton.Save).text() not in ("", "&Plan session")
