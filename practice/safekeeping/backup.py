"""Consistent, encrypted backups through SQLite's online backup API (never a file copy).

A backup is written under a ``.partial`` name, checked, flushed to disk and only then
renamed, so a backup folder never holds a half-written backup under a real name. It is
encrypted with the same password as the database and readable by its owner only.
"""

from __future__ import annotations

import contextlib
import os
import shutil
from datetime import datetime
from pathlib import Path
from typing import TYPE_CHECKING, Any

from practice.db.connect import is_disk_full, raw_connect
from practice.db.files import (
    create_private_file,
    fsync_dir,
    make_private_dir,
    remove_with_sidecars,
    restrict_to_owner,
)
from practice.db.killpoints import kill_point
from practice.errors import PracticeError
from practice.safekeeping.names import Reason, backup_name
from practice.timeutil import utcnow

if TYPE_CHECKING:
    from practice.db import Database


class BackupError(PracticeError):
    """A backup could not be written; the database itself is unaffected."""


def default_backup_folder(db_path: Path) -> Path:
    """Backups go beside the database, in ``backups/``, unless the practitioner chose a folder."""
    return db_path.parent / "backups"


def backup_folder_for(db: Database) -> Path:
    """The folder chosen in the practice profile, or the default one."""
    path = db.file("back up")
    chosen = _chosen_folder(path, db.password)
    return chosen if chosen is not None else default_backup_folder(path)


def _chosen_folder(db_path: Path, password: str | None) -> Path | None:
    try:
        conn = raw_connect(db_path, password, read_only=True)
    except Exception:
        return None
    try:
        row = conn.execute("SELECT backup_folder FROM practice_profile WHERE id = 1").fetchone()
    except Exception:  # an old schema without the column, or no profile yet
        return None
    finally:
        conn.close()
    if row is None or not str(row[0]).strip():
        return None
    return Path(str(row[0]).strip()).expanduser()


def backup_file(
    db_path: Path,
    password: str | None,
    folder: Path,
    reason: Reason,
    *,
    now: datetime | None = None,
) -> Path:
    """Back the database at ``db_path`` up into ``folder``; return the new backup's path."""
    try:
        make_private_dir(folder)
    except OSError as exc:
        raise BackupError(f"The backup folder {folder} cannot be used: {exc.strerror}.") from None
    taken = now or utcnow()
    final = _free_name(folder, db_path.stem, taken, reason)
    partial = final.with_name(final.name + ".partial")
    try:
        remove_with_sidecars(partial)
        create_private_file(partial)
        _copy_pages(db_path, partial, password)
        kill_point("backup-written")  # a fault test may end the process here
        with partial.open("rb+") as handle:
            os.fsync(handle.fileno())
        os.replace(partial, final)
        fsync_dir(folder)
    except BackupError:
        remove_with_sidecars(partial)
        raise
    except Exception as exc:
        remove_with_sidecars(partial)
        if is_disk_full(exc) or getattr(exc, "errno", None) == 28:
            raise BackupError(f"There is not enough space in {folder} for a backup.") from None
        raise BackupError(f"The backup could not be written to {folder}: {exc}.") from None
    _copy_recovery_file(db_path, final)
    return final


def backup_database(
    db: Database, reason: Reason = Reason.MANUAL, folder: Path | None = None
) -> Path:
    """Back an open database up (into its backup folder unless ``folder`` is given)."""
    target = folder if folder is not None else backup_folder_for(db)
    return backup_file(db.file("back up"), db.password, target, reason)


def backup_before_migrate(db_path: Path, password: str | None, from_revision: str) -> None:
    """The ``before_migrate`` hook :func:`practice.db.open_database` uses by default."""
    folder = _chosen_folder(db_path, password) or default_backup_folder(db_path)
    backup_file(db_path, password, folder, Reason.BEFORE_MIGRATE)


def _free_name(folder: Path, stem: str, taken: datetime, reason: Reason) -> Path:
    for n in range(1000):
        candidate = folder / backup_name(stem, taken, reason, n)
        if not candidate.exists():
            return candidate
    raise BackupError(f"Too many backups named like {candidate.name} in {folder}.")


def _copy_pages(source: Path, target: Path, password: str | None) -> None:
    """One backup step over all pages: a consistent snapshot even while others write."""
    src: Any = raw_connect(source, password, read_only=True)
    try:
        dst: Any = raw_connect(target, password)
        try:
            src.backup(dst)
            dst.execute("PRAGMA journal_mode = DELETE")
            _verify(dst, password)
        finally:
            dst.close()
    finally:
        src.close()
    restrict_to_owner(target)


def _verify(conn: Any, password: str | None) -> None:
    result = [tuple(r) for r in conn.execute("PRAGMA quick_check").fetchall()]
    if result != [("ok",)]:
        raise BackupError("The backup copy did not pass its integrity check; it was discarded.")
    if password is not None and conn.execute("PRAGMA cipher_integrity_check").fetchall():
        raise BackupError("The backup copy did not pass its encryption check; it was discarded.")


def recovery_file_of(db_path: Path) -> Path:
    """The recovery-key file kept beside a database or a backup."""
    return db_path.with_name(db_path.name + ".recovery")


def _copy_recovery_file(db_path: Path, backup: Path) -> None:
    """A backup keeps the recovery-key file that opens it (it holds no readable data)."""
    source = recovery_file_of(db_path)
    if source.is_file():
        target = recovery_file_of(backup)
        with contextlib.suppress(OSError):
            shutil.copyfile(source, target)
            restrict_to_owner(target)
