"""Raw DB-API connections: plain SQLite, or SQLCipher when a password is given.

Every connection gets the same pragmas: foreign keys on, WAL journal, synchronous FULL,
secure delete on (erased text is overwritten), temporary storage in memory.
"""

from __future__ import annotations

import sqlite3
from pathlib import Path
from typing import Any

import sqlcipher3

SQLITE_HEADER = b"SQLite format 3\x00"


def quote_key(password: str) -> str:
    """The password as an SQL string literal for ``PRAGMA key``."""
    return "'" + password.replace("'", "''") + "'"


def raw_connect(path: Path, password: str | None, *, read_only: bool = False) -> Any:
    """A DB-API connection to ``path``; with a password, through SQLCipher."""
    if read_only:
        target, uri = f"{path.resolve().as_uri()}?mode=ro", True
    else:
        target, uri = str(path), False
    if password is None:
        conn: Any = sqlite3.connect(target, uri=uri, check_same_thread=False, timeout=10)
    else:
        conn = sqlcipher3.connect(target, uri=uri, check_same_thread=False, timeout=10)
        conn.execute(f"PRAGMA key = {quote_key(password)}")
    return conn


def apply_pragmas(conn: Any) -> None:
    conn.execute("PRAGMA foreign_keys = ON")
    conn.execute("PRAGMA journal_mode = WAL")
    conn.execute("PRAGMA synchronous = FULL")
    conn.execute("PRAGMA busy_timeout = 10000")
    conn.execute("PRAGMA secure_delete = ON")
    # Sorts and temporary tables stay in memory: no temporary file can hold client text.
    conn.execute("PRAGMA temp_store = MEMORY")


def dbapi_module(password: str | None) -> Any:
    return sqlite3 if password is None else sqlcipher3


def is_disk_full(exc: BaseException | None) -> bool:
    """True when a driver error means the disk (or the page limit) is full."""
    if exc is None:
        return False
    code = getattr(exc, "sqlite_errorcode", None)
    if code is not None and code & 0xFF == 13:  # SQLITE_FULL
        return True
    message = str(exc).lower()
    return "database or disk is full" in message or "no space left" in message
