"""The app and the command line start the integrity check before loading Qt and
SQLAlchemy, and the opening uses what it found."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from practice.db import open_database

WATCH = """
import sys
from practice.db import early_check
started, taken = [], []
real_start, real_take = early_check.start, early_check.take
def start(path):
    started.append([m for m in ("PySide6", "sqlalchemy") if m in sys.modules])
    real_start(path)
def take(path):
    rows = real_take(path)
    taken.append(rows)
    return rows
early_check.start, early_check.take = start, take
"""


@pytest.mark.parametrize("program", ["cli", "app"])
def test_the_check_starts_before_the_heavy_imports_and_is_used(
    tmp_path: Path, program: str
) -> None:
    database = tmp_path / "practice.db"
    open_database(database).close()
    if program == "cli":
        run = (
            "from practice.cli.main import main\n"
            f"main(['--database', {str(database)!r}, 'clients'])\n"
        )
    else:
        run = (
            "from ui.app import main\n"
            f"main(['--database', {str(database)!r}, '--exit-when-shown'])\n"
        )
    code = WATCH + run + "print('STARTED', started, 'TAKEN', taken)\n"
    home = tmp_path / "home"
    env = {
        **os.environ,
        "HOME": str(home),
        "XDG_CONFIG_HOME": str(home / "config"),
        "XDG_DATA_HOME": str(home / "data"),
        "XDG_STATE_HOME": str(home / "state"),
        "QT_QPA_PLATFORM": "offscreen",
    }
    done = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, timeout=120, env=env
    )
    assert done.returncode == 0, done.stderr[-2000:]
    assert "STARTED [[]] TAKEN [[('ok',)]]" in done.stdout
