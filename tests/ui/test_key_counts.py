"""The working day by keyboard, counted: the real main window driven only by keys sent
to the focused window (as a keyboard sends them), every key counted except the letters
of the text typed, and the database checked after. The counts are in
benchmarks/RESULTS.md."""

from __future__ import annotations

from collections.abc import Callable
from datetime import timedelta
from typing import Any

import pytest
from PySide6.QtCore import QCoreApplication, QTimer
from PySide6.QtGui import QKeySequence
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication, QWidget
from pytestqt.qtbot import QtBot

from practice.models import ActionStatus, Attendance, SessionKind, SessionMode, WorkCategory
from practice.services import action_items as action_service
from practice.services import sessions as session_service
from practice.services import worklog as worklog_service
from practice.services.action_items import NewActionItem
from practice.timeutil import today
from ui.context import AppContext
from ui.main_window import MainWindow
from ui.pages.sessions import local_midnight

#: The most keys the issue allows for logging a session (besides the text typed).
LOG_SESSION_MOST = 20


class Keyboard:
    """Presses keys into whichever window is active, and counts them."""

    def __init__(self, home: QWidget) -> None:
        self.home = home  # the main window, active again when a dialog closes
        self.keys = 0
        self.dialogs: list[str] = []

    def target(self) -> QWidget:
        window = QApplication.activeModalWidget() or QApplication.activeWindow() or self.home
        if not window.isActiveWindow():
            window.activateWindow()
            for _ in range(100):
                QCoreApplication.processEvents()
                if window.isActiveWindow():
                    break
        return window

    def press(self, keys: str) -> None:
        handle = self.target().windowHandle()
        assert handle is not None
        QTest.keySequence(handle, QKeySequence(keys))
        self.keys += 1

    def type(self, text: str) -> None:
        """Type text where the focus is: its letters are not counted."""
        self.target()
        widget = QApplication.focusWidget()
        assert widget is not None, "nothing has the focus to type into"
        QTest.keyClicks(widget, text)

    def when_open(self, kind: type[QWidget], act: Callable[[Any], None]) -> None:
        """Act in the next modal window of ``kind`` as soon as it opens."""

        def run(left: int) -> None:
            dialog = QApplication.activeModalWidget()
            if isinstance(dialog, kind):
                self.dialogs.append(kind.__name__)
                act(dialog)
                return
            assert left > 0, f"no {kind.__name__} opened"
            QTimer.singleShot(10, lambda: run(left - 1))

        QTimer.singleShot(0, lambda: run(300))


@pytest.fixture
def window(ctx: AppContext, qtbot: QtBot) -> MainWindow:
    win = MainWindow(ctx)
    qtbot.addWidget(win)
    win.resize(1366, 768)
    win.show()
    qtbot.waitExposed(win)
    win.activateWindow()
    qtbot.waitActive(win)
    return win


def _two_open_items(ctx: AppContext, worked_example: Callable[..., Any]) -> tuple[int, list[int]]:
    enrolment = worked_example()
    items = []
    for days, text in ((14, "Walk every morning"), (7, "Call the GP")):
        earlier = session_service.log_session(
            ctx.db,
            client_id=enrolment.client_id,
            enrolment_id=enrolment.id,
            starts_at=local_midnight(today() - timedelta(days=days)) + timedelta(hours=10),
            duration_minutes=60,
            kind=SessionKind.SESSION,
            mode=SessionMode.VIDEO,
            attendance=Attendance.ATTENDED,
            new_action_items=[NewActionItem(text)],
        )
        items.append(earlier.action_items[0].id)
    return enrolment.client_id, items


def test_logging_todays_session_takes_at_most_twenty_keys(
    window: MainWindow,
    ctx: AppContext,
    qtbot: QtBot,
    worked_example: Callable[..., Any],
    message_boxes: Any,
) -> None:
    from ui.dialogs.go_to_client import GoToClientDialog
    from ui.dialogs.session_log import SessionLogDialog
    from ui.dialogs.work_suggestions import WorkSuggestionsDialog

    client_id, items = _two_open_items(ctx, worked_example)
    kb = Keyboard(window)

    # find the client: Ctrl+K, her name, Enter
    def go(dialog: GoToClientDialog) -> None:
        kb.type("Zoe")  # accents are ignored by the search (keyClicks types ASCII)
        kb.press("Return")

    kb.when_open(GoToClientDialog, go)
    kb.press("Ctrl+K")
    qtbot.waitUntil(lambda: window.current_key() == "clients")

    # log the session: the note, both items reviewed, one agreed, saved; then the
    # suggested prep and write-up accepted with Enter
    def log(dialog: SessionLogDialog) -> None:
        kb.target()
        assert QApplication.focusWidget() is dialog.notes  # starts where the work is
        kb.type("Talked about the new job; calmer, sleeping better.")
        kb.press("Tab")  # to the private notes
        kb.press("Tab")  # to the review of open items
        kb.press("D")  # Walk every morning: done
        kb.press("P")  # Call the GP: partly
        kb.press("Tab")  # to the new action item
        kb.type("Keep a sleep diary")
        kb.press("Return")  # added; the focus stays for another
        kb.when_open(WorkSuggestionsDialog, lambda _dialog: kb.press("Return"))
        kb.press("Ctrl+Return")  # save

    kb.when_open(SessionLogDialog, log)
    kb.press("Ctrl+L")
    qtbot.waitUntil(lambda: "WorkSuggestionsDialog" in kb.dialogs)
    qtbot.waitUntil(lambda: bool(worklog_service.list_work(ctx.db, client_id=client_id)))

    [session] = session_service.list_sessions(
        ctx.db, client_id=client_id, start=local_midnight(today())
    )
    assert session.attendance is Attendance.ATTENDED
    assert session.note is not None and session.note.body.startswith("Talked about the new job")
    reviewed = {
        i.id: i.status for i in action_service.list_action_items(ctx.db, client_id=client_id)
    }
    assert (reviewed[items[0]], reviewed[items[1]]) == (ActionStatus.DONE, ActionStatus.PARTLY)
    assert [
        i.description for i in session_service.get_session(ctx.db, session.id).action_items
    ] == ["Keep a sleep diary"]
    work = sorted(
        (e.category, e.minutes)
        for e in worklog_service.list_work(ctx.db, client_id=client_id)
        if e.session_id == session.id
    )
    assert work == [(WorkCategory.PREP, 15), (WorkCategory.WRITE_UP, 20)]
    # one dialog for the session plus the prep/write-up confirmation (and Go to client)
    assert kb.dialogs == ["GoToClientDialog", "SessionLogDialog", "WorkSuggestionsDialog"]
    assert kb.keys <= LOG_SESSION_MOST
    print(f"\nlog a session: {kb.keys} keys, {len(kb.dialogs)} dialogs")
    assert kb.keys == 11  # the count in benchmarks/RESULTS.md; change both together


#: The most keys the issue allows for a new client enrolled with the agreement saved.
NEW_CLIENT_TO_AGREEMENT_MOST = 25


def test_new_client_enrolled_and_agreement_saved_in_at_most_twenty_five_keys(
    window: MainWindow,
    ctx: AppContext,
    qtbot: QtBot,
    message_boxes: Any,
    monkeypatch: pytest.MonkeyPatch,
    tmp_path: Any,
) -> None:
    """New client → enrolled in a programme → agreement saved as a PDF.

    The save-as window is the system's own (outside the app); here it is stood in for by
    one that counts the one key a person presses in it, Enter, accepting the file name
    offered, and records that it was a dialog."""
    from pathlib import Path

    from PySide6.QtWidgets import QFileDialog

    from practice.models import EnrolmentStatus
    from practice.services import enrolments as enrolment_service
    from practice.services.clients import list_clients
    from tests.ui.test_programmes_page import make_programme
    from ui.dialogs.client_form import ClientFormDialog
    from ui.documents.preview import DocumentPreviewDialog

    make_programme(ctx.db)
    kb = Keyboard(window)
    saved: list[Path] = []

    def save_as(_parent: object, _caption: str, start: str, _filter: str) -> tuple[str, str]:
        kb.dialogs.append("QFileDialog")
        kb.keys += 1  # Enter: the name offered is kept
        saved.append(tmp_path / Path(start).name)
        return str(saved[-1]), ""

    monkeypatch.setattr(QFileDialog, "getSaveFileName", staticmethod(save_as))

    kb.press("Ctrl+2")  # Clients
    qtbot.waitUntil(lambda: window.current_key() == "clients")

    def new_client(dialog: ClientFormDialog) -> None:
        kb.type("Maya")
        kb.press("Tab")  # to the last name
        kb.type("Brooks")
        kb.press("Return")  # saved

    kb.when_open(ClientFormDialog, new_client)
    kb.press("Ctrl+N")
    qtbot.waitUntil(lambda: bool(list_clients(ctx.db)))
    [client] = list_clients(ctx.db)
    clients = window.page("clients")
    qtbot.waitUntil(lambda: clients.selected_id() == client.id)  # type: ignore[attr-defined]

    kb.press("Return")  # the client's page
    qtbot.waitUntil(lambda: clients.client_page.isVisible())  # type: ignore[attr-defined]
    kb.press("Alt+O")  # Enrol…: the Enrol page with the client chosen
    qtbot.waitUntil(lambda: window.current_key() == "enrol")

    def agreement(dialog: DocumentPreviewDialog) -> None:
        kb.press("Ctrl+S")  # save as PDF
        qtbot.waitUntil(lambda: dialog.saved_to is not None)
        kb.press("Escape")  # close the preview

    kb.when_open(DocumentPreviewDialog, agreement)
    kb.press("Alt+A")  # Agree and enrol: the agreement opens
    qtbot.waitUntil(lambda: bool(saved) and saved[0].exists())
    qtbot.waitUntil(lambda: QApplication.activeModalWidget() is None)

    [enrolment] = enrolment_service.list_enrolments(ctx.db, client_id=client.id)
    assert enrolment.status is EnrolmentStatus.ACTIVE
    assert saved[0].read_bytes().startswith(b"%PDF")
    assert kb.dialogs == ["ClientFormDialog", "DocumentPreviewDialog", "QFileDialog"]
    assert message_boxes.shown == []
    assert kb.keys <= NEW_CLIENT_TO_AGREEMENT_MOST
    print(f"\nnew client to agreement: {kb.keys} keys, {len(kb.dialogs)} dialogs")
    assert kb.keys == 10  # the count in benchmarks/RESULTS.md; change both together
