"""Models of the Sessions page and the log-a-session form.

* :class:`SessionListModel` — the agenda: sessions from ``list_sessions``, by day.
* :class:`ActionReviewModel` — the client's open action items with the review chosen
  for each (done / partly / not done / still open), edited in place.
* :class:`NewActionItemModel` — action items agreed in this session, before saving.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date
from typing import Any

from PySide6.QtCore import QAbstractTableModel, QModelIndex, Qt

from practice.models import ActionItem, ActionStatus, Attendance, Session, label
from practice.timeutil import to_local
from ui import format as fmt
from ui.models.row_table import Column, Index, RowTableModel

#: The review choices, in the order the form offers them.
REVIEW_CHOICES: tuple[tuple[ActionStatus, str], ...] = (
    (ActionStatus.OPEN, "Still open"),
    (ActionStatus.DONE, "Done"),
    (ActionStatus.PARTLY, "Partly"),
    (ActionStatus.DROPPED, "Not done (dropped)"),
)
REVIEW_LABELS = dict(REVIEW_CHOICES)


def note_state(session: Session) -> str:
    note = session.note
    if note is None or not (note.body or note.private_notes):
        return ""
    return "Signed" if note.locked_at is not None else "Written"


class SessionListModel(RowTableModel[Session]):
    """Day, time, client, kind, mode, duration, attendance and note state."""

    def __init__(self) -> None:
        super().__init__()
        self.locale = fmt.DEFAULT_LOCALE
        self._day_labels: dict[int, str] = {}
        #: Add the year to the day (a list spanning years rather than one week).
        self.with_year = False
        #: Sessions with text typed but not saved yet (a kept draft).
        self.drafted: set[int] = set()

    def set_rows(self, rows: Sequence[Session]) -> None:
        """The day is written once, on its first session, so the list reads by day."""
        self._day_labels = {}
        previous: date | None = None
        for session in rows:
            local_day = to_local(session.starts_at).date()
            if local_day != previous:
                text = fmt.weekday_short(local_day, self.locale)
                if self.with_year:
                    text = f"{text} {local_day.year}"
                self._day_labels[id(session)] = text
            previous = local_day
        super().set_rows(rows)

    def _day(self, session: Session) -> str:
        return self._day_labels.get(id(session), "")

    def columns(self) -> Sequence[Column[Session]]:
        return (
            Column("Day", self._day),
            Column("Time", lambda s: fmt.time_of(s.starts_at, self.locale)),
            Column("Client", lambda s: s.client.display_name),
            Column("Kind", lambda s: label(s.kind)),
            Column("Mode", lambda s: label(s.mode)),
            Column("Length", lambda s: fmt.duration(s.duration_minutes), figure=True),
            Column("Attendance", lambda s: label(s.attendance)),
            Column("Notes", self._notes),
            Column(
                "Programme",
                lambda s: s.enrolment.programme_name if s.enrolment is not None else "",
            ),
        )

    def _notes(self, session: Session) -> str:
        state = note_state(session)
        if session.id in self.drafted:
            return f"{state}, unsaved draft" if state else "Unsaved draft"
        return state

    def is_muted(self, row: Session) -> bool:
        return row.attendance in (Attendance.CANCELLED_EARLY, Attendance.CANCELLED_LATE)


@dataclass
class ReviewRow:
    item: ActionItem
    status: ActionStatus = ActionStatus.OPEN


class ActionReviewModel(QAbstractTableModel):
    """The client's open action items; the Review column is editable."""

    HEADERS = ("Action item", "Agreed", "Due", "Review")
    REVIEW_COLUMN = 3

    def __init__(self) -> None:
        super().__init__()
        self._rows: list[ReviewRow] = []
        self.locale = fmt.DEFAULT_LOCALE

    def set_items(self, items: Sequence[ActionItem]) -> None:
        self.beginResetModel()
        self._rows = [ReviewRow(item) for item in items]
        self.endResetModel()

    def reviews(self) -> list[tuple[int, ActionStatus]]:
        """(action item id, status) for every item reviewed as something other than open."""
        return [(r.item.id, r.status) for r in self._rows if r.status != ActionStatus.OPEN]

    def set_status(self, row: int, status: ActionStatus) -> None:
        self.setData(self.index(row, self.REVIEW_COLUMN), status.value)

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.HEADERS)

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if (
            role == Qt.ItemDataRole.DisplayRole
            and orientation == Qt.Orientation.Horizontal
            and 0 <= section < len(self.HEADERS)
        ):
            return self.HEADERS[section]
        return None

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not (0 <= index.row() < len(self._rows)):
            return None
        row = self._rows[index.row()]
        column = index.column()
        if column == self.REVIEW_COLUMN and role == Qt.ItemDataRole.EditRole:
            return row.status.value
        if column == 0 and role == Qt.ItemDataRole.ToolTipRole:
            return row.item.description
        if role != Qt.ItemDataRole.DisplayRole:
            return None
        if column == 0:
            return row.item.description
        if column == 1:
            return fmt.day(to_local(row.item.session.starts_at).date(), self.locale)
        if column == 2:
            return fmt.day(row.item.due_date, self.locale) if row.item.due_date else ""
        if column == self.REVIEW_COLUMN:
            return REVIEW_LABELS[row.status]
        return None

    def setData(self, index: Index, value: Any, role: int = Qt.ItemDataRole.EditRole) -> bool:
        if (
            role != Qt.ItemDataRole.EditRole
            or not index.isValid()
            or index.column() != self.REVIEW_COLUMN
        ):
            return False
        try:
            status = ActionStatus(str(value))
        except ValueError:
            return False
        self._rows[index.row()].status = status
        self.dataChanged.emit(index, index, [role, Qt.ItemDataRole.DisplayRole])
        return True

    def flags(self, index: Index) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        flags = Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable
        if index.column() == self.REVIEW_COLUMN:
            flags |= Qt.ItemFlag.ItemIsEditable
        return flags


@dataclass(frozen=True)
class NewItemRow:
    description: str
    due_date: date | None


class NewActionItemModel(RowTableModel[NewItemRow]):
    """Action items agreed in the session being logged, not saved yet."""

    def __init__(self) -> None:
        super().__init__()
        self.locale = fmt.DEFAULT_LOCALE

    def columns(self) -> Sequence[Column[NewItemRow]]:
        return (
            Column("New action item", lambda r: r.description),
            Column("Due", lambda r: fmt.day(r.due_date, self.locale) if r.due_date else ""),
        )

    def row_id(self, row: NewItemRow) -> Any:
        return None

    def append(self, row: NewItemRow) -> None:
        position = len(self._rows)
        self.beginInsertRows(QModelIndex(), position, position)
        self._rows.append(row)
        self.endInsertRows()

    def remove(self, position: int) -> None:
        if 0 <= position < len(self._rows):
            self.beginRemoveRows(QModelIndex(), position, position)
            del self._rows[position]
            self.endRemoveRows()
