"""Record or edit an enquiry, and say what came of it. Problems are shown beside the
field, in plain words.

:class:`FormDialog` is the frame the outreach dialogs share (enquiry, outcome, provider,
resource, referral): labelled fields with their error line beneath, Save and Cancel, and
one service call on Save.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QDate
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from practice.errors import PracticeError
from practice.models import Enquiry, EnquiryOutcome
from practice.services.enquiries import (
    get_enquiry,
    record_enquiry,
    set_enquiry_outcome,
    update_enquiry,
)
from practice.services.profile import get_profile
from ui import format as fmt
from ui.context import AppContext
from ui.errors import guarded
from ui.widgets.choices import choice_combo
from ui.widgets.dialog_buttons import save_cancel_buttons
from ui.widgets.field_box import add_form_row
from ui.widgets.form_errors import FormErrors
from ui.widgets.time_fields import day_edit, day_of, set_day


def text_box(placeholder: str = "", height: int = 90) -> QPlainTextEdit:
    box = QPlainTextEdit()
    box.setTabChangesFocus(True)
    box.setPlaceholderText(placeholder)
    box.setFixedHeight(height)
    return box


class FormDialog(QDialog):
    """Subclasses add rows with :meth:`add_row`, call :meth:`finish`, and implement
    :meth:`commit` (the one service call); Save shows any refusal beside its field."""

    #: The ``data_changed`` area announced after a successful save.
    area = "outreach"

    def __init__(self, ctx: AppContext, title: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.errors = FormErrors()
        self.setWindowTitle(title)
        self.setMinimumWidth(520)
        self.form = QFormLayout()
        self.form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        self.notice = QLabel()
        self.notice.setWordWrap(True)
        self.notice.hide()
        self.form_error = QLabel()
        self.form_error.setObjectName("form_error")
        self.form_error.setWordWrap(True)
        self.form_error.setStyleSheet("color: #b3261e;")
        self.form_error.hide()
        self.buttons = save_cancel_buttons(self, self.save)

    @property
    def save_button(self) -> QPushButton:
        return self.buttons.button(QDialogButtonBox.StandardButton.Save)

    def add_row(self, text: str, field: str, widget: QWidget) -> None:
        widget.setObjectName(field)
        add_form_row(self.form, self.errors, text, field, widget)

    def finish(self, notice: str = "", *, blocked: bool = False) -> None:
        """Lay the dialog out with an optional ``notice`` line above the fields; when
        ``blocked`` (nothing to choose from yet) Save is disabled."""
        layout = QVBoxLayout(self)
        if notice:
            self.notice.setText(notice)
            self.notice.show()
        self.save_button.setEnabled(not blocked)
        layout.addWidget(self.notice)
        layout.addLayout(self.form)
        layout.addWidget(self.form_error)
        layout.addWidget(self.buttons)

    def commit(self) -> None:
        raise NotImplementedError

    @guarded
    def save(self) -> None:
        self.errors.clear()
        self.form_error.hide()
        try:
            self.commit()
        except PracticeError as exc:
            self.errors.refuse(exc, lambda e: self._form_level(str(e)))
            return
        self.ctx.changed(self.area)
        self.accept()

    def _form_level(self, text: str) -> None:
        self.form_error.setText(text)
        self.form_error.show()


class EnquiryFormDialog(FormDialog):
    """``EnquiryFormDialog(ctx, enquiry_id=None)``; after ``exec()``, ``enquiry`` is saved."""

    def __init__(
        self, ctx: AppContext, enquiry_id: int | None = None, parent: QWidget | None = None
    ) -> None:
        super().__init__(ctx, "New enquiry" if enquiry_id is None else "Edit enquiry", parent)
        self.enquiry_id = enquiry_id
        self.enquiry: Enquiry | None = None
        self.name = QLineEdit()
        self.name.setPlaceholderText("Required")
        self.received_on = day_edit(up_to_today=True)
        self.email = QLineEdit()
        self.phone = QLineEdit()
        self.source = QLineEdit()
        self.source.setPlaceholderText("How they found the practice")
        self.request = text_box("What they would like help with, in their words", 110)
        for text, field, widget in (
            ("&Name", "name", self.name),
            ("&Received on", "received_on", self.received_on),
            ("&Email", "email", self.email),
            ("&Phone", "phone", self.phone),
            ("Found &us via", "source", self.source),
            ("&Asking for", "request", self.request),
        ):
            self.add_row(text, field, widget)
        self.finish()
        #: The version shown: a save over someone else's since is refused.
        self.shown_version: int | None = None
        if enquiry_id is not None:
            enquiry = get_enquiry(ctx.db, enquiry_id)
            self.shown_version = enquiry.version
            self.name.setText(enquiry.name)
            set_day(self.received_on, enquiry.received_on)
            self.email.setText(enquiry.email)
            self.phone.setText(enquiry.phone)
            self.source.setText(enquiry.source)
            self.request.setPlainText(enquiry.request)
        self.name.setFocus()

    def commit(self) -> None:
        values: dict[str, Any] = {
            "name": self.name.text(),
            "received_on": day_of(self.received_on),
            "email": self.email.text(),
            "phone": self.phone.text(),
            "source": self.source.text(),
            "request": self.request.toPlainText(),
        }
        if self.enquiry_id is None:
            self.enquiry = record_enquiry(self.ctx.db, **values)
        else:
            self.enquiry = update_enquiry(
                self.ctx.db, self.enquiry_id, expected_version=self.shown_version, **values
            )


class OutcomeDialog(FormDialog):
    """Say what came of an enquiry: any outcome but waiting closes it on the day given."""

    def __init__(self, ctx: AppContext, enquiry_id: int, parent: QWidget | None = None) -> None:
        super().__init__(ctx, "Outcome of the enquiry", parent)
        self.enquiry_id = enquiry_id
        enquiry = get_enquiry(ctx.db, enquiry_id)
        self.shown_version = enquiry.version
        self.outcome = choice_combo(EnquiryOutcome)
        self.closed_on = day_edit(enquiry.closed_on, up_to_today=True)
        self.closed_on.setMinimumDate(
            QDate(enquiry.received_on.year, enquiry.received_on.month, enquiry.received_on.day)
        )
        self.note = text_box("Why, and anything said (optional)", 80)
        self.add_row("&Outcome", "outcome", self.outcome)
        self.add_row("&Closed on", "closed_on", self.closed_on)
        self.add_row("No&te", "outcome_note", self.note)
        received = fmt.day(enquiry.received_on, get_profile(ctx.db).locale)
        self.finish(notice=f"{enquiry.name}, received {received}.")
        self.outcome.currentIndexChanged.connect(lambda _i: self._update())
        self.outcome.setCurrentIndex(self.outcome.findData(enquiry.outcome.value))
        self.note.setPlainText(enquiry.outcome_note)
        self._update()
        self.outcome.setFocus()

    def chosen(self) -> EnquiryOutcome:
        return EnquiryOutcome(self.outcome.currentData())

    def _update(self) -> None:
        self.closed_on.setEnabled(self.chosen() is not EnquiryOutcome.WAITING)

    def commit(self) -> None:
        outcome = self.chosen()
        set_enquiry_outcome(
            self.ctx.db,
            self.enquiry_id,
            outcome,
            note=self.note.toPlainText(),
            closed_on=None if outcome is EnquiryOutcome.WAITING else day_of(self.closed_on),
            expected_version=self.shown_version,
        )
