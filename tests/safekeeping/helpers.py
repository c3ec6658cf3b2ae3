"""Helpers for safekeeping tests: the test password and scanners of what was written."""

from __future__ import annotations

import os
from pathlib import Path

PASSWORD = "correct horse 'battery' \\staple"


def open_fds_to(path: Path) -> list[str]:
    """Open file descriptors of this process on ``path`` or its -wal/-shm (Linux)."""
    found = []
    targets = {str(path.resolve()) + s for s in ("", "-wal", "-shm", "-journal")}
    for fd in os.listdir("/proc/self/fd"):
        try:
            target = os.readlink(f"/proc/self/fd/{fd}")
        except OSError:
            continue
        if target in targets:
            found.append(target)
    return found


def files_under(folder: Path) -> list[Path]:
    return [p for p in folder.rglob("*") if p.is_file()]


def files_containing(folder: Path, needle: str) -> list[Path]:
    """Every file under ``folder`` holding ``needle`` as UTF-8 or UTF-16 bytes."""
    patterns = [needle.encode("utf-8"), needle.encode("utf-16-le"), needle.encode("utf-16-be")]
    return [p for p in files_under(folder) if any(x in p.read_bytes() for x in patterns)]
