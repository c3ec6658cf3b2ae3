"""A password change killed at any chosen point leaves a database one password opens.

Each test runs the real ``practice change-password`` in a subprocess that ends itself
(``os._exit``) at a named point (``PRACTICE_KILL_AT``), then opens the database the way
the next start would, and checks every client is there.
"""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from practice.db import open_database
from practice.db.rekey import building_of, kept_of, marker_of
from practice.errors import WrongPasswordError
from practice.models import Client
from practice.safekeeping.check import check_database
from practice.safekeeping.recovery import recover_password, set_up_recovery
from tests.safekeeping.factory import make_client
from tests.safekeeping.helpers import PASSWORD

ROOT = Path(__file__).resolve().parents[2]
NEW = "a brand new passphrase"

#: (kill point, which password opens the database afterwards)
POINTS = [
    ("rekey-after-checkpoint", PASSWORD),
    ("rekey-after-export", PASSWORD),
    ("rekey-after-verify", PASSWORD),
    ("rekey-after-marker", PASSWORD),
    ("rekey-after-replace", NEW),
    (None, NEW),
]


@pytest.fixture
def practice(tmp_path: Path, real_kdf: None) -> tuple[Path, Path, Path, str]:
    folder = tmp_path / "data"
    folder.mkdir()
    path = folder / "practice.db"
    db = open_database(path, PASSWORD)
    for n in range(3):
        make_client(db, f"Client-{n}", with_timer=n == 0)
    db.close()
    key = set_up_recovery(path, PASSWORD)
    pw = tmp_path / "pw.txt"
    pw.write_text(PASSWORD + "\n", encoding="utf-8")
    new = tmp_path / "new.txt"
    new.write_text(NEW + "\n", encoding="utf-8")
    return path, pw, new, key


def _clients(path: Path, password: str) -> int:
    db = open_database(path, password)
    try:
        with db.transaction() as s:
            return s.query(Client).count()
    finally:
        db.close()


@pytest.mark.parametrize(("point", "opens_with"), POINTS)
def test_change_password_killed_at_point(
    practice: tuple[Path, Path, Path, str], point: str | None, opens_with: str
) -> None:
    path, pw, new, key = practice
    env = dict(os.environ, PYTHONPATH=str(ROOT))
    if point is not None:
        env["PRACTICE_KILL_AT"] = point
    done = subprocess.run(
        [sys.executable, "-m", "practice", "--database", str(path), "--password-file", str(pw)]
        + ["change-password", "--new-password-file", str(new)],
        capture_output=True,
        text=True,
        env=env,
        cwd=ROOT,
        timeout=120,
    )
    assert done.returncode == (0 if point is None else 137), done.stderr
    other = NEW if opens_with == PASSWORD else PASSWORD
    assert _clients(path, opens_with) == 3
    with pytest.raises(WrongPasswordError):
        open_database(path, other)
    for leftover in (building_of(path), marker_of(path), kept_of(path)):
        assert not leftover.exists(), leftover
    assert recover_password(path, key) == opens_with
    report = check_database(path, opens_with)
    assert report.ok, report.problems
    assert report.row_counts["clients"] == 3


def test_check_reads_rows_still_in_the_wal(practice: tuple[Path, Path, Path, str]) -> None:
    path, *_ = practice
    db = open_database(path, PASSWORD)
    try:
        make_client(db, "Only-in-the-WAL", with_timer=False)
        assert Path(f"{path}-wal").stat().st_size > 0
        report = check_database(path, PASSWORD)
    finally:
        db.close()
    assert report.ok, report.problems
    assert report.row_counts["clients"] == 4
