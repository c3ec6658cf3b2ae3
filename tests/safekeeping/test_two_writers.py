"""Two writers at once (two windows, two command loops) both get their saves in: the
second waits for the first instead of failing with "database is locked"."""

from __future__ import annotations

import sqlite3
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest
from sqlalchemy import func, select

from practice.db import open_database
from practice.models import Client

ROOT = Path(__file__).resolve().parents[2]

WRITER = textwrap.dedent(
    """
    import sys
    from pathlib import Path
    from practice.db import open_database
    from practice.services.clients import create_client, list_clients
    db = open_database(Path(sys.argv[1]))
    tag = sys.argv[2]
    for n in range(60):
        # A read, then a write in one action: the pattern that failed at once under a
        # deferred BEGIN when the other process had written in between.
        with db.transaction() as s:
            pass
        list_clients(db, search=tag, limit=5)
        create_client(db, first_name=f"{tag}{n}", last_name="Writer")
    db.close()
    print("done", tag)
    """
)


def test_two_processes_writing_at_once_both_finish_with_every_row(tmp_path: Path) -> None:
    path = tmp_path / "practice.db"
    open_database(path).close()
    runs = [
        subprocess.Popen(
            [sys.executable, "-c", WRITER, str(path), tag],
            cwd=ROOT,
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            text=True,
        )
        for tag in ("Ana", "Bo")
    ]
    results = [run.communicate(timeout=240) for run in runs]
    for run, (out, err) in zip(runs, results, strict=True):
        assert out.startswith("done"), err
        assert run.returncode == 0, err
        assert "locked" not in err
    db = open_database(path)
    try:
        with db.reading() as s:
            assert s.scalar(select(func.count()).select_from(Client)) == 120
    finally:
        db.close()


def test_a_writer_that_waits_too_long_gets_one_plain_sentence(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from practice.db import connect
    from practice.errors import BusyError
    from practice.services.clients import create_client, list_clients

    monkeypatch.setattr(connect, "BUSY_TIMEOUT_MS", 300)
    path = tmp_path / "practice.db"
    db = open_database(path)
    create_client(db, first_name="Ana")
    blocker = sqlite3.connect(path, isolation_level=None)
    blocker.execute("BEGIN IMMEDIATE")  # another program holds the write lock
    try:
        with pytest.raises(BusyError, match="busy saving something else"):
            create_client(db, first_name="Never")
        # Reading goes on meanwhile.
        assert [c.first_name for c in list_clients(db)] == ["Ana"]
    finally:
        blocker.execute("ROLLBACK")
        blocker.close()
    create_client(db, first_name="Bo")  # the lock gone, saving works again
    db.close()
