"""File › Export practice…, Export lists as CSV… and Export calendar….

Each asks what and where, then runs the export off the GUI thread with a progress
dialog (:class:`~ui.transfer.background.BackgroundTask`) and says what was saved.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QDate
from PySide6.QtWidgets import (
    QButtonGroup,
    QCheckBox,
    QDialog,
    QFileDialog,
    QFormLayout,
    QLabel,
    QMessageBox,
    QRadioButton,
    QVBoxLayout,
    QWidget,
)

from practice.errors import PracticeError
from practice.timeutil import today
from practice.transfer.calendar import CalendarSummary, NameStyle, export_calendar
from practice.transfer.csv_lists import LISTS, export_lists_csv
from practice.transfer.practice_json import TransferSummary, export_practice
from ui.context import AppContext
from ui.transfer.background import BackgroundTask
from ui.transfer.files import ask_save_path, documents_folder
from ui.widgets.dialog_buttons import save_cancel_buttons
from ui.widgets.form_errors import ErrorLine
from ui.widgets.optional_date import OptionalDateEdit


def export_practice_to(ctx: AppContext, parent: QWidget, path: Path) -> BackgroundTask:
    """Write the whole practice to ``path`` off the GUI thread; says where when done."""
    db = ctx.db
    task = BackgroundTask(
        parent,
        "Exporting the practice",
        lambda progress: export_practice(db, path, replace=True, progress=progress),
    )

    def done(summary: TransferSummary) -> None:
        QMessageBox.information(
            parent,
            "Practice exported",
            f"Saved everything ({summary.rows:,} rows) to {summary.path}.\n\n"
            "The file is not encrypted and holds every note: keep it somewhere safe.",
        )

    task.finished.connect(done)
    task.start()
    return task


def ask_export_practice(ctx: AppContext, parent: QWidget) -> BackgroundTask | None:
    name = f"practice-{today().isoformat()}.json"
    path = ask_save_path(parent, "Export the whole practice", name, "JSON files", ".json")
    return export_practice_to(ctx, parent, path) if path is not None else None


class ExportListsDialog(QDialog):
    """Which lists, with or without session notes, into which folder."""

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.setWindowTitle("Export lists as CSV")
        self.task: BackgroundTask | None = None
        self.checks: dict[str, QCheckBox] = {}
        layout = QVBoxLayout(self)
        layout.addWidget(QLabel("One CSV file per list, for any spreadsheet. Choose the lists:"))
        for key, item in LISTS.items():
            check = QCheckBox(item.title)
            check.setChecked(True)
            self.checks[key] = check
            layout.addWidget(check)
        self.notes = QCheckBox("Put session notes in the sessions file (never private notes)")
        layout.addWidget(self.notes)
        self.error = ErrorLine()
        layout.addWidget(self.error)
        layout.addWidget(save_cancel_buttons(self, self.choose_folder, "Choose folder…"))

    def keys(self) -> list[str]:
        return [key for key, check in self.checks.items() if check.isChecked()]

    def choose_folder(self) -> None:
        if not self.keys():
            self.error.say("Choose at least one list.")
            return
        folder = QFileDialog.getExistingDirectory(
            self, "Save the CSV files in", str(documents_folder())
        )
        if folder:
            self.export_to(Path(folder))

    def export_to(self, folder: Path) -> BackgroundTask | None:
        keys = self.keys()
        taken = [LISTS[k].file_name for k in keys if (folder / LISTS[k].file_name).exists()]
        if taken:
            answer = QMessageBox.question(
                self,
                "Replace files?",
                f"{', '.join(taken)} already in {folder}. Replace them?",
            )
            if answer != QMessageBox.StandardButton.Yes:
                return None
        db, day, notes = self.ctx.db, today(), self.notes.isChecked()
        self.task = BackgroundTask(
            self,
            "Exporting lists",
            lambda _progress: export_lists_csv(
                db, folder, today=day, keys=keys, with_notes=notes, replace=bool(taken)
            ),
        )

        def done(paths: list[Path]) -> None:
            QMessageBox.information(
                self, "Exported", f"Saved {len(paths)} CSV file(s) in {folder}."
            )
            self.accept()

        self.task.finished.connect(done)
        self.task.start()
        return self.task


class CalendarDialog(QDialog):
    """Which sessions (dates) and how clients are named, then where to save the .ics."""

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.setWindowTitle("Export calendar")
        self.summary: CalendarSummary | None = None
        self.start = OptionalDateEdit("From")
        self.end = OptionalDateEdit("Until")
        now = QDate.currentDate()
        self.start.edit.setDate(now.addMonths(-1))
        self.end.edit.setDate(now.addMonths(6))
        self.names = QButtonGroup(self)
        self.name_buttons: dict[NameStyle, QRadioButton] = {}
        choices = (
            (NameStyle.FULL, "Clients' names"),
            (NameStyle.INITIALS, "Initials only"),
            (NameStyle.NONE, "No names (just “Session”), for a calendar on a phone"),
        )
        names_box = QVBoxLayout()
        for style, text in choices:
            button = QRadioButton(text)
            self.names.addButton(button)
            self.name_buttons[style] = button
            names_box.addWidget(button)
        self.name_buttons[NameStyle.FULL].setChecked(True)
        form = QFormLayout()
        form.addRow("Sessions:", self.start)
        form.addRow("", self.end)
        form.addRow("Show:", names_box)
        self.error = ErrorLine()
        layout = QVBoxLayout(self)
        layout.addWidget(
            QLabel(
                "Planned and past sessions as an iCalendar (.ics) file. Importing a newer "
                "file into your calendar updates the events instead of copying them."
            )
        )
        layout.addLayout(form)
        layout.addWidget(self.error)
        layout.addWidget(save_cancel_buttons(self, self.choose_file, "Save…"))

    def name_style(self) -> NameStyle:
        return next(s for s, b in self.name_buttons.items() if b.isChecked())

    def choose_file(self) -> None:
        path = ask_save_path(self, "Export calendar", "sessions.ics", "Calendar files", ".ics")
        if path is not None:
            self.save_to(path)

    def save_to(self, path: Path) -> None:
        start, end = self.start.value(), self.end.value()
        if start is not None and end is not None and end < start:
            self.error.say("The last day is before the first.")
            return
        try:
            self.summary = export_calendar(
                self.ctx.db, path, start=start, end=end, names=self.name_style(), replace=True
            )
        except PracticeError as refusal:
            self.error.say(str(refusal))
            return
        QMessageBox.information(
            self, "Exported", f"Saved {self.summary.events:,} sessions to {self.summary.path}."
        )
        self.accept()
