"""Changing an encrypted database's password so that no interruption can lose it.

The database is never re-encrypted in place. Instead:

1. its WAL is checkpointed into the main file (so the file stands alone);
2. every page is exported, encrypted with the new password and a fresh salt, into
   ``<database>.rekeying`` (``sqlcipher_export``), and that copy is checked (integrity,
   every encrypted page, the schema revision);
3. a marker ``<database>.rekey`` is written (and flushed) saying the copy is ready, the
   old file is kept as ``<database>.before-rekey`` (a hard link), and the copy is renamed
   over the database in one step;
4. the database is opened with the new password; only then are the old file and the
   marker removed.

Killed at any moment, the next open finds one password that works: before step 3's
rename the old file is untouched and the copy is discarded; after it the new file is
complete and checked. :func:`finish_interrupted_rekey` does that tidying.
"""

from __future__ import annotations

import json
import os
from collections.abc import Callable
from pathlib import Path
from typing import Any

from practice.db.connect import raw_connect, salt_key_literal
from practice.db.files import create_private_file, fsync_dir, remove_with_sidecars
from practice.db.inspect import inspect_existing
from practice.db.killpoints import kill_point


def building_of(path: Path) -> Path:
    return path.with_name(path.name + ".rekeying")


def marker_of(path: Path) -> Path:
    return path.with_name(path.name + ".rekey")


def kept_of(path: Path) -> Path:
    return path.with_name(path.name + ".before-rekey")


def pending_recovery_of(path: Path) -> Path:
    """The recovery-key file resealed for the new password, moved into place with it."""
    return path.with_name(path.name + ".recovery.rekeying")


def _recovery_of(path: Path) -> Path:
    return path.with_name(path.name + ".recovery")


def _settle_recovery(path: Path) -> None:
    pending = pending_recovery_of(path)
    if pending.exists():
        os.replace(pending, _recovery_of(path))


def rekey_file(
    path: Path, current: str, new: str, *, reseal: Callable[[Path], None] | None = None
) -> None:
    """Re-encrypt the closed database at ``path`` from ``current`` to ``new``.

    Raises (leaving the database as it was, with ``current``) if anything fails before
    the new file is in place. ``reseal(pending)`` writes the recovery-key file for the new
    password to ``pending``; it replaces the old one together with the database.
    """
    finish_interrupted_rekey(path)
    inspect_existing(path, current)
    _checkpoint(path, current)
    kill_point("rekey-after-checkpoint")
    building = building_of(path)
    remove_with_sidecars(building)
    try:
        _export(path, current, building, new)
        kill_point("rekey-after-export")
        inspect_existing(building, new)
    except BaseException:
        remove_with_sidecars(building)
        raise
    kill_point("rekey-after-verify")
    if reseal is not None:
        pending_recovery_of(path).unlink(missing_ok=True)
        reseal(pending_recovery_of(path))
    _write_marker(path)
    kill_point("rekey-after-marker")
    kept = kept_of(path)
    kept.unlink(missing_ok=True)
    os.link(path, kept)
    for suffix in ("-wal", "-shm"):
        Path(f"{path}{suffix}").unlink(missing_ok=True)
    os.replace(building, path)
    fsync_dir(path.parent)
    kill_point("rekey-after-replace")
    try:
        inspect_existing(path, new)
    except BaseException:
        # The renamed copy does not check out: put the old file back.
        os.replace(kept, path)
        pending_recovery_of(path).unlink(missing_ok=True)
        fsync_dir(path.parent)
        marker_of(path).unlink(missing_ok=True)
        raise
    _settle_recovery(path)
    kept.unlink(missing_ok=True)
    marker_of(path).unlink(missing_ok=True)
    fsync_dir(path.parent)


def finish_interrupted_rekey(path: Path) -> None:
    """Tidy up after a password change that was interrupted (at the next open)."""
    building, marker, kept = building_of(path), marker_of(path), kept_of(path)
    if building.exists():
        # The rename never happened: the database still has its old password.
        remove_with_sidecars(building)
        pending_recovery_of(path).unlink(missing_ok=True)
        kept.unlink(missing_ok=True)
        marker.unlink(missing_ok=True)
        return
    if marker.exists():
        # Renamed into place (checked before the rename); the old file is no longer needed.
        _settle_recovery(path)
        kept.unlink(missing_ok=True)
        marker.unlink(missing_ok=True)
        return
    kept.unlink(missing_ok=True)


def _checkpoint(path: Path, password: str) -> None:
    conn: Any = raw_connect(path, password)
    try:
        conn.execute("PRAGMA busy_timeout = 10000")
        busy, _, _ = conn.execute("PRAGMA wal_checkpoint(TRUNCATE)").fetchone()
        if busy:
            raise OSError("the database is in use by another program; close it and try again")
    finally:
        conn.close()


def _export(path: Path, current: str, building: Path, new: str) -> None:
    create_private_file(building)
    conn: Any = raw_connect(path, current)
    try:
        conn.execute(f"ATTACH DATABASE ? AS rekeyed KEY {salt_key_literal(new)}", (str(building),))
        conn.execute("SELECT sqlcipher_export('rekeyed')")
        version = conn.execute("PRAGMA user_version").fetchone()[0]
        conn.execute(f"PRAGMA rekeyed.user_version = {int(version)}")
        conn.execute("DETACH DATABASE rekeyed")
    finally:
        conn.close()
    fd = os.open(building, os.O_RDONLY)
    try:
        os.fsync(fd)
    finally:
        os.close(fd)


def _write_marker(path: Path) -> None:
    marker = marker_of(path)
    marker.unlink(missing_ok=True)
    create_private_file(marker)
    with marker.open("w", encoding="utf-8") as handle:
        json.dump({"format": "practice-manager/rekey", "copy": building_of(path).name}, handle)
        handle.flush()
        os.fsync(handle.fileno())
    fsync_dir(path.parent)
