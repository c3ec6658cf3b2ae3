"""The very first start on a computer with no practice yet: the practitioner's own
practice in a file here, or their group practice on its server (issue 15).

A practitioner joining a team need not make a practice file they will never use: they
connect, and from then on the app opens that server practice at start (remembered in
the settings, without its password).
"""

from __future__ import annotations

from PySide6.QtCore import QSettings
from PySide6.QtWidgets import QDialog, QMessageBox, QWidget

#: The server practice this computer opens at start, once one was opened here.
OPENED_SERVER = "server/opened"
OWN = "own"

WELCOME = (
    "Start your own practice, kept encrypted on this computer, or join your group "
    "practice on its server (you will need its address and your login from whoever "
    "runs it)."
)


def remember_server(settings: QSettings, text: str) -> None:
    """``text`` (a server address, no password) is the practice to open at start."""
    settings.setValue(OPENED_SERVER, text)


def forget_server(settings: QSettings) -> None:
    settings.remove(OPENED_SERVER)


def opened_server(settings: QSettings) -> str | None:
    return str(settings.value(OPENED_SERVER, "") or "") or None


def first_start(settings: QSettings, parent: QWidget | None = None) -> str | None:
    """:data:`OWN`, a server address to open, or None (the person quit)."""
    box = QMessageBox(parent)
    box.setIcon(QMessageBox.Icon.Question)
    box.setWindowTitle("Welcome to Practice Manager")
    box.setText(WELCOME)
    own = box.addButton("Start My &Own Practice", QMessageBox.ButtonRole.AcceptRole)
    join = box.addButton("&Join a Practice Server…", QMessageBox.ButtonRole.ActionRole)
    box.addButton("&Quit", QMessageBox.ButtonRole.RejectRole)
    box.setDefaultButton(own)
    while True:
        box.exec()
        if box.clickedButton() is own:
            return OWN
        if box.clickedButton() is not join:
            return None
        from ui.dialogs.connect_server import ConnectServerDialog

        dialog = ConnectServerDialog(settings, parent)
        if dialog.exec() == QDialog.DialogCode.Accepted and dialog.text:
            return dialog.text
        # cancelled: back to the choice
