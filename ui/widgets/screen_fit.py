"""Windows and dialogs sized to the screen they open on, never taller or wider than it."""

from __future__ import annotations

from PySide6.QtCore import QSize
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QWidget

#: Room left for the taskbar, the title bar and the window frame.
MARGIN = QSize(40, 80)


def fit_to_screen(widget: QWidget, wanted: QSize) -> QSize:
    """Resize ``widget`` to ``wanted``, or to what the screen's free area holds if that
    is smaller (a 1366×768 or 1024×768 laptop shows the whole dialog); the size used."""
    screen = widget.screen() or QGuiApplication.primaryScreen()
    size = QSize(wanted)
    if screen is not None:
        free = screen.availableGeometry().size() - MARGIN
        size = size.boundedTo(free)
    widget.resize(size)
    return size
