"""Appearance: light, dark or the system's theme, the text size, and colours that stay
readable in each.

The practitioner chooses in Settings › Appearance; the choice is kept per computer
(QSettings), since it belongs to the screen, not the practice. Every palette the app
uses is passed through :func:`readable`, which makes the muted texts (the friendly
"nothing here" lines, subtitles, placeholders, disabled fields) meet WCAG AA against
their background: 4.5:1, where Qt's own disabled grey gives 1.6:1.
"""

from __future__ import annotations

from enum import StrEnum

from PySide6.QtCore import QSettings, Qt
from PySide6.QtGui import QColor, QFont, QGuiApplication, QPalette
from PySide6.QtWidgets import QApplication

from ui.colours import contrast_ratio

THEME_KEY = "appearance/theme"
SCALE_KEY = "appearance/text_scale"
#: Text sizes offered, in per cent of the system's (0: follow the system).
SCALES = (0, 100, 115, 125, 150)
#: What muted text must reach against its background (WCAG AA for normal text).
AA = 4.5
_SYSTEM_FONT = "practiceManagerSystemFont"

Role = QPalette.ColorRole
Group = QPalette.ColorGroup


class Theme(StrEnum):
    SYSTEM = "system"
    LIGHT = "light"
    DARK = "dark"

    @property
    def label(self) -> str:
        return {
            Theme.SYSTEM: "Follow the system",
            Theme.LIGHT: "Light",
            Theme.DARK: "Dark",
        }[self]


def light_palette() -> QPalette:
    """Fusion's light palette (what the app shows where the system says nothing)."""
    style = QApplication.style()
    return QPalette(style.standardPalette()) if style is not None else QPalette()


def dark_palette() -> QPalette:
    """A calm dark palette: light grey text on charcoal, a blue that reads on both."""
    palette = QPalette()
    colours = {
        Role.Window: "#2b2b2b",
        Role.WindowText: "#e8e8e8",
        Role.Base: "#1f1f1f",
        Role.AlternateBase: "#282828",
        Role.Text: "#e8e8e8",
        Role.Button: "#353535",
        Role.ButtonText: "#e8e8e8",
        Role.BrightText: "#ffffff",
        Role.Highlight: "#3d6fb4",
        Role.HighlightedText: "#ffffff",
        Role.ToolTipBase: "#3a3a3a",
        Role.ToolTipText: "#f0f0f0",
        Role.Link: "#8ab4f8",
        Role.LinkVisited: "#c58af9",
        Role.PlaceholderText: "#a8a8a8",
        Role.Light: "#4a4a4a",
        Role.Midlight: "#3f3f3f",
        Role.Mid: "#303030",
        Role.Dark: "#1a1a1a",
        Role.Shadow: "#000000",
    }
    for role, colour in colours.items():
        palette.setColor(role, QColor(colour))
    return palette


def _blend(one: QColor, other: QColor, amount: float) -> QColor:
    """``one`` moved ``amount`` (0–1) of the way to ``other``."""
    return QColor.fromRgbF(
        one.redF() + (other.redF() - one.redF()) * amount,
        one.greenF() + (other.greenF() - one.greenF()) * amount,
        one.blueF() + (other.blueF() - one.blueF()) * amount,
    )


def muted(text: QColor, *backgrounds: QColor) -> QColor:
    """The text colour faded toward the first background as far as it can go while it
    still reads at :data:`AA` against every one of ``backgrounds``."""
    best = QColor(text)
    for step in range(1, 20):
        candidate = _blend(text, backgrounds[0], step / 20)
        if min(contrast_ratio(candidate, b) for b in backgrounds) < AA + 0.1:
            break
        best = candidate
    return best


def readable(palette: QPalette) -> QPalette:
    """``palette`` with muted texts (disabled, placeholder) and links that meet AA."""
    result = QPalette(palette)
    window = palette.color(Group.Active, Role.Window)
    base = palette.color(Group.Active, Role.Base)
    button = palette.color(Group.Active, Role.Button)
    text = palette.color(Group.Active, Role.Text)
    grey = muted(text, window, base, button)
    for role in (Role.WindowText, Role.Text, Role.ButtonText):
        result.setColor(Group.Disabled, role, grey)
    for group in (Group.Active, Group.Inactive, Group.Disabled):
        result.setColor(group, Role.PlaceholderText, muted(text, base, window))
        link = palette.color(Group.Active, Role.Link)
        if contrast_ratio(link, base) < AA:
            result.setColor(group, Role.Link, _blend(link, text, 0.5))
    # The selected row: its colour deepened until its text reads (Fusion's light blue
    # under white text gives 3.7:1).
    for group in (Group.Active, Group.Inactive):
        highlight = palette.color(group, Role.Highlight)
        on_it = palette.color(group, Role.HighlightedText)
        away = QColor("#000000") if on_it.lightnessF() > 0.5 else QColor("#ffffff")
        step = 0
        while contrast_ratio(on_it, highlight) < AA and step < 20:
            step += 1
            highlight = _blend(palette.color(group, Role.Highlight), away, step / 20)
        result.setColor(group, Role.Highlight, highlight)
    # A disabled field keeps the background of an enabled one, so its grey text reads.
    result.setColor(Group.Disabled, Role.Base, base)
    return result


def system_is_dark() -> bool:
    return QGuiApplication.styleHints().colorScheme() == Qt.ColorScheme.Dark


def palette_for(theme: Theme) -> QPalette:
    if theme is Theme.DARK or (theme is Theme.SYSTEM and system_is_dark()):
        return readable(dark_palette())
    return readable(light_palette())


def saved_theme(settings: QSettings) -> Theme:
    try:
        return Theme(str(settings.value(THEME_KEY, Theme.SYSTEM.value)))
    except ValueError:
        return Theme.SYSTEM


def saved_scale(settings: QSettings) -> int:
    try:
        value = int(str(settings.value(SCALE_KEY, 0)))
    except ValueError:
        return 0
    return value if value in SCALES else 0


class Appearance:
    """Applies the saved theme and text size to the application, and new choices."""

    def __init__(self, app: QApplication, settings: QSettings) -> None:
        self.app = app
        self.settings = settings
        # The system's own font, kept on the application the first time, so a text size
        # is always worked out from it (never from a size already scaled).
        kept = app.property(_SYSTEM_FONT)
        if not isinstance(kept, QFont):
            kept = QFont(app.font())
            app.setProperty(_SYSTEM_FONT, kept)
        self.system_font = QFont(kept)

    def install(self) -> None:
        """Apply the saved choice now, and again when the system switches light/dark."""
        self.apply()
        QGuiApplication.styleHints().colorSchemeChanged.connect(lambda _scheme: self.apply())

    def apply(self) -> None:
        self.app.setPalette(palette_for(saved_theme(self.settings)))
        font = QFont(self.system_font)
        scale = saved_scale(self.settings)
        if scale:
            size = font.pointSizeF()
            if size > 0:
                font.setPointSizeF(size * scale / 100)
        self.app.setFont(font)

    def choose(self, theme: Theme, scale: int) -> None:
        if scale not in SCALES:
            raise ValueError(f"text size {scale}% is not offered")
        self.settings.setValue(THEME_KEY, theme.value)
        self.settings.setValue(SCALE_KEY, scale)
        self.apply()
