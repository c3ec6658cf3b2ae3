"""The main window: sidebar, stack, menus, shortcuts and remembered layout."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QSettings
from pytestqt.qtbot import QtBot

from ui.context import AppContext
from ui.main_window import PAGES, MainWindow, load_page_classes


def test_every_existing_page_is_in_the_sidebar_in_order(window: Any) -> None:
    keys = [spec.key for _cls, spec in load_page_classes()]
    assert window.page_keys == keys
    order = [spec.key for spec in PAGES]
    assert keys == sorted(keys, key=order.index)
    titles = [window.nav.item(i).text() for i in range(window.nav.count())]
    assert all(titles)


def test_last_page_and_geometry_are_remembered(
    ctx: AppContext, settings: QSettings, qtbot: QtBot
) -> None:
    first = MainWindow(ctx)
    qtbot.addWidget(first)
    if len(first.page_keys) < 2:
        return
    target = first.page_keys[-1]
    first.show_page(target)
    first.resize(1100, 700)
    first.close()
    second = MainWindow(ctx)
    qtbot.addWidget(second)
    assert second.current_key() == target
    assert second.size().width() == 1100
