"""The programme editor's form: every term of a programme, with errors beside the fields.

``values()`` returns the keyword arguments of ``create_programme``/``update_programme``;
amounts typed as text are parsed with :func:`practice.money.parse_amount`, which raises
``ValidationError`` naming the field, like the service itself.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QComboBox,
    QFormLayout,
    QGroupBox,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from practice.models import (
    InclusionKind,
    InstalmentInterval,
    LengthUnit,
    Programme,
    SupportMode,
)
from practice.money import amount_text, validate_currency
from ui.models.programme_plan import InclusionModel, InclusionRow, PeriodPlanModel, PeriodRow
from ui.widgets.editable_table import EditableTable, enum_delegate
from ui.widgets.field_box import field_box
from ui.widgets.form_errors import FormErrors
from ui.widgets.plan_preview import describe_plan
from ui.widgets.programme_values import live_values, service_values

SUPPORT_LABELS = {
    SupportMode.NONE: "None",
    SupportMode.COUNT: "A set number of calls",
    SupportMode.AS_NEEDED: "As needed",
}
INTERVAL_LABELS = {
    InstalmentInterval.WEEKLY: "Weekly",
    InstalmentInterval.FORTNIGHTLY: "Fortnightly",
    InstalmentInterval.MONTHLY: "Monthly",
}


def _spin(minimum: int, maximum: int, suffix: str = "", value: int = 0) -> QSpinBox:
    spin = QSpinBox()
    spin.setRange(minimum, maximum)
    spin.setValue(value)
    if suffix:
        spin.setSuffix(suffix)
    spin.setAlignment(Qt.AlignmentFlag.AlignRight)
    spin.setMinimumWidth(90)
    return spin


def _merge_fields_text() -> str:
    try:
        from practice.documents.merge import MERGE_FIELDS
    except ImportError:
        return ""
    names = ", ".join(f"{{{name}}}" for name in MERGE_FIELDS)
    return f"Merge fields you can use: {names}"


class ProgrammeForm(QWidget):
    """Edits one programme's terms; emits ``edited`` on every change."""

    edited = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.errors = FormErrors()
        self.currency = "GBP"
        #: The practice's locale: how amounts are written in the price fields.
        self.practice_locale = "en_GB"

        self.name = QLineEdit()
        self.name.setPlaceholderText("e.g. Three months of change")
        self.summary = QLineEdit()
        self.summary.setPlaceholderText("One line shown in lists and on the agreement")
        self.description = QPlainTextEdit()
        self.description.setPlaceholderText(
            "How it works: what the client can expect, how sessions run, what support there is."
        )
        self.description.setTabChangesFocus(True)
        self.description.setMinimumHeight(110)
        self.description.setMaximumHeight(170)
        self.merge_fields = QLabel(_merge_fields_text())
        self.merge_fields.setWordWrap(True)
        self.merge_fields.setObjectName("hint")
        self.merge_fields.setVisible(bool(self.merge_fields.text()))

        self.length_value = _spin(1, 120, value=3)
        self.length_unit = QComboBox()
        self.length_unit.addItem("months", LengthUnit.MONTHS.value)
        self.length_unit.addItem("weeks", LengthUnit.WEEKS.value)
        self.session_minutes = _spin(5, 600, " min", 60)
        self.session_minutes.setSingleStep(5)

        self.periods = PeriodPlanModel()
        self.periods_table = EditableTable(self.periods, "Add period")
        self.periods_table.fit_height(3)
        self.plan_preview = QLabel()
        self.plan_preview.setWordWrap(True)
        self.plan_preview.setObjectName("planPreview")

        self.support_mode = QComboBox()
        for mode, text in SUPPORT_LABELS.items():
            self.support_mode.addItem(text, mode.value)
        self.support_call_count = _spin(0, 100, " calls")
        self.support_call_minutes = _spin(0, 240, " min each", 15)
        self.support_minutes_estimate = _spin(0, 10_000, " min in all")
        self.support_minutes_estimate.setSingleStep(15)

        self.inclusions = InclusionModel()
        self.inclusions_table = EditableTable(self.inclusions, "Add inclusion")
        self.inclusions_table.view.setItemDelegateForColumn(
            0, enum_delegate(tuple(InclusionKind), self.inclusions_table.view)
        )
        header = self.inclusions_table.view.horizontalHeader()
        header.setStretchLastSection(True)
        header.setSectionResizeMode(0, header.ResizeMode.ResizeToContents)
        self.inclusions_table.fit_height(3)

        self.price = QLineEdit()
        self.price.setAlignment(Qt.AlignmentFlag.AlignRight)
        self.price.setPlaceholderText("1,200.00")
        self.currency_edit = QLineEdit()
        self.currency_edit.setMaxLength(3)
        self.currency_edit.setFixedWidth(60)
        self.full_payment_discount = QLineEdit()
        self.full_payment_discount.setAlignment(Qt.AlignmentFlag.AlignRight)
        self.full_payment_discount.setPlaceholderText("0.00")
        self.instalment_count = _spin(1, 60, value=1)
        self.instalment_interval = QComboBox()
        for interval, text in INTERVAL_LABELS.items():
            self.instalment_interval.addItem(text, interval.value)
        self.instalment_interval.setCurrentIndex(2)
        self.minimum_term = _spin(0, 120)

        self.prep_minutes_per_session = _spin(0, 600, " min", 15)
        self.writeup_minutes_per_session = _spin(0, 600, " min", 20)
        self.supervision_minutes_per_month = _spin(0, 6000, " min", 60)
        for spin in (
            self.prep_minutes_per_session,
            self.writeup_minutes_per_session,
            self.supervision_minutes_per_month,
        ):
            spin.setSingleStep(5)

        self._build_layout()
        self._connect()
        self._sync_enabled()
        self._update_preview()

    # -- layout ----------------------------------------------------------
    def _row(self, form: QFormLayout, text: str, field: str, *widgets: QWidget) -> None:
        stretch = len(widgets) > 1 or isinstance(widgets[0], QSpinBox | QComboBox)
        form.addRow(text, field_box(self.errors, field, *widgets, stretch=stretch))

    def _group(self, title: str) -> tuple[QGroupBox, QFormLayout]:
        group = QGroupBox(title)
        form = QFormLayout(group)
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        return group, form

    def _build_layout(self) -> None:
        about, form = self._group("About")
        self._row(form, "&Name:", "name", self.name)
        self._row(form, "S&ummary:", "summary", self.summary)
        self._row(form, "How it works:", "description", self.description)
        form.addRow("", self.merge_fields)

        sessions, form = self._group("Length and sessions")
        self._row(form, "&Length:", "length_value", self.length_value, self.length_unit)
        self.errors.add("length_unit", self.length_unit)
        self._row(form, "Sessi&on length:", "session_minutes", self.session_minutes)
        self._row(form, "Session &plan:", "periods", self.periods_table)
        form.addRow("", self.plan_preview)

        support, form = self._group("Support and inclusions")
        self._row(form, "Support &calls:", "support_mode", self.support_mode)
        self._row(
            form,
            "Calls:",
            "support_call_count",
            self.support_call_count,
            self.support_call_minutes,
        )
        self.errors.add("support_call_minutes", self.support_call_minutes)
        self._row(form, "Estimate:", "support_minutes_estimate", self.support_minutes_estimate)
        self._row(form, "&Included:", "inclusions", self.inclusions_table)

        price, form = self._group("Price and payment")
        self._row(form, "P&rice:", "price", self.price, self.currency_edit)
        self.errors.add("currency", self.currency_edit)
        self._row(
            form, "Pay-in-full &discount:", "full_payment_discount", self.full_payment_discount
        )
        self._row(
            form,
            "Instalmen&ts:",
            "instalment_count",
            self.instalment_count,
            self.instalment_interval,
        )
        self.errors.add("instalment_interval", self.instalment_interval)
        self.minimum_term_unit = QLabel("months")
        self._row(form, "&Minimum term:", "minimum_term", self.minimum_term, self.minimum_term_unit)

        unseen, form = self._group("Unseen time (your estimate)")
        self._row(
            form, "Prep per session:", "prep_minutes_per_session", self.prep_minutes_per_session
        )
        self._row(
            form,
            "&Write-up per session:",
            "writeup_minutes_per_session",
            self.writeup_minutes_per_session,
        )
        self._row(
            form,
            "Super&vision per month:",
            "supervision_minutes_per_month",
            self.supervision_minutes_per_month,
        )

        layout = QVBoxLayout(self)
        for group in (about, sessions, support, price, unseen):
            layout.addWidget(group)
        layout.addStretch(1)

    def _connect(self) -> None:
        self._length = self.length_value.value()
        self.length_value.valueChanged.connect(self._length_changed)
        for line in (
            self.name,
            self.summary,
            self.price,
            self.currency_edit,
            self.full_payment_discount,
        ):
            line.textEdited.connect(self.edited)
        self.description.textChanged.connect(self.edited)
        for spin in (
            self.length_value,
            self.session_minutes,
            self.support_call_count,
            self.support_call_minutes,
            self.support_minutes_estimate,
            self.instalment_count,
            self.minimum_term,
            self.prep_minutes_per_session,
            self.writeup_minutes_per_session,
            self.supervision_minutes_per_month,
        ):
            spin.valueChanged.connect(self.edited)
        for combo in (self.length_unit, self.support_mode, self.instalment_interval):
            combo.currentIndexChanged.connect(self.edited)
        for model in (self.periods, self.inclusions):
            model.dataChanged.connect(self.edited)
            model.rowsInserted.connect(self.edited)
            model.rowsRemoved.connect(self.edited)
            model.modelReset.connect(self.edited)
        self.edited.connect(self._sync_enabled)
        self.edited.connect(self._update_preview)

    def _length_changed(self, length: int) -> None:
        """Keep the session plan's last line reaching the end of the programme, when it did."""
        rows = self.periods.rows()
        if not self.signalsBlocked() and rows and rows[-1].last_period == self._length:
            last = rows[-1]
            if length >= last.first_period:
                last.last_period = length
                self.periods.setData(self.periods.index(len(rows) - 1, 1), length)
        self._length = length

    def _unit_word(self) -> str:
        return "week" if self.length_unit.currentData() == LengthUnit.WEEKS.value else "month"

    def _sync_enabled(self) -> None:
        mode = SupportMode(self.support_mode.currentData())
        self.support_call_count.setEnabled(mode == SupportMode.COUNT)
        self.support_call_minutes.setEnabled(mode != SupportMode.NONE)
        self.support_minutes_estimate.setEnabled(mode == SupportMode.AS_NEEDED)
        self.instalment_interval.setEnabled(self.instalment_count.value() > 1)
        word = self._unit_word()
        self.periods.set_unit_word(word.capitalize())
        self.minimum_term_unit.setText(f"{word}s")

    def _update_preview(self) -> None:
        self.plan_preview.setText(describe_plan(self.periods.rows(), self._unit_word()))

    # -- values in and out -----------------------------------------------
    def _amount_text(self, amount: int, currency: str) -> str:
        return amount_text(amount, currency, self.practice_locale)

    def load(self, programme: Programme | None, *, currency: str) -> None:
        """Show ``programme``'s terms, or a fresh form with sensible starting values."""
        self.errors.clear()
        self.blockSignals(True)
        try:
            if programme is None:
                self._load_new(currency)
            else:
                self._load_programme(programme)
        finally:
            self.blockSignals(False)
        self._length = self.length_value.value()
        self._sync_enabled()
        self._update_preview()

    def _load_new(self, currency: str) -> None:
        self.name.clear()
        self.summary.clear()
        self.description.setPlainText("")
        self.length_value.setValue(3)
        self.length_unit.setCurrentIndex(0)
        self.session_minutes.setValue(60)
        self.periods.set_rows([PeriodRow(1, 3, 2)])
        self.support_mode.setCurrentIndex(0)
        self.support_call_count.setValue(0)
        self.support_call_minutes.setValue(15)
        self.support_minutes_estimate.setValue(0)
        self.inclusions.set_rows([])
        self.price.clear()
        self.currency_edit.setText(currency)
        self.full_payment_discount.clear()
        self.instalment_count.setValue(1)
        self.instalment_interval.setCurrentIndex(2)
        self.minimum_term.setValue(0)
        self.prep_minutes_per_session.setValue(15)
        self.writeup_minutes_per_session.setValue(20)
        self.supervision_minutes_per_month.setValue(60)

    def _load_programme(self, p: Programme) -> None:
        self.name.setText(p.name)
        self.summary.setText(p.summary)
        self.description.setPlainText(p.description)
        self.length_value.setValue(p.length_value)
        self.length_unit.setCurrentIndex(self.length_unit.findData(p.length_unit.value))
        self.session_minutes.setValue(p.session_minutes)
        self.periods.set_rows(
            [PeriodRow(r.first_period, r.last_period, r.sessions_per_period) for r in p.periods]
        )
        self.support_mode.setCurrentIndex(self.support_mode.findData(p.support_mode.value))
        self.support_call_count.setValue(p.support_call_count)
        self.support_call_minutes.setValue(p.support_call_minutes)
        self.support_minutes_estimate.setValue(p.support_minutes_estimate)
        self.inclusions.set_rows([InclusionRow(i.kind, i.description) for i in p.inclusions])
        self.price.setText(self._amount_text(p.price, p.currency))
        self.currency_edit.setText(p.currency)
        self.full_payment_discount.setText(self._amount_text(p.full_payment_discount, p.currency))
        self.instalment_count.setValue(p.instalment_count)
        self.instalment_interval.setCurrentIndex(
            self.instalment_interval.findData(p.instalment_interval.value)
        )
        self.minimum_term.setValue(p.minimum_term)
        self.prep_minutes_per_session.setValue(p.prep_minutes_per_session)
        self.writeup_minutes_per_session.setValue(p.writeup_minutes_per_session)
        self.supervision_minutes_per_month.setValue(p.supervision_minutes_per_month)
        for line in (self.name, self.summary, self.price, self.full_payment_discount):
            line.setCursorPosition(0)

    def typed_currency(self) -> str:
        return validate_currency(self.currency_edit.text())

    def values(self) -> dict[str, Any]:
        """The form as ``create_programme`` keyword arguments (raises ValidationError)."""
        return service_values(self)

    def live_inputs(self) -> tuple[dict[str, Any], bool]:
        """What the form holds now, for ``economics.planned.live``, and whether the price
        could be read."""
        return live_values(self)
