"""Backup rotation: the newest few, then one a day, one a week and one a month.

The default keeps the 3 newest backups, the newest of each of the last 7 days that have
one, of the last 4 ISO weeks and of the last 12 months; everything older goes. Only
backups of the same database (same name stem) are considered together.
"""

from __future__ import annotations

import glob
from collections.abc import Callable, Hashable, Iterable
from dataclasses import dataclass
from pathlib import Path

from practice.db.files import remove_with_sidecars
from practice.safekeeping.backup import recovery_file_of
from practice.safekeeping.names import BackupFile, list_backups


@dataclass(frozen=True)
class RotationPolicy:
    latest: int = 3
    daily: int = 7
    weekly: int = 4
    monthly: int = 12


DEFAULT_POLICY = RotationPolicy()


def backups_to_keep(
    backups: Iterable[BackupFile], policy: RotationPolicy = DEFAULT_POLICY
) -> set[Path]:
    """The paths to keep, by the policy; every other backup may be deleted."""
    newest_first = sorted(backups, key=lambda b: b.taken_at, reverse=True)
    keep = {b.path for b in newest_first[: policy.latest]}

    def newest_per(bucket: Callable[[BackupFile], Hashable], count: int) -> None:
        seen: list[Hashable] = []
        for backup in newest_first:
            key = bucket(backup)
            if key in seen:
                continue
            if len(seen) == count:
                return
            seen.append(key)
            keep.add(backup.path)

    newest_per(lambda b: b.taken_at.date(), policy.daily)
    newest_per(lambda b: b.taken_at.isocalendar()[:2], policy.weekly)
    newest_per(lambda b: (b.taken_at.year, b.taken_at.month), policy.monthly)
    return keep


def rotate(folder: Path, stem: str, policy: RotationPolicy = DEFAULT_POLICY) -> list[Path]:
    """Delete the backups of ``stem`` in ``folder`` the policy does not keep; return them."""
    backups = list_backups(folder, stem)
    keep = backups_to_keep(backups, policy)
    removed = []
    # A backup interrupted by a crash or a pulled USB stick leaves a .partial file.
    if folder.is_dir():
        for partial in folder.glob(f"{glob.escape(stem)}-*.db.partial"):
            remove_with_sidecars(partial)
    for backup in backups:
        if backup.path not in keep:
            remove_with_sidecars(backup.path)
            recovery_file_of(backup.path).unlink(missing_ok=True)
            removed.append(backup.path)
    return removed
