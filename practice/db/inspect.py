"""Read-only checks of a database file before anything is written to it.

A file that is not a practice database of ours (random bytes, a CSV, a truncated copy,
an empty file, a database made by a newer version, a wrong password) is refused with
one plain sentence and left byte-for-byte untouched.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from practice import __version__
from practice.db import checked, early_check, migrate
from practice.db.app_version import recorded_version
from practice.db.connect import SQLITE_HEADER, raw_connect
from practice.errors import DatabaseRefusedError, WrongPasswordError

#: The password does not open the file: its first page does not check out with the key
#: made from it (SQLCipher's HMAC), which is what a wrong password does.
WRONG_PASSWORD = (
    "Wrong password: the database does not open with it. If you are sure of the "
    "password, its first page is damaged: restore a backup."
)


def inspect_existing(path: Path, password: str | None, *, opening: bool = False) -> str:
    """Check, read-only, that ``path`` is a healthy database of ours; return its revision.

    ``opening``: the practice is being opened for use. An encrypted file exactly as it
    last passed is then not read page by page again, and one that passes is recorded as
    such (:mod:`practice.db.checked`). Every other caller (``practice check``, a backup
    about to be restored, a re-encrypted copy) reads every page and writes nothing."""
    if password == "":
        raise WrongPasswordError(WRONG_PASSWORD)
    size = path.stat().st_size
    if size == 0:
        raise DatabaseRefusedError(f"{path.name} is empty: it is not a practice database.")
    with path.open("rb") as handle:
        header = handle.read(len(SQLITE_HEADER))
    plain = header == SQLITE_HEADER
    if password is None and not plain:
        raise DatabaseRefusedError(
            f"{path.name} is not a practice database (or it is encrypted and needs its password)."
        )
    if password is not None and plain:
        raise DatabaseRefusedError(f"{path.name} is not encrypted; open it without a password.")
    if size < 512 or size % 512:
        raise DatabaseRefusedError(f"{path.name} is damaged or truncated: it cannot be opened.")
    if Path(f"{path}-wal").exists() and not _is_ours_as_found(path, password):
        # Reading a WAL database makes a -shm file beside it: a file that is not ours is
        # refused before that, from its main file alone, and left exactly as it was.
        raise DatabaseRefusedError(
            f"{path.name} is an SQLite database but not a practice database."
        )
    # an encrypted file exactly as it last passed needs no page-by-page check (see
    # practice.db.checked); its identity is taken before anything reads it
    as_found = early_check.identity(path) if opening and password is not None else None
    unchanged = as_found is not None and checked.recorded(path) == as_found
    try:
        conn = raw_connect(path, password, read_only=True)
    except Exception as exc:  # any driver error means we cannot read it
        raise DatabaseRefusedError(f"{path.name} cannot be opened: {exc}.") from None
    try:
        revision = _check_open(conn, path, password, every_page=not unchanged)
    finally:
        conn.close()
    if as_found is not None and not unchanged:
        checked.remember_checked(path, as_found)
    return revision


def _is_ours_as_found(path: Path, password: str | None) -> bool:
    """Whether the main file (read immutable: nothing made beside it) holds our schema
    bookkeeping. A database of ours whose WAL is not yet checkpointed has it already:
    the first migration is in the main file before any WAL can exist."""
    try:
        conn = raw_connect(path, password, read_only=True, immutable=True)
    except Exception:
        return True  # not decidable this way: the full check below decides
    try:
        found = conn.execute(
            "SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 'alembic_version'"
        ).fetchone()
        return found is not None
    except Exception:
        return True
    finally:
        conn.close()


def _check_open(conn: Any, path: Path, password: str | None, *, every_page: bool = True) -> str:
    if password is not None:
        # Reading the schema reads page 1 only: with the right key its HMAC checks out
        # whatever state the other pages are in, so a failure here is the password.
        try:
            conn.execute("SELECT count(*) FROM sqlite_master").fetchone()
        except Exception:
            raise WrongPasswordError(WRONG_PASSWORD) from None
    try:
        result = None  # unchanged since it passed (practice.db.checked): not read again
        if every_page:
            early = early_check.take(path) if password is None else None
            result = early if early is not None else conn.execute("PRAGMA quick_check").fetchall()
        revision = migrate.revision_of(conn)
    except Exception:
        if password is not None:
            raise DatabaseRefusedError(
                f"{path.name} is damaged: the password is right, but some of its pages "
                "cannot be read. Restore a backup."
            ) from None
        raise DatabaseRefusedError(
            f"{path.name} is damaged or is not a practice database."
        ) from None
    if result is not None and [tuple(r) for r in result] != [("ok",)]:
        raise DatabaseRefusedError(f"{path.name} is damaged: its integrity check failed.")
    if password is not None and every_page:
        try:
            cipher_problems = conn.execute("PRAGMA cipher_integrity_check").fetchall()
        except Exception:
            cipher_problems = ["unreadable"]
        if cipher_problems:
            raise DatabaseRefusedError(
                f"{path.name} is damaged: some of its encrypted pages do not check out."
            )
    if revision is None:
        raise DatabaseRefusedError(
            f"{path.name} is an SQLite database but not a practice database."
        )
    if revision not in migrate.known_revisions():
        raise DatabaseRefusedError(_newer_message(conn, path))
    return revision


def _newer_message(conn: Any, path: Path) -> str:
    """The refusal of a database whose schema a newer app changed, naming that app."""
    try:
        newer = recorded_version(conn)
    except Exception:
        newer = None
    if newer is None:
        return (
            f"{path.name} was made by a newer version of Practice Manager; "
            "please update the app to open it."
        )
    return (
        f"{path.name} was updated by a newer version of Practice Manager ({newer}); this "
        f"is version {__version__}. Please install Practice Manager {newer} or later to "
        "open it. The file was not changed."
    )
