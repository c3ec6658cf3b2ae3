"""The programme agreement: what the client signs.

Everything about the programme comes from the enrolment's ``terms_snapshot`` (the terms
and the practice's clauses as agreed), never from the live programme, so editing a
programme later never changes a client's agreement. Derived figures (the planned number
of sessions) come from :mod:`practice.economics`.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from reportlab.lib.styles import ParagraphStyle
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
from practice.documents.fonts import REGULAR
from practice.documents.formatting import Formatter, length, markup, minutes, paragraphs, plural
from practice.documents.loading import EnrolmentRecord, load_enrolment
from practice.documents.merge import fill
from practice.documents.sessionplan import minimum_term_text, period_line, support_line
from practice.documents.styles import INK, styles, table_style
from practice.models import PaymentPlan
from practice.timeutil import today


def agreement_reference(enrolment_id: int, on: date) -> str:
    """``AGR-12-2026-03-03``: the enrolment and the date it was agreed (or prepared)."""
    return f"AGR-{enrolment_id}-{on.isoformat()}"


@dataclass(frozen=True)
class _Context:
    record: EnrolmentRecord
    fmt: Formatter
    width: float
    values: dict[str, str]


def merge_values(record: EnrolmentRecord, fmt: Formatter) -> dict[str, str]:
    """The value of every merge field for this enrolment, formatted for the client."""
    terms = record.terms
    amounts = [i.amount for i in record.instalments]
    regular = amounts[-1 if record.remainder_on == "first" else 0] if amounts else 0
    return {
        "client_name": record.client_name,
        "client_first_name": record.client_first_name,
        "programme_name": terms.name,
        "start_date": fmt.date(record.start_date),
        "end_date": fmt.date(record.end_date),
        "length": length(terms.length_value, terms.length_unit),
        "minimum_term": minimum_term_text(terms) if terms.minimum_term else "no minimum term",
        "sessions": str(record.sessions_planned),
        "session_length": minutes(terms.session_minutes),
        "total": fmt.money(record.agreed_price, record.currency),
        "instalments": str(len(amounts)),
        "instalment_amount": fmt.money(regular, record.currency),
        "practitioner_name": record.practice.practitioner_name,
        "business_name": record.practice.business_name,
    }


def agreement_pdf(db: Database, enrolment_id: int) -> bytes:
    """The agreement for ``enrolment_id`` as PDF bytes (raises NotFoundError)."""
    record = load_enrolment(db, enrolment_id)
    fmt = Formatter(record.locale)
    width = content_width(record.page_size)
    ctx = _Context(record, fmt, width, merge_values(record, fmt))
    on = record.agreed_on or today()
    reference = agreement_reference(record.enrolment_id, on)
    story: list[Flowable] = [
        *practice_header(record.practice, width),
        *_title(ctx, on, reference),
        *_how_it_works(ctx),
        *_included(ctx),
        *_cost(ctx),
        *_payment_plan(ctx),
        *_terms(ctx),
        *_also_agreed(ctx),
        _signatures(ctx),
    ]
    info = DocumentInfo(
        title=f"Programme agreement: {record.terms.name} — {record.client_name}",
        reference=reference,
        author=record.practice.name,
        subject="Programme agreement",
        page_size=record.page_size,
    )
    return build_pdf(info, story, record.practice.name)


def render_agreement(db: Database, enrolment_id: int, output: Output) -> None:
    """Write the programme agreement for ``enrolment_id`` to a path or binary stream."""
    data = agreement_pdf(db, enrolment_id)
    export_pdf(db, data, output, entity="enrolment", entity_id=enrolment_id, document="agreement")


def _title(ctx: _Context, on: date, reference: str) -> list[Flowable]:
    st = styles()
    record = ctx.record
    dated = "Agreed on" if record.agreed_on else "Prepared on"
    rows = [
        ("Client", record.client_name),
        ("Programme", record.terms.name),
        (
            "Dates",
            f"{ctx.fmt.date(record.start_date)} to {ctx.fmt.date(record.end_date)} "
            f"({length(record.terms.length_value, record.terms.length_unit)})",
        ),
        ("Minimum term", minimum_term_text(record.terms)),
        (dated, ctx.fmt.date(on)),
        ("Reference", reference),
    ]
    table = details_table(rows, ctx.width)
    return [
        Paragraph("Programme agreement", st.title),
        Paragraph(f"{markup(record.terms.name)} for {markup(record.client_name)}", st.subtitle),
        table,
    ]


def _how_it_works(ctx: _Context) -> list[Flowable]:
    text = fill(ctx.record.terms.description, ctx.values, strict=False).strip()
    if not text:
        return []
    st = styles()
    return [Paragraph("How it works", st.heading)] + [
        Paragraph(block, st.body) for block in paragraphs(text)
    ]


def _bullets(items: list[str]) -> list[Flowable]:
    st = styles()
    return [Paragraph(markup(item), st.body, bulletText="•") for item in items]


def _included(ctx: _Context) -> list[Flowable]:
    st = styles()
    terms = ctx.record.terms
    sessions = plural(ctx.record.sessions_planned, "session")
    flow: list[Flowable] = [
        Paragraph("What is included", st.heading),
        *_bullets(
            [
                f"{sessions} of {minutes(terms.session_minutes)} over "
                f"{length(terms.length_value, terms.length_unit)}:"
            ]
        ),
    ]
    sub = _indented(st.body)
    last = ParagraphStyle(f"{sub.name}_last", parent=sub, spaceAfter=st.body.spaceAfter)
    flow += [
        Paragraph(
            markup(period_line(p, terms.length_unit)),
            last if n == len(terms.periods) - 1 else sub,
            bulletText="–",
        )
        for n, p in enumerate(terms.periods)
    ]
    extras: list[str] = []
    support = support_line(terms)
    if support:
        extras.append(support)
    extras += [
        f"{inc.kind}: {inc.description}" if inc.kind else inc.description
        for inc in terms.inclusions
    ]
    # A short list: kept on one page so the session plan never parts from its heading.
    return [KeepTogether(flow + _bullets(extras))]


def _indented(style: ParagraphStyle) -> ParagraphStyle:
    return ParagraphStyle(
        f"{style.name}_indented", parent=style, leftIndent=26, bulletIndent=14, spaceAfter=2
    )


def _cost(ctx: _Context) -> list[Flowable]:
    st = styles()
    record = ctx.record
    money = ctx.fmt.money
    rows: list[tuple[str, str]] = []
    if record.discount > 0:
        rows += [
            ("Programme price", money(record.full_price, record.currency)),
            ("Discount for paying in full", "−" + money(record.discount, record.currency)),
        ]
    rows.append(("Overall cost", money(record.agreed_price, record.currency)))
    note = "This is the whole cost of the programme: everything listed above is included."
    return [
        KeepTogether(
            [Paragraph("The cost", st.heading), figures_box(rows, ctx.width, emphasise_last=True)]
        ),
        Spacer(1, 2 * mm),
        Paragraph(note, st.muted),
    ]


def _payment_plan(ctx: _Context) -> list[Flowable]:
    st = styles()
    record = ctx.record
    money = ctx.fmt.money
    instalments = record.instalments
    if record.payment_plan == PaymentPlan.FULL:
        intro = "The overall cost is paid in full"
        if instalments:
            intro += f", by {ctx.fmt.date(instalments[0].due_date)}"
        intro += "."
    else:
        interval = record.instalment_interval
        count = plural(len(instalments), f"{interval} instalment" if interval else "instalment")
        intro = f"The overall cost is paid in {count}, on these dates:"
    header = [
        Paragraph("Payment", st.cell_bold),
        Paragraph("Due on", st.cell_bold),
        Paragraph("Amount", st.cell_right_bold),
    ]
    rows: list[list[Flowable]] = [header]
    for inst in instalments:
        rows.append(
            [
                Paragraph(str(inst.number), st.cell),
                Paragraph(ctx.fmt.date(inst.due_date), st.cell),
                Paragraph(money(inst.amount, record.currency), st.cell_right),
            ]
        )
    rows.append(
        [
            Paragraph("Total", st.cell_bold),
            Paragraph("", st.cell),
            Paragraph(money(record.agreed_price, record.currency), st.cell_right_bold),
        ]
    )
    table = Table(
        rows, colWidths=[25 * mm, ctx.width - 65 * mm, 40 * mm], hAlign="LEFT", repeatRows=1
    )
    table.setStyle(table_style(total_row=True))
    flow: list[Flowable] = [
        Paragraph("Payment plan", st.heading),
        Paragraph(intro, st.body),
        table,
    ]
    remainder = _remainder_note(ctx)
    if remainder:
        flow += [Spacer(1, 2 * mm), Paragraph(markup(remainder), st.muted)]
    # A short plan stays on one page; a long one splits, repeating its header row.
    return [KeepTogether(flow)] if len(instalments) <= 12 else flow


def _remainder_note(ctx: _Context) -> str | None:
    """When instalments differ, say which carries the leftover and why."""
    record = ctx.record
    amounts = [i.amount for i in record.instalments]
    if len(set(amounts)) <= 1:
        return None
    which, odd, regular = (
        ("first", amounts[0], amounts[-1])
        if record.remainder_on == "first"
        else ("last", amounts[-1], amounts[0])
    )
    extra = ctx.fmt.money(abs(odd - regular), record.currency)
    return (
        f"The {which} instalment includes the extra {extra} so that the instalments "
        "add up exactly to the overall cost."
    )


def _terms(ctx: _Context) -> list[Flowable]:
    clauses = ctx.record.terms.clauses
    if not clauses:
        return []
    st = styles()
    flow: list[Flowable] = [Paragraph("Our terms", st.heading)]
    for clause in clauses:
        body = paragraphs(fill(clause.body, ctx.values, strict=False))
        heading = Paragraph(markup(clause.heading), st.subheading) if clause.heading else None
        first = [Paragraph(body[0], st.body)] if body else []
        flow.append(KeepTogether([*([heading] if heading else []), *first]))
        flow += [Paragraph(block, st.body) for block in body[1:]]
    return flow


def _also_agreed(ctx: _Context) -> list[Flowable]:
    notes = ctx.record.notes.strip()
    if not notes:
        return []
    st = styles()
    return [Paragraph("Also agreed", st.heading)] + [
        Paragraph(block, st.body) for block in paragraphs(notes)
    ]


def _signatures(ctx: _Context) -> Flowable:
    """Both signature blocks, kept together with the sentence that introduces them."""
    st = styles()
    record = ctx.record
    practitioner = record.practice.practitioner_name or record.practice.name

    def party(role: str, name: str) -> list[Flowable | str]:
        who = Paragraph(f"<b>{role}</b><br/>{markup(name)}", st.cell)
        return [who, Paragraph("Signature", st.muted), "", Paragraph("Date", st.muted), ""]

    line_width = ctx.width - 62 * mm - 18 * mm - 10 * mm - 34 * mm
    grid = Table(
        [party("Client", record.client_name), party("Practitioner", practitioner)],
        colWidths=[62 * mm, 18 * mm, line_width, 10 * mm, 34 * mm],
        rowHeights=[14 * mm, 14 * mm],
        hAlign="LEFT",
    )
    grid.setStyle(
        [
            ("FONTNAME", (0, 0), (-1, -1), REGULAR),
            ("VALIGN", (0, 0), (-1, -1), "BOTTOM"),
            ("LEFTPADDING", (0, 0), (-1, -1), 0),
            ("RIGHTPADDING", (0, 0), (-1, -1), 4),
            ("BOTTOMPADDING", (0, 0), (-1, -1), 2),
            ("LINEBELOW", (2, 0), (2, -1), 0.8, INK),
            ("LINEBELOW", (4, 0), (4, -1), 0.8, INK),
        ]
    )
    return KeepTogether(
        [
            Paragraph("Signatures", st.heading),
            Paragraph(
                "By signing, we both agree to this programme, its cost, its payment plan "
                "and the terms above.",
                st.body,
            ),
            grid,
        ]
    )
