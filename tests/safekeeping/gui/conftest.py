"""GUI tests of the safekeeping windows: marked ``gui``; message boxes are recorded."""

from __future__ import annotations

from typing import Any

import pytest
from PySide6.QtWidgets import QMessageBox


def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    for item in items:
        if "tests/safekeeping/gui/" in str(item.path).replace("\\", "/"):
            item.add_marker(pytest.mark.gui)


@pytest.fixture(autouse=True)
def shown(monkeypatch: pytest.MonkeyPatch) -> list[tuple[str, str]]:
    """(kind, text) of every message box; questions are answered Yes."""
    boxes: list[tuple[str, str]] = []

    def recorder(kind: str) -> Any:
        def show(_parent: object, _title: str, text: str, *args: object, **kw: object) -> Any:
            boxes.append((kind, text))
            if kind == "question":
                return QMessageBox.StandardButton.Yes
            return QMessageBox.StandardButton.Ok

        return show

    for kind in ("information", "warning", "critical", "question"):
        monkeypatch.setattr(QMessageBox, kind, staticmethod(recorder(kind)))
    return boxes
