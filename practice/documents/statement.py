"""A statement of account for one enrolment: what was agreed, every instalment with its
status, every payment and refund, paid, outstanding and what is due next.

Every figure (paid, outstanding, overdue, the per-instalment allocation, next due) comes
from :func:`practice.economics.enrolment.enrolment_figures`; this module only lays them out.
"""

from __future__ import annotations

from datetime import date

from reportlab.lib.units import mm
from reportlab.platypus import Flowable, KeepTogether, Spacer

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
from practice.documents.layout import keep_with_start
from practice.documents.loading import PaymentRow, load_enrolment, load_payments
from practice.documents.styles import styles
from practice.documents.tables import details_table, figures_box, grid
from practice.documents.text import Text
from practice.economics.enrolment import EnrolmentFigures, enrolment_figures
from practice.models import EnrolmentStatus, PaymentKind, label
from practice.timeutil import today


def statement_reference(enrolment_id: int, on: date) -> str:
    """``STM-12-2026-05-20``: the enrolment and the day the statement was made."""
    return f"STM-{enrolment_id}-{on.isoformat()}"


def statement_pdf(db: Database, enrolment_id: int, *, on: date | None = None) -> bytes:
    """The statement of ``enrolment_id`` as of ``on`` (default today), as PDF bytes."""
    on = on or today()
    record = load_enrolment(db, enrolment_id)
    figures = enrolment_figures(db, enrolment_id, today=on)
    payments = load_payments(db, enrolment_id)
    fmt = Formatter(record.locale)
    width = content_width(record.page_size)
    st = styles()
    reference = statement_reference(enrolment_id, on)
    details = [
        ("Client", record.client_name),
        ("Programme", record.terms.name),
        ("Dates", f"{fmt.date(record.start_date)} to {fmt.date(record.end_date)}"),
        ("Status", label(record.status)),
        ("Statement date", fmt.date(on)),
        ("Reference", reference),
    ]
    story: list[Flowable] = [
        *practice_header(record.practice, width),
        Text("Statement", st.title),
        Text(f"{record.terms.name} for {record.client_name}", st.subtitle, rtl=False),
        details_table(details, width),
        *_summary(figures, record.status, fmt, width),
        *_instalments(figures, fmt, width),
        *_payments(payments, fmt, width),
    ]
    info = DocumentInfo(
        title=f"Statement: {record.terms.name} — {record.client_name}",
        reference=reference,
        author=record.practice.name,
        subject=f"Statement for {record.client_name}: {record.terms.name}",
        page_size=record.page_size,
        created=on,
        language=fmt.language,
    )
    return build_pdf(info, story, record.practice.name)


def render_statement(
    db: Database, enrolment_id: int, output: Output, *, on: date | None = None
) -> None:
    """Write the statement of ``enrolment_id`` to a path (owner-only) or binary stream."""
    data = statement_pdf(db, enrolment_id, on=on)
    export_pdf(db, data, output, entity="enrolment", entity_id=enrolment_id, document="statement")


def _summary(
    figures: EnrolmentFigures, status: EnrolmentStatus, fmt: Formatter, width: float
) -> list[Flowable]:
    st = styles()
    cur = figures.currency
    rows = [("Overall cost agreed", fmt.money(figures.agreed_price, cur))]
    if figures.price_due != figures.agreed_price:
        why = "cancelled" if status == EnrolmentStatus.CANCELLED else "ended early"
        rows.append((f"Cost due (programme {why})", fmt.money(figures.price_due, cur)))
    paid_label = "Paid so far"
    if figures.refunded:
        paid_label += f" (after refunds of {fmt.money(figures.refunded, cur)})"
    rows.append((paid_label, fmt.money(figures.paid, cur)))
    if figures.overdue:
        rows.append(("Overdue now", fmt.money(figures.overdue, cur)))
    if figures.credit:
        rows.append(("In credit", fmt.money(figures.credit, cur)))
    rows.append(("Outstanding", fmt.money(figures.outstanding, cur)))
    flow: list[Flowable] = [
        KeepTogether([Text("Summary", st.heading), figures_box(rows, width, emphasise_last=True)])
    ]
    nxt = figures.next_instalment
    if nxt is not None:
        text = (
            f"Next payment due: {fmt.money(nxt.left, cur)} on {fmt.date(nxt.due_date)} "
            f"(instalment {nxt.number})."
        )
    elif figures.outstanding:
        text = "Nothing more falls due later; the amount outstanding is due now."
    else:
        text = "Nothing more is due. Thank you."
    flow += [Spacer(1, 2 * mm), Text(text, st.body)]
    return flow


def _instalments(figures: EnrolmentFigures, fmt: Formatter, width: float) -> list[Flowable]:
    if not figures.instalments:
        return []
    st = styles()
    cur = figures.currency
    table = grid(
        [
            ("No.", st.cell_bold),
            ("Due on", st.cell_bold),
            ("Amount", st.cell_right_bold),
            ("Paid", st.cell_right_bold),
            ("Left", st.cell_right_bold),
            ("Status", st.cell_bold),
        ],
        [
            [
                (str(inst.number), st.cell),
                (fmt.date(inst.due_date), st.cell),
                (fmt.money(inst.amount, cur), st.cell_right),
                (fmt.money(inst.paid, cur), st.cell_right),
                (fmt.money(inst.left, cur), st.cell_right),
                (inst.state.label, st.cell_bold if inst.left else st.cell),
            ]
            for inst in figures.instalments
        ],
        width,
        measured=[True, False, True, True, True, True],
    )
    return keep_with_start([Text("Instalments", st.heading)], table, width)


def _payments(payments: tuple[PaymentRow, ...], fmt: Formatter, width: float) -> list[Flowable]:
    st = styles()
    flow: list[Flowable] = [Text("Payments and refunds", st.heading)]
    if not payments:
        return [*flow, Text("No payments have been received yet.", st.body)]
    table = grid(
        [
            ("Received on", st.cell_bold),
            ("", st.cell_bold),
            ("Method", st.cell_bold),
            ("Reference", st.cell_bold),
            ("Amount", st.cell_right_bold),
        ],
        [
            [
                (fmt.date(p.received_on), st.cell),
                (label(p.kind), st.cell),
                (label(p.method), st.cell),
                (p.reference, st.cell),
                (
                    ("−" if p.kind == PaymentKind.REFUND else "") + fmt.money(p.amount, p.currency),
                    st.cell_right,
                ),
            ]
            for p in payments
        ],
        width,
        measured=[True, True, True, False, True],
    )
    return keep_with_start(flow, table, width)
