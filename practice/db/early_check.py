"""The database's integrity check, started before the imports that opening needs.

Opening a practice database runs SQLite's ``PRAGMA quick_check`` (see
:mod:`practice.db.inspect`): it reads every page, about a second for each gigabyte, and
grows with the practice. SQLite does the reading without holding Python's lock, so the
app and the command line :func:`start` it in a thread as soon as they know which file
they will open, and the imports (Qt, SQLAlchemy, the models) go on beside it.
:func:`take` hands the result to the inspection when it is for the same file as it is
now; anything else — a file changed or replaced since, a write-ahead log beside it, an
encrypted file, a check that failed to run — makes the inspection check again itself.

The check reads the file as it is (SQLite's ``immutable`` mode): nothing is made beside
it, nothing is written, and a file that is not a practice database is left untouched.
"""

from __future__ import annotations

import os
import sqlite3
import threading
from dataclasses import dataclass, field
from pathlib import Path

#: ``practice.db.connect.SQLITE_HEADER`` (not imported from there: it loads SQLCipher).
_HEADER = b"SQLite format 3\x00"

#: The stat fields that change when a file is written or replaced.
Identity = tuple[int, int, int, int, int]


@dataclass
class _Check:
    path: Path
    before: Identity
    thread: threading.Thread = field(init=False)
    rows: list[tuple[object, ...]] | None = None
    after: Identity | None = None


_checks: dict[Path, _Check] = {}
_lock = threading.Lock()


def identity(path: Path) -> Identity | None:
    """The main file's (device, inode, size, modification and change times in ns); None
    when there is no such file or a write-ahead log beside it (then the file alone is
    not the database)."""
    if os.path.exists(f"{path}-wal"):
        return None
    try:
        stat = os.stat(path)
    except OSError:
        return None
    return (stat.st_dev, stat.st_ino, stat.st_size, stat.st_mtime_ns, stat.st_ctime_ns)


def start(path: Path | str) -> None:
    """Begin checking ``path`` in a thread, when it is an unencrypted SQLite file."""
    path = Path(path).expanduser().absolute()
    before = identity(path)
    if before is None:
        return
    try:
        with open(path, "rb") as handle:
            if handle.read(len(_HEADER)) != _HEADER:
                return  # encrypted (the password comes later) or not a database at all
    except OSError:
        return
    check = _Check(path, before)
    check.thread = threading.Thread(
        target=_run, args=(check,), name="early integrity check", daemon=True
    )
    with _lock:
        _checks[path] = check
    check.thread.start()


def _run(check: _Check) -> None:
    uri = f"{check.path.as_uri()}?mode=ro&immutable=1"
    try:
        conn = sqlite3.connect(uri, uri=True, check_same_thread=False)
        try:
            rows = [tuple(row) for row in conn.execute("PRAGMA quick_check").fetchall()]
        finally:
            conn.close()
    except Exception:
        return  # the inspection checks again, and says what is wrong
    check.rows = rows
    check.after = identity(check.path)


def take(path: Path | str) -> list[tuple[object, ...]] | None:
    """The early check's rows for ``path`` (waiting for it to end), once; None when there
    was none, or the file is not exactly the one that was checked."""
    path = Path(path).expanduser().absolute()
    with _lock:
        check = _checks.pop(path, None)
    if check is None:
        return None
    check.thread.join()
    now = identity(path)
    if check.rows is None or now is None or not (check.before == check.after == now):
        return None
    return check.rows
