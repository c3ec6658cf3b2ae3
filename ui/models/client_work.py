"""A client's unseen work: ``WorkLogEntry`` rows from ``list_work(client_id=...)``."""

from __future__ import annotations

from collections.abc import Sequence

from practice.models import WorkLogEntry, label
from ui import format as fmt
from ui.models.rows import RIGHT, Column, LocalisedRowsModel


class ClientWorkModel(LocalisedRowsModel[WorkLogEntry]):
    """Date, category, time and note of each piece of unseen work."""

    def columns_for(self, locale: str) -> Sequence[Column[WorkLogEntry]]:
        return [
            Column("Date", lambda w: fmt.day(w.work_date, locale)),
            Column("Category", lambda w: label(w.category)),
            Column("Time", lambda w: fmt.duration(w.minutes), RIGHT),
            Column("Note", lambda w: w.note.replace("\n", " "), tooltip=lambda w: w.note),
        ]
