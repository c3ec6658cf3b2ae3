"""The note search window: Ctrl+Shift+F, hits with the words in bold, Enter opens."""

from __future__ import annotations

from collections.abc import Callable
from datetime import UTC, datetime, timedelta
from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QWidget
from pytestqt.qtbot import QtBot

from practice.db import Database
from practice.search import SearchKind
from practice.services.clients import create_client
from practice.services.sessions import log_session
from ui.search.hits_model import EXTRACT_COLUMN, ROLE_HTML
from ui.search.search_window import NoteSearchWindow


def _note(db: Database, first: str, text: str) -> int:
    client = create_client(db, first_name=first, last_name="Ødegård")
    session = log_session(
        db,
        client_id=client.id,
        starts_at=datetime.now(UTC).replace(microsecond=0) - timedelta(days=4),
        duration_minutes=50,
        kind="session",
        mode="video",
        attendance="attended",
        notes=text,
    )
    return session.id


def test_ctrl_shift_f_opens_the_search_and_enter_opens_the_session(
    window: Any, db: Database, qtbot: QtBot, press: Callable[[QWidget, str], None]
) -> None:
    session_id = _note(db, "Zoë", "She talked about her father's illness and the café.")
    _note(db, "Ana", "Nothing of the kind today.")
    window.show()
    qtbot.waitExposed(window)
    press(window, "Ctrl+Shift+F")
    search: NoteSearchWindow = window.transfer.search_window
    qtbot.waitUntil(lambda: search is not None and search.isVisible())
    qtbot.waitUntil(lambda: search.search.hasFocus())
    qtbot.keyClicks(search.search, "FATHER cafe")
    qtbot.waitUntil(lambda: search.model.rowCount() == 1)
    hit = search.model.row_at(0)
    assert (hit.kind, hit.session_id, hit.client_name) == (
        SearchKind.NOTE,
        session_id,
        "Zoë Ødegård",
    )
    html = search.model.index(0, EXTRACT_COLUMN).data(ROLE_HTML)
    assert "<b>father</b>" in html and "<b>café</b>" in html
    assert "1 found" in search.status.text()
    qtbot.keyClick(search.search, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: window.current_key() == "sessions")
    assert window.page("sessions").selected_session().id == session_id
    assert search.opened.session_id == session_id and search.opened.isVisible()
    search.opened.close()


def test_nothing_found_and_client_details_open_the_client(
    ctx: Any, db: Database, qtbot: QtBot, qtmodeltester: Any
) -> None:
    client = create_client(db, first_name="Bea", notes="Came through the allotment society")
    opened: list[tuple[str, object]] = []
    ctx.navigate.connect(lambda key, payload: opened.append((key, payload)))
    search = NoteSearchWindow(ctx)
    qtbot.addWidget(search)
    search.search.setText("zebra")
    search.run_search()
    assert search.model.rowCount() == 0
    assert "Nothing found for “zebra”" in search.status.text()
    search.search.setText("allotment")
    search.run_search()
    qtmodeltester.check(search.model)
    assert search.model.row_at(0).kind is SearchKind.CLIENT
    search.view.activated.emit(search.model.index(0, 0))
    assert opened == [("clients", client.id)]
