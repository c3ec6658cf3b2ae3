"""The economics give the same figures on PostgreSQL as on SQLite (issue 15's first
judge): the hand-made practice is built on each engine and every report compared.

The server is the test session's own (tests/postgres.py); the practice is built by the
same code, through the same models, on both.
"""

from __future__ import annotations

import itertools
from collections.abc import Iterator
from datetime import date
from zoneinfo import ZoneInfo

import pytest
from sqlalchemy import create_engine
from sqlalchemy.orm import Session as DbSession

from practice.db import Database, migrate
from practice.db.seed import ensure_defaults
from practice.economics import attention
from practice.economics.period import figures_for, period_figures
from practice.economics.reports import practice_report
from tests.postgres import PostgresServer

from .practice_fixture import TODAY, Ids, build

LONDON = ZoneInfo("Europe/London")
_names = itertools.count(1)


@pytest.fixture(scope="module")
def on_postgresql(postgres: PostgresServer) -> Iterator[DbSession]:
    """The hand-made practice on a new database of the session's PostgreSQL server."""
    engine = create_engine(postgres.create_database(f"economics_{next(_names)}"))
    with engine.begin() as conn:
        migrate.upgrade(conn)
    with DbSession(engine) as s, s.begin():
        ensure_defaults(s)
        build(s)
    session = DbSession(engine)
    try:
        yield session
    finally:
        session.close()
        engine.dispose()


PERIODS = [
    (date(2025, 10, 1), date(2026, 4, 30)),
    (date(2026, 1, 1), date(2026, 1, 31)),
    (date(2026, 2, 1), date(2026, 2, 28)),
    (date(2026, 3, 9), date(2026, 3, 15)),
    (date(2026, 3, 16), date(2026, 6, 30)),
]


def test_period_figures_are_the_same_on_both_engines(
    practice: tuple[Database, Ids], on_postgresql: DbSession
) -> None:
    db, _ = practice
    with db.reading() as s:
        on_sqlite = figures_for(s, PERIODS, today=TODAY, tz=LONDON)
    assert figures_for(on_postgresql, PERIODS, today=TODAY, tz=LONDON) == on_sqlite
    feb = period_figures(on_postgresql, *PERIODS[2], today=TODAY, tz=LONDON)
    assert feb.sessions > 0 and feb.earned_income > 0


def test_a_report_is_the_same_on_both_engines(
    practice: tuple[Database, Ids], on_postgresql: DbSession
) -> None:
    db, _ = practice
    year = (date(2026, 1, 1), date(2026, 12, 31))
    assert practice_report(on_postgresql, *year, today=TODAY, tz=LONDON) == practice_report(
        db, *year, today=TODAY, tz=LONDON
    )


def test_todays_lists_are_the_same_on_both_engines(
    practice: tuple[Database, Ids], on_postgresql: DbSession
) -> None:
    db, _ = practice
    for ask in (
        lambda source: attention.action_items_due(source, today=TODAY),
        lambda source: attention.overdue_instalments(source, today=TODAY),
        lambda source: attention.instalments_due(source, today=TODAY),
        lambda source: attention.quiet_clients(source, today=TODAY, quiet_after_days=21),
    ):
        assert ask(on_postgresql) == ask(db)


def test_enrolment_rows_and_client_figures_are_the_same_on_both_engines(
    practice: tuple[Database, Ids], on_postgresql: DbSession
) -> None:
    from practice.economics import client_figures, enrolment_figures, enrolment_rows

    db, ids = practice
    assert enrolment_rows(on_postgresql, today=TODAY) == enrolment_rows(db, today=TODAY)
    for client in (ids.ana, ids.ben, ids.zoe):
        assert client_figures(on_postgresql, client) == client_figures(db, client)
    for enrolment in (ids.e1, ids.e2, ids.e3, ids.e4, ids.e5):
        alone = enrolment_figures(db, enrolment, today=TODAY)
        assert enrolment_figures(on_postgresql, enrolment, today=TODAY) == alone
