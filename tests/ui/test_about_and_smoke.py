"""Help › About (version, licence, where the database, backups and log are), Help › Show
Data/Backups Folder, and the ``--smoke-test`` a built app runs (here from source)."""

from __future__ import annotations

import io
import logging
from collections.abc import Iterator
from datetime import date
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import QObject, QUrl, Slot
from PySide6.QtGui import QDesktopServices, QGuiApplication
from pytestqt.qtbot import QtBot
from sqlalchemy import select

from practice import __version__
from practice.db import Database, migrate
from practice.models import Client
from practice.safekeeping.backup import backup_folder_for
from ui import app
from ui.dialogs.about import AboutDialog, about_facts
from ui.smoke import STEPS, SmokeState, run_smoke_test

TODAY = date(2026, 6, 15)


class Opened(QObject):
    """Receives the URLs the app asks the system to open (QDesktopServices' own hook)."""

    def __init__(self) -> None:
        super().__init__()
        self.urls: list[QUrl] = []

    @Slot(QUrl)
    def open(self, url: QUrl) -> None:
        self.urls.append(url)


@pytest.fixture
def opened() -> Iterator[Opened]:
    receiver = Opened()
    QDesktopServices.setUrlHandler("file", receiver, "open")
    try:
        yield receiver
    finally:
        QDesktopServices.unsetUrlHandler("file")


def test_about_says_version_database_schema_backups_and_log(
    db: Database, qtbot: QtBot, tmp_path: Path
) -> None:
    facts = about_facts(db, log_path=tmp_path / "logs" / "practice-manager.log")
    dialog = AboutDialog(facts)
    qtbot.addWidget(dialog)
    assert __version__ in dialog.title_label.text()
    assert dialog.database_label.text() == str(db.path)
    head = migrate.head_revision()
    assert dialog.schema_label.text() == (
        f"{head} (up to date); last opened by Practice Manager {__version__}"
    )
    assert dialog.backups_label.text() == str(backup_folder_for(db))
    log_path, note = dialog.log_label.text().splitlines()
    assert log_path == str(tmp_path / "logs" / "practice-manager.log")
    assert "never client details" in note
    assert dialog.licence_label.text().startswith("Proprietary")
    assert "PySide6, LGPL 3" in dialog.licence_label.text()
    dialog.copy_details()
    copied = QGuiApplication.clipboard().text()
    assert copied.splitlines()[0] == f"Practice Manager {__version__}"
    assert f"Database: {db.path}" in copied and f"Schema: {head}" in copied


def test_about_opens_from_the_help_menu(window: Any, qtbot: QtBot) -> None:
    window.about_action.trigger()
    dialog = window.about_dialog
    qtbot.waitUntil(dialog.isVisible)
    assert dialog.database_label.text() == str(window.ctx.db.path)
    dialog.reject()


def test_help_shows_the_data_and_backups_folders(window: Any, opened: Opened, qtbot: QtBot) -> None:
    backups = backup_folder_for(window.ctx.db)
    assert not backups.exists()
    window.show_data_action.trigger()
    window.show_backups_action.trigger()
    assert [Path(url.toLocalFile()) for url in opened.urls] == [
        window.ctx.db.path.parent,
        backups,
    ]
    assert backups.is_dir()  # made, owner-only, so the file manager has a folder to show


def test_the_about_box_folder_buttons_open_them(
    db: Database, opened: Opened, qtbot: QtBot, tmp_path: Path
) -> None:
    dialog = AboutDialog(about_facts(db, log_path=tmp_path / "logs" / "practice-manager.log"))
    qtbot.addWidget(dialog)
    dialog.logs_button.click()
    dialog.data_button.click()
    assert [Path(url.toLocalFile()) for url in opened.urls] == [tmp_path / "logs", db.path.parent]


def test_the_smoke_test_passes_one_line_per_step_and_logs_no_client(
    qtbot: QtBot, tmp_path: Path
) -> None:
    root = logging.getLogger()
    before = list(root.handlers)
    log_path = app.setup_logging(tmp_path / "logs")
    names: list[str] = []

    def collect(state: SmokeState) -> str:
        assert isinstance(state.db, Database)
        with state.db.reading() as s:
            for client in s.scalars(select(Client)):
                names.extend([client.first_name, client.last_name])
        return f"{len(names)} names"

    steps = (*STEPS[:-1], ("names", collect), STEPS[-1])
    out, err = io.StringIO(), io.StringIO()
    try:
        code = run_smoke_test(today=TODAY, out=out, err=err, steps=steps)
        logging.getLogger("practice").warning("a line the smoke test's run wrote")
    finally:
        for handler in root.handlers[:]:
            if handler not in before:
                handler.flush()
                root.removeHandler(handler)
                handler.close()
    lines = out.getvalue().splitlines()
    assert code == 0, err.getvalue()
    assert [line.split(":")[0] for line in lines[:-1]] == [f"ok  {name}" for name, _ in steps]
    assert lines[-1].startswith("smoke test passed in ")
    assert err.getvalue() == ""
    log_text = log_path.read_text(encoding="utf-8")
    assert "a line the smoke test's run wrote" in log_text
    assert names and not [name for name in names if name and name in log_text]


def test_a_failing_smoke_step_is_named_and_exits_non_zero(qtbot: QtBot) -> None:
    def broken(_state: SmokeState) -> str:
        raise FileNotFoundError("resources/fonts/DejaVuSans.ttf")

    out, err = io.StringIO(), io.StringIO()
    code = run_smoke_test(today=TODAY, out=out, err=err, steps=(STEPS[0], ("fonts", broken)))
    assert code == 1
    assert out.getvalue().startswith("ok  version: ")
    assert err.getvalue().strip() == (
        "FAILED fonts: FileNotFoundError: resources/fonts/DejaVuSans.ttf"
    )


def test_smoke_test_and_cli_from_the_app_entry_point(
    capsys: pytest.CaptureFixture[str], qtbot: QtBot
) -> None:
    assert app.main(["--smoke-test"]) == 0
    assert capsys.readouterr().out.splitlines()[-1].startswith("smoke test passed in ")
    with pytest.raises(SystemExit) as done:
        app.main(["--cli", "--version"])
    assert done.value.code == 0
    assert capsys.readouterr().out.strip() == f"practice {__version__}"
    with pytest.raises(SystemExit):
        app.main(["--version"])
    assert capsys.readouterr().out.strip() == f"practice-manager {__version__}"
