"""A receipt for one payment (or a note of one refund) against an enrolment.

"Paid so far" and "outstanding" are as they stood right after this payment, as the
economics module works them out (:func:`practice.economics.balance_after_payment`).
"""

from __future__ import annotations

from reportlab.lib.units import mm
from reportlab.platypus import Flowable, Spacer

from practice.db import Database
from practice.documents.common import (
    DocumentInfo,
    Output,
    build_pdf,
    content_width,
    export_pdf,
    practice_header,
)
from practice.documents.formatting import Formatter
from practice.documents.loading import EnrolmentRecord, PaymentRow, load_enrolment, load_payment
from practice.documents.styles import styles
from practice.documents.tables import details_table, figures_box
from practice.documents.text import Text
from practice.economics import Balance, balance_after_payment
from practice.models import PaymentKind, label


def receipt_number(payment_id: int, *, refund: bool = False) -> str:
    """``RCT-00042`` for a payment, ``REF-00043`` for a refund note: stable for ever.

    Payments and refunds share one series of numbers (a number is never reused, voided
    ones included), so each document's number is its own, and a refund note is never
    mistaken for a receipt."""
    return f"{'REF' if refund else 'RCT'}-{payment_id:05d}"


def balance_after(db: Database, payment_id: int) -> Balance:
    """The enrolment's balance right after ``payment_id`` was received."""
    return balance_after_payment(db, payment_id)


def receipt_pdf(db: Database, payment_id: int) -> bytes:
    """The receipt for ``payment_id`` as PDF bytes (raises NotFoundError)."""
    payment, enrolment_id = load_payment(db, payment_id)
    record = load_enrolment(db, enrolment_id)
    after = balance_after_payment(db, payment_id)
    fmt = Formatter(record.locale)
    width = content_width(record.page_size)
    st = styles()
    refund = payment.kind == PaymentKind.REFUND
    number = receipt_number(payment.id, refund=refund)
    title = "Refund" if refund else "Receipt"
    details = [
        ("Refund number" if refund else "Receipt number", number),
        ("Date received" if not refund else "Date refunded", fmt.date(payment.received_on)),
        ("Received from" if not refund else "Refunded to", record.client_name),
        ("For", _what_for(record, payment, fmt)),
        ("Method", label(payment.method)),
    ]
    if payment.reference:
        details.append(("Reference", payment.reference))
    amount = fmt.money(payment.amount, payment.currency)
    cur = record.currency
    story: list[Flowable] = [
        *practice_header(record.practice, width),
        Text(title, st.title),
        Text(f"{record.terms.name} — {record.client_name}", st.subtitle, rtl=False),
        details_table(details, width),
        Spacer(1, 5 * mm),
        figures_box(
            [("Amount refunded" if refund else "Amount received", amount)],
            width,
            emphasise_last=True,
        ),
        Text("After this " + ("refund" if refund else "payment"), st.heading),
        figures_box(_after_rows(after, cur, fmt), width, emphasise_last=False),
        Spacer(1, 6 * mm),
        Text("Thank you." if not refund else "This refund has been sent to you.", st.body),
    ]
    info = DocumentInfo(
        title=f"{title} {number} — {record.client_name}",
        reference=number,
        author=record.practice.name,
        subject=f"{title} for {record.client_name}: {record.terms.name}",
        page_size=record.page_size,
        created=payment.received_on,
        language=fmt.language,
    )
    return build_pdf(info, story, record.practice.name)


def render_receipt(db: Database, payment_id: int, output: Output) -> None:
    """Write the receipt for ``payment_id`` to a path (owner-only) or binary stream."""
    data = receipt_pdf(db, payment_id)
    export_pdf(db, data, output, entity="payment", entity_id=payment_id, document="receipt")


def _after_rows(after: Balance, cur: str, fmt: Formatter) -> list[tuple[str, str]]:
    """The balance right after the payment, in lines that add up: price to pay, less
    what was paid (payments less refunds), is what is outstanding (or held in credit)."""
    rows = [("Price to pay", fmt.money(after.price_due - after.price_lowered_by, cur))]
    rows.append(("Paid so far (less refunds)", "−" + fmt.money(after.paid, cur)))
    if after.credit:
        rows.append(("In credit", fmt.money(after.credit, cur)))
    else:
        rows.append(("Outstanding", fmt.money(after.outstanding, cur)))
    return rows


def _what_for(record: EnrolmentRecord, payment: PaymentRow, fmt: Formatter) -> str:
    text = record.terms.name
    if payment.kind == PaymentKind.REFUND:
        return text
    if len(record.instalments) == 1:
        return f"{text}, paid in full"
    for inst in record.instalments:
        if inst.id == payment.instalment_id:
            text += (
                f", instalment {inst.number} of {len(record.instalments)} "
                f"(due {fmt.date(inst.due_date)})"
            )
    return text
