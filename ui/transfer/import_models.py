"""The import wizard's lists: the rows as they will be saved, and the refused rows."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from PySide6.QtCore import QObject

from practice.models import ClientStatus, label
from practice.transfer.spreadsheet import RefusedRow
from practice.transfer.spreadsheet.importing import ReadyRow
from ui.models.row_table import Column, RowTableModel


def _first_line(text: str) -> str:
    line = text.split("\n", 1)[0]
    return line + (" …" if "\n" in text else "")


def _values(row: ReadyRow, name: str) -> Any:
    return row.values.get(name)


class ReadyRowsModel(RowTableModel[ReadyRow]):
    """The first rows exactly as they will be saved (cleaned by the clients service)."""

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)

    def row_id(self, row: ReadyRow) -> Any:
        return row.line

    def columns(self) -> Sequence[Column[ReadyRow]]:
        def text(name: str) -> Any:
            return lambda r: _first_line(str(_values(r, name) or ""))

        def born(r: ReadyRow) -> str:
            value = _values(r, "date_of_birth")
            return f"{value.day} {value:%b %Y}" if value else ""

        def status(r: ReadyRow) -> str:
            value = _values(r, "status")
            return label(value) if isinstance(value, ClientStatus) else ""

        return (
            Column("Line", lambda r: str(r.line), figure=True),
            Column("First name", text("first_name")),
            Column("Last name", text("last_name")),
            Column("Preferred", text("preferred_name")),
            Column("Email", text("email")),
            Column("Phone", text("phone")),
            Column("Date of birth", born),
            Column("Status", status),
            Column("Address", text("address")),
            Column("Found us through", text("source")),
            Column("Notes", text("notes")),
        )


class RefusedRowsModel(RowTableModel[RefusedRow]):
    def row_id(self, row: RefusedRow) -> Any:
        return row.line

    def columns(self) -> Sequence[Column[RefusedRow]]:
        return (
            Column("Line", lambda r: str(r.line), figure=True),
            Column("Why it will not be imported", lambda r: r.reason),
        )
