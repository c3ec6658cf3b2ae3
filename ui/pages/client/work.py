"""Unseen work for this client: preparation, write-up, support between sessions…"""

from __future__ import annotations

from PySide6.QtWidgets import QWidget

from practice.services.worklog import list_work, total_work_minutes
from ui import format as fmt
from ui.context import AppContext
from ui.models.client_work import ClientWorkModel
from ui.pages.client.base import ClientTab
from ui.widgets.list_section import ListSection


class WorkTab(ClientTab):
    title = "Unseen work"

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(ctx, parent)
        self.model = ClientWorkModel(self)
        self.section = ListSection(
            "Unseen work, newest first",
            "No unseen work logged for this client yet. Prep and write-up time is offered "
            "after each session is logged.",
            self.model,
            max_rows=0,
            stretch_column=3,
        )
        self.layout_.addWidget(self.section, 1)

    def load(self, client_id: int) -> None:
        self.model.set_locale(self.loc)
        entries = list_work(self.ctx.db, client_id=client_id)
        entries.reverse()  # newest first
        self.model.set_rows(entries)
        total = total_work_minutes(self.ctx.db, client_id=client_id)
        self.section.set_summary(f"{fmt.duration(total)} in all" if entries else "")
