"""A client's action items: ``ActionItem`` rows from ``list_action_items``."""

from __future__ import annotations

from collections.abc import Sequence

from practice.models import ActionItem, label
from practice.services.action_items import local_date
from ui import format as fmt
from ui.models.rows import Column, LocalisedRowsModel


class ClientActionsModel(LocalisedRowsModel[ActionItem]):
    """What the client agreed to, when, by when, and how it went."""

    def columns_for(self, locale: str) -> Sequence[Column[ActionItem]]:
        return [
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
