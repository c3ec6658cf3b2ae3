"""Fault injection: kill -9 mid-write and mid-migration, damaged files, a full disk,
a second instance and a stale lock."""

from __future__ import annotations

import contextlib
import hashlib
import os
import signal
import sqlite3
import subprocess
import sys
import textwrap
import time
from pathlib import Path

import pytest
from sqlalchemy import event, text

from practice.db import Database, migrate, open_database
from practice.errors import DatabaseRefusedError, DiskFullError
from practice.models import Client, Draft
from practice.safekeeping.check import check_database
from practice.safekeeping.instance_lock import AlreadyOpenError, InstanceLock
from practice.safekeeping.names import list_backups
from practice.services import drafts
from tests.safekeeping.factory import make_client
from tests.safekeeping.helpers import PASSWORD

ROOT = Path(__file__).resolve().parents[2]


def digest(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def spawn(code: str, *args: str) -> subprocess.Popen[str]:
    env = dict(os.environ, PYTHONPATH=str(ROOT))
    return subprocess.Popen(
        [sys.executable, "-c", textwrap.dedent(code), *args],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        env=env,
        cwd=ROOT,
    )


def wait_for_line(proc: subprocess.Popen[str], wanted: str, timeout: float = 60) -> None:
    assert proc.stdout is not None
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        line = proc.stdout.readline()
        if not line:
            raise AssertionError(f"child ended early: {proc.stderr.read() if proc.stderr else ''}")
        if line.strip() == wanted:
            return
    raise AssertionError(f"child never said {wanted!r}")


def kill_hard(proc: subprocess.Popen[str]) -> str:
    """SIGKILL the child; return what it had printed but was not read yet — including
    lines the reader had already taken from the pipe into its buffer (``communicate``
    reads the pipe only, and would lose those: a busy machine let two through)."""
    assert proc.stdout is not None and proc.stderr is not None
    proc.send_signal(signal.SIGKILL)
    proc.wait(timeout=30)
    assert proc.returncode == -signal.SIGKILL
    rest = proc.stdout.read()  # the buffer first, then the pipe up to its end
    proc.stdout.close()
    proc.stderr.close()
    return rest


WRITER = """
import sys
from practice.db import open_database
from practice.models import Draft
db = open_database(sys.argv[1], sys.argv[2])
print("ready", flush=True)
n = 0
while True:
    n += 1
    with db.transaction() as s:
        s.add(Draft(key=f"w{n}", body=f"payload {n} " * 40))
    print(n, flush=True)
"""


def test_kill_9_during_writes_loses_no_acknowledged_commit(enc_path: Path, real_kdf: None) -> None:
    open_database(enc_path, PASSWORD).close()
    proc = spawn(WRITER, str(enc_path), PASSWORD)
    wait_for_line(proc, "ready")
    assert proc.stdout is not None
    acked: list[int] = []
    while len(acked) < 150:
        line = proc.stdout.readline()
        assert line, proc.stderr.read() if proc.stderr else ""
        acked.append(int(line))
    acked.extend(int(line) for line in kill_hard(proc).split())  # printed before the kill
    report = check_database(enc_path, PASSWORD)
    assert report.ok, report.problems
    db = open_database(enc_path, PASSWORD)
    with db.transaction() as s:
        keys = set(s.scalars(text("SELECT key FROM drafts")))
        assert s.execute(text("PRAGMA integrity_check")).scalar() == "ok"
    db.close()
    assert {f"w{n}" for n in acked} <= keys
    # At most the one commit in flight when killed may be there without an acknowledgement.
    assert len(keys) - len(acked) in (0, 1)


MIGRATION = """
import sys, time
from practice.db import migrate, open_database
real = migrate.verified_upgrade
def interrupted(conn):
    real(conn)
    conn.exec_driver_sql("CREATE TABLE half_done (x INTEGER)")
    conn.exec_driver_sql("INSERT INTO half_done VALUES (1)")
    conn.exec_driver_sql("UPDATE clients SET first_name = 'CHANGED BY MIGRATION'")
    conn.exec_driver_sql("DELETE FROM drafts")
    print("migrating", flush=True)
    time.sleep(120)
migrate.verified_upgrade = interrupted
migrate.head_revision = lambda: "0002_future_step"
open_database(sys.argv[1], sys.argv[2])
"""


def test_kill_during_a_migration_leaves_the_old_database_and_a_backup(
    enc_path: Path, real_kdf: None
) -> None:
    db = open_database(enc_path, PASSWORD)
    make_client(db)
    db.close()
    proc = spawn(MIGRATION, str(enc_path), PASSWORD)
    wait_for_line(proc, "migrating")
    kill_hard(proc)
    backups = list_backups(enc_path.parent / "backups")
    assert [b.reason for b in backups] == ["before-migrate"]
    for path in (enc_path, backups[0].path):
        report = check_database(path, PASSWORD)
        assert report.ok, report.problems
        assert report.revision == migrate.head_revision()
        assert "half_done" not in report.row_counts
        assert report.row_counts["drafts"] == 2
    db = open_database(enc_path, PASSWORD)
    with db.transaction() as s:
        assert s.execute(text("SELECT first_name FROM clients")).scalar() != "CHANGED BY MIGRATION"
    db.close()


CREATE = """
import sys, time
from practice.db import migrate, open_database
real = migrate.verified_upgrade
def interrupted(conn):
    real(conn)
    print("creating", flush=True)
    time.sleep(120)
migrate.verified_upgrade = interrupted
open_database(sys.argv[1], sys.argv[2])
"""


def test_kill_while_creating_leaves_nothing_half_made(enc_path: Path, real_kdf: None) -> None:
    proc = spawn(CREATE, str(enc_path), PASSWORD)
    wait_for_line(proc, "creating")
    kill_hard(proc)
    assert not enc_path.exists()
    db = open_database(enc_path, PASSWORD)
    db.close()
    assert check_database(enc_path, PASSWORD).ok
    names = {p.name for p in enc_path.parent.iterdir()}
    assert "practice.db" in names
    assert not [name for name in names if ".new" in name]  # the half-made file is gone


#: The revision before the newest: a database at it is migrated when opened.
PREVIOUS = sorted(migrate.known_revisions())[-2]


def set_revision(path: Path, revision: str) -> None:
    """Mark a plain (unencrypted) database as being at ``revision``."""
    with contextlib.closing(sqlite3.connect(path)) as conn, conn:
        conn.execute("UPDATE alembic_version SET version_num = ?", (revision,))


def revision_at(path: Path) -> str:
    with contextlib.closing(sqlite3.connect(path)) as conn:
        return str(conn.execute("SELECT version_num FROM alembic_version").fetchone()[0])


def test_migration_that_loses_rows_is_rolled_back(
    db: Database, monkeypatch: pytest.MonkeyPatch
) -> None:
    make_client(db)
    path = db.path
    db.close()

    def losing(conn: object) -> None:
        conn.exec_driver_sql("DELETE FROM drafts")  # type: ignore[attr-defined]

    set_revision(path, PREVIOUS)  # an older database: opening it migrates
    monkeypatch.setattr(migrate, "upgrade", losing)
    with pytest.raises(DatabaseRefusedError, match="lose rows in drafts"):
        open_database(path)
    monkeypatch.undo()
    assert revision_at(path) == PREVIOUS  # rolled back: nothing changed
    set_revision(path, migrate.head_revision())
    reopened = open_database(path)
    with reopened.transaction() as s:
        assert s.execute(text("SELECT count(*) FROM drafts")).scalar() == 2
    reopened.close()


def test_migration_that_breaks_links_is_rolled_back(
    db: Database, monkeypatch: pytest.MonkeyPatch
) -> None:
    made = make_client(db)
    path = db.path
    db.close()

    def orphaning(conn: object) -> None:
        conn.exec_driver_sql(f"UPDATE sessions SET client_id = 9999 WHERE id = {made.session_id}")  # type: ignore[attr-defined]

    set_revision(path, PREVIOUS)  # an older database: opening it migrates
    monkeypatch.setattr(migrate, "upgrade", orphaning)
    with pytest.raises(DatabaseRefusedError, match="broken links in sessions"):
        open_database(path)
    monkeypatch.undo()
    assert revision_at(path) == PREVIOUS  # rolled back: nothing changed
    set_revision(path, migrate.head_revision())
    assert check_database(path, None).ok


def test_before_migrate_backup_is_taken(db: Database, monkeypatch: pytest.MonkeyPatch) -> None:
    make_client(db)
    path = db.path
    db.close()
    monkeypatch.setattr(migrate, "head_revision", lambda: "0002_future_step")
    open_database(path).close()
    backups = list_backups(path.parent / "backups", "practice")
    assert [b.reason for b in backups] == ["before-migrate"]
    assert check_database(backups[0].path, None).row_counts["clients"] == 1


def _flip(path: Path, start: int, count: int) -> None:
    data = bytearray(path.read_bytes())
    for i in range(start, min(start + count, len(data))):
        data[i] ^= 0xA5
    path.write_bytes(bytes(data))


@pytest.mark.parametrize(
    "damage",
    [
        pytest.param(lambda p: _flip(p, 0, 16), id="salt"),
        pytest.param(lambda p: _flip(p, 4096 + 200, 32), id="page-2"),
        pytest.param(lambda p: _flip(p, p.stat().st_size - 100, 50), id="last-page"),
        pytest.param(
            lambda p: p.write_bytes(p.read_bytes()[: p.stat().st_size // 2]), id="truncated-half"
        ),
        pytest.param(lambda p: p.write_bytes(p.read_bytes()[:4000]), id="truncated-odd"),
        pytest.param(lambda p: p.write_bytes(b""), id="empty"),
        pytest.param(lambda p: p.write_text("Name,Notes\nAna,private\n"), id="csv"),
        pytest.param(lambda p: p.write_bytes(os.urandom(8192)), id="random"),
    ],
)
def test_damaged_encrypted_files_are_refused_untouched(enc_path: Path, damage: object) -> None:
    db = open_database(enc_path, PASSWORD)
    make_client(db)
    db.close()
    damage(enc_path)  # type: ignore[operator]
    before = {p.name: digest(p) for p in enc_path.parent.iterdir()}
    with pytest.raises(DatabaseRefusedError) as err:
        open_database(enc_path, PASSWORD)
    assert "Traceback" not in str(err.value) and str(err.value).endswith(".")
    assert {p.name: digest(p) for p in enc_path.parent.iterdir()} == before
    assert not check_database(enc_path, PASSWORD).ok


def test_newer_encrypted_database_is_refused_untouched(enc_path: Path) -> None:
    db = open_database(enc_path, PASSWORD)
    with db.transaction() as s:
        s.execute(text("UPDATE alembic_version SET version_num = '9999_from_the_future'"))
    db.close()
    before = digest(enc_path)
    with pytest.raises(DatabaseRefusedError, match="newer version"):
        open_database(enc_path, PASSWORD)
    assert digest(enc_path) == before


def _limit_pages(db: Database, extra: int) -> None:
    db.close()

    @event.listens_for(db.engine, "connect")
    def _limit(dbapi_conn: object, _record: object) -> None:
        count = dbapi_conn.execute("PRAGMA page_count").fetchone()[0]  # type: ignore[attr-defined]
        dbapi_conn.execute(f"PRAGMA max_page_count = {count + extra}")  # type: ignore[attr-defined]


@pytest.mark.parametrize("encrypted", [False, True], ids=["plain", "encrypted"])
def test_disk_full_is_a_plain_message_and_a_rollback(tmp_path: Path, encrypted: bool) -> None:
    db = open_database(tmp_path / "practice.db", PASSWORD if encrypted else None)
    make_client(db)
    _limit_pages(db, 3)
    typed = "A long note the practitioner is typing. " * 5000
    with pytest.raises(DiskFullError, match="disk is full") as err:
        drafts.save_draft(db, "note:session:1", typed)
    assert "not saved" in str(err.value)
    with pytest.raises(DiskFullError), db.transaction() as s:
        s.add(Client(first_name="Half"))
        s.flush()
        s.add(Draft(key="big", body=typed))
    with db.transaction() as s:  # nothing of either transaction is there, the rest is intact
        assert s.execute(text("SELECT count(*) FROM clients")).scalar() == 1
        assert s.get(Draft, {"key": "big", "made_by": ""}) is None
        assert (
            s.execute(text("SELECT body FROM drafts WHERE key = 'note:session:1'")).scalar()
            != typed
        )
    drafts.save_draft(db, "small", "a short one still fits")
    assert drafts.get_draft(db, "small") == "a short one still fits"
    db.close()
    assert check_database(db.path, db.password).ok


HOLDER = """
import sys, time
from pathlib import Path
from practice.safekeeping.instance_lock import InstanceLock
lock = InstanceLock(Path(sys.argv[1])).acquire()
print("locked", flush=True)
time.sleep(120)
"""


def test_second_instance_is_refused_and_a_stale_lock_recovered(enc_path: Path) -> None:
    proc = spawn(HOLDER, str(enc_path))
    wait_for_line(proc, "locked")
    with pytest.raises(AlreadyOpenError, match="already has this database open") as err:
        InstanceLock(enc_path).acquire()
    assert err.value.pid == proc.pid
    kill_hard(proc)  # a crash: the lock file is left behind
    assert (enc_path.parent / "practice.db.lock").read_text().startswith(str(proc.pid))
    lock = InstanceLock(enc_path).acquire()
    assert lock.recovered_stale
    lock.release()
    with InstanceLock(enc_path) as again:
        assert again.held and not again.recovered_stale
        with pytest.raises(AlreadyOpenError):
            InstanceLock(enc_path).acquire()


def test_errors_never_carry_client_text(db: Database) -> None:
    """A constraint error's message (which may reach a log file) holds no values."""
    from sqlalchemy.exc import IntegrityError

    with pytest.raises(IntegrityError) as err, db.transaction() as s:
        s.add(Client(first_name="   ", notes="Secretnotes about the client"))
    assert "Secretnotes" not in str(err.value)
