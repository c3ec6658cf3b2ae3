"""One app per database: an operating-system lock on ``<database>.lock``.

The lock belongs to the process, so the operating system releases it when the process
ends in any way, including a crash or ``kill -9``: a lock file left behind by a crash
is simply taken over (``recovered_stale`` says so). A second instance is refused with a
plain sentence naming the process that has the database open.
"""

from __future__ import annotations

import os
import socket
import sys
from pathlib import Path
from types import TracebackType

from practice.db.files import OWNER_FILE
from practice.errors import PracticeError


class AlreadyOpenError(PracticeError):
    """Another Practice Manager has this database open."""

    def __init__(self, message: str, pid: int | None) -> None:
        super().__init__(message)
        self.pid = pid


def lock_path_for(db_path: Path) -> Path:
    """The lock beside the database itself (a symlink's target: one lock per database,
    whatever name it is opened by)."""
    real = Path(db_path).expanduser().resolve()
    return real.with_name(real.name + ".lock")


class InstanceLock:
    """Hold with ``with InstanceLock(path):`` or ``acquire()`` / ``release()``."""

    def __init__(self, db_path: Path) -> None:
        self.path = lock_path_for(db_path)
        self._fd: int | None = None
        self.recovered_stale = False

    @property
    def held(self) -> bool:
        return self._fd is not None

    def acquire(self) -> InstanceLock:
        if self._fd is not None:
            return self
        fd = os.open(self.path, os.O_RDWR | os.O_CREAT, OWNER_FILE)
        try:
            _lock(fd)
        except OSError:
            owner = _read_pid(fd)
            os.close(fd)
            who = f" (process {owner})" if owner else ""
            raise AlreadyOpenError(
                f"Practice Manager already has this database open{who}. "
                "Switch to that window, or close it first.",
                owner,
            ) from None
        self.recovered_stale = _read_pid(fd) is not None
        os.ftruncate(fd, 0)
        os.lseek(fd, 0, os.SEEK_SET)
        os.write(fd, f"{os.getpid()}\n{socket.gethostname()}\n".encode())
        os.fsync(fd)
        self._fd = fd
        return self

    def release(self) -> None:
        """Give the lock up (the file stays, empty, so no other process races on it)."""
        if self._fd is None:
            return
        fd, self._fd = self._fd, None
        try:
            os.ftruncate(fd, 0)
            _unlock(fd)
        finally:
            os.close(fd)

    def __enter__(self) -> InstanceLock:
        return self.acquire()

    def __exit__(
        self,
        _type: type[BaseException] | None,
        _value: BaseException | None,
        _tb: TracebackType | None,
    ) -> None:
        self.release()


def _read_pid(fd: int) -> int | None:
    try:
        os.lseek(fd, 0, os.SEEK_SET)
        first = os.read(fd, 64).split(b"\n", 1)[0].strip()
        return int(first) if first else None
    except (OSError, ValueError):
        return None


if sys.platform == "win32":  # pragma: no cover - exercised on Windows only
    import msvcrt

    def _lock(fd: int) -> None:
        os.lseek(fd, 0, os.SEEK_SET)
        msvcrt.locking(fd, msvcrt.LK_NBLCK, 1)

    def _unlock(fd: int) -> None:
        os.lseek(fd, 0, os.SEEK_SET)
        msvcrt.locking(fd, msvcrt.LK_UNLCK, 1)

else:
    import fcntl

    def _lock(fd: int) -> None:
        fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)

    def _unlock(fd: int) -> None:
        fcntl.flock(fd, fcntl.LOCK_UN)
