"""A client's whole record exported, a client erased on request, and the records past the
retention period: the windows over :mod:`practice.safekeeping`."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QCheckBox,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QLabel,
    QLineEdit,
    QMessageBox,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from practice.db import Database
from practice.errors import PracticeError, ValidationError
from practice.safekeeping.erase import erase_client
from practice.safekeeping.export import ExportResult, export_record
from practice.safekeeping.retention import RetentionDue, records_past_retention
from practice.services.clients import get_client
from ui.widgets.form_errors import ErrorLine


class ExportRecordDialog(QDialog):
    """Where to write the record, as PDF or JSON, and whether private notes go in."""

    def __init__(
        self, db: Database, client_id: int, name: str, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.db, self.client_id = db, client_id
        self.result_: ExportResult | None = None
        self.setWindowTitle(f"Export the record of {name}")
        layout = QVBoxLayout(self)
        intro = QLabel(
            "Everything the practice holds about this client, for a subject access "
            "request or a handover. The export is noted in the audit log."
        )
        intro.setWordWrap(True)
        layout.addWidget(intro)
        self.path = QLineEdit(str(Path.home() / f"record-{client_id}.pdf"))
        self.path.setObjectName("output")
        layout.addWidget(self.path)
        browse = QPushButton("&Choose…")
        browse.clicked.connect(self._browse)
        layout.addWidget(browse)
        self.private = QCheckBox("Include my private process notes")
        self.private.setObjectName("include_private")
        layout.addWidget(self.private)
        self.error = ErrorLine()
        layout.addWidget(self.error)
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel
        )
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)

    def _browse(self) -> None:
        name, _filter = QFileDialog.getSaveFileName(
            self, "Export the record", self.path.text(), "PDF (*.pdf);;JSON (*.json)"
        )
        if name:
            self.path.setText(name)

    def accept(self) -> None:
        try:
            self.result_ = export_record(
                self.db,
                self.client_id,
                Path(self.path.text().strip()).expanduser(),
                include_private=self.private.isChecked(),
            )
        except PracticeError as exc:
            self.error.say(exc.message if isinstance(exc, ValidationError) else str(exc))
            return
        super().accept()


class EraseClientDialog(QDialog):
    """Erasure on request: the practitioner types the client's full name to confirm."""

    def __init__(
        self, db: Database, client_id: int, full_name: str, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.db, self.client_id = db, client_id
        self.erased = False
        self.setWindowTitle("Erase this client for good")
        layout = QVBoxLayout(self)
        text = QLabel(
            f"This deletes everything about <b>{_escape(full_name)}</b>: details, "
            "sessions and notes, enrolments, payments, action items, work entries, "
            "referrals and resources shared. It cannot be undone. Backups made before "
            "keep the client until they are rotated away. Export the record first if "
            "you must keep anything (for example, for your accounts).<br><br>"
            f"Type <b>{_escape(full_name)}</b> to confirm:"
        )
        text.setWordWrap(True)
        text.setTextFormat(Qt.TextFormat.RichText)
        layout.addWidget(text)
        self.confirmation = QLineEdit()
        self.confirmation.setObjectName("confirmation")
        layout.addWidget(self.confirmation)
        self.error = ErrorLine()
        layout.addWidget(self.error)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Cancel)
        self.erase_button = buttons.addButton("Erase", QDialogButtonBox.ButtonRole.DestructiveRole)
        self.erase_button.clicked.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)

    def accept(self) -> None:
        try:
            erase_client(self.db, self.client_id, confirmation=self.confirmation.text())
        except PracticeError as exc:
            self.error.say(exc.message if isinstance(exc, ValidationError) else str(exc))
            return
        self.erased = True
        super().accept()


def _escape(text: str) -> str:
    from html import escape

    return escape(text)


def client_names(db: Database, client_id: int) -> tuple[str, str]:
    """(display name, full name) of a client, for the dialogs' wording."""
    client = get_client(db, client_id)
    return client.display_name, client.full_name


def export_client_record(
    parent: QWidget | None, db: Database, client_id: int
) -> ExportResult | None:
    """Ask where, then export; returns what was written (None if cancelled)."""
    name, _full = client_names(db, client_id)
    dialog = ExportRecordDialog(db, client_id, name, parent)
    if dialog.exec() != QDialog.DialogCode.Accepted:
        return None
    return dialog.result_


def erase_client_interactive(parent: QWidget | None, db: Database, client_id: int) -> bool:
    """Ask for the typed confirmation, then erase; True if the client is gone."""
    _name, full = client_names(db, client_id)
    dialog = EraseClientDialog(db, client_id, full, parent)
    return dialog.exec() == QDialog.DialogCode.Accepted and dialog.erased


class RetentionDialog(QDialog):
    """Records past the retention period: a reminder list, never an automatic deletion."""

    def __init__(self, db: Database, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.db = db
        self.setWindowTitle("Records past the retention period")
        self.resize(640, 400)
        layout = QVBoxLayout(self)
        self.intro = QLabel()
        self.intro.setWordWrap(True)
        layout.addWidget(self.intro)
        self.table = QTableWidget(0, 3)
        self.table.setHorizontalHeaderLabels(["Client", "Last contact", "Keep until"])
        self.table.setSelectionBehavior(QTableWidget.SelectionBehavior.SelectRows)
        self.table.setEditTriggers(QTableWidget.EditTrigger.NoEditTriggers)
        layout.addWidget(self.table)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        export = buttons.addButton("&Export record…", QDialogButtonBox.ButtonRole.ActionRole)
        export.clicked.connect(self._export)
        erase = buttons.addButton("E&rase…", QDialogButtonBox.ButtonRole.ActionRole)
        erase.clicked.connect(self._erase)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)
        self.due: list[RetentionDue] = []
        self.reload()

    def reload(self) -> None:
        self.due = records_past_retention(self.db)
        self.intro.setText(
            "These client records are older than your retention period. Review each one: "
            "export it if it must be kept elsewhere, then erase it, or keep it if you have "
            "a reason to. Nothing is deleted unless you choose to."
            if self.due
            else "No client record is past your retention period."
        )
        self.table.setRowCount(len(self.due))
        for row, item in enumerate(self.due):
            for col, value in enumerate(
                (item.name, item.last_contact.isoformat(), item.keep_until.isoformat())
            ):
                self.table.setItem(row, col, QTableWidgetItem(value))

    def _selected(self) -> RetentionDue | None:
        row = self.table.currentRow()
        return self.due[row] if 0 <= row < len(self.due) else None

    def _export(self) -> None:
        chosen = self._selected()
        if chosen is not None:
            export_client_record(self, self.db, chosen.client_id)

    def _erase(self) -> None:
        chosen = self._selected()
        if chosen is not None and erase_client_interactive(self, self.db, chosen.client_id):
            QMessageBox.information(self, "Erased", f"{chosen.name} was erased.")
            self.reload()
