"""Paragraph and table styles shared by every document: calm, readable, printable."""

from __future__ import annotations

import functools
from dataclasses import dataclass

from reportlab.lib import colors
from reportlab.lib.enums import TA_LEFT, TA_RIGHT
from reportlab.lib.styles import ParagraphStyle
from reportlab.platypus import TableStyle

from practice.documents.fonts import BOLD, REGULAR, register_fonts

INK = colors.HexColor("#1f2933")
MUTED = colors.HexColor("#52606d")
ACCENT = colors.HexColor("#2f5d62")
RULE = colors.HexColor("#cbd2d9")
SHADE = colors.HexColor("#eef2f4")


@dataclass(frozen=True)
class Styles:
    title: ParagraphStyle
    subtitle: ParagraphStyle
    heading: ParagraphStyle
    subheading: ParagraphStyle
    body: ParagraphStyle
    small: ParagraphStyle
    muted: ParagraphStyle
    practice_name: ParagraphStyle
    practice_detail: ParagraphStyle
    cell: ParagraphStyle
    cell_bold: ParagraphStyle
    cell_right: ParagraphStyle
    cell_right_bold: ParagraphStyle
    total_label: ParagraphStyle
    total_value: ParagraphStyle


@functools.cache
def styles() -> Styles:
    register_fonts()

    def style(name: str, **kw: object) -> ParagraphStyle:
        base: dict[str, object] = {
            "fontName": REGULAR,
            "bulletFontName": REGULAR,
            "fontSize": 10,
            "leading": 14,
            "textColor": INK,
            "alignment": TA_LEFT,
        }
        base.update(kw)
        return ParagraphStyle(name, **base)

    return Styles(
        title=style("title", fontName=BOLD, fontSize=18, leading=23, spaceAfter=2),
        subtitle=style("subtitle", fontSize=11, leading=15, textColor=MUTED, spaceAfter=10),
        heading=style(
            "heading",
            fontName=BOLD,
            fontSize=12.5,
            leading=16,
            textColor=ACCENT,
            spaceBefore=12,
            spaceAfter=5,
            keepWithNext=1,
        ),
        subheading=style(
            "subheading",
            fontName=BOLD,
            fontSize=10.5,
            leading=14,
            spaceBefore=7,
            spaceAfter=2,
            keepWithNext=1,
        ),
        body=style("body", spaceAfter=6),
        small=style("small", fontSize=8.5, leading=11.5),
        muted=style("muted", fontSize=9, leading=12.5, textColor=MUTED, spaceAfter=4),
        practice_name=style("practice_name", fontName=BOLD, fontSize=15, leading=19),
        practice_detail=style("practice_detail", fontSize=9, leading=12.5, textColor=MUTED),
        cell=style("cell", fontSize=9.5, leading=12.5),
        cell_bold=style("cell_bold", fontName=BOLD, fontSize=9.5, leading=12.5),
        cell_right=style("cell_right", fontSize=9.5, leading=12.5, alignment=TA_RIGHT),
        cell_right_bold=style(
            "cell_right_bold", fontName=BOLD, fontSize=9.5, leading=12.5, alignment=TA_RIGHT
        ),
        total_label=style("total_label", fontName=BOLD, fontSize=12, leading=16),
        total_value=style(
            "total_value",
            fontName=BOLD,
            fontSize=16,
            leading=20,
            alignment=TA_RIGHT,
            textColor=ACCENT,
        ),
    )


def table_style(*, header: bool = True, total_row: bool = False) -> TableStyle:
    """Thin rules between rows, a shaded header and an optional bold total row."""
    commands: list[tuple[object, ...]] = [
        ("FONTNAME", (0, 0), (-1, -1), REGULAR),
        ("VALIGN", (0, 0), (-1, -1), "TOP"),
        ("LEFTPADDING", (0, 0), (-1, -1), 5),
        ("RIGHTPADDING", (0, 0), (-1, -1), 5),
        ("TOPPADDING", (0, 0), (-1, -1), 3),
        ("BOTTOMPADDING", (0, 0), (-1, -1), 4),
        ("LINEBELOW", (0, 0), (-1, -1), 0.4, RULE),
    ]
    if header:
        commands += [
            ("BACKGROUND", (0, 0), (-1, 0), SHADE),
            ("LINEBELOW", (0, 0), (-1, 0), 0.8, MUTED),
        ]
    if total_row:
        commands += [("LINEABOVE", (0, -1), (-1, -1), 0.8, INK)]
    return TableStyle(commands)
