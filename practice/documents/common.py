"""What every document shares: page size, margins, the practice header, the footer with the
document reference and "Page 2 of 3" on every page, and writing the finished PDF."""

from __future__ import annotations

import io
import os
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any, BinaryIO

from reportlab.lib.pagesizes import A4, LETTER
from reportlab.lib.units import mm
from reportlab.lib.utils import ImageReader
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfgen.canvas import Canvas
from reportlab.platypus import (
    BaseDocTemplate,
    Flowable,
    Frame,
    Image,
    PageTemplate,
    Paragraph,
    Spacer,
    Table,
)

from practice.db import Database
from practice.documents.fonts import ITALIC, REGULAR, font_runs, register_fonts
from practice.documents.formatting import markup
from practice.documents.styles import MUTED, RULE, styles
from practice.models import PageSize, PracticeProfile
from practice.services import audit

MARGIN = 18 * mm
FOOTER_GAP = 10 * mm

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
        left.append(Paragraph(markup(header.name), st.practice_name))
    person = [header.practitioner_name] if header.business_name else []
    if header.qualifications:
        person.append(header.qualifications)
    if person and any(person):
        left.append(Paragraph(markup(", ".join(p for p in person if p)), st.practice_detail))
    if header.registration:
        left.append(Paragraph(markup(header.registration), st.practice_detail))
    contact = [
        line
        for part in (header.address, header.phone, header.email, header.website)
        for line in part.splitlines()
        if line.strip()
    ]
    right = [Paragraph(markup(line), _right(st.practice_detail)) for line in contact]
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


def _right(style: Any) -> Any:
    from reportlab.lib.enums import TA_RIGHT
    from reportlab.lib.styles import ParagraphStyle

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
            self.setFillColor(MUTED)
            self.setFont(REGULAR, 8)
            self.drawString(MARGIN, y, reference)
            if practice_name:
                _draw_centred(self, width / 2, y, practice_name, ITALIC, 8)
                self.setFont(REGULAR, 8)
            self.drawRightString(width - MARGIN, y, f"Page {self._pageNumber} of {total}")
            self.restoreState()

    return NumberedCanvas


def _draw_centred(canvas: Canvas, x: float, y: float, text: str, font: str, size: float) -> None:
    """Draw ``text`` centred on ``x``, switching to the fallback font where DejaVu has no glyph."""
    runs = font_runs(text, font)
    total = sum(pdfmetrics.stringWidth(run, name, size) for name, run in runs)
    left = x - total / 2
    for name, run in runs:
        canvas.setFont(name, size)
        canvas.drawString(left, y, run)
        left += pdfmetrics.stringWidth(run, name, size)


@dataclass(frozen=True)
class DocumentInfo:
    title: str
    reference: str
    author: str
    subject: str
    page_size: PageSize | str


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
        invariant=1,
    )
    frame = Frame(
        doc.leftMargin, doc.bottomMargin, doc.width, doc.height, id="body", showBoundary=0
    )
    doc.addPageTemplates([PageTemplate(id="page", frames=[frame], pagesize=size)])
    doc.build(list(story), canvasmaker=_numbered_canvas(info.reference, practice_name))
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
    """Write ``data`` to ``path`` with owner-only permissions: documents hold client details."""
    path = Path(path).expanduser()
    descriptor = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
    with os.fdopen(descriptor, "wb") as handle:
        handle.write(data)
    os.chmod(path, 0o600)


def details_table(rows: Sequence[tuple[str, str]], width: float) -> Table:
    """Label / value rows (client, programme, dates…) under thin rules."""
    from practice.documents.styles import table_style

    st = styles()
    table = Table(
        [
            [Paragraph(markup(label), st.cell_bold), Paragraph(markup(value), st.cell)]
            for label, value in rows
        ],
        colWidths=[34 * mm, width - 34 * mm],
        hAlign="LEFT",
    )
    table.setStyle(table_style(header=False))
    return table


def figures_box(rows: Sequence[tuple[str, str]], width: float, *, emphasise_last: bool) -> Table:
    """A shaded box of money figures; the last row large and bold when ``emphasise_last``."""
    from practice.documents.styles import INK, SHADE

    st = styles()
    cells = []
    for index, (label, value) in enumerate(rows):
        big = emphasise_last and index == len(rows) - 1
        cells.append(
            [
                Paragraph(markup(label), st.total_label if big else st.cell),
                Paragraph(markup(value), st.total_value if big else st.cell_right),
            ]
        )
    table = Table(cells, colWidths=[width * 0.6, width * 0.4], hAlign="LEFT")
    commands: list[tuple[Any, ...]] = [
        ("FONTNAME", (0, 0), (-1, -1), REGULAR),
        ("BACKGROUND", (0, 0), (-1, -1), SHADE),
        ("BOX", (0, 0), (-1, -1), 0.8, RULE),
        ("VALIGN", (0, 0), (-1, -1), "MIDDLE"),
        ("LEFTPADDING", (0, 0), (-1, -1), 8),
        ("RIGHTPADDING", (0, 0), (-1, -1), 8),
        ("TOPPADDING", (0, 0), (-1, -1), 4),
        ("BOTTOMPADDING", (0, 0), (-1, -1), 5),
    ]
    if emphasise_last and len(rows) > 1:
        commands.append(("LINEABOVE", (0, -1), (-1, -1), 0.8, INK))
    table.setStyle(commands)
    return table
