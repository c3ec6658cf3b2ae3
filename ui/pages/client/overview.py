"""Overview: contact details, preferred name and pronouns, emergency contact, consents,
and the client at a glance (next and last session, programme, payments, open items)."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QFormLayout, QGroupBox, QHBoxLayout, QLabel, QVBoxLayout, QWidget

from practice.economics.enrolment import enrolment_rows
from practice.models import Attendance, Client, EnrolmentStatus, Session, label
from practice.services.action_items import open_action_items
from practice.services.clients import get_client
from practice.services.sessions import list_sessions
from practice.services.whose import not_yours
from practice.timeutil import utcnow
from ui import format as fmt
from ui.context import AppContext
from ui.pages.client.base import ClientTab

NOT_GIVEN = "—"


def _session_text(session: Session, locale: str) -> str:
    return f"{fmt.day_and_time(session.starts_at, locale)} ({label(session.mode).lower()})"


def _yes_no(value: bool) -> str:
    return "Yes" if value else "No"


class OverviewTab(ClientTab):
    title = "Overview"

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(ctx, parent)
        self.values: dict[str, QLabel] = {}
        contact = self._box(
            "Contact",
            [
                ("full_name", "Name"),
                ("preferred_name", "Preferred name"),
                ("pronouns", "Pronouns"),
                ("status", "Status"),
                ("email", "Email"),
                ("phone", "Phone"),
                ("address", "Address"),
                ("date_of_birth", "Date of birth"),
                ("source", "Found us via"),
            ],
        )
        safety = self._box(
            "Safety and consent",
            [
                ("emergency_contact_name", "Emergency contact"),
                ("emergency_contact_phone", "Emergency phone"),
                ("consent_to_contact", "May be contacted"),
                ("consent_to_records", "Records consent"),
                ("consent_recorded_on", "Consent recorded"),
                ("notes", "Notes"),
            ],
        )
        glance = self._box(
            "At a glance",
            [
                ("next_session", "Next session"),
                ("last_session", "Last session"),
                ("programme", "Programme"),
                ("money", "Payments"),
                ("open_items", "Open action items"),
            ],
        )
        right = QVBoxLayout()
        right.addWidget(glance)
        right.addWidget(safety)
        right.addStretch(1)
        left = QVBoxLayout()
        left.addWidget(contact)
        left.addStretch(1)
        row = QHBoxLayout()
        row.addLayout(left, 1)
        row.addLayout(right, 1)
        self.layout_.addLayout(row)
        self.layout_.addStretch(1)

    def _box(self, title: str, fields: list[tuple[str, str]]) -> QGroupBox:
        box = QGroupBox(title)
        form = QFormLayout(box)
        form.setLabelAlignment(Qt.AlignmentFlag.AlignRight)
        for key, text in fields:
            value = QLabel()
            value.setObjectName(f"overview_{key}")
            value.setWordWrap(True)
            value.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
            self.values[key] = value
            form.addRow(f"{text}:", value)
        return box

    def load(self, client_id: int) -> None:
        self.fill(get_client(self.ctx.db, client_id))
        self.fill_glance(client_id)

    def fill_glance(self, client_id: int) -> None:
        """The next and last session, the current programme, money and open items."""
        db, loc, now = self.ctx.db, self.loc, utcnow()
        theirs = not_yours(db, client_id)  # a colleague's client, on a practice server
        if theirs is not None:
            for key in ("next_session", "last_session", "programme", "money", "open_items"):
                self.values[key].setText("—")
            self.values["next_session"].setText(theirs)
            return
        upcoming = list_sessions(db, client_id=client_id, start=now, attendance=Attendance.PLANNED)
        past = list_sessions(db, client_id=client_id, end=now, attendance=Attendance.ATTENDED)
        texts = {
            "next_session": _session_text(upcoming[0], loc) if upcoming else "None planned",
            "last_session": _session_text(past[-1], loc) if past else "Not seen yet",
        }
        current = enrolment_rows(
            db, client_id=client_id, statuses=[EnrolmentStatus.ACTIVE], today=self.today()
        )
        if current:
            e = current[0]
            texts["programme"] = (
                f"{e.programme_name}; sessions "
                f"{fmt.sessions_used(e.sessions_used, e.sessions_planned, e.sessions_missed)}"
            )
            texts["money"] = (
                f"{fmt.money(e.paid, e.currency, loc)} paid, "
                f"{fmt.money(e.outstanding, e.currency, loc)} to pay"
                + (f" ({fmt.money(e.overdue, e.currency, loc)} overdue)" if e.overdue else "")
            )
        else:
            texts["programme"] = "No active programme"
            texts["money"] = NOT_GIVEN
        if db.reads_clinical:
            items = open_action_items(db, client_id)
            texts["open_items"] = str(len(items)) if items else "None"
        else:  # admin staff on a practice server never read action items
            texts["open_items"] = "—"
        for key, text in texts.items():
            self.values[key].setText(text)

    def fill(self, client: Client) -> None:
        loc = self.loc
        shown = {
            "full_name": client.full_name,
            "preferred_name": client.preferred_name,
            "pronouns": client.pronouns,
            "status": label(client.status),
            "email": client.email,
            "phone": client.phone,
            "address": client.address,
            "date_of_birth": fmt.day(client.date_of_birth, loc) if client.date_of_birth else "",
            "source": client.source,
            "emergency_contact_name": client.emergency_contact_name,
            "emergency_contact_phone": client.emergency_contact_phone,
            "consent_to_contact": _yes_no(client.consent_to_contact),
            "consent_to_records": _yes_no(client.consent_to_records),
            "consent_recorded_on": (
                fmt.day(client.consent_recorded_on, loc) if client.consent_recorded_on else ""
            ),
            "notes": client.notes,
        }
        for key, text in shown.items():
            self.values[key].setText(text or NOT_GIVEN)
