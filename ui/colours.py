"""Colours the app adds to the palette, chosen for the palette in use so that text in
them stays readable (WCAG AA: 4.5:1 against the list's background) in light and dark.

Colour never carries a meaning alone: what is marked is also said in words (“8 days
overdue”).
"""

from __future__ import annotations

from PySide6.QtGui import QColor, QPalette

#: Overdue, refused: a dark red on light backgrounds, a light red on dark ones.
WARNING_ON_LIGHT = QColor("#a1000e")
WARNING_ON_DARK = QColor("#ff9e94")


def is_dark(palette: QPalette) -> bool:
    return palette.color(QPalette.ColorRole.Base).lightnessF() < 0.5


def warning_colour(palette: QPalette) -> QColor:
    return WARNING_ON_DARK if is_dark(palette) else WARNING_ON_LIGHT


def relative_luminance(colour: QColor) -> float:
    """WCAG 2.1 relative luminance of an sRGB colour."""

    def channel(value: float) -> float:
        return value / 12.92 if value <= 0.03928 else ((value + 0.055) / 1.055) ** 2.4

    return (
        0.2126 * channel(colour.redF())
        + 0.7152 * channel(colour.greenF())
        + 0.0722 * channel(colour.blueF())
    )


def contrast_ratio(one: QColor, other: QColor) -> float:
    """WCAG contrast ratio (1 to 21) between two colours."""
    lighter, darker = sorted((relative_luminance(one), relative_luminance(other)), reverse=True)
    return (lighter + 0.05) / (darker + 0.05)
