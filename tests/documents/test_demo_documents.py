"""Every document renders for every enrolment and payment of a small sample practice."""

from __future__ import annotations

from datetime import date

from sqlalchemy import select

from practice.db import Database
from practice.demo import generate_demo
from practice.documents.agreement import agreement_pdf
from practice.documents.receipt import receipt_pdf
from practice.documents.statement import statement_pdf
from practice.models import Client, Enrolment, Payment
from tests.documents.pdfcheck import all_text, embedded, fonts, page_texts


def test_documents_for_the_whole_sample_practice(db: Database) -> None:
    generate_demo(db, clients=5, years=1, seed=3, today=date(2026, 6, 1))
    with db.transaction() as s:
        enrolments = s.execute(
            select(Enrolment.id, Client.first_name, Client.last_name).join(Client)
        ).all()
        payment_ids = list(s.scalars(select(Payment.id)))
    assert enrolments and payment_ids
    for enrolment_id, first, last in enrolments:
        data = agreement_pdf(db, enrolment_id)
        pages = page_texts(data)
        assert f"{first} {last}" in all_text(data)
        assert all(f"Page {n} of {len(pages)}" in p for n, p in enumerate(pages, 1))
        assert "{" not in all_text(data), "a merge field was left unfilled"
        assert all(embedded(font) for _name, font in fonts(data))
        assert f"{first} {last}" in all_text(statement_pdf(db, enrolment_id, on=date(2026, 6, 1)))
    for payment_id in payment_ids:
        assert "Paid so far" in all_text(receipt_pdf(db, payment_id))
