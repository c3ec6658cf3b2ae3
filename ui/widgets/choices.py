"""Drop-down lists of domain choices: an enum's members by their labels, and a client's
active enrolments."""

from __future__ import annotations

from collections.abc import Iterable
from enum import StrEnum

from PySide6.QtWidgets import QComboBox

from practice.db import Database
from practice.models import EnrolmentStatus, label
from practice.services.enrolments import list_enrolments

#: The first choice of a session's programme: a session need not be part of one.
NOT_IN_PROGRAMME = "Not part of a programme"


def choice_combo(members: Iterable[StrEnum], *, everything: str = "") -> QComboBox:
    """A combo of ``members`` by label, each holding its stored value as data.

    ``everything`` puts a first item holding None, for a filter's "All …".
    """
    combo = QComboBox()
    if everything:
        combo.addItem(everything, None)
    for member in members:
        combo.addItem(label(member), member.value)
    return combo


def fill_active_enrolments(
    combo: QComboBox, db: Database, client_id: int | None, *, none_text: str
) -> None:
    """Refill ``combo`` with ``none_text`` (data None) and the client's active
    enrolments by programme name (data: the enrolment id); the first enrolment is chosen
    when there is one."""
    combo.clear()
    combo.addItem(none_text, None)
    if client_id is None:
        return
    for enrolment in list_enrolments(db, client_id=client_id, statuses=[EnrolmentStatus.ACTIVE]):
        combo.addItem(enrolment.programme_name, enrolment.id)
    if combo.count() > 1:
        combo.setCurrentIndex(1)
