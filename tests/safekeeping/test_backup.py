"""Backups: consistent while others write, encrypted, rotated, restorable, checkable."""

from __future__ import annotations

import threading
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest
from sqlalchemy import text

from practice.db import Database, open_database
from practice.db.connect import SQLITE_HEADER
from practice.errors import WrongPasswordError
from practice.models import Client, Draft, PracticeProfile
from practice.safekeeping.autobackup import AutoBackup
from practice.safekeeping.backup import backup_database, backup_file, backup_folder_for
from practice.safekeeping.check import check_database
from practice.safekeeping.names import BackupFile, Reason, list_backups, parse_backup_name
from practice.safekeeping.restore import RestoreError, restore_backup
from practice.safekeeping.rotation import RotationPolicy, backups_to_keep, rotate
from tests.safekeeping.factory import MARKER, make_client
from tests.safekeeping.helpers import PASSWORD


def test_backup_is_encrypted_checked_and_named(enc_db: Database) -> None:
    make_client(enc_db)
    backup = backup_database(enc_db)
    assert backup.parent == enc_db.path.parent / "backups"
    info = parse_backup_name(backup)
    assert info is not None and info.stem == "practice" and info.reason == "manual"
    assert backup.read_bytes()[:16] != SQLITE_HEADER
    assert not any(p.name.endswith(".partial") for p in backup.parent.iterdir())
    report = check_database(backup, PASSWORD)
    assert report.ok, report.problems
    assert report.row_counts["clients"] == 1
    with pytest.raises(WrongPasswordError):
        open_database(backup, "not the password")


def test_backup_goes_to_the_chosen_folder(enc_db: Database, tmp_path: Path) -> None:
    usb = tmp_path / "usb stick" / "Practice backups"
    with enc_db.transaction() as s:
        profile = s.get(PracticeProfile, 1)
        assert profile is not None
        profile.backup_folder = str(usb)
    assert backup_folder_for(enc_db) == usb
    backup = backup_database(enc_db)
    assert backup.parent == usb
    assert [b.path for b in list_backups(usb, "practice")] == [backup]


def test_backup_taken_during_writes_is_a_complete_snapshot(db: Database) -> None:
    """Each write adds a draft and sets the business name to the draft count in one
    transaction: any consistent snapshot has both agreeing."""
    stop = threading.Event()
    written = []

    def writer() -> None:
        n = 0
        while not stop.is_set() and n < 5000:
            n += 1
            with db.transaction() as s:
                s.add(Draft(key=f"k{n}", body="x" * 500))
                s.execute(text("UPDATE practice_profile SET business_name = :n"), {"n": str(n)})
            written.append(n)

    thread = threading.Thread(target=writer)
    thread.start()
    backups = []
    try:
        while len(written) < 20:
            pass
        for _ in range(5):
            backups.append(backup_database(db))
    finally:
        stop.set()
        thread.join()
    assert len(written) > 20
    for backup in backups:
        copy = open_database(backup)
        with copy.transaction() as s:
            drafts = s.execute(text("SELECT count(*) FROM drafts")).scalar()
            name = s.execute(text("SELECT business_name FROM practice_profile")).scalar()
            assert s.execute(text("PRAGMA integrity_check")).scalar() == "ok"
        copy.close()
        assert drafts is not None and drafts > 0
        assert str(drafts) == name


def _fake(taken: datetime) -> BackupFile:
    return BackupFile(
        Path(f"/b/practice-{taken:%Y%m%d-%H%M%S}-periodic.db"), "practice", taken, "periodic"
    )


def test_rotation_keeps_daily_weekly_monthly() -> None:
    now = datetime(2026, 11, 21, 18, 0, tzinfo=UTC)
    # Four backups a day for 500 days.
    backups = [_fake(now - timedelta(hours=6 * i)) for i in range(4 * 500)]
    keep = backups_to_keep(backups, RotationPolicy(latest=3, daily=7, weekly=4, monthly=12))
    kept = sorted((b for b in backups if b.path in keep), key=lambda b: b.taken_at, reverse=True)
    assert kept[0].taken_at == now  # the newest always
    days = {b.taken_at.date() for b in kept}
    assert all((now - timedelta(days=d)).date() in days for d in range(7))
    months = {(b.taken_at.year, b.taken_at.month) for b in kept}
    assert len(months) == 12
    assert len(kept) <= 3 + 7 + 4 + 12
    assert min(b.taken_at for b in kept) > now - timedelta(days=366)


def test_rotation_with_few_backups_keeps_all() -> None:
    now = datetime(2026, 11, 21, tzinfo=UTC)
    backups = [_fake(now - timedelta(days=i)) for i in range(5)]
    assert backups_to_keep(backups) == {b.path for b in backups}


def test_rotate_deletes_files_of_that_database_only(db: Database, tmp_path: Path) -> None:
    folder = tmp_path / "backups"
    start = datetime(2026, 1, 1, tzinfo=UTC)
    made = [
        backup_file(db.path, None, folder, Reason.PERIODIC, now=start + timedelta(hours=i))
        for i in range(6)
    ]
    other = folder / "sample-practice-20260101-000000-close.db"
    other.write_bytes(b"not ours to rotate")
    (folder / "practice-20260101-090000-periodic.db.partial").write_bytes(b"interrupted")
    removed = rotate(folder, "practice", RotationPolicy(latest=2, daily=1, weekly=1, monthly=1))
    assert set(removed) == set(made[:4])
    assert {p.name for p in folder.iterdir()} == {made[4].name, made[5].name, other.name}


def test_restore_round_trip(enc_db: Database) -> None:
    made = make_client(enc_db)
    backup = backup_database(enc_db)
    with enc_db.transaction() as s:
        s.execute(text("DELETE FROM work_timer"))
        s.add(Client(first_name="Added after the backup"))
    path = enc_db.path
    enc_db.close()
    result = restore_backup(backup, path, PASSWORD)
    assert result.safety_backup is not None and result.safety_backup.exists()
    assert not Path(f"{path}-wal").exists() or Path(f"{path}-wal").stat().st_size == 0
    db = open_database(path, PASSWORD)
    with db.transaction() as s:
        names = [c.first_name for c in s.query(Client).order_by(Client.id)]
        assert names == [f"Ana{MARKER}"]
        assert s.execute(text("SELECT count(*) FROM work_timer")).scalar() == 1
        assert s.get(Client, made.client_id) is not None
    db.close()
    # The safety backup holds the state just before the restore.
    safety = open_database(result.safety_backup, PASSWORD)
    with safety.transaction() as s:
        assert s.execute(text("SELECT count(*) FROM clients")).scalar() == 2
    safety.close()


def test_restore_refuses_a_damaged_backup_and_changes_nothing(
    enc_db: Database, tmp_path: Path
) -> None:
    make_client(enc_db)
    backup = backup_database(enc_db)
    data = bytearray(backup.read_bytes())
    for offset in range(5000, 5100):
        data[offset] ^= 0xFF
    damaged = tmp_path / "damaged.db"
    damaged.write_bytes(bytes(data))
    path = enc_db.path
    enc_db.close()
    before = path.read_bytes()
    with pytest.raises(RestoreError, match="cannot be restored"):
        restore_backup(damaged, path, PASSWORD)
    with pytest.raises(RestoreError):
        restore_backup(backup, path, "wrong password")
    with pytest.raises(RestoreError, match="no backup"):
        restore_backup(tmp_path / "missing.db", path, PASSWORD)
    assert path.read_bytes() == before


def test_restore_over_a_damaged_database_sets_it_aside(enc_db: Database) -> None:
    make_client(enc_db)
    backup = backup_database(enc_db)
    path = enc_db.path
    enc_db.close()
    path.write_bytes(b"\x00" * 8192)  # the database was destroyed
    result = restore_backup(backup, path, PASSWORD)
    assert result.safety_backup is None
    assert result.set_aside is not None and result.set_aside.read_bytes() == b"\x00" * 8192
    db = open_database(path, PASSWORD)
    with db.transaction() as s:
        assert s.execute(text("SELECT count(*) FROM clients")).scalar() == 1
    db.close()


def test_check_finds_flipped_bytes(db: Database) -> None:
    make_client(db)
    path = db.path
    db.close()
    assert check_database(path, None).ok
    data = bytearray(path.read_bytes())
    page = 4096
    for number in range(1, len(data) // page):  # the b-tree header of every page but the first
        for offset in range(number * page, number * page + 8):
            data[offset] ^= 0x5A
    path.write_bytes(bytes(data))
    report = check_database(path, None)
    assert not report.ok and report.problems


def test_check_reports_wrong_password_and_missing_file(enc_db: Database, tmp_path: Path) -> None:
    assert check_database(enc_db.path, PASSWORD).ok
    report = check_database(enc_db.path, "nope-nope")
    assert not report.ok and "Wrong password" in report.problems[0]
    assert not check_database(tmp_path / "nothing.db", None).ok


def test_auto_backup_on_change_and_close(enc_db: Database) -> None:
    now = [datetime(2026, 5, 1, 9, 0, tzinfo=UTC)]
    auto = AutoBackup(enc_db, interval=timedelta(hours=1), clock=lambda: now[0])
    assert auto.tick() is None  # nothing changed
    first_close = auto.on_close()  # nothing changed, but there was no backup at all yet
    assert first_close is not None and "close" in first_close.name
    assert auto.on_close() is None  # now there is one and nothing changed
    with enc_db.transaction() as s:  # reading is not a change
        s.execute(text("SELECT count(*) FROM clients")).scalar()
    assert not auto.changed
    make_client(enc_db)
    assert auto.changed
    assert auto.tick() is None  # the hour has not passed
    now[0] += timedelta(minutes=61)
    first = auto.tick()
    assert first is not None and "periodic" in first.name
    assert auto.tick() is None and not auto.changed
    with enc_db.transaction() as s:
        s.add(Client(first_name="Bea"))
    closing = auto.on_close()
    assert closing is not None and "close" in closing.name
    assert check_database(closing, PASSWORD).row_counts["clients"] == 2


def test_a_backup_under_another_password_never_discards_the_current_database(
    enc_db: Database,
) -> None:
    from practice.safekeeping.password import change_password

    make_client(enc_db)
    old_backup = backup_database(enc_db)  # made under the old password
    path = enc_db.path
    change_password(enc_db, PASSWORD, "a new passphrase 2027", "a new passphrase 2027")
    enc_db.close()
    before = path.read_bytes()
    with pytest.raises(RestoreError, match="does not open with that password"):
        restore_backup(old_backup, path, PASSWORD)
    assert path.read_bytes() == before  # not moved aside as "unreadable"
    assert not list(path.parent.glob("*.damaged-*"))
    result = restore_backup(old_backup, path, PASSWORD, current_password="a new passphrase 2027")
    assert result.safety_backup is not None and result.set_aside is None
    safety = open_database(result.safety_backup, "a new passphrase 2027")
    safety.close()
    open_database(path, PASSWORD).close()


def test_an_unencrypted_backup_never_silently_drops_encryption(
    enc_db: Database, db: Database
) -> None:
    make_client(db)
    plain_backup = backup_database(db)
    path = enc_db.path
    enc_db.close()
    before = path.read_bytes()
    for password in (None, PASSWORD):
        with pytest.raises(RestoreError, match="not encrypted"):
            restore_backup(plain_backup, path, password)
        assert path.read_bytes() == before
    result = restore_backup(
        plain_backup, path, None, current_password=PASSWORD, allow_unencrypted=True
    )
    assert result.safety_backup is not None  # the encrypted one kept first
    assert path.read_bytes().startswith(SQLITE_HEADER)
