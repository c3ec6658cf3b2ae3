"""The Clients page and the client form, driven like a practitioner would."""

from __future__ import annotations

from typing import Any

import pytest
from PySide6.QtCore import QSettings, Qt
from PySide6.QtWidgets import QApplication, QDialog, QLineEdit
from pytestqt.qtbot import QtBot

from practice.db import Database
from practice.economics.enrolment import enrolment_rows
from practice.models import ClientStatus
from practice.services.clients import count_clients, create_client, get_client
from practice.timeutil import today
from ui.context import AppContext
from ui.dialogs.client_form import ClientFormDialog
from ui.pages import clients as clients_module
from ui.pages.client.page import TABS
from ui.pages.clients import SEARCH_DELAY_MS, ClientsPage


def type_into(qtbot: QtBot, edit: QLineEdit, text: str) -> None:
    """Type like a person; Qt's key simulation knows only ASCII, so the rest is inserted
    as an input method would."""
    if text.isascii():
        qtbot.keyClicks(edit, text)
    else:
        edit.setFocus()
        edit.insert(text)


@pytest.fixture
def page(ctx: AppContext, qtbot: QtBot) -> ClientsPage:
    widget = ClientsPage(ctx)
    qtbot.addWidget(widget)
    widget.refresh()
    return widget


def test_form_shows_problems_beside_the_field_and_saves_nothing(
    ctx: AppContext, db: Database, qtbot: QtBot
) -> None:
    form = ClientFormDialog(ctx)
    qtbot.addWidget(form)
    qtbot.mouseClick(form.save_button, Qt.MouseButton.LeftButton)
    assert form.errors.message_for("first_name") == "is required."
    assert form.result() != QDialog.DialogCode.Accepted
    type_into(qtbot, form.edits["first_name"], "Zoë")
    qtbot.keyClicks(form.edits["email"], "zoe at example")
    qtbot.mouseClick(form.save_button, Qt.MouseButton.LeftButton)
    assert "does not look like an email address" in form.errors.message_for("email")
    assert form.errors.message_for("first_name") == ""
    assert count_clients(db) == 0


def test_form_creates_a_client_with_every_detail(
    ctx: AppContext, db: Database, qtbot: QtBot
) -> None:
    form = ClientFormDialog(ctx)
    qtbot.addWidget(form)
    changes: list[str] = []
    ctx.data_changed.connect(changes.append)
    values = {
        "first_name": "Siobhán",
        "last_name": "Ní Bhriain",
        "preferred_name": "Shiv",
        "pronouns": "she/her",
        "email": "shiv@example.org",
        "phone": "+353 1 234 5678",
    }
    for field, text in values.items():
        type_into(qtbot, form.edits[field], text)
    type_into(qtbot, form.emergency_name, "Aoife Ní Bhriain")
    type_into(qtbot, form.emergency_phone, "01 765 4321")
    form.consent_to_contact.setChecked(True)
    form.status.setCurrentIndex(form.status.findData(ClientStatus.ACTIVE.value))
    qtbot.mouseClick(form.save_button, Qt.MouseButton.LeftButton)
    assert form.result() == QDialog.DialogCode.Accepted
    assert form.client is not None
    saved = get_client(db, form.client.id)
    assert saved.display_name == "Shiv Ní Bhriain"
    assert saved.pronouns == "she/her"
    assert saved.emergency_contact_name == "Aoife Ní Bhriain"
    assert saved.consent_to_contact is True and saved.consent_to_records is False
    assert saved.status is ClientStatus.ACTIVE
    assert changes == ["clients"]


def test_edit_form_loads_and_changes_the_client(
    ctx: AppContext, db: Database, qtbot: QtBot
) -> None:
    client = create_client(db, first_name="Андрей", last_name="Смирнов", notes="Prefers mornings")
    form = ClientFormDialog(ctx, client.id)
    qtbot.addWidget(form)
    assert form.edits["last_name"].text() == "Смирнов"
    assert form.notes.toPlainText() == "Prefers mornings"
    form.edits["pronouns"].setText("he/him")
    qtbot.mouseClick(form.save_button, Qt.MouseButton.LeftButton)
    assert get_client(db, client.id).pronouns == "he/him"


def test_search_waits_for_typing_to_stop_then_filters_in_sql(
    page: ClientsPage, db: Database, qtbot: QtBot
) -> None:
    for first, last in (("Zoë", "Ødegård"), ("Ελένη", "Παπαδοπούλου"), ("José", "Núñez")):
        create_client(db, first_name=first, last_name=last)
    page.refresh()
    assert page.model.rowCount() == 3
    qtbot.keyClicks(page.search, "jose")
    assert page.model.rowCount() == 3  # not yet: the search runs when typing stops
    qtbot.waitUntil(lambda: page.model.rowCount() == 1, timeout=SEARCH_DELAY_MS * 10)
    assert page.model.index(0, 0).data() == "José Núñez"
    assert page.count_label.text() == "1 client"
    page.search.setText("ελενη")
    qtbot.waitUntil(lambda: page.model.rowCount() == 1 and "Ελένη" in page.model.index(0, 0).data())
    page.search.setText("nobody")
    qtbot.waitUntil(lambda: page.model.rowCount() == 0)
    assert not page.empty.isHidden() and "No client matches" in page.empty.text()


def test_status_filter_and_archive(
    page: ClientsPage, db: Database, qtbot: QtBot, message_boxes: Any
) -> None:
    create_client(db, first_name="Ana", status="active")
    ben = create_client(db, first_name="Ben", status="completed")
    page.refresh()
    assert [page.model.row_at(r).first_name for r in range(page.model.rowCount())] == ["Ana"]
    page.status_filter.setCurrentIndex(page.status_filter.findText("Completed"))
    assert [page.model.row_at(r).id for r in range(page.model.rowCount())] == [ben.id]
    page.table.selectRow(0)
    assert page.archive_button.isEnabled()
    qtbot.mouseClick(page.archive_button, Qt.MouseButton.LeftButton)
    assert message_boxes.shown[-1][0] == "question"
    assert get_client(db, ben.id).status is ClientStatus.ARCHIVED
    page.refresh()
    assert page.model.rowCount() == 0
    page.status_filter.setCurrentIndex(page.status_filter.findText("Everyone"))
    assert page.model.rowCount() == 2


def test_new_client_from_the_page_is_selected(
    page: ClientsPage, db: Database, monkeypatch: pytest.MonkeyPatch
) -> None:
    class Filled(ClientFormDialog):
        def exec(self) -> int:
            self.edits["first_name"].setText("Priya")
            self.edits["last_name"].setText("Khan")
            self.save()
            return int(self.result())

    monkeypatch.setattr(clients_module, "ClientFormDialog", Filled)
    page.new_item()
    assert count_clients(db) == 1
    assert page.selected_id() == page.model.row_at(0).id
    assert page.model.index(0, 0).data() == "Priya Khan"


def test_enter_opens_the_client_page_and_back_returns(
    page: ClientsPage, db: Database, qtbot: QtBot
) -> None:
    client = create_client(db, first_name="Zoë", last_name="Ødegård", status="active")
    page.refresh()
    page.table.setCurrentIndex(page.model.index(0, 0))
    qtbot.keyClick(page.table, Qt.Key.Key_Return)
    assert page.stack.currentWidget() is page.client_page
    assert page.client_page.name.text() == "Zoë Ødegård"
    overview = page.client_page.tab_pages[0]
    assert overview.values["full_name"].text() == "Zoë Ødegård"  # type: ignore[attr-defined]
    assert overview.values["status"].text() == "Active"  # type: ignore[attr-defined]
    assert client.id == page.client_page.client_id
    qtbot.mouseClick(page.client_page.back_button, Qt.MouseButton.LeftButton)
    assert page.stack.currentWidget() is page.list_view


def test_every_client_tab_shows_a_sample_client(
    demo_db: Database, settings: QSettings, qtbot: QtBot
) -> None:
    page = ClientsPage(AppContext(demo_db, settings))
    qtbot.addWidget(page)
    row = max(enrolment_rows(demo_db, today=today()), key=lambda r: r.sessions_used)
    page.open_item(row.client_id)
    client_page = page.client_page
    assert [client_page.tabs.tabText(i) for i in range(client_page.tabs.count())] == [
        tab.title for tab in TABS
    ]
    for index in range(client_page.tabs.count()):
        client_page.tabs.setCurrentIndex(index)
        tab: Any = client_page.tab_pages[index]
        assert tab.client_id == row.client_id
    enrolments: Any = client_page.tab_pages[1]
    texts = [enrolments.model.index(r, 0).data() for r in range(enrolments.model.rowCount())]
    assert row.programme_name in texts
    assert (
        enrolments.figures["sessions"]
        .text()
        .startswith(f"{enrolments.selected().sessions_used} of")
    )
    sessions: Any = client_page.tab_pages[2]
    assert sessions.model.rowCount() >= row.sessions_used
    assert sessions.note.toPlainText()


def test_client_tabs_act_on_the_clients_record(
    ctx: AppContext,
    db: Database,
    qtbot: QtBot,
    worked_example: Any,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    from datetime import timedelta

    from practice.economics.source import local_midnight
    from practice.models import ActionStatus, Attendance, ResourceKind, SessionKind, SessionMode
    from practice.services.action_items import NewActionItem, list_action_items
    from practice.services.payments import record_payment
    from practice.services.resources import add_resource, shares_for
    from practice.services.sessions import log_session
    from ui.dialogs.share_resource import ShareResourceDialog
    from ui.documents.preview import DocumentPreviewDialog
    from ui.pages.client import documents as documents_module
    from ui.pages.client import resources as resources_module

    enrolment = worked_example(started_days_ago=20)
    log_session(
        db,
        client_id=enrolment.client_id,
        enrolment_id=enrolment.id,
        starts_at=local_midnight(today() - timedelta(days=7)) + timedelta(hours=10),
        duration_minutes=60,
        kind=SessionKind.SESSION,
        mode=SessionMode.IN_PERSON,
        attendance=Attendance.ATTENDED,
        notes="First session.",
        new_action_items=[NewActionItem("Walk every morning")],
    )
    record_payment(
        db,
        enrolment_id=enrolment.id,
        amount=40_000,
        received_on=today(),
        method="card",
        instalment_id=enrolment.instalments[0].id,
    )
    resource = add_resource(db, title="Body scan recording", kind=ResourceKind.AUDIO)

    page = ClientsPage(ctx)
    qtbot.addWidget(page)
    page.open_client(enrolment.client_id)
    client_page = page.client_page

    # Action items: mark the open item done, and follow-through follows.
    actions: Any = client_page.tab_pages[3]
    client_page.tabs.setCurrentWidget(actions)
    actions.section.table.selectRow(0)
    ctx.data_changed.connect(lambda _area: page.refresh())
    actions.buttons[ActionStatus.DONE].click()
    [item] = list_action_items(db, client_id=enrolment.client_id)
    assert item.status is ActionStatus.DONE
    assert actions.follow.text().startswith("Follow-through: 100% of 1 reviewed")

    # Resources shared: give the recording.
    resources: Any = client_page.tab_pages[6]
    client_page.tabs.setCurrentWidget(resources)

    class Shared(ShareResourceDialog):
        def exec(self) -> int:
            self.resource.setCurrentIndex(self.resource.findData(resource.id))
            self.note.setText("For the evenings")
            self.save()
            return int(self.result())

    monkeypatch.setattr(resources_module, "ShareResourceDialog", Shared)
    resources.share_button.click()
    [share] = shares_for(db, client_id=enrolment.client_id)
    assert (share.title, share.note) == ("Body scan recording", "For the evenings")
    assert resources.model.index(0, 1).data() == "Body scan recording"

    # Documents: the agreement and the receipt open in the preview.
    documents: Any = client_page.tab_pages[7]
    client_page.tabs.setCurrentWidget(documents)
    documents.agreement_button.click()  # the real agreement, in the real preview
    previews = [w for w in QApplication.topLevelWidgets() if isinstance(w, DocumentPreviewDialog)]
    assert len(previews) == 1 and previews[0].isVisible()
    previews[0].close()
    opened: list[str] = []

    def fake(kind: str) -> Any:
        return lambda parent, database, ident: opened.append(f"{kind} {ident}")

    for name in ("show_agreement", "show_statement", "show_receipt"):
        monkeypatch.setattr(documents_module, name, fake(name))
    documents.agreement_button.click()
    documents.statement_button.click()
    documents.receipt_button.click()
    payment_id = documents.selected_payment().id
    assert opened == [
        f"show_agreement {enrolment.id}",
        f"show_statement {enrolment.id}",
        f"show_receipt {payment_id}",
    ]


def test_log_a_session_from_the_client_page(
    ctx: AppContext, db: Database, qtbot: QtBot, worked_example: Any
) -> None:
    from PySide6.QtCore import QDateTime, QTimer

    from practice.services.sessions import list_sessions
    from practice.services.worklog import list_work
    from ui.dialogs.session_log import SessionLogDialog
    from ui.dialogs.work_suggestions import WorkSuggestionsDialog

    enrolment = worked_example(started_days_ago=20)
    page = ClientsPage(ctx)
    qtbot.addWidget(page)
    page.show()
    page.open_client(enrolment.client_id)
    ctx.data_changed.connect(lambda _area: page.refresh())

    def when_open(kind: type, act: Any, left: int = 200) -> None:
        dialog = QApplication.activeModalWidget()
        if isinstance(dialog, kind):
            act(dialog)
        elif left:
            QTimer.singleShot(10, lambda: when_open(kind, act, left - 1))

    def fill(dialog: SessionLogDialog) -> None:
        assert dialog.enrolment.currentData() == enrolment.id
        dialog.starts_at.setDateTime(QDateTime.currentDateTime().addDays(-1))
        dialog.notes.setPlainText("Talked about the first weeks.")
        QTimer.singleShot(
            0, lambda: when_open(WorkSuggestionsDialog, lambda d: d.add_button.click())
        )
        dialog.save()

    QTimer.singleShot(0, lambda: when_open(SessionLogDialog, fill))
    page.client_page.log_button.click()
    [session] = list_sessions(db, client_id=enrolment.client_id)
    assert session.note is not None and session.note.body == "Talked about the first weeks."
    assert sorted(e.minutes for e in list_work(db, client_id=enrolment.client_id)) == [15, 20]
    sessions: Any = page.client_page.show_tab(type(page.client_page.tab_pages[2]))
    assert sessions.model.rowCount() == 1
    assert "Talked about the first weeks." in sessions.note.toPlainText()


def test_a_birth_date_in_the_future_is_refused_beside_it(
    ctx: AppContext, db: Database, qtbot: QtBot
) -> None:
    from datetime import timedelta

    form = ClientFormDialog(ctx)
    qtbot.addWidget(form)
    form.edits["first_name"].setText("Ana")
    form.date_of_birth.set_value(today() + timedelta(days=3))
    form.save()
    assert form.errors.message_for("date_of_birth").startswith("cannot be after")
    assert count_clients(db) == 0
    form.date_of_birth.set_value(None)
    form.save()
    assert form.result() == QDialog.DialogCode.Accepted
    assert count_clients(db) == 1


def test_archiving_a_client_in_a_programme_is_refused_in_plain_words(
    page: ClientsPage, db: Database, worked_example: Any, message_boxes: Any
) -> None:
    enrolment = worked_example()
    page.refresh()
    page.table.selectRow(page.model.row_of(enrolment.client_id))
    page.archive_selected()
    kind, _title, text = message_boxes.shown[-1]
    assert kind == "warning"
    assert "cannot be archived" in text and "active enrolment" in text
    assert get_client(db, enrolment.client_id).status is ClientStatus.ACTIVE


def test_erasure_on_request_from_the_client_page(
    ctx: AppContext, db: Database, qtbot: QtBot, monkeypatch: pytest.MonkeyPatch
) -> None:
    from ui.safekeeping.record_dialogs import EraseClientDialog

    client = create_client(db, first_name="Ana", last_name="Lima")
    page = ClientsPage(ctx)
    qtbot.addWidget(page)
    ctx.data_changed.connect(lambda _area: page.refresh())
    page.open_client(client.id)
    documents: Any = page.client_page.tab_pages[-1]
    page.client_page.tabs.setCurrentWidget(documents)

    def typed(dialog: EraseClientDialog) -> int:
        dialog.confirmation.setText("Ana Lima")
        dialog.erase_button.click()
        return int(dialog.result())

    monkeypatch.setattr(EraseClientDialog, "exec", typed)
    documents.erase_button.click()
    assert count_clients(db) == 0
    assert page.stack.currentWidget() is page.list_view
