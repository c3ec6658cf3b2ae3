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

The record is written to a temporary name and renamed into place
(:func:`practice.db.files.write_into_place`); an unreadable or foreign file of that name
means "check again", and is never written over.
"""

from __future__ import annotations

import contextlib
import json
from pathlib import Path

from practice.db.early_check import Identity, identity
from practice.db.files import write_into_place

SUFFIX = ".checked"


def record_of(path: Path) -> Path:
    return path.with_name(path.name + SUFFIX)


def recorded(path: Path) -> Identity | None:
    """The identity kept for ``path`` when it last passed its checks; None when there is
    no record of ours."""
    try:
        kept = json.loads(record_of(path).read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return None
    if not isinstance(kept, dict) or set(kept) != {"identity"}:
        return None
    value = kept["identity"]
    if not isinstance(value, list) or len(value) != 5:
        return None
    if not all(type(part) is int for part in value):
        return None
    device, inode, size, modified, changed = value
    return (device, inode, size, modified, changed)


def unchanged_since_checked(path: Path) -> bool:
    """Whether ``path`` is exactly the file that last passed its checks (see
    :func:`practice.db.early_check.identity`: None with a write-ahead log beside it)."""
    now = identity(path)
    return now is not None and recorded(path) == now


def remember_checked(path: Path, checked: Identity | None = None) -> bool:
    """Keep that ``path`` passed its checks as it is now (or as it was when ``checked``
    was taken, if it has not changed since); False when it could not be kept."""
    now = identity(path)
    if now is None or (checked is not None and checked != now):
        return False
    record = record_of(path)
    if record.exists() and recorded(path) is None:
        return False  # a file of that name that is not one of ours: left as it is
    try:
        write_into_place(record, json.dumps({"identity": list(now)}).encode("utf-8"))
    except OSError:  # a read-only folder: the next opening checks in full, as before
        return False
    return True


def forget_checked(path: Path) -> None:
    """The file is being replaced or removed: its record goes with it."""
    with contextlib.suppress(OSError):
        record_of(path).unlink(missing_ok=True)
