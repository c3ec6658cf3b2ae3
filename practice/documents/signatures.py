"""The signature block that ends the agreement.

Each party has a row: who they are (role and full name, wrapping between words however
long the name is), then "Signature" and "Date" with a line to write on. A row is at
least tall enough to sign in and grows with the name. The block is kept on one page
with its heading and the last paragraph before it, so it never stands alone on a page.
"""

from __future__ import annotations

from collections.abc import Sequence

from reportlab.lib.units import mm
from reportlab.platypus import CondPageBreak, Flowable, KeepTogether, Spacer, Table

from practice.documents.agreement_parts import Context
from practice.documents.fonts import REGULAR
from practice.documents.layout import last_section
from practice.documents.styles import INK, styles
from practice.documents.tables import widest
from practice.documents.text import Span, Text, cell

#: The least height of a row: room to sign by hand.
ROW_HEIGHT = 16 * mm
NAME_WIDTH = 62 * mm
GAP = 6 * mm
DATE_WIDTH = 32 * mm
#: Space between a label and its line.
LABEL_PADDING = 6


def signature_grid(parties: Sequence[tuple[str, str]], width: float) -> Table:
    st = styles()
    label_width = widest(["Signature"], st.muted, LABEL_PADDING)
    date_label_width = widest(["Date"], st.muted, LABEL_PADDING)
    line = width - NAME_WIDTH - label_width - GAP - date_label_width - DATE_WIDTH
    rows = [
        [
            cell([Span(role, bold=True), Span("\n" + name)], st.cell),
            cell("Signature", st.muted),
            "",
            "",
            cell("Date", st.muted),
            "",
        ]
        for role, name in parties
    ]
    grid = Table(
        rows,
        colWidths=[NAME_WIDTH, label_width, line, GAP, date_label_width, DATE_WIDTH],
        minRowHeights=[ROW_HEIGHT] * len(rows),
        hAlign="LEFT",
    )
    grid.setStyle(
        [
            ("FONTNAME", (0, 0), (-1, -1), REGULAR),
            ("VALIGN", (0, 0), (-1, -1), "BOTTOM"),
            ("LEFTPADDING", (0, 0), (-1, -1), 0),
            ("RIGHTPADDING", (0, 0), (-1, -1), LABEL_PADDING),
            ("RIGHTPADDING", (2, 0), (-1, -1), 0),
            ("BOTTOMPADDING", (0, 0), (-1, -1), 2),
            ("TOPPADDING", (0, 0), (-1, -1), 6),
            ("LINEBELOW", (2, 0), (2, -1), 0.8, INK),
            ("LINEBELOW", (5, 0), (5, -1), 0.8, INK),
        ]
    )
    return grid


def signatures(ctx: Context, story: list[Flowable]) -> list[Flowable]:
    """``story`` ended by the signature block, kept with the flowable before it."""
    st = styles()
    record = ctx.record
    practitioner = record.practice.practitioner_name or record.practice.name
    what = "this session" if record.single_session else "this programme"
    block: list[Flowable] = [
        Text("Signatures", st.heading),
        Text(
            f"By signing, we both agree to {what}, its cost, its payment plan and the terms above.",
            st.body,
        ),
        Spacer(1, 2 * mm),
        signature_grid([("Client", record.client_name), ("Practitioner", practitioner)], ctx.width),
    ]
    start = last_section(story)
    last = [f for f in story[start:] if not isinstance(f, CondPageBreak)]
    return [*story[:start], KeepTogether([*last, *block])]
