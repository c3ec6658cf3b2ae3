"""Comparing release numbers (the app's own version is :mod:`practice._version`)."""

from __future__ import annotations

import re


def version_key(version: str) -> tuple[int, ...] | None:
    """``"1.2.3"`` → ``(1, 2, 3)`` for comparing releases; None if it is not one."""
    match = re.fullmatch(r"(\d+)\.(\d+)(?:\.(\d+))?", version.strip())
    if match is None:
        return None
    return tuple(int(part or 0) for part in match.groups())
