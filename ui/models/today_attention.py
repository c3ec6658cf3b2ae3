"""The attention lists of the Today page, over rows from ``practice.economics.attention``."""

from __future__ import annotations

from collections.abc import Sequence

from practice.economics.attention import ActionItemDue, InstalmentAttention, QuietClient
from practice.economics.instalments import InstalmentState
from ui import format as fmt
from ui.models.rows import RIGHT, Column, LocalisedRowsModel


def _days(n: int) -> str:
    return f"{n} day{'s' if n != 1 else ''}"


class ActionItemsDueModel(LocalisedRowsModel[ActionItemDue]):
    """Client, action item and when it is (or was) due."""

    def columns_for(self, locale: str) -> Sequence[Column[ActionItemDue]]:
        def due(a: ActionItemDue) -> str:
            when = fmt.day(a.due_date, locale)
            return f"{when} ({_days(a.days_overdue)} overdue)" if a.overdue else when

        return [
            Column("Client", lambda a: a.client_name),
            Column("Action item", lambda a: a.description, tooltip=lambda a: a.description),
            Column("Due", due, warning=lambda a: a.overdue),
        ]


class InstalmentsDueModel(LocalisedRowsModel[InstalmentAttention]):
    """Client and programme, instalment, due date (or days overdue) and amount left."""

    def columns_for(self, locale: str) -> Sequence[Column[InstalmentAttention]]:
        def due(i: InstalmentAttention) -> str:
            if i.state == InstalmentState.OVERDUE:
                return f"{_days(i.days_overdue)} overdue"
            return fmt.day(i.due_date, locale)

        return [
            Column(
                "Client",
                lambda i: i.client_name,
                tooltip=lambda i: f"{i.programme_name}, instalment {i.number}",
            ),
            Column("Due", due, warning=lambda i: i.state == InstalmentState.OVERDUE),
            Column("Left to pay", lambda i: fmt.money(i.left, i.currency, locale), RIGHT),
        ]


class QuietClientsModel(LocalisedRowsModel[QuietClient]):
    """Enrolled clients not seen for a while, and since when."""

    def columns_for(self, locale: str) -> Sequence[Column[QuietClient]]:
        def last(q: QuietClient) -> str:
            if q.last_contact is None:
                return f"Not seen since enrolling {fmt.day(q.active_since, locale)}"
            return fmt.day(q.last_contact, locale)

        return [
            Column("Client", lambda q: q.client_name),
            Column("Last contact", last),
            Column("Quiet for", lambda q: _days(q.days_quiet), RIGHT),
        ]
