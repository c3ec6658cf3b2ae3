"""Every item model of the shell's pages passes Qt's model tester, filled with real rows
from a small sample practice.

Qt's own C++ ``QAbstractItemModelTester`` is used (pytest-qt's default) and reports a
broken model as a Qt warning, which the ``qt_log_level_fail`` mark turns into a failure.
(pytest-qt's pure-Python tester is avoided: with PySide6 6.12 it drops references to
``True`` and crashes the interpreter at exit after a few dozen checks.)"""

from __future__ import annotations

from collections.abc import Callable
from datetime import timedelta
from typing import Any

import pytest
from PySide6.QtCore import QAbstractItemModel, Qt
from pytestqt.modeltest import ModelTester

from practice.db import Database
from practice.economics.attention import action_items_due, overdue_instalments, quiet_clients
from practice.economics.enrolment import enrolment_rows
from practice.models import PaymentKind
from practice.services.action_items import list_action_items
from practice.services.clients import list_clients
from practice.services.payments import list_payments
from practice.services.profile import list_clauses
from practice.services.resources import shares_for
from practice.services.sessions import list_sessions
from practice.services.worklog import list_work
from practice.timeutil import today, utcnow
from ui import format as fmt
from ui.models.clauses import ClauseListModel
from ui.models.client_actions import ClientActionsModel
from ui.models.client_enrolments import ClientEnrolmentsModel
from ui.models.client_payments import ClientPaymentsModel
from ui.models.client_resources import ClientResourcesModel
from ui.models.client_sessions import ClientSessionsModel
from ui.models.client_work import ClientWorkModel
from ui.models.clients import ClientListModel
from ui.models.rows import ROW_ROLE
from ui.models.today_attention import ActionItemsDueModel, InstalmentsDueModel, QuietClientsModel
from ui.models.today_sessions import TodaySessionsModel

LATER = timedelta(days=400)


def _all_shares(db: Database) -> list[Any]:
    shares: list[Any] = []
    for row in list_clients(db):
        shares.extend(shares_for(db, client_id=row.id))
    return shares


def _recent_sessions(db: Database) -> list[Any]:
    return list(list_sessions(db, start=utcnow() - timedelta(days=90), end=utcnow()))


#: (model factory, rows from the sample practice)
CASES: dict[str, tuple[Callable[[], QAbstractItemModel], Callable[[Database], list[Any]]]] = {
    "clients": (ClientListModel, lambda db: list(list_clients(db))),
    "enrolments": (ClientEnrolmentsModel, lambda db: list(enrolment_rows(db, today=today()))),
    "sessions": (ClientSessionsModel, lambda db: list(list_sessions(db))),
    "action_items": (ClientActionsModel, lambda db: list(list_action_items(db))),
    "work": (ClientWorkModel, lambda db: list(list_work(db))),
    "payments": (ClientPaymentsModel, lambda db: list(list_payments(db))),
    "resources": (ClientResourcesModel, _all_shares),
    "clauses": (ClauseListModel, lambda db: list(list_clauses(db))),
    "today_sessions": (TodaySessionsModel, _recent_sessions),
    "coming_sessions": (lambda: TodaySessionsModel(with_day=True), _recent_sessions),
    "actions_due": (  # a fortnight on, so the small sample has items falling due
        ActionItemsDueModel,
        lambda db: list(action_items_due(db, today=today() + timedelta(days=14))),
    ),
    "instalments_due": (
        InstalmentsDueModel,
        lambda db: list(overdue_instalments(db, today=today() + LATER)),
    ),
    "quiet_clients": (
        QuietClientsModel,
        lambda db: list(quiet_clients(db, today=today(), quiet_after_days=1)),
    ),
}


@pytest.mark.qt_log_level_fail("WARNING")
@pytest.mark.parametrize("name", sorted(CASES))
def test_model_passes_the_model_tester(
    name: str, qtmodeltester: ModelTester, demo_db: Database
) -> None:
    make, rows_of = CASES[name]
    model = make()
    rows = rows_of(demo_db)
    assert rows, f"the sample practice gave no rows for {name}"
    qtmodeltester.check(model)
    model.set_rows(rows)  # type: ignore[attr-defined]
    assert model.rowCount() == len(rows)
    assert model.columnCount() >= 1
    for row in range(model.rowCount()):
        first = model.index(row, 0).data()
        assert isinstance(first, str) and first.strip(), f"row {row} of {name} has no text"
        assert model.index(row, 0).data(ROW_ROLE) is rows[row] or name == "clients"
    assert model.headerData(0, Qt.Orientation.Horizontal)
    model.set_rows([])  # type: ignore[attr-defined]
    assert model.rowCount() == 0


def test_clients_model_finds_rows_by_id(demo_db: Database) -> None:
    model = ClientListModel()
    rows = list_clients(demo_db)
    model.set_rows(rows)
    assert model.index(0, 0).data() == rows[0].display_name
    assert model.row_of(rows[-1].id) == len(rows) - 1
    assert model.row_of(-1) == -1


def test_refunds_show_as_negative(demo_db: Database) -> None:
    model = ClientPaymentsModel()
    payments = list_payments(demo_db)
    assert any(p.kind is PaymentKind.REFUND for p in payments)
    model.set_rows(payments)
    for row, payment in enumerate(payments):
        amount = model.index(row, 4).data()
        assert amount.startswith("−") == (payment.kind is PaymentKind.REFUND)


def test_localised_lists_write_days_in_the_locale_given(demo_db: Database) -> None:
    entries = list_work(demo_db)
    british = ClientWorkModel(locale="en_GB")
    german = ClientWorkModel(locale="de_DE")
    for model in (british, german):
        model.set_rows(entries)
    day = entries[0].work_date
    assert british.index(0, 0).data() == fmt.day(day, "en_GB")
    assert german.index(0, 0).data() == fmt.day(day, "de_DE")
    assert british.index(0, 0).data() != german.index(0, 0).data()
    british.set_locale("de_DE")  # the columns are redrawn for the new locale
    assert british.index(0, 0).data() == german.index(0, 0).data()


def test_each_cell_is_written_once_and_again_for_new_rows(demo_db: Database) -> None:
    """A list keeps each cell's text (painting asks for it many times); new rows or a
    new locale write it again, and the same locale set again redraws nothing."""
    entries = list_work(demo_db)
    model = ClientWorkModel(locale="en_GB")
    model.set_rows(entries[:1])
    first = model.data(model.index(0, 0))
    assert model.data(model.index(0, 0)) is first  # kept, not written again
    later = next(e for e in entries if e.work_date != entries[0].work_date)
    model.set_rows([later])
    assert model.index(0, 0).data() == fmt.day(later.work_date, "en_GB") != first
    resets: list[None] = []
    model.modelReset.connect(lambda: resets.append(None))
    model.set_locale("en_GB")
    assert resets == []
    model.set_locale("de_DE")
    assert resets and model.index(0, 0).data() == fmt.day(later.work_date, "de_DE")
