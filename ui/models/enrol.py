"""The Enrol page's preview: the instalments ``preview_enrolment`` would create."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from practice.services.enrolments import InstalmentPlan
from ui import format as fmt
from ui.models.row_table import Column, RowTableModel


class InstalmentPreviewModel(RowTableModel[InstalmentPlan]):
    """Number, due date and amount of each instalment (amounts as the service split them)."""

    def __init__(self) -> None:
        super().__init__()
        self.currency = "GBP"
        self.locale = fmt.DEFAULT_LOCALE

    def row_id(self, row: InstalmentPlan) -> Any:
        return row.number

    def columns(self) -> Sequence[Column[InstalmentPlan]]:
        return (
            Column("Instalment", lambda r: str(r.number), figure=True),
            Column("Due", lambda r: fmt.long_day(r.due_date, self.locale)),
            Column(
                "Amount", lambda r: fmt.money(r.amount, self.currency, self.locale), figure=True
            ),
        )
