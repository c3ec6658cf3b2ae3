from __future__ import annotations

import stat
from datetime import date
from pathlib import Path

import pytest

from practice.db import Database
from practice.documents.receipt import balance_after, receipt_number, receipt_pdf, render_receipt
from practice.documents.statement import render_statement, statement_pdf, statement_reference
from practice.errors import NotFoundError
from practice.models import PageSize, PaymentKind, PaymentMethod
from tests.documents.factories import add_payment, make_enrolment, set_profile
from tests.documents.pdfcheck import all_text, embedded, fonts, media_box, page_texts


@pytest.fixture
def practice(db: Database) -> Database:
    set_profile(db)
    return db


@pytest.fixture
def paid_in_part(practice: Database) -> tuple[int, list[int]]:
    """1,000.01 in 3 (333.35, 333.33, 333.33): 333.35 on instalment 1, 200.00 loose, a 50.00
    refund. By hand: payments 533.35, refunds 50.00, paid 483.35; the refund lowers the price,
    so outstanding = 1,000.01 − 533.35 = 466.66; instalment 2 has 200.00 of 333.33 (133.33 left,
    overdue on 25 April 2026), instalment 3 nothing (333.33 due on 3 May 2026)."""
    enrolment_id = make_enrolment(
        practice, first_name="Ελένη", last_name="Παπαδοπούλου", price=100001
    )
    payments = [
        add_payment(
            practice, enrolment_id, 33335, date(2026, 3, 2), reference="EP-MAR", instalment_number=1
        ),
        add_payment(practice, enrolment_id, 20000, date(2026, 4, 10), method=PaymentMethod.CARD),
        add_payment(practice, enrolment_id, 5000, date(2026, 4, 20), kind=PaymentKind.REFUND),
    ]
    return enrolment_id, payments


def test_receipt_shows_the_payment_and_the_balance_right_after_it(
    practice: Database, paid_in_part: tuple[int, list[int]]
) -> None:
    _enrolment_id, payments = paid_in_part
    text = all_text(receipt_pdf(practice, payments[1]))
    assert "Receipt" in text
    assert f"Receipt number {receipt_number(payments[1])}" in text
    assert "Received from Ελένη Παπαδοπούλου" in text
    assert "Date received 10 April 2026" in text
    assert "Method Card" in text
    assert "Amount received £200.00" in text
    # After the second payment (before the later refund): 533.35 paid, 466.66 outstanding.
    assert "Paid so far (less refunds) −£533.35" in text
    assert "Outstanding £466.66" in text
    assert f"{receipt_number(payments[1])} " in page_texts(receipt_pdf(practice, payments[1]))[0]


def test_first_receipt_names_the_instalment_and_reference(
    practice: Database, paid_in_part: tuple[int, list[int]]
) -> None:
    _enrolment_id, payments = paid_in_part
    text = all_text(receipt_pdf(practice, payments[0]))
    assert "instalment 1 of 3 (due 3 March 2026)" in text
    assert "Reference EP-MAR" in text
    assert "Price to pay £1,000.01" in text
    assert "Paid so far (less refunds) −£333.35" in text
    assert "Outstanding £666.66" in text
    balance = balance_after(practice, payments[0])
    assert (balance.paid, balance.outstanding) == (33335, 66666)


def test_refund_note(practice: Database, paid_in_part: tuple[int, list[int]]) -> None:
    _enrolment_id, payments = paid_in_part
    text = all_text(receipt_pdf(practice, payments[2]))
    assert "Refund" in text and "Amount refunded £50.00" in text
    assert f"Refund number {receipt_number(payments[2], refund=True)}" in text
    assert "REF-" in text and "RCT-" not in text
    # the refund lowered the price: 1,000.01 − 50.00 = 950.01; 950.01 − 483.35 = 466.66
    assert "Price to pay £950.01" in text
    assert "Paid so far (less refunds) −£483.35" in text
    assert "Outstanding £466.66" in text


def test_statement_lists_every_instalment_payment_and_total(
    practice: Database, paid_in_part: tuple[int, list[int]]
) -> None:
    enrolment_id, _payments = paid_in_part
    data = statement_pdf(practice, enrolment_id, on=date(2026, 4, 25))
    text = all_text(data)
    assert "Ελένη Παπαδοπούλου" in text
    assert statement_reference(enrolment_id, date(2026, 4, 25)) in text
    # the summary adds up on the page: 1,000.01 − 50.00 = 950.01; − 533.35 + 50.00 = 466.66
    assert "Price agreed £1,000.01" in text
    assert "Price lowered by refund −£50.00" in text
    assert "Price to pay £950.01" in text
    assert "Payments received −£533.35" in text
    assert "Refunds given +£50.00" in text
    assert "Outstanding £466.66" in text
    assert "Of the amount outstanding, £133.33 is overdue." in text
    assert "1 3 March 2026 £333.35 £333.35 £0.00 Paid" in text
    assert "2 3 April 2026 £333.33 £200.00 £133.33 Overdue" in text
    assert "3 3 May 2026 £333.33 £0.00 £333.33 Upcoming" in text
    assert "Next payment due: £333.33 on 3 May 2026 (instalment 3)" in text
    assert "2 March 2026 Payment Bank transfer EP-MAR £333.35" in text
    assert "10 April 2026 Payment Card £200.00" in text
    assert "20 April 2026 Refund Bank transfer −£50.00" in text
    assert "Page 1 of 1" in text
    for name, font in fonts(data):
        assert embedded(font), name


def test_statement_of_a_fully_paid_enrolment_with_nothing_due(practice: Database) -> None:
    enrolment_id = make_enrolment(practice, price=120000, instalments=3)
    for n, day in enumerate((date(2026, 3, 1), date(2026, 4, 1), date(2026, 5, 1)), start=1):
        add_payment(practice, enrolment_id, 40000, day, instalment_number=n)
    text = all_text(statement_pdf(practice, enrolment_id, on=date(2026, 5, 2)))
    assert "Outstanding £0.00" in text
    assert "Nothing more is due" in text
    assert "Overdue now" not in text


def test_statement_without_payments_and_on_letter(practice: Database, tmp_path: Path) -> None:
    set_profile(practice, page_size=PageSize.LETTER)
    enrolment_id = make_enrolment(practice)
    target = tmp_path / "statement.pdf"
    render_statement(practice, enrolment_id, target, on=date(2026, 3, 1))
    data = target.read_bytes()
    assert media_box(data) == (612, 792)
    assert stat.S_IMODE(target.stat().st_mode) == 0o600
    assert "No payments have been received yet." in all_text(data)


def test_receipt_written_to_a_file(
    practice: Database, paid_in_part: tuple[int, list[int]], tmp_path: Path
) -> None:
    target = tmp_path / "receipt.pdf"
    render_receipt(practice, paid_in_part[1][0], target)
    assert target.read_bytes().startswith(b"%PDF")
    assert stat.S_IMODE(target.stat().st_mode) == 0o600


def test_unknown_ids_are_refused(practice: Database) -> None:
    with pytest.raises(NotFoundError, match="no payment with id 404"):
        receipt_pdf(practice, 404)
    with pytest.raises(NotFoundError, match="no enrolment with id 404"):
        statement_pdf(practice, 404)
