"""Calm handling of errors in the app: never a traceback in front of the practitioner.

``guarded`` wraps a slot: a :class:`PracticeError` (a refusal the service explains in
one plain sentence) is shown as that sentence; anything else is written to the log file
and shown as a calm apology. ``install_excepthook`` does the same for anything that
escapes elsewhere.
"""

from __future__ import annotations

import functools
import inspect
import logging
import sys
from collections.abc import Callable
from types import TracebackType
from typing import Any, TypeVar, cast

from PySide6.QtWidgets import QApplication, QMessageBox, QWidget

from practice.errors import PracticeError

log = logging.getLogger("ui")

F = TypeVar("F", bound=Callable[..., Any])

UNEXPECTED = (
    "Something unexpected went wrong, and what you were doing may not have been saved. "
    "Nothing else was changed. The details were written to the log file; "
    "if it happens again, please send that file to whoever supports you."
)


def _parent() -> QWidget | None:
    app = QApplication.instance()
    if not isinstance(app, QApplication):
        return None
    return app.activeWindow()


def show_refusal(parent: QWidget | None, error: PracticeError, title: str = "Not saved") -> None:
    """A refusal explained by the domain, in its own plain words."""
    QMessageBox.warning(parent, title, str(error))


def show_unexpected(parent: QWidget | None = None) -> None:
    box = QMessageBox(parent if parent is not None else _parent())
    box.setIcon(QMessageBox.Icon.Warning)
    box.setWindowTitle("Something went wrong")
    box.setText(UNEXPECTED)
    box.exec()


def report_exception(exc: BaseException, parent: QWidget | None = None) -> None:
    """Log an exception and tell the practitioner calmly."""
    if isinstance(exc, PracticeError):
        # The message may quote what was typed (client text): log only what kind of refusal.
        log.info("refused: %s %s", type(exc).__name__, getattr(exc, "field", ""))
        show_refusal(parent if parent is not None else _parent(), exc, "That did not work")
        return
    log.error("unexpected error", exc_info=(type(exc), exc, exc.__traceback__))
    show_unexpected(parent)


def _positional_count(func: Callable[..., Any]) -> int | None:
    """How many positional arguments ``func`` takes (None for *args)."""
    params = inspect.signature(func).parameters.values()
    count = 0
    for p in params:
        if p.kind is inspect.Parameter.VAR_POSITIONAL:
            return None
        if p.kind in (inspect.Parameter.POSITIONAL_ONLY, inspect.Parameter.POSITIONAL_OR_KEYWORD):
            count += 1
    return count


def guarded(func: F) -> F:
    """Wrap a slot so no exception escapes it; extra signal arguments are dropped."""
    wanted = _positional_count(func)

    @functools.wraps(func)
    def wrapper(*args: Any) -> Any:
        if wanted is not None:
            args = args[:wanted]
        try:
            return func(*args)
        except Exception as exc:  # the point of the guard: nothing escapes a slot
            report_exception(exc)
            return None

    return cast(F, wrapper)


def install_excepthook() -> None:
    """Anything that escapes is logged and shown calmly instead of a traceback."""

    def hook(kind: type[BaseException], value: BaseException, tb: TracebackType | None) -> None:
        if issubclass(kind, KeyboardInterrupt):
            sys.__excepthook__(kind, value, tb)
            return
        log.error("uncaught error", exc_info=(kind, value, tb))
        if QApplication.instance() is not None:
            if isinstance(value, PracticeError):
                show_refusal(_parent(), value, "That did not work")
            else:
                show_unexpected()

    sys.excepthook = hook
