"""File › Connect to a Practice Server…: where a group practice's server is.

The practitioner gives the server's name, the practice's database, their login and
(when the practice has its own certificate authority) its certificate file; the
practice then opens in a window of its own, which asks for the password (see
:mod:`ui.safekeeping.server_login`). The address is remembered for next time; the
password never is, except in the system keyring when asked to.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QSettings
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

from practice.db.server import ServerAddress
from practice.errors import PracticeError
from ui.widgets.form_errors import ErrorLine

LAST_ADDRESS = "server/last_address"


def address_text(host: str, port: int, database: str, login: str, authority: str = "") -> str:
    """The practice server's address from the dialog's fields (checked by the caller)."""
    text = f"postgresql://{login.strip()}@{host.strip()}"
    if port != 5432:
        text += f":{port}"
    text += f"/{database.strip()}"
    if authority.strip():
        text += f"?sslrootcert={authority.strip()}"
    return text


class ConnectServerDialog(QDialog):
    """Ends accepted with ``address`` set to a checked :class:`ServerAddress`."""

    def __init__(self, settings: QSettings, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.settings = settings
        self.address: ServerAddress | None = None
        #: The address as written, for the window that opens it.
        self.text = ""
        self.setWindowTitle("Connect to a practice server")
        self.setMinimumWidth(520)
        layout = QVBoxLayout(self)
        intro = QLabel(
            "A group practice kept on a PostgreSQL server opens in a window of its own. "
            "Whoever runs the server gives you these, and your login's password."
        )
        intro.setWordWrap(True)
        layout.addWidget(intro)
        form = QFormLayout()
        self.host = QLineEdit()
        self.host.setObjectName("server_host")
        self.host.setPlaceholderText("db.yourpractice.example")
        self.port = QSpinBox()
        self.port.setObjectName("server_port")
        self.port.setRange(1, 65535)
        self.port.setValue(5432)
        self.database = QLineEdit("practice")
        self.database.setObjectName("server_database")
        self.login = QLineEdit()
        self.login.setObjectName("server_login")
        self.authority = QLineEdit()
        self.authority.setObjectName("server_authority")
        self.authority.setPlaceholderText("the practice's certificate authority (.crt), if any")
        browse = QPushButton("&Choose…")
        browse.clicked.connect(self._browse)
        authority_row = QHBoxLayout()
        authority_row.addWidget(self.authority, 1)
        authority_row.addWidget(browse)
        form.addRow("&Server:", self.host)
        form.addRow("P&ort:", self.port)
        form.addRow("&Database:", self.database)
        form.addRow("&Login:", self.login)
        authority_label = QLabel("&Certificate authority:")
        authority_label.setBuddy(self.authority)
        form.addRow(authority_label, authority_row)
        layout.addLayout(form)
        note = QLabel(
            "The connection is encrypted and the server must prove its name with its "
            "certificate; nothing is sent to a server that cannot."
        )
        note.setWordWrap(True)
        layout.addWidget(note)
        self.error = ErrorLine()
        layout.addWidget(self.error)
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        buttons.button(QDialogButtonBox.StandardButton.Ok).setText("Connect")
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)
        self._fill_from(str(settings.value(LAST_ADDRESS, "") or ""))

    def _fill_from(self, text: str) -> None:
        if not text:
            return
        try:
            url = ServerAddress.parse(text).url
        except PracticeError:
            return
        self.host.setText(url.host or "")
        self.port.setValue(url.port or 5432)
        self.database.setText(url.database or "")
        self.login.setText(url.username or "")
        self.authority.setText(str(url.query.get("sslrootcert", "") or ""))

    def _browse(self) -> None:
        name, _filter = QFileDialog.getOpenFileName(
            self,
            "The practice's certificate authority",
            str(Path.home()),
            "Certificates (*.crt *.pem);;All files (*)",
        )
        if name:
            self.authority.setText(name)

    def accept(self) -> None:
        for field, label in (
            (self.host, "Server"),
            (self.database, "Database"),
            (self.login, "Login"),
        ):
            if not field.text().strip():
                self.error.say(f"{label}: say which.")
                field.setFocus()
                return
        authority = self.authority.text().strip()
        if authority and not Path(authority).expanduser().is_file():
            self.error.say(f"Certificate authority: there is no file {authority}.")
            self.authority.setFocus()
            return
        text = address_text(
            self.host.text(),
            self.port.value(),
            self.database.text(),
            self.login.text(),
            str(Path(authority).expanduser()) if authority else "",
        )
        try:
            self.address = ServerAddress.parse(text)
        except PracticeError as exc:
            self.error.say(str(exc))
            return
        self.text = text
        self.settings.setValue(LAST_ADDRESS, text)
        super().accept()
