"""The Log-session dialog by keyboard: Enter adds an action item and stays, the review
table is one tab stop reviewed with letters, and a planned session of that day is
offered first, so logging never makes a second session beside it."""

from __future__ import annotations

from datetime import timedelta

import pytest
from PySide6.QtCore import Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QWidget
from pytestqt.qtbot import QtBot

from practice.models import ActionStatus, Attendance, SessionKind, SessionMode
from practice.services import action_items as action_service
from practice.services import sessions as session_service
from practice.services.action_items import NewActionItem
from practice.timeutil import today
from tests.ui.conftest import MessageBoxes
from tests.ui.test_sessions_page import earlier_session_with_item, enrolled_client
from ui.context import AppContext
from ui.dialogs.session_log import SessionLogDialog
from ui.pages.sessions import local_midnight


def tab_chain(window: QWidget) -> list[QWidget]:
    """The widgets Tab visits in ``window``, in order: the focus chain, keeping those that
    take focus by Tab and are shown and enabled (what QWidget.focusNextPrevChild does)."""
    chain: list[QWidget] = []
    widget = window.nextInFocusChain()
    while widget is not window and len(chain) < 500:
        takes_tab = bool(widget.focusPolicy() & Qt.FocusPolicy.TabFocus)
        shown = widget.isVisibleTo(window) and widget.isEnabled()
        if takes_tab and shown and widget.focusProxy() is None:
            chain.append(widget)
        widget = widget.nextInFocusChain()
    return chain


def open_dialog(ctx: AppContext, qtbot: QtBot, client_id: int) -> SessionLogDialog:
    dialog = SessionLogDialog(ctx, client_id=client_id)
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitExposed(dialog)
    dialog.activateWindow()
    return dialog


def test_enter_in_the_new_item_field_adds_it_and_stays(
    ctx: AppContext, qtbot: QtBot, message_boxes: MessageBoxes
) -> None:
    client_id, _enrolment = enrolled_client(ctx.db)
    dialog = open_dialog(ctx, qtbot, client_id)
    dialog.new_description.setFocus()
    QTest.keyClicks(dialog.new_description, "Keep a sleep diary")
    QTest.keyClick(dialog.new_description, Qt.Key.Key_Return)
    QTest.keyClicks(dialog.new_description, "Walk after lunch")
    QTest.keyClick(dialog.new_description, Qt.Key.Key_Enter)
    assert [r.description for r in dialog.new_items.rows()] == [
        "Keep a sleep diary",
        "Walk after lunch",
    ]
    assert dialog.isVisible() and dialog.saved_session is None  # not saved, not closed
    assert dialog.new_description.text() == ""
    assert session_service.list_sessions(ctx.db, client_id=client_id) == []


@pytest.mark.qt_log_level_fail("WARNING")
@pytest.mark.qt_log_ignore("propagateSizeHints")  # the offscreen platform's own notice
def test_the_review_table_is_one_tab_stop_reviewed_by_letters(
    ctx: AppContext, qtbot: QtBot, message_boxes: MessageBoxes
) -> None:
    client_id, enrolment_id = enrolled_client(ctx.db)
    first = earlier_session_with_item(ctx.db, client_id, enrolment_id)
    session_service.log_session(
        ctx.db,
        client_id=client_id,
        enrolment_id=enrolment_id,
        starts_at=local_midnight(today() - timedelta(days=7)) + timedelta(hours=10),
        duration_minutes=60,
        kind=SessionKind.SESSION,
        mode=SessionMode.VIDEO,
        attendance=Attendance.ATTENDED,
        new_action_items=[NewActionItem("Call the GP")],
    )
    dialog = open_dialog(ctx, qtbot, client_id)
    assert dialog.reviews.rowCount() == 2 and dialog.review_hint.isVisible()
    dialog.review_view.setFocus()
    QTest.keyClick(dialog.review_view, Qt.Key.Key_D)  # the first: done, then the next
    QTest.keyClick(dialog.review_view, Qt.Key.Key_P)  # the second: partly
    statuses = dict(dialog.reviews.reviews())
    assert statuses[first] is ActionStatus.DONE
    assert sorted(s.value for s in statuses.values()) == ["done", "partly"]
    # the combos show it too
    combo = dialog.review_view.indexWidget(dialog.reviews.index(1, 3))
    assert combo is not None and combo.currentText() == "Partly"  # type: ignore[attr-defined]
    # the keyboard's tab chain, as Qt walks it: the table is one stop, none of its combos
    chain = tab_chain(dialog)
    assert dialog.review_view in chain
    assert not any(dialog.review_view.viewport().isAncestorOf(w) for w in chain)
    assert dialog.notes in chain and dialog.new_description in chain
    assert len(chain) == len(set(chain))  # each control once, then round again
    dialog.save()
    reviewed = {
        i.id: i.status for i in action_service.list_action_items(ctx.db, client_id=client_id)
    }
    assert reviewed[first] is ActionStatus.DONE


def test_a_planned_session_that_day_is_filled_in_not_doubled(
    ctx: AppContext, qtbot: QtBot, message_boxes: MessageBoxes
) -> None:
    client_id, enrolment_id = enrolled_client(ctx.db)
    # planned for the start of today (never in the future, so it can be attended)
    start = local_midnight(today())
    planned = session_service.plan_session(
        ctx.db,
        client_id=client_id,
        enrolment_id=enrolment_id,
        starts_at=start,
        duration_minutes=50,
        kind=SessionKind.SESSION,
        mode=SessionMode.PHONE,
    )
    dialog = open_dialog(ctx, qtbot, client_id)
    assert dialog.use_planned.isVisible() and dialog.use_planned.isChecked()
    assert "00:00" in dialog.use_planned.text()
    assert (dialog.duration.value(), dialog.mode.currentData()) == (50, "phone")
    QTest.keyClicks(dialog.notes, "Filled in the planned one.")
    dialog.save()
    [session] = session_service.list_sessions(ctx.db, client_id=client_id)
    assert session.id == planned.id and session.attendance is Attendance.ATTENDED
    assert session.note is not None and session.note.body == "Filled in the planned one."
    # asked not to, it logs a second session beside the planned one
    other = session_service.plan_session(
        ctx.db,
        client_id=client_id,
        enrolment_id=enrolment_id,
        starts_at=start,
        duration_minutes=50,
        kind=SessionKind.SESSION,
        mode=SessionMode.PHONE,
        allow_same_time=True,  # a second one at that time, on purpose
    )
    again = open_dialog(ctx, qtbot, client_id)
    assert again.offered is not None and again.offered.id == other.id
    again.use_planned.setChecked(False)
    again.save()
    sessions = session_service.list_sessions(ctx.db, client_id=client_id)
    assert len(sessions) == 3
    assert session_service.get_session(ctx.db, other.id).attendance is Attendance.PLANNED
