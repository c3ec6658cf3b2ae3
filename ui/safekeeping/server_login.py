"""Opening a practice kept on a server, in the app: the login's password asked (or taken
from the system keyring when it was remembered there), and a plain sentence for
anything that keeps the server from opening — never a traceback, nothing saved in a
file of ours.
"""

from __future__ import annotations

import logging
from collections.abc import Callable

from PySide6.QtCore import Qt
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import (
    QCheckBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QVBoxLayout,
    QWidget,
)

from practice.db import Database
from practice.db.saved_passwords import (
    forget_password,
    keyring_available,
    save_password,
    saved_password,
)
from practice.db.server import ServerAddress, open_server_database
from practice.errors import DatabaseRefusedError, WrongPasswordError
from ui.safekeeping.password_dialogs import password_field
from ui.widgets.form_errors import ErrorLine

log = logging.getLogger(__name__)

NO_KEYRING = (
    "This computer has no keyring to keep the password in safely, so it is asked each time."
)


class ServerLoginDialog(QDialog):
    """The login's password for a practice server; ends with ``db`` set, or rejected."""

    def __init__(
        self,
        address: ServerAddress,
        attempt: Callable[[str], Database],
        parent: QWidget | None = None,
        *,
        message: str | None = None,
    ) -> None:
        super().__init__(parent)
        self.address = address
        self._attempt = attempt
        self.db: Database | None = None
        self.setWindowTitle("Connect to your practice")
        self.setMinimumWidth(480)
        layout = QVBoxLayout(self)
        intro = QLabel(
            f"Your practice is kept on a server: {address.shown()}. "
            "Enter the password of your login there."
        )
        intro.setWordWrap(True)
        layout.addWidget(intro)
        form = QFormLayout()
        self.password: QLineEdit = password_field("server_password")
        form.addRow("&Password:", self.password)
        layout.addLayout(form)
        self.remember = QCheckBox("&Remember the password in this computer's keyring")
        self.remember.setObjectName("remember_password")
        if not keyring_available():
            self.remember.setEnabled(False)
            self.remember.setToolTip(NO_KEYRING)
            note = QLabel(NO_KEYRING)
            note.setObjectName("no_keyring")
            note.setWordWrap(True)
            layout.addWidget(self.remember)
            layout.addWidget(note)
        else:
            layout.addWidget(self.remember)
        self.error = ErrorLine()
        layout.addWidget(self.error)
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        buttons.button(QDialogButtonBox.StandardButton.Ok).setText("Connect")
        buttons.button(QDialogButtonBox.StandardButton.Cancel).setText("Quit")
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)
        if message:
            self.error.say(message)
            self.adjustSize()

    def accept(self) -> None:
        password = self.password.text()
        QGuiApplication.setOverrideCursor(Qt.CursorShape.WaitCursor)
        try:
            self.db = self._attempt(password)
        except DatabaseRefusedError as exc:  # a wrong password too: the server's sentence
            self.error.say(str(exc))
            self.adjustSize()  # room for the sentence without squeezing the lines above
            self.password.selectAll()
            self.password.setFocus()
            return
        finally:
            QGuiApplication.restoreOverrideCursor()
        if self.remember.isChecked() and not save_password(self.address, password):
            log.warning("the password could not be kept in the keyring")
        super().accept()


def open_server_interactive(
    address: ServerAddress, parent: QWidget | None = None
) -> Database | None:
    """Open the practice on a server: with no password when the server needs none (its
    own computer's socket), the remembered one if it still works, else asked. None when
    the person quits; :class:`~practice.errors.DatabaseRefusedError` for anything a
    password cannot fix (the server unreachable, its certificate, a newer schema)."""
    try:
        return open_server_database(address)
    except WrongPasswordError:
        pass  # the server asks for a password
    message = None
    remembered = saved_password(address)
    if remembered is not None:
        try:
            return open_server_database(address, remembered)
        except WrongPasswordError:
            forget_password(address)  # changed on the server since
            message = "The remembered password no longer opens the practice; enter it again."
    dialog = ServerLoginDialog(
        address, lambda password: open_server_database(address, password), parent, message=message
    )
    dialog.exec()
    return dialog.db
