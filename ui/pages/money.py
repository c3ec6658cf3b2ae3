"""Money: instalments due, overdue and paid; record payments and refunds; receipts.

The state of each instalment (paid, part-paid, due, overdue) and what is left on it come
from :func:`practice.economics.instalment_rows`, and the totals above the list from
:func:`practice.economics.instalment_totals_of` over the same rows; this page only shows
them.
"""

from __future__ import annotations

from datetime import timedelta

from PySide6.QtCore import Qt
from PySide6.QtGui import QFont
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QFrame,
    QGridLayout,
    QGroupBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QMessageBox,
    QPushButton,
    QSplitter,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from practice.economics import (
    InstalmentAttention,
    InstalmentState,
    InstalmentTotals,
    instalment_rows,
    instalment_totals_of,
)
from practice.money import format_money
from practice.services import payments as payment_service
from practice.services import profile as profile_service
from practice.services.payments import PaymentRow
from practice.timeutil import today
from ui import format as fmt
from ui.context import AppContext
from ui.dialogs.payment import PaymentDialog
from ui.documents.actions import show_receipt, show_statement
from ui.errors import guarded
from ui.models.money import InstalmentModel, PaymentModel
from ui.transfer.csv_button import CsvExportButton
from ui.widgets.client_combo import ClientCombo
from ui.widgets.page_header import page_title

#: The status filter: a label and the instalment states it shows (None: all).
STATUS_FILTERS: tuple[tuple[str, tuple[InstalmentState, ...] | None], ...] = (
    ("To be paid", (InstalmentState.OVERDUE, InstalmentState.PART_PAID, InstalmentState.DUE)),
    ("Overdue", (InstalmentState.OVERDUE,)),
    ("Due, not yet overdue", (InstalmentState.DUE, InstalmentState.PART_PAID)),
    ("Paid", (InstalmentState.PAID,)),
    ("All instalments", None),
)


#: The totals above the list: the figure's key, its caption.
TOTALS: tuple[tuple[str, str], ...] = (
    ("overdue", "Overdue"),
    ("due_7_days", "Due in the next 7 days"),
    ("due_30_days", "Due in the next 30 days"),
    ("paid", "Paid"),
)


class TotalsStrip(QFrame):
    """Overdue, due in 7 and 30 days and paid, for the instalments listed below it.

    One line per currency in each figure (currencies are never added together).
    """

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("moneyTotals")
        self.setFrameShape(QFrame.Shape.StyledPanel)
        grid = QGridLayout(self)
        grid.setContentsMargins(12, 8, 12, 8)
        grid.setHorizontalSpacing(24)
        grid.setVerticalSpacing(2)
        self.figures: dict[str, QLabel] = {}
        for column, (key, caption) in enumerate(TOTALS):
            name = QLabel(caption)
            name.setEnabled(False)  # the palette's muted text, in light and dark alike
            value = QLabel()
            value.setObjectName(f"total_{key}")
            value.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
            big = QFont(value.font())
            big.setPointSizeF(big.pointSizeF() * 1.3)
            big.setBold(True)
            value.setFont(big)
            value.setAccessibleName(caption)
            grid.addWidget(name, 0, column)
            grid.addWidget(value, 1, column, Qt.AlignmentFlag.AlignTop)
            grid.setColumnStretch(column, 1)
            self.figures[key] = value

    def show_totals(self, totals: tuple[InstalmentTotals, ...], currency: str, locale: str) -> None:
        """Show ``totals``; with none, zero in the practice ``currency``."""
        shown = totals or (InstalmentTotals(currency, 0, 0, 0, 0),)
        for key, label in self.figures.items():
            label.setText(
                "\n".join(format_money(getattr(t, key), t.currency, locale) for t in shown)
            )

    def text_of(self, key: str) -> str:
        return self.figures[key].text()


def _table(name: str) -> QTableView:
    view = QTableView()
    view.setObjectName(name)
    view.verticalHeader().hide()
    view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    view.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
    view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
    view.setAlternatingRowColors(True)
    view.setWordWrap(False)
    header = view.horizontalHeader()
    header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
    return view


class MoneyPage(QWidget):
    key = "money"
    title = "Money"

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.practice_locale = fmt.DEFAULT_LOCALE

        self.status = QComboBox()
        for text, _states in STATUS_FILTERS:
            self.status.addItem(text)
        self.client_filter = ClientCombo(ctx.db, placeholder="All clients")
        self.status.currentIndexChanged.connect(self.refresh)
        self.client_filter.client_changed.connect(lambda _: self.refresh())
        self.counts = QLabel()
        self.counts.setObjectName("moneyCounts")
        self.totals = TotalsStrip()

        self.instalments = InstalmentModel()
        self.instalment_view = _table("instalments")
        self.instalment_view.setModel(self.instalments)
        self.instalment_view.horizontalHeader().setSectionResizeMode(
            2, QHeaderView.ResizeMode.Stretch
        )
        # Double-click or Enter.
        self.instalment_view.activated.connect(lambda _: self.record_payment())
        self.no_instalments = QLabel()
        self.no_instalments.setAlignment(Qt.AlignmentFlag.AlignCenter)

        self.payments = PaymentModel()
        self.payment_view = _table("payments")
        self.payment_view.setModel(self.payments)
        self.payment_view.horizontalHeader().setStretchLastSection(True)
        self.payment_view.activated.connect(lambda _: self.show_receipt())
        self.no_payments = QLabel("No payments recorded yet.")
        self.no_payments.setAlignment(Qt.AlignmentFlag.AlignCenter)

        self.pay_button = QPushButton("Record &payment…")
        self.refund_button = QPushButton("Record refu&nd…")
        self.receipt_button = QPushButton("&Receipt…")
        self.statement_button = QPushButton("S&tatement…")
        self.pay_button.clicked.connect(self.record_payment)
        self.refund_button.clicked.connect(self.record_refund)
        self.receipt_button.clicked.connect(self.show_receipt)
        self.statement_button.clicked.connect(self.show_statement)
        self.instalment_view.selectionModel().selectionChanged.connect(self._sync_buttons)
        self.payment_view.selectionModel().selectionChanged.connect(self._sync_buttons)

        self._build_layout()
        self._sync_buttons()

    def _build_layout(self) -> None:
        filters = QHBoxLayout()
        show = QLabel("&Show:")
        show.setBuddy(self.status)
        filters.addWidget(show)
        filters.addWidget(self.status)
        filters.addWidget(self.client_filter)
        filters.addWidget(self.counts, 1)
        filters.addWidget(CsvExportButton(self.ctx, ["instalments", "payments"], self))

        due_box = QGroupBox("Instalments")
        due_layout = QVBoxLayout(due_box)
        due_layout.addLayout(filters)
        due_layout.addWidget(self.totals)
        due_layout.addWidget(self.instalment_view, 1)
        due_layout.addWidget(self.no_instalments, 1)
        due_buttons = QHBoxLayout()
        due_buttons.addStretch(1)
        due_buttons.addWidget(self.statement_button)
        due_buttons.addWidget(self.pay_button)
        due_layout.addLayout(due_buttons)

        paid_box = self.paid_box = QGroupBox("Payments and refunds")
        paid_layout = QVBoxLayout(paid_box)
        paid_layout.addWidget(self.payment_view, 1)
        paid_layout.addWidget(self.no_payments, 1)
        paid_buttons = QHBoxLayout()
        paid_buttons.addStretch(1)
        paid_buttons.addWidget(self.refund_button)
        paid_buttons.addWidget(self.receipt_button)
        paid_layout.addLayout(paid_buttons)

        splitter = QSplitter(Qt.Orientation.Vertical)
        splitter.addWidget(due_box)
        splitter.addWidget(paid_box)
        splitter.setStretchFactor(0, 3)
        splitter.setStretchFactor(1, 2)
        splitter.setChildrenCollapsible(False)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(24, 18, 24, 18)
        layout.addWidget(
            page_title(
                "Money",
                "Instalments to be paid and payments received.",
            )
        )
        layout.addWidget(splitter, 1)

    # -- the page contract -----------------------------------------------
    @guarded
    def refresh(self) -> None:
        profile = profile_service.get_profile(self.ctx.db)
        self.practice_locale = profile.locale
        self.instalments.locale = self.payments.locale = self.practice_locale
        if not self.client_filter.hasFocus():
            self.client_filter.reload()
        client_id = self.client_filter.client_id()
        kept = self.selected_instalment()
        states = STATUS_FILTERS[self.status.currentIndex()][1]
        day = today()
        rows = instalment_rows(self.ctx.db, today=day, states=states, client_id=client_id)
        self.instalments.set_rows(rows)
        self._show_counts(rows)
        self.totals.show_totals(
            instalment_totals_of(rows, today=day), profile.currency, self.practice_locale
        )
        self.instalment_view.setVisible(bool(rows))
        self.no_instalments.setVisible(not rows)
        self.no_instalments.setText(
            "Nothing to show: no instalments match." if states else "No instalments yet."
        )
        if kept is not None:
            row = self.instalments.row_of(kept.instalment_id)
            if row >= 0:
                self.instalment_view.selectRow(row)

        # Everything for one client; otherwise the last twelve months, to keep it short.
        since = None if client_id is not None else today() - timedelta(days=365)
        self.paid_box.setTitle(
            "Payments and refunds" if since is None else "Payments and refunds, last 12 months"
        )
        payments = payment_service.list_payments(self.ctx.db, client_id=client_id, since=since)
        self.payments.set_rows(payments)
        self.payment_view.setVisible(bool(payments))
        self.no_payments.setVisible(not payments)
        self.payment_view.scrollToBottom()  # oldest first: the latest in view
        self._sync_buttons()

    def _show_counts(self, rows: list[InstalmentAttention]) -> None:
        overdue = sum(1 for r in rows if r.state is InstalmentState.OVERDUE)
        parts = [f"{len(rows)} instalment{'s' if len(rows) != 1 else ''}"]
        if overdue:
            parts.append(f"{overdue} overdue")
        self.counts.setText("  ·  ".join(parts))

    def open_item(self, payload: object) -> None:
        """``payload`` is a client id: show that client's instalments."""
        if isinstance(payload, int):
            self.client_filter.set_client_id(payload)
            self.status.setCurrentIndex(len(STATUS_FILTERS) - 1)
            self.refresh()

    def focus_search(self) -> None:
        self.client_filter.setFocus()

    # -- selection -------------------------------------------------------
    def selected_instalment(self) -> InstalmentAttention | None:
        rows = self.instalment_view.selectionModel().selectedRows()
        return self.instalments.row_at(rows[0].row()) if rows else None

    def selected_payment(self) -> PaymentRow | None:
        rows = self.payment_view.selectionModel().selectedRows()
        return self.payments.row_at(rows[0].row()) if rows else None

    def _sync_buttons(self) -> None:
        instalment = self.selected_instalment()
        payment = self.selected_payment()
        self.pay_button.setEnabled(instalment is not None and instalment.left > 0)
        self.statement_button.setEnabled(instalment is not None)
        self.receipt_button.setEnabled(payment is not None)
        self.refund_button.setEnabled(payment is not None or instalment is not None)

    # -- actions ---------------------------------------------------------
    def _who(self, client: str, programme: str, extra: str = "") -> str:
        return f"<b>{client}</b> — {programme}{extra}"

    @guarded
    def record_payment(self) -> None:
        row = self.selected_instalment()
        if row is None or row.left <= 0:
            return
        money = fmt.money(row.left, row.currency, self.practice_locale)
        dialog = PaymentDialog(
            self.ctx,
            self,
            enrolment_id=row.enrolment_id,
            currency=row.currency,
            who=self._who(
                row.client_name,
                row.programme_name,
                f"<br>Instalment {row.number}, due {fmt.day(row.due_date, self.practice_locale)}:"
                f" {money} left to pay",
            ),
            instalment_id=row.instalment_id,
            suggested=row.left,
        )
        if dialog.exec() and dialog.saved is not None:
            self.refresh()
            self._offer_receipt(dialog.saved.id)

    @guarded
    def record_refund(self) -> None:
        payment = self.selected_payment()
        instalment = self.selected_instalment()
        if payment is not None:
            enrolment_id, currency = payment.enrolment_id, payment.currency
            who = self._who(payment.client_name, payment.programme_name)
        elif instalment is not None:
            enrolment_id, currency = instalment.enrolment_id, instalment.currency
            who = self._who(instalment.client_name, instalment.programme_name)
        else:
            return
        dialog = PaymentDialog(
            self.ctx, self, enrolment_id=enrolment_id, currency=currency, who=who, refund=True
        )
        if dialog.exec() and dialog.saved is not None:
            self.refresh()

    def _offer_receipt(self, payment_id: int) -> None:
        answer = QMessageBox.question(
            self, "Receipt", "Payment recorded. Open a receipt to print or save?"
        )
        if answer == QMessageBox.StandardButton.Yes:
            self._receipt(payment_id)

    @guarded
    def show_receipt(self) -> None:
        payment = self.selected_payment()
        if payment is not None:
            self._receipt(payment.id)

    def _receipt(self, payment_id: int) -> None:
        show_receipt(self, self.ctx.db, payment_id)

    @guarded
    def show_statement(self) -> None:
        row = self.selected_instalment()
        if row is not None:
            show_statement(self, self.ctx.db, row.enrolment_id)
