"""The app's version, kept in one place: ``version`` in pyproject.toml.

Installed (``pip install``, ``pipx install``), it is read from the package metadata.
The PyInstaller bundle carries that metadata too, and ``practice/VERSION`` written by
build.spec as a fallback; a source checkout that was never installed reads
pyproject.toml itself.
"""

from __future__ import annotations

import re
import tomllib
from importlib import metadata
from importlib.resources import files
from pathlib import Path

DISTRIBUTION = "practice-manager"
UNKNOWN = "0+unknown"


def app_version() -> str:
    try:
        return metadata.version(DISTRIBUTION)
    except metadata.PackageNotFoundError:
        pass
    bundled = files("practice") / "VERSION"
    if bundled.is_file():
        return bundled.read_text(encoding="utf-8").strip()
    pyproject = Path(__file__).resolve().parent.parent / "pyproject.toml"
    try:
        with pyproject.open("rb") as handle:
            return str(tomllib.load(handle)["project"]["version"])
    except (OSError, KeyError, tomllib.TOMLDecodeError):
        return UNKNOWN


def version_key(version: str) -> tuple[int, ...] | None:
    """``"1.2.3"`` → ``(1, 2, 3)`` for comparing releases; None if it is not one."""
    match = re.fullmatch(r"(\d+)\.(\d+)(?:\.(\d+))?", version.strip())
    if match is None:
        return None
    return tuple(int(part or 0) for part in match.groups())
