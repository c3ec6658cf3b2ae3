"""Plan a session: who, when, how long, what kind and how (``plan_session``)."""

from __future__ import annotations

from datetime import datetime

from PySide6.QtCore import QDateTime, QTime
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QFormLayout,
    QVBoxLayout,
    QWidget,
)

from practice.errors import PracticeError, ValidationError
from practice.models import Session, SessionKind, SessionMode
from practice.services import profile as profile_service
from practice.services import sessions as session_service
from ui.context import AppContext
from ui.errors import guarded, show_refusal
from ui.widgets.choices import NOT_IN_PROGRAMME, choice_combo, fill_active_enrolments
from ui.widgets.client_combo import ClientCombo
from ui.widgets.dialog_buttons import save_cancel_buttons
from ui.widgets.form_errors import FormErrors
from ui.widgets.local_time import aware_local, to_qdatetime
from ui.widgets.time_fields import minutes_spin, session_start_edit


class PlanSessionDialog(QDialog):
    def __init__(
        self,
        ctx: AppContext,
        parent: QWidget | None = None,
        *,
        client_id: int | None = None,
        when: datetime | None = None,
    ) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.saved_session: Session | None = None
        self.errors = FormErrors()
        self.setWindowTitle("Plan a session")
        profile = profile_service.get_profile(ctx.db)

        self.client = ClientCombo(ctx.db)
        self.enrolment = QComboBox()
        self.starts_at = session_start_edit()
        if when is None:
            tomorrow = QDateTime.currentDateTime().addDays(1)
            self.starts_at.setDateTime(QDateTime(tomorrow.date(), QTime(10, 0)))
        else:
            self.starts_at.setDateTime(to_qdatetime(when))
        self.duration = minutes_spin(minimum=5, maximum=600, value=profile.default_session_minutes)
        self.kind = choice_combo(SessionKind)
        self.mode = choice_combo(SessionMode)

        form = QFormLayout()
        for text, field, widget in (
            ("&Client:", "client", self.client),
            ("&Programme:", "enrolment", self.enrolment),
            ("&When:", "starts_at", self.starts_at),
            ("&Length:", "duration_minutes", self.duration),
            ("&Kind:", "kind", self.kind),
            ("&Mode:", "mode", self.mode),
        ):
            form.addRow(text, widget)
            form.addRow("", self.errors.add(field, widget))
        buttons = save_cancel_buttons(self, self.save, "Plan &session")
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(buttons)

        self.client.client_changed.connect(self._client_changed)
        if client_id is not None:
            self.client.set_client_id(client_id)
        self._client_changed(self.client.client_id())
        self.setMinimumWidth(440)

    @guarded
    def _client_changed(self, client_id: int | None) -> None:
        fill_active_enrolments(self.enrolment, self.ctx.db, client_id, none_text=NOT_IN_PROGRAMME)

    @guarded
    def save(self) -> None:
        self.errors.clear()
        client_id = self.client.client_id()
        if client_id is None:
            self.errors.show(ValidationError("client", "choose who the session is with."))
            return
        try:
            self.saved_session = session_service.plan_session(
                self.ctx.db,
                client_id=client_id,
                starts_at=aware_local(self.starts_at.dateTime()),
                duration_minutes=self.duration.value(),
                kind=SessionKind(self.kind.currentData()),
                mode=SessionMode(self.mode.currentData()),
                enrolment_id=self.enrolment.currentData(),
            )
        except PracticeError as error:
            self.errors.refuse(error, lambda e: show_refusal(self, e))
            return
        self.ctx.changed("sessions")
        self.accept()
