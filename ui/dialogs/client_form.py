"""Add or edit a client. Problems are shown beside the field, in plain words."""

from __future__ import annotations

from typing import Any

from PySide6.QtWidgets import (
    QCheckBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QVBoxLayout,
    QWidget,
)

from practice.errors import PracticeError
from practice.models import Client, ClientStatus
from practice.services.clients import create_client, get_client, update_client
from ui.context import AppContext
from ui.errors import guarded
from ui.widgets.choices import choice_combo
from ui.widgets.dialog_buttons import save_cancel_buttons
from ui.widgets.field_box import add_form_row
from ui.widgets.form_errors import FormErrors
from ui.widgets.optional_date import OptionalDateEdit

TEXT_FIELDS = (
    ("first_name", "&First name"),
    ("last_name", "&Last name"),
    ("preferred_name", "&Preferred name"),
    ("pronouns", "Pro&nouns"),
    ("email", "&Email"),
    ("phone", "P&hone"),
)


class ClientFormDialog(QDialog):
    """``ClientFormDialog(ctx, client_id=None)``; after ``exec()``, ``client`` is the saved one."""

    def __init__(
        self, ctx: AppContext, client_id: int | None = None, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.client_id = client_id
        self.client: Client | None = None
        self.shown_version: int | None = None  # the saved client's, once loaded
        self.errors = FormErrors()
        self.setWindowTitle("New client" if client_id is None else "Edit client")
        self.setMinimumWidth(620)

        self.edits: dict[str, QLineEdit] = {}
        contact = QFormLayout()
        contact.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        for field, text in TEXT_FIELDS:
            edit = QLineEdit()
            edit.setObjectName(field)
            self.edits[field] = edit
            self._row(contact, text, field, edit)
        self.edits["first_name"].setPlaceholderText("Required")
        self.edits["preferred_name"].setPlaceholderText("What they like to be called")
        self.edits["pronouns"].setPlaceholderText("e.g. she/her, they/them")
        self.address = QPlainTextEdit()
        self.address.setObjectName("address")
        self.address.setTabChangesFocus(True)
        self.address.setFixedHeight(60)
        self._row(contact, "&Address", "address", self.address)
        self.date_of_birth = OptionalDateEdit("Known")
        self._row(contact, "Date of &birth", "date_of_birth", self.date_of_birth)
        self.status = choice_combo(ClientStatus)
        self.status.setObjectName("status")
        self._row(contact, "&Status", "status", self.status)
        self.source = QLineEdit()
        self.source.setPlaceholderText("How they found the practice")
        self._row(contact, "Found &us via", "source", self.source)
        contact_box = QGroupBox("Name and contact")
        contact_box.setLayout(contact)

        other = QFormLayout()
        other.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        self.emergency_name = QLineEdit()
        self._row(other, "Emergency contact", "emergency_contact_name", self.emergency_name)
        self.emergency_phone = QLineEdit()
        self._row(other, "Emergency phone", "emergency_contact_phone", self.emergency_phone)
        self.consent_to_contact = QCheckBox("May be contacted by email or phone")
        self._row(other, "Consents", "consent_to_contact", self.consent_to_contact)
        self.consent_to_records = QCheckBox("Agreed to records being kept")
        self._row(other, "", "consent_to_records", self.consent_to_records)
        self.consent_recorded_on = OptionalDateEdit("Recorded on")
        self._row(other, "", "consent_recorded_on", self.consent_recorded_on)
        self.notes = QPlainTextEdit()
        self.notes.setObjectName("notes")
        self.notes.setTabChangesFocus(True)
        self.notes.setPlaceholderText("Anything worth remembering (not session notes)")
        self._row(other, "N&otes", "notes", self.notes)
        other_box = QGroupBox("Safety, consent and notes")
        other_box.setLayout(other)

        self.form_error = QLabel()
        self.form_error.setWordWrap(True)
        self.form_error.setStyleSheet("color: #b3261e;")
        self.form_error.hide()
        buttons = save_cancel_buttons(self, self.save)
        self.save_button = buttons.button(QDialogButtonBox.StandardButton.Save)

        columns = QHBoxLayout()
        columns.addWidget(contact_box, 1)
        columns.addWidget(other_box, 1)
        layout = QVBoxLayout(self)
        layout.addLayout(columns)
        layout.addWidget(self.form_error)
        layout.addWidget(buttons)

        if client_id is not None:
            self._load(get_client(ctx.db, client_id))
        else:
            self.status.setCurrentIndex(self.status.findData(ClientStatus.ENQUIRY.value))
        self.edits["first_name"].setFocus()

    def _row(self, form: QFormLayout, text: str, field: str, widget: QWidget) -> None:
        add_form_row(form, self.errors, text, field, widget)

    def _load(self, client: Client) -> None:
        #: The client's version shown here: a save refuses a newer one (someone else's).
        self.shown_version = client.version
        for field, edit in self.edits.items():
            edit.setText(str(getattr(client, field) or ""))
        self.address.setPlainText(client.address)
        self.date_of_birth.set_value(client.date_of_birth)
        self.status.setCurrentIndex(self.status.findData(client.status.value))
        self.source.setText(client.source)
        self.emergency_name.setText(client.emergency_contact_name)
        self.emergency_phone.setText(client.emergency_contact_phone)
        self.consent_to_contact.setChecked(client.consent_to_contact)
        self.consent_to_records.setChecked(client.consent_to_records)
        self.consent_recorded_on.set_value(client.consent_recorded_on)
        self.notes.setPlainText(client.notes)

    def values(self) -> dict[str, Any]:
        values: dict[str, Any] = {field: edit.text() for field, edit in self.edits.items()}
        values.update(
            address=self.address.toPlainText(),
            date_of_birth=self.date_of_birth.value(),
            status=ClientStatus(self.status.currentData()),
            source=self.source.text(),
            emergency_contact_name=self.emergency_name.text(),
            emergency_contact_phone=self.emergency_phone.text(),
            consent_to_contact=self.consent_to_contact.isChecked(),
            consent_to_records=self.consent_to_records.isChecked(),
            consent_recorded_on=self.consent_recorded_on.value(),
            notes=self.notes.toPlainText(),
        )
        return values

    @guarded
    def save(self) -> None:
        self.errors.clear()
        self.form_error.hide()
        try:
            if self.client_id is None:
                self.client = create_client(self.ctx.db, **self.values())
            else:
                self.client = update_client(
                    self.ctx.db,
                    self.client_id,
                    expected_version=self.shown_version,
                    **self.values(),
                )
        except PracticeError as exc:
            self.errors.refuse(exc, lambda e: self._form_level(str(e)))
            return
        self.ctx.changed("clients")
        self.accept()

    def _form_level(self, text: str) -> None:
        self.form_error.setText(text)
        self.form_error.show()
