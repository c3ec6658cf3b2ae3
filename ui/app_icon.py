"""The app's own icon (``resources/app/practice-manager.svg``) for windows and dialogs.

The same SVG is the source of the packaged icons (.png, .ico, .icns), made by
``scripts/make_icons.py`` when the app is built.
"""

from __future__ import annotations

import functools

from PySide6.QtCore import QByteArray, QRectF, QSize, Qt
from PySide6.QtGui import QIcon, QPainter, QPixmap
from PySide6.QtSvg import QSvgRenderer

from practice.resources import resource_bytes

#: The source image, under ``resources/``.
SOURCE = ("app", "practice-manager.svg")
SIZES = (16, 24, 32, 48, 64, 128, 256)


def app_icon_pixmap(size: int) -> QPixmap:
    """The icon drawn at ``size`` × ``size`` pixels on transparency."""
    renderer = QSvgRenderer(QByteArray(resource_bytes(*SOURCE)))
    pixmap = QPixmap(QSize(size, size))
    pixmap.fill(Qt.GlobalColor.transparent)
    painter = QPainter(pixmap)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    renderer.render(painter, QRectF(0, 0, size, size))
    painter.end()
    return pixmap


@functools.cache
def app_icon() -> QIcon:
    result = QIcon()
    for size in SIZES:
        result.addPixmap(app_icon_pixmap(size))
    return result
