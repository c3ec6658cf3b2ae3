"""Encryption at rest: unusual passwords, wrong passwords, no plaintext anywhere."""

from __future__ import annotations

import hashlib
import stat
from pathlib import Path

import pytest
from sqlalchemy import select, text

from practice.db import open_database
from practice.db.connect import SQLITE_HEADER
from practice.errors import DatabaseRefusedError, ValidationError, WrongPasswordError
from practice.models import Client
from practice.safekeeping.backup import backup_database
from practice.safekeeping.password import change_password, encrypt_plain_database
from practice.safekeeping.password_rules import validate_new_password
from practice.safekeeping.recovery import has_recovery, recover_password, set_up_recovery
from practice.services import drafts
from tests.safekeeping.factory import MARKER, make_client
from tests.safekeeping.helpers import PASSWORD, files_containing, files_under

UNUSUAL = [
    pytest.param('it\'s "quoted"', id="quotes"),
    pytest.param("back\\slash\\\\'", id="backslashes"),
    pytest.param("🔐 clé 秘密 🙂‍↔️", id="emoji"),
    pytest.param("x" * 150 + "é🙂" * 25, id="200-chars"),
    pytest.param("'; DROP TABLE clients; --", id="sql"),
    pytest.param("  spaces around  ", id="spaces"),
    pytest.param(
        "x'2DD29CA851E7B56E4697B0E1F08507293D761A05CE4D1B628663F411A8086D99'",
        id="raw-key-lookalike",
    ),
]


def digest(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


@pytest.mark.parametrize("password", UNUSUAL)
def test_unusual_passwords_open_and_only_they_do(tmp_path: Path, password: str) -> None:
    path = tmp_path / "practice.db"
    db = open_database(path, password)
    made = make_client(db)
    db.close()
    assert path.read_bytes()[:16] != SQLITE_HEADER
    db = open_database(path, password)
    with db.transaction() as s:
        assert s.get(Client, made.client_id) is not None
    db.close()
    before = digest(path)
    with pytest.raises(
        WrongPasswordError, match="Wrong password: the database does not open with it"
    ):
        open_database(path, password + "x")
    with pytest.raises(WrongPasswordError):
        open_database(path, password[:-1] or "y")
    assert digest(path) == before


def test_wrong_password_leaves_file_untouched(enc_path: Path) -> None:
    open_database(enc_path, PASSWORD).close()
    before = sorted((p.name, digest(p)) for p in enc_path.parent.iterdir())
    for wrong in ["", "correct horse", PASSWORD.upper(), PASSWORD + " "]:
        with pytest.raises(WrongPasswordError):
            open_database(enc_path, wrong)
    with pytest.raises(DatabaseRefusedError, match="needs its password"):
        open_database(enc_path)
    after = sorted((p.name, digest(p)) for p in enc_path.parent.iterdir())
    assert after == before


def test_plain_database_refuses_a_password(tmp_path: Path) -> None:
    path = tmp_path / "plain.db"
    open_database(path).close()
    with pytest.raises(DatabaseRefusedError, match="not encrypted"):
        open_database(path, "secret-password")


def test_no_plaintext_in_any_file_the_app_wrote(enc_path: Path) -> None:
    db = open_database(enc_path, PASSWORD)
    made = make_client(db)
    drafts.save_draft(db, f"note:session:{made.session_id}", f"still typing {MARKER}")
    with db.transaction() as s:
        s.execute(select(Client).where(Client.first_name.like(f"%{MARKER}%"))).all()
    # While open: the database, its WAL and shared memory.
    assert files_containing(enc_path.parent, MARKER) == []
    backup = backup_database(db)
    set_up_recovery(enc_path, PASSWORD)
    backup_database(db)
    db.close()
    names = {p.name for p in files_under(enc_path.parent)}
    assert "practice.db" in names and backup.exists()
    assert files_containing(enc_path.parent, MARKER) == []
    assert files_containing(enc_path.parent, "Ana" + MARKER) == []


def test_files_are_owner_only(enc_path: Path) -> None:
    db = open_database(enc_path, PASSWORD)
    make_client(db)
    backup = backup_database(db)
    for path in [enc_path, Path(f"{enc_path}-wal"), Path(f"{enc_path}-shm"), backup]:
        assert stat.S_IMODE(path.stat().st_mode) == 0o600, path
    assert stat.S_IMODE(backup.parent.stat().st_mode) == 0o700
    db.close()


def test_new_default_folder_is_owner_only(tmp_path: Path) -> None:
    path = tmp_path / "fresh" / "deeper" / "practice.db"
    open_database(path, PASSWORD, make_parents=True).close()
    assert stat.S_IMODE(path.parent.stat().st_mode) == 0o700
    assert stat.S_IMODE(path.stat().st_mode) == 0o600


@pytest.mark.parametrize("new", ["🙂 new 'pass' \\ word", "y" * 200])
def test_change_password_rekeys(enc_path: Path, new: str) -> None:
    db = open_database(enc_path, PASSWORD)
    made = make_client(db)
    change_password(db, PASSWORD, new, new)
    with db.transaction() as s:  # the same Database object keeps working
        assert s.get(Client, made.client_id) is not None
    db.close()
    with pytest.raises(WrongPasswordError):
        open_database(enc_path, PASSWORD)
    reopened = open_database(enc_path, new)
    with reopened.transaction() as s:
        assert s.execute(text("SELECT count(*) FROM clients")).scalar() == 1
    reopened.close()


def test_change_password_checks_current_and_new(enc_db: object) -> None:
    from practice.db import Database

    assert isinstance(enc_db, Database)
    with pytest.raises(ValidationError) as err:
        change_password(enc_db, "not it", "a-good-new-password")
    assert err.value.field == "current_password"
    with pytest.raises(ValidationError) as err:
        change_password(enc_db, PASSWORD, "short")
    assert err.value.field == "new_password"
    with pytest.raises(ValidationError) as err:
        change_password(enc_db, PASSWORD, "a-good-new-password", "a-good-new-passwort")
    assert err.value.field == "repeat_password"
    assert enc_db.password == PASSWORD


def test_validate_new_password_rules() -> None:
    assert validate_new_password("🙂" * 8) == "🙂" * 8
    for bad in ["", "       ", "        ", "abc", "nul\x00character", "z" * 1025]:
        with pytest.raises(ValidationError):
            validate_new_password(bad)


def test_recovery_key_recovers_and_survives_a_password_change(enc_path: Path) -> None:
    db = open_database(enc_path, PASSWORD)
    key = set_up_recovery(enc_path, PASSWORD)
    assert has_recovery(enc_path)
    assert len(key.split("-")) == 6
    assert recover_password(enc_path, key) == PASSWORD
    assert recover_password(enc_path, key.lower().replace("-", " ")) == PASSWORD
    with pytest.raises(WrongPasswordError):
        recover_password(enc_path, key[:-1] + ("A" if key[-1] != "A" else "B"))
    change_password(db, PASSWORD, "the new one 🙂")
    assert recover_password(enc_path, key) == "the new one 🙂"
    recovery_text = (enc_path.parent / "practice.db.recovery").read_bytes()
    assert b"the new one" not in recovery_text and PASSWORD.encode() not in recovery_text
    assert stat.S_IMODE((enc_path.parent / "practice.db.recovery").stat().st_mode) == 0o600
    db.close()


def test_encrypt_a_plain_database(tmp_path: Path) -> None:
    path = tmp_path / "sample.db"
    db = open_database(path)
    made = make_client(db)
    db.close()
    assert MARKER.encode() in path.read_bytes()
    encrypt_plain_database(path, "now-it-is-secret")
    assert MARKER.encode() not in path.read_bytes()
    db = open_database(path, "now-it-is-secret")
    with db.transaction() as s:
        assert s.get(Client, made.client_id) is not None
    db.close()
    # nothing left from the encrypting; beside it only the record of its check
    assert sorted(p.name for p in tmp_path.iterdir()) == ["sample.db", "sample.db.checked"]


def test_files_open_with_sqlcipher_and_the_password_alone(tmp_path: Path, real_kdf: None) -> None:
    """The key is derived exactly as SQLCipher 4 does: any SQLCipher tool given just the
    password opens the database and its backups (nothing depends on this app)."""
    import sqlcipher3

    path = tmp_path / "practice.db"
    db = open_database(path, "🙂 it's a \\ password")
    make_client(db)
    backup = backup_database(db)
    db.close()
    for file in (path, backup):
        conn = sqlcipher3.connect(str(file))
        conn.execute("PRAGMA key = '🙂 it''s a \\ password'")
        assert conn.execute("SELECT first_name FROM clients").fetchone()[0] == f"Ana{MARKER}"
        conn.close()


def test_a_wrong_password_and_a_damaged_file_are_told_apart(tmp_path: Path) -> None:
    path = tmp_path / "practice.db"
    db = open_database(path, PASSWORD)
    from practice.services.clients import create_client

    for n in range(40):
        create_client(db, first_name=f"Client {n}", notes="x" * 2000)
    with db.reading() as s:
        s.execute(text("PRAGMA wal_checkpoint(TRUNCATE)"))
    db.close()
    # A wrong password: page 1 does not check out with its key.
    with pytest.raises(WrongPasswordError, match="Wrong password"):
        open_database(path, PASSWORD + "!")
    # The right password, a page further in damaged: said to be damaged, not "wrong".
    data = bytearray(path.read_bytes())
    assert len(data) > 3 * 4096
    data[2 * 4096 + 100 : 2 * 4096 + 140] = b"\0" * 40
    path.write_bytes(bytes(data))
    with pytest.raises(DatabaseRefusedError, match="damaged") as refused:
        open_database(path, PASSWORD)
    assert not isinstance(refused.value, WrongPasswordError)
    assert "Wrong password" not in str(refused.value)


def test_an_encrypted_practice_keeps_more_decrypted_pages(tmp_path: Path) -> None:
    """Every page read from an encrypted file is decrypted and checked again: its
    connections keep 16 MiB of pages, a plain file's SQLite's own 2 MiB."""
    from practice.db.connect import ENCRYPTED_CACHE_KIB

    encrypted = open_database(tmp_path / "practice.db", PASSWORD)
    plain = open_database(tmp_path / "plain.db")
    try:
        with encrypted.reading() as s:
            assert s.execute(text("PRAGMA cache_size")).scalar() == -ENCRYPTED_CACHE_KIB
        with plain.reading() as s:
            assert s.execute(text("PRAGMA cache_size")).scalar() == -2000
    finally:
        encrypted.close()
        plain.close()
