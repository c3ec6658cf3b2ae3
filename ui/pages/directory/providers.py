"""The Providers tab: the practitioners and services you refer to, and the referrals
made to each."""

from __future__ import annotations

from PySide6.QtWidgets import QWidget

from practice.models import Provider
from practice.services import referrals
from ui.context import AppContext
from ui.dialogs.provider_form import ProviderFormDialog
from ui.models.providers import ProviderListModel, ProviderReferralsModel
from ui.pages.directory.list_tab import DirectoryTab


class ProvidersTab(DirectoryTab[Provider]):
    noun = "provider"
    about = (
        "Add the practitioners and services you refer people to when your work is not "
        "what they need: what they help with and how to reach them."
    )
    stretch_column = 1
    search_hint = "Search by name, speciality, organisation or notes"

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        self.referrals_model = ProviderReferralsModel()
        super().__init__(
            ctx,
            ProviderListModel(),
            "Referrals to them",
            "Nobody has been referred to them yet.",
            self.referrals_model,
            parent,
        )

    def fetch(self) -> list[Provider]:
        return referrals.list_providers(
            self.ctx.db,
            search=self.search.text(),
            include_archived=self.show_archived.isChecked(),
        )

    def show_row(self, row: Provider) -> None:
        self.name.setText(row.name)
        self.details.set_details(
            [
                ("Speciality", row.speciality),
                ("Organisation", row.organisation),
                ("Email", row.email),
                ("Phone", row.phone),
                ("Website", row.website),
                ("Notes", row.notes),
            ]
        )
        self.referrals_model.set_locale(self.practice_locale)
        self.referrals_model.set_rows(referrals.referrals_for(self.ctx.db, provider_id=row.id))

    def open_form(self, row: Provider | None) -> Provider | None:
        dialog = ProviderFormDialog(self.ctx, row, self)
        return dialog.saved if dialog.exec() else None

    def archive(self, row: Provider) -> None:
        referrals.archive_provider(self.ctx.db, row.id)

    def restore(self, row: Provider) -> None:
        referrals.restore_provider(self.ctx.db, row.id)
