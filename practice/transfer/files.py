"""How exports reach the disk: under a temporary name, renamed into place when complete.

The file is created readable by its owner only (it holds client details), written,
flushed to disk and only then given its real name, so a crash or a full disk never
leaves half a file under the name asked for. An existing file is only replaced when the
caller says so (the app's save dialog has asked); otherwise it is refused untouched.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import BinaryIO

from practice.errors import ValidationError
from practice.outputs import write_output


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
    return write_output(path, write, replace=replace)


def write_private_bytes(path: Path, data: bytes, *, replace: bool = False) -> Path:
    def write(handle: BinaryIO) -> None:
        handle.write(data)

    return write_private(path, write, replace=replace)
