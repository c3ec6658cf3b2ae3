"""Restore a backup: pick one (newest first) or any file, give its password, confirm."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QFormLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QMessageBox,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from practice.errors import PracticeError
from practice.safekeeping.backup import default_backup_folder
from practice.safekeeping.names import BackupFile, list_backups
from practice.safekeeping.restore import RestoreResult, restore_backup
from practice.timeutil import to_local
from ui.safekeeping.password_dialogs import password_field
from ui.widgets.form_errors import ErrorLine

REASONS = {
    "manual": "taken by hand",
    "close": "on closing",
    "periodic": "automatic",
    "before-migrate": "before an update",
    "before-restore": "before a restore",
}


def describe(backup: BackupFile) -> str:
    when = to_local(backup.taken_at).strftime("%a %d %b %Y, %H:%M")
    size = backup.size / 1024
    return f"{when} — {REASONS.get(backup.reason, backup.reason)} ({size:,.0f} KB)"


def backups_for(db_path: Path, folders: list[Path]) -> list[BackupFile]:
    found: dict[Path, BackupFile] = {}
    for folder in [*folders, default_backup_folder(db_path)]:
        for backup in list_backups(folder, db_path.stem):
            found[backup.path] = backup
    return sorted(found.values(), key=lambda b: b.taken_at, reverse=True)


class RestoreDialog(QDialog):
    """The database must be closed while this runs (the caller sees to it)."""

    def __init__(
        self,
        db_path: Path,
        parent: QWidget | None = None,
        *,
        folders: list[Path] | None = None,
        password: str | None = None,
    ) -> None:
        super().__init__(parent)
        self.db_path = db_path
        self.result_: RestoreResult | None = None
        self.used_password: str | None = None
        self.setWindowTitle("Restore from a backup")
        layout = QVBoxLayout(self)
        intro = QLabel(
            "Choose the backup to put back. The database as it is now is backed up first "
            "(or, if it cannot be read, kept aside), so nothing is lost by restoring."
        )
        intro.setWordWrap(True)
        layout.addWidget(intro)
        self.list = QListWidget()
        self.list.setObjectName("backups")
        self.list.setAccessibleName("Backups, newest first")
        for backup in backups_for(db_path, folders or []):
            item = QListWidgetItem(describe(backup))
            item.setData(Qt.ItemDataRole.UserRole, str(backup.path))
            item.setToolTip(str(backup.path))
            self.list.addItem(item)
        if self.list.count():
            self.list.setCurrentRow(0)
        layout.addWidget(self.list)
        other = QPushButton("Choose another &file…")
        other.clicked.connect(self._choose_file)
        layout.addWidget(other)
        form = QFormLayout()
        self.password = password_field("backup_password")
        if password:
            self.password.setText(password)
        form.addRow("&Password of the backup:", self.password)
        layout.addLayout(form)
        self.error = ErrorLine()
        layout.addWidget(self.error)
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        buttons.button(QDialogButtonBox.StandardButton.Ok).setText("Restore")
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)
        if not self.list.count():
            self._show_error("No backups were found beside the database; choose a file.")

    def _choose_file(self) -> None:
        name, _filter = QFileDialog.getOpenFileName(
            self, "Choose a backup", str(self.db_path.parent), "Backups (*.db);;All files (*)"
        )
        if name:
            item = QListWidgetItem(f"{Path(name).name} (chosen file)")
            item.setData(Qt.ItemDataRole.UserRole, name)
            self.list.insertItem(0, item)
            self.list.setCurrentRow(0)

    def selected(self) -> Path | None:
        item = self.list.currentItem()
        return None if item is None else Path(str(item.data(Qt.ItemDataRole.UserRole)))

    def _show_error(self, text: str) -> None:
        self.error.say(text)

    def accept(self) -> None:
        backup = self.selected()
        if backup is None:
            self._show_error("Choose a backup first.")
            return
        answer = QMessageBox.question(
            self,
            "Restore this backup?",
            f"Put the backup from {backup.name} in place of the database? "
            "The database as it is now is backed up first.",
        )
        if answer != QMessageBox.StandardButton.Yes:
            return
        password = self.password.text() or None
        try:
            self.result_ = restore_backup(backup, self.db_path, password)
        except PracticeError as exc:
            self._show_error(str(exc))
            return
        self.used_password = password
        super().accept()
