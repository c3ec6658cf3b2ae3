"""Leftovers of work a crash interrupted, removed at the next start.

A backup is written as ``….db.partial`` and a restore, an encryption or a new database
is built beside the database (``.restoring``, ``.encrypting``, ``.new``) before being
renamed into place; a crash or ``kill -9`` halfway leaves that file. None of them is
ever the only copy of anything (the database and the earlier backups are untouched until
the rename), so they are removed — but only when no other window or command is using
the database, since one of them may be writing its own right now.
"""

from __future__ import annotations

import glob
from pathlib import Path

from practice.db import Database
from practice.db.files import remove_with_sidecars
from practice.db.use_lock import InUseError, exclusive_use
from practice.safekeeping.backup import backup_folder_for

#: Files built beside the database and renamed over it when complete.
BESIDE = (".restoring", ".encrypting", ".new", ".recovery.partial")


def leftovers(db_path: Path, backup_folder: Path) -> list[Path]:
    found = [db_path.with_name(db_path.name + s) for s in BESIDE]
    found = [p for p in found if p.exists()]
    if backup_folder.is_dir():
        found += sorted(backup_folder.glob(f"{glob.escape(db_path.stem)}-*.db.partial"))
        found += sorted(backup_folder.glob(f"{glob.escape(db_path.stem)}-*.recovery.partial"))
    return found


def tidy_interrupted(db: Database) -> list[Path]:
    """Remove what interrupted backups and restores left; the paths removed. Nothing is
    removed while another process uses the database."""
    if db.path is None:
        return []  # a server practice leaves nothing on this computer
    found = leftovers(db.path, backup_folder_for(db))
    if not found:
        return []
    try:
        with exclusive_use(db.path, "tidy up"):
            for path in found:
                remove_with_sidecars(path)
    except InUseError:
        return []
    return found
