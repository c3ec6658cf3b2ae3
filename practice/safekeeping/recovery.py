"""The recovery key: a printed key that recovers a forgotten password.

A forgotten password cannot be recovered by anyone: the database is encrypted with it.
So at first run the practitioner may save (and print) a random recovery key. The file
``<database>.recovery`` beside the database then holds two sealed boxes:

* the password, sealed with a key derived (scrypt) from the recovery key, and
* that derived key, sealed with a key derived from the password,

so a password change can reseal the new password without asking for the recovery key.
Neither box can be opened without the recovery key or the password; the file holds no
client data. Sealing is a SHA-256 keystream with an HMAC-SHA256 tag (standard library
only); each box has its own random salt and nonce.
"""

from __future__ import annotations

import base64
import hashlib
import hmac
import json
import os
import secrets
import unicodedata
from pathlib import Path

from practice.db.files import create_private_file, restrict_to_owner
from practice.errors import WrongPasswordError
from practice.safekeeping.backup import recovery_file_of

_ALPHABET = "ABCDEFGHJKLMNPQRSTUVWXYZ23456789"  # no 0/O or 1/I
_GROUPS, _GROUP = 6, 5
_SCRYPT = {"n": 2**14, "r": 8, "p": 1}


def generate_recovery_key() -> str:
    """A key to print: six groups of five letters and digits (about 150 bits)."""
    chars = "".join(secrets.choice(_ALPHABET) for _ in range(_GROUPS * _GROUP))
    return "-".join(chars[i : i + _GROUP] for i in range(0, len(chars), _GROUP))


def normalise_key(key: str) -> str:
    return "".join(ch for ch in key.upper() if ch.isalnum())


def _derive(secret: str, salt: bytes) -> bytes:
    data = unicodedata.normalize("NFC", secret).encode("utf-8")
    return hashlib.scrypt(data, salt=salt, dklen=32, maxmem=64 * 1024 * 1024, **_SCRYPT)


def _stream(key: bytes, nonce: bytes, length: int) -> bytes:
    out = bytearray()
    counter = 0
    while len(out) < length:
        out += hashlib.sha256(key + nonce + counter.to_bytes(8, "big")).digest()
        counter += 1
    return bytes(out[:length])


def _seal(key: bytes, plain: bytes) -> dict[str, str]:
    nonce = os.urandom(16)
    cipher = bytes(a ^ b for a, b in zip(plain, _stream(key, nonce, len(plain)), strict=True))
    tag = hmac.new(key, b"tag" + nonce + cipher, hashlib.sha256).digest()
    return {"nonce": _b64(nonce), "data": _b64(cipher), "tag": _b64(tag)}


def _open(key: bytes, box: dict[str, str]) -> bytes | None:
    nonce, cipher, tag = _unb64(box["nonce"]), _unb64(box["data"]), _unb64(box["tag"])
    expected = hmac.new(key, b"tag" + nonce + cipher, hashlib.sha256).digest()
    if not hmac.compare_digest(expected, tag):
        return None
    return bytes(a ^ b for a, b in zip(cipher, _stream(key, nonce, len(cipher)), strict=True))


def _b64(data: bytes) -> str:
    return base64.b64encode(data).decode("ascii")


def _unb64(text: str) -> bytes:
    return base64.b64decode(text.encode("ascii"))


def _write(path: Path, recovery_wrap: bytes, recovery_salt: bytes, password: str) -> None:
    pw_salt = os.urandom(16)
    document = {
        "format": "practice-manager/recovery",
        "version": 1,
        "kdf": {"name": "scrypt", **_SCRYPT},
        "recovery_salt": _b64(recovery_salt),
        "password_salt": _b64(pw_salt),
        # the password, sealed with the key derived from the recovery key
        "password_box": _seal(recovery_wrap, password.encode("utf-8")),
        # the recovery-derived key, sealed with a key derived from the password
        "wrap_box": _seal(_derive(password, pw_salt), recovery_wrap),
    }
    partial = path.with_name(path.name + ".partial")
    partial.unlink(missing_ok=True)
    create_private_file(partial)
    partial.write_text(json.dumps(document, indent=1), encoding="utf-8")
    os.replace(partial, path)
    restrict_to_owner(path)


def _load(path: Path) -> dict[str, object]:
    try:
        data: dict[str, object] = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, ValueError):
        raise WrongPasswordError("The recovery file beside the database cannot be read.") from None
    return data


def set_up_recovery(db_path: Path, password: str) -> str:
    """Make a new recovery key for the database's password; return it (to show and print)."""
    key = generate_recovery_key()
    salt = os.urandom(16)
    wrap = _derive(normalise_key(key), salt)
    _write(recovery_file_of(db_path), wrap, salt, password)
    return key


def has_recovery(db_path: Path) -> bool:
    return recovery_file_of(db_path).is_file()


def recover_password(db_path: Path, recovery_key: str) -> str:
    """The password the recovery key unlocks (then the practitioner sets a new one)."""
    path = recovery_file_of(db_path)
    if not path.is_file():
        raise WrongPasswordError("This database has no recovery key.")
    data = _load(path)
    salt = _unb64(str(data["recovery_salt"]))
    wrap = _derive(normalise_key(recovery_key), salt)
    box = data["password_box"]
    assert isinstance(box, dict)
    plain = _open(wrap, box)
    if plain is None:
        raise WrongPasswordError("That recovery key does not belong to this database.")
    return plain.decode("utf-8")


def reseal_for_new_password(
    db_path: Path, old_password: str, new_password: str, target: Path | None = None
) -> bool:
    """After a password change, keep the same recovery key working; False if there is none.

    The resealed file is written to ``target`` (default: over the current one)."""
    path = recovery_file_of(db_path)
    if not path.is_file():
        return False
    data = _load(path)
    wrap_box = data["wrap_box"]
    assert isinstance(wrap_box, dict)
    wrap = _open(_derive(old_password, _unb64(str(data["password_salt"]))), wrap_box)
    if wrap is None:  # made for another password: it could only mislead now
        path.unlink()
        return False
    _write(target or path, wrap, _unb64(str(data["recovery_salt"])), new_password)
    return True
