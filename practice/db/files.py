"""Files and folders the app writes are readable by their owner only."""

from __future__ import annotations

import contextlib
import os
from collections.abc import Callable
from pathlib import Path
from typing import BinaryIO

OWNER_FILE = 0o600
OWNER_DIR = 0o700


def make_private_dir(path: Path) -> Path:
    """Create ``path`` (and parents) if missing; a folder we create is owner-only."""
    if not path.is_dir():
        path.mkdir(mode=OWNER_DIR, parents=True, exist_ok=True)
        with contextlib.suppress(OSError):
            path.chmod(OWNER_DIR)
    return path


def create_private_file(path: Path) -> None:
    """Create an empty file only the owner can read or write (it must not exist)."""
    fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, OWNER_FILE)
    os.close(fd)


def restrict_to_owner(path: Path) -> None:
    """Take the group's and others' access away from an existing file, keeping the
    owner's as it is (a file the owner made read-only stays read-only); no-op where the
    OS has no such permissions."""
    with contextlib.suppress(OSError):
        mode = path.stat().st_mode & 0o777
        if mode & 0o077:
            path.chmod(mode & 0o700)


def fsync_dir(path: Path) -> None:
    """Make a rename or creation inside ``path`` durable (POSIX; ignored elsewhere)."""
    if os.name != "posix":
        return
    fd = os.open(path, os.O_RDONLY)
    try:
        os.fsync(fd)
    finally:
        os.close(fd)


def remove_with_sidecars(path: Path) -> None:
    """Remove a database file and its -wal, -shm and -journal files, if present, and the
    record that it passed its checks (practice.db.checked)."""
    for suffix in ("", "-wal", "-shm", "-journal", ".checked"):
        Path(str(path) + suffix).unlink(missing_ok=True)


def write_into_place(path: Path, data: bytes | Callable[[BinaryIO], None]) -> None:
    """Write ``data`` (bytes, or a function given the open file) to ``path``: into a new
    owner-only file beside it, named for this process, flushed to disk, then renamed over
    ``path`` and the rename made durable. On any failure the temporary file is removed
    and the error raised; ``path`` is as it was."""
    partial = path.with_name(f".{path.name}.{os.getpid()}.partial")
    descriptor = os.open(partial, os.O_WRONLY | os.O_CREAT | os.O_EXCL, OWNER_FILE)
    try:
        with os.fdopen(descriptor, "wb") as handle:
            if isinstance(data, bytes):
                handle.write(data)
            else:
                data(handle)
            handle.flush()
            os.fsync(handle.fileno())
        os.replace(partial, path)
        fsync_dir(path.parent)
    except BaseException:
        partial.unlink(missing_ok=True)
        raise
