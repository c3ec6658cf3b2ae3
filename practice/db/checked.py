"""An encrypted practice that is exactly as it was when it last passed its checks is not
read page by page again at opening.

Opening an encrypted practice checks every page twice (``PRAGMA quick_check`` and
SQLCipher's ``cipher_integrity_check``, see :mod:`practice.db.inspect`). Each page read
is decrypted and its HMAC verified, and on a twenty-year practice (320 MiB) the two took
about four seconds after every password. So when a check passes, or a backup made
from the practice passes (its copy is checked the same way and holds the same content)
and the practice is then closed, or locked with nothing written since, the file's
identity is kept beside it in ``<name>.checked``: its device, inode, size and the
nanosecond times it was last modified and changed. The next opening (or unlock) checks
the file again only if that identity is not the file's now, or a write-ahead log lies
beside it — any write, a restore, a copy or a sync changes it.

Why this is safe for an encrypted file only: structural damage comes from writes, and
every write changes the identity; a page changed on disk by anything without the key
(bit rot, a bad sector, a tool) fails its HMAC the moment it is read, with the same
"damaged" message a check would give. An unencrypted file has no such guard and is
always checked in full.

The record is written to a temporary name and renamed into place; an unreadable or
foreign file of that name means "check again", and is never written over.
"""

from __future__ import annotations

import contextlib
import json
import os
from pathlib import Path

from practice.db import early_check
from practice.db.files import create_private_file, fsync_dir

SUFFIX = ".checked"

Identity = list[int]


def record_of(path: Path) -> Path:
    return path.with_name(path.name + SUFFIX)


def identity(path: Path) -> Identity | None:
    """What any write to ``path`` changes (:func:`practice.db.early_check.identity`); None
    with a write-ahead log beside it (the file alone is not the database) or no file."""
    found = early_check.identity(path)
    return list(found) if found is not None else None


def unchanged_since_checked(path: Path) -> bool:
    """Whether ``path`` is exactly the file that last passed its checks."""
    now = identity(path)
    if now is None:
        return False
    return _kept(record_of(path)) == now


def _kept(record: Path) -> Identity | None:
    """The identity a record of ours holds; None for anything else."""
    try:
        kept = json.loads(record.read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return None
    if not isinstance(kept, dict) or set(kept) != {"identity"}:
        return None
    value = kept["identity"]
    if not isinstance(value, list) or not all(type(part) is int for part in value):
        return None
    return value


def remember_checked(path: Path, checked: Identity | None = None) -> bool:
    """Keep that ``path`` passed its checks as it is now (or as it was when ``checked``
    was taken, if it has not changed since); False when it could not be kept."""
    now = identity(path)
    if now is None or (checked is not None and checked != now):
        return False
    record = record_of(path)
    if record.exists() and _kept(record) is None:
        return False  # a file of that name that is not one of ours: left as it is
    partial = record.with_name(record.name + ".partial")
    try:
        partial.unlink(missing_ok=True)  # our own, left by an interrupted write
        create_private_file(partial)
        with partial.open("w", encoding="utf-8") as handle:
            json.dump({"identity": now}, handle)
            handle.flush()
            os.fsync(handle.fileno())
        os.replace(partial, record)
        fsync_dir(record.parent)
    except OSError:  # a read-only folder: the next opening checks in full, as before
        with contextlib.suppress(OSError):
            partial.unlink(missing_ok=True)
        return False
    return True


def forget_checked(path: Path) -> None:
    """The file is being replaced or removed: its record goes with it."""
    with contextlib.suppress(OSError):
        record_of(path).unlink(missing_ok=True)
