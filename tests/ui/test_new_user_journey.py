"""A new practitioner's first hour, through the real main window on a real database file:
add a client, create a programme, enrol the client, log a session with notes and an
action item, accept the suggested prep and write-up time, record a payment — and see
Today and the client page reflect all of it."""

from __future__ import annotations

from collections.abc import Callable
from datetime import timedelta
from typing import Any

import pytest
from PySide6.QtCore import QDate, QDateTime, Qt, QTimer
from PySide6.QtWidgets import QApplication, QMessageBox, QWidget
from pytestqt.qtbot import QtBot

from practice.economics.source import local_midnight
from practice.models import ActionStatus, ClientStatus, EnrolmentStatus, WorkCategory
from practice.services.action_items import list_action_items
from practice.services.clients import get_client, list_clients
from practice.services.enrolments import list_enrolments
from practice.services.payments import list_payments
from practice.services.programmes import list_programmes
from practice.services.sessions import list_sessions
from practice.services.worklog import list_work
from practice.timeutil import today, utcnow
from ui.context import AppContext
from ui.dialogs.client_form import ClientFormDialog
from ui.main_window import MainWindow

Press = Callable[[QWidget, str], None]

#: The enrolment starts ten days ago, so its first instalment is already overdue.
STARTED_DAYS_AGO = 10


def when_modal(kind: type[QWidget], act: Callable[[Any], None], tries: int = 200) -> None:
    """Act on the next modal dialog of ``kind`` as soon as it is open (the way a person
    waits for the window to appear)."""

    def run(left: int) -> None:
        dialog = QApplication.activeModalWidget()
        if isinstance(dialog, kind):
            act(dialog)
            return
        assert left > 0, f"no {kind.__name__} opened; the modal window is {dialog!r}"
        QTimer.singleShot(10, lambda: run(left - 1))

    QTimer.singleShot(0, lambda: run(tries))


@pytest.fixture
def window(ctx: AppContext, qtbot: QtBot) -> MainWindow:
    win = MainWindow(ctx)
    qtbot.addWidget(win)
    win.resize(1280, 800)
    win.show()
    qtbot.waitExposed(win)
    win.activateWindow()
    qtbot.waitActive(win)
    return win


def test_a_new_practitioner_runs_their_first_client_through_the_app(
    window: MainWindow, ctx: AppContext, qtbot: QtBot, press: Press, message_boxes: Any
) -> None:
    db = ctx.db
    from ui.dialogs.payment import PaymentDialog
    from ui.dialogs.session_log import SessionLogDialog
    from ui.dialogs.work_suggestions import WorkSuggestionsDialog

    # 1. A client, through File > New on the Clients page (Ctrl+2, Ctrl+N).
    press(window, "Ctrl+2")
    qtbot.waitUntil(lambda: window.current_key() == "clients")

    def fill_client(form: ClientFormDialog) -> None:
        form.edits["first_name"].setText("Zoë")
        form.edits["last_name"].setText("Ødegård")
        form.edits["pronouns"].setText("she/her")
        form.edits["email"].setText("zoe@example.org")
        form.emergency_name.setText("Ingrid Ødegård")
        form.consent_to_records.setChecked(True)
        form.save_button.click()

    when_modal(ClientFormDialog, fill_client)
    press(window, "Ctrl+N")
    [client_row] = list_clients(db)
    client_id = client_row.id
    assert client_row.display_name == "Zoë Ødegård"

    # 2. A programme on the Programmes page: the worked example of the brief.
    press(window, "Ctrl+3")
    qtbot.waitUntil(lambda: window.current_key() == "programmes")
    programmes: Any = window.page("programmes")
    press(window, "Ctrl+N")
    form = programmes.form
    qtbot.keyClicks(form.name, "Three months of change")
    periods = form.periods
    assert periods.rowCount() == 1  # a new programme starts with one line of plan
    form.periods_table.add_button.click()
    for row, values in enumerate(((1, 1, 3), (2, 3, 2))):
        for column, value in enumerate(values):
            assert periods.setData(periods.index(row, column), value, Qt.ItemDataRole.EditRole)
    form.support_mode.setCurrentIndex(form.support_mode.findData("count"))
    form.support_call_count.setValue(4)
    qtbot.keyClicks(form.price, "1,200")
    form.instalment_count.setValue(3)
    assert programmes.economics.rate.text() == "£99.31/h"  # planned, updated as typed
    qtbot.mouseClick(programmes.save_button, Qt.MouseButton.LeftButton)
    [programme] = list_programmes(db)
    assert (programme.price, programme.instalment_count) == (120_000, 3)

    # 3. Enrol: from the client page's "Enrol…" button, then agree.
    window.ctx.navigate.emit("clients", client_id)
    clients: Any = window.page("clients")
    qtbot.mouseClick(clients.client_page.enrol_button, Qt.MouseButton.LeftButton)
    assert window.current_key() == "enrol"
    enrol: Any = window.page("enrol")
    assert enrol.client.client_id() == client_id
    enrol.programme.setCurrentIndex(enrol.programme.findData(programme.id))
    start = today() - timedelta(days=STARTED_DAYS_AGO)
    enrol.start_date.setDate(QDate(start.year, start.month, start.day))
    enrol.instalments.setChecked(True)
    qtbot.waitUntil(lambda: enrol.model.rowCount() == 3)
    qtbot.mouseClick(enrol.agree_button, Qt.MouseButton.LeftButton)
    # the agreement opens at once, to print or save; not now: closed
    from PySide6.QtWidgets import QApplication

    from ui.documents.preview import DocumentPreviewDialog

    qtbot.waitUntil(lambda: isinstance(QApplication.activeModalWidget(), DocumentPreviewDialog))
    preview = QApplication.activeModalWidget()
    assert preview is not None and "Programme agreement" in preview.windowTitle()
    preview.close()
    qtbot.waitUntil(lambda: QApplication.activeModalWidget() is None)
    window.activateWindow()
    qtbot.waitActive(window)
    [enrolment] = list_enrolments(db, client_id=client_id)
    assert enrolment.status is EnrolmentStatus.ACTIVE
    assert get_client(db, client_id).status is ClientStatus.ACTIVE

    # 4. Log today's session with notes and an action item; accept the suggested time.
    press(window, "Ctrl+5")
    qtbot.waitUntil(lambda: window.current_key() == "sessions")
    sessions: Any = window.page("sessions")
    sessions.client_filter.set_client_id(client_id)
    began = max(local_midnight(today()), utcnow() - timedelta(hours=2)).astimezone()
    due = today() + timedelta(days=3)

    def fill_session(dialog: SessionLogDialog) -> None:
        assert dialog.enrolment.currentData() == enrolment.id
        dialog.starts_at.setDateTime(QDateTime(began.replace(tzinfo=None)))
        dialog.duration.setValue(60)
        dialog.notes.setPlainText("Zoë talked about sleep and the new job. Calmer than last week.")
        dialog.new_description.setText("Keep a sleep diary every morning")
        dialog.new_due.setDate(QDate(due.year, due.month, due.day))
        dialog.add_item_button.click()
        assert dialog.new_items.rowCount() == 1
        when_modal(WorkSuggestionsDialog, accept_time)
        dialog.save()

    def accept_time(dialog: WorkSuggestionsDialog) -> None:
        assert [spin.value() for spin in dialog.minutes] == [15, 20]
        dialog.add_button.click()

    when_modal(SessionLogDialog, fill_session)
    press(window, "Ctrl+N")
    [session] = list_sessions(db, client_id=client_id)
    assert session.note is not None and session.note.body.startswith("Zoë talked about sleep")
    [item] = list_action_items(db, client_id=client_id)
    assert (item.description, item.due_date, item.status) == (
        "Keep a sleep diary every morning",
        due,
        ActionStatus.OPEN,
    )
    work = sorted((e.category, e.minutes) for e in list_work(db, client_id=client_id))
    assert work == [(WorkCategory.PREP, 15), (WorkCategory.WRITE_UP, 20)]

    # 5. Record the overdue first instalment on the Money page.
    press(window, "Ctrl+7")
    qtbot.waitUntil(lambda: window.current_key() == "money")
    money: Any = window.page("money")
    money.instalment_view.selectRow(0)
    assert money.selected_instalment().number == 1

    def pay(dialog: PaymentDialog) -> None:
        assert dialog.amount.text() == "400.00"
        dialog.reference.setText("BACS ZOE-1")
        dialog.save()

    when_modal(PaymentDialog, pay)
    message_boxes.answer = QMessageBox.StandardButton.No  # no receipt to print now
    money.pay_button.click()
    [payment] = list_payments(db, client_id=client_id)
    assert (payment.amount, payment.instalment_number) == (40_000, 1)

    # 6. Today shows the session, the action item, the week's figures, nothing overdue.
    press(window, "Ctrl+1")
    qtbot.waitUntil(lambda: window.current_key() == "today")
    today_page: Any = window.page("today")
    assert [s.id for s in today_page.today_model.rows()] == [session.id]
    assert today_page.today_model.index(0, 1).data() == "Zoë Ødegård"
    assert today_page.today_model.index(0, 3).data() == "Attended"
    assert [a.action_item_id for a in today_page.actions_model.rows()] == [item.id]
    assert today_page.instalments_model.rowCount() == 0  # the first is paid, the next not due
    assert not today_page.instalments.empty.isHidden()
    assert today_page.quiet_model.rowCount() == 0  # seen today
    assert today_page.figures["seen"].text() == "1 h in 1 session; none missed"
    assert today_page.figures["unseen"].text() == "35 min"
    assert today_page.figures["total"].text() == "1 h 35 min"
    assert payment.received_on == today()
    # the one session of seven earned £1,200 / 7 = £171.43; £400 came in
    assert today_page.figures["income"].text() == "£171.43 earned; £400.00 received"

    # 7. The client page shows the enrolment's figures, the note, the item, time and money.
    window.ctx.navigate.emit("clients", client_id)
    page = clients.client_page
    overview: Any = page.show_tab(type(page.tab_pages[0]))
    glance = {key: overview.values[key].text() for key in ("programme", "money", "open_items")}
    assert glance == {
        "programme": "Three months of change; sessions 1 of 7 used (1 attended, 0 missed)",
        "money": "£400.00 paid, £800.00 to pay",
        "open_items": "1",
    }
    assert overview.values["pronouns"].text() == "she/her"
    assert overview.values["emergency_contact_name"].text() == "Ingrid Ødegård"
    enrolments: Any = page.show_tab(type(page.tab_pages[1]))
    assert enrolments.model.index(0, 0).data() == "Three months of change"
    assert enrolments.model.index(0, 3).data() == "1 of 7 used (1 attended, 0 missed)"
    assert (
        enrolments.figures["sessions"].text() == "1 of 7 used (1 attended, 0 missed); 6 remaining"
    )
    assert enrolments.figures["paid"].text() == "£400.00 of £1,200.00"
    assert enrolments.figures["outstanding"].text() == "£800.00"
    assert enrolments.figures["unseen"].text().startswith("35 min")
    notes: Any = page.show_tab(type(page.tab_pages[2]))
    assert "Calmer than last week" in notes.note.toPlainText()
    actions: Any = page.show_tab(type(page.tab_pages[3]))
    assert actions.model.index(0, 0).data() == "Keep a sleep diary every morning"
    assert actions.model.index(0, 3).data() == "Open"
    unseen: Any = page.show_tab(type(page.tab_pages[4]))
    assert unseen.section.summary.text() == "35 min in all"
    payments: Any = page.show_tab(type(page.tab_pages[5]))
    assert payments.model.index(0, 4).data() == "£400.00"
    assert payments.model.index(0, 6).data() == "BACS ZOE-1"
