"""An encrypted practice exactly as it last passed its checks is not read page by page
again at opening; any change to the file, however made, brings the full check back
(practice.db.checked)."""

from __future__ import annotations

import os
from pathlib import Path

import pytest
from sqlalchemy import text

from practice.db import checked, open_database
from practice.errors import DatabaseRefusedError
from practice.services.clients import create_client
from tests.safekeeping.helpers import PASSWORD


def _practice(path: Path, clients: int = 30) -> None:
    db = open_database(path, PASSWORD)
    for n in range(clients):
        create_client(db, first_name=f"Client {n}", notes="x" * 2000)
    db.close()


def _open_and_close(path: Path) -> None:
    open_database(path, PASSWORD, create=False).close()


def test_an_unchanged_practice_is_checked_once(tmp_path: Path, full_checks: list[bool]) -> None:
    path = tmp_path / "practice.db"
    _practice(path)
    full_checks.clear()
    _open_and_close(path)
    assert checked.record_of(path).is_file()
    _open_and_close(path)
    _open_and_close(path)
    assert full_checks == [True, False, False]


def test_a_change_made_by_the_app_brings_the_check_back(
    tmp_path: Path, full_checks: list[bool]
) -> None:
    path = tmp_path / "practice.db"
    _practice(path)
    full_checks.clear()
    _open_and_close(path)
    db = open_database(path, PASSWORD, create=False)
    create_client(db, first_name="One more")
    db.close()
    _open_and_close(path)
    _open_and_close(path)
    assert full_checks == [True, False, True, False]


def test_damage_after_the_check_is_found_even_with_its_time_put_back(
    tmp_path: Path, full_checks: list[bool]
) -> None:
    """A page overwritten in place, the modification time restored as it was: the file's
    change time still moved, so the opening reads every page and refuses it."""
    path = tmp_path / "practice.db"
    _practice(path)
    full_checks.clear()
    _open_and_close(path)
    before = os.stat(path)
    data = bytearray(path.read_bytes())
    middle = (len(data) // 4096 // 2) * 4096
    data[middle + 200 : middle + 260] = b"\0" * 60
    with path.open("r+b") as handle:  # the same file (inode), the same size
        handle.write(bytes(data))
    os.utime(path, ns=(before.st_atime_ns, before.st_mtime_ns))
    with pytest.raises(DatabaseRefusedError, match="damaged"):
        _open_and_close(path)
    assert full_checks == [True, True]


def test_a_write_ahead_log_beside_it_brings_the_check_back(
    tmp_path: Path, full_checks: list[bool]
) -> None:
    path = tmp_path / "practice.db"
    _practice(path)
    full_checks.clear()
    _open_and_close(path)
    db = open_database(path, PASSWORD, create=False)  # left open: its log beside it
    create_client(db, first_name="Still open")
    with db.reading() as s:
        s.execute(text("SELECT 1"))
    assert Path(f"{path}-wal").exists()
    assert not checked.unchanged_since_checked(path)
    db.close()


def test_a_plain_file_is_always_checked(db_path: Path, full_checks: list[bool]) -> None:
    open_database(db_path).close()
    open_database(db_path, create=False).close()
    open_database(db_path, create=False).close()
    assert full_checks and all(full_checks)
    assert not checked.record_of(db_path).exists()


@pytest.mark.parametrize("kept", ["", "{", "[]", "\x00\x01", '{"identity": "x"}', "notes"])
def test_a_file_of_that_name_not_ours_means_check_again_and_is_left_alone(
    tmp_path: Path, full_checks: list[bool], kept: str
) -> None:
    path = tmp_path / "practice.db"
    _practice(path, clients=2)
    full_checks.clear()
    checked.record_of(path).write_text(kept, encoding="utf-8")
    _open_and_close(path)
    _open_and_close(path)
    assert full_checks == [True, True]
    assert checked.record_of(path).read_text(encoding="utf-8") == kept


def test_a_record_of_another_file_means_check_again_and_is_made_good(
    tmp_path: Path, full_checks: list[bool]
) -> None:
    path = tmp_path / "practice.db"
    _practice(path, clients=2)
    full_checks.clear()
    checked.record_of(path).write_text('{"identity": [1, 2, 3, 4, 5]}', encoding="utf-8")
    _open_and_close(path)
    _open_and_close(path)
    assert full_checks == [True, False]


def test_a_record_is_written_whole_or_not_at_all(tmp_path: Path) -> None:
    """Written under a temporary name and renamed into place; where that cannot be done
    (here a name too long for the temporary file beside it), nothing is left behind and
    the next opening checks every page, as before."""
    path = tmp_path / "practice.db"
    _practice(path, clients=2)
    assert checked.remember_checked(path)
    assert checked.unchanged_since_checked(path)
    assert sorted(p.name for p in tmp_path.iterdir()) == ["practice.db", "practice.db.checked"]
    long = tmp_path / ("p" * 236 + ".db")  # its record's name fits, the temporary one not
    path.rename(long)
    assert not checked.remember_checked(long)
    assert sorted(p.name for p in tmp_path.iterdir()) == [long.name, "practice.db.checked"]
    assert not checked.unchanged_since_checked(long)


def test_a_check_asked_for_reads_every_page_and_writes_nothing(
    tmp_path: Path, full_checks: list[bool]
) -> None:
    """``practice check`` (and a backup about to be restored) is never spared: it is the
    check, and it leaves nothing beside the file it reads."""
    from practice.safekeeping.check import check_database

    path = tmp_path / "practice.db"
    _practice(path, clients=2)
    _open_and_close(path)
    assert checked.unchanged_since_checked(path)
    full_checks.clear()
    assert check_database(path, PASSWORD).ok
    assert full_checks == [True]
    copy = tmp_path / "copy.db"
    copy.write_bytes(path.read_bytes())
    assert check_database(copy, PASSWORD).ok
    assert not checked.record_of(copy).exists()
