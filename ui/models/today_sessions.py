"""Sessions on the Today page: ``Session`` rows from ``list_sessions`` for a day or week."""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import QObject

from practice.models import Session, label
from practice.timeutil import to_local
from ui import format as fmt
from ui.models.rows import Column, LocalisedRowsModel


class TodaySessionsModel(LocalisedRowsModel[Session]):
    """Time (or day and time), client, the session (kind, mode, length), attendance."""

    def __init__(
        self,
        parent: QObject | None = None,
        locale: str = fmt.DEFAULT_LOCALE,
        *,
        with_day: bool = False,
    ) -> None:
        self.with_day = with_day  # read by columns_for, which the base class calls
        super().__init__(parent, locale)

    def columns_for(self, locale: str) -> Sequence[Column[Session]]:
        def when(s: Session) -> str:
            if self.with_day:
                local = to_local(s.starts_at)
                return (
                    f"{fmt.weekday_short(local.date(), locale)}, {fmt.time_of(s.starts_at, locale)}"
                )
            return fmt.time_of(s.starts_at, locale)

        def what(s: Session) -> str:
            return f"{label(s.kind)}, {label(s.mode).lower()}, {fmt.duration(s.duration_minutes)}"

        # The client's name is never squeezed: the session's description gives way first.
        return [
            Column("When" if self.with_day else "Time", when),
            Column("Client", lambda s: s.client.display_name),
            Column("Session", what, tooltip=what),
            Column("Attendance", lambda s: label(s.attendance)),
        ]
