"""Opening a client's page is a viewing of their record: the audit log notes it."""

from __future__ import annotations

from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot
from sqlalchemy import select

from practice.db import Database
from practice.models import AuditEntry
from practice.services.clients import create_client
from ui.context import AppContext
from ui.pages.clients import ClientsPage


def views(db: Database) -> list[int | None]:
    with db.transaction() as s:
        return list(s.scalars(select(AuditEntry.entity_id).where(AuditEntry.action == "view")))


def test_opening_a_client_page_is_audited_once_per_opening(
    ctx: AppContext, db: Database, qtbot: QtBot
) -> None:
    client = create_client(db, first_name="Андрей", last_name="Смирнов", status="active")
    page = ClientsPage(ctx)
    qtbot.addWidget(page)
    page.refresh()
    assert views(db) == []

    page.table.setCurrentIndex(page.model.index(0, 0))
    qtbot.keyClick(page.table, Qt.Key.Key_Return)
    assert page.stack.currentWidget() is page.client_page
    page.client_page.tabs.setCurrentIndex(2)  # moving between tabs is not a new viewing
    page.client_page.refresh()
    assert views(db) == [client.id]

    qtbot.mouseClick(page.client_page.back_button, Qt.MouseButton.LeftButton)
    page.open_item(client.id)
    assert views(db) == [client.id, client.id]  # opened again: viewed again
