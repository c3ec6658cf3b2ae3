"""Log a session: when, how, who came, the notes, and the action items.

Saving calls ``log_session`` (one transaction: the session, its note, the new action
items and the review of the client's open ones). A planned session is logged with
``log_planned_session``, equally all or nothing. The notes are kept as drafts while
typing (see :class:`DraftKeeper`).
"""

from __future__ import annotations

from datetime import datetime

from PySide6.QtCore import QDate, QDateTime, QEvent, QObject, QSize, Qt, QTime
from PySide6.QtGui import QKeyEvent, QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QComboBox,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QMessageBox,
    QPlainTextEdit,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from practice.errors import PracticeError, ValidationError
from practice.models import (
    Attendance,
    Session,
    SessionKind,
    SessionMode,
)
from practice.services import action_items as action_service
from practice.services import profile as profile_service
from practice.services import sessions as session_service
from practice.services.action_items import ActionReview, NewActionItem
from ui.context import AppContext
from ui.errors import guarded, show_refusal
from ui.models.sessions import REVIEW_CHOICES, ActionReviewModel, NewActionItemModel, NewItemRow
from ui.widgets.choices import NOT_IN_PROGRAMME, choice_combo, fill_active_enrolments
from ui.widgets.client_combo import ClientCombo
from ui.widgets.day_edit import DayEdit
from ui.widgets.dialog_buttons import save_cancel_buttons
from ui.widgets.draft_keeper import DraftKeeper, DraftsDialog, draft_key
from ui.widgets.editable_table import ChoiceDelegate
from ui.widgets.field_box import field_box
from ui.widgets.form_errors import FormErrors
from ui.widgets.local_time import aware_local, to_qdatetime
from ui.widgets.optional_date import CalendarOpensToday
from ui.widgets.review_keys import REVIEW_HINT, ReviewKeys
from ui.widgets.screen_fit import fit_to_screen
from ui.widgets.time_fields import minutes_spin, session_start_edit


class SessionLogDialog(DraftsDialog):
    """Log a new session for a client, or log a planned one (``planned``)."""

    def __init__(
        self,
        ctx: AppContext,
        parent: QWidget | None = None,
        *,
        client_id: int | None = None,
        planned: Session | None = None,
    ) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.planned = planned
        self.saved_session: Session | None = None
        self.errors = FormErrors()
        self.setWindowTitle("Log a session")
        profile = profile_service.get_profile(ctx.db)
        self.practice_locale = profile.locale

        self.client = ClientCombo(ctx.db)
        self.enrolment = QComboBox()
        self.starts_at = session_start_edit()
        self.duration = minutes_spin(minimum=5, maximum=600, value=profile.default_session_minutes)
        self.kind = choice_combo(SessionKind)
        self.mode = choice_combo(SessionMode)
        self.attendance = choice_combo(a for a in Attendance if a != Attendance.PLANNED)

        self.notes = QPlainTextEdit()
        self.notes.setPlaceholderText("What happened, what was explored, what was agreed…")
        self.notes.setTabChangesFocus(True)
        self.private_notes = QPlainTextEdit()
        self.private_notes.setPlaceholderText(
            "Private process notes (left out of a record export unless you choose to include them)"
        )
        self.private_notes.setTabChangesFocus(True)
        self.private_notes.setMaximumHeight(110)
        self.draft_notice = QLabel()
        self.draft_notice.setObjectName("draftNotice")
        self.draft_notice.setWordWrap(True)
        self.draft_notice.hide()
        self.note_draft = DraftKeeper(ctx.db, self.notes)
        self.private_draft = DraftKeeper(ctx.db, self.private_notes)

        self.reviews = ActionReviewModel()
        self.reviews.locale = self.practice_locale
        self.review_view = QTableView()
        self.review_view.setObjectName("reviewTable")
        self.review_view.setModel(self.reviews)
        self.review_view.setItemDelegateForColumn(
            ActionReviewModel.REVIEW_COLUMN, ChoiceDelegate(REVIEW_CHOICES, self.review_view)
        )
        self._table_look(self.review_view)
        # Long action items wrap: rows grow when the description column gets its width.
        self.review_view.horizontalHeader().sectionResized.connect(
            lambda *_: self.review_view.resizeRowsToContents()
        )
        self.review_view.setEditTriggers(QAbstractItemView.EditTrigger.AllEditTriggers)
        # One tab stop: the combos are for the mouse; by keyboard, ↑↓ choose the item and
        # a letter sets its review (see REVIEW_KEYS), so Tab never walks row by row.
        self.review_keys = ReviewKeys(self.review_view, self.reviews)
        self.review_hint = QLabel(REVIEW_HINT)
        self.review_hint.setObjectName("reviewHint")
        self.review_hint.setEnabled(False)
        self.no_open_items = QLabel("No open action items from earlier sessions.")

        self.new_items = NewActionItemModel()
        self.new_items.locale = self.practice_locale
        self.new_view = QTableView()
        self.new_view.setModel(self.new_items)
        self._table_look(self.new_view)
        self.new_description = QLineEdit()
        self.new_description.setPlaceholderText("Something the client agreed to do")
        # Enter adds the item and stays here for the next (it never saves the dialog)
        self.new_description.installEventFilter(self)
        self.new_due = DayEdit()
        self.new_due.setCalendarPopup(True)
        self.new_due.setDisplayFormat("d MMM yyyy")
        self.new_due.setSpecialValueText("no due date")
        self.new_due.setMinimumDate(QDate(2000, 1, 1))  # the minimum means "no due date"
        self._calendar_opens_today = CalendarOpensToday(self.new_due)
        self.add_item_button = QPushButton("A&dd")
        self.add_item_button.clicked.connect(self.add_new_item)
        self.remove_item_button = QPushButton("Remove")
        self.remove_item_button.clicked.connect(self._remove_new_item)

        self.buttons = save_cancel_buttons(self, self.save, "&Save session")
        self.buttons.setToolTip("Save the session (Ctrl+Enter, from any field)")
        for keys in ("Ctrl+Return", "Ctrl+Enter"):
            QShortcut(QKeySequence(keys), self).activated.connect(self.save)
        # A planned session of the client that day is offered first: logging fills it in
        # rather than making a second session beside it (and counting it twice).
        self.offered: Session | None = None
        self.use_planned = QCheckBox()
        self.use_planned.setObjectName("usePlanned")
        self.use_planned.hide()
        self.use_planned.toggled.connect(self._planned_toggled)

        self._build_layout()
        self.client.client_changed.connect(self._client_changed)
        self._session_minutes = profile.default_session_minutes
        self._call_minutes = profile.default_support_call_minutes
        self.kind.currentIndexChanged.connect(self._kind_changed)
        self._start_values(client_id)
        self.starts_at.dateChanged.connect(lambda _: self._offer_planned())
        fit_to_screen(self, QSize(1040, 700))  # whole on a 1024×768 screen

    # -- layout ----------------------------------------------------------
    @staticmethod
    def _table_look(view: QTableView) -> None:
        view.verticalHeader().hide()
        view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        view.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        view.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        view.horizontalHeader().setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        view.setTabKeyNavigation(False)
        view.setWordWrap(True)

    def _build_layout(self) -> None:
        when = QFormLayout()
        when.addRow("&Client:", field_box(self.errors, "client", self.client))
        when.addRow("&Programme:", field_box(self.errors, "enrolment", self.enrolment))
        when.addRow("&When:", field_box(self.errors, "starts_at", self.starts_at))
        when.addRow("&Length:", field_box(self.errors, "duration_minutes", self.duration))
        how = QFormLayout()
        how.addRow("&Kind:", field_box(self.errors, "kind", self.kind))
        how.addRow("&Mode:", field_box(self.errors, "mode", self.mode))
        how.addRow("&Attendance:", field_box(self.errors, "attendance", self.attendance))
        top = QHBoxLayout()
        top.addLayout(when, 3)
        top.addSpacing(24)
        top.addLayout(how, 2)

        notes_box = QGroupBox("Notes")
        notes_layout = QVBoxLayout(notes_box)
        notes_layout.addWidget(self.draft_notice)
        notes_layout.addWidget(field_box(self.errors, "notes", self.notes), 1)
        notes_layout.addWidget(QLabel("Private process notes:"))
        notes_layout.addWidget(field_box(self.errors, "private_notes", self.private_notes))

        items_box = QGroupBox("Action items")
        items_layout = QVBoxLayout(items_box)
        items_layout.addWidget(QLabel("Review of open items from earlier sessions:"))
        items_layout.addWidget(self.review_view, 2)
        items_layout.addWidget(self.review_hint)
        items_layout.addWidget(self.no_open_items)
        self.errors.add("reviews", self.review_view)
        items_layout.addWidget(QLabel("Agreed in this session:"))
        adder = QHBoxLayout()
        adder.addWidget(self.new_description, 1)
        adder.addWidget(QLabel("due"))
        adder.addWidget(self.new_due)
        adder.addWidget(self.add_item_button)
        items_layout.addLayout(adder)
        items_layout.addWidget(self.errors.add("description", self.new_description))
        items_layout.addWidget(self.errors.add("due_date", self.new_due))
        items_layout.addWidget(self.new_view, 1)
        remove_row = QHBoxLayout()
        remove_row.addStretch(1)
        remove_row.addWidget(self.remove_item_button)
        items_layout.addLayout(remove_row)

        middle = QHBoxLayout()
        middle.addWidget(notes_box, 1)
        middle.addWidget(items_box, 1)

        layout = QVBoxLayout(self)
        layout.addWidget(self.use_planned)
        layout.addLayout(top)
        layout.addLayout(middle, 1)
        layout.addWidget(self.buttons)

        # Tab in reading order: left to right, top to bottom; each table one stop
        order: list[QWidget] = [
            self.use_planned,
            self.client,
            self.enrolment,
            self.starts_at,
            self.duration,
            self.kind,
            self.mode,
            self.attendance,
            self.notes,
            self.private_notes,
            self.review_view,
            self.new_description,
            self.new_due,
            self.add_item_button,
            self.new_view,
            self.remove_item_button,
            *self.buttons.buttons(),
        ]
        for first, second in zip(order, order[1:], strict=False):
            QWidget.setTabOrder(first, second)

    # -- values ----------------------------------------------------------
    def _start_values(self, client_id: int | None) -> None:
        if self.planned is not None:
            s = self.planned
            self.setWindowTitle("Log a planned session")
            self.client.set_client_id(s.client_id)
            self.client.setEnabled(False)
            self.starts_at.setDateTime(to_qdatetime(s.starts_at))
            self.duration.setValue(s.duration_minutes)
            self.kind.setCurrentIndex(self.kind.findData(s.kind.value))
            self.mode.setCurrentIndex(self.mode.findData(s.mode.value))
            self._client_changed(s.client_id)
            if s.enrolment_id is not None:
                self.enrolment.setCurrentIndex(self.enrolment.findData(s.enrolment_id))
            return
        now = QDateTime.currentDateTime()
        on_the_hour = QTime(now.time().hour(), 0)
        self.starts_at.setDateTime(QDateTime(now.date(), on_the_hour))
        if client_id is not None:
            self.client.set_client_id(client_id)
        self._client_changed(self.client.client_id())
        # the client is known: start in the notes, where the work is
        (self.notes if client_id is not None else self.client).setFocus()

    @guarded
    def _client_changed(self, client_id: int | None) -> None:
        fill_active_enrolments(self.enrolment, self.ctx.db, client_id, none_text=NOT_IN_PROGRAMME)
        items = []
        if client_id is not None:
            before = self.planned.starts_at if self.planned is not None else None
            items = action_service.open_action_items(self.ctx.db, client_id, before=before)
        self.reviews.set_items(items)
        for row in range(self.reviews.rowCount()):
            self.review_view.openPersistentEditor(
                self.reviews.index(row, ActionReviewModel.REVIEW_COLUMN)
            )
        for combo in self.review_view.viewport().findChildren(QComboBox):
            combo.setFocusPolicy(Qt.FocusPolicy.ClickFocus)  # the table is the one tab stop
        if items:
            self.review_view.setCurrentIndex(self.reviews.index(0, 0))
        self.review_view.resizeRowsToContents()
        self.review_view.setVisible(bool(items))
        self.review_hint.setVisible(bool(items))
        self.no_open_items.setVisible(not items)
        self._offer_planned()
        session_id = self.planned.id if self.planned is not None else None
        key = draft_key(client_id, session_id)
        if key == self.note_draft.key:
            return
        restored = self.note_draft.move_to(key)
        restored |= self.private_draft.move_to(draft_key(client_id, session_id, private=True))
        if restored:
            self.draft_notice.setText("Restored the notes you were typing last time.")
        self.draft_notice.setVisible(restored)

    def _offer_planned(self) -> None:
        """Offer the client's planned session on the chosen day, if there is one."""
        client_id = self.client.client_id()
        found = None
        if self.planned is None and client_id is not None:
            day = self.starts_at.date()
            found = session_service.planned_session_on(
                self.ctx.db,
                client_id,
                aware_local(QDateTime(day, QTime(0, 0))),
                aware_local(QDateTime(day.addDays(1), QTime(0, 0))),
            )
        if found is None or self.offered is None or found.id != self.offered.id:
            self.offered = found
            if found is not None:
                when = to_qdatetime(found.starts_at).time().toString("HH:mm")
                self.use_planned.setText(
                    f"&Fill in the session planned for {when} that day (not a second "
                    "session beside it)"
                )
                self.use_planned.setChecked(False)  # toggled below fills the fields in
                self.use_planned.setChecked(True)
        self.use_planned.setVisible(self.offered is not None)

    def _planned_toggled(self, on: bool) -> None:
        if not on or self.offered is None:
            return
        s = self.offered
        self.starts_at.setDateTime(to_qdatetime(s.starts_at))
        self.duration.setValue(s.duration_minutes)
        self.kind.setCurrentIndex(self.kind.findData(s.kind.value))
        self.mode.setCurrentIndex(self.mode.findData(s.mode.value))
        if s.enrolment_id is not None:
            self.enrolment.setCurrentIndex(self.enrolment.findData(s.enrolment_id))

    def _planned_to_fill(self) -> Session | None:
        """The planned session this log fills in: the one opened, or the one offered."""
        if self.planned is not None:
            return self.planned
        if self.offered is not None and self.use_planned.isChecked():
            return self.offered
        return None

    def _kind_changed(self) -> None:
        """A support call is short: switch between the profile's default lengths while the
        length is still the other default (a length typed by hand is kept)."""
        call = self.kind.currentData() == SessionKind.SUPPORT_CALL.value
        old, new = (
            (self._session_minutes, self._call_minutes)
            if call
            else (self._call_minutes, self._session_minutes)
        )
        if self.duration.value() == old:
            self.duration.setValue(new)

    def _starts_at(self) -> datetime:
        return aware_local(self.starts_at.dateTime())

    @guarded
    def add_new_item(self) -> None:
        text = self.new_description.text().strip()
        if not text:
            self.new_description.setFocus()
            return
        due = self.new_due.date()
        due_date = None if due == self.new_due.minimumDate() else due.toPython()
        self.new_items.append(NewItemRow(text, due_date))  # type: ignore[arg-type]
        self.new_description.clear()
        self.new_due.setDate(self.new_due.minimumDate())
        self.new_description.setFocus()

    @guarded
    def _remove_new_item(self) -> None:
        index = self.new_view.currentIndex()
        if index.isValid():
            self.new_items.remove(index.row())

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if (
            watched is self.new_description
            and event.type() == QEvent.Type.KeyPress
            and isinstance(event, QKeyEvent)
            and event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter)
            and not event.modifiers() & Qt.KeyboardModifier.ControlModifier
        ):
            self.add_new_item()
            return True
        return super().eventFilter(watched, event)

    # -- saving ----------------------------------------------------------
    @guarded
    def save(self) -> None:
        self.errors.clear()
        client_id = self.client.client_id()
        if client_id is None:
            self.errors.show(ValidationError("client", "choose who the session was with."))
            return
        if self.new_description.text().strip():
            self.add_new_item()  # typed but not added: the practitioner meant it
        try:
            try:
                self.saved_session = self._save(client_id)
            except session_service.SameTimeError as same:
                if not self._second_on_purpose(same):
                    self.errors.show(same)
                    return
                self.saved_session = self._save(client_id, allow_same_time=True)
        except PracticeError as error:
            self.errors.refuse(error, lambda e: show_refusal(self, e))
            return
        self.note_draft.discard()
        self.private_draft.discard()
        self.ctx.changed("sessions")
        self.accept()

    def _second_on_purpose(self, same: session_service.SameTimeError) -> bool:
        answer = QMessageBox.question(
            self,
            "Log a second session?",
            f"This client already has a session starting at that time (no. "
            f"{same.existing_id}). Log a second one at the same time anyway?",
            QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No,
            QMessageBox.StandardButton.No,
        )
        return answer == QMessageBox.StandardButton.Yes

    def _save(self, client_id: int, *, allow_same_time: bool = False) -> Session:
        reviews = [ActionReview(item_id, status) for item_id, status in self.reviews.reviews()]
        new_items = [NewActionItem(r.description, r.due_date) for r in self.new_items.rows()]
        values = {
            "starts_at": self._starts_at(),
            "duration_minutes": self.duration.value(),
            "kind": SessionKind(self.kind.currentData()),
            "mode": SessionMode(self.mode.currentData()),
            "attendance": Attendance(self.attendance.currentData()),
            "enrolment_id": self.enrolment.currentData(),
        }
        planned = self._planned_to_fill()
        if planned is None:
            return session_service.log_session(
                self.ctx.db,
                client_id=client_id,
                notes=self.notes.toPlainText(),
                private_notes=self.private_notes.toPlainText(),
                new_action_items=new_items,
                reviews=reviews,
                allow_same_time=allow_same_time,
                **values,
            )
        return session_service.log_planned_session(
            self.ctx.db,
            planned.id,
            expected_version=planned.version,  # as it was when offered: not logged since
            notes=self.notes.toPlainText(),
            private_notes=self.private_notes.toPlainText(),
            new_action_items=new_items,
            reviews=reviews,
            **values,
        )

    # -- never lose the notes --------------------------------------------
    def keep_drafts(self) -> None:
        if self.saved_session is None:
            self.note_draft.flush()
            self.private_draft.flush()
