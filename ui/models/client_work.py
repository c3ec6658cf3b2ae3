"""A client's unseen work: ``WorkLogEntry`` rows from ``list_work(client_id=...)``."""

from __future__ import annotations

from PySide6.QtCore import QObject

from practice.models import WorkLogEntry, label
from ui import format as fmt
from ui.models.rows import RIGHT, Column, RowsModel


class ClientWorkModel(RowsModel[WorkLogEntry]):
    """Date, category, time and note of each piece of unseen work."""

    def __init__(self, parent: QObject | None = None, locale: str = fmt.DEFAULT_LOCALE) -> None:
        super().__init__(parent)
        self.set_locale(locale)

    def set_locale(self, locale: str) -> None:
        self.set_columns(
            [
                Column("Date", lambda w: fmt.day(w.work_date, locale)),
                Column("Category", lambda w: label(w.category)),
                Column("Time", lambda w: fmt.duration(w.minutes), RIGHT),
                Column("Note", lambda w: w.note.replace("\n", " "), tooltip=lambda w: w.note),
            ]
        )
