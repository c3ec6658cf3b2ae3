"""Something to do once the app has drawn its first window, whichever it is."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QCoreApplication, QEvent, QObject, QTimer

#: Set on the application by :func:`exit_at_first_paint`: start nothing more.
LEAVING = "practice_leaving"


class OnFirstPaint(QObject):
    """Calls ``then`` once, just after the first widget of the app is drawn (the password
    box of an encrypted practice, or the main window); at once with ``now``."""

    def __init__(
        self, app: QCoreApplication, then: Callable[[], object], *, now: bool = False
    ) -> None:
        super().__init__(app)
        self._app = app
        self._then: Callable[[], object] | None = then
        self._now = now
        app.installEventFilter(self)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 (Qt's name)
        if event.type() == QEvent.Type.Paint and self._then is not None:
            then, self._then = self._then, None
            self._app.removeEventFilter(self)
            if self._now:
                then()
            else:
                QTimer.singleShot(0, then)  # once this paint is done
        return False


def exit_at_first_paint(app: QCoreApplication) -> None:
    """Leave every event loop (a dialog's too) as soon as the first window is drawn, before
    anything waiting for that paint starts (for timing start-up: benchmarks/floors.py)."""

    def leave() -> None:
        app.setProperty(LEAVING, True)
        app.exit(0)

    OnFirstPaint(app, leave, now=True)
