"""How exports reach the disk: under a temporary name, renamed into place when complete.

The file is created readable by its owner only (it holds client details), written,
flushed to disk and only then given its real name, so a crash or a full disk never
leaves half a file under the name asked for. An existing file is only replaced when the
caller says so (the app's save dialog has asked); otherwise it is refused untouched.
"""

from __future__ import annotations

import os
from collections.abc import Callable
from pathlib import Path
from typing import BinaryIO

from practice.db.files import fsync_dir
from practice.errors import PracticeError, ValidationError


def check_output(path: Path, *, replace: bool, field: str = "output") -> Path:
    """``path`` made absolute, or a refusal naming what is wrong with it."""
    path = Path(path).expanduser()
    if path.is_dir():
        raise ValidationError(field, f"{path} is a folder; give a file name.")
    if not path.parent.is_dir():
        raise ValidationError(field, f"the folder {path.parent} does not exist.")
    if path.exists() and not replace:
        raise ValidationError(
            field, f"{path} already exists; choose another name (nothing was written)."
        )
    return path


def write_private(path: Path, write: Callable[[BinaryIO], None], *, replace: bool = False) -> Path:
    """Call ``write(handle)`` on a new owner-only file, then rename it to ``path``."""
    path = check_output(path, replace=replace)
    partial = path.with_name(f".{path.name}.{os.getpid()}.partial")
    try:
        descriptor = os.open(partial, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
    except OSError as exc:
        raise PracticeError(f"{path} cannot be written: {exc.strerror or exc}.") from None
    try:
        with os.fdopen(descriptor, "wb") as handle:
            write(handle)
            handle.flush()
            os.fsync(handle.fileno())
        os.replace(partial, path)
        fsync_dir(path.parent)
    except OSError as exc:
        partial.unlink(missing_ok=True)
        raise PracticeError(f"{path} cannot be written: {exc.strerror or exc}.") from None
    except BaseException:
        partial.unlink(missing_ok=True)
        raise
    return path


def write_private_bytes(path: Path, data: bytes, *, replace: bool = False) -> Path:
    def write(handle: BinaryIO) -> None:
        handle.write(data)

    return write_private(path, write, replace=replace)
