"""The programme editor's live economics: hours and the planned effective hourly rate.

Every figure comes from :func:`practice.economics.planned.live`; this panel only
formats what it returns.
"""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QFont
from PySide6.QtWidgets import QFormLayout, QFrame, QLabel, QVBoxLayout, QWidget

from practice.economics.planned import ProgrammePlan
from ui import format as fmt


class EconomicsPanel(QFrame):
    """Planned contact and unseen hours, the effective hourly rate and the price per month."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("economicsPanel")
        self.setFrameShape(QFrame.Shape.StyledPanel)
        self.practice_locale = fmt.DEFAULT_LOCALE

        title = QLabel("Planned economics")
        bold = QFont(title.font())
        bold.setBold(True)
        title.setFont(bold)

        self.rate = QLabel("—")
        self.rate.setObjectName("plannedRate")
        big = QFont(self.rate.font())
        big.setPointSizeF(big.pointSizeF() * 1.6)
        big.setBold(True)
        self.rate.setFont(big)
        self.rate_caption = QLabel(
            "effective hourly rate: the price over the client's time (contact, prep and"
            " write-up); supervision counts in the practice's rate"
        )
        self.rate_caption.setWordWrap(True)

        self.sessions = QLabel()
        self.contact = QLabel()
        self.unseen = QLabel()
        self.total = QLabel()
        self.supervision = QLabel()
        self.per_session = QLabel()
        self.per_month = QLabel()
        self.pay_in_full = QLabel()
        self.instalments = QLabel()
        self.explain = QLabel()
        self.explain.setWordWrap(True)

        figures = QFormLayout()
        figures.setLabelAlignment(Qt.AlignmentFlag.AlignLeft)
        for text, widget in (
            ("Sessions", self.sessions),
            ("Contact time", self.contact),
            ("Unseen time", self.unseen),
            ("Client's time", self.total),
            ("Supervision", self.supervision),
            ("Per session", self.per_session),
            ("Price per month", self.per_month),
            ("Paid in full", self.pay_in_full),
            ("Instalments", self.instalments),
        ):
            widget.setAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
            widget.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
            figures.addRow(text, widget)

        layout = QVBoxLayout(self)
        layout.addWidget(title)
        layout.addWidget(self.rate)
        layout.addWidget(self.rate_caption)
        layout.addSpacing(6)
        layout.addLayout(figures)
        layout.addSpacing(6)
        layout.addWidget(self.explain)
        layout.addStretch(1)

    def show_plan(self, plan: ProgrammePlan, *, price_known: bool = True) -> None:
        """Show ``plan``; without a valid price, money figures show a dash."""
        currency = plan.currency

        def money(amount: int | None) -> str:
            return fmt.money(amount if price_known else None, currency, self.practice_locale)

        self.rate.setText(
            fmt.rate(
                plan.effective_hourly_rate if price_known else None, currency, self.practice_locale
            )
        )
        self.sessions.setText(str(plan.sessions))
        self.contact.setText(fmt.duration(plan.contact_minutes))
        self.unseen.setText(fmt.duration(plan.unseen_minutes))
        self.total.setText(fmt.duration(plan.total_minutes))
        self.supervision.setText(fmt.duration(plan.supervision_minutes))
        self.per_session.setText(money(plan.per_session_rate))
        self.per_month.setText(money(plan.price_per_month))
        if plan.discount and price_known:
            self.pay_in_full.setText(
                f"{money(plan.pay_in_full_price)} "
                f"({fmt.rate(plan.pay_in_full_hourly_rate, currency, self.practice_locale)})"
            )
        else:
            self.pay_in_full.setText(money(plan.pay_in_full_price))
        amounts = plan.instalment_amounts
        if not price_known or not amounts:
            self.instalments.setText("—")
        elif len(set(amounts)) == 1:
            self.instalments.setText(f"{len(amounts)} × {money(amounts[0])}")
        else:
            self.instalments.setText(
                f"{money(amounts[0])}, then {len(amounts) - 1} × {money(amounts[-1])}"
            )
        self.explain.setText(
            f"Contact: {fmt.duration(plan.session_contact_minutes)} in sessions"
            f" + {fmt.duration(plan.support_minutes)} support. "
            f"Unseen: {fmt.duration(plan.prep_writeup_minutes)} prep and write-up. "
            f"With supervision, {fmt.duration(plan.time_with_supervision_minutes)} in all."
        )
