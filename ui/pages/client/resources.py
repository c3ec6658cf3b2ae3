"""Resources shared: recordings, worksheets, courses and books this client was given."""

from __future__ import annotations

from PySide6.QtWidgets import QHBoxLayout, QPushButton, QWidget

from practice.services.resources import shares_for
from ui.context import AppContext
from ui.dialogs.share_resource import ShareResourceDialog
from ui.errors import guarded
from ui.models.client_resources import ClientResourcesModel
from ui.pages.client.base import ClientTab
from ui.widgets.list_section import ListSection


class ResourcesTab(ClientTab):
    title = "Resources shared"

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(ctx, parent)
        self.model = ClientResourcesModel(self)
        self.section = ListSection(
            "Resources given, newest first",
            "Nothing shared with this client yet.",
            self.model,
            max_rows=0,
            stretch_column=1,
        )
        self.share_button = QPushButton("&Share a resource…")
        self.share_button.clicked.connect(self.share)
        row = QHBoxLayout()
        row.addStretch(1)
        row.addWidget(self.share_button)
        self.layout_.addWidget(self.section, 1)
        self.layout_.addLayout(row)

    def load(self, client_id: int) -> None:
        self.model.set_locale(self.loc)
        self.model.set_rows(shares_for(self.ctx.db, client_id=client_id))

    @guarded
    def share(self) -> None:
        if self.client_id is not None:
            ShareResourceDialog(self.ctx, self.client_id, self).exec()
