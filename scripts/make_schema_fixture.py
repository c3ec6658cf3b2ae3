"""Save a small sample practice at the current schema as a migration-test fixture.

Run once for every schema that ships in a release (and list it in
tests/migrations/test_migrations.py RELEASED_SCHEMAS):

    .venv/bin/python scripts/make_schema_fixture.py

It writes ``tests/fixtures/schemas/<revision>.db``; ``tests/migrations`` then proves
that every later version opens it, upgrades it and keeps every row.
"""

from __future__ import annotations

import sqlite3
import sys
import tempfile
from pathlib import Path

from practice.cli.main import main as cli
from practice.db import migrate

FIXTURES = Path(__file__).resolve().parent.parent / "tests" / "fixtures" / "schemas"


def make() -> Path:
    target = FIXTURES / f"{migrate.head_revision()}.db"
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "fixture.db"
        args = ["--database", str(path), "demo", "--clients", "8", "--years", "1"]
        code = cli([*args, "--seed", "11", "--today", "2026-11-21", "--quiet"])
        if code != 0:
            raise SystemExit(code)
        conn = sqlite3.connect(path)
        conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
        conn.execute("PRAGMA journal_mode = DELETE")
        conn.execute("VACUUM")
        conn.close()
        FIXTURES.mkdir(parents=True, exist_ok=True)
        target.write_bytes(path.read_bytes())
    return target


if __name__ == "__main__":
    print(make(), file=sys.stderr)
