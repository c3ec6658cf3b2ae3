"""The app's version, kept in one place: :mod:`practice._version` (pyproject.toml reads it
from there), and comparing release numbers."""

from __future__ import annotations

import re

from practice._version import __version__


def app_version() -> str:
    return __version__


def version_key(version: str) -> tuple[int, ...] | None:
    """``"1.2.3"`` → ``(1, 2, 3)`` for comparing releases; None if it is not one."""
    match = re.fullmatch(r"(\d+)\.(\d+)(?:\.(\d+))?", version.strip())
    if match is None:
        return None
    return tuple(int(part or 0) for part in match.groups())
