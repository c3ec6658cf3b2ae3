"""What a new password must be, and what the practitioner is told when choosing one.

Kept apart from :mod:`practice.safekeeping.password` (which re-encrypts the database) so
the password boxes shown at start-up load nothing heavy.
"""

from __future__ import annotations

from practice.errors import ValidationError

MIN_LENGTH = 8
MAX_LENGTH = 1024

FORGOTTEN_WARNING = (
    "Your password encrypts every client record. Nobody, including the makers of this "
    "app, can recover a forgotten password or the records it protects. Choose one you "
    "will remember, and save the recovery key somewhere safe (printed, in a drawer)."
)


def validate_new_password(password: str, repeat: str | None = None) -> str:
    if not isinstance(password, str):
        raise ValidationError("new_password", "must be text.")
    if "\x00" in password:
        raise ValidationError("new_password", "cannot contain a null character.")
    if len(password) < MIN_LENGTH:
        raise ValidationError("new_password", f"needs at least {MIN_LENGTH} characters.")
    if len(password) > MAX_LENGTH:
        raise ValidationError("new_password", f"can have at most {MAX_LENGTH} characters.")
    if not password.strip():
        raise ValidationError("new_password", "cannot be only spaces.")
    if repeat is not None and repeat != password:
        raise ValidationError("repeat_password", "does not match the new password.")
    return password
