"""A client's action items: ``ActionItem`` rows from ``list_action_items``."""

from __future__ import annotations

from PySide6.QtCore import QObject

from practice.models import ActionItem, label
from practice.services.action_items import local_date
from ui import format as fmt
from ui.models.rows import Column, RowsModel


class ClientActionsModel(RowsModel[ActionItem]):
    """What the client agreed to, when, by when, and how it went."""

    def __init__(self, parent: QObject | None = None, locale: str = fmt.DEFAULT_LOCALE) -> None:
        super().__init__(parent)
        self.set_locale(locale)

    def set_locale(self, locale: str) -> None:
        self.set_columns(
            [
                Column("Action item", lambda a: a.description, tooltip=lambda a: a.description),
                Column("Agreed", lambda a: fmt.day(local_date(a.session.starts_at), locale)),
                Column("Due", lambda a: fmt.day(a.due_date, locale) if a.due_date else "—"),
                Column("Status", lambda a: label(a.status)),
                Column(
                    "Reviewed",
                    lambda a: fmt.day(a.reviewed_on, locale) if a.reviewed_on else "—",
                    tooltip=lambda a: a.review_note,
                ),
            ]
        )
