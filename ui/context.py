"""What every page is given: the open database and the app-wide signals.

Pages never talk to each other directly: after a change they emit ``data_changed`` with
the area that changed ("clients", "programmes", "enrolments", "sessions", "work",
"payments", "profile", "outreach"), and ask for another page with ``navigate``.
"""

from __future__ import annotations

from PySide6.QtCore import QObject, QSettings, Signal

from practice.db import Database
from practice.services.profile import get_profile
from practice.zone import use_practice_zone
from ui.widgets.day_edit import use_date_order


class AppContext(QObject):
    #: Something was saved; the argument names the area.
    data_changed = Signal(str)
    #: Show a page: (page key, optional payload such as a client id).
    navigate = Signal(str, object)

    def __init__(self, db: Database, settings: QSettings | None = None) -> None:
        super().__init__()
        self.db = db
        self.settings = settings if settings is not None else QSettings()
        self._use_practice_ways()

    def _use_practice_ways(self) -> None:
        """Every time shown, and "today", in the practice's zone; typed dates read in the
        order the practice's locale writes them."""
        use_practice_zone(self.db)
        use_date_order(get_profile(self.db).locale)

    def changed(self, area: str) -> None:
        if area == "profile":
            self._use_practice_ways()
        self.data_changed.emit(area)
