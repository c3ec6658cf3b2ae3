"""The Work log page: quick add, filters and total, the timer that survives a restart."""

from __future__ import annotations

from datetime import date, timedelta

from PySide6.QtCore import QDate
from pytestqt.qtbot import QtBot

from practice.db import open_database
from practice.models import WorkCategory
from practice.services import worklog as worklog_service
from practice.timeutil import today, utcnow
from tests.ui.conftest import MessageBoxes
from tests.ui.test_enrol_page import make_client
from ui.context import AppContext
from ui.models.worklog import WorkLogModel
from ui.pages.worklog import WorklogPage, period_dates


def open_page(ctx: AppContext, qtbot: QtBot) -> WorklogPage:
    page = WorklogPage(ctx)
    qtbot.addWidget(page)
    page.resize(1100, 700)
    page.show()
    page.refresh()
    return page


def test_period_dates() -> None:
    day = date(2026, 3, 18)  # a Wednesday
    assert period_dates("This week", day) == (date(2026, 3, 16), date(2026, 3, 22))
    assert period_dates("This month", day) == (date(2026, 3, 1), date(2026, 3, 31))
    assert period_dates("Last month", day) == (date(2026, 2, 1), date(2026, 2, 28))
    assert period_dates("Last month", date(2026, 1, 5)) == (date(2025, 12, 1), date(2025, 12, 31))


def test_model_passes_the_model_tester(ctx: AppContext, qtmodeltester: object) -> None:
    client_id = make_client(ctx.db)
    worklog_service.log_work(
        ctx.db, work_date=today(), minutes=45, category=WorkCategory.ADMIN, client_id=client_id
    )
    model = WorkLogModel()
    model.client_names = {client_id: "Zoë Ødegård"}
    model.set_rows(worklog_service.list_work(ctx.db))
    qtmodeltester.check(model)  # type: ignore[attr-defined]
    assert model.index(0, 1).data() == "45 min"
    assert model.index(0, 3).data() == "Zoë Ødegård"


def test_quick_add_filters_and_total(
    ctx: AppContext, qtbot: QtBot, message_boxes: MessageBoxes
) -> None:
    client_id = make_client(ctx.db)
    other = make_client(ctx.db, "Ana", "Silva")
    long_ago = today() - timedelta(days=120)
    worklog_service.log_work(ctx.db, work_date=long_ago, minutes=90, category=WorkCategory.TRAINING)
    worklog_service.log_work(
        ctx.db, work_date=today(), minutes=20, category=WorkCategory.PREP, client_id=other
    )
    page = open_page(ctx, qtbot)
    assert page.model.rowCount() == 1  # this month only

    page.minutes.setValue(75)
    page.category.setCurrentIndex(page.category.findData(WorkCategory.SUPERVISION.value))
    page.client.set_client_id(client_id)
    qtbot.keyClicks(page.note, "Group supervision")
    page.add_button.click()
    entries = worklog_service.list_work(ctx.db, client_id=client_id)
    assert [(e.minutes, e.category, e.note) for e in entries] == [
        (75, WorkCategory.SUPERVISION, "Group supervision")
    ]
    assert page.model.rowCount() == 2
    assert "1 h 35 min" in page.total.text() and "95 minutes" in page.total.text()

    page.filter_category.setCurrentIndex(page.filter_category.findData(WorkCategory.PREP.value))
    assert page.model.rowCount() == 1
    page.filter_category.setCurrentIndex(0)
    page.filter_client.set_client_id(client_id)
    assert page.model.rowCount() == 1
    page.filter_client.set_client_id(None)

    page.period.setCurrentText("Custom")
    page.start.setDate(QDate(long_ago.year, long_ago.month, long_ago.day))
    assert page.model.rowCount() == 3
    assert "3 entries" in page.total.text()

    page.view.selectRow(0)
    page.delete_selected()  # answered Yes
    assert len(worklog_service.list_work(ctx.db)) == 2


def test_a_typed_client_that_does_not_exist_is_refused_beside_the_field(
    ctx: AppContext, qtbot: QtBot
) -> None:
    page = open_page(ctx, qtbot)
    qtbot.keyClicks(page.client.lineEdit(), "Nobody")
    page.add_entry()
    assert "Nobody" in page.errors.message_for("client")
    assert worklog_service.list_work(ctx.db) == []


def test_timer_runs_ticks_and_survives_a_restart(
    ctx: AppContext, qtbot: QtBot, message_boxes: MessageBoxes
) -> None:
    page = open_page(ctx, qtbot)
    bar = page.timer
    bar.category.setCurrentIndex(bar.category.findData(WorkCategory.ADMIN.value))
    qtbot.keyClicks(bar.note, "Invoices")
    bar.start_button.click()
    assert not bar.stop_button.isHidden() and bar.start_button.isHidden()
    first = bar.elapsed.text()
    assert first.startswith("0:00:0")
    qtbot.waitUntil(lambda: bar.elapsed.text() != first, timeout=3000)

    # The timer is a database row: reopen the database and a new page shows it running.
    path = ctx.db.path
    ctx.db.close()
    reopened = open_database(path)
    try:
        again = WorklogPage(AppContext(reopened))
        qtbot.addWidget(again)
        again.refresh()
        assert not again.timer.stop_button.isHidden()
        assert "Admin: Invoices" in again.timer.running.text()
        entry = again.timer.stop()
        assert entry is not None and entry.minutes == 1
        assert worklog_service.running_timer(reopened) is None
        assert again.model.rowCount() == 1
        assert again.timer.start_button.isVisibleTo(again)
    finally:
        reopened.close()


def test_long_timer_asks_for_minutes(ctx: AppContext, qtbot: QtBot, monkeypatch: object) -> None:
    from PySide6.QtWidgets import QInputDialog

    worklog_service.start_timer(
        ctx.db, category=WorkCategory.WRITE_UP, now=utcnow() - timedelta(hours=14)
    )
    page = open_page(ctx, qtbot)
    monkeypatch.setattr(  # type: ignore[attr-defined]
        QInputDialog, "getInt", staticmethod(lambda *args, **kwargs: (50, True))
    )
    page.timer.stop()
    [entry] = worklog_service.list_work(ctx.db, start=today() - timedelta(days=2))
    assert entry.minutes == 50


def test_edit_an_entry(ctx: AppContext, qtbot: QtBot) -> None:
    from PySide6.QtCore import QTimer
    from PySide6.QtWidgets import QApplication

    from ui.dialogs.work_entry import WorkEntryDialog

    worklog_service.log_work(ctx.db, work_date=today(), minutes=30, category=WorkCategory.ADMIN)
    page = open_page(ctx, qtbot)
    page.view.selectRow(0)

    def correct() -> None:
        dialog = QApplication.activeModalWidget()
        assert isinstance(dialog, WorkEntryDialog)
        dialog.minutes.setValue(45)
        dialog.note.setText("Accounts")
        dialog.save()

    QTimer.singleShot(0, correct)
    page.edit_button.click()
    [entry] = worklog_service.list_work(ctx.db)
    assert (entry.minutes, entry.note) == (45, "Accounts")
    assert page.model.index(0, 1).data() == "45 min"
