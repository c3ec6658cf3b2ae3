"""Restore a backup in place of the database, keeping what was there first.

The app (or the CLI) must have closed the database. The backup is checked read-only
first (a damaged, foreign or newer-version backup is refused and nothing changes); the
current database is then backed up (or, if it cannot be opened, set aside under a
``.damaged-…`` name); the backup's pages are copied through the backup API into a new
file that is renamed over the database only when complete.
"""

from __future__ import annotations

import os
import shutil
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from practice.db.connect import is_plain_file, raw_connect
from practice.db.files import (
    create_private_file,
    fsync_dir,
    remove_with_sidecars,
    restrict_to_owner,
)
from practice.db.inspect import inspect_existing
from practice.db.killpoints import kill_point
from practice.db.use_lock import exclusive_use
from practice.errors import DatabaseRefusedError, PracticeError, WrongPasswordError
from practice.safekeeping.backup import (
    BackupError,
    backup_file,
    default_backup_folder,
    recovery_file_of,
)
from practice.safekeeping.names import STAMP, Reason
from practice.timeutil import utcnow


class RestoreError(PracticeError):
    """The backup could not be restored; the database was left as it was."""


@dataclass(frozen=True)
class RestoreResult:
    restored_from: Path
    #: The backup of the database as it was just before the restore (if it could be read).
    safety_backup: Path | None
    #: Where an unreadable database was moved aside instead (if it was).
    set_aside: Path | None


def restore_backup(
    backup: Path,
    db_path: Path,
    password: str | None,
    *,
    current_password: str | None = None,
    safety_folder: Path | None = None,
    allow_unencrypted: bool = False,
) -> RestoreResult:
    """Put ``backup`` (opened with ``password``) in place of the database at ``db_path``.

    ``current_password`` opens the current database for its safety backup (default: the
    same ``password``). A readable database is never discarded: when the current one
    does not open with the password given, nothing is restored until its own password
    is given, so it can be backed up first; only a damaged one is set aside. Restoring
    an unencrypted backup over an encrypted practice would leave it unencrypted, so it
    is refused unless ``allow_unencrypted``.
    """
    if not backup.is_file():
        raise RestoreError(f"There is no backup file at {backup}.")
    # The database itself, not a second name for it: a symlink stays a symlink.
    db_path = Path(db_path).expanduser().resolve()
    with exclusive_use(db_path, "restore a backup"):
        return _restore(
            backup, db_path, password, current_password, safety_folder, allow_unencrypted
        )


def _restore(
    backup: Path,
    db_path: Path,
    password: str | None,
    current_password: str | None,
    safety_folder: Path | None,
    allow_unencrypted: bool,
) -> RestoreResult:
    current = password if current_password is None else current_password
    if (
        db_path.exists()
        and not is_plain_file(db_path)
        and is_plain_file(backup)
        and not allow_unencrypted
    ):
        raise RestoreError(
            "This backup is not encrypted, and the practice is: restoring it would leave "
            "your records unencrypted. Nothing was changed. To restore it anyway, say so "
            "(practice restore --allow-unencrypted)."
        )
    try:
        inspect_existing(backup, password)
    except DatabaseRefusedError as exc:
        raise RestoreError(f"This backup cannot be restored. {exc}") from None
    safety, aside = None, None
    if db_path.exists():
        safety, aside = _keep_current(
            db_path, current, safety_folder or default_backup_folder(db_path)
        )
    building = db_path.with_name(db_path.name + ".restoring")
    remove_with_sidecars(building)
    try:
        create_private_file(building)
        _copy(backup, building, password)
        kill_point("restore-copied")  # a fault test may end the process here
        with building.open("rb+") as handle:
            os.fsync(handle.fileno())
    except Exception as exc:
        remove_with_sidecars(building)
        raise RestoreError(f"The backup could not be copied into place: {exc}.") from None
    # The old database's WAL must not be replayed onto the restored file.
    for suffix in ("-wal", "-shm", "-journal"):
        Path(str(db_path) + suffix).unlink(missing_ok=True)
    os.replace(building, db_path)
    fsync_dir(db_path.parent)
    restrict_to_owner(db_path)
    _restore_recovery_file(backup, db_path)
    return RestoreResult(restored_from=backup, safety_backup=safety, set_aside=aside)


def _keep_current(
    db_path: Path, password: str | None, folder: Path
) -> tuple[Path | None, Path | None]:
    if password is None and not is_plain_file(db_path):
        raise RestoreError(
            "The current database is encrypted: give its password so it can be backed up "
            "before the backup replaces it. Nothing was changed."
        )
    try:
        inspect_existing(db_path, password)
    except WrongPasswordError:
        if not _looks_encrypted(db_path):
            return None, _set_aside(db_path)  # its first page is gone, not its password
        raise RestoreError(
            "The current database does not open with that password (was the backup made "
            "under another one?). It is backed up before a backup replaces it, so its own "
            "password is needed as well (practice restore --current-password-file). "
            "Nothing was changed."
        ) from None
    except DatabaseRefusedError:
        return None, _set_aside(db_path)
    try:
        return backup_file(db_path, password, folder, Reason.BEFORE_RESTORE), None
    except BackupError as exc:
        raise RestoreError(
            f"The current database could not be backed up first, so nothing was restored. {exc}"
        ) from None


def _set_aside(db_path: Path) -> Path:
    """Move a damaged database (and its WAL) aside under a ``.damaged-…`` name."""
    aside = db_path.with_name(f"{db_path.name}.damaged-{utcnow().strftime(STAMP)}")
    os.replace(db_path, aside)
    for suffix in ("-wal", "-shm"):
        side = Path(str(db_path) + suffix)
        if side.exists():
            os.replace(side, Path(str(aside) + suffix))
    return aside


def _looks_encrypted(path: Path) -> bool:
    """Whether the first page reads as encrypted data (bytes of every value, as a cipher
    gives) rather than as a page wiped or overwritten (zeros, text, a pattern)."""
    try:
        with path.open("rb") as handle:
            page = handle.read(4096)
    except OSError:
        return False
    return len(page) == 4096 and len(set(page)) > 200


def _copy(source: Path, target: Path, password: str | None) -> None:
    src: Any = raw_connect(source, password, read_only=True)
    try:
        dst: Any = raw_connect(target, password)
        try:
            src.backup(dst)
            dst.execute("PRAGMA journal_mode = WAL")
            result = [tuple(r) for r in dst.execute("PRAGMA quick_check").fetchall()]
            if result != [("ok",)]:
                raise BackupError("the restored copy failed its integrity check")
        finally:
            dst.close()
    finally:
        src.close()


def _restore_recovery_file(backup: Path, db_path: Path) -> None:
    kept = recovery_file_of(backup)
    target = recovery_file_of(db_path)
    if kept.is_file():
        shutil.copyfile(kept, target)
        restrict_to_owner(target)
    else:
        # A recovery file made for a different password would only mislead.
        target.unlink(missing_ok=True)
