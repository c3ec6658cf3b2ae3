"""Outputs never go over a file the app owns, and never leave half a file under the name."""

from __future__ import annotations

import os
import sqlite3
import subprocess
import sys
from pathlib import Path

import pytest

from practice.cli.main import main
from practice.db import open_database
from practice.documents.common import save_private
from practice.errors import PracticeError, ValidationError
from practice.outputs import write_output
from practice.safekeeping.backup import backup_database
from practice.safekeeping.names import list_backups
from tests.safekeeping.factory import make_client
from tests.safekeeping.helpers import PASSWORD

ROOT = Path(__file__).resolve().parents[2]


@pytest.fixture
def practice(tmp_path: Path) -> tuple[Path, Path, int]:
    folder = tmp_path / "data"
    folder.mkdir()
    path = folder / "practice.db"
    db = open_database(path, PASSWORD)
    made = make_client(db)
    db.close()
    pw = tmp_path / "pw.txt"
    pw.write_text(PASSWORD + "\n", encoding="utf-8")
    return path, pw, made.client_id


def _opens(path: Path) -> int:
    db = open_database(path, PASSWORD)
    try:
        with db.transaction() as s:
            from practice.models import Client

            return s.query(Client).count()
    finally:
        db.close()


def test_record_through_a_symlink_to_the_database_is_refused(
    practice: tuple[Path, Path, int], tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path, pw, client_id = practice
    before = path.read_bytes()
    link = tmp_path / "r.json"
    link.symlink_to(path)
    code = main(
        [
            "--database",
            str(path),
            "--password-file",
            str(pw),
            "record",
            str(client_id),
            "-o",
            str(link),
        ]
    )
    assert code != 0
    err = capsys.readouterr().err
    assert "practice database" in err and "nothing was written" in err
    assert path.read_bytes() == before
    assert _opens(path) == 1


def test_document_over_the_open_database_and_its_files_is_refused(
    practice: tuple[Path, Path, int],
) -> None:
    path, _, _ = practice
    db = open_database(path, PASSWORD)
    try:
        before = path.read_bytes()
        record = Path(str(path) + ".checked")  # that it passed its checks
        recorded = record.read_bytes()
        for target in (path, Path(str(path) + "-wal"), Path(str(path) + "-shm"), record):
            with pytest.raises(ValidationError, match="practice database"):
                save_private(b"%PDF-1.4 not a database", target)
        assert path.read_bytes() == before
        assert record.read_bytes() == recorded
        backup = backup_database(db)
        backup_bytes = backup.read_bytes()
        with pytest.raises(ValidationError, match="backups folder"):
            save_private(b"%PDF", backup)
        assert backup.read_bytes() == backup_bytes
    finally:
        db.close()
    assert _opens(path) == 1


def test_backup_copied_elsewhere_refused_by_name_and_plain_database_by_content(
    practice: tuple[Path, Path, int], tmp_path: Path
) -> None:
    path, _, _ = practice
    db = open_database(path, PASSWORD)
    try:
        backup = backup_database(db)
    finally:
        db.close()
    elsewhere = tmp_path / "usb"
    elsewhere.mkdir()
    copy = elsewhere / backup.name
    copy.write_bytes(backup.read_bytes())
    with pytest.raises(ValidationError, match="named like a practice backup"):
        write_output(copy, b"x")
    plain = elsewhere / "notes.pdf"
    sqlite3.connect(plain).execute("create table t(x)").connection.close()
    with pytest.raises(ValidationError, match="is a database"):
        write_output(plain, b"x")
    assert plain.read_bytes().startswith(b"SQLite format 3\x00")
    assert list_backups(elsewhere)


def test_output_replaces_through_a_rename_and_keeps_a_symlink(tmp_path: Path) -> None:
    target = tmp_path / "old.pdf"
    target.write_bytes(b"old")
    inode = target.stat().st_ino
    link = tmp_path / "link.pdf"
    link.symlink_to(target)
    write_output(link, b"new")
    assert link.is_symlink() and target.read_bytes() == b"new"
    assert target.stat().st_ino != inode  # a new file renamed into place, not rewritten
    assert oct(target.stat().st_mode & 0o777) == oct(0o600)
    assert sorted(p.name for p in tmp_path.iterdir()) == ["link.pdf", "old.pdf"]


FULL_DISK = """
import resource, sys
from pathlib import Path
from practice.outputs import write_output
from practice.errors import PracticeError
resource.setrlimit(resource.RLIMIT_FSIZE, (4096, 4096))
try:
    write_output(Path(sys.argv[1]), b"%PDF" + b"x" * 100_000)
except PracticeError as exc:
    print(exc)
    sys.exit(3)
"""


def test_full_disk_leaves_the_old_file_and_no_partial(tmp_path: Path) -> None:
    target = tmp_path / "agreement.pdf"
    target.write_bytes(b"the earlier agreement")
    done = subprocess.run(
        [sys.executable, "-c", FULL_DISK, str(target)],
        capture_output=True,
        text=True,
        cwd=ROOT,
        timeout=60,
    )
    assert done.returncode == 3, done.stderr
    assert "the disk is full" in done.stdout
    assert "Traceback" not in done.stderr
    assert target.read_bytes() == b"the earlier agreement"
    assert os.listdir(tmp_path) == ["agreement.pdf"]


def test_unwritable_folder_is_one_sentence(tmp_path: Path) -> None:
    folder = tmp_path / "ro"
    folder.mkdir()
    folder.chmod(0o500)
    try:
        if os.access(folder, os.W_OK):
            # An administrator may write anywhere a mode allows; sysfs refuses new files
            # to everyone (Permission denied), so the refusal is still a real one.
            folder = Path("/sys/kernel")
        with pytest.raises(PracticeError, match="cannot be written to"):
            write_output(folder / "x.csv", b"a,b")
    finally:
        (tmp_path / "ro").chmod(0o700)
