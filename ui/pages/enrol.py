"""Enrol: pick a client, a programme, a start date and a payment plan; preview; agree."""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import (
    QAbstractItemView,
    QButtonGroup,
    QComboBox,
    QFormLayout,
    QFrame,
    QGroupBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QMessageBox,
    QPushButton,
    QRadioButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from practice.errors import PracticeError, ValidationError
from practice.models import (
    Enrolment,
    EnrolmentStatus,
    PaymentPlan,
    Programme,
    label,
)
from practice.money import amount_text, parse_amount
from practice.services import enrolments as enrolment_service
from practice.services import profile as profile_service
from practice.services import programmes as programme_service
from practice.services.enrolments import EnrolmentPreview, OverlapError
from ui import format as fmt
from ui.context import AppContext
from ui.documents.actions import show_agreement
from ui.errors import guarded, show_refusal
from ui.models.enrol import InstalmentPreviewModel
from ui.models.programmes import length_text
from ui.widgets.client_combo import ClientCombo
from ui.widgets.field_box import field_box
from ui.widgets.form_errors import FormErrors
from ui.widgets.page_header import page_title
from ui.widgets.programme_summary import payment_options, programme_summary
from ui.widgets.time_fields import day_edit


class EnrolPage(QWidget):
    key = "enrol"
    title = "Enrol"

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.errors = FormErrors()
        self.preview: EnrolmentPreview | None = None
        self.last_enrolment: Enrolment | None = None
        self.practice_locale = fmt.DEFAULT_LOCALE
        self._programmes: dict[int, Programme] = {}

        self.client = ClientCombo(ctx.db)
        self.programme = QComboBox()
        self.programme.setMinimumContentsLength(24)
        self.start_date = day_edit(weekday=True)
        self.pay_in_full = QRadioButton("Pay in full")
        self.instalments = QRadioButton("Instalments")
        self.plan_group = QButtonGroup(self)
        self.plan_group.addButton(self.pay_in_full)
        self.plan_group.addButton(self.instalments)
        self.instalments.setChecked(True)
        self.renewal = QComboBox()
        self.renewal_label = QLabel("&Renewal of:")
        self.renewal_label.setBuddy(self.renewal)
        self.agreed_price = QLineEdit()
        self.agreed_price.setAlignment(Qt.AlignmentFlag.AlignRight)
        self.agreed_price.setMaximumWidth(160)
        self.agreed_price.setToolTip(
            "Leave empty for the programme's price, or type a different overall price"
            " agreed with this client (before any pay-in-full discount)."
        )
        self.price_typing = QTimer(self)
        self.price_typing.setSingleShot(True)
        self.price_typing.setInterval(300)
        self.price_typing.timeout.connect(self.update_preview)
        self.agreed_price.textEdited.connect(lambda _: self.price_typing.start())
        self.notes = QLineEdit()
        self.notes.setPlaceholderText("Anything agreed on top of the programme's terms")

        self.summary = QLabel()
        self.summary.setObjectName("enrolSummary")
        self.summary.setWordWrap(True)
        self.summary.setTextFormat(Qt.TextFormat.RichText)
        self.model = InstalmentPreviewModel()
        self.table = QTableView()
        self.table.setObjectName("instalmentPreview")
        self.table.setModel(self.model)
        self.table.verticalHeader().hide()
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.NoSelection)
        self.table.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Stretch)
        self.table.horizontalHeader().setSectionResizeMode(
            0, QHeaderView.ResizeMode.ResizeToContents
        )

        self.agree_button = QPushButton("&Agree and enrol")
        self.agree_button.setDefault(True)
        self.propose_button = QPushButton("Save as propose&d")
        self.agree_button.clicked.connect(lambda: self.enrol(True))
        self.propose_button.clicked.connect(lambda: self.enrol(False))
        self.done = QLabel()
        self.done.setObjectName("enrolDone")
        self.done.setWordWrap(True)
        self.done.hide()
        self.about = QLabel()
        self.about.setObjectName("programmeAbout")
        self.about.setWordWrap(True)
        self.about.setTextFormat(Qt.TextFormat.RichText)

        self._build_layout()
        self.client.client_changed.connect(self._client_changed)
        self.programme.currentIndexChanged.connect(self._programme_changed)
        self.start_date.dateChanged.connect(self.update_preview)
        self.plan_group.buttonToggled.connect(self.update_preview)
        self.renewal.currentIndexChanged.connect(self.update_preview)
        self._client_changed(None)

    def _build_layout(self) -> None:
        choose = QGroupBox("Who, what and when")
        form = QFormLayout(choose)
        form.addRow("&Client:", field_box(self.errors, "client_id", self.client, stretch=True))
        form.addRow(
            "P&rogramme:", field_box(self.errors, "programme_id", self.programme, stretch=True)
        )
        form.addRow(
            "&Start date:", field_box(self.errors, "start_date", self.start_date, stretch=True)
        )
        plans = QWidget()
        plans_layout = QVBoxLayout(plans)
        plans_layout.setContentsMargins(0, 0, 0, 0)
        plans_layout.addWidget(self.instalments)
        plans_layout.addWidget(self.pay_in_full)
        plans_layout.addWidget(self.errors.add("payment_plan", self.instalments))
        form.addRow("Payment:", plans)
        form.addRow(
            "&Price for this client:",
            field_box(self.errors, "agreed_price", self.agreed_price, stretch=True),
        )
        form.addRow(
            self.renewal_label, field_box(self.errors, "renewal_of_id", self.renewal, stretch=True)
        )
        form.addRow("&Notes:", field_box(self.errors, "notes", self.notes))

        about = QGroupBox("What the programme includes")
        about_layout = QVBoxLayout(about)
        about_layout.addWidget(self.about)

        preview = QGroupBox("Preview")
        preview_layout = QVBoxLayout(preview)
        preview_layout.addWidget(self.summary)
        preview_layout.addWidget(self.table)

        buttons = QHBoxLayout()
        buttons.addWidget(self.done, 1)
        buttons.addStretch(0)
        buttons.addWidget(self.propose_button)
        buttons.addWidget(self.agree_button)

        left = QVBoxLayout()
        left.addWidget(choose)
        left.addWidget(about)
        left.addStretch(1)
        body = QHBoxLayout()
        body.addLayout(left, 1)
        right = QVBoxLayout()
        right.addWidget(preview)
        right.addStretch(1)
        body.addLayout(right, 1)
        line = QFrame()
        line.setFrameShape(QFrame.Shape.HLine)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(24, 18, 24, 18)
        layout.addWidget(
            page_title(
                "Enrol",
                "Agree a programme with a client: dates, price and payment plan.",
            )
        )
        layout.addLayout(body, 1)
        layout.addWidget(line)
        layout.addLayout(buttons)

    # -- the page contract -----------------------------------------------
    @guarded
    def refresh(self) -> None:
        profile = profile_service.get_profile(self.ctx.db)
        self.practice_locale = self.model.locale = profile.locale
        self.client.reload()
        chosen = self.programme.currentData()
        self.programme.blockSignals(True)
        self.programme.clear()
        self._programmes = {p.id: p for p in programme_service.list_programmes(self.ctx.db)}
        for programme in self._programmes.values():
            self.programme.addItem(programme.name, programme.id)
        position = self.programme.findData(chosen)
        self.programme.setCurrentIndex(max(position, 0) if self._programmes else -1)
        self.programme.blockSignals(False)
        self._client_changed(self.client.client_id())
        self._programme_changed()

    def open_item(self, payload: object) -> None:
        """``payload`` is a client id: start enrolling that client."""
        self.refresh()
        if isinstance(payload, int):
            self.client.set_client_id(payload)

    def new_item(self) -> None:
        self.done.hide()
        self.client.setFocus()

    # -- reacting to choices ---------------------------------------------
    @guarded
    def _client_changed(self, client_id: int | None) -> None:
        self.renewal.blockSignals(True)
        self.renewal.clear()
        self.renewal.addItem("Not a renewal", None)
        if client_id is not None:
            for earlier in enrolment_service.list_enrolments(self.ctx.db, client_id=client_id):
                if earlier.status is EnrolmentStatus.CANCELLED:
                    continue
                self.renewal.addItem(
                    f"{earlier.programme_name}, from {fmt.day(earlier.start_date, self.practice_locale)}"
                    f" ({label(earlier.status).lower()})",
                    earlier.id,
                )
        has_earlier = self.renewal.count() > 1
        self.renewal.setVisible(has_earlier)
        self.renewal_label.setVisible(has_earlier)
        self.renewal.blockSignals(False)
        self.update_preview()

    @guarded
    def _programme_changed(self) -> None:
        programme = self._programmes.get(self.programme.currentData())
        self._show_about(programme)
        if programme is None:
            self.pay_in_full.setText("Pay in full")
            self.instalments.setText("Instalments")
            self.update_preview()
            return
        self.agreed_price.setPlaceholderText(
            amount_text(programme.price, programme.currency, self.practice_locale)
        )
        full, instalments = payment_options(programme, self.practice_locale)
        self.pay_in_full.setText(full)
        self.instalments.setText(instalments or "Instalments (this programme is paid in one go)")
        self.instalments.setEnabled(instalments is not None)
        if instalments is None:
            self.pay_in_full.setChecked(True)
        self.update_preview()

    def _values(self) -> dict[str, object] | None:
        client_id = self.client.client_id()
        programme_id = self.programme.currentData()
        if client_id is None or programme_id is None:
            return None
        start: date = self.start_date.date().toPython()  # type: ignore[assignment]
        typed_price = self.agreed_price.text().strip()
        currency = self._programmes[programme_id].currency
        return {
            "agreed_price": parse_amount(
                typed_price, currency, "agreed_price", self.practice_locale
            )
            if typed_price
            else None,
            "client_id": client_id,
            "programme_id": programme_id,
            "start_date": start,
            "payment_plan": PaymentPlan.FULL
            if self.pay_in_full.isChecked()
            else PaymentPlan.INSTALMENTS,
            "renewal_of_id": self.renewal.currentData(),
        }

    @guarded
    def update_preview(self) -> None:
        self.errors.clear()
        self.preview = None
        try:
            values = self._values()
            if values is not None:
                self.preview = enrolment_service.preview_enrolment(self.ctx.db, **values)  # type: ignore[arg-type]
        except ValidationError as error:
            self.summary.setText("This enrolment cannot be made as it stands.")
            if not self.errors.show(error):
                self.summary.setText(str(error))
        else:
            if self.preview is not None:
                self._show_preview(self.preview)
            elif not self._programmes:
                self.summary.setText("Add a programme on the Programmes page first.")
            else:
                self.summary.setText(
                    "Choose a client and a programme to see the dates and payments."
                )
        enabled = self.preview is not None
        if not enabled:
            self.model.set_rows([])
        self.table.setVisible(enabled)
        self.agree_button.setEnabled(enabled)
        self.propose_button.setEnabled(enabled)

    def _show_preview(self, p: EnrolmentPreview) -> None:
        locale = self.practice_locale
        self.model.currency = p.currency
        self.model.set_rows(list(p.instalments))
        self._fit_table()
        price = fmt.money(p.agreed_price, p.currency, locale)
        discount = (
            f" after {fmt.money(p.discount, p.currency, locale)} off for paying in full"
            if p.discount
            else ""
        )
        sessions = "1 session" if p.planned_sessions == 1 else f"{p.planned_sessions} sessions"
        self.summary.setText(
            f"<b>{p.programme_name}</b>, {length_text(p.length_value, p.length_unit)}"
            f" — {sessions} of {fmt.duration(p.session_minutes)}<br>"
            f"From <b>{fmt.long_day(p.start_date, locale)}</b>"
            f" to <b>{fmt.long_day(p.end_date, locale)}</b><br>"
            f"Overall cost <b>{price}</b>{discount}"
        )

    def _fit_table(self) -> None:
        rows = max(self.model.rowCount(), 1)
        height = self.table.horizontalHeader().sizeHint().height()
        height += self.table.verticalHeader().defaultSectionSize() * min(rows, 14)
        self.table.setFixedHeight(height + 2 * self.table.frameWidth())

    def _show_about(self, programme: Programme | None) -> None:
        if programme is None:
            self.about.setText("Choose a programme to see what it includes.")
            return
        self.about.setText(programme_summary(programme))

    # -- enrolling -------------------------------------------------------
    @guarded
    def enrol(self, agree: bool) -> None:
        try:
            values = self._values()
        except ValidationError as error:
            self.errors.show(error)
            return
        if values is None:
            self.errors.show(ValidationError("client_id", "choose a client and a programme."))
            return
        enrolment = self._make(values, agree)
        if enrolment is None:
            return
        self.last_enrolment = enrolment
        self.ctx.changed("enrolments")
        name = enrolment.client.display_name
        state = "enrolled in" if agree else "offered"
        self.done.setText(f"{name} is {state} {enrolment.programme_name}.")
        self.done.show()
        # Start afresh: a second press finds nothing chosen, so it cannot enrol twice.
        self.notes.clear()
        self.agreed_price.clear()
        self.client.set_client_id(None)
        self._client_changed(None)
        self._open_agreement(enrolment)

    def _make(self, values: dict[str, object], agree: bool) -> Enrolment | None:
        """The enrolment made, or None (refused and said, or not confirmed)."""
        allow_overlap = False
        while True:
            try:
                return enrolment_service.enrol_client(
                    self.ctx.db,
                    notes=self.notes.text(),
                    agree=agree,
                    allow_overlap=allow_overlap,
                    **values,  # type: ignore[arg-type]
                )
            except OverlapError as overlap:
                answer = QMessageBox.question(
                    self,
                    "Enrol a second time?",
                    f"This client {overlap.message.removeprefix('this client ')} "
                    "Make a second enrolment over the same dates anyway?",
                    QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No,
                    QMessageBox.StandardButton.No,
                )
                if answer != QMessageBox.StandardButton.Yes:
                    self.errors.show(overlap)
                    return None
                allow_overlap = True
            except PracticeError as error:
                self.errors.refuse(error, lambda e: show_refusal(self, e))
                return None

    def _open_agreement(self, enrolment: Enrolment) -> None:
        """Take the practitioner on to the agreement, to print or save for the client to
        sign (Ctrl+P, Ctrl+S); Esc closes it. It is also on the client's Documents tab."""
        show_agreement(self, self.ctx.db, enrolment.id)
