"""Raw DB-API connections: plain SQLite, or SQLCipher when a password is given.

Every connection gets the same pragmas: foreign keys on, WAL journal, synchronous FULL,
secure delete on (erased text is overwritten), temporary storage in memory.
"""

from __future__ import annotations

import functools
import hashlib
import os
import sqlite3
from pathlib import Path
from typing import Any

SQLITE_HEADER = b"SQLite format 3\x00"
#: How long a save waits for another window or command to finish saving.
BUSY_TIMEOUT_MS = 10_000


def is_plain_file(path: Path) -> bool:
    """Whether ``path`` is an unencrypted SQLite file (its header readable as such)."""
    try:
        with path.open("rb") as handle:
            return handle.read(len(SQLITE_HEADER)) == SQLITE_HEADER
    except OSError:
        return False


def quote_key(password: str) -> str:
    """The password as an SQL string literal for ``PRAGMA key``."""
    return "'" + password.replace("'", "''") + "'"


#: Decrypted pages kept in memory by each of the app's connections to an encrypted file
#: (KiB): the pages read so far, up to this; a practice smaller than it never fills it.
#: Each page read from the file is decrypted and its HMAC checked again, and a year's
#: report reads 8-16 MiB of pages: with SQLite's own 2 MiB it took 22% longer.
ENCRYPTED_CACHE_KIB = 16 * 1024

#: SQLCipher 4's key derivation: PBKDF2-HMAC-SHA512, 256,000 iterations, 32-byte key.
KDF_ITERATIONS = 256_000


@functools.lru_cache(maxsize=8)
def _derived_key(password: str, salt: bytes, iterations: int) -> str:
    key = hashlib.pbkdf2_hmac("sha512", password.encode("utf-8"), salt, iterations, 32)
    return f"\"x'{key.hex()}{salt.hex()}'\""


def forget_keys() -> None:
    """Drop every key derived in this process (when the app locks)."""
    _derived_key.cache_clear()


def key_literal(path: Path, password: str) -> str:
    """What ``PRAGMA key`` is given for ``path``: always a raw key derived here.

    The key is derived exactly as SQLCipher 4 would (PBKDF2-HMAC-SHA512, 256,000
    iterations) with the salt stored in the file's first 16 bytes (a new file gets a
    fresh random salt). Deriving it once per process, not once per connection, makes
    opening, backups and checks fast; and because the password is never handed to
    SQLCipher as text, a password that looks like SQLCipher's raw-key syntax
    (``x'…'``) is just a password.
    """
    try:
        with path.open("rb") as handle:
            salt = handle.read(16)
    except OSError:
        salt = b""
    return salt_key_literal(password, salt if len(salt) == 16 else None)


def salt_key_literal(password: str, salt: bytes | None = None) -> str:
    """The raw key for ``password`` with ``salt`` (a fresh random one if None)."""
    return _derived_key(password, salt if salt is not None else os.urandom(16), KDF_ITERATIONS)


def raw_connect(
    path: Path, password: str | None, *, read_only: bool = False, immutable: bool = False
) -> Any:
    """A DB-API connection to ``path``; with a password, through SQLCipher.

    ``immutable``: read the main file alone, ignoring any WAL (nothing is made beside it).
    """
    if read_only:
        # Without a WAL beside it the file is opened immutable, so reading it creates no
        # -wal/-shm files: a refused file is left exactly as it was found.
        wal = Path(f"{path}-wal")
        flag = "mode=ro" if wal.exists() and not immutable else "immutable=1"
        target, uri = f"{path.resolve().as_uri()}?{flag}", True
    else:
        target, uri = str(path), False
    if password is None:
        conn: Any = sqlite3.connect(target, uri=uri, check_same_thread=False, timeout=10)
    else:
        import sqlcipher3  # loaded for an encrypted file only

        conn = sqlcipher3.connect(target, uri=uri, check_same_thread=False, timeout=10)
        # SQLCipher would otherwise print its own diagnostics on stderr for a wrong key.
        conn.execute("PRAGMA cipher_log_level = NONE")
        conn.execute(f"PRAGMA key = {key_literal(path, password)}")
        conn.execute("PRAGMA cipher_compatibility = 4")
    return conn


def apply_pragmas(conn: Any, *, encrypted: bool = False) -> None:
    conn.execute("PRAGMA foreign_keys = ON")
    conn.execute("PRAGMA journal_mode = WAL")
    conn.execute("PRAGMA synchronous = FULL")
    conn.execute(f"PRAGMA busy_timeout = {BUSY_TIMEOUT_MS}")
    conn.execute("PRAGMA secure_delete = ON")
    # Sorts and temporary tables stay in memory: no temporary file can hold client text.
    conn.execute("PRAGMA temp_store = MEMORY")
    if encrypted:
        conn.execute(f"PRAGMA cache_size = -{ENCRYPTED_CACHE_KIB}")


def dbapi_module(password: str | None) -> Any:
    if password is None:
        return sqlite3
    import sqlcipher3

    return sqlcipher3


def is_disk_full(exc: BaseException | None) -> bool:
    """True when a driver error means the disk (or the page limit) is full."""
    if exc is None:
        return False
    code = getattr(exc, "sqlite_errorcode", None)
    if code is not None and code & 0xFF == 13:  # SQLITE_FULL
        return True
    message = str(exc).lower()
    return "database or disk is full" in message or "no space left" in message


def is_busy(exc: BaseException | None) -> bool:
    """True when a driver error means another connection held the lock too long."""
    if exc is None:
        return False
    code = getattr(exc, "sqlite_errorcode", None)
    if code is not None and code & 0xFF in (5, 6):  # SQLITE_BUSY, SQLITE_LOCKED
        return True
    message = str(exc).lower()
    return "database is locked" in message or "database table is locked" in message


def is_not_allowed(exc: BaseException | None) -> bool:
    """True when a practice server refused the login (``insufficient_privilege``: a
    table its role may not touch, or a row its access rules keep from it)."""
    return getattr(exc, "sqlstate", None) == "42501"


def is_read_only(exc: BaseException | None) -> bool:
    """True when a driver error means the file or its folder cannot be written to."""
    if exc is None:
        return False
    code = getattr(exc, "sqlite_errorcode", None)
    if code is not None and code & 0xFF == 8:  # SQLITE_READONLY
        return True
    return "readonly database" in str(exc).lower()
