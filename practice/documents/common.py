"""What every document shares: page size, margins, the practice header, the footer with the
document reference and "Page 2 of 3" on every page, and writing the finished PDF."""

from __future__ import annotations

import io
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import UTC, date, datetime, time
from pathlib import Path
from typing import Any, BinaryIO

from reportlab.lib.enums import TA_RIGHT
from reportlab.lib.pagesizes import A4, LETTER
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.lib.utils import ImageReader
from reportlab.pdfgen.canvas import Canvas
from reportlab.platypus import (
    BaseDocTemplate,
    Flowable,
    Frame,
    Image,
    PageTemplate,
    Spacer,
    Table,
)

from practice.db import Database
from practice.documents.fonts import REGULAR, register_fonts
from practice.documents.styles import MUTED, RULE, styles
from practice.documents.text import Text, draw_line, fit_text, text_width
from practice.models import PageSize, PracticeProfile
from practice.outputs import write_output
from practice.services import audit
from practice.timeutil import utcnow

MARGIN = 18 * mm
FOOTER_GAP = 10 * mm
FOOTER_SIZE = 8
FOOTER_PADDING = 4 * mm

#: Where a finished document goes: a file path, or an open binary stream.
Output = Path | str | BinaryIO


def page_size(size: PageSize | str) -> tuple[float, float]:
    return LETTER if str(size) == PageSize.LETTER.value else A4


@dataclass(frozen=True)
class PracticeHeader:
    """The practice's details as printed at the top of every document."""

    business_name: str
    practitioner_name: str
    qualifications: str
    registration: str
    address: str
    phone: str
    email: str
    website: str
    logo_png: bytes | None
    # What the terms refer to (merge fields), not printed in the header itself:
    payment_details: str = ""
    professional_body: str = ""
    complaints_route: str = ""
    data_protection_number: str = ""
    retention_years: int = 7

    @classmethod
    def from_profile(cls, profile: PracticeProfile) -> PracticeHeader:
        return cls(
            business_name=profile.business_name,
            practitioner_name=profile.practitioner_name,
            qualifications=profile.qualifications,
            registration=profile.registration,
            address=profile.address,
            phone=profile.phone,
            email=profile.email,
            website=profile.website,
            logo_png=profile.logo_png,
            payment_details=profile.payment_details or "",
            professional_body=profile.professional_body or "",
            complaints_route=profile.complaints_route or "",
            data_protection_number=profile.data_protection_number or "",
            retention_years=profile.retention_years,
        )

    @property
    def name(self) -> str:
        """The name the practice goes by: the business name, else the practitioner's."""
        return self.business_name or self.practitioner_name


def practice_header(header: PracticeHeader, width: float) -> list[Flowable]:
    """Logo and practice name on the left, contact details on the right, a rule below."""
    st = styles()
    left: list[Flowable] = []
    if header.name:
        left.append(Text(header.name, st.practice_name))
    person = [header.practitioner_name] if header.business_name else []
    if header.qualifications:
        person.append(header.qualifications)
    if person and any(person):
        left.append(Text(", ".join(p for p in person if p), st.practice_detail))
    if header.registration:
        left.append(Text(header.registration, st.practice_detail))
    contact = [
        line
        for part in (header.address, header.phone, header.email, header.website)
        for line in part.splitlines()
        if line.strip()
    ]
    right = [Text(line, _right(st.practice_detail)) for line in contact]
    logo = _logo(header.logo_png, max_height=20 * mm, max_width=40 * mm)
    cells: list[Any] = [left or "", right or ""]
    widths = [width * 0.6, width * 0.4]
    if logo is not None:
        cells = [logo, *cells]
        widths = [logo.drawWidth + 5 * mm, width * 0.6 - logo.drawWidth - 5 * mm, width * 0.4]
    table = Table([cells], colWidths=widths, hAlign="LEFT")
    table.setStyle(
        [
            ("FONTNAME", (0, 0), (-1, -1), REGULAR),
            ("VALIGN", (0, 0), (-1, -1), "TOP"),
            ("LEFTPADDING", (0, 0), (-1, -1), 0),
            ("RIGHTPADDING", (0, 0), (-1, -1), 0),
            ("BOTTOMPADDING", (0, 0), (-1, -1), 6),
            ("LINEBELOW", (0, 0), (-1, 0), 0.8, RULE),
        ]
    )
    return [table, Spacer(1, 5 * mm)]


def _right(style: ParagraphStyle) -> ParagraphStyle:
    return ParagraphStyle(f"{style.name}_right", parent=style, alignment=TA_RIGHT)


def _logo(data: bytes | None, *, max_height: float, max_width: float) -> Image | None:
    if not data:
        return None
    try:
        reader = ImageReader(io.BytesIO(data))
        pixel_width, pixel_height = reader.getSize()
    except Exception:  # a damaged logo must not stop the document; print without it
        return None
    if pixel_width <= 0 or pixel_height <= 0:
        return None
    scale = min(max_height / pixel_height, max_width / pixel_width)
    return Image(io.BytesIO(data), width=pixel_width * scale, height=pixel_height * scale)


def _numbered_canvas(reference: str, practice_name: str) -> type[Canvas]:
    """A canvas that waits until the end to draw "Page N of M" and the reference on each page."""

    class NumberedCanvas(Canvas):
        def __init__(self, *args: Any, **kwargs: Any) -> None:
            # DejaVu from the first byte: no unembedded Helvetica in the page resources.
            kwargs["initialFontName"] = kwargs.get("initialFontName") or REGULAR
            kwargs["initialFontSize"] = kwargs.get("initialFontSize") or 10
            super().__init__(*args, **kwargs)
            self._pages: list[dict[str, Any]] = []

        def showPage(self) -> None:  # noqa: N802 (reportlab's name)
            self._pages.append(dict(self.__dict__))
            self._startPage()

        def save(self) -> None:
            total = len(self._pages)
            for state in self._pages:
                self.__dict__.update(state)
                self._footer(total)
                super().showPage()
            super().save()

        def _footer(self, total: int) -> None:
            width, _height = self._pagesize
            y = MARGIN - FOOTER_GAP
            self.saveState()
            self.setStrokeColor(RULE)
            self.setLineWidth(0.5)
            self.line(MARGIN, y + 11, width - MARGIN, y + 11)
            page = f"Page {self._pageNumber} of {total}"
            draw_line(self, MARGIN, y, reference, FOOTER_SIZE, MUTED)
            draw_line(self, width - MARGIN, y, page, FOOTER_SIZE, MUTED, align="right")
            if practice_name:
                # The practice's name, centred in the room the reference and page leave.
                side = max(text_width(reference, FOOTER_SIZE), text_width(page, FOOTER_SIZE))
                room = width - 2 * MARGIN - 2 * side - 2 * FOOTER_PADDING
                name = fit_text(practice_name, FOOTER_SIZE, room, italic=True)
                if room > 0 and name:
                    draw_line(
                        self, width / 2, y, name, FOOTER_SIZE, MUTED, align="centre", italic=True
                    )
            self.restoreState()

    return NumberedCanvas


@dataclass(frozen=True)
class DocumentInfo:
    """What a PDF says about itself (its document properties) and its page footer."""

    title: str
    reference: str
    author: str  # the practice
    subject: str  # what it is about: the client and the programme
    page_size: PageSize | str
    #: The document's own date (the day agreed, received, or of the statement): the PDF's
    #: creation date. None: the moment it is made.
    created: date | datetime | None = None
    #: The language the document is written in (BCP 47), e.g. ``en-GB``.
    language: str = "en-GB"


def pdf_date(when: date | datetime | None) -> str:
    """A PDF date string, ``D:20261214000000+00'00'``, in UTC."""
    if when is None:
        moment = utcnow()
    elif isinstance(when, datetime):
        moment = when.astimezone(UTC) if when.tzinfo else when.replace(tzinfo=UTC)
    else:
        moment = datetime.combine(when, time(), tzinfo=UTC)
    return moment.strftime("D:%Y%m%d%H%M%S+00'00'")


def build_pdf(info: DocumentInfo, story: Sequence[Flowable], practice_name: str) -> bytes:
    """Lay ``story`` out on pages of the practice's size; return the PDF bytes."""
    register_fonts()
    buffer = io.BytesIO()
    size = page_size(info.page_size)
    doc = BaseDocTemplate(
        buffer,
        pagesize=size,
        leftMargin=MARGIN,
        rightMargin=MARGIN,
        topMargin=MARGIN,
        bottomMargin=MARGIN + 4 * mm,
        title=info.title,
        author=info.author,
        subject=info.subject,
        creator="Practice Manager",
        lang=info.language,
        invariant=1,  # the same document gives the same bytes (its ID and no wall clock)
    )
    frame = Frame(
        doc.leftMargin, doc.bottomMargin, doc.width, doc.height, id="body", showBoundary=0
    )
    doc.addPageTemplates([PageTemplate(id="page", frames=[frame], pagesize=size)])
    stamp = pdf_date(info.created)
    canvas = _numbered_canvas(info.reference, practice_name)

    def canvasmaker(*args: Any, **kwargs: Any) -> Canvas:
        made = canvas(*args, **kwargs)
        made.setDateFormatter(lambda *_parts: stamp)
        return made

    doc.build(list(story), canvasmaker=canvasmaker)
    return buffer.getvalue()


def content_width(size: PageSize | str) -> float:
    return page_size(size)[0] - 2 * MARGIN


def write_pdf(data: bytes, output: Output) -> None:
    """Write a finished PDF to a path (readable by the owner only) or to an open stream."""
    if isinstance(output, str | Path):
        save_private(data, Path(output))
    else:
        output.write(data)


def export_pdf(
    db: Database, data: bytes, output: Output, *, entity: str, entity_id: int, document: str
) -> None:
    """Write a finished document and note the export in the audit trail (no content)."""
    write_pdf(data, output)
    with db.transaction() as s:
        audit.record(s, "export", entity, entity_id, f"{document} PDF")


def save_private(data: bytes, path: Path) -> None:
    """Write ``data`` to ``path`` owner-only (documents hold client details), never over a
    file the app owns, under a temporary name renamed into place."""
    write_output(Path(path), data)
