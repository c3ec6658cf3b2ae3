"""Appearance: every text colour of both palettes meets WCAG AA against its background,
and the theme and text size chosen in Settings apply at once and are kept."""

from __future__ import annotations

from typing import Any

import pytest
from PySide6.QtCore import QSettings
from PySide6.QtGui import QColor, QPalette
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from ui.appearance import (
    SCALE_KEY,
    THEME_KEY,
    Appearance,
    Theme,
    dark_palette,
    light_palette,
    readable,
)
from ui.colours import contrast_ratio, warning_colour

Role = QPalette.ColorRole
Group = QPalette.ColorGroup

#: (text role, the backgrounds it is drawn on) in the app's widgets.
PAIRS = [
    (Role.WindowText, (Role.Window,)),
    (Role.Text, (Role.Base, Role.AlternateBase)),
    (Role.ButtonText, (Role.Button,)),
    (Role.HighlightedText, (Role.Highlight,)),
    (Role.ToolTipText, (Role.ToolTipBase,)),
    (Role.PlaceholderText, (Role.Base,)),
    (Role.Link, (Role.Base, Role.Window)),
]


@pytest.fixture(autouse=True)
def restore_app_look(qapp: QApplication) -> Any:
    palette, font = QPalette(qapp.palette()), qapp.font()
    yield
    qapp.setPalette(palette)
    qapp.setFont(font)


@pytest.mark.parametrize("name", ["light", "dark"])
def test_every_text_colour_meets_wcag_aa(name: str) -> None:
    palette = readable(light_palette() if name == "light" else dark_palette())
    failures = []
    for group in (Group.Active, Group.Disabled):
        for text, backgrounds in PAIRS:
            if group is Group.Disabled and text in (Role.HighlightedText, Role.Link):
                continue
            for background in backgrounds:
                ratio = contrast_ratio(palette.color(group, text), palette.color(group, background))
                if ratio < 4.5:
                    failures.append(f"{group.name} {text.name} on {background.name}: {ratio:.2f}")
    warning = warning_colour(palette)
    for background in (Role.Base, Role.AlternateBase, Role.Window):
        ratio = contrast_ratio(warning, palette.color(Group.Active, background))
        if ratio < 4.5:
            failures.append(f"warning on {background.name}: {ratio:.2f}")
    assert failures == []


def test_qts_own_disabled_grey_would_fail_and_is_replaced() -> None:
    raw = light_palette()
    grey, window = raw.color(Group.Disabled, Role.WindowText), raw.color(Role.Window)
    assert contrast_ratio(grey, window) < 4.5  # Fusion's grey: the fault fixed here
    fixed = readable(raw).color(Group.Disabled, Role.WindowText)
    assert 4.5 <= contrast_ratio(fixed, window) < contrast_ratio(QColor("#000000"), window)


def test_the_sample_banner_reads_in_both_themes() -> None:
    from ui.widgets import sample_banner

    # Its own colours (dark text on amber), whatever the palette.
    text, background = QColor(sample_banner.TEXT), QColor(sample_banner.BACKGROUND)
    assert contrast_ratio(text, background) >= 4.5


def test_theme_and_text_size_apply_at_once_and_are_kept(
    ctx: Any, qtbot: QtBot, settings: QSettings
) -> None:
    from ui.pages.settings import SettingsPage

    app = QApplication.instance()
    assert isinstance(app, QApplication)
    Appearance(app, settings).apply()
    base_size = app.font().pointSizeF()
    page = SettingsPage(ctx)
    qtbot.addWidget(page)
    box = page.appearance
    box.theme.setCurrentIndex(box.theme.findData(Theme.DARK.value))
    box.scale.setCurrentIndex(box.scale.findData(125))
    box.apply()
    assert app.palette().color(Role.Window).lightnessF() < 0.3
    assert app.font().pointSizeF() == pytest.approx(base_size * 1.25)
    assert settings.value(THEME_KEY) == "dark" and int(settings.value(SCALE_KEY)) == 125
    # Chosen again (or at the next start): worked out from the system size, not 125% of 125%.
    Appearance(app, settings).apply()
    assert app.font().pointSizeF() == pytest.approx(base_size * 1.25)
    box.theme.setCurrentIndex(box.theme.findData(Theme.LIGHT.value))
    box.scale.setCurrentIndex(box.scale.findData(0))
    box.apply()
    assert app.palette().color(Role.Window).lightnessF() > 0.7
    assert app.font().pointSizeF() == pytest.approx(base_size)
