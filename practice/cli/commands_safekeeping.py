"""``practice backup | restore | check | record | change-password``: safekeeping.

``restore`` and ``check`` work on the file without opening it as the app does (no
migration, nothing written by ``check``); ``restore`` refuses while the app has the
database open. Passwords come from ``--password-file`` or the terminal, never from an
argument.
"""

from __future__ import annotations

import argparse
import getpass
import json
import sys
from pathlib import Path

from practice.cli.main import database_path, read_password
from practice.db import Database
from practice.errors import PracticeError, ValidationError
from practice.safekeeping.backup import backup_database
from practice.safekeeping.check import check_database
from practice.safekeeping.export import export_record
from practice.safekeeping.instance_lock import InstanceLock
from practice.safekeeping.names import Reason
from practice.safekeeping.password import change_password
from practice.safekeeping.password_rules import validate_new_password
from practice.safekeeping.restore import restore_backup
from practice.safekeeping.rotation import rotate


def register(sub: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    backup = sub.add_parser(
        "backup",
        help="back the database up (encrypted like the database)",
        description="Take a consistent backup now; older backups are rotated.",
    )
    backup.add_argument(
        "--to", type=Path, metavar="DIR", help="the folder to write it to (default: the chosen one)"
    )
    backup.set_defaults(handler=run_backup, creates_database=False)

    restore = sub.add_parser(
        "restore",
        help="put a backup in place of the database (the current one is backed up first)",
        description=(
            "Restore BACKUP over the database. The backup is checked first; the current "
            "database is backed up (or set aside if it cannot be read). The app must be closed."
        ),
    )
    restore.add_argument("backup", type=Path, metavar="BACKUP", help="the backup file")
    restore.add_argument(
        "--current-password-file",
        type=Path,
        metavar="FILE",
        help="the current database's password, when the backup was made under another one",
    )
    restore.add_argument(
        "--allow-unencrypted",
        action="store_true",
        help="restore an unencrypted backup over an encrypted practice (it stays unencrypted)",
    )
    restore.set_defaults(handler=run_restore, needs_database=False)

    check = sub.add_parser(
        "check",
        help="check the database (or a backup) for damage, read-only",
        description="Integrity, encryption and link checks; nothing is written.",
    )
    check.add_argument(
        "file", type=Path, nargs="?", metavar="FILE", help="a backup to check instead"
    )
    check.add_argument("--json", action="store_true", help="one JSON object on stdout")
    check.set_defaults(handler=run_check, needs_database=False)

    record = sub.add_parser(
        "record",
        help="export a client's whole record (subject access) as PDF or JSON",
        description="Everything the practice holds about one client, as PDF or JSON.",
    )
    record.add_argument("client_id", type=int, metavar="CLIENT_ID", help="the client's id")
    record.add_argument("--output", "-o", type=Path, required=True, metavar="FILE.pdf|FILE.json")
    record.add_argument(
        "--include-private-notes",
        action="store_true",
        help="include private process notes (left out unless asked for)",
    )
    record.set_defaults(handler=run_record, creates_database=False)

    change = sub.add_parser(
        "change-password",
        help="change the database password (re-encrypts it)",
        description=(
            "Re-encrypt the database with a new password, asked twice on the terminal or "
            "read from --new-password-file. A forgotten password cannot be recovered."
        ),
    )
    change.add_argument(
        "--new-password-file", type=Path, metavar="FILE", help="read the new password from FILE"
    )
    change.set_defaults(handler=run_change_password, creates_database=False)


def run_backup(args: argparse.Namespace, db: Database) -> int:
    path = backup_database(db, Reason.MANUAL, args.to.expanduser() if args.to else None)
    removed = rotate(path.parent, db.name)
    print(f"Backed up to {path}")
    if removed:
        print(f"Removed {len(removed)} older backup(s) by the rotation rules.")
    return 0


def run_restore(args: argparse.Namespace, _db: None) -> int:
    target = database_path(args)
    password = read_password(args)
    current = None
    if args.current_password_file is not None:
        current = read_password(
            argparse.Namespace(password_file=args.current_password_file, ask_password=False)
        )
    with InstanceLock(target):
        result = restore_backup(
            args.backup.expanduser(),
            target,
            password,
            current_password=current,
            allow_unencrypted=args.allow_unencrypted,
        )
    print(f"Restored {result.restored_from} to {target}")
    if result.safety_backup is not None:
        print(f"The database as it was is kept in {result.safety_backup}")
    if result.set_aside is not None:
        print(f"The unreadable database was moved aside to {result.set_aside}")
    return 0


def run_check(args: argparse.Namespace, _db: None) -> int:
    target = args.file.expanduser() if args.file else database_path(args)
    report = check_database(target, read_password(args))
    if args.json:
        print(
            json.dumps(
                {
                    "path": str(report.path),
                    "ok": report.ok,
                    "encrypted": report.encrypted,
                    "revision": report.revision,
                    "problems": report.problems,
                    "notes": report.notes,
                    "row_counts": report.row_counts,
                },
                ensure_ascii=False,
            )
        )
    else:
        if report.ok:
            rows = sum(report.row_counts.values())
            print(f"OK: {target} passed every check ({rows:,} rows).")
        for problem in report.problems:
            print(problem, file=sys.stderr)
        for note in report.notes:
            print(note)
    return 0 if report.ok else 1


def run_record(args: argparse.Namespace, db: Database) -> int:
    result = export_record(
        db, args.client_id, args.output, include_private=args.include_private_notes
    )
    private = "with" if args.include_private_notes else "without"
    print(
        f"Wrote the record of client {args.client_id} ({result.rows} rows, {private} private notes) to {result.path}"
    )
    return 0


def run_change_password(args: argparse.Namespace, db: Database) -> int:
    db.file("give a new password")  # a server practice's logins are the server's
    if not db.encrypted or db.password is None:
        raise PracticeError(
            "This database has no password; open it with --password-file or --ask-password."
        )
    if args.new_password_file is not None:
        try:
            lines = args.new_password_file.read_text(encoding="utf-8").splitlines()
        except OSError as exc:
            raise PracticeError(f"The new password file cannot be read: {exc.strerror}.") from None
        new = lines[0] if lines else ""
        repeat = new
    else:
        new = getpass.getpass("New password: ")
        repeat = getpass.getpass("New password again: ")
    try:
        validate_new_password(new, repeat)
    except ValidationError as exc:
        raise PracticeError(str(exc)) from None
    change_password(db, db.password, new, repeat)
    print("The password was changed. Backups made before keep the old password.")
    return 0
