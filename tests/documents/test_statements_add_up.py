"""Every statement and receipt of a sample practice adds up from its own printed lines.

The text is read back from the PDF, as a client would read the page: the summary's
lines are applied top to bottom (− taken off, + added back) and each total must equal
the running sum; the payments listed must add up to the payments and refunds in the
summary; a receipt's price to pay, less what was paid, must be what it says is left.
"""

from __future__ import annotations

import re
from datetime import date
from decimal import Decimal

from sqlalchemy import select

from practice.db import Database
from practice.demo import generate_demo
from practice.documents.receipt import receipt_pdf
from practice.documents.statement import statement_pdf
from practice.economics import enrolment_figures
from practice.models import Enrolment, EnrolmentStatus, Payment
from tests.documents.pdfcheck import all_text

ON = date(2026, 6, 1)
AMOUNT = r"([−+]?)£([\d,]+\.\d\d)"
SUMMARY = re.compile(
    r"(Full price|Pay-in-full discount|Price agreed|Price proposed|Not owed[^£−+]*?"
    r"|Price lowered by refund|Price to pay|Payments received|Refunds given"
    r"|In credit \(yours to have back\)|Outstanding) " + AMOUNT
)
TOTALS = {"Price to pay", "Outstanding", "In credit (yours to have back)"}
LISTED = re.compile(
    r"(Payment|Refund) (?:Bank transfer|Card|Cash|Cheque|Other)[^£−]*?(−?)£([\d,]+\.\d\d)"
)


def pence(text: str) -> int:
    return int(Decimal(text.replace(",", "")) * 100)


def check_statement(text: str) -> tuple[int, int]:
    """Add the summary up as printed; returns (outstanding, credit) as printed."""
    summary = text[
        text.index("Summary") : text.index("Instalments") if "Instalments" in text else None
    ]
    lines = SUMMARY.findall(summary)
    assert lines, summary
    running = 0
    outstanding = credit = 0
    received = refunded = None
    for index, (label, sign, amount) in enumerate(lines):
        label = label.strip()
        value = pence(amount)
        if label in TOTALS or (label.startswith("Price ") and index > 0 and not sign):
            if label == "In credit (yours to have back)":
                assert running == -value, (label, running, value, summary)
                credit = value
            else:
                assert running == value, (label, running, value, summary)
                outstanding = value if label == "Outstanding" else outstanding
            continue
        if index == 0:
            running = value
        else:
            assert sign in "−+" and sign, (label, summary)
            running += value if sign == "+" else -value
        if label == "Payments received":
            received = value
        if label == "Refunds given":
            refunded = value
    assert received is not None, summary
    payments = sum(pence(a) for kind, _s, a in LISTED.findall(text) if kind == "Payment")
    refunds = sum(pence(a) for kind, _s, a in LISTED.findall(text) if kind == "Refund")
    assert (payments, refunds) == (received, refunded or 0), text
    return outstanding, credit


def test_every_statement_and_receipt_of_the_sample_adds_up(db: Database) -> None:
    generate_demo(db, clients=9, years=2, seed=11, today=ON)
    with db.transaction() as s:
        enrolments = [(r[0], r[1]) for r in s.execute(select(Enrolment.id, Enrolment.status))]
        payment_ids = list(s.scalars(select(Payment.id)))
    seen = set()
    for enrolment_id, status in enrolments:
        text = all_text(statement_pdf(db, enrolment_id, on=ON))
        outstanding, credit = check_statement(text)
        figures = enrolment_figures(db, enrolment_id, today=ON)
        assert (outstanding, credit) == (figures.outstanding, figures.credit)
        seen.add(EnrolmentStatus(status))
        if figures.refunded:
            seen.add("refunded")
        if figures.credit:
            seen.add("in credit")
    # the sample holds every kind the statement must add up for
    assert {*EnrolmentStatus, "refunded"} <= seen, seen
    for payment_id in payment_ids:
        text = all_text(receipt_pdf(db, payment_id))
        to_pay = pence(re.search(r"Price to pay " + AMOUNT, text).group(2))  # type: ignore[union-attr]
        paid = pence(re.search(r"Paid so far \(less refunds\) " + AMOUNT, text).group(2))  # type: ignore[union-attr]
        left = re.search(r"(Outstanding|In credit) " + AMOUNT, text)
        assert left is not None
        signed_left = pence(left.group(3)) * (1 if left.group(1) == "Outstanding" else -1)
        assert to_pay - paid == signed_left, text
