"""The sections of the agreement between its title and its signatures: how it works,
what is included, the cost, the payment plan, the terms and anything else agreed."""

from __future__ import annotations

from dataclasses import dataclass

from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.platypus import Flowable, KeepTogether, Spacer

from practice.documents.formatting import Formatter, length, minutes, paragraphs, plural
from practice.documents.layout import keep_with_start
from practice.documents.loading import EnrolmentRecord
from practice.documents.merge import fill
from practice.documents.sessionplan import period_line, support_line
from practice.documents.styles import styles
from practice.documents.tables import figures_box, grid
from practice.documents.text import Text
from practice.models import PaymentPlan


@dataclass(frozen=True)
class Context:
    record: EnrolmentRecord
    fmt: Formatter
    width: float
    values: dict[str, str]


def how_it_works(ctx: Context) -> list[Flowable]:
    text = fill(ctx.record.terms.description, ctx.values, strict=False).strip()
    if not text:
        return []
    st = styles()
    blocks = [Text(block, st.body) for block in paragraphs(text)]
    return [*keep_with_start([Text("How it works", st.heading)], blocks[0], ctx.width), *blocks[1:]]


def _bullets(items: list[str], style: ParagraphStyle) -> list[Flowable]:
    return [Text(item, style, bullet="•") for item in items]


def included(ctx: Context) -> list[Flowable]:
    st = styles()
    record = ctx.record
    terms = record.terms
    if record.single_session:
        lines = [f"One session of {minutes(terms.session_minutes)}"]
        flow: list[Flowable] = [Text("What is included", st.heading)]
    else:
        sessions = plural(record.sessions_planned, "session")
        lines = [
            f"{sessions} of {minutes(terms.session_minutes)} over "
            f"{length(terms.length_value, terms.length_unit)}" + (":" if terms.periods else "")
        ]
        flow = [Text("What is included", st.heading), *_bullets(lines, st.body)]
        lines = []
        sub = ParagraphStyle(
            f"{st.body.name}_indented", parent=st.body, leftIndent=26, bulletIndent=14, spaceAfter=2
        )
        last = ParagraphStyle(f"{sub.name}_last", parent=sub, spaceAfter=st.body.spaceAfter)
        flow += [
            Text(
                period_line(p, terms.length_unit),
                last if n == len(terms.periods) - 1 else sub,
                bullet="–",
            )
            for n, p in enumerate(terms.periods)
        ]
    support = support_line(terms)
    if support:
        lines.append(support)
    lines += [
        f"{inc.kind}: {inc.description}" if inc.kind else inc.description
        for inc in terms.inclusions
    ]
    # A short list: kept on one page so the session plan never parts from its heading.
    return [KeepTogether(flow + _bullets(lines, st.body))]


def cost(ctx: Context) -> list[Flowable]:
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
    what = "the session" if record.single_session else "the programme"
    note = f"This is the whole cost of {what}: everything listed above is included."
    return [
        KeepTogether(
            [Text("The cost", st.heading), figures_box(rows, ctx.width, emphasise_last=True)]
        ),
        Spacer(1, 2 * mm),
        Text(note, st.muted),
    ]


def payment_plan(ctx: Context) -> list[Flowable]:
    st = styles()
    record = ctx.record
    instalments = record.instalments
    heading = Text("Payment plan" if len(instalments) > 1 else "Payment", st.heading)
    if record.payment_plan == PaymentPlan.FULL or len(instalments) <= 1:
        intro = "The overall cost is paid in full"
        if instalments:
            intro += f", by {ctx.fmt.date(instalments[0].due_date)}"
        return [KeepTogether([heading, Text(intro + ".", st.body)])]
    interval = record.instalment_interval
    count = plural(len(instalments), f"{interval} instalment" if interval else "instalment")
    intro = f"The overall cost is paid in {count}, on these dates:"
    money = ctx.fmt.money
    table = grid(
        [("Payment", st.cell_bold), ("Due on", st.cell_bold), ("Amount", st.cell_right_bold)],
        [
            [
                (str(i.number), st.cell),
                (ctx.fmt.date(i.due_date), st.cell),
                (money(i.amount, record.currency), st.cell_right),
            ]
            for i in instalments
        ]
        + [
            [
                ("Total", st.cell_bold),
                ("", st.cell),
                (money(record.agreed_price, record.currency), st.cell_right_bold),
            ]
        ],
        ctx.width,
        measured=[True, False, True],
        total_row=True,
    )
    flow = keep_with_start([heading, Text(intro, st.body)], table, ctx.width)
    remainder = _remainder_note(ctx)
    if remainder:
        flow += [Spacer(1, 2 * mm), Text(remainder, st.muted)]
    return flow


def _remainder_note(ctx: Context) -> str | None:
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


def terms(ctx: Context) -> list[Flowable]:
    """The practice's clauses meant for this kind of agreement, each heading kept with
    the start of its text."""
    clauses = [c for c in ctx.record.terms.clauses if c.prints_in(ctx.record.single_session)]
    if not clauses:
        return []
    st = styles()
    flow: list[Flowable] = []
    for index, clause in enumerate(clauses):
        body = [Text(b, st.body) for b in paragraphs(fill(clause.body, ctx.values, strict=False))]
        lead: list[Flowable] = [Text("Our terms", st.heading)] if index == 0 else []
        if clause.heading:
            lead.append(Text(clause.heading, st.subheading))
        if body:
            flow += keep_with_start(lead, body[0], ctx.width) + body[1:]
        else:
            flow += lead
    return flow


def also_agreed(ctx: Context) -> list[Flowable]:
    notes = ctx.record.notes.strip()
    if not notes:
        return []
    st = styles()
    blocks = [Text(block, st.body) for block in paragraphs(notes)]
    return [*keep_with_start([Text("Also agreed", st.heading)], blocks[0], ctx.width), *blocks[1:]]
