"""Reviewing action items by keyboard: the review table is one tab stop; ↑↓ choose the
item and a letter sets how it went, then the next item is chosen."""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject, Qt
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import QTableView

from practice.models import ActionStatus
from ui.models.sessions import ActionReviewModel

#: The letter for each review, as the hint under the table says.
REVIEW_KEYS: dict[Qt.Key, ActionStatus] = {
    Qt.Key.Key_D: ActionStatus.DONE,
    Qt.Key.Key_P: ActionStatus.PARTLY,
    Qt.Key.Key_N: ActionStatus.DROPPED,
    Qt.Key.Key_O: ActionStatus.OPEN,
}
REVIEW_HINT = "Keys: ↑↓ choose an item; D done, P partly, N not done, O still open."


class ReviewKeys(QObject):
    """Watches ``view`` for the review letters and sets the current item's review."""

    def __init__(self, view: QTableView, model: ActionReviewModel) -> None:
        super().__init__(view)
        self.view = view
        self.model = model
        view.installEventFilter(self)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if (
            watched is self.view
            and event.type() == QEvent.Type.KeyPress
            and isinstance(event, QKeyEvent)
            and not event.modifiers()
            & (Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.AltModifier)
        ):
            status = REVIEW_KEYS.get(Qt.Key(event.key()))
            if status is not None and self.model.rowCount() > 0:
                row = max(self.view.currentIndex().row(), 0)
                self.model.set_status(row, status)
                following = min(row + 1, self.model.rowCount() - 1)
                self.view.setCurrentIndex(self.model.index(following, 0))
                return True
        return super().eventFilter(watched, event)
