"""The resource library (``list_resources``) and who was given one resource
(``recipients_of``)."""

from __future__ import annotations

from collections.abc import Sequence

from practice.models import Resource, label
from practice.services.resources import RecipientRow
from ui import format as fmt
from ui.models.enquiries import first_line
from ui.models.row_table import Column as TableColumn
from ui.models.row_table import RowTableModel
from ui.models.rows import Column, LocalisedRowsModel


class ResourceListModel(RowTableModel[Resource]):
    """Title, kind and where each resource lives."""

    def columns(self) -> Sequence[TableColumn[Resource]]:
        return (
            TableColumn("Title", lambda r: r.title, tooltip=lambda r: r.description),
            TableColumn("Kind", lambda r: label(r.kind)),
            TableColumn(
                "Where", lambda r: first_line(r.location, 60), tooltip=lambda r: r.location
            ),
        )

    def is_muted(self, row: Resource) -> bool:
        return row.archived_at is not None


class ResourceRecipientsModel(LocalisedRowsModel[RecipientRow]):
    """Date given, to whom (a client or an enquirer), and the note."""

    def columns_for(self, locale: str) -> Sequence[Column[RecipientRow]]:
        return [
            Column("Given", lambda r: fmt.day(r.shared_on, locale)),
            Column("To", lambda r: r.person_name),
            Column("As", lambda r: "Client" if r.client_id is not None else "Enquirer"),
            Column("Note", lambda r: first_line(r.note), tooltip=lambda r: r.note),
        ]
