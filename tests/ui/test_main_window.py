"""The main window: sidebar, stack, menus, shortcuts, go-to-client and remembered layout."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QSettings, Qt
from PySide6.QtGui import QKeySequence
from PySide6.QtWidgets import QWidget
from pytestqt.qtbot import QtBot

from practice.db import Database
from practice.services.clients import create_client
from ui.context import AppContext
from ui.dialogs.go_to_client import GoToClientDialog
from ui.main_window import PAGES, MainWindow, load_page_classes


def test_every_existing_page_is_in_the_sidebar_in_order(window: Any) -> None:
    keys = [spec.key for _cls, spec in load_page_classes()]
    assert window.page_keys == keys
    assert {"today", "clients", "settings"} <= set(keys)
    order = [spec.key for spec in PAGES]
    assert keys == sorted(keys, key=order.index)
    titles = [window.nav.item(i).text() for i in range(window.nav.count())]
    assert titles[:2] == ["Today", "Clients"]
    assert titles[-1] == "Settings"
    assert window.current_key() == "today"


def test_page_shortcuts_and_menus(
    window: Any, qtbot: QtBot, press: Callable[[QWidget, str], None]
) -> None:
    window.show()
    qtbot.waitExposed(window)
    window.activateWindow()
    qtbot.waitActive(window)
    for number, action in enumerate(window.page_actions, start=1):
        expected = QKeySequence(f"Ctrl+{number}") if number <= 9 else QKeySequence()
        assert action.shortcut() == expected  # Ctrl+1 to Ctrl+9; later pages by menu
    press(window, "Ctrl+2")
    qtbot.waitUntil(lambda: window.current_key() == "clients")
    assert window.stack.currentWidget() is window.page("clients")
    press(window, "Ctrl+,")
    qtbot.waitUntil(lambda: window.current_key() == "settings")
    press(window, "Ctrl+1")
    qtbot.waitUntil(lambda: window.current_key() == "today")
    window.show_page("clients")
    assert window.new_action.isEnabled() and window.find_action.isEnabled()
    press(window, "Ctrl+F")
    qtbot.waitUntil(lambda: window.page("clients").search.hasFocus())
    assert window.go_to_client_action.shortcuts() == [
        QKeySequence("Ctrl+K"),
        QKeySequence("Ctrl+G"),
    ]


def test_navigate_opens_a_client_page(window: Any, db: Database) -> None:
    client = create_client(db, first_name="Zoë", last_name="Ødegård", pronouns="she/her")
    window.ctx.navigate.emit("clients", client.id)
    clients = window.page("clients")
    assert window.current_key() == "clients"
    assert clients.stack.currentWidget() is clients.client_page
    assert clients.client_page.name.text() == "Zoë Ødegård"
    assert "she/her" in clients.client_page.subtitle.text()


def test_data_changed_refreshes_the_page_on_show(window: Any, db: Database) -> None:
    window.show_page("clients")
    clients = window.page("clients")
    assert clients.model.rowCount() == 0
    create_client(db, first_name="Ana", status="active")
    window.ctx.changed("clients")  # the current page refreshes at once
    assert clients.model.rowCount() == 1
    window.show_page("today")
    create_client(db, first_name="Ben", status="active")
    window.ctx.changed("clients")  # another page: refreshed when shown again
    assert clients.model.rowCount() == 1
    window.show_page("clients")
    clients.run_search()
    assert clients.model.rowCount() == 2


def test_go_to_client_searches_as_you_type(ctx: AppContext, db: Database, qtbot: QtBot) -> None:
    zoe = create_client(db, first_name="Zoë", last_name="Ødegård")
    create_client(db, first_name="Андрей", last_name="Смирнов")
    create_client(db, first_name="Ελένη", last_name="Παπαδοπούλου")
    dialog = GoToClientDialog(ctx)
    qtbot.addWidget(dialog)
    assert dialog.model.rowCount() == 3
    qtbot.keyClicks(dialog.search, "zoe ode")
    qtbot.waitUntil(lambda: dialog.model.rowCount() == 1)
    qtbot.keyClick(dialog.search, Qt.Key.Key_Return)
    assert dialog.chosen_id == zoe.id
    assert dialog.result() == GoToClientDialog.DialogCode.Accepted


def test_go_to_client_shows_why_a_legal_name_matched(
    ctx: AppContext, db: Database, qtbot: QtBot
) -> None:
    maggie = create_client(db, first_name="Margaret", preferred_name="Maggie", last_name="Okafor")
    create_client(db, first_name="Ana", preferred_name="Ana", last_name="Lima")
    dialog = GoToClientDialog(ctx)
    qtbot.addWidget(dialog)
    qtbot.keyClicks(dialog.search, "margaret")
    qtbot.waitUntil(lambda: dialog.model.rowCount() == 1)
    index = dialog.model.index(0, 0)
    assert index.data() == "Maggie Okafor (Margaret)"
    assert index.data(Qt.ItemDataRole.AccessibleTextRole) == "Maggie Okafor (Margaret)"
    qtbot.keyClick(dialog.search, Qt.Key.Key_Return)
    assert dialog.chosen_id == maggie.id
    # A preferred name that is the first name is not repeated.
    dialog.search.setText("lima")
    qtbot.waitUntil(lambda: dialog.model.index(0, 0).data() == "Ana Lima")
    assert dialog.model.rowCount() == 1


def test_go_to_client_says_when_nothing_matches(
    ctx: AppContext, db: Database, qtbot: QtBot
) -> None:
    create_client(db, first_name="Ana")
    dialog = GoToClientDialog(ctx)
    qtbot.addWidget(dialog)
    dialog.search.setText("nobody like this")
    qtbot.waitUntil(lambda: dialog.model.rowCount() == 0)
    assert not dialog.empty.isHidden()


def test_last_page_and_geometry_are_remembered(
    ctx: AppContext, settings: QSettings, qtbot: QtBot
) -> None:
    first = MainWindow(ctx)
    qtbot.addWidget(first)
    first.show()
    qtbot.waitExposed(first)
    first.show_page("settings")
    first.resize(first.minimumWidth(), 660)
    first.close()
    assert settings.value("window/last_page") == "settings"
    second = MainWindow(ctx)
    qtbot.addWidget(second)
    assert second.current_key() == "settings"
    assert second.size().height() == 660


def test_ctrl_s_saves_the_settings_page(
    window: Any, db: Database, qtbot: QtBot, press: Callable[[QWidget, str], None]
) -> None:
    from practice.services.profile import get_profile

    window.show()
    qtbot.waitExposed(window)
    window.show_page("settings")
    settings = window.page("settings")
    settings.numbers["quiet_after_days"].setValue(45)
    press(window, "Ctrl+S")
    qtbot.waitUntil(lambda: get_profile(db).quiet_after_days == 45)
    assert settings.saved_label.text() == "Saved."


def test_keyboard_shortcuts_are_listed_from_the_menus(window: Any, message_boxes: Any) -> None:
    lines = {what: keys for keys, what in window.shortcut_lines()}
    assert lines["Go to Client"] == "Ctrl+K or Ctrl+G"
    assert lines["New"] == "Ctrl+N"
    assert lines["Clients"] == "Ctrl+2"
    assert lines["Search Notes"] == "Ctrl+Shift+F"
    window.shortcuts_action.trigger()
    dialog = window.shortcuts_dialog
    assert dialog.isVisible() and dialog.windowTitle() == "Keyboard shortcuts"
    assert "Ctrl+K or Ctrl+G" in dialog.text.text()
    assert dialog.sizeHint().height() <= 700  # whole on a 768-pixel-high screen
    dialog.close()


def test_the_f1_list_has_every_shortcut_the_window_has(window: Any, ctx: AppContext) -> None:
    """Generated, so it cannot drift: every action, page button and QShortcut with keys."""
    from PySide6.QtGui import QKeySequence, QShortcut
    from PySide6.QtWidgets import QAbstractButton

    from ui.safekeeping.controller import SafekeepingController
    from ui.shortcuts import _is_mnemonic, key_text

    SafekeepingController(ctx, window).install()  # as the app does: lock, backups

    listed = {(keys, what) for keys, what in window.shortcut_lines()}
    listed_keys = {keys for keys, _what in listed}
    assert all(what for _keys, what in listed), "a shortcut without a description"
    expected = {key_text(a.shortcuts()) for a in window.actions()} - {""}
    expected |= {key_text([s.key()]) for s in window.findChildren(QShortcut)} - {""}
    for key in window.page_keys:
        for button in window.page(key).findChildren(QAbstractButton):
            if not _is_mnemonic(button):
                expected.add(key_text([button.shortcut()]))
    expected.discard("")
    assert expected <= listed_keys, expected - listed_keys
    # Keys the old hand-kept list left out.
    assert {"Ctrl+L", "Alt+Left", "Alt+Right", "Ctrl+P"} <= {
        k for keys in listed_keys for k in keys.split(" or ")
    }
    assert QKeySequence("Ctrl+L").toString() in listed_keys


def test_every_page_module_is_in_the_sidebar_list() -> None:
    """A page file in ui/pages/ that is not listed in PAGES would never be seen."""
    import importlib.resources

    folder = importlib.resources.files("ui.pages")
    modules = {
        entry.name.removesuffix(".py")
        for entry in folder.iterdir()
        if entry.name.endswith(".py") and entry.name != "__init__.py"
    }
    packages = {
        entry.name
        for entry in folder.iterdir()
        if entry.is_dir() and (entry / "__init__.py").is_file() and entry.name != "client"
    }
    listed = {spec.key for spec in PAGES}
    assert (modules | packages) - listed == set()
    for cls, spec in load_page_classes():
        assert cls.key == spec.key and cls.title == spec.title  # the sidebar says the same


def test_window_title_names_the_practice(window: Any, db: Database) -> None:
    from practice.services.profile import update_profile

    assert window.windowTitle() == "practice — Practice Manager"  # the file, until named
    update_profile(db, business_name="Riverside Wellbeing")
    window.ctx.changed("profile")
    assert window.windowTitle() == "Riverside Wellbeing — Practice Manager"


def test_sidebar_icons_are_tinted_with_the_palette(window: Any) -> None:
    from PySide6.QtGui import QColor, QIcon, QPalette

    from ui.icons import has_icon, icon

    for row in range(window.nav.count()):
        assert not window.nav.item(row).icon().isNull()
    assert all(has_icon(key) for key in window.page_keys)
    assert icon("no-such-icon", window.palette()).isNull()
    palette = QPalette()
    palette.setColor(QPalette.ColorRole.WindowText, QColor("#123456"))
    palette.setColor(QPalette.ColorRole.HighlightedText, QColor("#fedcba"))
    drawn = icon("clients", palette)
    for mode, colour in ((QIcon.Mode.Normal, "#123456"), (QIcon.Mode.Selected, "#fedcba")):
        image = drawn.pixmap(24, mode=mode).toImage()
        opaque = [
            image.pixelColor(x, y)
            for x in range(image.width())
            for y in range(image.height())
            if image.pixelColor(x, y).alpha() == 255
        ]
        assert opaque and {c.name() for c in opaque} == {colour}


def test_no_key_does_two_things_in_the_window(window: Any, ctx: AppContext) -> None:
    """Qt does nothing at all for a key bound twice ("ambiguous shortcut"): Ctrl+L was
    both Log a Session and Lock."""
    from collections import Counter

    from PySide6.QtGui import QAction, QShortcut
    from PySide6.QtWidgets import QMenu

    from ui.safekeeping.controller import SafekeepingController

    SafekeepingController(ctx, window).install()  # as the app does: lock, backups
    actions: set[QAction] = set(window.actions())
    for menu in window.menuBar().findChildren(QMenu) + window.findChildren(QMenu):
        actions |= set(menu.actions())
    keys = Counter(
        s.toString()
        for a in actions
        if a.isEnabled() or True
        for s in a.shortcuts()
        if not s.isEmpty()
    )
    keys.update(s.key().toString() for s in window.findChildren(QShortcut) if s.isEnabled())
    assert [k for k, n in keys.items() if n > 1] == []


def test_f1_lists_no_dialogs_keys_as_the_windows(window: Any, ctx: AppContext) -> None:
    """Each Log-session dialog opened left its Ctrl+Enter in the F1 list, without words."""
    from ui.dialogs.session_log import SessionLogDialog

    before = window.shortcut_lines()
    for _ in range(2):
        SessionLogDialog(ctx, window).close()
    after = window.shortcut_lines()
    assert after == before
    assert all(what for _keys, what in after)
    assert ("Ctrl+Enter", "Save the session, from any field") in after
