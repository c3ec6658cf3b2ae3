"""Who is using a database: every process that has it open holds a shared lock on its
in-use file (in the app's cache folder); restoring a backup over it or re-encrypting it needs the lock alone.

So a restore or a password change is refused, with one sentence, while the app or any
command has the database open (they would go on writing to the file that is replaced,
and their saves would be lost or fail), and nothing can open the database while one
is under way. The lock is keyed on the database's real path: a second name for it (a
symlink) is the same database. The operating system releases the locks of a process
however it ends.

One descriptor per database per process, counted: two connections of one process share
it, so the process can still take the lock alone for its own password change.
"""

from __future__ import annotations

import hashlib
import os
import sys
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from practice.db.files import OWNER_FILE
from practice.db.paths import lock_dir
from practice.errors import PracticeError

SUFFIX = ".inuse"


class InUseError(PracticeError):
    """Another window or command is using the database (or replacing it)."""


def use_path_for(db_path: Path) -> Path:
    """The lock file of a database: in the app's own cache folder, named by a hash of
    the database's real path (nothing is added beside a file that may not be ours)."""
    real = Path(db_path).expanduser().resolve()
    folder = lock_dir()
    folder.mkdir(parents=True, exist_ok=True, mode=0o700)
    return folder / (hashlib.sha256(os.fsencode(real)).hexdigest()[:32] + SUFFIX)


_lock = threading.Lock()
#: Lock file → [descriptor, how many users in this process].
_shared: dict[Path, list[int]] = {}


def acquire_shared(db_path: Path) -> Path:
    """Note that this process uses the database; refused while it is being replaced."""
    key = use_path_for(db_path)
    with _lock:
        held = _shared.get(key)
        if held is not None:
            held[1] += 1
            return key
        fd = os.open(key, os.O_RDWR | os.O_CREAT, OWNER_FILE)
        if not _try(fd, exclusive=False):
            os.close(fd)
            raise InUseError(
                "The database is being restored or re-encrypted by another window or "
                "command; try again when that has finished."
            )
        _shared[key] = [fd, 1]
        return key


def release_shared(key: Path) -> None:
    with _lock:
        held = _shared.get(key)
        if held is None:
            return
        held[1] -= 1
        if held[1] <= 0:
            del _shared[key]
            _unlock(held[0])
            os.close(held[0])


@contextmanager
def exclusive_use(db_path: Path, what: str) -> Iterator[None]:
    """Hold the database alone for ``what`` (“restore a backup”); refused with one
    sentence while another process uses it."""
    key = use_path_for(db_path)
    refusal = InUseError(
        f"Cannot {what} while Practice Manager or another command has this database "
        "open: close it first, then try again. Nothing was changed."
    )
    with _lock:
        held = _shared.get(key)
        own = held is None
        fd = os.open(key, os.O_RDWR | os.O_CREAT, OWNER_FILE) if held is None else held[0]
        if not _try(fd, exclusive=True):
            if own:
                os.close(fd)
            else:
                _try(fd, exclusive=False)  # back to what this process had
            raise refusal
    try:
        yield
    finally:
        with _lock:
            if own:
                _unlock(fd)
                os.close(fd)
            else:
                _try(fd, exclusive=False)


if sys.platform == "win32":  # pragma: no cover - exercised on Windows only
    import msvcrt

    def _try(fd: int, *, exclusive: bool) -> bool:
        if not exclusive:
            return True  # Windows has no shared byte locks here: only exclusive ones
        try:
            os.lseek(fd, 0, os.SEEK_SET)
            msvcrt.locking(fd, msvcrt.LK_NBLCK, 1)
        except OSError:
            return False
        return True

    def _unlock(fd: int) -> None:
        try:
            os.lseek(fd, 0, os.SEEK_SET)
            msvcrt.locking(fd, msvcrt.LK_UNLCK, 1)
        except OSError:
            pass

else:
    import fcntl

    def _try(fd: int, *, exclusive: bool) -> bool:
        try:
            fcntl.flock(fd, (fcntl.LOCK_EX if exclusive else fcntl.LOCK_SH) | fcntl.LOCK_NB)
        except OSError:
            return False
        return True

    def _unlock(fd: int) -> None:
        fcntl.flock(fd, fcntl.LOCK_UN)
