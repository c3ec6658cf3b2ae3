"""A client's record as a readable PDF: every table that refers to the client, every row."""

from __future__ import annotations

import enum
from datetime import date, datetime
from typing import Any

from reportlab.lib.units import mm
from reportlab.platypus import Flowable, KeepTogether, Spacer, Table, TableStyle

from practice.documents.common import (
    DocumentInfo,
    PracticeHeader,
    build_pdf,
    content_width,
    practice_header,
)
from practice.documents.formatting import document_language
from practice.documents.styles import RULE, styles
from practice.documents.text import Text, cell
from practice.models import Client, PracticeProfile
from practice.money import format_money
from practice.safekeeping.record import ClientRecord
from practice.timeutil import to_local, utcnow

TITLES = {
    "clients": "Client details",
    "drafts": "Unsaved drafts",
    "audit_log": "Access and changes (audit log)",
}


#: Search and sort keys made from the name: in the JSON export, left out of the PDF.
DERIVED = {"search_text", "sort_name"}
#: Integer minor units, printed as money in the row's currency.
#: A row of at most this many fields is kept on one page.
SHORT_ROW = 12
#: Characters of a long value printed in one table row.
PIECE = 900
MONEY = {"amount", "agreed_price", "discount", "price", "full_payment_discount"}


def table_title(name: str) -> str:
    return TITLES.get(name, name.replace("_", " ").capitalize())


def _text(value: Any) -> str:
    if value is None:
        return "—"
    if isinstance(value, enum.Enum):
        return str(value.value).replace("_", " ")
    if isinstance(value, datetime):
        return to_local(value).strftime("%Y-%m-%d %H:%M")
    if isinstance(value, date):
        return value.isoformat()
    if isinstance(value, bytes):
        return f"({len(value):,} bytes of binary data)"
    if isinstance(value, bool):
        return "yes" if value else "no"
    return str(value)


def _money_currency(row: dict[str, Any], record: ClientRecord) -> str | None:
    """The currency of a row's money columns: its own, or its enrolment's."""
    if isinstance(row.get("currency"), str):
        return str(row["currency"])
    enrolment_id = row.get("enrolment_id")
    for enrolment in record.tables.get("enrolments", []):
        if enrolment.get("id") == enrolment_id:
            return str(enrolment.get("currency"))
    return None


def _fields(name: str, value: Any) -> list[tuple[str, Any]]:
    """A value as labelled rows: nested data (the terms as agreed) one field a row
    (“terms snapshot › clauses › 2 › body”), so it reads and splits like the rest."""
    if isinstance(value, dict):
        if not value:
            return []
        return [
            pair
            for key, inner in value.items()
            for pair in _fields(f"{name} › {str(key).replace('_', ' ')}", inner)
        ]
    if isinstance(value, list | tuple):
        return [
            pair for n, inner in enumerate(value, 1) for pair in _fields(f"{name} › {n}", inner)
        ]
    return [] if value is None or value == "" else [(name, value)]


def _pieces(text: str, size: int = PIECE) -> list[str]:
    """``text`` in paragraphs, a long paragraph cut between words into ``size``-character
    pieces (every word kept, in order)."""
    pieces: list[str] = []
    for paragraph in text.split("\n"):
        while len(paragraph) > size:
            cut = paragraph.rfind(" ", 0, size)
            cut = cut if cut > size // 2 else size
            pieces.append(paragraph[:cut])
            paragraph = (
                paragraph[cut:].lstrip(" ") if paragraph[cut : cut + 1] == " " else paragraph[cut:]
            )
        pieces.append(paragraph)
    return pieces or [""]


def _row_table(row: dict[str, Any], width: float, currency: str | None, locale: str) -> Table:
    st = styles()

    def shown(key: str, value: Any) -> str:
        if key in MONEY and currency and isinstance(value, int) and not isinstance(value, bool):
            return format_money(value, currency, locale)
        return _text(value)

    data = [
        [cell(name if n == 0 else "", st.cell_bold), cell(piece, st.cell)]
        for key, value in row.items()
        if key not in DERIVED and value is not None and value != ""
        for name, v in _fields(key.replace("_", " "), value)
        for n, piece in enumerate(_pieces(shown(key, v)))
    ]
    # Long values (a note, the terms as agreed) are rows of a paragraph or so each, so
    # the table runs on over pages between them: no cell is ever too tall to print.
    table = Table(data, colWidths=[width * 0.3, width * 0.7])
    table.setStyle(
        TableStyle(
            [
                ("VALIGN", (0, 0), (-1, -1), "TOP"),
                ("LINEBELOW", (0, -1), (-1, -1), 0.5, RULE),
                ("BOTTOMPADDING", (0, 0), (-1, -1), 2),
                ("TOPPADDING", (0, 0), (-1, -1), 1),
            ]
        )
    )
    return table


def record_pdf(record: ClientRecord, client: Client, profile: PracticeProfile) -> bytes:
    st = styles()
    width = content_width(profile.page_size)
    story: list[Flowable] = list(practice_header(PracticeHeader.from_profile(profile), width))
    exported = utcnow()
    story.append(Text(f"Client record: {client.full_name}", st.title, rtl=False))
    private = (
        "Private process notes are included."
        if record.include_private
        else "Private process notes are not included."
    )
    story.append(
        Text(
            f"Everything the practice holds about this client, "
            f"exported on {to_local(exported).strftime('%Y-%m-%d %H:%M')}. {private} "
            "Empty fields are left out; the JSON export has every field.",
            st.subtitle,
        )
    )
    for name, rows in record.tables.items():
        heading = Text(f"{table_title(name)} ({len(rows)})", st.heading)
        if not rows:
            story.append(KeepTogether([heading, Text("None.", st.muted)]))
        for number, row in enumerate(rows):
            table = _row_table(row, width, _money_currency(row, record), profile.locale)
            block: list[Flowable] = [heading] if number == 0 else []
            if len(table._cellvalues) <= SHORT_ROW:
                story.append(KeepTogether([*block, table]))  # a short row kept whole
            else:
                story += [*block, table]  # a long one runs on over pages
            story.append(Spacer(1, 2 * mm))
    info = DocumentInfo(
        title=f"Client record: {client.full_name}",
        reference=f"Client record {client.id}",
        author=profile.practitioner_name or profile.business_name,
        subject=f"Client record (subject access): {client.full_name}",
        page_size=profile.page_size,
        created=exported,
        language=document_language(profile.locale),
    )
    return build_pdf(info, story, PracticeHeader.from_profile(profile).name)
