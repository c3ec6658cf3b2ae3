"""Passwords: the rules for a new one, changing it (SQLCipher ``rekey``), encrypting a
plain database, and unlocking with the recovery key.

A password may hold any characters (quotes, backslashes, emoji, 200+ characters): it is
passed to SQLCipher as a quoted SQL literal, never pasted into SQL unquoted.
"""

from __future__ import annotations

import os
from pathlib import Path
from typing import TYPE_CHECKING, Any

import sqlcipher3

from practice.db.connect import is_disk_full, salt_key_literal
from practice.db.files import create_private_file, fsync_dir, remove_with_sidecars
from practice.db.inspect import inspect_existing
from practice.db.rekey import rekey_file
from practice.db.use_lock import InUseError, exclusive_use
from practice.errors import PracticeError, ValidationError
from practice.safekeeping.password_rules import validate_new_password
from practice.safekeeping.recovery import reseal_for_new_password

if TYPE_CHECKING:
    from practice.db import Database


def change_password(db: Database, current: str, new: str, repeat: str | None = None) -> None:
    """Re-encrypt the open database with ``new`` into a new file and reconnect ``db``.

    The recovery key (if set up) keeps working. Backups made before keep the password
    they were made with. If anything fails, the old password still opens the database.
    """
    path = db.file("give a new password")
    if not db.encrypted:
        raise ValidationError("current_password", "this database has no password yet.")
    if current != db.password:
        raise ValidationError("current_password", "is not the database's password.")
    validate_new_password(new, repeat)
    db.close()

    def reseal(pending: Path) -> None:
        reseal_for_new_password(path, current, new, target=pending)

    try:
        # Alone with the file: an app or command with it open would go on writing with
        # the old key to the file being replaced.
        with exclusive_use(path, "change the password"):
            rekey_file(path, current, new, reseal=reseal)
    except InUseError:
        db.reconnect(current)
        raise
    except Exception as exc:
        db.reconnect(current)
        raise PracticeError(
            f"The password could not be changed: {rekey_cause(exc)}; the old password still works."
        ) from None
    db.reconnect(new)


def rekey_cause(exc: BaseException) -> str:
    """The reason a password change failed, in words (a full disk named as such)."""
    import errno

    if is_disk_full(exc) or getattr(exc, "errno", None) in (errno.ENOSPC, errno.EFBIG):
        return "the disk is full (free some space and try again)"
    if isinstance(exc, PracticeError):
        return str(exc).rstrip(".")
    if isinstance(exc, OSError):
        return (exc.strerror or str(exc)).lower()
    return str(exc).rstrip(".")


def encrypt_plain_database(path: Path, password: str) -> None:
    """Encrypt a closed, unencrypted database in place (its copy is made, checked, then
    renamed over it); the plain file's pages are gone with it."""
    validate_new_password(password)
    inspect_existing(path, None)
    building = path.with_name(path.name + ".encrypting")
    remove_with_sidecars(building)
    create_private_file(building)
    conn: Any = sqlcipher3.connect(str(path))
    try:
        # A plain database opened through SQLCipher without a key, exported encrypted.
        conn.execute(
            f"ATTACH DATABASE ? AS encrypted KEY {salt_key_literal(password)}", (str(building),)
        )
        conn.execute("SELECT sqlcipher_export('encrypted')")
        version = conn.execute("PRAGMA user_version").fetchone()[0]
        conn.execute(f"PRAGMA encrypted.user_version = {int(version)}")
        conn.execute("DETACH DATABASE encrypted")
    except BaseException:
        conn.close()
        remove_with_sidecars(building)
        raise
    conn.close()
    inspect_existing(building, password)
    for suffix in ("-wal", "-shm"):
        Path(str(path) + suffix).unlink(missing_ok=True)
    os.replace(building, path)
    fsync_dir(path.parent)
