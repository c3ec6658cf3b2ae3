"""What every tab of the client page has: the context and the client it shows."""

from __future__ import annotations

from datetime import date

from PySide6.QtWidgets import QVBoxLayout, QWidget

from practice.services.profile import get_profile
from practice.timeutil import today
from ui.context import AppContext


class ClientTab(QWidget):
    """A tab: ``show_client(client_id)`` loads it; ``title`` is the tab's label."""

    title = ""

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.client_id: int | None = None
        self.loc = "en_GB"
        self.layout_ = QVBoxLayout(self)
        self.layout_.setContentsMargins(16, 14, 16, 14)
        self.layout_.setSpacing(10)

    def show_client(self, client_id: int) -> None:
        self.client_id = client_id
        self.loc = get_profile(self.ctx.db).locale
        self.load(client_id)

    def load(self, client_id: int) -> None:
        raise NotImplementedError

    @staticmethod
    def today() -> date:
        return today()
