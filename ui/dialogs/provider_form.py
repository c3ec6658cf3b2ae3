"""Add or edit a provider in the referral directory: another practitioner or service."""

from __future__ import annotations

from PySide6.QtWidgets import QLineEdit, QWidget

from practice.models import Provider
from practice.services.referrals import add_provider, update_provider
from ui.context import AppContext
from ui.dialogs.enquiry_form import FormDialog, text_box

LINE_FIELDS = (
    ("name", "&Name", "Required: a person or a service"),
    ("speciality", "&Speciality", "What they help with, e.g. couples, eating disorders"),
    ("organisation", "&Organisation", ""),
    ("email", "&Email", ""),
    ("phone", "&Phone", ""),
    ("website", "&Website", ""),
)


class ProviderFormDialog(FormDialog):
    """``ProviderFormDialog(ctx, provider=None)`` (the provider as listed, to edit it);
    after ``exec()``, ``saved`` is the provider as stored."""

    def __init__(
        self, ctx: AppContext, provider: Provider | None = None, parent: QWidget | None = None
    ) -> None:
        super().__init__(ctx, "New provider" if provider is None else "Edit provider", parent)
        self.provider_id = provider.id if provider is not None else None
        #: The version shown (as listed): a save over someone else's since is refused.
        self.shown_version = provider.version if provider is not None else None
        self.saved: Provider | None = None
        self.edits: dict[str, QLineEdit] = {}
        for field, text, placeholder in LINE_FIELDS:
            edit = QLineEdit()
            edit.setPlaceholderText(placeholder)
            if provider is not None:
                edit.setText(str(getattr(provider, field)))
            self.edits[field] = edit
            self.add_row(text, field, edit)
        self.notes = text_box("Waiting times, fees, who they suit (optional)")
        if provider is not None:
            self.notes.setPlainText(provider.notes)
        self.add_row("No&tes", "notes", self.notes)
        self.finish()
        self.edits["name"].setFocus()

    def commit(self) -> None:
        values = {field: edit.text() for field, edit in self.edits.items()}
        values["notes"] = self.notes.toPlainText()
        if self.provider_id is None:
            self.saved = add_provider(self.ctx.db, **values)
        else:
            self.saved = update_provider(
                self.ctx.db, self.provider_id, expected_version=self.shown_version, **values
            )
