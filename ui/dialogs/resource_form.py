"""Add or edit a resource in the library: a recording, video, worksheet, course, link or
book, and where it lives."""

from __future__ import annotations

from PySide6.QtWidgets import QLineEdit, QWidget

from practice.models import Resource, ResourceKind
from practice.services.resources import add_resource, update_resource
from ui.context import AppContext
from ui.dialogs.enquiry_form import FormDialog, text_box
from ui.widgets.choices import choice_combo


class ResourceFormDialog(FormDialog):
    """``ResourceFormDialog(ctx, resource=None)`` (the resource as listed, to edit it);
    after ``exec()``, ``saved`` is the resource as stored."""

    def __init__(
        self, ctx: AppContext, resource: Resource | None = None, parent: QWidget | None = None
    ) -> None:
        super().__init__(ctx, "New resource" if resource is None else "Edit resource", parent)
        self.resource_id = resource.id if resource is not None else None
        #: The version shown (as listed): a save over someone else's since is refused.
        self.shown_version = resource.version if resource is not None else None
        self.saved: Resource | None = None
        self.title_edit = QLineEdit()
        self.title_edit.setPlaceholderText("Required")
        self.kind = choice_combo(ResourceKind)
        self.location = QLineEdit()
        self.location.setPlaceholderText("A link, a file on this computer, a shelf…")
        self.description = text_box("What it is and who it helps (optional)")
        self.add_row("&Title", "title", self.title_edit)
        self.add_row("&Kind", "kind", self.kind)
        self.add_row("&Where", "location", self.location)
        self.add_row("&Description", "description", self.description)
        self.finish()
        if resource is not None:
            self.title_edit.setText(resource.title)
            self.kind.setCurrentIndex(self.kind.findData(resource.kind.value))
            self.location.setText(resource.location)
            self.description.setPlainText(resource.description)
        self.title_edit.setFocus()

    def commit(self) -> None:
        values = {
            "title": self.title_edit.text(),
            "kind": ResourceKind(self.kind.currentData()),
            "location": self.location.text(),
            "description": self.description.toPlainText(),
        }
        if self.resource_id is None:
            self.saved = add_resource(self.ctx.db, **values)
        else:
            self.saved = update_resource(
                self.ctx.db, self.resource_id, expected_version=self.shown_version, **values
            )
