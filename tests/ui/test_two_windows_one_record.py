"""Two app windows editing the same client or note (issue 15): the second save is
refused with who saved first and when, the typed text stays in the form, and the
first save is kept. Each window has its own connection to the practice, as two app
instances have: on a practice file, and on a practice server with two practitioners.
"""

from __future__ import annotations

import itertools
from collections.abc import Iterator
from datetime import UTC, datetime
from pathlib import Path

import pytest
from PySide6.QtCore import QSettings, Qt
from pytestqt.qtbot import QtBot

from practice.db import Database, open_database
from practice.db.server import open_server_database
from practice.models import Attendance, PractitionerRole, SessionKind, SessionMode
from practice.services.clients import create_client, get_client
from practice.services.sessions import get_session, log_session
from practice.services.team import add_practitioner, share_client
from tests.postgres import SUPERUSER, PostgresServer
from tests.ui.conftest import MessageBoxes
from ui.context import AppContext

_names = itertools.count(1)


def contexts(first: Database, second: Database, folder: Path) -> tuple[AppContext, AppContext]:
    return tuple(  # type: ignore[return-value]
        AppContext(db, QSettings(str(folder / f"{n}.ini"), QSettings.Format.IniFormat))
        for n, db in enumerate((first, second))
    )


@pytest.fixture
def two_apps_on_a_file(tmp_path: Path) -> Iterator[tuple[AppContext, AppContext]]:
    first = open_database(tmp_path / "practice.db")
    second = open_database(tmp_path / "practice.db")
    try:
        yield contexts(first, second, tmp_path)
    finally:
        second.close()
        first.close()


@pytest.fixture
def two_practitioners(
    postgres: PostgresServer, tmp_path: Path
) -> Iterator[tuple[AppContext, AppContext, int]]:
    """Vera and Wim on one server practice, Vera's client shared with Wim."""
    name = f"two_apps_{next(_names)}"
    postgres.create_database(name)
    address = f"postgresql://{SUPERUSER}@/{name}?host={postgres.sockets}&port={postgres.port}"
    admin = open_server_database(address)
    add_practitioner(admin, "Vera Holm", "vera", PractitionerRole.PRACTITIONER, "long password 1")
    add_practitioner(admin, "Wim Baas", "wim", PractitionerRole.PRACTITIONER, "long password 2")
    vera = open_server_database(address.replace(f"//{SUPERUSER}@", "//vera@"))
    wim = open_server_database(address.replace(f"//{SUPERUSER}@", "//wim@"))
    try:
        client = create_client(vera, first_name="Yara", last_name="Noor")
        share_client(admin, client.id, "wim", "co-working")
        yield (*contexts(vera, wim, tmp_path), client.id)
    finally:
        for db in (wim, vera, admin):
            db.close()


def edit_in_both(first: AppContext, second: AppContext, client_id: int, qtbot: QtBot) -> str:
    """Both windows open the client's form; the first saves a phone number, then the
    second tries to save an email; what the second form says."""
    from ui.dialogs.client_form import ClientFormDialog

    here = ClientFormDialog(first, client_id)
    there = ClientFormDialog(second, client_id)
    for form in (here, there):
        qtbot.addWidget(form)
        form.show()
    here.edits["phone"].setText("01632 960555")
    qtbot.mouseClick(here.save_button, Qt.MouseButton.LeftButton)
    assert here.result() == 1
    there.edits["email"].setText("yara@example.org")
    qtbot.mouseClick(there.save_button, Qt.MouseButton.LeftButton)
    assert there.result() == 0 and there.isVisible()  # still open
    assert there.edits["email"].text() == "yara@example.org"  # what was typed is kept
    saved = get_client(first.db, client_id)
    assert (saved.phone, saved.email) == ("01632 960555", "")  # the first save stands
    assert not there.form_error.isHidden()
    return there.form_error.text()


def test_two_windows_on_a_file_editing_one_client(
    two_apps_on_a_file: tuple[AppContext, AppContext], qtbot: QtBot
) -> None:
    first, second = two_apps_on_a_file
    client = create_client(first.db, first_name="Yara", last_name="Noor")
    said = edit_in_both(first, second, client.id, qtbot)
    assert said.startswith("Someone in another window or the command line saved this client's")
    assert "your changes were not saved" in said


def test_two_practitioners_on_a_server_editing_one_client(
    two_practitioners: tuple[AppContext, AppContext, int], qtbot: QtBot
) -> None:
    vera, wim, client_id = two_practitioners
    said = edit_in_both(vera, wim, client_id, qtbot)
    assert said.startswith("Vera Holm (vera) saved this client's details at ")


def test_two_practitioners_writing_one_note(
    two_practitioners: tuple[AppContext, AppContext, int],
    qtbot: QtBot,
    message_boxes: MessageBoxes,
) -> None:
    from ui.dialogs.session_note import SessionNoteDialog

    vera, wim, client_id = two_practitioners
    session = log_session(
        vera.db,
        client_id=client_id,
        starts_at=datetime(2026, 3, 2, 10, 0, tzinfo=UTC),
        duration_minutes=50,
        kind=SessionKind.SESSION,
        mode=SessionMode.IN_PERSON,
        attendance=Attendance.ATTENDED,
    )
    hers = SessionNoteDialog(vera, session.id)
    his = SessionNoteDialog(wim, session.id)
    for dialog in (hers, his):
        qtbot.addWidget(dialog)
        dialog.show()
    hers.body.setPlainText("Yara spoke about her brother.")
    hers.save_note()
    his.body.setPlainText("Yara wants to work on sleep.")
    his.save_note()
    assert message_boxes.texts()[-1].startswith("Vera Holm (vera) saved this note at ")
    assert his.body.toPlainText() == "Yara wants to work on sleep."  # kept in his editor
    note = get_session(wim.db, session.id).note
    assert note is not None and note.body == "Yara spoke about her brother."


def test_two_windows_changing_the_practices_settings(
    two_apps_on_a_file: tuple[AppContext, AppContext], qtbot: QtBot
) -> None:
    from practice.services.profile import get_profile
    from ui.pages.settings import SettingsPage

    first, second = two_apps_on_a_file
    here, there = SettingsPage(first), SettingsPage(second)
    for page in (here, there):
        qtbot.addWidget(page)
        page.refresh()
    here.edits["phone"].setText("0161 496 0000")
    qtbot.mouseClick(here.save_button, Qt.MouseButton.LeftButton)
    there.edits["registration"].setText("UKCP 123456")
    qtbot.mouseClick(there.save_button, Qt.MouseButton.LeftButton)
    assert there.form_error.text().startswith(
        "Someone in another window or the command line saved the practice's settings at "
    )
    assert there.edits["registration"].text() == "UKCP 123456"  # kept as typed
    saved = get_profile(first.db)
    assert (saved.phone, saved.registration) == ("0161 496 0000", "")


def test_two_windows_editing_one_enquiry(
    two_apps_on_a_file: tuple[AppContext, AppContext], qtbot: QtBot
) -> None:
    """The same for the other records two people may have open (migration 0016); the
    enquiry form stands for every form dialog of the directory and outreach."""
    from datetime import date

    from practice.services.enquiries import get_enquiry, record_enquiry
    from ui.dialogs.enquiry_form import EnquiryFormDialog

    first, second = two_apps_on_a_file
    enquiry = record_enquiry(first.db, name="Ana Reyes", received_on=date(2026, 11, 30))
    here, there = EnquiryFormDialog(first, enquiry.id), EnquiryFormDialog(second, enquiry.id)
    for form in (here, there):
        qtbot.addWidget(form)
        form.show()
    here.request.setPlainText("Sleep, since the move.")
    qtbot.mouseClick(here.save_button, Qt.MouseButton.LeftButton)
    there.phone.setText("07700 900123")
    qtbot.mouseClick(there.save_button, Qt.MouseButton.LeftButton)
    assert there.form_error.isVisible()
    assert "saved this enquiry at " in there.form_error.text()
    assert there.isVisible() and there.phone.text() == "07700 900123"  # open, as typed
    saved = get_enquiry(first.db, enquiry.id)
    assert (saved.request, saved.phone) == ("Sleep, since the move.", "")


def test_two_windows_editing_one_clause_of_the_terms(
    two_apps_on_a_file: tuple[AppContext, AppContext],
    qtbot: QtBot,
    message_boxes: MessageBoxes,
) -> None:
    from practice.services.profile import list_clauses
    from ui.widgets.terms_editor import TermsEditor

    first, second = two_apps_on_a_file
    here, there = TermsEditor(first), TermsEditor(second)
    for editor in (here, there):
        qtbot.addWidget(editor)
        editor.refresh()  # both show the first clause
    key = here.editing_key
    assert key is not None and there.editing_key == key
    here.body.setPlainText("Fifty minutes, weekly.")
    qtbot.mouseClick(here.save_button, Qt.MouseButton.LeftButton)
    there.body.setPlainText("Sixty minutes, fortnightly.")
    qtbot.mouseClick(there.save_button, Qt.MouseButton.LeftButton)
    assert "saved this clause at " in message_boxes.texts()[-1]
    assert there.body.toPlainText() == "Sixty minutes, fortnightly."  # kept as typed
    assert next(c for c in list_clauses(first.db) if c.key == key).body == (
        "Fifty minutes, weekly."
    )
