"""The floor for opening an encrypted practice: SQLCipher 4's key derivation from the
password and the file's salt, and its schema read (page 1, its HMAC verified) — what
any opening must do; with ``--every-page``, also ``PRAGMA quick_check`` and
``cipher_integrity_check`` over every page, as an opening that checks the file must.
Prints the milliseconds.

    python benchmarks/unlock_floor.py DATABASE PASSWORD_FILE [--every-page]

Nothing of the app is imported.
"""

from __future__ import annotations

import hashlib
import sys
import time
from pathlib import Path

import sqlcipher3


def main() -> int:
    database, password_file = Path(sys.argv[1]), Path(sys.argv[2])
    password = password_file.read_text(encoding="utf-8").rstrip("\n")
    started = time.perf_counter()
    with database.open("rb") as handle:
        salt = handle.read(16)
    key = hashlib.pbkdf2_hmac("sha512", password.encode("utf-8"), salt, 256_000, 32)
    conn = sqlcipher3.connect(str(database))
    conn.execute(f"PRAGMA key = \"x'{key.hex()}{salt.hex()}'\"")
    conn.execute("PRAGMA cipher_compatibility = 4")
    conn.execute("SELECT count(*) FROM sqlite_master").fetchone()
    if "--every-page" in sys.argv[3:]:
        result = conn.execute("PRAGMA quick_check").fetchall()
        cipher = conn.execute("PRAGMA cipher_integrity_check").fetchall()
        if result != [("ok",)] or cipher:
            print(f"not ok: {result[:3]} {cipher[:3]}", file=sys.stderr)
            return 1
    conn.close()
    elapsed = time.perf_counter() - started
    print(f"{elapsed * 1000:.1f}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
