"""The floor for the app's start-up: a bare PySide6 main window with a 100-row table,
quitting after its first paint exactly as ``practice-manager --exit-when-shown`` does.

    python benchmarks/bare_window.py

Nothing of the app is imported: whatever the app takes beyond this is its own.
"""

from __future__ import annotations

import sys

from PySide6.QtCore import QEvent, QObject, QTimer
from PySide6.QtWidgets import QApplication, QMainWindow, QTableWidget, QTableWidgetItem


class QuitOnFirstPaint(QObject):
    def __init__(self, app: QApplication) -> None:
        super().__init__()
        self.app = app

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 (Qt's name)
        if event.type() == QEvent.Type.Paint:
            watched.removeEventFilter(self)
            QTimer.singleShot(0, self.app.quit)
        return False


def main() -> int:
    app = QApplication(sys.argv)
    window = QMainWindow()
    table = QTableWidget(100, 4)
    for row in range(100):
        for column in range(4):
            table.setItem(row, column, QTableWidgetItem(f"row {row}, column {column}"))
    window.setCentralWidget(table)
    window.resize(1280, 800)
    quitter = QuitOnFirstPaint(app)
    window.installEventFilter(quitter)
    window.show()
    return app.exec()


if __name__ == "__main__":
    sys.exit(main())
