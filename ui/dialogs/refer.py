"""Refer an enquirer to a provider from the referral directory; the enquiry is closed as
referred on the same day."""

from __future__ import annotations

from PySide6.QtWidgets import QComboBox, QWidget

from practice.models import Referral
from practice.services.enquiries import refer_enquirer
from practice.services.referrals import list_providers
from ui.context import AppContext
from ui.dialogs.enquiry_form import FormDialog, text_box
from ui.widgets.time_fields import day_edit, day_of


class ReferDialog(FormDialog):
    """``ReferDialog(ctx, enquiry_id)``; after ``exec()``, ``referral`` is the one made."""

    def __init__(self, ctx: AppContext, enquiry_id: int, parent: QWidget | None = None) -> None:
        super().__init__(ctx, "Refer to a provider", parent)
        self.enquiry_id = enquiry_id
        self.referral: Referral | None = None
        self.provider = QComboBox()
        for provider in list_providers(ctx.db):
            text = provider.name
            if provider.speciality:
                text += f" — {provider.speciality}"
            self.provider.addItem(text, provider.id)
        self.referred_on = day_edit(up_to_today=True)
        self.reason = text_box("Why this provider suits them (optional)")
        self.add_row("&Provider", "provider", self.provider)
        self.add_row("&Referred on", "referred_on", self.referred_on)
        self.add_row("&Why", "reason", self.reason)
        empty = self.provider.count() == 0
        self.finish(
            "The referral directory is empty: add providers on the Directory page first."
            if empty
            else "",
            blocked=empty,
        )
        self.provider.setFocus()

    def commit(self) -> None:
        self.referral = refer_enquirer(
            self.ctx.db,
            self.enquiry_id,
            self.provider.currentData(),
            self.reason.toPlainText(),
            day_of(self.referred_on),
        )
