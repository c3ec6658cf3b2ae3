"""``practice check``: a full, read-only health check of a database or a backup."""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from practice.db import migrate
from practice.db.connect import raw_connect
from practice.db.inspect import inspect_existing
from practice.errors import DatabaseRefusedError


@dataclass
class CheckReport:
    path: Path
    encrypted: bool
    revision: str | None = None
    problems: list[str] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)
    row_counts: dict[str, int] = field(default_factory=dict)

    @property
    def ok(self) -> bool:
        return not self.problems


def check_database(path: Path, password: str | None) -> CheckReport:
    """Integrity, encryption and link checks; never writes to the file."""
    report = CheckReport(path=path, encrypted=password is not None)
    if not path.is_file():
        report.problems.append(f"There is no database file at {path}.")
        return report
    try:
        report.revision = inspect_existing(path, password)
    except DatabaseRefusedError as exc:
        report.problems.append(str(exc))
        return report
    conn = raw_connect(path, password, read_only=True)
    try:
        integrity = [str(r[0]) for r in conn.execute("PRAGMA integrity_check").fetchall()]
        if integrity != ["ok"]:
            report.problems.extend(f"Integrity: {line}" for line in integrity[:20])
        if password is not None:
            cipher = conn.execute("PRAGMA cipher_integrity_check").fetchall()
            report.problems.extend(f"Encryption: {r[0]}" for r in cipher[:20])
        broken = conn.execute("PRAGMA foreign_key_check").fetchall()
        report.problems.extend(
            f"Broken link: row {r[1]} of {r[0]} points to a missing {r[2]} row" for r in broken[:20]
        )
        if report.revision != migrate.head_revision():
            report.notes.append(
                "The database is from an older version; the app will update it when opened."
            )
        tables = conn.execute(
            "SELECT name FROM sqlite_master WHERE type='table' AND name NOT LIKE 'sqlite_%' "
            "ORDER BY name"
        ).fetchall()
        for (name,) in tables:
            quoted = '"' + str(name).replace('"', '""') + '"'
            report.row_counts[str(name)] = int(
                conn.execute(f"SELECT count(*) FROM {quoted}").fetchone()[0]
            )
    finally:
        conn.close()
    return report
