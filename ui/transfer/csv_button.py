"""“Export CSV…” on a list page: the page's list (or one of its lists) as a CSV file.

The file holds the whole list, as :mod:`practice.transfer.csv_lists` writes it (not only
the rows a filter shows), and is written off the GUI thread.
"""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path

from PySide6.QtGui import QAction
from PySide6.QtWidgets import QMenu, QMessageBox, QToolButton, QWidget

from practice.timeutil import today
from practice.transfer.csv_lists import LISTS, export_list_csv
from ui.context import AppContext
from ui.errors import guarded
from ui.transfer.background import BackgroundTask
from ui.transfer.files import ask_save_path


class CsvExportButton(QToolButton):
    """One list (a button) or several (a button with a menu); ``sessions`` also offers
    the sessions with their notes."""

    def __init__(self, ctx: AppContext, keys: Sequence[str], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.setText("Export CSV…")
        self.setAccessibleName("Export CSV")
        self.task: BackgroundTask | None = None
        choices: list[tuple[str, str, bool]] = []
        for key in keys:
            choices.append((f"{LISTS[key].title}…", key, False))
            if key == "sessions":
                choices.append(("Sessions with their notes…", key, True))
        if len(choices) == 1:
            self.setToolTip(f"Save every row of {LISTS[keys[0]].title.lower()} as a CSV file")
            self.clicked.connect(lambda: self.ask(keys[0], False))
            return
        self.setPopupMode(QToolButton.ToolButtonPopupMode.InstantPopup)
        menu = QMenu(self)
        for text, key, notes in choices:
            action = QAction(text, menu)
            action.triggered.connect(lambda _c=False, k=key, n=notes: self.ask(k, n))
            menu.addAction(action)
        self.setMenu(menu)

    @guarded
    def ask(self, key: str, with_notes: bool) -> None:
        name = f"{key}-with-notes.csv" if with_notes else f"{key}.csv"
        path = ask_save_path(self, f"Export {LISTS[key].title.lower()}", name, "CSV files", ".csv")
        if path is not None:
            self.export_to(path, key, with_notes=with_notes)

    def export_to(self, path: Path, key: str, *, with_notes: bool = False) -> BackgroundTask:
        db, day = self.ctx.db, today()
        self.task = BackgroundTask(
            self,
            f"Exporting {LISTS[key].title.lower()}",
            lambda _progress: export_list_csv(
                db, key, path, today=day, with_notes=with_notes, replace=True
            ),
        )
        self.task.finished.connect(
            lambda saved: QMessageBox.information(self, "Exported", f"Saved {saved}.")
        )
        self.task.start()
        return self.task
