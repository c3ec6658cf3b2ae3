"""The work log list: entries from ``practice.services.worklog.list_work``."""

from __future__ import annotations

from collections.abc import Mapping, Sequence

from practice.models import WorkLogEntry, label
from ui import format as fmt
from ui.models.row_table import Column, RowTableModel


class WorkLogModel(RowTableModel[WorkLogEntry]):
    """Date, time spent, category, client and note of each entry."""

    def __init__(self) -> None:
        super().__init__()
        self.locale = fmt.DEFAULT_LOCALE
        #: Client names by id, for the Client column (entries carry only the id).
        self.client_names: Mapping[int, str] = {}

    def _client(self, entry: WorkLogEntry) -> str:
        if entry.client_id is None:
            return ""
        return self.client_names.get(entry.client_id, "")

    def columns(self) -> Sequence[Column[WorkLogEntry]]:
        return (
            Column(
                "Date",
                lambda e: fmt.weekday_short(e.work_date, self.locale) + f" {e.work_date.year}",
            ),
            Column("Time", lambda e: fmt.duration(e.minutes), figure=True),
            Column("Category", lambda e: label(e.category)),
            Column("Client", self._client),
            Column(
                "Note", lambda e: e.note.splitlines()[0] if e.note else "", tooltip=lambda e: e.note
            ),
        )
