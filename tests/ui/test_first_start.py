"""The first start on a computer with no practice yet (issue 15): the practitioner's own
practice, or their group practice's server; the server practice opened here is opened
at the next start, and forgotten when it no longer opens."""

from __future__ import annotations

import itertools
from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QSettings, QTimer
from PySide6.QtWidgets import QAbstractButton, QApplication, QMessageBox
from pytestqt.qtbot import QtBot

from tests.postgres import SUPERUSER, PostgresServer
from tests.ui.conftest import MessageBoxes, fresh_home
from ui.dialogs.first_start import OPENED_SERVER, OWN, first_start, opened_server

_names = itertools.count(1)


def when_shown(step: Callable[[], None], kind: type = QMessageBox) -> None:
    """Run ``step`` once a modal window of ``kind`` is up (as a person acts on it)."""

    def attempt() -> None:
        if not isinstance(QApplication.activeModalWidget(), kind):
            QTimer.singleShot(10, attempt)
            return
        step()

    QTimer.singleShot(0, attempt)


def press(text: str) -> None:
    box = QApplication.activeModalWidget()
    assert isinstance(box, QMessageBox)
    button = next(b for b in box.buttons() if b.text().replace("&", "") == text)
    assert isinstance(button, QAbstractButton)
    button.click()


def test_starting_ones_own_practice(tmp_path: Path, qtbot: QtBot) -> None:
    settings = QSettings(str(tmp_path / "s.ini"), QSettings.Format.IniFormat)
    when_shown(lambda: press("Start My Own Practice"))
    assert first_start(settings) == OWN


def test_joining_a_practice_server(tmp_path: Path, qtbot: QtBot) -> None:
    from ui.dialogs.connect_server import ConnectServerDialog

    settings = QSettings(str(tmp_path / "s.ini"), QSettings.Format.IniFormat)

    def fill_in() -> None:
        dialog = QApplication.activeModalWidget()
        assert isinstance(dialog, ConnectServerDialog)
        dialog.host.setText("db.practice.lan")
        dialog.database.setText("practice")
        dialog.login.setText("sam")
        dialog.accept()

    def join() -> None:
        press("Join a Practice Server…")

    when_shown(join)
    when_shown(fill_in, ConnectServerDialog)  # the connect dialog, after the choice
    chosen = first_start(settings)
    assert chosen is not None and chosen.startswith("postgresql://sam@db.practice.lan")


def test_quitting_at_the_first_start(tmp_path: Path, qtbot: QtBot) -> None:
    settings = QSettings(str(tmp_path / "s.ini"), QSettings.Format.IniFormat)
    when_shown(lambda: press("Quit"))
    assert first_start(settings) is None


def test_the_server_practice_opened_here_is_opened_at_the_next_start(
    postgres: PostgresServer, tmp_path: Path
) -> None:
    """Whole starts of the app, each its own process with a fresh HOME: opened once with
    ``--database postgresql://…``, the next start with no arguments (and no practice
    file here) opens that server practice without asking anything."""
    import subprocess
    import sys

    name = f"first_start_{next(_names)}"
    postgres.create_database(name)
    address = f"postgresql://{SUPERUSER}@/{name}?host={postgres.sockets}&port={postgres.port}"
    home, env = fresh_home(tmp_path)

    def start(*arguments: str) -> subprocess.CompletedProcess[str]:
        return subprocess.run(
            [sys.executable, "-m", "ui.app", *arguments, "--exit-when-shown"],
            env=env, capture_output=True, text=True, timeout=90,
        )  # fmt: skip

    first = start("--database", address)
    assert first.returncode == 0, first.stderr[-2000:]
    for log in home.rglob("*.log"):
        log.unlink()  # what the next start writes only
    again = start()  # would wait on the welcome question if the server were not kept
    assert again.returncode == 0, again.stderr[-2000:]
    assert f"opened the practice “{name}” on this computer" in again.stderr + "".join(
        p.read_text(errors="replace") for p in home.rglob("*.log")
    )
    assert not list(home.rglob("*.db"))  # no practice file was made here


def test_a_remembered_server_that_no_longer_opens_is_forgotten(
    postgres: PostgresServer, message_boxes: MessageBoxes
) -> None:
    from ui.app import run_on_server

    gone = (
        f"postgresql://{SUPERUSER}@/no_such_practice?host={postgres.sockets}&port={postgres.port}"
    )
    QSettings().setValue(OPENED_SERVER, gone)
    assert run_on_server(QApplication.instance(), gone, remembered=True) == 1
    assert message_boxes.texts()[-1].endswith(
        "Next time, Practice Manager asks again which practice to open."
    )
    assert opened_server(QSettings()) is None
