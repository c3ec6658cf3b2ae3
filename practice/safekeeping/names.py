"""How backup files are named and recognised: ``<db stem>-<YYYYmmdd-HHMMSS>-<reason>.db``."""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import UTC, datetime
from enum import StrEnum
from pathlib import Path

STAMP = "%Y%m%d-%H%M%S"


class Reason(StrEnum):
    MANUAL = "manual"
    CLOSE = "close"
    PERIODIC = "periodic"
    BEFORE_MIGRATE = "before-migrate"
    BEFORE_RESTORE = "before-restore"


_NAME = re.compile(
    r"^(?P<stem>.+)-(?P<stamp>\d{8}-\d{6})(?:-(?P<n>\d+))?-(?P<reason>[a-z]+(?:-[a-z]+)*)\.db$"
)


@dataclass(frozen=True)
class BackupFile:
    path: Path
    stem: str
    taken_at: datetime  # aware UTC
    reason: str

    @property
    def size(self) -> int:
        return self.path.stat().st_size


def backup_name(stem: str, taken_at: datetime, reason: Reason, n: int = 0) -> str:
    stamp = taken_at.astimezone(UTC).strftime(STAMP)
    extra = f"-{n}" if n else ""
    return f"{stem}-{stamp}{extra}-{reason.value}.db"


def parse_backup_name(path: Path) -> BackupFile | None:
    match = _NAME.match(path.name)
    if match is None:
        return None
    try:
        taken = datetime.strptime(match["stamp"], STAMP).replace(tzinfo=UTC)
    except ValueError:
        return None
    if match["n"]:
        taken = taken.replace(microsecond=min(int(match["n"]), 999_999))
    return BackupFile(path=path, stem=match["stem"], taken_at=taken, reason=match["reason"])


def list_backups(folder: Path, stem: str | None = None) -> list[BackupFile]:
    """Backups in ``folder`` (of the database named ``stem`` if given), newest first."""
    if not folder.is_dir():
        return []
    found = []
    for path in folder.iterdir():
        info = parse_backup_name(path)
        if info is not None and path.is_file() and (stem is None or info.stem == stem):
            found.append(info)
    found.sort(key=lambda b: b.taken_at, reverse=True)
    return found
