"""The floor for opening an encrypted practice: SQLCipher 4's key derivation from the
password and the file's salt, then ``PRAGMA quick_check`` over every page — what any
opening that checks the file first must do. Prints the milliseconds.

    python benchmarks/unlock_floor.py DATABASE PASSWORD_FILE

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
    result = conn.execute("PRAGMA quick_check").fetchall()
    conn.close()
    elapsed = time.perf_counter() - started
    if result != [("ok",)]:
        print(f"not ok: {result[:3]}", file=sys.stderr)
        return 1
    print(f"{elapsed * 1000:.1f}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
