"""The app's own icons (``resources/icons/<name>.svg``), tinted to the palette.

The SVGs are black outlines; each is drawn in the palette's text colour (and in the
highlighted-text colour when selected), so the icons follow light and dark appearances.
"""

from __future__ import annotations

import functools

from PySide6.QtCore import QByteArray, QRectF, QSize, Qt
from PySide6.QtGui import QColor, QIcon, QPainter, QPalette, QPixmap
from PySide6.QtSvg import QSvgRenderer

from practice.resources import resource

SIZES = (16, 20, 24, 32, 48)


@functools.cache
def _svg(name: str) -> bytes | None:
    node = resource("icons", f"{name}.svg")
    return node.read_bytes() if node.is_file() else None


def has_icon(name: str) -> bool:
    return _svg(name) is not None


def _tinted(renderer: QSvgRenderer, size: int, color: QColor, ratio: float) -> QPixmap:
    pixmap = QPixmap(QSize(round(size * ratio), round(size * ratio)))
    pixmap.setDevicePixelRatio(ratio)
    pixmap.fill(Qt.GlobalColor.transparent)
    painter = QPainter(pixmap)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    renderer.render(painter, QRectF(0, 0, size, size))
    painter.setCompositionMode(QPainter.CompositionMode.CompositionMode_SourceIn)
    painter.fillRect(QRectF(0, 0, size, size), color)
    painter.end()
    return pixmap


def icon(name: str, palette: QPalette, ratio: float = 1.0) -> QIcon:
    """The icon ``name`` in the palette's colours; an empty icon if there is no such file."""
    data = _svg(name)
    result = QIcon()
    if data is None:
        return result
    renderer = QSvgRenderer(QByteArray(data))
    normal = palette.color(QPalette.ColorGroup.Active, QPalette.ColorRole.WindowText)
    selected = palette.color(QPalette.ColorGroup.Active, QPalette.ColorRole.HighlightedText)
    disabled = palette.color(QPalette.ColorGroup.Disabled, QPalette.ColorRole.WindowText)
    for size in SIZES:
        result.addPixmap(_tinted(renderer, size, normal, ratio), QIcon.Mode.Normal)
        result.addPixmap(_tinted(renderer, size, selected, ratio), QIcon.Mode.Selected)
        result.addPixmap(_tinted(renderer, size, disabled, ratio), QIcon.Mode.Disabled)
    return result
