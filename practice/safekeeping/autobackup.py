"""When to back up automatically: on close, and periodically while there are changes.

:class:`AutoBackup` is driven by the app (a timer calls :meth:`tick`, closing calls
:meth:`on_close`); the clock is injectable so tests need no waiting.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime, timedelta
from pathlib import Path

from practice.db import Database
from practice.safekeeping.backup import backup_database, backup_folder_for
from practice.safekeeping.names import Reason, list_backups
from practice.safekeeping.rotation import DEFAULT_POLICY, RotationPolicy, rotate
from practice.timeutil import utcnow

DEFAULT_INTERVAL = timedelta(hours=1)


class AutoBackup:
    def __init__(
        self,
        db: Database,
        *,
        interval: timedelta = DEFAULT_INTERVAL,
        policy: RotationPolicy = DEFAULT_POLICY,
        clock: Callable[[], datetime] = utcnow,
        folder: Path | None = None,
    ) -> None:
        self.db = db
        self.interval = interval
        self.policy = policy
        self.clock = clock
        self.folder = folder
        self._backed_up_generation = db.generation
        self._last = clock()
        self.last_backup: Path | None = None

    @property
    def changed(self) -> bool:
        return self.db.generation != self._backed_up_generation

    def due(self) -> bool:
        """There were changes and the interval has passed since the last backup."""
        return not self.db.locked and self.changed and self.clock() - self._last >= self.interval

    def tick(self) -> Path | None:
        """Back up if :meth:`due`; return the new backup's path."""
        return self.backup(Reason.PERIODIC) if self.due() else None

    def on_close(self) -> Path | None:
        """Back up before the database is closed if anything changed since the last
        backup, or if this database has no backup at all yet."""
        if self.db.locked:
            return None
        if not self.changed and self._has_backup():
            return None
        return self.backup(Reason.CLOSE)

    def _has_backup(self) -> bool:
        folder = self.folder if self.folder is not None else backup_folder_for(self.db)
        return bool(list_backups(folder, self.db.file("back up").stem))

    def backup(self, reason: Reason = Reason.MANUAL) -> Path:
        generation = self.db.generation
        path = backup_database(self.db, reason, self.folder)
        rotate(path.parent, self.db.file("back up").stem, self.policy)
        self._backed_up_generation = generation
        self._last = self.clock()
        self.last_backup = path
        return path
