"""Sessions: the week's agenda, planning and logging sessions, and their notes."""

from __future__ import annotations

from datetime import date, timedelta

from PySide6.QtCore import QModelIndex, Qt
from PySide6.QtGui import QAction
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QMenu,
    QMessageBox,
    QPushButton,
    QTableView,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from practice.db import Database
from practice.economics.report_period import PeriodKind, period_containing
from practice.errors import PracticeError
from practice.models import Attendance, Session, label
from practice.services import drafts
from practice.services import profile as profile_service
from practice.services import sessions as session_service
from practice.services.whose import whose
from practice.timeutil import local_midnight, to_local, today
from ui import format as fmt
from ui.context import AppContext
from ui.dialogs.plan_session import PlanSessionDialog
from ui.dialogs.session_log import SessionLogDialog
from ui.dialogs.session_note import SessionNoteDialog
from ui.dialogs.work_suggestions import offer_work_after_session
from ui.errors import guarded, show_refusal
from ui.models.sessions import SessionListModel
from ui.transfer.csv_button import CsvExportButton
from ui.widgets.client_combo import ClientCombo
from ui.widgets.page_header import page_title


def week_start(day: date) -> date:
    """The Monday of ``day``'s week (weeks as the reports count them)."""
    return period_containing(PeriodKind.WEEK, day).start


def drafted_sessions(db: Database) -> set[int]:
    """Sessions whose note has a kept draft (typed, not yet saved)."""
    ids = set()
    for key in drafts.list_draft_keys(db, "note:session:"):
        tail = key.rsplit(":", 1)[-1]
        if tail.isdigit():
            ids.add(int(tail))
    return ids


class SessionsPage(QWidget):
    key = "sessions"
    title = "Sessions"

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.monday = week_start(today())
        self.practice_locale = fmt.DEFAULT_LOCALE

        self.previous_button = QPushButton("◀ &Previous week")
        self.this_week_button = QPushButton("&This week")
        self.next_button = QPushButton("Next &week ▶")
        self.week_label = QLabel()
        self.week_label.setObjectName("weekLabel")
        font = self.week_label.font()
        font.setPointSizeF(font.pointSizeF() * 1.2)
        font.setBold(True)
        self.week_label.setFont(font)
        self.client_filter = ClientCombo(ctx.db, placeholder="All clients")
        self.clear_filter = QToolButton()
        self.clear_filter.setText("All clients")
        self.previous_button.clicked.connect(
            lambda: self.show_week(self.monday - timedelta(days=7))
        )
        self.next_button.clicked.connect(lambda: self.show_week(self.monday + timedelta(days=7)))
        self.this_week_button.clicked.connect(lambda: self.show_week(week_start(today())))
        self.client_filter.client_changed.connect(lambda _: self.refresh())
        self.clear_filter.clicked.connect(self._clear_filter)
        self.all_dates = QCheckBox("All &dates")
        self.all_dates.setToolTip("Every session with the chosen client, not just this week")
        self.all_dates.setEnabled(False)
        self.all_dates.toggled.connect(lambda _: self.refresh())

        self.model = SessionListModel()
        self.view = QTableView()
        self.view.setObjectName("sessionAgenda")
        self.view.setModel(self.model)
        self.view.verticalHeader().hide()
        self.view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.view.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.view.setWordWrap(False)
        header = self.view.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(2, QHeaderView.ResizeMode.Stretch)
        # Double-click or Enter.
        self.view.activated.connect(self._double_clicked)
        self.empty = QLabel()
        self.empty.setObjectName("emptyWeek")
        self.empty.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.empty.setWordWrap(True)

        self.plan_button = QPushButton("Pla&n session…")
        self.log_button = QPushButton("&Log session…")
        self.open_button = QPushButton("&Open…")
        self.delete_button = QPushButton("Delete…")
        self.delete_button.clicked.connect(self.delete_selected)
        self.attendance_button = QPushButton("&Attendance")
        self.attendance_menu = QMenu(self)
        for attendance in Attendance:
            action = QAction(label(attendance), self.attendance_menu)
            action.triggered.connect(lambda _=False, a=attendance: self.set_attendance(a))
            self.attendance_menu.addAction(action)
        self.attendance_button.setMenu(self.attendance_menu)
        self.plan_button.clicked.connect(self.plan_session)
        self.log_button.clicked.connect(self.new_item)
        # a log holds the note and the action items: admin staff on a server plan only
        self.log_button.setVisible(ctx.db.reads_clinical)
        self.open_button.clicked.connect(self.open_selected)
        self.view.selectionModel().selectionChanged.connect(self._sync_buttons)

        self._build_layout()
        self._sync_buttons()

    def _build_layout(self) -> None:
        week = QHBoxLayout()
        week.addWidget(self.previous_button)
        week.addWidget(self.this_week_button)
        week.addWidget(self.next_button)
        week.addSpacing(12)
        week.addWidget(self.week_label, 1)
        week.addWidget(QLabel("&Client:"))
        week.itemAt(week.count() - 1).widget().setBuddy(self.client_filter)  # type: ignore[union-attr]
        week.addWidget(self.client_filter)
        week.addWidget(self.clear_filter)
        week.addWidget(self.all_dates)
        actions = QHBoxLayout()
        actions.addWidget(self.log_button)
        actions.addWidget(self.plan_button)
        actions.addWidget(CsvExportButton(self.ctx, ["sessions"], self))
        actions.addStretch(1)
        actions.addWidget(self.delete_button)
        actions.addWidget(self.attendance_button)
        actions.addWidget(self.open_button)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(24, 18, 24, 18)
        layout.addWidget(
            page_title(
                "Sessions",
                "Planned and past sessions, week by week. Log how a session went, with notes and action items.",
            )
        )
        layout.addLayout(week)
        layout.addWidget(self.view, 1)
        layout.addWidget(self.empty, 1)
        layout.addLayout(actions)

    # -- the page contract -----------------------------------------------
    @guarded
    def refresh(self) -> None:
        self.practice_locale = self.model.locale = profile_service.get_profile(self.ctx.db).locale
        if not self.client_filter.hasFocus():
            self.client_filter.reload()
        selected = self.selected_session()
        client_id = self.client_filter.client_id()
        self.all_dates.setEnabled(client_id is not None)
        whole_history = client_id is not None and self.all_dates.isChecked()
        for button in (self.previous_button, self.next_button):
            button.setEnabled(not whole_history)
        if whole_history:
            sessions = session_service.list_sessions(self.ctx.db, client_id=client_id)
            self.week_label.setText(f"All sessions with {self.client_filter.currentText()}")
            self.this_week_button.setEnabled(True)
        else:
            sessions = session_service.list_sessions(
                self.ctx.db,
                client_id=client_id,
                start=local_midnight(self.monday),
                end=local_midnight(self.monday + timedelta(days=7)),
            )
            sunday = self.monday + timedelta(days=6)
            self.week_label.setText(
                f"{fmt.day(self.monday, self.practice_locale)}"
                f" – {fmt.day(sunday, self.practice_locale)}"
            )
            self.this_week_button.setEnabled(self.monday != week_start(today()))
        self.model.with_year = whole_history
        # notes being typed are the practitioners' (admin staff on a server read none)
        self.model.drafted = drafted_sessions(self.ctx.db) if self.ctx.db.reads_clinical else set()
        self.model.set_rows(sessions)
        if not sessions:
            who = "" if client_id is None else " with this client"
            when = "yet" if whole_history else "this week"
            self.empty.setText(
                f"No sessions{who} {when}.\nLog a session that has happened, or plan one ahead."
            )
        self.view.setVisible(bool(sessions))
        self.empty.setVisible(not sessions)
        if selected is not None:
            self._select(selected.id)
        self._sync_buttons()

    def open_item(self, payload: object) -> None:
        """``payload`` is a session id: show its week and select it."""
        if isinstance(payload, int):
            session = session_service.get_session(self.ctx.db, payload)
            self.client_filter.set_client_id(None)
            self.show_week(week_start(to_local(session.starts_at).date()))
            self._select(session.id)

    def focus_search(self) -> None:
        self.client_filter.setFocus()

    def show_week(self, monday: date) -> None:
        self.monday = monday
        if self.all_dates.isChecked():
            self.all_dates.setChecked(False)  # refreshes
        else:
            self.refresh()

    def _clear_filter(self) -> None:
        self.client_filter.set_client_id(None)
        self.refresh()

    # -- selection -------------------------------------------------------
    def selected_session(self) -> Session | None:
        rows = self.view.selectionModel().selectedRows()
        return self.model.row_at(rows[0].row()) if rows else None

    def _select(self, session_id: int) -> None:
        row = self.model.row_of(session_id)
        if row >= 0:
            self.view.selectRow(row)

    def _sync_buttons(self) -> None:
        chosen = self.selected_session() is not None
        self.open_button.setEnabled(chosen)
        self.delete_button.setEnabled(chosen)
        self.attendance_button.setEnabled(chosen)

    def _double_clicked(self, index: QModelIndex) -> None:
        self.open_selected()

    # -- actions ---------------------------------------------------------
    @guarded
    def new_item(self) -> None:
        """Log a session that has happened (for the filtered client, if any)."""
        dialog = SessionLogDialog(self.ctx, self, client_id=self.client_filter.client_id())
        self._run_log_dialog(dialog)

    def _run_log_dialog(self, dialog: SessionLogDialog) -> None:
        if dialog.exec() and dialog.saved_session is not None:
            session = dialog.saved_session
            self.show_week(week_start(to_local(session.starts_at).date()))
            self._select(session.id)
            offer_work_after_session(self.ctx, session.id, self)

    @guarded
    def plan_session(self) -> None:
        dialog = PlanSessionDialog(self.ctx, self, client_id=self.client_filter.client_id())
        if dialog.exec() and dialog.saved_session is not None:
            session = dialog.saved_session
            self.show_week(week_start(to_local(session.starts_at).date()))
            self._select(session.id)

    @guarded
    def open_selected(self) -> None:
        session = self.selected_session()
        if session is None:
            return
        if not self.ctx.db.reads_clinical:  # admin staff on a server: no notes to open
            QMessageBox.information(self, "Session", whose(self.ctx.db, session.client_id))
            return
        if session.attendance is Attendance.PLANNED and (
            session.note is None or not session.note.body
        ):
            self._run_log_dialog(SessionLogDialog(self.ctx, self, planned=session))
            return
        SessionNoteDialog(self.ctx, session.id, self).exec()
        self.refresh()

    @guarded
    def set_attendance(self, attendance: Attendance) -> None:
        session = self.selected_session()
        if session is None:
            return
        try:
            session_service.record_attendance(
                self.ctx.db, session.id, attendance, expected_version=session.version
            )
        except PracticeError as error:
            show_refusal(self, error)
            return
        self.ctx.changed("sessions")
        self.refresh()
        if attendance in (Attendance.ATTENDED, Attendance.NO_SHOW, Attendance.CANCELLED_LATE):
            offer_work_after_session(self.ctx, session.id, self)

    @guarded
    def delete_selected(self) -> None:
        session = self.selected_session()
        if session is None:
            return
        answer = QMessageBox.question(
            self,
            "Delete session",
            f"Delete the {label(session.kind).lower()} with {session.client.display_name} on "
            f"{fmt.day_and_time(session.starts_at, self.practice_locale)}, with its note and "
            "the action items agreed in it? This cannot be undone.",
        )
        if answer != QMessageBox.StandardButton.Yes:
            return
        try:
            session_service.delete_session(self.ctx.db, session.id)
        except PracticeError as error:
            show_refusal(self, error)
            return
        self.ctx.changed("sessions")
        self.refresh()
