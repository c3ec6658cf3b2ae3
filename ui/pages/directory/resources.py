"""The Resources tab: the library of recordings, worksheets, courses, links and books,
filtered by kind, and who was given each."""

from __future__ import annotations

from PySide6.QtWidgets import QWidget

from practice.models import Resource, ResourceKind, label
from practice.services import resources
from ui.context import AppContext
from ui.dialogs.resource_form import ResourceFormDialog
from ui.models.resources import ResourceListModel, ResourceRecipientsModel
from ui.pages.directory.list_tab import DirectoryTab
from ui.widgets.choices import choice_combo


class ResourcesTab(DirectoryTab[Resource]):
    noun = "resource"
    about = (
        "Add the recordings, videos, worksheets, courses, links and books you give "
        "people, and where each one lives."
    )
    stretch_column = 2
    search_hint = "Search by title, description or where it lives"

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        self.kind_filter = choice_combo(ResourceKind, everything="All kinds")
        self.recipients_model = ResourceRecipientsModel()
        super().__init__(
            ctx,
            ResourceListModel(),
            "Given to",
            "Not given to anyone yet.",
            self.recipients_model,
            parent,
        )
        self.kind_filter.setAccessibleName("Kind")
        self.filters.addWidget(self.kind_filter)
        QWidget.setTabOrder(self.search, self.kind_filter)
        QWidget.setTabOrder(self.kind_filter, self.show_archived)
        self.kind_filter.currentIndexChanged.connect(lambda _i: self.refresh())

    def fetch(self) -> list[Resource]:
        kind = self.kind_filter.currentData()
        return resources.list_resources(
            self.ctx.db,
            search=self.search.text(),
            kinds=None if kind is None else ResourceKind(kind),
            include_archived=self.show_archived.isChecked(),
        )

    def show_row(self, row: Resource) -> None:
        self.name.setText(row.title)
        self.details.set_details(
            [("Kind", label(row.kind)), ("Where", row.location), ("About", row.description)]
        )
        self.recipients_model.set_locale(self.practice_locale)
        self.recipients_model.set_rows(resources.recipients_of(self.ctx.db, row.id))

    def open_form(self, row: Resource | None) -> Resource | None:
        dialog = ResourceFormDialog(self.ctx, row, self)
        return dialog.saved if dialog.exec() else None

    def archive(self, row: Resource) -> None:
        resources.archive_resource(self.ctx.db, row.id)

    def restore(self, row: Resource) -> None:
        resources.restore_resource(self.ctx.db, row.id)
