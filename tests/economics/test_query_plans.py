"""The questions a report or the Today page asks are answered from indexes.

A practice keeps twenty years of enrolments (each row carrying its agreed terms) and tens
of thousands of action items; a query that reads every one of them for each month of a
report is what made a year's reports take seconds. SQLite's plan for a query does not
depend on how many rows there are (no statistics are gathered), so the plans seen on the
small practice here are the ones a large practice gets: each statement is captured and
its plan asked for, and no plan may read the whole of these tables.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from contextlib import contextmanager
from datetime import date
from typing import Any

import pytest
from sqlalchemy import event, text

from practice.db import Database
from practice.economics.attention import (
    action_items_due,
    instalments_due,
    overdue_instalments,
    quiet_clients,
)
from practice.economics.period import period_figures
from practice.economics.reports import practice_report

from .practice_fixture import TODAY, Ids

#: Tables too large to read whole for each period asked.
LARGE = ("enrolments", "action_items", "sessions", "work_log_entries", "payments")


@contextmanager
def statements(db: Database) -> Iterator[list[tuple[str, Any]]]:
    seen: list[tuple[str, Any]] = []

    def keep(_conn: Any, _cursor: Any, statement: str, parameters: Any, *_: Any) -> None:
        if statement.lstrip().upper().startswith(("SELECT", "WITH")):
            seen.append((statement, parameters))

    event.listen(db.engine, "before_cursor_execute", keep)
    try:
        yield seen
    finally:
        event.remove(db.engine, "before_cursor_execute", keep)


def whole_table_reads(db: Database, run: Callable[[], object]) -> list[str]:
    with statements(db) as seen:
        run()
    assert seen, "nothing was asked"
    found = []
    with db.engine.connect() as conn:
        for statement, parameters in seen:
            plan = conn.exec_driver_sql(f"EXPLAIN QUERY PLAN {statement}", parameters).all()
            for row in plan:
                detail = str(row[-1])
                words = detail.split()
                # "SCAN t", "SCAN t USING INDEX ..." read every row (or index entry) of t;
                # so does a search by status alone that then reads each row (nearly every
                # enrolment has finished, and all of those share one status)
                scan = words[:1] == ["SCAN"] and len(words) > 1 and words[1] in LARGE
                by_status = (
                    words[:1] == ["SEARCH"]
                    and words[1] in LARGE
                    and "COVERING" not in words
                    and detail.endswith("(status=?)")
                )
                if scan or by_status:
                    found.append(f"{detail}  <-  {' '.join(statement.split())[:160]}")
    return found


@pytest.mark.parametrize(
    ("name", "ask"),
    [
        (
            "a month's figures",
            lambda db: period_figures(db, date(2026, 2, 1), date(2026, 2, 28), today=TODAY),
        ),
        (
            "a week's figures",
            lambda db: period_figures(db, date(2026, 3, 9), date(2026, 3, 15), today=TODAY),
        ),
        (
            "a year's reports",
            lambda db: practice_report(db, date(2026, 1, 1), date(2026, 12, 31), today=TODAY),
        ),
        ("action items due", lambda db: action_items_due(db, today=TODAY)),
        ("instalments due", lambda db: instalments_due(db, today=TODAY)),
        ("quiet clients", lambda db: quiet_clients(db, today=TODAY, quiet_after_days=21)),
    ],
)
def test_no_period_reads_a_whole_large_table(
    practice: tuple[Database, Ids], name: str, ask: Callable[[Database], object]
) -> None:
    db, _ = practice
    assert whole_table_reads(db, lambda: ask(db)) == [], name


def test_overdue_instalments_read_the_plans_from_their_index(
    practice: tuple[Database, Ids],
) -> None:
    """Whether anything is overdue needs every enrolment's plan and payments added up:
    from the two covering indexes, never the rows."""
    db, _ = practice
    found = whole_table_reads(db, lambda: overdue_instalments(db, today=TODAY))
    assert all("USING COVERING INDEX" in line for line in found), found


def test_a_whole_table_read_is_seen(practice: tuple[Database, Ids]) -> None:
    """The check above can fail: a question no index answers is caught."""
    db, _ = practice

    def everything() -> None:
        with db.reading() as s:
            s.execute(text("SELECT count(*) FROM enrolments WHERE agreed_price > 0")).all()
            s.execute(
                text("SELECT sum(agreed_price) FROM enrolments WHERE status = 'completed'")
            ).all()

    assert len(whole_table_reads(db, everything)) == 2
