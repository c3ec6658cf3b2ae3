"""One lock for everyone using a database: restore and change-password are refused while
another process has it open, nothing opens it while they run, and a symlink is the same
database as its target."""

from __future__ import annotations

from pathlib import Path

import pytest

from practice.db import open_database
from practice.db.use_lock import InUseError, exclusive_use
from practice.safekeeping.backup import backup_database
from practice.safekeeping.instance_lock import AlreadyOpenError, InstanceLock
from practice.safekeeping.password import change_password
from practice.safekeeping.restore import restore_backup
from practice.services.clients import create_client, list_clients
from tests.safekeeping.helpers import PASSWORD, held_open


def test_restore_is_refused_while_another_process_has_the_database_open(tmp_path: Path) -> None:
    path = tmp_path / "practice.db"
    db = open_database(path)
    create_client(db, first_name="Ana")
    backup = backup_database(db)
    create_client(db, first_name="Bo")
    db.close()
    with held_open(path, None):
        before = path.read_bytes()
        with pytest.raises(InUseError, match="Cannot restore a backup while"):
            restore_backup(backup, path, None)
        assert path.read_bytes() == before
    # Its process gone (even killed), the lock is gone with it.
    restore_backup(backup, path, None)
    db = open_database(path)
    assert [c.first_name for c in list_clients(db)] == ["Ana"]
    db.close()


def test_change_password_is_refused_while_another_process_has_it_open(tmp_path: Path) -> None:
    path = tmp_path / "practice.db"
    db = open_database(path, PASSWORD)
    with held_open(path, PASSWORD):
        with pytest.raises(InUseError, match="Cannot change the password while"):
            change_password(db, PASSWORD, "another passphrase 2027", "another passphrase 2027")
        create_client(db, first_name="Still saving")  # the old password still works here
    change_password(db, PASSWORD, "another passphrase 2027", "another passphrase 2027")
    db.close()
    open_database(path, "another passphrase 2027").close()


def test_nothing_opens_a_database_while_it_is_being_replaced(tmp_path: Path) -> None:
    path = tmp_path / "practice.db"
    open_database(path).close()
    with exclusive_use(path, "restore a backup"), pytest.raises(InUseError, match="being restored"):
        open_database(path)
    open_database(path).close()


def test_a_symlink_is_the_same_database(tmp_path: Path) -> None:
    path = tmp_path / "practice.db"
    link = tmp_path / "shortcut.db"
    db = open_database(path)
    create_client(db, first_name="Ana")
    backup = backup_database(db)
    db.close()
    link.symlink_to(path)
    with InstanceLock(path), pytest.raises(AlreadyOpenError):
        InstanceLock(link).acquire()
    with held_open(link, None), pytest.raises(InUseError):
        restore_backup(backup, path, None)
    restore_backup(backup, link, None)
    assert link.is_symlink() and link.resolve() == path.resolve()  # still a link
