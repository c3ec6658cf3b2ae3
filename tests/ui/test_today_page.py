"""Today: friendly lines when there is nothing, and what needs attention when there is."""

from __future__ import annotations

from collections.abc import Callable
from datetime import timedelta
from typing import Any

import pytest
from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from practice.db import Database
from practice.economics.source import local_midnight
from practice.models import Attendance, SessionKind, SessionMode, WorkCategory
from practice.services.profile import update_profile
from practice.services.sessions import log_session, plan_session
from practice.services.worklog import list_work, log_work, running_timer
from practice.timeutil import today, utcnow
from ui.context import AppContext
from ui.pages.today import TodayPage, week_of


@pytest.fixture
def page(ctx: AppContext, qtbot: QtBot) -> TodayPage:
    widget = TodayPage(ctx)
    qtbot.addWidget(widget)
    widget.refresh()
    return widget


def _shown(section: Any) -> bool:
    return not section.table.isHidden()


def test_an_empty_practice_gets_friendly_lines_not_empty_boxes(page: TodayPage) -> None:
    for section, line in (
        (page.today_sessions, "No sessions today."),
        (page.coming_sessions, "No more sessions this week."),
        (page.earlier_sessions, "No sessions earlier this week."),
        (page.actions_due, "No action items due this week."),
        (page.instalments, "No instalments due this week, and none overdue."),
        (page.quiet, "Every enrolled client has been seen recently."),
    ):
        assert not _shown(section)
        assert not section.empty.isHidden() and section.empty.text() == line
    assert page.figures["seen"].text() == "0 min in 0 sessions"
    assert page.figures["rate"].text().startswith("—")
    assert not page.timer.start_button.isHidden()


def test_sessions_figures_instalments_and_quiet_clients(
    ctx: AppContext, db: Database, qtbot: QtBot, worked_example: Callable[..., Any]
) -> None:
    enrolment = worked_example(started_days_ago=45)
    midday = local_midnight(today()) + timedelta(hours=12)
    planned = plan_session(
        db,
        client_id=enrolment.client_id,
        enrolment_id=enrolment.id,
        starts_at=midday,
        duration_minutes=60,
        kind=SessionKind.SESSION,
        mode=SessionMode.VIDEO,
    )
    page = TodayPage(ctx)
    qtbot.addWidget(page)
    page.refresh()
    assert _shown(page.today_sessions)
    assert page.today_model.row_at(0).id == planned.id
    assert page.today_model.index(0, 1).data() == "Zoë Ødegård"
    assert page.today_model.index(0, 2).data() == "Session, video, 1 h"

    # Nobody has seen Zoë since she enrolled 45 days ago; two instalments are overdue
    # (the third falls due in about a fortnight, so it is not listed yet).
    assert [q.client_id for q in page.quiet_model.rows()] == [enrolment.client_id]
    overdue = page.instalments_model.rows()
    assert len(overdue) == 2
    assert page.instalments_model.index(0, 2).data() == "£400.00"
    assert page.instalments.summary.text() == "2 overdue"

    # The quiet threshold comes from the profile (Settings).
    update_profile(db, quiet_after_days=90)
    page.refresh()
    assert page.quiet_model.rowCount() == 0

    # An attended session and some unseen work this week show in the week's figures.
    monday, _sunday = week_of(today())
    start = max(local_midnight(today()), utcnow() - timedelta(hours=2))
    log_session(
        db,
        client_id=enrolment.client_id,
        enrolment_id=enrolment.id,
        starts_at=start,
        duration_minutes=45,
        kind=SessionKind.SESSION,
        mode=SessionMode.IN_PERSON,
        attendance=Attendance.ATTENDED,
        notes="Talked about rhythms.",
    )
    log_work(db, work_date=today(), minutes=30, category=WorkCategory.WRITE_UP)
    page.refresh()
    assert page.figures["seen"].text() == "45 min in 1 session; none missed"
    assert page.figures["unseen"].text() == "30 min"
    assert page.figures["total"].text() == "1 h 15 min"


def test_double_click_on_a_session_asks_for_the_sessions_page(
    ctx: AppContext, db: Database, qtbot: QtBot, worked_example: Callable[..., Any]
) -> None:
    enrolment = worked_example()
    session = plan_session(
        db,
        client_id=enrolment.client_id,
        starts_at=local_midnight(today()) + timedelta(hours=15),
        duration_minutes=60,
        kind=SessionKind.SESSION,
        mode=SessionMode.PHONE,
    )
    page = TodayPage(ctx)
    qtbot.addWidget(page)
    page.show()
    page.refresh()
    table = page.today_sessions.table
    rect = table.visualRect(page.today_model.index(0, 0))
    qtbot.mouseClick(table.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    with qtbot.waitSignal(ctx.navigate) as signal:
        qtbot.mouseDClick(table.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    assert signal.args == ["sessions", session.id]
    table.setFocus()
    with qtbot.waitSignal(ctx.navigate) as by_key:
        qtbot.keyClick(table, Qt.Key.Key_Return)
    assert by_key.args == ["sessions", session.id]


def test_work_timer_starts_and_stops_into_the_work_log(
    page: TodayPage, db: Database, qtbot: QtBot
) -> None:
    timer = page.timer
    timer.category.setCurrentIndex(timer.category.findData(WorkCategory.ADMIN.value))
    timer.note.setText("Invoices")
    qtbot.mouseClick(timer.start_button, Qt.MouseButton.LeftButton)
    running = running_timer(db)
    assert running is not None and running.category is WorkCategory.ADMIN
    assert not timer.stop_button.isHidden() and timer.start_button.isHidden()
    assert "Admin · Invoices" in timer.what.text()
    qtbot.waitUntil(lambda: timer.elapsed.text().startswith("0:00:"))
    qtbot.mouseClick(timer.stop_button, Qt.MouseButton.LeftButton)
    assert running_timer(db) is None
    entries = list_work(db)
    assert [(e.category, e.minutes, e.note) for e in entries] == [
        (WorkCategory.ADMIN, 1, "Invoices")
    ]
    assert page.figures["unseen"].text() == "1 min"


def test_a_day_without_sessions_names_the_next_one(
    ctx: AppContext, db: Database, qtbot: QtBot, worked_example: Callable[..., Any]
) -> None:
    enrolment = worked_example()
    plan_session(
        db,
        client_id=enrolment.client_id,
        starts_at=local_midnight(today() + timedelta(days=3)) + timedelta(hours=10),
        duration_minutes=60,
        kind=SessionKind.SESSION,
        mode=SessionMode.VIDEO,
    )
    page = TodayPage(ctx)
    qtbot.addWidget(page)
    page.refresh()
    text = page.today_sessions.empty.text()
    assert text.startswith("No sessions today. The next is ")
    assert text.endswith("with Zoë Ødegård.")


def test_the_week_is_split_into_earlier_and_coming_up(
    ctx: AppContext,
    db: Database,
    qtbot: QtBot,
    worked_example: Callable[..., Any],
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    from datetime import date, datetime

    import ui.pages.today as today_module

    wednesday = date(2030, 7, 3)
    monkeypatch.setattr(today_module, "today", lambda: wednesday)
    enrolment = worked_example()

    def plan(day: date, hour: int) -> int:
        return plan_session(
            db,
            client_id=enrolment.client_id,
            starts_at=datetime(day.year, day.month, day.day, hour).astimezone(),
            duration_minutes=50,
            kind=SessionKind.SESSION,
            mode=SessionMode.VIDEO,
        ).id

    monday, today_one, friday = (
        plan(date(2030, 7, 1), 10),
        plan(wednesday, 9),
        plan(date(2030, 7, 5), 16),
    )
    plan(date(2030, 7, 8), 10)  # next week: in neither list
    page = TodayPage(ctx)
    qtbot.addWidget(page)
    page.refresh()
    assert [s.id for s in page.earlier_model.rows()] == [monday]
    assert [s.id for s in page.today_model.rows()] == [today_one]
    assert [s.id for s in page.coming_model.rows()] == [friday]
    assert page.coming_model.index(0, 0).data().startswith("Fri")


def test_overdue_is_said_in_words_and_marked(
    ctx: AppContext, db: Database, qtbot: QtBot, worked_example: Callable[..., Any]
) -> None:
    from PySide6.QtGui import QColor

    from ui.colours import contrast_ratio, warning_colour

    worked_example(started_days_ago=45)
    page = TodayPage(ctx)
    qtbot.addWidget(page)
    page.refresh()
    due = page.instalments_model.index(0, 1)
    assert due.data().endswith("overdue")
    colour = due.data(Qt.ItemDataRole.ForegroundRole)
    assert isinstance(colour, QColor) and colour == warning_colour(page.palette())
    assert due.data(Qt.ItemDataRole.FontRole).bold()
    base = page.palette().color(page.palette().ColorRole.Base)
    assert contrast_ratio(colour, base) >= 4.5
    # Not overdue: no mark.
    assert page.instalments_model.index(0, 0).data(Qt.ItemDataRole.ForegroundRole) is None
