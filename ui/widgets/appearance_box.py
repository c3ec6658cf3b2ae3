"""Settings › Appearance: light, dark or the system's theme, and the text size. Applied
at once and kept for this computer (not part of the practice's records)."""

from __future__ import annotations

from PySide6.QtCore import QSettings
from PySide6.QtWidgets import QApplication, QComboBox, QFormLayout, QGroupBox, QLabel, QWidget

from ui.appearance import SCALES, Appearance, Theme, saved_scale, saved_theme
from ui.errors import guarded


class AppearanceBox(QGroupBox):
    def __init__(self, settings: QSettings, parent: QWidget | None = None) -> None:
        super().__init__("Appearance (this computer)", parent)
        self.settings = settings
        self.theme = QComboBox()
        self.theme.setObjectName("theme")
        for theme in Theme:
            self.theme.addItem(theme.label, theme.value)
        self.scale = QComboBox()
        self.scale.setObjectName("text_scale")
        for scale in SCALES:
            self.scale.addItem("Follow the system" if scale == 0 else f"{scale}%", scale)
        form = QFormLayout(self)
        theme_label = QLabel("&Theme:")
        theme_label.setBuddy(self.theme)
        scale_label = QLabel("Te&xt size:")
        scale_label.setBuddy(self.scale)
        form.addRow(theme_label, self.theme)
        form.addRow(scale_label, self.scale)
        self.load()
        self.theme.activated.connect(lambda _i: self.apply())
        self.scale.activated.connect(lambda _i: self.apply())

    def load(self) -> None:
        self.theme.setCurrentIndex(self.theme.findData(saved_theme(self.settings).value))
        self.scale.setCurrentIndex(self.scale.findData(saved_scale(self.settings)))

    @guarded
    def apply(self) -> None:
        app = QApplication.instance()
        if not isinstance(app, QApplication):
            return
        Appearance(app, self.settings).choose(
            Theme(str(self.theme.currentData())), int(self.scale.currentData())
        )
