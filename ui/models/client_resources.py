"""Resources shared with a client: ``ShareRow`` rows from ``shares_for(client_id=...)``."""

from __future__ import annotations

from PySide6.QtCore import QObject

from practice.models import label
from practice.services.resources import ShareRow
from ui import format as fmt
from ui.models.rows import Column, RowsModel


class ClientResourcesModel(RowsModel[ShareRow]):
    """Date given, title, kind, where it lives, and the note."""

    def __init__(self, parent: QObject | None = None, locale: str = fmt.DEFAULT_LOCALE) -> None:
        super().__init__(parent)
        self.set_locale(locale)

    def set_locale(self, locale: str) -> None:
        self.set_columns(
            [
                Column("Given", lambda r: fmt.day(r.shared_on, locale)),
                Column("Resource", lambda r: r.title, tooltip=lambda r: r.note),
                Column("Kind", lambda r: label(r.kind)),
                Column("Where", lambda r: r.location, tooltip=lambda r: r.location),
                Column("Note", lambda r: r.note.replace("\n", " ")),
            ]
        )
