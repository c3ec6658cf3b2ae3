"""The one helper that finds what ships but is not code (fonts, icons, default texts).

It reads through ``importlib.resources`` from the top-level ``resources`` package, so a
source checkout, an installed wheel and the PyInstaller bundle all behave alike.
"""

from __future__ import annotations

from contextlib import AbstractContextManager
from importlib.resources import as_file, files
from importlib.resources.abc import Traversable
from pathlib import Path


def resource(*parts: str) -> Traversable:
    node: Traversable = files("resources")
    for part in parts:
        node = node / part
    return node


def resource_text(*parts: str) -> str:
    return resource(*parts).read_text(encoding="utf-8")


def resource_bytes(*parts: str) -> bytes:
    return resource(*parts).read_bytes()


def resource_file(*parts: str) -> AbstractContextManager[Path]:
    """A real file path for APIs that need one (fonts); use as a context manager."""
    return as_file(resource(*parts))
