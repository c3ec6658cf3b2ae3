"""The safekeeping commands, end to end through ``practice.cli.main``."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from practice.cli.main import main
from practice.db import open_database
from practice.safekeeping.instance_lock import InstanceLock
from practice.safekeeping.names import list_backups
from tests.safekeeping.factory import MARKER, PRIVATE_MARKER, make_client
from tests.safekeeping.helpers import PASSWORD, files_containing

ROOT = Path(__file__).resolve().parents[2]


@pytest.fixture
def setup(tmp_path: Path) -> tuple[Path, Path, int]:
    """An encrypted database with one client, and its password file."""
    folder = tmp_path / "data"
    folder.mkdir()
    path = folder / "practice.db"
    db = open_database(path, PASSWORD)
    made = make_client(db)
    db.close()
    pw = tmp_path / "pw.txt"
    pw.write_text(PASSWORD + "\n", encoding="utf-8")
    return path, pw, made.client_id


def run(*args: str) -> int:
    return main(list(args))


def test_backup_check_and_restore(
    setup: tuple[Path, Path, int], tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path, pw, _ = setup
    base = ["--database", str(path), "--password-file", str(pw)]
    assert run(*base, "backup") == 0
    assert "Backed up to" in capsys.readouterr().out
    usb = tmp_path / "usb"
    assert run(*base, "backup", "--to", str(usb)) == 0
    capsys.readouterr()
    (backup,) = list_backups(usb)
    assert run(*base, "check") == 0
    assert "passed every check" in capsys.readouterr().out
    assert run(*base, "check", str(backup.path), "--json") == 0
    report = json.loads(capsys.readouterr().out)
    assert report["ok"] is True and report["row_counts"]["clients"] == 1
    assert run(*base, "restore", str(backup.path)) == 0
    out = capsys.readouterr().out
    assert "Restored" in out and "kept in" in out
    assert run(*base, "check") == 0


def test_wrong_password_is_one_sentence(
    setup: tuple[Path, Path, int], tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path, _, _ = setup
    wrong = tmp_path / "wrong.txt"
    wrong.write_text("not it", encoding="utf-8")
    assert run("--database", str(path), "--password-file", str(wrong), "backup") == 1
    err = capsys.readouterr().err
    assert err.strip().startswith("Wrong password: the database does not open with it.")
    assert run("--database", str(path), "--password-file", str(wrong), "check") == 1
    assert "Wrong password" in capsys.readouterr().err


def test_check_fails_on_damage(
    setup: tuple[Path, Path, int], capsys: pytest.CaptureFixture[str]
) -> None:
    path, pw, _ = setup
    data = bytearray(path.read_bytes())
    data[5000:5010] = b"\x00" * 10
    path.write_bytes(bytes(data))
    assert run("--database", str(path), "--password-file", str(pw), "check") == 1
    assert capsys.readouterr().err.strip()


def test_restore_refused_while_the_app_is_open(
    setup: tuple[Path, Path, int], capsys: pytest.CaptureFixture[str]
) -> None:
    path, pw, _ = setup
    base = ["--database", str(path), "--password-file", str(pw)]
    assert run(*base, "backup") == 0
    (backup,) = list_backups(path.parent / "backups")
    before = path.read_bytes()
    with InstanceLock(path):
        assert run(*base, "restore", str(backup.path)) == 1
    assert "already has this database open" in capsys.readouterr().err
    assert path.read_bytes() == before


def test_record_json_and_pdf(
    setup: tuple[Path, Path, int], tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path, pw, client_id = setup
    base = ["--database", str(path), "--password-file", str(pw)]
    out = tmp_path / "record.json"
    assert run(*base, "record", str(client_id), "--output", str(out)) == 0
    assert PRIVATE_MARKER not in out.read_text(encoding="utf-8")
    assert (
        run(*base, "record", str(client_id), "--output", str(out), "--include-private-notes") == 0
    )
    assert PRIVATE_MARKER in out.read_text(encoding="utf-8")
    pdf = tmp_path / "record.pdf"
    assert run(*base, "record", str(client_id), "--output", str(pdf)) == 0
    assert pdf.read_bytes().startswith(b"%PDF")
    capsys.readouterr()
    assert run(*base, "record", "999", "--output", str(out)) == 1
    assert capsys.readouterr().err.strip() == "There is no client with id 999."
    assert run(*base, "record", str(client_id), "--output", str(tmp_path / "r.docx")) == 1


def test_change_password(
    setup: tuple[Path, Path, int], tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path, pw, _ = setup
    new = tmp_path / "new.txt"
    new.write_text("ünïcödé 'new' \\ 🙂\n", encoding="utf-8")
    assert (
        run(
            "--database",
            str(path),
            "--password-file",
            str(pw),
            "change-password",
            "--new-password-file",
            str(new),
        )
        == 0
    )
    assert run("--database", str(path), "--password-file", str(pw), "check") == 1
    assert run("--database", str(path), "--password-file", str(new), "check") == 0
    short = tmp_path / "short.txt"
    short.write_text("short", encoding="utf-8")
    capsys.readouterr()
    assert (
        run(
            "--database",
            str(path),
            "--password-file",
            str(new),
            "change-password",
            "--new-password-file",
            str(short),
        )
        == 1
    )
    assert "at least 8" in capsys.readouterr().err


SCRIPT = """
import sys
from practice.cli.main import main
from practice.db import open_database
from practice.services import drafts
sys.path.insert(0, sys.argv[3])
from tests.safekeeping.factory import make_client
db = open_database(sys.argv[1], open(sys.argv[2], encoding="utf-8").read().splitlines()[0])
made = make_client(db)
drafts.save_draft(db, "note:session:%d" % made.session_id, "typing more Qwertzuiop " * 200)
db.close()
base = ["--database", sys.argv[1], "--password-file", sys.argv[2]]
for command in (["backup"], ["check"], ["backup", "--to", sys.argv[4]]):
    assert main(base + command) == 0
"""


def test_no_plaintext_in_files_written_by_a_whole_session(tmp_path: Path) -> None:
    """Database, WAL, backups, temporary files (TMPDIR), lock and logs: no marker anywhere."""
    data = tmp_path / "data"
    temp = tmp_path / "tmp"
    usb = tmp_path / "usb"
    for folder in (data, temp):
        folder.mkdir()
    pw = tmp_path / "secret" / "pw.txt"
    pw.parent.mkdir()
    pw.write_text(PASSWORD, encoding="utf-8")
    env = dict(os.environ, TMPDIR=str(temp), SQLITE_TMPDIR=str(temp), PYTHONPATH=str(ROOT))
    env["XDG_DATA_HOME"] = str(tmp_path / "xdg-data")
    env["XDG_STATE_HOME"] = str(tmp_path / "xdg-state")
    env["XDG_CACHE_HOME"] = str(tmp_path / "xdg-cache")
    result = subprocess.run(
        [sys.executable, "-c", SCRIPT, str(data / "practice.db"), str(pw), str(ROOT), str(usb)],
        env=env,
        capture_output=True,
        text=True,
        cwd=ROOT,
        timeout=120,
    )
    assert result.returncode == 0, result.stderr
    assert MARKER not in result.stdout + result.stderr
    written = [p for p in tmp_path.rglob("*") if p.is_file() and p.parent != pw.parent]
    assert len(written) >= 3
    assert files_containing(tmp_path, MARKER) == []
