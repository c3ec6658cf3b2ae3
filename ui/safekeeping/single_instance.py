"""A second start brings the first window forward instead of opening the database twice.

The instance that holds the database lock listens on a local socket named after the
database path; a second instance that finds the lock taken asks it to come forward.
"""

from __future__ import annotations

import hashlib
from pathlib import Path

from PySide6.QtCore import QObject, Signal
from PySide6.QtNetwork import QLocalServer, QLocalSocket
from PySide6.QtWidgets import QWidget

MESSAGE = b"raise\n"


def server_name(db_path: Path) -> str:
    digest = hashlib.sha256(str(db_path.resolve()).encode("utf-8")).hexdigest()[:20]
    return f"practice-manager-{digest}"


class FirstInstance(QObject):
    """Listens for later starts on the same database and raises ``window``."""

    asked_forward = Signal()

    def __init__(self, db_path: Path, window: QWidget) -> None:
        super().__init__(window)
        self.window = window
        self.server = QLocalServer(self)
        self.server.setSocketOptions(QLocalServer.SocketOption.UserAccessOption)
        name = server_name(db_path)
        QLocalServer.removeServer(name)  # a socket file left by a crash
        self.listening = self.server.listen(name)
        self.server.newConnection.connect(self._on_connection)

    def _on_connection(self) -> None:
        while self.server.hasPendingConnections():
            socket = self.server.nextPendingConnection()
            socket.readyRead.connect(lambda s=socket: self._read(s))
            socket.disconnected.connect(socket.deleteLater)

    def _read(self, socket: QLocalSocket) -> None:
        if bytes(socket.readAll().data()).startswith(MESSAGE.strip()):
            self.window.showNormal()
            self.window.raise_()
            self.window.activateWindow()
            self.asked_forward.emit()
        socket.disconnectFromServer()


def bring_first_forward(db_path: Path, timeout_ms: int = 1000) -> bool:
    """Ask the instance that has ``db_path`` open to come forward; True if it answered."""
    socket = QLocalSocket()
    socket.connectToServer(server_name(db_path))
    if not socket.waitForConnected(timeout_ms):
        return False
    socket.write(MESSAGE)
    sent = socket.waitForBytesWritten(timeout_ms)
    socket.disconnectFromServer()
    return bool(sent)
