"""Setting, entering and changing the database password; showing the recovery key."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import Qt
from PySide6.QtGui import QFont, QGuiApplication, QTextDocument
from PySide6.QtWidgets import (
    QCheckBox,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QFormLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from practice.db.files import create_private_file, restrict_to_owner
from practice.errors import PracticeError, ValidationError
from practice.safekeeping.password_rules import FORGOTTEN_WARNING, validate_new_password
from ui.widgets.form_errors import ErrorLine


def password_field(name: str) -> QLineEdit:
    field = QLineEdit()
    field.setEchoMode(QLineEdit.EchoMode.Password)
    field.setObjectName(name)
    field.setAccessibleName(name.replace("_", " "))
    return field


def _explain(text: str) -> QLabel:
    label = QLabel(text)
    label.setWordWrap(True)
    return label


class SetPasswordDialog(QDialog):
    """First run: choose the password that encrypts the practice, and a recovery key."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle("Protect your practice with a password")
        self.password = password_field("new_password")
        self.repeat = password_field("repeat_password")
        self.want_recovery = QCheckBox("Make a recovery key I can print and keep safe")
        self.want_recovery.setChecked(True)
        self.error = ErrorLine()
        layout = QVBoxLayout(self)
        layout.addWidget(
            _explain(
                "Practice Manager encrypts every client record on this computer and in "
                "every backup with your password."
            )
        )
        warning = _explain(FORGOTTEN_WARNING)
        warning.setObjectName("forgotten_warning")
        font = warning.font()
        font.setBold(True)
        warning.setFont(font)
        layout.addWidget(warning)
        form = QFormLayout()
        form.addRow("&Password:", self.password)
        form.addRow("&Repeat it:", self.repeat)
        layout.addLayout(form)
        layout.addWidget(self.want_recovery)
        layout.addWidget(self.error)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok)
        buttons.button(QDialogButtonBox.StandardButton.Ok).setText("Set password")
        buttons.accepted.connect(self.accept)
        layout.addWidget(buttons)
        self.chosen: str | None = None

    def accept(self) -> None:
        try:
            self.chosen = validate_new_password(self.password.text(), self.repeat.text())
        except ValidationError as exc:
            self.error.say(str(exc))
            (self.repeat if exc.field == "repeat_password" else self.password).setFocus()
            return
        super().accept()


class ChangePasswordDialog(QDialog):
    """Current password, the new one twice. ``change`` does the work (rekey)."""

    def __init__(
        self, change: Callable[[str, str, str], None], parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.setWindowTitle("Change password")
        self._change = change
        self.current = password_field("current_password")
        self.password = password_field("new_password")
        self.repeat = password_field("repeat_password")
        self.error = ErrorLine()
        layout = QVBoxLayout(self)
        layout.addWidget(
            _explain(
                "The database is re-encrypted with the new password. Backups made before "
                "keep the old password. " + FORGOTTEN_WARNING.split(". ", 1)[1]
            )
        )
        form = QFormLayout()
        form.addRow("&Current password:", self.current)
        form.addRow("&New password:", self.password)
        form.addRow("&Repeat it:", self.repeat)
        layout.addLayout(form)
        layout.addWidget(self.error)
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        buttons.button(QDialogButtonBox.StandardButton.Ok).setText("Change password")
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)

    def accept(self) -> None:
        try:
            self._change(self.current.text(), self.password.text(), self.repeat.text())
        except ValidationError as exc:
            self.error.say(str(exc))
            fields = {"current_password": self.current, "repeat_password": self.repeat}
            fields.get(exc.field, self.password).setFocus()
            return
        except PracticeError as exc:
            self.error.say(str(exc))
            return
        super().accept()


class RecoveryKeyDialog(QDialog):
    """Shows the recovery key once, with Copy, Print… and Save as…."""

    def __init__(self, key: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.key = key
        self.setWindowTitle("Your recovery key")
        layout = QVBoxLayout(self)
        layout.addWidget(
            _explain(
                "If you forget your password, this key recovers it. Print it or save it "
                "somewhere safe away from this computer (not in the same folder). Anyone "
                "with this key and your database can read your records."
            )
        )
        shown = QLabel(key)
        shown.setObjectName("recovery_key")
        shown.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        mono = QFont("monospace")
        mono.setStyleHint(QFont.StyleHint.Monospace)
        mono.setPointSize(mono.pointSize() + 4)
        shown.setFont(mono)
        shown.setAlignment(Qt.AlignmentFlag.AlignCenter)
        layout.addWidget(shown)
        row = QDialogButtonBox()
        copy = QPushButton("&Copy")
        copy.clicked.connect(lambda: QGuiApplication.clipboard().setText(self.key))
        print_button = QPushButton("&Print…")
        print_button.clicked.connect(self.print_key)
        save = QPushButton("&Save as…")
        save.clicked.connect(self.save_key)
        for button in (copy, print_button, save):
            row.addButton(button, QDialogButtonBox.ButtonRole.ActionRole)
        layout.addWidget(row)
        self.saved = QCheckBox("I have printed or saved my recovery key")
        layout.addWidget(self.saved)
        done = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok)
        self.done_button = done.button(QDialogButtonBox.StandardButton.Ok)
        self.done_button.setText("Done")
        self.done_button.setEnabled(False)
        self.saved.toggled.connect(self.done_button.setEnabled)
        done.accepted.connect(self.accept)
        layout.addWidget(done)

    def document_text(self) -> str:
        return (
            "Practice Manager recovery key\n\n"
            f"{self.key}\n\n"
            "Keep this somewhere safe. It recovers the password of your practice database.\n"
        )

    def print_key(self) -> None:
        from PySide6.QtPrintSupport import QPrintDialog, QPrinter

        printer = QPrinter()
        dialog = QPrintDialog(printer, self)
        if dialog.exec() == QDialog.DialogCode.Accepted:
            document = QTextDocument(self.document_text())
            document.print_(printer)
            self.saved.setChecked(True)

    def save_key(self) -> None:
        name, _filter = QFileDialog.getSaveFileName(
            self, "Save the recovery key", "practice-recovery-key.txt", "Text (*.txt)"
        )
        if name:
            self.write_to(name)

    def write_to(self, name: str) -> None:
        from pathlib import Path

        path = Path(name)
        if not path.exists():
            create_private_file(path)
        path.write_text(self.document_text(), encoding="utf-8")
        restrict_to_owner(path)
        self.saved.setChecked(True)
