"""A statement of account for one enrolment: what was agreed, every instalment with its
status, every payment and refund, paid, outstanding and what is due next.

Every figure (paid, outstanding, overdue, the per-instalment allocation, next due) comes
from :func:`practice.economics.enrolment.enrolment_figures`; this module only lays them out.
"""

from __future__ import annotations

from datetime import date

from reportlab.lib.units import mm
from reportlab.platypus import Flowable, KeepTogether, Paragraph, Spacer, Table

from practice.db import Database
from practice.documents.common import (
    DocumentInfo,
    Output,
    build_pdf,
    content_width,
    details_table,
    export_pdf,
    figures_box,
    practice_header,
)
from practice.documents.formatting import Formatter, markup
from practice.documents.loading import PaymentRow, load_enrolment, load_payments
from practice.documents.styles import styles, table_style
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
        Paragraph("Statement", st.title),
        Paragraph(f"{markup(record.terms.name)} for {markup(record.client_name)}", st.subtitle),
        details_table(details, width),
        *_summary(figures, record.status, fmt, width),
        *_instalments(figures, fmt, width),
        *_payments(payments, fmt, width),
    ]
    info = DocumentInfo(
        title=f"Statement: {record.terms.name} — {record.client_name}",
        reference=reference,
        author=record.practice.name,
        subject="Statement",
        page_size=record.page_size,
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
        KeepTogether(
            [Paragraph("Summary", st.heading), figures_box(rows, width, emphasise_last=True)]
        )
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
    flow += [Spacer(1, 2 * mm), Paragraph(markup(text), st.body)]
    return flow


def _instalments(figures: EnrolmentFigures, fmt: Formatter, width: float) -> list[Flowable]:
    if not figures.instalments:
        return []
    st = styles()
    cur = figures.currency
    rows: list[list[Flowable]] = [
        [
            Paragraph("No.", st.cell_bold),
            Paragraph("Due on", st.cell_bold),
            Paragraph("Amount", st.cell_right_bold),
            Paragraph("Paid", st.cell_right_bold),
            Paragraph("Left", st.cell_right_bold),
            Paragraph("Status", st.cell_bold),
        ]
    ]
    for inst in figures.instalments:
        rows.append(
            [
                Paragraph(str(inst.number), st.cell),
                Paragraph(fmt.date(inst.due_date), st.cell),
                Paragraph(fmt.money(inst.amount, cur), st.cell_right),
                Paragraph(fmt.money(inst.paid, cur), st.cell_right),
                Paragraph(fmt.money(inst.left, cur), st.cell_right),
                Paragraph(inst.state.label, st.cell_bold if inst.left else st.cell),
            ]
        )
    fixed = 14 * mm + 3 * 27 * mm + 24 * mm
    table = Table(
        rows,
        colWidths=[14 * mm, width - fixed, 27 * mm, 27 * mm, 27 * mm, 24 * mm],
        hAlign="LEFT",
        repeatRows=1,
    )
    table.setStyle(table_style())
    return [Paragraph("Instalments", st.heading), table]


def _payments(payments: tuple[PaymentRow, ...], fmt: Formatter, width: float) -> list[Flowable]:
    st = styles()
    flow: list[Flowable] = [Paragraph("Payments and refunds", st.heading)]
    if not payments:
        return [*flow, Paragraph("No payments have been received yet.", st.body)]
    rows: list[list[Flowable]] = [
        [
            Paragraph("Received on", st.cell_bold),
            Paragraph("", st.cell_bold),
            Paragraph("Method", st.cell_bold),
            Paragraph("Reference", st.cell_bold),
            Paragraph("Amount", st.cell_right_bold),
        ]
    ]
    for p in payments:
        refund = p.kind == PaymentKind.REFUND
        amount = fmt.money(p.amount, p.currency)
        rows.append(
            [
                Paragraph(fmt.date(p.received_on), st.cell),
                Paragraph(label(p.kind), st.cell),
                Paragraph(label(p.method), st.cell),
                Paragraph(markup(p.reference), st.cell),
                Paragraph("−" + amount if refund else amount, st.cell_right),
            ]
        )
    fixed = 38 * mm + 22 * mm + 32 * mm + 30 * mm
    table = Table(
        rows,
        colWidths=[38 * mm, 22 * mm, 32 * mm, width - fixed, 30 * mm],
        hAlign="LEFT",
        repeatRows=1,
    )
    table.setStyle(table_style())
    return [*flow, table]
