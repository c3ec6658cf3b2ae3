"""The programmes list: rows from ``practice.services.programmes.list_programmes``."""

from __future__ import annotations

from collections.abc import Sequence

from practice.economics.planned import programme_plan
from practice.models import LengthUnit, Programme
from ui import format as fmt
from ui.models.row_table import Column, RowTableModel


def length_text(value: int, unit: LengthUnit | str) -> str:
    word = "week" if LengthUnit(unit) == LengthUnit.WEEKS else "month"
    return f"{value} {word}" if value == 1 else f"{value} {word}s"


class ProgrammeListModel(RowTableModel[Programme]):
    """Name, length, price and the planned effective hourly rate of each programme."""

    def __init__(self) -> None:
        super().__init__()
        self.locale = fmt.DEFAULT_LOCALE
        self._rates: dict[int, int | None] = {}

    def set_rows(self, rows: Sequence[Programme]) -> None:
        self._rates = {p.id: programme_plan(p).effective_hourly_rate for p in rows}
        super().set_rows(rows)

    def columns(self) -> Sequence[Column[Programme]]:
        return (
            Column("Programme", lambda p: p.name, tooltip=lambda p: p.summary),
            Column("Length", lambda p: length_text(p.length_value, p.length_unit)),
            Column("Price", lambda p: fmt.money(p.price, p.currency, self.locale), figure=True),
            Column(
                "Planned rate",
                lambda p: fmt.rate(self._rates.get(p.id), p.currency, self.locale),
                figure=True,
            ),
        )

    def is_muted(self, row: Programme) -> bool:
        return row.archived_at is not None
