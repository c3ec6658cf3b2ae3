"""Asking for the password at start, with the way out when it does not open the file:
"Wrong password" (or "damaged", then restore a backup), or use the recovery key."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from practice.errors import DatabaseRefusedError, WrongPasswordError
from ui.safekeeping.password_dialogs import password_field
from ui.widgets.form_errors import ErrorLine

if TYPE_CHECKING:
    from practice.db import Database

WRONG = (
    "Wrong password: the database does not open with it. Try again (check Caps Lock); "
    "if you have forgotten it, use your recovery key."
)


class UnlockDialog(QDialog):
    """Ends with ``db`` set, or ``choice`` = "restore" / "recover", or rejected."""

    def __init__(
        self,
        db_path: Path,
        attempt: Callable[[str], Database],
        parent: QWidget | None = None,
        *,
        message: str | None = None,
    ) -> None:
        super().__init__(parent)
        self.db_path = db_path
        self._attempt = attempt
        self.db: Database | None = None
        self.choice: str | None = None
        self.setWindowTitle("Unlock your practice")
        layout = QVBoxLayout(self)
        intro = QLabel(f"Enter the password of {db_path.name}.")
        intro.setWordWrap(True)
        layout.addWidget(intro)
        form = QFormLayout()
        self.password: QLineEdit = password_field("password")
        form.addRow("&Password:", self.password)
        layout.addLayout(form)
        self.error = ErrorLine()
        layout.addWidget(self.error)
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        buttons.button(QDialogButtonBox.StandardButton.Ok).setText("Unlock")
        buttons.button(QDialogButtonBox.StandardButton.Cancel).setText("Quit")
        self.restore_button = QPushButton("Restore a &backup…")
        self.restore_button.clicked.connect(lambda: self._finish("restore"))
        self.recover_button = QPushButton("Use &recovery key…")
        self.recover_button.clicked.connect(lambda: self._finish("recover"))
        buttons.addButton(self.restore_button, QDialogButtonBox.ButtonRole.ActionRole)
        buttons.addButton(self.recover_button, QDialogButtonBox.ButtonRole.ActionRole)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)
        if message:
            self.show_error(message)

    def show_error(self, text: str) -> None:
        self.error.say(text)

    def _finish(self, choice: str) -> None:
        self.choice = choice
        super().reject()

    def accept(self) -> None:
        try:
            self.db = self._attempt(self.password.text())
        except WrongPasswordError:
            self.show_error(WRONG)
            self.password.selectAll()
            self.password.setFocus()
            return
        except DatabaseRefusedError as exc:
            self.show_error(f"{exc} You can restore a backup.")
            return
        super().accept()


class RecoveryKeyEntryDialog(QDialog):
    """Type the recovery key; ``recover`` turns it into the password or raises."""

    def __init__(self, recover: Callable[[str], str], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._recover = recover
        self.password: str | None = None
        self.setWindowTitle("Use your recovery key")
        layout = QVBoxLayout(self)
        layout.addWidget(QLabel("Type the recovery key you saved or printed:"))
        self.key = QLineEdit()
        self.key.setObjectName("recovery_key")
        self.key.setPlaceholderText("XXXXX-XXXXX-XXXXX-XXXXX-XXXXX-XXXXX")
        layout.addWidget(self.key)
        self.error = ErrorLine()
        layout.addWidget(self.error)
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)

    def accept(self) -> None:
        try:
            self.password = self._recover(self.key.text())
        except WrongPasswordError as exc:
            self.error.say(str(exc))
            return
        super().accept()
