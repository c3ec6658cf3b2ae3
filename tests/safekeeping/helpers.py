"""Helpers for safekeeping tests: the test password and scanners of what was written."""

from __future__ import annotations

import os
import subprocess
import sys
import textwrap
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from practice.db import connect

PASSWORD = "correct horse 'battery' \\staple"
ROOT = Path(__file__).resolve().parents[2]

HOLDER = textwrap.dedent(
    """
    import sys, time
    from pathlib import Path
    from practice.db import connect, open_database
    connect.KDF_ITERATIONS = int(sys.argv[4])  # as the test process derives keys
    db = open_database(Path(sys.argv[1]), sys.argv[2] or None)
    print("open", flush=True)
    time.sleep(float(sys.argv[3]))
    db.close()
    """
)


@contextmanager
def held_open(path: Path, password: str | None = None) -> Iterator[None]:
    """Another process with the database open until the block ends (then killed)."""
    holder = subprocess.Popen(
        [
            sys.executable,
            "-c",
            HOLDER,
            str(path),
            password or "",
            "60",
            str(connect.KDF_ITERATIONS),
        ],
        cwd=ROOT,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )
    try:
        assert holder.stdout is not None
        line = holder.stdout.readline().strip()
        assert line == "open", holder.stderr.read() if holder.stderr else ""
        yield
    finally:
        holder.kill()
        holder.communicate()


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
