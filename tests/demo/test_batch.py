"""The batch sample (issue 14): a lifetime's practice written as rows, held to the same
rules as the sample made through the services, and read by the app like any other."""

from __future__ import annotations

import shutil
import sqlite3
from collections.abc import Iterator
from datetime import date
from pathlib import Path

import pytest

from practice.db import open_database
from practice.demo import NotEmptyError, generate_demo
from practice.demo.batch import generate_batch
from practice.economics import enrolment_rows, period_figures
from practice.errors import ValidationError
from practice.search import search_notes
from practice.services.clients import list_clients
from tests.demo.sample_rules import RULES, Rule

TODAY = date(2025, 6, 30)


@pytest.fixture(scope="module")
def batch_sample(tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("batch") / "batch.db"
    db = open_database(path)
    try:
        summary = generate_batch(db, clients=150, years=20, seed=5, today=TODAY)
    finally:
        db.close()
    assert summary.clients == 150
    return path


@pytest.fixture(scope="module")
def services_sample(tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("services") / "services.db"
    db = open_database(path)
    try:
        generate_demo(db, clients=40, years=4, seed=5, today=TODAY)
    finally:
        db.close()
    return path


def reading(path: Path) -> Iterator[sqlite3.Connection]:
    con = sqlite3.connect(f"file:{path}?mode=ro", uri=True)
    try:
        yield con
    finally:
        con.close()


@pytest.mark.parametrize("rule", RULES, ids=lambda rule: rule.__name__)
def test_the_services_own_sample_keeps_every_rule(services_sample: Path, rule: Rule) -> None:
    for con in reading(services_sample):
        assert rule(con, TODAY) == []


@pytest.mark.parametrize("rule", RULES, ids=lambda rule: rule.__name__)
def test_the_batch_sample_keeps_every_rule(batch_sample: Path, rule: Rule) -> None:
    for con in reading(batch_sample):
        assert rule(con, TODAY) == []


#: One way to break each rule, to prove the rule sees it.
BREAKS = {
    "instalments_divide_the_price": "UPDATE instalments SET amount = amount + 1 WHERE id = 1",
    "payments_within_the_price": (
        "UPDATE payments SET amount = amount * 50 WHERE id = "
        "(SELECT MIN(id) FROM payments WHERE kind = 'payment')"
    ),
    "sessions_keep_to_their_enrolment": (
        "UPDATE sessions SET starts_at = '1990-01-01 10:00:00.000000' WHERE id = "
        "(SELECT MIN(id) FROM sessions WHERE enrolment_id IS NOT NULL)"
    ),
    "the_past_is_logged_and_the_future_planned": (
        "DELETE FROM session_notes WHERE id = (SELECT MIN(id) FROM session_notes)"
    ),
    "notes_keep_their_history": (
        "UPDATE session_notes SET locked_at = '2000-01-01 00:00:00.000000' WHERE id = "
        "(SELECT MIN(id) FROM session_notes WHERE locked_at IS NOT NULL)"
    ),
    "action_items_are_reviewed_later": (
        "UPDATE action_items SET status = 'done' WHERE id = "
        "(SELECT MIN(id) FROM action_items WHERE status = 'open')"
    ),
    "work_is_tied_to_its_own_client": (
        "UPDATE work_log_entries SET client_id = (SELECT MAX(id) FROM clients) WHERE id = "
        "(SELECT MIN(id) FROM work_log_entries WHERE session_id IS NOT NULL)"
    ),
    "enrolment_statuses_agree_with_dates": (
        "UPDATE enrolments SET agreed_on = start_date WHERE id = "
        "(SELECT MIN(id) FROM enrolments WHERE status = 'proposed')"
    ),
    "clients_agree_with_their_enrolments": "UPDATE clients SET search_text = 'x' WHERE id = 1",
    "enquiries_are_closed_with_an_outcome": (
        "UPDATE enquiries SET closed_on = NULL WHERE id = "
        "(SELECT MIN(id) FROM enquiries WHERE outcome != 'waiting')"
    ),
    "every_reference_finds_its_row": (
        "DELETE FROM note_search WHERE rowid = (SELECT MIN(id) * 8 + 1 FROM session_notes)"
    ),
}


def test_every_rule_has_a_way_to_break_it() -> None:
    assert sorted(BREAKS) == sorted(rule.__name__ for rule in RULES)


@pytest.mark.parametrize("rule", RULES, ids=lambda rule: rule.__name__)
def test_each_rule_sees_a_row_that_breaks_it(
    batch_sample: Path, tmp_path: Path, rule: Rule
) -> None:
    broken = tmp_path / "broken.db"
    shutil.copyfile(batch_sample, broken)
    con = sqlite3.connect(broken)
    try:
        changed = con.execute(BREAKS[rule.__name__]).rowcount
        con.commit()
        assert changed == 1
        assert rule(con, TODAY) != []
    finally:
        con.close()


def test_a_lifetime_of_sessions_with_full_notes_and_the_work_around_them(
    batch_sample: Path,
) -> None:
    for con in reading(batch_sample):
        sessions, clients = con.execute(
            "SELECT COUNT(*), COUNT(DISTINCT client_id) FROM sessions"
        ).fetchone()
        work, linked = con.execute(
            "SELECT COUNT(*), COUNT(session_id) FROM work_log_entries"
        ).fetchone()
        shortest, average, longest = con.execute(
            "SELECT MIN(length(CAST(n.body AS BLOB))), AVG(length(CAST(n.body AS BLOB))), "
            "MAX(length(CAST(n.body AS BLOB))) FROM session_notes n JOIN sessions s "
            "ON s.id = n.session_id WHERE s.attendance = 'attended' AND s.kind != 'support_call'"
        ).fetchone()
        first_year = con.execute("SELECT MIN(date(starts_at)) FROM sessions").fetchone()[0]
        statuses = {row[0] for row in con.execute("SELECT DISTINCT status FROM enrolments")}
        attendance = {row[0] for row in con.execute("SELECT DISTINCT attendance FROM sessions")}
        reviews = {row[0] for row in con.execute("SELECT DISTINCT status FROM action_items")}
        long_term = con.execute(
            "SELECT MAX(n) FROM (SELECT COUNT(*) AS n FROM enrolments GROUP BY client_id)"
        ).fetchone()[0]
    assert sessions >= 20 * clients  # about thirty a client over twenty years
    assert work > sessions and linked > sessions  # prep and write-up for most sessions
    assert shortest >= 900 and 1000 <= average <= 2048 and longest <= 2048
    assert first_year < "2007-07-01"  # the twenty years from their start
    assert statuses == {"proposed", "active", "completed", "ended_early", "cancelled"}
    assert attendance == {
        "planned",
        "attended",
        "cancelled_early",
        "cancelled_late",
        "no_show",
    }
    assert reviews == {"open", "done", "partly", "dropped"}
    assert long_term >= 8  # a long-term client renewing year after year


def test_the_app_reads_the_batch_sample_like_any_practice(batch_sample: Path) -> None:
    db = open_database(batch_sample)
    try:
        rows = enrolment_rows(db, today=TODAY)
        figures = period_figures(db, date(2024, 7, 1), TODAY, today=TODAY)
        found = list_clients(db, search=list_clients(db, limit=1)[0].last_name)
        notes = search_notes(db, "breath")
    finally:
        db.close()
    for con in reading(batch_sample):
        enrolments = con.execute("SELECT COUNT(*) FROM enrolments").fetchone()[0]
        paid = con.execute(
            "SELECT SUM(CASE kind WHEN 'refund' THEN -amount ELSE amount END) FROM payments"
        ).fetchone()[0]
    assert len(rows) == enrolments
    assert sum(row.paid for row in rows) == paid
    assert all(row.outstanding >= 0 for row in rows)
    assert figures.sessions > 0 and figures.income_received > 0 and found and notes


def test_the_same_seed_makes_the_same_practice(tmp_path: Path) -> None:
    made = []
    for name in ("one.db", "two.db"):
        db = open_database(tmp_path / name)
        try:
            generate_batch(db, clients=12, years=3, seed=9, today=TODAY)
        finally:
            db.close()
        for con in reading(tmp_path / name):
            made.append(
                con.execute(
                    "SELECT s.id, s.starts_at, s.attendance, n.body, n.locked_at FROM sessions s "
                    "LEFT JOIN session_notes n ON n.session_id = s.id ORDER BY s.id"
                ).fetchall()
            )
    assert made[0] == made[1] and len(made[0]) > 50


def test_a_practice_with_records_is_refused_and_sizes_are_checked(
    batch_sample: Path, tmp_path: Path
) -> None:
    copy = tmp_path / "copy.db"
    shutil.copyfile(batch_sample, copy)
    db = open_database(copy)
    try:
        with pytest.raises(NotEmptyError):
            generate_batch(db, clients=5, years=3, today=TODAY)
    finally:
        db.close()
    empty = open_database(tmp_path / "empty.db")
    try:
        for clients, years, field in ((0, 5, "clients"), (10, 1, "years"), (10, 41, "years")):
            with pytest.raises(ValidationError) as refused:
                generate_batch(empty, clients=clients, years=years, today=TODAY)
            assert refused.value.field == field
        with pytest.raises(ValidationError):
            generate_batch(empty, clients=10, years=5, today=date(9999, 1, 1))
    finally:
        empty.close()


@pytest.mark.parametrize("sample", ["services_sample", "batch_sample"])
def test_figures_read_for_many_enrolments_at_once_are_each_ones_own(
    sample: str, request: pytest.FixtureRequest
) -> None:
    from sqlalchemy import select

    from practice.economics import enrolment_figures
    from practice.economics.enrolment import many_enrolment_figures
    from practice.models import Enrolment

    db = open_database(request.getfixturevalue(sample), create=False)
    try:
        with db.reading() as s:
            every = list(s.scalars(select(Enrolment).order_by(Enrolment.id)))
            together = many_enrolment_figures(s, every, today=TODAY)
        alone = {e.id: enrolment_figures(db, e.id, today=TODAY) for e in every}
    finally:
        db.close()
    assert len(every) > 40 and together == alone


@pytest.mark.parametrize("sample", ["services_sample", "batch_sample"])
def test_a_reports_periods_read_at_once_are_each_the_period_alone(
    sample: str, request: pytest.FixtureRequest
) -> None:
    """A year's report reads the rows behind its months once; on years of practice each
    month (and the year) is what asking for it alone gives."""
    from practice.economics import period_figures
    from practice.economics.period import figures_for
    from practice.economics.report_period import BucketSize, buckets

    year = (date(2024, 7, 1), date(2025, 6, 30))
    periods = [year, *((b.start, b.end) for b in buckets(*year, BucketSize.MONTH))]
    db = open_database(request.getfixturevalue(sample), create=False)
    try:
        with db.reading() as s:
            together = figures_for(s, periods, today=TODAY)
        alone = {p: period_figures(db, *p, today=TODAY) for p in periods}
    finally:
        db.close()
    assert together == alone
    assert together[year].sessions > 100 and together[year].enrolments_ended > 0
