"""Backup folder, auto-lock time and retention period, with "Back up now"."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from practice.db import Database
from practice.errors import PracticeError
from practice.safekeeping.backup import default_backup_folder
from practice.services.profile import get_profile, update_profile
from ui.widgets.form_errors import ErrorLine


class BackupSettingsDialog(QDialog):
    def __init__(self, db: Database, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.db = db
        self.setWindowTitle("Backups and locking")
        profile = get_profile(db)
        layout = QVBoxLayout(self)
        intro = QLabel(
            "Backups are encrypted like your database and taken on closing, every hour "
            "while you work, and before every update or restore. Choose a folder on a USB "
            "stick or a synced folder to keep a copy away from this computer."
        )
        intro.setWordWrap(True)
        layout.addWidget(intro)
        form = QFormLayout()
        self.folder = QLineEdit(profile.backup_folder)
        self.folder.setObjectName("backup_folder")
        self.folder.setPlaceholderText(str(default_backup_folder(db.file("back up"))))
        browse = QPushButton("&Choose…")
        browse.clicked.connect(self._browse)
        row = QHBoxLayout()
        row.addWidget(self.folder, 1)
        row.addWidget(browse)
        form.addRow("Backup &folder:", row)
        self.auto_lock = QSpinBox()
        self.auto_lock.setObjectName("auto_lock_minutes")
        self.auto_lock.setRange(0, 240)
        self.auto_lock.setSuffix(" minutes")
        self.auto_lock.setSpecialValueText("never")
        self.auto_lock.setValue(profile.auto_lock_minutes)
        form.addRow("&Lock after idle:", self.auto_lock)
        self.retention = QSpinBox()
        self.retention.setObjectName("retention_years")
        self.retention.setRange(1, 100)
        self.retention.setSuffix(" years after the last contact")
        self.retention.setValue(profile.retention_years)
        form.addRow("&Keep records:", self.retention)
        layout.addLayout(form)
        self.error = ErrorLine()
        layout.addWidget(self.error)
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel
        )
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)

    def _browse(self) -> None:
        start = self.folder.text() or str(default_backup_folder(self.db.file("back up")))
        name = QFileDialog.getExistingDirectory(self, "Choose the backup folder", start)
        if name:
            self.folder.setText(name)

    def accept(self) -> None:
        folder = self.folder.text().strip()
        if folder and not Path(folder).expanduser().is_dir():
            self.error.say(f"The folder {folder} does not exist (is the USB stick in?).")
            return
        try:
            update_profile(
                self.db,
                backup_folder=folder,
                auto_lock_minutes=self.auto_lock.value(),
                retention_years=self.retention.value(),
            )
        except PracticeError as exc:
            self.error.say(str(exc))
            return
        super().accept()
