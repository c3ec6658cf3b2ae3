"""``practice clients``, ``enrolments`` and ``report`` on a sample practice: JSON shape,
readable tables, filters, and figures that agree with each other and with the database."""

from __future__ import annotations

import io
import json
import sys
from datetime import date
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import func, select

from practice.cli.main import main
from practice.db import open_database
from practice.models import Attendance, Payment, PaymentKind, Session, SessionKind, WorkLogEntry
from practice.timeutil import today

from .helpers import Result, run_cli

Capsys = pytest.CaptureFixture[str]


def as_json(result: Result) -> Any:
    assert result.code == 0, result.err
    assert result.err == ""
    return json.loads(result.out)  # exactly one JSON value, or this raises


def test_clients_json_rows_and_filters(capsys: Capsys, sample_path: Path) -> None:
    rows = as_json(run_cli(capsys, "--database", sample_path, "clients", "--json"))
    assert len(rows) == 12
    assert {"id", "name", "status"} <= set(rows[0])
    by_name = {r["name"]: r for r in rows}
    assert by_name["Zoë Ødegård"]["status"] == "active"
    active = as_json(
        run_cli(capsys, "--database", sample_path, "clients", "--json", "--status", "active")
    )
    assert active and {r["status"] for r in active} == {"active"}
    assert {r["id"] for r in active} == {r["id"] for r in rows if r["status"] == "active"}
    # Search ignores case and accents, in any script.
    for typed, expected in (("zoe odegard", "Zoë Ødegård"), ("ΕΛΕΝΗ", "Ελένη Παπαδοπούλου")):
        found = as_json(
            run_cli(capsys, "--database", sample_path, "clients", "--json", "--search", typed)
        )
        assert expected in [r["name"] for r in found]


def test_a_json_list_is_one_record_to_a_line(capsys: Capsys, sample_path: Path) -> None:
    result = run_cli(capsys, "--database", sample_path, "clients", "--json")
    rows = as_json(result)
    lines = result.out.splitlines()
    assert lines[0] == "[" and lines[-1] == "]" and len(lines) == len(rows) + 2
    assert [json.loads(line.strip().rstrip(",")) for line in lines[1:-1]] == rows
    none = run_cli(capsys, "--database", sample_path, "clients", "--json", "--search", "qqqzz")
    assert none.out == "[]\n"


def test_clients_table_is_aligned_and_counts(capsys: Capsys, sample_path: Path) -> None:
    result = run_cli(capsys, "--database", sample_path, "clients")
    assert result.code == 0
    lines = result.out.splitlines()
    assert lines[0].split() == ["Id", "Name", "Status", "Email", "Phone"]
    assert lines[-1] == "12 clients."
    status_column = lines[0].index("Status")
    zoe = next(line for line in lines if "Zoë Ødegård" in line)
    assert zoe[status_column:].startswith("Active")


def test_enrolments_json_has_money_in_minor_units(capsys: Capsys, sample_path: Path) -> None:
    rows = as_json(run_cli(capsys, "--database", sample_path, "enrolments", "--json"))
    assert rows
    wanted = {
        "id",
        "client_name",
        "programme_name",
        "agreed_price",
        "currency",
        "paid",
        "status",
        "sessions_used",
        "sessions_planned",
    }
    for row in rows:
        assert wanted <= set(row)
        assert isinstance(row["agreed_price"], int) and isinstance(row["paid"], int)
        assert row["currency"] == "GBP"
        assert 0 <= row["sessions_used"] <= row["sessions_planned"] + 1
    assert {r["status"] for r in rows} == {
        "proposed",
        "active",
        "completed",
        "ended_early",
        "cancelled",
    }
    one = rows[0]["client_id"]
    mine = as_json(
        run_cli(capsys, "--database", sample_path, "enrolments", "--client", str(one), "--json")
    )
    assert mine and {r["client_id"] for r in mine} == {one}
    table = run_cli(capsys, "--database", sample_path, "enrolments")
    assert "£" in table.out and "Price due" in table.out and "Credit" in table.out


def test_enrolment_rows_add_up_on_their_own(capsys: Capsys, sample_path: Path) -> None:
    """Every money and session column of a row can be added up from the others."""
    rows = as_json(run_cli(capsys, "--database", sample_path, "enrolments", "--json"))
    for r in rows:
        due, received, refunded = r["price_due"], r["payments_received"], r["refunded"]
        assert r["paid"] == received - refunded
        assert r["outstanding"] == max(due - received, 0)
        assert r["credit"] == max(received - due - refunded, 0)
        assert 0 <= r["overdue"] <= r["outstanding"]
        assert r["sessions_used"] == r["sessions_attended"] + r["sessions_missed"]
        assert r["sessions_remaining"] == max(r["sessions_planned"] - r["sessions_used"], 0)
        if r["status"] in ("proposed", "cancelled"):  # nothing owed, never overdue
            assert (due, r["outstanding"], r["overdue"]) == (0, 0, 0)


def test_today_option_makes_the_output_reproducible(capsys: Capsys, sample_path: Path) -> None:
    def overdue_on(day: str) -> int:
        rows = as_json(
            run_cli(capsys, "--database", sample_path, "--today", day, "enrolments", "--json")
        )
        return sum(r["overdue"] for r in rows)

    # long before the sample began nothing was overdue; long after, everything still owed is
    assert overdue_on("2000-01-01") == 0
    later = as_json(
        run_cli(capsys, "--database", sample_path, "--today", "2199-12-31", "enrolments", "--json")
    )
    assert sum(r["overdue"] for r in later) == sum(r["outstanding"] for r in later)
    assert overdue_on("2199-12-31") == overdue_on("2199-12-31")
    refused = run_cli(capsys, "--database", sample_path, "--today", "31/12/2026", "enrolments")
    assert refused.code != 0 and "--today needs a real date" in refused.err


def report(capsys: Capsys, path: Path, *period: str) -> dict[str, Any]:
    data: dict[str, Any] = as_json(run_cli(capsys, "--database", path, "report", *period, "--json"))
    return data


def half_up(numerator: int, denominator: int) -> int:
    return (2 * numerator + denominator) // (2 * denominator)


def test_report_agrees_with_enrolments_and_the_database(capsys: Capsys, sample_path: Path) -> None:
    whole = report(capsys, sample_path, "--from", "2020-01-01")
    assert whole["currency"] == "GBP"
    assert whole["from"] == "2020-01-01" and whole["to"] == today().isoformat()
    # Every payment and refund of the sample is in this period, so the income received is
    # what the enrolments list says was paid, added up.
    rows = as_json(run_cli(capsys, "--database", sample_path, "enrolments", "--json"))
    assert whole["income_received"] == sum(r["paid"] for r in rows)

    part = report(capsys, sample_path, "--from", "2025-01-01", "--to", "2025-03-31")
    start, end = date(2025, 1, 1), date(2025, 3, 31)
    db = open_database(sample_path)
    try:
        with db.transaction() as s:
            in_period = Payment.received_on.between(start, end)
            paid = s.scalar(
                select(func.sum(Payment.amount)).where(
                    in_period, Payment.kind == PaymentKind.PAYMENT
                )
            )
            refunded = s.scalar(
                select(func.sum(Payment.amount)).where(
                    in_period, Payment.kind == PaymentKind.REFUND
                )
            )
            unseen = s.scalar(
                select(func.sum(WorkLogEntry.minutes)).where(
                    WorkLogEntry.work_date.between(start, end)
                )
            )
            contact = s.scalar(
                select(func.sum(Session.duration_minutes)).where(
                    Session.attendance == Attendance.ATTENDED,
                    func.date(Session.starts_at).between(start.isoformat(), end.isoformat()),
                )
            )
            sessions = s.scalar(
                select(func.count(Session.id)).where(
                    Session.attendance == Attendance.ATTENDED,
                    Session.kind != SessionKind.SUPPORT_CALL,
                    func.date(Session.starts_at).between(start.isoformat(), end.isoformat()),
                )
            )
    finally:
        db.close()
    assert part["income_received"] == (paid or 0) - (refunded or 0)
    assert part["unseen_minutes"] == unseen
    assert part["unseen_minutes"] == sum(part["unseen_minutes_by_category"].values())
    assert part["contact_minutes"] == contact
    assert part["sessions"] == sessions
    total = part["contact_minutes"] + part["unseen_minutes"]
    assert part["total_minutes"] == total
    # the rate is earned income over the hours (no other currency in the sample)
    assert part["earned_other_currencies"] == {} and part["other_currency_minutes"] == 0
    assert part["effective_hourly_rate"] == half_up(part["earned_income"] * 60, total)


def test_report_default_period_is_the_last_twelve_months(capsys: Capsys, sample_path: Path) -> None:
    data = report(capsys, sample_path)
    end = today()
    assert data["to"] == end.isoformat()
    start = date.fromisoformat(data["from"])
    assert (end - start).days in (364, 365)


def test_report_table_formats_money_by_locale(capsys: Capsys, sample_path: Path) -> None:
    result = run_cli(capsys, "--database", sample_path, "report", "--from", "2024-07-01")
    assert result.code == 0
    assert "Effective hourly rate" in result.out and "£" in result.out
    assert "Supervision" in result.out


def test_a_terminal_without_utf8_gets_escaped_json_and_readable_tables(
    sample_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    for command, check in (
        (["clients", "--json"], lambda text: "Zo\\u00eb" in text and json.loads(text)),
        (["clients"], lambda text: "Zo? ?deg?rd" in text),
    ):
        stream = io.TextIOWrapper(io.BytesIO(), encoding="ascii", newline="\n")
        monkeypatch.setattr(sys, "stdout", stream)
        assert main(["--database", str(sample_path), *command]) == 0
        stream.flush()
        assert check(stream.buffer.getvalue().decode("ascii"))
