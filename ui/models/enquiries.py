"""The enquiries list (``list_enquiries``), and what one enquirer was offered: the
referrals (``referrals_for(enquiry_id=...)``) and the resources given
(``shares_for(enquiry_id=...)``)."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from PySide6.QtCore import QModelIndex, QObject, QPersistentModelIndex, QSortFilterProxyModel, Qt
from PySide6.QtGui import QFont

from practice.models import Enquiry, EnquiryOutcome, label
from practice.services.referrals import ReferralRow
from practice.services.resources import ShareRow
from ui import format as fmt
from ui.models.row_table import Column as TableColumn
from ui.models.row_table import RowTableModel
from ui.models.rows import Column, LocalisedRowsModel

Index = QModelIndex | QPersistentModelIndex
OUTCOME_COLUMN = 3


def first_line(text: str, limit: int = 90) -> str:
    """The start of a long text on one line, for a table cell."""
    line = " ".join(text.split())
    return line if len(line) <= limit else line[: limit - 1].rstrip() + "…"


class EnquiryListModel(RowTableModel[Enquiry]):
    """Received, name, what they asked for, and the outcome (in bold while waiting)."""

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.locale = fmt.DEFAULT_LOCALE

    def columns(self) -> Sequence[TableColumn[Enquiry]]:
        return (
            TableColumn("Received", lambda e: fmt.day(e.received_on, self.locale)),
            TableColumn("Name", lambda e: e.name, tooltip=lambda e: e.email or e.phone),
            TableColumn("Asking for", lambda e: first_line(e.request), tooltip=lambda e: e.request),
            TableColumn("Outcome", lambda e: label(e.outcome), tooltip=lambda e: e.outcome_note),
        )

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        """As the base model, with the outcome of an enquiry still waiting in bold."""
        if (
            role == Qt.ItemDataRole.FontRole
            and index.isValid()
            and index.column() == OUTCOME_COLUMN
            and 0 <= index.row() < self.rowCount()
            and self.row_at(index.row()).outcome is EnquiryOutcome.WAITING
        ):
            font = QFont()
            font.setBold(True)
            return font
        return super().data(index, role)


class EnquirySearch(QSortFilterProxyModel):
    """Keeps the enquiries whose name, email, phone, source or request hold every typed
    word (any case); the order is the source model's."""

    def __init__(self, source: EnquiryListModel, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._source = source
        self._words: list[str] = []
        self.setSourceModel(source)

    def set_search(self, text: str) -> None:
        self.beginFilterChange()
        self._words = text.casefold().split()
        self.endFilterChange(QSortFilterProxyModel.Direction.Rows)

    def filterAcceptsRow(
        self, source_row: int, source_parent: QModelIndex | QPersistentModelIndex
    ) -> bool:
        if not self._words:
            return True
        e = self._source.row_at(source_row)
        haystack = " ".join((e.name, e.email, e.phone, e.source, e.request)).casefold()
        return all(word in haystack for word in self._words)


class EnquiryReferralsModel(LocalisedRowsModel[ReferralRow]):
    """Date referred, the provider (their speciality in the tooltip) and why."""

    def columns_for(self, locale: str) -> Sequence[Column[ReferralRow]]:
        return [
            Column("Referred", lambda r: fmt.day(r.referred_on, locale)),
            Column("To", lambda r: first_line(r.provider_name, 40), tooltip=_provider),
            Column("Why", lambda r: first_line(r.reason), tooltip=lambda r: r.reason),
        ]


class EnquirySharesModel(LocalisedRowsModel[ShareRow]):
    """Date given, the resource (its kind and where it lives in the tooltip), the note."""

    def columns_for(self, locale: str) -> Sequence[Column[ShareRow]]:
        return [
            Column("Given", lambda r: fmt.day(r.shared_on, locale)),
            Column("Resource", lambda r: first_line(r.title, 40), tooltip=_resource),
            Column("Note", lambda r: first_line(r.note), tooltip=lambda r: r.note),
        ]


def _provider(row: ReferralRow) -> str:
    return f"{row.provider_name} — {row.speciality}" if row.speciality else row.provider_name


def _resource(row: ShareRow) -> str:
    return " · ".join(part for part in (row.title, label(row.kind), row.location) if part)
