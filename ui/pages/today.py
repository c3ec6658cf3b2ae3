"""Today: the day's and week's sessions, what needs attention, this week's figures and
the running work timer. Every figure comes from the economics module."""

from __future__ import annotations

from datetime import date, datetime, timedelta

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from practice.economics import glossary
from practice.economics.attention import (
    action_items_due,
    instalments_due,
    overdue_instalments,
    quiet_clients,
)
from practice.economics.period import period_figures
from practice.economics.source import day_bounds
from practice.models import Attendance, Session
from practice.services.profile import get_profile
from practice.services.sessions import list_sessions
from practice.timeutil import today
from ui import format as fmt
from ui.context import AppContext
from ui.errors import guarded
from ui.models.today_attention import (
    ActionItemsDueModel,
    InstalmentsDueModel,
    QuietClientsModel,
)
from ui.models.today_sessions import TodaySessionsModel
from ui.widgets.list_section import ListSection
from ui.widgets.page_header import page_title
from ui.widgets.work_timer import WorkTimerBox

#: The glossary entry (What does this mean?) behind the week's figures.
WEEK_MEANINGS = {"income": "earned_income", "rate": "effective_hourly_rate"}

NO_SESSIONS_TODAY = "No sessions today."
#: How far ahead "the next session" is looked for when there is none today.
NEXT_SESSION_WITHIN_DAYS = 14


def week_of(day: date) -> tuple[date, date]:
    """Monday and Sunday of the week ``day`` falls in."""
    monday = day - timedelta(days=day.weekday())
    return monday, monday + timedelta(days=6)


class TodayPage(QWidget):
    key = "today"
    title = "Today"

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.loc = fmt.DEFAULT_LOCALE
        self.day = today()

        self.header = page_title("Today", " ")
        self.date_label = self.header.findChild(QLabel, "page_subtitle")

        self.today_model = TodaySessionsModel(self)
        self.today_sessions = ListSection(
            "Today's sessions", NO_SESSIONS_TODAY, self.today_model, stretch_column=2
        )
        self.coming_model = TodaySessionsModel(self, with_day=True)
        self.coming_sessions = ListSection(
            "Coming up this week",
            "No more sessions this week.",
            self.coming_model,
            stretch_column=2,
        )
        self.earlier_model = TodaySessionsModel(self, with_day=True)
        self.earlier_sessions = ListSection(
            "Earlier this week",
            "No sessions earlier this week.",
            self.earlier_model,
            stretch_column=2,
        )
        for section in (self.today_sessions, self.coming_sessions, self.earlier_sessions):
            section.activated.connect(self._open_session)
        self.actions_model = ActionItemsDueModel(self)
        self.actions_due = ListSection(
            "Action items due",
            "No action items due this week.",
            self.actions_model,
            stretch_column=1,
        )
        self.actions_due.activated.connect(self._open_client_of)
        self.instalments_model = InstalmentsDueModel(self)
        self.instalments = ListSection(
            "Instalments due and overdue",
            "No instalments due this week, and none overdue.",
            self.instalments_model,
            stretch_column=0,
        )
        self.instalments.activated.connect(self._open_client_of)
        self.quiet_model = QuietClientsModel(self)
        self.quiet = ListSection(
            "Quiet clients", "Every enrolled client has been seen recently.", self.quiet_model
        )
        self.quiet.activated.connect(self._open_client_of)

        self.week_box = QGroupBox("This week")
        self.week_box.setObjectName("week_figures")
        form = QFormLayout(self.week_box)
        form.setLabelAlignment(Qt.AlignmentFlag.AlignRight)
        self.figures: dict[str, QLabel] = {}
        for key, text in (
            ("seen", "Seen (with clients)"),
            ("unseen", "Unseen work"),
            ("total", "All time"),
            ("income", "Earned"),
            ("rate", "Effective hourly rate"),
        ):
            value = QLabel()
            value.setObjectName(f"week_{key}")
            self.figures[key] = value
            caption = QLabel(f"{text}:")
            if key in WEEK_MEANINGS:
                for widget in (caption, value):
                    widget.setToolTip(glossary.meaning(WEEK_MEANINGS[key]))
            form.addRow(caption, value)
        self.timer = WorkTimerBox(ctx)
        self.timer.changed.connect(self._load_week_figures)

        left = QVBoxLayout()
        left.setSpacing(18)
        left.addWidget(self.today_sessions)
        left.addWidget(self.coming_sessions)
        left.addWidget(self.actions_due)
        left.addWidget(self.earlier_sessions)
        left.addStretch(1)
        right = QVBoxLayout()
        right.setSpacing(18)
        right.addWidget(self.week_box)
        right.addWidget(self.timer)
        # admin staff on a practice server: the week's figures and the timer are the
        # practitioners' own work, which the server does not show them
        self.week_box.setVisible(ctx.db.reads_clinical)
        self.timer.setVisible(ctx.db.reads_clinical)
        self.actions_due.setVisible(ctx.db.reads_clinical)
        right.addWidget(self.instalments)
        right.addWidget(self.quiet)
        right.addStretch(1)
        columns = QHBoxLayout()
        columns.setSpacing(24)
        columns.addLayout(left, 3)
        columns.addLayout(right, 2)

        inner = QWidget()
        inner_layout = QVBoxLayout(inner)
        inner_layout.setContentsMargins(24, 18, 24, 18)
        inner_layout.addWidget(self.header)
        inner_layout.addLayout(columns, 1)
        scroll = QScrollArea()
        scroll.setWidgetResizable(True)
        scroll.setFrameShape(QScrollArea.Shape.NoFrame)
        scroll.setWidget(inner)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(scroll)

    @guarded
    def refresh(self) -> None:
        self.day = today()
        profile = get_profile(self.ctx.db)
        self.loc = profile.locale
        if self.date_label is not None:
            self.date_label.setText(fmt.long_day(self.day, self.loc))
        for model in (
            self.today_model,
            self.coming_model,
            self.earlier_model,
            self.actions_model,
            self.instalments_model,
            self.quiet_model,
        ):
            model.set_locale(self.loc)
        self._load_sessions()
        if self.ctx.db.reads_clinical:
            self._load_week_figures()
            self.timer.refresh()
        self._load_attention(profile.quiet_after_days)

    def _load_sessions(self) -> None:
        first, after = day_bounds(self.day, self.day)
        monday, sunday = week_of(self.day)
        week_start, week_end = day_bounds(monday, sunday)
        # the week read once (earliest first) and split at today's bounds, which it holds
        week = list_sessions(self.ctx.db, start=week_start, end=week_end)
        self.earlier_model.set_rows([x for x in week if x.starts_at < first])
        self.today_model.set_rows([x for x in week if first <= x.starts_at < after])
        self.coming_model.set_rows([x for x in week if x.starts_at >= after])
        count = self.today_model.rowCount()
        self.today_sessions.set_summary(f"{count} today" if count else "")
        if not count:
            self.today_sessions.empty.setText(self._no_sessions_today(after))

    def _no_sessions_today(self, tomorrow: datetime) -> str:
        """The empty-day line, naming the next planned session within a fortnight."""
        soon = list_sessions(
            self.ctx.db,
            start=tomorrow,
            end=tomorrow + timedelta(days=NEXT_SESSION_WITHIN_DAYS),
            attendance=Attendance.PLANNED,
        )
        if not soon:
            return NO_SESSIONS_TODAY
        nxt = soon[0]
        when = fmt.day_and_time(nxt.starts_at, self.loc)
        return f"{NO_SESSIONS_TODAY} The next is {when} with {nxt.client.display_name}."

    def _load_attention(self, quiet_after_days: int) -> None:
        db, day = self.ctx.db, self.day
        if db.reads_clinical:  # admin staff on a server never read action items
            self.actions_model.set_rows(action_items_due(db, today=day))
        overdue = overdue_instalments(db, today=day)
        self.instalments_model.set_rows(overdue + instalments_due(db, today=day))
        self.instalments.set_summary(f"{len(overdue)} overdue" if overdue else "")
        self.quiet_model.set_rows(quiet_clients(db, today=day, quiet_after_days=quiet_after_days))
        self.quiet.set_summary(f"no contact for {quiet_after_days}+ days")

    @guarded
    def _load_week_figures(self) -> None:
        monday, sunday = week_of(self.day)
        f = period_figures(self.ctx.db, monday, sunday, today=self.day)
        whose = f": {self.ctx.db.figures_of}" if self.ctx.db.figures_of else ""
        self.week_box.setTitle(
            f"This week ({fmt.day(monday, self.loc)} – {fmt.day(sunday, self.loc)}){whose}"
        )
        self.figures["seen"].setText(
            f"{fmt.duration(f.contact_minutes)} in {f.sessions} session"
            f"{'s' if f.sessions != 1 else ''}"
            + (
                f" and {f.support_calls} support call{'s' if f.support_calls != 1 else ''}"
                if f.support_calls
                else ""
            )
            + (f"; {f.missed_sessions or 'none'} missed" if f.sessions or f.missed_sessions else "")
        )
        self.figures["unseen"].setText(fmt.duration(f.unseen_minutes))
        self.figures["total"].setText(fmt.duration(f.total_minutes))
        self.figures["income"].setText(
            f"{fmt.money(f.earned_income, f.currency, self.loc)} earned; "
            f"{fmt.money(f.income_received, f.currency, self.loc)} received"
        )
        if f.effective_hourly_rate is None:
            rate = "— (no time recorded yet)"
        else:
            rate = fmt.rate(f.effective_hourly_rate, f.currency, self.loc)
        self.figures["rate"].setText(rate)

    def _open_session(self, session: object) -> None:
        if isinstance(session, Session):
            self.ctx.navigate.emit("sessions", session.id)

    def _open_client_of(self, row: object) -> None:
        client_id = getattr(row, "client_id", None)
        if isinstance(client_id, int):
            self.ctx.navigate.emit("clients", client_id)
