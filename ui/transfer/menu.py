"""The main window's entries for data in and out, and for searching every note.

File: Import Clients…, Export Practice…, Export Lists as CSV…, Export Calendar….
Edit: Search Notes… (Ctrl+Shift+F). The window only adds these to its menus.
"""

from __future__ import annotations

from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QMainWindow, QMenu

from ui.context import AppContext
from ui.errors import guarded
from ui.search.search_window import NoteSearchWindow

SEARCH_SHORTCUT = "Ctrl+Shift+F"


class TransferActions:
    def __init__(self, window: QMainWindow, ctx: AppContext) -> None:
        self.window = window
        self.ctx = ctx
        self.search_window: NoteSearchWindow | None = None

        def action(text: str, slot: object, shortcut: str = "") -> QAction:
            made = QAction(text, window)
            if shortcut:
                made.setShortcut(QKeySequence(shortcut))
            made.triggered.connect(slot)
            window.addAction(made)
            return made

        self.import_action = action("&Import Clients…", self.import_clients)
        self.export_action = action("&Export Practice…", self.export_practice)
        self.lists_action = action("Export &Lists as CSV…", self.export_lists)
        self.calendar_action = action("Export Ca&lendar…", self.export_calendar)
        self.search_action = action("Search &Notes…", self.search_notes, SEARCH_SHORTCUT)

    def add_to_file_menu(self, file_menu: QMenu) -> None:
        file_menu.addSeparator()
        for item in (
            self.import_action,
            self.export_action,
            self.lists_action,
            self.calendar_action,
        ):
            file_menu.addAction(item)

    @guarded
    def import_clients(self) -> None:
        from ui.transfer.import_wizard import ask_import_clients

        ask_import_clients(self.ctx, self.window)

    @guarded
    def export_practice(self) -> None:
        from ui.transfer.export_dialogs import ask_export_practice

        ask_export_practice(self.ctx, self.window)

    @guarded
    def export_lists(self) -> None:
        from ui.transfer.export_dialogs import ExportListsDialog

        ExportListsDialog(self.ctx, self.window).exec()

    @guarded
    def export_calendar(self) -> None:
        from ui.transfer.export_dialogs import CalendarDialog

        CalendarDialog(self.ctx, self.window).exec()

    @guarded
    def search_notes(self) -> NoteSearchWindow:
        if self.search_window is None:
            self.search_window = NoteSearchWindow(self.ctx, self.window)
        self.search_window.show()
        self.search_window.raise_()
        self.search_window.activateWindow()
        self.search_window.focus_search()
        return self.search_window
