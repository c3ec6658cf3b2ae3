"""The strip of key figures over the reports: seen and unseen time, money received, the
effective hourly rate, active clients and follow-through for the period."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QFrame, QHBoxLayout, QLabel, QVBoxLayout, QWidget

from practice.economics import glossary
from practice.economics.reports import PracticeReport
from ui import format as fmt
from ui.widgets.page_header import heading_font


class FigureCard(QFrame):
    """One key figure: a caption over a large value (the tooltip says how it is counted)."""

    def __init__(self, caption: str, name: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setFrameShape(QFrame.Shape.StyledPanel)
        self.caption = QLabel(caption)
        self.caption.setEnabled(False)
        self.value = QLabel("—")
        self.value.setObjectName(name)
        self.value.setFont(heading_font(self.value.font(), 1.45))
        self.value.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(12, 8, 12, 8)
        layout.setSpacing(2)
        layout.addWidget(self.caption)
        layout.addWidget(self.value)

    def set(self, text: str, tip: str = "") -> None:
        self.value.setText(text)
        self.setToolTip(tip)

    def explain(self, key: str) -> None:
        """Show the glossary's meaning of the figure (What does this mean?) on its caption."""
        self.caption.setToolTip(glossary.meaning(key))


class KeyFigures(QWidget):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.cards = {
            "seen": FigureCard("Seen time", "figure_seen"),
            "unseen": FigureCard("Unseen time", "figure_unseen"),
            "income": FigureCard("Earned", "figure_income"),
            "rate": FigureCard("Effective hourly rate", "figure_rate"),
            "clients": FigureCard("Active clients", "figure_clients"),
            "follow": FigureCard("Follow-through", "figure_follow"),
        }
        for name, key in (
            ("income", "earned_income"),
            ("rate", "effective_hourly_rate"),
            ("clients", "active_clients"),
            ("follow", "follow_through"),
        ):
            self.cards[name].explain(key)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(10)
        for card in self.cards.values():
            layout.addWidget(card, 1)

    def text(self, key: str) -> str:
        return self.cards[key].value.text()

    def set_report(self, report: PracticeReport, locale: str) -> None:
        f = report.figures
        currency = report.currency
        self.cards["seen"].set(
            fmt.duration(f.contact_minutes),
            f"{f.sessions} sessions and {f.support_calls} support calls attended; "
            f"{f.missed_sessions} missed",
        )
        self.cards["unseen"].set(fmt.duration(f.unseen_minutes), "Everything in the work log")
        self.cards["income"].set(
            fmt.money(f.earned_income, currency, locale),
            f"earned; {fmt.money(f.income_received, currency, locale)} received less refunds",
        )
        self.cards["rate"].set(
            fmt.rate(f.effective_hourly_rate, currency, locale),
            "Earned ÷ all hours, seen and unseen",
        )
        self.cards["clients"].set(str(f.active_clients), "Clients with an enrolment that ran")
        follow = report.follow_through.total.follow_through
        self.cards["follow"].set(
            "—" if follow is None else f"{follow.percent}%",
            "Action items reviewed in the period: done counts 1, partly done ½",
        )
