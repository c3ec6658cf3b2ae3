"""Help › About Practice Manager: the version, the licence, and where everything lives.

Support asks "which version, where is your database, where are the backups and the
log?": the box answers all of it, each path selectable, with buttons to open the
folders in the system's file manager and to copy the details (no client data in them).
"""

from __future__ import annotations

import logging
from dataclasses import dataclass
from pathlib import Path

from PySide6.QtCore import Qt, QUrl
from PySide6.QtGui import QDesktopServices, QGuiApplication
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from practice import __version__
from practice.db import Database
from practice.db.app_version import database_versions
from practice.db.files import make_private_dir
from practice.db.paths import log_file
from practice.errors import PracticeError
from practice.safekeeping.backup import backup_folder_for
from ui.app_icon import app_icon_pixmap

log = logging.getLogger(__name__)

LICENCE = (
    "Proprietary: used under the terms it was supplied with. Built with Qt for Python "
    "(PySide6, LGPL 3), SQLCipher, SQLAlchemy, Alembic, ReportLab, Pillow and Babel under "
    "their own licences; the fonts' licences are beside them in resources/fonts."
)

LOG_NOTE = "Start-ups, backups and errors, never client details; 1 MB and three older files."


#: Where a server practice's backups are: not on this computer.
SERVER_BACKUPS = "the server's job (pg_dump, point-in-time recovery; see the group practice guide, GROUP-PRACTICE.md)"


@dataclass(frozen=True)
class AboutFacts:
    """Everything the About box shows, for the box and for "Copy details"."""

    version: str
    database: Path | str  # the file, or the database on its server
    encrypted: bool
    #: What keeps the practice private, in words (a file's password; a server's TLS).
    protection: str
    schema: str
    backups: Path | None  # None on a server: its backups are the server's job
    log_file: Path

    def as_text(self) -> str:
        return "\n".join(
            [
                f"Practice Manager {self.version}",
                f"Database: {self.database}",
                f"Encrypted: {self.protection}",
                f"Schema: {self.schema}",
                f"Backups: {self.backups or SERVER_BACKUPS}",
                f"Log file: {self.log_file}",
            ]
        )


def about_facts(db: Database, *, log_path: Path | None = None) -> AboutFacts:
    try:
        versions = database_versions(db)
    except PracticeError:  # locked: the schema cannot be read until it is unlocked
        schema = "(unlock the practice to see it)"
    else:
        schema = versions.revision or "none"
        if versions.revision == versions.head:
            schema += " (up to date)"
        if versions.last_opened_by:
            schema += f"; last opened by Practice Manager {versions.last_opened_by}"
    on_file = db.path is not None
    return AboutFacts(
        version=__version__,
        database=db.path if db.path is not None else db.where,
        encrypted=db.encrypted,
        protection=protection(db),
        schema=schema,
        backups=backup_folder_for(db) if on_file else None,
        log_file=log_path if log_path is not None else log_file(),
    )


def protection(db: Database) -> str:
    """How the practice is kept private, for the About box: a file by its password; a
    server's practice on the way to it (its disks are the server's)."""
    if db.server is None:
        return "Yes, with your password" if db.encrypted else "No"
    if db.server.on_socket:
        return "Not needed on the way: the server is on this computer (its disks are its own)"
    if db.server.sslmode in ("verify-full", "verify-ca", "require"):
        checked = "" if db.server.sslmode == "require" else ", the server's certificate checked"
        return f"On the way to the server, by TLS{checked} (its disks are the server's)"
    return "No: the connection to the server is not encrypted"


def open_folder(folder: Path) -> bool:
    """Show ``folder`` in the system's file manager (made first if it is not there yet)."""
    try:
        make_private_dir(folder)
    except OSError as exc:
        log.warning("cannot make the folder to show: %s", exc.strerror)
        return False
    return QDesktopServices.openUrl(QUrl.fromLocalFile(str(folder)))


def _value(text: str, name: str) -> QLabel:
    label = QLabel(text)
    label.setObjectName(name)
    label.setWordWrap(True)
    label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
    return label


class AboutDialog(QDialog):
    def __init__(self, facts: AboutFacts, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.facts = facts
        self.setWindowTitle("About Practice Manager")
        self.setObjectName("AboutDialog")

        logo = QLabel()
        logo.setPixmap(app_icon_pixmap(72))
        logo.setAlignment(Qt.AlignmentFlag.AlignTop)
        self.title_label = title = QLabel(f"<h2>Practice Manager {facts.version}</h2>")
        title.setObjectName("about_title")
        title.setTextFormat(Qt.TextFormat.RichText)
        blurb = QLabel(
            "Run a practice of programmes offline: clients, sessions and notes, unseen "
            "work, payments and agreements, all in one encrypted file on this computer."
            if isinstance(facts.database, Path)
            else "Run a practice of programmes: clients, sessions and notes, unseen work, "
            "payments and agreements. This one is a group practice kept on its server."
        )
        blurb.setWordWrap(True)
        heading = QVBoxLayout()
        heading.setSpacing(4)
        heading.addWidget(title)
        heading.addWidget(blurb)
        heading.addStretch(1)
        top = QHBoxLayout()
        top.setSpacing(16)
        top.addWidget(logo, 0, Qt.AlignmentFlag.AlignTop)
        top.addLayout(heading, 1)

        form = QFormLayout()
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        form.setLabelAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignTop)
        self.database_label = _value(str(facts.database), "about_database")
        self.encrypted_label = _value(facts.protection, "about_encrypted")
        self.schema_label = _value(facts.schema, "about_schema")
        self.backups_label = _value(str(facts.backups or SERVER_BACKUPS), "about_backups")
        self.log_label = _value(f"{facts.log_file}\n{LOG_NOTE}", "about_log")
        self.licence_label = _value(LICENCE, "about_licence")
        form.addRow("Database:", self.database_label)
        form.addRow("Encrypted:", self.encrypted_label)
        form.addRow("Schema version:", self.schema_label)
        form.addRow("Backups:", self.backups_label)
        form.addRow("Log file:", self.log_label)
        form.addRow("Licence:", self.licence_label)

        self.data_button = QPushButton("Show &Data Folder")
        self.backups_button = QPushButton("Show &Backups Folder")
        self.logs_button = QPushButton("Show &Log Folder")
        self.copy_button = QPushButton("&Copy Details")
        self.copy_button.setToolTip("Copy the version and these places, for support")
        database, backups = facts.database, facts.backups
        if isinstance(database, Path):
            self.data_button.clicked.connect(lambda: open_folder(database.parent))
        else:
            self.data_button.setEnabled(False)
        if backups is not None:
            self.backups_button.clicked.connect(lambda: open_folder(backups))
        else:
            self.backups_button.setEnabled(False)
        self.logs_button.clicked.connect(lambda: open_folder(facts.log_file.parent))
        self.copy_button.clicked.connect(self.copy_details)
        folders = QHBoxLayout()
        for button in (self.data_button, self.backups_button, self.logs_button):
            folders.addWidget(button)
        folders.addStretch(1)
        folders.addWidget(self.copy_button)

        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.reject)

        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addSpacing(8)
        layout.addLayout(form)
        layout.addSpacing(8)
        layout.addStretch(1)  # any height to spare goes below the facts, not between them
        layout.addLayout(folders)
        layout.addWidget(buttons)
        self.setMinimumWidth(640)
        self.resize(640, layout.heightForWidth(640) if layout.hasHeightForWidth() else 0)

    def copy_details(self) -> None:
        clipboard = QGuiApplication.clipboard()
        clipboard.setText(self.facts.as_text())
