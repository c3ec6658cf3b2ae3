"""Where the app suggests saving exports, and asking for a file name."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QStandardPaths
from PySide6.QtWidgets import QFileDialog, QWidget


def documents_folder() -> Path:
    return Path(QStandardPaths.writableLocation(QStandardPaths.StandardLocation.DocumentsLocation))


def ask_save_path(parent: QWidget, title: str, name: str, kind: str, suffix: str) -> Path | None:
    """A file name from the save dialog (which asks before replacing a file), with
    ``suffix`` added when the person left it out; None if they cancelled."""
    chosen, _filter = QFileDialog.getSaveFileName(
        parent, title, str(documents_folder() / name), f"{kind} (*{suffix})"
    )
    if not chosen:
        return None
    path = Path(chosen)
    return path if path.suffix.lower() == suffix else path.with_name(path.name + suffix)
