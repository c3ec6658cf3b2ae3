"""The title line at the top of a page, and the headings of its sections."""

from __future__ import annotations

from PySide6.QtGui import QFont
from PySide6.QtWidgets import QLabel, QVBoxLayout, QWidget


def heading_font(base: QFont, scale: float, *, bold: bool = True) -> QFont:
    font = QFont(base)
    size = base.pointSizeF() if base.pointSizeF() > 0 else 10.0
    font.setPointSizeF(size * scale)
    font.setBold(bold)
    return font


def page_title(title: str, subtitle: str = "") -> QWidget:
    """A page's title in large type with an optional one-line explanation under it."""
    box = QWidget()
    layout = QVBoxLayout(box)
    layout.setContentsMargins(0, 0, 0, 6)
    layout.setSpacing(2)
    label = QLabel(title)
    label.setObjectName("page_title")
    label.setFont(heading_font(label.font(), 1.6))
    layout.addWidget(label)
    if subtitle:
        sub = QLabel(subtitle)
        sub.setObjectName("page_subtitle")
        sub.setWordWrap(True)
        sub.setEnabled(False)  # the palette's muted text, in light and dark alike
        layout.addWidget(sub)
    return box


def section_heading(text: str) -> QLabel:
    label = QLabel(text)
    label.setFont(heading_font(label.font(), 1.15))
    return label
