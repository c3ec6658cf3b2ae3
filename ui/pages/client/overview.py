"""Overview: contact details, preferred name and pronouns, emergency contact, consents."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QFormLayout, QGroupBox, QHBoxLayout, QLabel, QWidget

from practice.models import Client, label
from practice.services.clients import get_client
from ui import format as fmt
from ui.context import AppContext
from ui.pages.client.base import ClientTab

NOT_GIVEN = "—"


def _yes_no(value: bool) -> str:
    return "Yes" if value else "No"


class OverviewTab(ClientTab):
    title = "Overview"

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(ctx, parent)
        self.values: dict[str, QLabel] = {}
        contact = self._box(
            "Contact",
            [
                ("full_name", "Name"),
                ("preferred_name", "Preferred name"),
                ("pronouns", "Pronouns"),
                ("status", "Status"),
                ("email", "Email"),
                ("phone", "Phone"),
                ("address", "Address"),
                ("date_of_birth", "Date of birth"),
                ("source", "Found us via"),
                ("created", "Client since"),
            ],
        )
        safety = self._box(
            "Safety and consent",
            [
                ("emergency_contact_name", "Emergency contact"),
                ("emergency_contact_phone", "Emergency phone"),
                ("consent_to_contact", "May be contacted"),
                ("consent_to_records", "Records consent"),
                ("consent_recorded_on", "Consent recorded"),
                ("notes", "Notes"),
            ],
        )
        row = QHBoxLayout()
        row.addWidget(contact, 1)
        row.addWidget(safety, 1)
        self.layout_.addLayout(row)
        self.layout_.addStretch(1)

    def _box(self, title: str, fields: list[tuple[str, str]]) -> QGroupBox:
        box = QGroupBox(title)
        form = QFormLayout(box)
        form.setLabelAlignment(Qt.AlignmentFlag.AlignRight)
        for key, text in fields:
            value = QLabel()
            value.setObjectName(f"overview_{key}")
            value.setWordWrap(True)
            value.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
            self.values[key] = value
            form.addRow(f"{text}:", value)
        return box

    def load(self, client_id: int) -> None:
        self.fill(get_client(self.ctx.db, client_id))

    def fill(self, client: Client) -> None:
        loc = self.loc
        shown = {
            "full_name": client.full_name,
            "preferred_name": client.preferred_name,
            "pronouns": client.pronouns,
            "status": label(client.status),
            "email": client.email,
            "phone": client.phone,
            "address": client.address,
            "date_of_birth": fmt.day(client.date_of_birth, loc) if client.date_of_birth else "",
            "source": client.source,
            "created": fmt.day(client.created_at.date(), loc),
            "emergency_contact_name": client.emergency_contact_name,
            "emergency_contact_phone": client.emergency_contact_phone,
            "consent_to_contact": _yes_no(client.consent_to_contact),
            "consent_to_records": _yes_no(client.consent_to_records),
            "consent_recorded_on": (
                fmt.day(client.consent_recorded_on, loc) if client.consent_recorded_on else ""
            ),
            "notes": client.notes,
        }
        for key, text in shown.items():
            self.values[key].setText(text or NOT_GIVEN)
