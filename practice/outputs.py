"""Every file the app writes for the user (PDF, CSV, JSON, calendar) goes through here.

Two promises:

* Nothing the app owns is ever written over: an open database, its ``-wal``, ``-shm``,
  ``-journal``, ``.lock`` and ``.checked`` files (:mod:`practice.db.checked`), the backups folder beside it, any backup, or any
  SQLite database at all. The name asked for is resolved through symlinks first, and an
  existing file is also judged by what it holds (the SQLite header, a backup's name).
* Nothing is left half-written under the name asked for: the data goes to a temporary
  owner-only file in the same folder, is flushed to disk, and only then renamed into place.
  A full disk or a crash leaves the old file (or none) and no temporary file.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from pathlib import Path
from typing import BinaryIO

from practice.db.files import write_into_place
from practice.errors import PracticeError, ValidationError

SQLITE_HEADER = b"SQLite format 3\x00"
SIDECARS = ("-wal", "-shm", "-journal", ".lock", ".checked")
_BACKUP_NAME = re.compile(r"^.+-\d{8}-\d{6}(?:-\d+)?-[a-z]+(?:-[a-z]+)*\.db(?:\.partial)?$")

#: Resolved paths of the databases opened by this process.
_owned_databases: set[Path] = set()

Writer = Callable[[BinaryIO], None]


def register_database(path: Path) -> None:
    """Note that ``path`` is a practice database: outputs may never be written over it."""
    _owned_databases.add(Path(path).expanduser().resolve())


def _real(path: Path) -> Path:
    return Path(path).expanduser().resolve()


def _owned_files(db: Path) -> list[Path]:
    return [db] + [db.with_name(db.name + suffix) for suffix in SIDECARS]


def protected_reason(path: Path) -> str | None:
    """Why ``path`` must not be written over, or None if an output may go there."""
    real = _real(path)
    for db in _owned_databases:
        if real in _owned_files(db):
            return "it is the practice database or one of its files"
        backups = db.parent / "backups"
        if real.parent == backups:
            return "it is in the practice's backups folder"
    if _BACKUP_NAME.match(real.name):
        return "it is named like a practice backup"
    for suffix in SIDECARS:
        if real.name.endswith(suffix) and real.with_name(real.name[: -len(suffix)]).exists():
            return "it belongs to a database beside it"
    if real.is_file():
        try:
            with real.open("rb") as handle:
                head = handle.read(len(SQLITE_HEADER))
        except OSError:
            return None
        if head == SQLITE_HEADER:
            return "it is a database"
    return None


def check_target(path: Path, *, replace: bool = True, field: str = "output") -> Path:
    """``path`` made absolute, or a refusal naming what is wrong with it."""
    path = Path(path).expanduser()
    if path.is_dir():
        raise ValidationError(field, f"{path} is a folder; give a file name.")
    if not path.parent.is_dir():
        raise ValidationError(field, f"the folder {path.parent} does not exist.")
    reason = protected_reason(path)
    if reason is not None:
        raise ValidationError(
            field, f"{path} cannot be used: {reason} (nothing was written); choose another name."
        )
    if path.exists() and not replace:
        raise ValidationError(
            field, f"{path} already exists; choose another name (nothing was written)."
        )
    return path


def write_output(
    path: Path, data: bytes | Writer, *, replace: bool = True, field: str = "output"
) -> Path:
    """Write ``data`` (bytes, or a function given the open file) to ``path``, owner-only.

    Refuses a protected ``path`` untouched; writes to a temporary name in the same folder,
    fsyncs, renames into place. A symlinked ``path`` has its target replaced, not the link.
    """
    path = check_target(path, replace=replace, field=field)
    final = path.resolve() if path.is_symlink() else path
    try:
        write_into_place(final, data)
    except OSError as exc:
        raise PracticeError(f"{path} cannot be written: {_cause(exc)}.") from None
    return path


def _cause(exc: OSError) -> str:
    import errno

    if exc.errno in (errno.ENOSPC, errno.EDQUOT, errno.EFBIG):
        return "the disk is full"
    if exc.errno in (errno.EACCES, errno.EPERM, errno.EROFS):
        return "the folder cannot be written to (permission denied)"
    return (exc.strerror or str(exc)).lower()
