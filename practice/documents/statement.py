"""A statement of account for one enrolment: what was agreed, every instalment with its
status, every payment and refund, paid, outstanding and what is due next.

Every figure (paid, outstanding, overdue, the per-instalment allocation, next due) comes
from :func:`practice.economics.enrolment.enrolment_figures`; this module only lays them out.
"""

from __future__ import annotations

from dataclasses import dataclass
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
from practice.documents.loading import (
    CreditNoteRow,
    EnrolmentRecord,
    PaymentRow,
    load_credit_notes,
    load_enrolment,
    load_payments,
)
from practice.documents.styles import styles
from practice.documents.tables import details_table, figures_box, grid
from practice.documents.text import Text
from practice.economics.balance import balance
from practice.economics.enrolment import EnrolmentFigures, enrolment_figures
from practice.economics.instalments import InstalmentState
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
    # the account as it stood on the statement's day: nothing received or lowered later
    payments = tuple(p for p in load_payments(db, enrolment_id) if p.received_on <= on)
    credit_notes = tuple(n for n in load_credit_notes(db, enrolment_id) if n.made_on <= on)
    fmt = Formatter(record.locale)
    width = content_width(record.page_size)
    st = styles()
    reference = statement_reference(enrolment_id, on)
    details = [
        ("Client", record.client_name),
        ("Programme", record.terms.name),
        ("Dates", f"{fmt.date(record.start_date)} to {fmt.date(record.end_date)}"),
        ("Status", label(record.status)),
        *_ended(record, fmt),
        ("Statement date", fmt.date(on)),
        ("Reference", reference),
    ]
    story: list[Flowable] = [
        *practice_header(record.practice, width),
        Text("Statement", st.title),
        Text(f"{record.terms.name} for {record.client_name}", st.subtitle, rtl=False),
        details_table(details, width),
        *_summary(figures, record, fmt, width),
        *_instalments(figures, fmt, width, on),
        *_payments(payments, fmt, width),
        *_credit_notes(credit_notes, figures.currency, fmt, width),
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


@dataclass(frozen=True, slots=True)
class Line:
    """One summary line: an amount added (+) or taken off (−), or a total of those above."""

    label: str
    amount: int  # signed; a total is the running sum of the lines above it
    total: bool = False

    @property
    def sign(self) -> str:
        """ "−" for a line that takes off (even nothing), "+" for one that adds back."""
        return "−" if self.amount < 0 or self.label == "Payments received" else "+"


def summary_lines(figures: EnrolmentFigures, record: EnrolmentRecord, fmt: Formatter) -> list[Line]:
    """The summary as lines that add up on the page, top to bottom.

    Price agreed (after any pay-in-full discount, shown as its own line), less what is
    not owed (a proposal not yet agreed, a cancelled enrolment, the instalments after an
    enrolment ended early), what credit notes and refunds took off the price, is the
    price to pay;
    less the payments received, plus the refunds given, is what is outstanding — or,
    below nothing, the credit the client holds (printed as a positive amount).
    """
    money = balance(figures.price_due, figures.paid + figures.refunded, figures.refunded)
    lines: list[Line] = []
    status = record.status
    price_label = "Price proposed" if status == EnrolmentStatus.PROPOSED else "Price agreed"
    if record.discount:
        lines.append(Line("Full price", record.full_price))
        lines.append(Line("Pay-in-full discount", -record.discount))
        lines.append(Line(price_label, figures.agreed_price, total=True))
    else:
        lines.append(Line(price_label, figures.agreed_price))
    not_owed = figures.agreed_price - figures.price_due - figures.price_reduced
    if not_owed:
        if status == EnrolmentStatus.PROPOSED:
            why = "Not owed until the programme is agreed"
        elif status == EnrolmentStatus.CANCELLED:
            why = "Not owed: the programme was cancelled"
        else:
            ended = f" on {fmt.date(record.ended_on)}" if record.ended_on else ""
            why = f"Not owed: instalments after the programme ended{ended}"
        lines.append(Line(why, -not_owed))
    if figures.price_reduced:
        lines.append(Line("Price lowered by credit note", -figures.price_reduced))
    if money.price_lowered_by:
        lines.append(Line("Price lowered by refund", -money.price_lowered_by))
    lines.append(Line("Price to pay", figures.price_due - money.price_lowered_by, total=True))
    lines.append(Line("Payments received", -money.payments))
    if figures.refunded:
        lines.append(Line("Refunds given", figures.refunded))
    if figures.credit:
        lines.append(Line("In credit (yours to have back)", -figures.credit, total=True))
    else:
        lines.append(Line("Outstanding", figures.outstanding, total=True))
    return lines


def _summary(
    figures: EnrolmentFigures, record: EnrolmentRecord, fmt: Formatter, width: float
) -> list[Flowable]:
    st = styles()
    cur = figures.currency
    rows = []
    for index, line in enumerate(summary_lines(figures, record, fmt)):
        text = fmt.money(abs(line.amount), cur)
        if not line.total and index > 0:
            text = f"{line.sign}{text}"
        rows.append((line.label, text))
    flow: list[Flowable] = [
        KeepTogether([Text("Summary", st.heading), figures_box(rows, width, emphasise_last=True)])
    ]
    nxt = figures.next_instalment
    if record.status == EnrolmentStatus.PROPOSED:
        text = "Nothing is owed until you agree to the programme."
    elif nxt is not None:
        text = (
            f"Next payment due: {fmt.money(nxt.left, cur)} on {fmt.date(nxt.due_date)} "
            f"(instalment {nxt.number})."
        )
    elif figures.outstanding:
        text = "Nothing more falls due later; the amount outstanding is due now."
    else:
        text = "Nothing more is due. Thank you."
    if figures.overdue:
        text = f"Of the amount outstanding, {fmt.money(figures.overdue, cur)} is overdue. " + text
    flow += [Spacer(1, 2 * mm), Text(text, st.body)]
    return flow


def _ended(record: EnrolmentRecord, fmt: Formatter) -> list[tuple[str, str]]:
    """The day the programme completed, ended early or was cancelled, when it has."""
    when = {
        EnrolmentStatus.COMPLETED: "Completed on",
        EnrolmentStatus.ENDED_EARLY: "Ended on",
        EnrolmentStatus.CANCELLED: "Cancelled on",
    }.get(record.status)
    if when is None or record.ended_on is None:
        return []
    return [(when, fmt.date(record.ended_on))]


#: Instalments nothing is owed on: the client has not agreed, or the work stopped first.
NOT_OWED = (InstalmentState.CANCELLED, InstalmentState.NOT_AGREED, InstalmentState.REDUCED_AWAY)


def _state_text(state: InstalmentState, due: date, on: date) -> str:
    """How a statement names an instalment's state: one still to come is "Upcoming"."""
    if state == InstalmentState.DUE:
        return "Due today" if due == on else "Upcoming"
    if state == InstalmentState.CANCELLED:
        return "Not owed"
    return state.label


def _instalments(
    figures: EnrolmentFigures, fmt: Formatter, width: float, on: date
) -> list[Flowable]:
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
                (
                    "—" if inst.state in NOT_OWED else fmt.money(inst.left, cur),
                    st.cell_right,
                ),
                (
                    _state_text(inst.state, inst.due_date, on)
                    + (
                        f" ({fmt.money(inst.reduced, cur)} off by credit note)"
                        if inst.reduced and inst.state != InstalmentState.REDUCED_AWAY
                        else ""
                    ),
                    st.cell_bold if inst.state == InstalmentState.OVERDUE else st.cell,
                ),
            ]
            for inst in figures.instalments
        ],
        width,
        measured=[True, False, True, True, True, True],
    )
    return keep_with_start([Text("Instalments", st.heading)], table, width)


def _credit_notes(
    notes: tuple[CreditNoteRow, ...], currency: str, fmt: Formatter, width: float
) -> list[Flowable]:
    """The price reductions, each with its number, day, reason and amount."""
    if not notes:
        return []
    st = styles()
    table = grid(
        [
            ("Number", st.cell_bold),
            ("Made on", st.cell_bold),
            ("Why", st.cell_bold),
            ("Amount", st.cell_right_bold),
        ],
        [
            [
                (note.number, st.cell),
                (fmt.date(note.made_on), st.cell),
                (note.reason, st.cell),
                (fmt.money(note.amount, currency), st.cell_right),
            ]
            for note in notes
        ],
        width,
        measured=[True, True, False, True],
    )
    return keep_with_start([Text("Price lowered by credit note", st.heading)], table, width)


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
