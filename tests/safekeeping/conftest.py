"""Fixtures for safekeeping tests: encrypted databases and a file scanner."""

from __future__ import annotations

import os
from collections.abc import Iterator
from pathlib import Path

import pytest

from practice.db import Database, open_database

PASSWORD = "correct horse 'battery' \\staple"


@pytest.fixture
def enc_path(tmp_path: Path) -> Path:
    folder = tmp_path / "data"
    folder.mkdir()
    return folder / "practice.db"


@pytest.fixture
def enc_db(enc_path: Path) -> Iterator[Database]:
    db = open_database(enc_path, PASSWORD)
    try:
        yield db
    finally:
        db.close()


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
