"""A backup or restore killed halfway leaves its half-written file; the next start
removes it (and never while another process is using the database)."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

from practice.db import open_database
from practice.db.killpoints import ENV
from practice.safekeeping.backup import backup_database, default_backup_folder
from practice.safekeeping.tidy import tidy_interrupted
from practice.services.clients import create_client, list_clients
from tests.safekeeping.helpers import held_open

ROOT = Path(__file__).resolve().parents[2]


def _killed_at(point: str, *args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "practice", *args],
        cwd=ROOT,
        env={**os.environ, ENV: point},
        capture_output=True,
        text=True,
        timeout=120,
    )


def test_a_killed_backup_and_a_killed_restore_are_tidied_at_the_next_start(
    tmp_path: Path,
) -> None:
    path = tmp_path / "practice.db"
    db = open_database(path)
    create_client(db, first_name="Ana")
    good = backup_database(db)
    create_client(db, first_name="Bo")
    db.close()

    done = _killed_at("backup-written", "--database", str(path), "backup")
    assert done.returncode == 137, done.stderr
    folder = default_backup_folder(path)
    partials = list(folder.glob("*.db.partial"))
    assert len(partials) == 1

    done = _killed_at("restore-copied", "--database", str(path), "restore", str(good))
    assert done.returncode == 137, done.stderr
    assert path.with_name("practice.db.restoring").exists()

    db = open_database(path)  # the database itself was never touched
    assert [c.first_name for c in list_clients(db)] == ["Ana", "Bo"]
    removed = tidy_interrupted(db)
    assert set(removed) == {partials[0], path.with_name("practice.db.restoring")}
    assert (
        not list(folder.glob("*.partial")) and not path.with_name("practice.db.restoring").exists()
    )
    assert good.exists()  # finished backups are kept
    db.close()


def test_nothing_is_tidied_while_another_process_uses_the_database(tmp_path: Path) -> None:
    path = tmp_path / "practice.db"
    db = open_database(path)
    folder = default_backup_folder(path)
    folder.mkdir(parents=True, exist_ok=True)
    busy = folder / "practice-20261203-101500-manual.db.partial"
    busy.write_bytes(b"another process is writing this backup")
    with held_open(path):
        assert tidy_interrupted(db) == []
        assert busy.exists()
    assert tidy_interrupted(db) == [busy]
    db.close()
