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


def _row_table(row: dict[str, Any], width: float, currency: str | None, locale: str) -> Table:
    st = styles()

    def shown(key: str, value: Any) -> str:
        if key in MONEY and currency and isinstance(value, int) and not isinstance(value, bool):
            return format_money(value, currency, locale)
        return _text(value)

    data = [
        [
            cell(key.replace("_", " "), st.cell_bold),
            cell(shown(key, v), st.cell),
        ]
        for key, v in row.items()
        if key not in DERIVED and v is not None and v != ""
    ]
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
            block: list[Flowable] = [heading] if number == 0 else []
            currency = _money_currency(row, record)
            block += [_row_table(row, width, currency, profile.locale), Spacer(1, 2 * mm)]
            story.append(KeepTogether(block))
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
