"""The app on a group practice kept on a PostgreSQL server (issue 15): the window on a
real server's practice, the password asked by the server's own rules, File › Connect.
"""

from __future__ import annotations

import itertools
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import QSettings
from pytestqt.qtbot import QtBot

from practice.db import Database
from practice.db.server import ServerAddress, open_server_database
from practice.models import PractitionerRole
from practice.services.clients import create_client
from tests.postgres import SUPERUSER, PostgresServer, as_login
from tests.ui.conftest import MessageBoxes
from ui.context import AppContext

_names = itertools.count(1)
PASSWORD = "a server password, long"


@pytest.fixture(scope="module")
def server_practice(postgres: PostgresServer) -> str:
    """A practice on the session's server with one practitioner, kai (password needed)."""
    members = [("Kai Moreno", "kai", PractitionerRole.PRACTITIONER)]
    return as_login(postgres.team_practice(f"window_{next(_names)}", members, PASSWORD), "kai")


@pytest.fixture
def on_server(server_practice: str) -> Iterator[Database]:
    db = open_server_database(server_practice, PASSWORD)
    try:
        yield db
    finally:
        db.close()


def test_the_window_on_a_server_practice_leaves_backups_to_the_server(
    on_server: Database, settings: QSettings, qtbot: QtBot, message_boxes: MessageBoxes
) -> None:
    from ui.dialogs.about import about_facts
    from ui.main_window import MainWindow
    from ui.safekeeping.controller import SafekeepingController

    create_client(on_server, first_name="Ines", last_name="Park")
    ctx = AppContext(on_server, settings)
    window = MainWindow(ctx)
    qtbot.addWidget(window)
    keeper = SafekeepingController(ctx, window)
    menu = keeper.install()
    labels = [a.text() for a in menu.actions() if a.isVisible() and a.text()]
    assert "&Backups of This Practice…" in labels
    assert not {"&Back Up Now", "&Restore from a Backup…", "Change &Password…"} & set(labels)
    assert not keeper.backup_timer.isActive() and keeper.periodic_backup() is False
    assert keeper.on_close() is None  # no closing backup: there is no file here
    keeper.server_backups()
    assert "Its backups are the server's job" in message_boxes.texts()[-1]
    facts = about_facts(on_server)
    assert facts.database == on_server.where and facts.backups is None
    assert "Backups: the server's job" in facts.as_text()
    window.show_page("clients")
    window.resize(1366, 768)
    window.show()
    qtbot.waitExposed(window)
    assert not [t for k, _t, t in message_boxes.shown if k in ("critical", "warning")]


def test_the_password_is_asked_and_a_wrong_one_is_said_plainly(
    server_practice: str, qtbot: QtBot
) -> None:
    from ui.safekeeping.server_login import NO_KEYRING, ServerLoginDialog

    address = ServerAddress.parse(server_practice)
    dialog = ServerLoginDialog(address, lambda pw: open_server_database(address, pw))
    qtbot.addWidget(dialog)
    assert not dialog.remember.isEnabled()  # no keyring on this machine: nothing saved
    assert dialog.remember.toolTip() == NO_KEYRING
    dialog.password.setText("not it at all")
    dialog.accept()
    assert dialog.db is None and dialog.result() == 0
    assert dialog.error.text() == "The server refused the password for kai."
    dialog.password.setText(PASSWORD)
    dialog.accept()
    assert dialog.db is not None
    try:
        assert dialog.db.where.endswith("as kai")
    finally:
        dialog.db.close()


def test_a_server_that_needs_no_password_opens_without_asking(postgres: PostgresServer) -> None:
    from ui.safekeeping.server_login import open_server_interactive

    name = f"window_{next(_names)}"
    postgres.create_database(name)
    address = f"postgresql://{SUPERUSER}@/{name}?host={postgres.sockets}&port={postgres.port}"
    db = open_server_interactive(ServerAddress.parse(address))
    assert db is not None
    db.close()


def test_connect_to_a_server_builds_its_address_and_remembers_it(
    settings: QSettings, qtbot: QtBot, tmp_path: Path
) -> None:
    from ui.dialogs.connect_server import ConnectServerDialog

    dialog = ConnectServerDialog(settings)
    qtbot.addWidget(dialog)
    dialog.host.setText("db.practice.example")
    dialog.database.setText("practice")
    dialog.accept()
    assert dialog.error.text() == "Login: say which." and not dialog.text
    dialog.login.setText("kai")
    dialog.authority.setText(str(tmp_path / "missing.crt"))
    dialog.accept()
    assert "there is no file" in dialog.error.text()
    authority = tmp_path / "practice-ca.crt"
    authority.write_text("-----BEGIN CERTIFICATE-----\n", encoding="utf-8")
    dialog.authority.setText(str(authority))
    dialog.port.setValue(5433)
    dialog.accept()
    assert dialog.text == (
        f"postgresql://kai@db.practice.example:5433/practice?sslrootcert={authority}"
    )
    assert dialog.address is not None and dialog.address.sslmode == "verify-full"
    again = ConnectServerDialog(settings)
    qtbot.addWidget(again)
    assert (again.host.text(), again.port.value(), again.login.text()) == (
        "db.practice.example",
        5433,
        "kai",
    )


def test_file_menu_connects_in_a_window_of_its_own(
    window: Any, monkeypatch: pytest.MonkeyPatch
) -> None:
    from ui.dialogs.first_run import server_command

    program, arguments = server_command("postgresql://kai@db.practice.example/practice")
    assert arguments[-2:] == ["--database", "postgresql://kai@db.practice.example/practice"]
    assert program
    assert window.connect_action.text() == "Connect to a Practice &Server…"


@pytest.fixture(scope="module")
def team_with_admin_staff(postgres: PostgresServer) -> dict[str, str]:
    """Kai's practice, with Lee (another practitioner) and Ida (admin staff); Kai has a
    client with a session and a note. Each login's address."""
    from datetime import UTC, datetime

    from practice.services.sessions import log_session

    members = [
        ("Kai Moreno", "kai", PractitionerRole.PRACTITIONER),
        ("Lee Park", "lee", PractitionerRole.PRACTITIONER),
        ("Ida Berg", "ida", PractitionerRole.ADMIN_STAFF),
    ]
    address = postgres.team_practice(f"window_{next(_names)}", members, PASSWORD)
    logins = {login: as_login(address, login) for _name, login, _role in members}
    kai = open_server_database(logins["kai"], PASSWORD)
    try:
        client = create_client(kai, first_name="Rosa", last_name="Vale")
        log_session(
            kai, client_id=client.id, starts_at=datetime(2026, 3, 2, 10, tzinfo=UTC),
            duration_minutes=50, kind="session", mode="in_person", attendance="attended",
            notes="Kai's note about Rosa",
        )  # fmt: skip
    finally:
        kai.close()
    return logins | {"client": str(client.id)}


def test_admin_staff_use_every_page_they_may_and_see_no_notes(
    team_with_admin_staff: dict[str, str],
    settings: QSettings,
    qtbot: QtBot,
    message_boxes: MessageBoxes,
) -> None:
    """The server refuses admin staff the clinical tables: the window leaves out what
    needs them (unseen work, reports, action items, notes) instead of failing."""
    from ui.main_window import MainWindow
    from ui.pages.client.page import ClientPage

    db = open_server_database(team_with_admin_staff["ida"], PASSWORD)
    try:
        assert not db.reads_clinical
        ctx = AppContext(db, settings)
        window = MainWindow(ctx)
        qtbot.addWidget(window)
        window.resize(1366, 768)
        window.show()
        assert "worklog" not in window.page_keys and "reports" not in window.page_keys
        for key in window.page_keys:
            window.show_page(key)
        today = window.page("today")
        assert not today.week_box.isVisibleTo(today) and not today.timer.isVisibleTo(today)
        page = ClientPage(ctx)
        qtbot.addWidget(page)
        page.show_client(int(team_with_admin_staff["client"]))
        assert [page.tabs.tabText(i) for i in range(page.tabs.count())] == [
            tab.title for tab in page.tab_pages
        ]
        for index in range(page.tabs.count()):
            page.tabs.setCurrentIndex(index)
        diary = window.page("sessions")
        assert not diary.log_button.isVisibleTo(diary)  # a log holds notes and items
        sessions = next(t for t in page.tab_pages if t.title == "Sessions and notes")
        assert sessions.model.rowCount() == 1  # the diary, with no note
        assert "admin staff never read notes" in sessions.note.toPlainText()
        assert not [t for k, _t, t in message_boxes.shown if k in ("critical", "warning")]
    finally:
        db.close()


def test_a_colleagues_client_page_says_whose_they_are(
    team_with_admin_staff: dict[str, str], settings: QSettings, qtbot: QtBot
) -> None:
    from ui.pages.client.overview import OverviewTab
    from ui.pages.client.sessions import SessionsTab

    db = open_server_database(team_with_admin_staff["lee"], PASSWORD)
    try:
        ctx = AppContext(db, settings)
        overview, sessions = OverviewTab(ctx), SessionsTab(ctx)
        for tab in (overview, sessions):
            qtbot.addWidget(tab)
            tab.show_client(int(team_with_admin_staff["client"]))
        theirs = "Rosa Vale is Kai Moreno's client: their sessions, notes and enrolments"
        assert overview.values["next_session"].text().startswith(theirs)
        assert overview.values["last_session"].text() == "—"  # not "Not seen yet"
        assert sessions.section.empty.text().startswith(theirs)  # not "No sessions yet."
        from ui.pages.client.enrolments import EnrolmentsTab

        enrolments = EnrolmentsTab(ctx)
        qtbot.addWidget(enrolments)
        enrolments.show_client(int(team_with_admin_staff["client"]))
        assert enrolments.section.empty.text().startswith(theirs)  # not "No enrolments yet"
        from ui.pages.today import TodayPage

        today = TodayPage(ctx)
        qtbot.addWidget(today)
        today.refresh()
        assert today.week_box.title().endswith(": your own clients and those shared with you")
    finally:
        db.close()


@pytest.mark.parametrize(
    ("address", "says"),
    [
        ("postgresql://anna@db.example.org/practice", "by TLS, the server's certificate checked"),
        ("postgresql://anna@db.example.org/practice?sslmode=require", "by TLS (its disks"),
        ("postgresql://anna@db.example.org/practice?sslmode=disable", "No: the connection"),
        ("postgresql://anna@/practice?host=/run/postgresql", "the server is on this computer"),
    ],
)
def test_the_about_box_says_how_a_server_practice_is_kept_private(address: str, says: str) -> None:
    """Not "Encrypted: No" for a practice reached over TLS (what the box says depends on
    the address only; nothing is connected)."""
    from types import SimpleNamespace

    from ui.dialogs.about import protection

    db: Any = SimpleNamespace(server=ServerAddress.parse(address), encrypted=False)
    assert says in protection(db)
