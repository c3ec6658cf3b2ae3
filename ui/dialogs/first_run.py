"""First run: offer to explore a sample practice (a separate demo database) once.

The choice is remembered in QSettings, so the offer is made only once. The sample lives
in its own file (``practice.db.paths.demo_database_path()``) and never mixes with the
practitioner's own records.
"""

from __future__ import annotations

import logging
import sys
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QSettings, Qt
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import (
    QApplication,
    QDialog,
    QDialogButtonBox,
    QLabel,
    QProgressDialog,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from practice.db import Database, open_database
from practice.db.paths import demo_database_path
from practice.services.clients import count_clients
from practice.services.programmes import list_programmes

if TYPE_CHECKING:
    from practice.demo.generator import Progress

log = logging.getLogger(__name__)

OFFERED_KEY = "first_run/sample_offered"
CHOICE_KEY = "first_run/choice"


def is_empty_practice(db: Database) -> bool:
    """No clients and no programmes yet: a brand-new practice."""
    return count_clients(db) == 0 and not list_programmes(db, include_archived=True)


def should_offer_sample(db: Database, settings: QSettings) -> bool:
    offered = settings.value(OFFERED_KEY, False, type=bool)
    return not offered and is_empty_practice(db)


class SampleOfferDialog(QDialog):
    """ "Explore a sample practice" or "Start my own practice"."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle("Welcome to Practice Manager")
        self.wants_sample = False
        title = QLabel("<h2>Welcome to Practice Manager</h2>")
        text = QLabel(
            "Your practice is empty. Would you like to look around a <b>sample practice</b> "
            "first? It has made-up clients, programmes, sessions and payments so you can see "
            "how everything fits together.<br><br>"
            "The sample is kept in a separate file: nothing you do there touches your own "
            "practice. Next time you start the app, your own practice opens; the sample "
            "is always there under Help › Explore the Sample Practice."
        )
        text.setWordWrap(True)
        text.setTextFormat(Qt.TextFormat.RichText)
        text.setMinimumWidth(440)
        buttons = QDialogButtonBox()
        self.sample_button = QPushButton("Explore a sample practice")
        self.own_button = QPushButton("Start my own practice")
        buttons.addButton(self.sample_button, QDialogButtonBox.ButtonRole.AcceptRole)
        buttons.addButton(self.own_button, QDialogButtonBox.ButtonRole.RejectRole)
        self.own_button.setDefault(True)
        self.sample_button.clicked.connect(self._choose_sample)
        self.own_button.clicked.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(title)
        layout.addWidget(text)
        layout.addSpacing(8)
        layout.addWidget(buttons)

    def _choose_sample(self) -> None:
        self.wants_sample = True
        self.accept()


def open_sample_database(path: Path | None = None, progress: Progress | None = None) -> Database:
    """Open the sample practice, filling it with the demo generator when it is empty."""
    path = path if path is not None else demo_database_path()
    db = open_database(path, make_parents=True)
    try:
        if is_empty_practice(db):
            from practice.demo import generate_demo  # the generator loads on first use

            generate_demo(db, progress=progress)
    except BaseException:
        db.close()
        raise
    return db


def open_sample_practice(settings: QSettings, parent: QWidget | None = None) -> Database | None:
    """Make the once-only offer; return the open sample database if it was chosen."""
    dialog = SampleOfferDialog(parent)
    chose = dialog.exec() == QDialog.DialogCode.Accepted and dialog.wants_sample
    settings.setValue(OFFERED_KEY, True)
    settings.setValue(CHOICE_KEY, "sample" if chose else "own")
    settings.sync()
    if not chose:
        return None
    return open_sample_with_progress(parent)


def open_sample_with_progress(parent: QWidget | None = None) -> Database:
    """Open the sample practice, showing progress while it is made the first time."""
    waiting = QProgressDialog("Making the sample practice…", "", 0, 0, parent)
    waiting.setWindowTitle("Sample practice")
    waiting.setCancelButton(None)
    waiting.setMinimumDuration(0)
    waiting.setWindowModality(Qt.WindowModality.ApplicationModal)

    def step(done: int, total: int) -> None:
        waiting.setMaximum(total)
        waiting.setValue(done)
        QApplication.processEvents()

    QGuiApplication.setOverrideCursor(Qt.CursorShape.WaitCursor)
    try:
        return open_sample_database(progress=step)
    finally:
        QGuiApplication.restoreOverrideCursor()
        waiting.close()


def _app_command(arguments: list[str]) -> tuple[str, list[str]]:
    if getattr(sys, "frozen", False):  # the PyInstaller bundle: the app is the executable
        return sys.executable, arguments
    return sys.executable, ["-m", "ui.app", *arguments]


def sample_command() -> tuple[str, list[str]]:
    """How to start another copy of the app on the sample practice (``--sample``), from
    a window of the practitioner's own practice (which stays open)."""
    return _app_command(["--sample", "--from-practice"])


def own_practice_command() -> tuple[str, list[str]]:
    """How to start the app on the practitioner's own practice."""
    return _app_command([])


def server_command(address: str) -> tuple[str, list[str]]:
    """How to start the app on the practice kept on the server at ``address``."""
    return _app_command(["--database", address])
