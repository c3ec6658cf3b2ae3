"""The programme agreement: what the client signs.

Everything about the programme comes from the enrolment's ``terms_snapshot`` (the terms
and the practice's clauses as agreed), never from the live programme, so editing a
programme later never changes a client's agreement. Derived figures (the planned number
of sessions) come from :mod:`practice.economics`.

A single session (one session planned, no support between sessions) gets an agreement
shaped for it: "Consultation agreement", the session's date and length, no session plan
by week or month, no minimum term, and only the clauses meant for it
(:class:`practice.models.ClauseScope`). The sections are in
:mod:`practice.documents.agreement_parts`, the signatures in
:mod:`practice.documents.signatures`.
"""

from __future__ import annotations

from datetime import date

from reportlab.platypus import Flowable

from practice.db import Database
from practice.documents.agreement_parts import (
    Context,
    also_agreed,
    cost,
    how_it_works,
    included,
    payment_plan,
    terms,
)
from practice.documents.common import (
    DocumentInfo,
    Output,
    build_pdf,
    content_width,
    export_pdf,
    practice_header,
)
from practice.documents.formatting import Formatter, length
from practice.documents.loading import EnrolmentRecord, load_enrolment
from practice.documents.sessionplan import minimum_term_text
from practice.documents.signatures import signatures
from practice.documents.styles import styles
from practice.documents.tables import details_table
from practice.documents.text import Text
from practice.documents.values import merge_values
from practice.timeutil import today


def agreement_reference(enrolment_id: int, on: date) -> str:
    """``AGR-12-2026-03-03``: the enrolment and the date it was agreed (or prepared)."""
    return f"AGR-{enrolment_id}-{on.isoformat()}"


def agreement_title(record: EnrolmentRecord) -> str:
    return "Consultation agreement" if record.single_session else "Programme agreement"


def agreement_pdf(db: Database, enrolment_id: int, *, on: date | None = None) -> bytes:
    """The agreement for ``enrolment_id`` as PDF bytes (raises NotFoundError).

    Its date is the day it was agreed; a proposal not yet agreed is dated ``on``
    (default today), the day it was prepared."""
    record = load_enrolment(db, enrolment_id)
    fmt = Formatter(record.locale)
    width = content_width(record.page_size)
    ctx = Context(record, fmt, width, merge_values(record, fmt))
    dated = record.agreed_on or on or today()
    reference = agreement_reference(record.enrolment_id, dated)
    story: list[Flowable] = [
        *practice_header(record.practice, width),
        *_title(ctx, dated, reference),
        *how_it_works(ctx),
        *included(ctx),
        *cost(ctx),
        *payment_plan(ctx),
        *terms(ctx),
        *also_agreed(ctx),
    ]
    story = signatures(ctx, story)
    info = DocumentInfo(
        title=f"{agreement_title(record)}: {record.terms.name} — {record.client_name}",
        reference=reference,
        author=record.practice.name,
        subject=f"{agreement_title(record)} with {record.client_name} for {record.terms.name}",
        page_size=record.page_size,
        created=dated,
        language=fmt.language,
    )
    return build_pdf(info, story, record.practice.name)


def render_agreement(
    db: Database, enrolment_id: int, output: Output, *, on: date | None = None
) -> None:
    """Write the programme agreement for ``enrolment_id`` to a path or binary stream."""
    data = agreement_pdf(db, enrolment_id, on=on)
    export_pdf(db, data, output, entity="enrolment", entity_id=enrolment_id, document="agreement")


def _title(ctx: Context, on: date, reference: str) -> list[Flowable]:
    st = styles()
    record = ctx.record
    dated = "Agreed on" if record.agreed_on else "Prepared on"
    # Name and phone on lines of their own: each reads in its own direction.
    emergency = "\n".join(
        part.strip()
        for part in (record.emergency_contact_name, record.emergency_contact_phone)
        if part.strip()
    )
    rows = [("Client", record.client_name)]
    if record.client_address.strip():
        rows.append(("Address", record.client_address.strip()))
    # Left blank (a ruled line to write on) when the practice does not have it yet.
    rows.append(("Emergency contact", emergency))
    rows.append(("Programme", record.terms.name))
    if record.single_session:
        rows.append(("Date", ctx.fmt.date(record.start_date)))
    else:
        rows += [
            (
                "Dates",
                f"{ctx.fmt.date(record.start_date)} to {ctx.fmt.date(record.end_date)} "
                f"({length(record.terms.length_value, record.terms.length_unit)})",
            ),
            ("Minimum term", minimum_term_text(record.terms)),
        ]
    rows += [(dated, ctx.fmt.date(on)), ("Reference", reference)]
    return [
        Text(agreement_title(record), st.title),
        Text(f"{record.terms.name} for {record.client_name}", st.subtitle, rtl=False),
        details_table(rows, ctx.width),
    ]
