"""Enrolments: sessions used and remaining, paid and outstanding, from the economics module."""

from __future__ import annotations

from PySide6.QtCore import QItemSelection, Qt
from PySide6.QtWidgets import QFormLayout, QGroupBox, QHBoxLayout, QLabel, QPushButton, QWidget

from practice.economics import glossary
from practice.economics.enrolment import (
    EnrolmentFigures,
    EnrolmentRow,
    enrolment_figures,
    enrolment_rows,
)
from practice.models import EnrolmentStatus
from practice.services.price_reductions import LOWERABLE
from practice.services.whose import not_yours
from ui import format as fmt
from ui.context import AppContext
from ui.dialogs.price_reduction import PriceReductionDialog
from ui.errors import guarded
from ui.models.client_enrolments import ClientEnrolmentsModel
from ui.pages.client.base import ClientTab
from ui.widgets.list_section import ListSection

FIGURES = (
    ("sessions", "Sessions"),
    ("support", "Support calls"),
    ("contact", "Contact time"),
    ("unseen", "Unseen work"),
    ("rate", "Effective hourly rate"),
    ("price", "Price"),
    ("paid", "Paid"),
    ("outstanding", "Outstanding"),
    ("next", "Next instalment"),
    ("follow_through", "Action item follow-through"),
)


#: The glossary entry (What does this mean?) behind each figure shown.
MEANINGS = {
    "sessions": "sessions_used",
    "rate": "effective_hourly_rate",
    "paid": "income_received",
    "outstanding": "outstanding",
    "follow_through": "follow_through",
}


NO_ENROLMENTS = "No enrolments yet. Use “Enrol…” to start this client on a programme."


class EnrolmentsTab(ClientTab):
    title = "Enrolments"

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(ctx, parent)
        self.model = ClientEnrolmentsModel(self)
        self.section = ListSection("Programmes taken", NO_ENROLMENTS, self.model)
        self.section.table.selectionModel().selectionChanged.connect(self._on_selected)
        self.figures_box = QGroupBox("Selected enrolment")
        form = QFormLayout(self.figures_box)
        form.setLabelAlignment(Qt.AlignmentFlag.AlignRight)
        self.figures: dict[str, QLabel] = {}
        for key, text in FIGURES:
            value = QLabel()
            value.setObjectName(f"figure_{key}")
            self.figures[key] = value
            caption = QLabel(f"{text}:")
            if key in MEANINGS:
                for widget in (caption, value):
                    widget.setToolTip(glossary.meaning(MEANINGS[key]))
            form.addRow(caption, value)
        self.enrol_button = QPushButton("Enrol on a &programme…")
        self.enrol_button.clicked.connect(self._enrol)
        self.lower_button = QPushButton("Lo&wer the price…")
        self.lower_button.setToolTip(
            "A credit note: lower what the client pays for the selected enrolment, with why "
            "(no money moves; to give money back, record a refund)"
        )
        self.lower_button.clicked.connect(self.lower_price)
        buttons = QHBoxLayout()
        buttons.addStretch(1)
        buttons.addWidget(self.lower_button)
        buttons.addWidget(self.enrol_button)
        self.layout_.addWidget(self.section)
        self.layout_.addWidget(self.figures_box)
        self.layout_.addLayout(buttons)
        self.layout_.addStretch(1)

    def load(self, client_id: int) -> None:
        self.model.set_locale(self.loc)
        # a colleague's client, on a practice server: their enrolments are not shown here
        self.section.empty.setText(not_yours(self.ctx.db, client_id) or NO_ENROLMENTS)
        rows = enrolment_rows(self.ctx.db, client_id=client_id, today=self.today())
        self.model.set_rows(rows)
        if rows:
            self.section.table.selectRow(0)
        else:
            self.figures_box.hide()
        self._enable()

    def selected(self) -> EnrolmentRow | None:
        rows = self.section.table.selectionModel().selectedRows()
        return self.model.row_at(rows[0].row()) if rows else None

    @guarded
    def _on_selected(self, _selected: QItemSelection, _deselected: QItemSelection) -> None:
        row = self.selected()
        self._enable()
        if row is None:
            self.figures_box.hide()
            return
        self.show_figures(enrolment_figures(self.ctx.db, row.id, today=self.today()))
        self.figures_box.setTitle(row.programme_name)
        self.figures_box.show()

    def show_figures(self, f: EnrolmentFigures) -> None:
        loc, cur = self.loc, f.currency
        calls = (
            f"{f.support_calls_used} used (as needed)"
            if f.support_calls_included is None
            else f"{f.support_calls_used} of {f.support_calls_included} used"
        )
        nxt = f.next_instalment
        overdue = f" ({fmt.money(f.overdue, cur, loc)} overdue)" if f.overdue else ""
        texts = {
            "sessions": f"{fmt.sessions_used(f.sessions_used, f.sessions_planned, f.sessions_missed)}"
            f"; {f.sessions_remaining} remaining",
            "support": calls,
            "contact": f"{fmt.duration(f.contact_minutes)} "
            f"(planned {fmt.duration(f.plan.contact_minutes)})",
            "unseen": f"{fmt.duration(f.unseen_minutes)} "
            f"(planned {fmt.duration(f.plan.unseen_minutes)})",
            "rate": f"{fmt.rate(f.effective_hourly_rate, cur, loc)} "
            f"(planned {fmt.rate(f.planned_hourly_rate, cur, loc)}); "
            f"{fmt.money(f.earned, cur, loc)} earned so far",
            "price": (
                f"{fmt.money(f.agreed_price, cur, loc)} agreed"
                + (
                    f"; {fmt.money(f.price_reduced, cur, loc)} off by credit note, "
                    f"{fmt.money(f.price_due, cur, loc)} to pay"
                    if f.price_reduced
                    else ""
                )
            ),
            "paid": f"{fmt.money(f.paid, cur, loc)} of "
            f"{fmt.money(f.agreed_price - f.price_reduced, cur, loc)}",
            "outstanding": (
                "Nothing until the client agrees (a proposal)"
                if f.status == EnrolmentStatus.PROPOSED
                else fmt.money(f.outstanding, cur, loc) + overdue
            ),
            "next": (
                f"{fmt.money(nxt.left, cur, loc)} due {fmt.day(nxt.due_date, loc)}"
                if nxt is not None
                else "Nothing more due"
            ),
            "follow_through": (
                f"{f.follow_through.percent}% of {f.follow_through.whole} reviewed"
                if f.follow_through is not None
                else "No action items reviewed yet"
            ),
        }
        for key, text in texts.items():
            self.figures[key].setText(text)

    def _enable(self) -> None:
        row = self.selected()
        self.lower_button.setEnabled(row is not None and row.status in LOWERABLE)

    @guarded
    def lower_price(self) -> None:
        row = self.selected()
        if row is None:
            return
        if PriceReductionDialog(self.ctx, row, self).exec() and self.client_id is not None:
            self.show_client(self.client_id)

    def _enrol(self) -> None:
        if self.client_id is not None:
            self.ctx.navigate.emit("enrol", self.client_id)
