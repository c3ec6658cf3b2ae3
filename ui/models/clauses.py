"""The agreement's clauses, in printed order, from ``practice.services.profile.list_clauses``."""

from __future__ import annotations

from PySide6.QtCore import QObject

from practice.models import AgreementClause
from ui.models.rows import Column, RowsModel


class ClauseListModel(RowsModel[AgreementClause]):
    """One column: the clause's number and heading."""

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.set_columns(
            [Column("Clause", lambda c: f"{c.position + 1}. {c.heading}", tooltip=lambda c: c.body)]
        )

    def row_of(self, key: str) -> int:
        for number, clause in enumerate(self.rows()):
            if clause.key == key:
                return number
        return -1
