"""Price reductions (credit notes): the price lowered with no money moving, kept apart
from refunds, said on the statement, and never lost (withdrawn, not deleted)."""

from __future__ import annotations

from datetime import date

import pytest
from sqlalchemy import func, select

from practice.db import Database
from practice.documents.formatting import Formatter
from practice.documents.loading import load_enrolment
from practice.documents.statement import statement_pdf, summary_lines
from practice.economics import balance_after_payment
from practice.economics.earned import earnings
from practice.economics.enrolment import enrolment_figures, enrolment_rows
from practice.economics.instalments import InstalmentState
from practice.errors import ValidationError
from practice.models import AuditEntry, PriceReduction
from practice.services.enrolments import end_enrolment_early
from practice.services.payments import record_payment, record_refund
from practice.services.price_reductions import (
    list_price_reductions,
    lower_price,
    price_after,
    withdraw_price_reduction,
)
from tests.documents.pdfcheck import all_text
from tests.services.test_payments import _enrolment

# The enrolment of tests/services/test_payments.py: £1,200 from 3 March 2026 in three
# instalments of £400 (3 March, 3 April, 3 May).
LATER = date(2026, 4, 10)


def test_a_credit_note_lowers_the_last_instalments_and_the_price_to_pay(db: Database) -> None:
    e = _enrolment(db)
    record_payment(db, enrolment_id=e.id, amount=40000, received_on=date(2026, 3, 3), method="card")
    assert price_after(db, enrolment_id=e.id, amount=50000).price_after == 70000

    note = lower_price(
        db, enrolment_id=e.id, amount=50000, made_on=date(2026, 3, 10), reason="My illness"
    )
    assert note.number == f"CN-{note.id:05d}"

    f = enrolment_figures(db, e.id, today=LATER)
    # £500 off the end: the 3 May instalment (£400) goes, then £100 of 3 April's
    assert [(i.amount, i.reduced, i.state) for i in f.instalments] == [
        (40000, 0, InstalmentState.PAID),
        (30000, 10000, InstalmentState.OVERDUE),
        (0, 40000, InstalmentState.REDUCED_AWAY),
    ]
    assert (f.price_due, f.price_reduced, f.paid, f.outstanding, f.overdue, f.credit) == (
        70000,
        50000,
        40000,
        30000,
        30000,
        0,
    )
    # the list agrees with the figures, and earned income is on the lowered price
    (row,) = enrolment_rows(db, today=LATER)
    assert (row.price_due, row.price_reduced, row.outstanding, row.overdue) == (
        70000,
        50000,
        30000,
        30000,
    )
    with db.reading() as s:
        assert earnings(s, [e.id])[e.id].net_price == 70000
        assert s.scalar(
            select(func.count())
            .select_from(AuditEntry)
            .where(AuditEntry.entity == "price_reduction")
        )


def test_a_credit_note_on_a_paid_enrolment_leaves_credit_to_refund(db: Database) -> None:
    e = _enrolment(db)
    record_payment(
        db, enrolment_id=e.id, amount=120000, received_on=date(2026, 3, 3), method="card"
    )
    lower_price(db, enrolment_id=e.id, amount=20000, made_on=date(2026, 3, 20), reason="Goodwill")
    f = enrolment_figures(db, e.id, today=LATER)
    assert (f.price_due, f.outstanding, f.credit) == (100000, 0, 20000)
    # the refund gives back the credit and lowers nothing further
    record_refund(db, enrolment_id=e.id, amount=20000, received_on=date(2026, 3, 21), method="card")
    f = enrolment_figures(db, e.id, today=LATER)
    assert (f.price_due, f.paid, f.outstanding, f.credit) == (100000, 100000, 0, 0)


def test_the_statement_says_it_and_adds_up(db: Database) -> None:
    e = _enrolment(db)
    record_payment(db, enrolment_id=e.id, amount=40000, received_on=date(2026, 3, 3), method="card")
    lower_price(
        db, enrolment_id=e.id, amount=15000, made_on=date(2026, 3, 10), reason="Session I missed"
    )
    f = enrolment_figures(db, e.id, today=LATER)
    record = load_enrolment(db, e.id)
    lines = [(line.label, line.amount) for line in summary_lines(f, record, Formatter("en_GB"))]
    assert lines == [
        ("Price agreed", 120000),
        ("Price lowered by credit note", -15000),
        ("Price to pay", 105000),
        ("Payments received", -40000),
        ("Outstanding", 65000),
    ]
    text = all_text(statement_pdf(db, e.id, on=LATER))
    assert "Price lowered by credit note" in text
    assert "Session I missed" in text and "CN-" in text
    assert "£150.00 off by credit note" in text


def test_receipts_keep_the_price_of_their_day(db: Database) -> None:
    e = _enrolment(db)
    first = record_payment(
        db, enrolment_id=e.id, amount=40000, received_on=date(2026, 3, 3), method="card"
    )
    lower_price(db, enrolment_id=e.id, amount=10000, made_on=date(2026, 3, 10), reason="Goodwill")
    second = record_payment(
        db, enrolment_id=e.id, amount=40000, received_on=date(2026, 4, 3), method="card"
    )
    assert balance_after_payment(db, first.id).outstanding == 80000  # before the credit note
    assert balance_after_payment(db, second.id).outstanding == 30000  # after it


def test_payments_are_held_to_the_lowered_price(db: Database) -> None:
    e = _enrolment(db)
    lower_price(db, enrolment_id=e.id, amount=20000, made_on=date(2026, 3, 4), reason="Goodwill")
    with pytest.raises(ValidationError) as caught:
        record_payment(
            db, enrolment_id=e.id, amount=120000, received_on=date(2026, 3, 5), method="card"
        )
    assert "the price to pay of £1,000.00 (the agreed price less credit notes)" in str(caught.value)
    record_payment(
        db, enrolment_id=e.id, amount=100000, received_on=date(2026, 3, 5), method="card"
    )


def test_refusals_save_nothing(db: Database) -> None:
    e = _enrolment(db)
    cases = [
        (dict(amount=120001, reason="Too much"), "amount", "more than the £1,200.00"),
        (dict(amount=0, reason="Nothing"), "amount", ""),
        (dict(amount=1000, reason="  "), "reason", ""),
        (dict(amount=1000, reason="Before", made_on=date(2026, 3, 1)), "made_on", "before"),
    ]
    for kwargs, field, words in cases:
        arguments = {"made_on": date(2026, 3, 10), **kwargs}
        with pytest.raises(ValidationError) as caught:
            lower_price(db, enrolment_id=e.id, **arguments)  # type: ignore[arg-type]
        assert caught.value.field == field
        assert words in str(caught.value)
    assert list_price_reductions(db, enrolment_id=e.id) == []


def test_an_ended_early_enrolment_is_lowered_within_what_it_owes(db: Database) -> None:
    e = _enrolment(db)
    end_enrolment_early(
        db, e.id, ended_on=date(2026, 4, 5), reason="Moved away"
    )  # owes 3 March and 3 April
    note = lower_price(
        db, enrolment_id=e.id, amount=10000, made_on=date(2026, 4, 6), reason="Goodwill"
    )
    f = enrolment_figures(db, e.id, today=LATER)
    assert (f.price_due, f.price_reduced, f.outstanding) == (70000, 10000, 70000)
    assert [i.reduced for i in f.instalments] == [0, 10000, 0]
    # withdrawn (made by mistake): the price is back, the note is kept with why
    withdraw_price_reduction(db, note.id, "Typed on the wrong client")
    f = enrolment_figures(db, e.id, today=LATER)
    assert (f.price_due, f.price_reduced) == (80000, 0)
    (kept,) = list_price_reductions(db, enrolment_id=e.id)
    assert kept.withdrawn_at is not None and kept.withdrawn_reason == "Typed on the wrong client"
    with pytest.raises(ValidationError):
        withdraw_price_reduction(db, note.id, "Again")
    with db.reading() as s:
        assert s.scalar(select(func.count()).select_from(PriceReduction)) == 1


def test_a_statement_dated_in_the_past_shows_that_days_account(db: Database) -> None:
    e = _enrolment(db)
    record_payment(db, enrolment_id=e.id, amount=40000, received_on=date(2026, 3, 3), method="card")
    record_payment(db, enrolment_id=e.id, amount=40000, received_on=date(2026, 4, 3), method="card")
    lower_price(db, enrolment_id=e.id, amount=10000, made_on=date(2026, 4, 5), reason="Goodwill")
    on = date(2026, 3, 20)  # before the second payment and the credit note
    f = enrolment_figures(db, e.id, today=on)
    assert (f.paid, f.price_reduced, f.outstanding) == (40000, 0, 80000)
    (row,) = enrolment_rows(db, today=on)  # the list (CLI, client page) says the same
    assert (row.paid, row.price_reduced, row.outstanding) == (40000, 0, 80000)
    text = all_text(statement_pdf(db, e.id, on=on))
    assert "3 April 2026" not in text.split("Payments and refunds")[1]
    assert "credit note" not in text
    assert "£800.00" in text  # outstanding that day
