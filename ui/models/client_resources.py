"""Resources shared with a client: ``ShareRow`` rows from ``shares_for(client_id=...)``."""

from __future__ import annotations

from collections.abc import Sequence

from practice.models import label
from practice.services.resources import ShareRow
from ui import format as fmt
from ui.models.rows import Column, LocalisedRowsModel


class ClientResourcesModel(LocalisedRowsModel[ShareRow]):
    """Date given, title, kind, where it lives, and the note."""

    def columns_for(self, locale: str) -> Sequence[Column[ShareRow]]:
        return [
            Column("Given", lambda r: fmt.day(r.shared_on, locale)),
            Column("Resource", lambda r: r.title, tooltip=lambda r: r.note),
            Column("Kind", lambda r: label(r.kind)),
            Column("Where", lambda r: r.location, tooltip=lambda r: r.location),
            Column("Note", lambda r: r.note.replace("\n", " ")),
        ]
