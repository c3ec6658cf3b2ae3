"""Record that a client or an enquirer was given a resource from the library.

For an enquirer (``enquiry_id=``) this is "point to a resource", which also closes the
enquiry with that outcome."""

from __future__ import annotations

from datetime import date

from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QVBoxLayout,
    QWidget,
)

from practice.errors import PracticeError
from practice.models import label
from practice.services.enquiries import point_to_resource
from practice.services.resources import list_resources, share_resource
from ui.context import AppContext
from ui.errors import guarded
from ui.widgets.dialog_buttons import save_cancel_buttons
from ui.widgets.form_errors import FormErrors
from ui.widgets.time_fields import day_edit


class ShareResourceDialog(QDialog):
    def __init__(
        self,
        ctx: AppContext,
        client_id: int | None = None,
        parent: QWidget | None = None,
        *,
        enquiry_id: int | None = None,
    ) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.client_id = client_id
        self.enquiry_id = enquiry_id
        self.errors = FormErrors()
        self.setWindowTitle("Share a resource" if enquiry_id is None else "Point to a resource")
        self.setMinimumWidth(460)
        self.resource = QComboBox()
        for resource in list_resources(ctx.db):
            self.resource.addItem(f"{resource.title} ({label(resource.kind)})", resource.id)
        self.shared_on = day_edit()
        self.note = QLineEdit()
        self.note.setPlaceholderText("Why, or what to look at (optional)")
        form = QFormLayout()
        for text, field, widget in (
            ("&Resource", "resource_id", self.resource),
            ("&Given on", "shared_on", self.shared_on),
            ("&Note", "note", self.note),
        ):
            holder = QWidget()
            column = QVBoxLayout(holder)
            column.setContentsMargins(0, 0, 0, 0)
            column.addWidget(widget)
            column.addWidget(self.errors.add(field, widget))
            caption = QLabel(text)
            caption.setBuddy(widget)
            form.addRow(caption, holder)
        self.form_error = QLabel()
        self.form_error.setWordWrap(True)
        self.form_error.hide()
        buttons = save_cancel_buttons(self, self.save)
        layout = QVBoxLayout(self)
        if self.resource.count() == 0:
            layout.addWidget(QLabel("The resource library is empty: add resources first."))
            buttons.button(QDialogButtonBox.StandardButton.Save).setEnabled(False)
        layout.addLayout(form)
        layout.addWidget(self.form_error)
        layout.addWidget(buttons)

    @guarded
    def save(self) -> None:
        self.errors.clear()
        self.form_error.hide()
        shared_on: date = self.shared_on.date().toPython()  # type: ignore[assignment]
        try:
            if self.enquiry_id is not None:
                point_to_resource(
                    self.ctx.db,
                    self.enquiry_id,
                    self.resource.currentData(),
                    shared_on,
                    note=self.note.text(),
                )
            else:
                share_resource(
                    self.ctx.db,
                    resource_id=self.resource.currentData(),
                    client_id=self.client_id,
                    shared_on=shared_on,
                    note=self.note.text(),
                )
        except PracticeError as exc:
            self.errors.refuse(exc, self._form_level)
            return
        self.ctx.changed("outreach")
        self.accept()

    def _form_level(self, error: PracticeError) -> None:
        self.form_error.setText(str(error))
        self.form_error.show()
