"""The error types every layer shares.

Validation lives in the domain layer and raises :class:`ValidationError`, which names
the field and the problem in plain words; the UI shows it beside that field and the CLI
prints it as one sentence.
"""

from __future__ import annotations


class PracticeError(Exception):
    """Base of every error a user may be shown. Its ``str`` is one plain sentence."""


class ValidationError(PracticeError):
    """Input that cannot be saved. ``field`` names the form field; ``message`` says why."""

    def __init__(self, field: str, message: str) -> None:
        super().__init__(f"{field.replace('_', ' ').capitalize()}: {message}")
        self.field = field
        self.message = message


class NotFoundError(PracticeError):
    """A record the user asked for does not exist (any more)."""

    def __init__(self, what: str, ident: object) -> None:
        super().__init__(f"There is no {what} with id {ident}.")
        self.what = what
        self.ident = ident


class DatabaseRefusedError(PracticeError):
    """A file that cannot be opened as a practice database; it was left untouched."""


class EditConflictError(PracticeError):
    """Someone else saved the record after it was opened here; nothing was saved."""


class AccessRefusedError(PracticeError):
    """A practice server refused the login what its role may not read or change (its
    row-level security and grants); nothing was changed."""


class OnServerError(PracticeError):
    """An action on the practice's file (a backup, a new password) asked of a practice
    kept on a PostgreSQL server, which has no file here."""


class WrongPasswordError(DatabaseRefusedError):
    """The password does not open the database, or the file is damaged."""


class DiskFullError(PracticeError):
    """The disk (or the database's size limit) is full; the change was rolled back."""


class BusyError(PracticeError):
    """Another connection kept the database's write lock for longer than we wait."""


class LockedError(PracticeError):
    """The practice is locked: nothing can be read or written until it is unlocked."""
