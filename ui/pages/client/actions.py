"""Action items with follow-through: what the client agreed to do, and how it went."""

from __future__ import annotations

from collections import Counter

from PySide6.QtWidgets import QHBoxLayout, QLabel, QPushButton, QWidget

from practice.economics.counting import follow_through
from practice.errors import PracticeError
from practice.models import ActionItem, ActionStatus
from practice.services.action_items import list_action_items, review_action_item
from ui.context import AppContext
from ui.errors import guarded, show_refusal
from ui.models.client_actions import ClientActionsModel
from ui.pages.client.base import ClientTab
from ui.widgets.list_section import ListSection

REVIEWED = (ActionStatus.DONE, ActionStatus.PARTLY, ActionStatus.DROPPED)

REVIEW_BUTTONS = (
    (ActionStatus.DONE, "Mark &done"),
    (ActionStatus.PARTLY, "Mark &partly done"),
    (ActionStatus.DROPPED, "Mark &not done"),
)


class ActionsTab(ClientTab):
    title = "Action items"

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(ctx, parent)
        self.model = ClientActionsModel(self)
        self.section = ListSection(
            "Action items: open first, then the ones reviewed",
            "No action items yet. They are agreed when a session is logged.",
            self.model,
            max_rows=0,
        )
        self.follow = QLabel()
        self.follow.setObjectName("follow_through")
        self.buttons: dict[ActionStatus, QPushButton] = {}
        row = QHBoxLayout()
        row.addWidget(self.follow, 1)
        for status, text in REVIEW_BUTTONS:
            button = QPushButton(text)
            button.clicked.connect(lambda _c=False, st=status: self.review_selected(st))
            self.buttons[status] = button
            row.addWidget(button)
        self.section.table.selectionModel().selectionChanged.connect(
            lambda *_a: self._update_buttons()
        )
        self.layout_.addWidget(self.section, 1)
        self.layout_.addLayout(row)

    def load(self, client_id: int) -> None:
        self.model.set_locale(self.loc)
        db = self.ctx.db
        reviewed = list_action_items(db, client_id=client_id, statuses=REVIEWED)
        reviewed.reverse()  # most recently due first
        items = list_action_items(db, client_id=client_id, statuses=ActionStatus.OPEN) + reviewed
        self.model.set_rows(items)
        rate = follow_through(Counter(item.status for item in items).items())
        if rate is None:
            self.follow.setText("Follow-through: none reviewed yet")
        else:
            self.follow.setText(
                f"Follow-through: {rate.percent}% of {rate.whole} reviewed "
                "(done counts fully, partly done half)"
            )
        self._update_buttons()

    def selected(self) -> ActionItem | None:
        rows = self.section.table.selectionModel().selectedRows()
        return self.model.row_at(rows[0].row()) if rows else None

    def _update_buttons(self) -> None:
        item = self.selected()
        for button in self.buttons.values():
            button.setEnabled(item is not None and item.status is ActionStatus.OPEN)

    @guarded
    def review_selected(self, status: ActionStatus) -> None:
        item = self.selected()
        if item is None or self.client_id is None:
            return
        try:
            review_action_item(self.ctx.db, item.id, status=status, expected_version=item.version)
        except PracticeError as exc:
            show_refusal(self, exc)
            return
        self.ctx.changed("sessions")
