"""Tables every document shares: label/value details, shaded figure boxes, and column
widths measured from what the columns hold, so an amount never wraps in its cell."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.platypus import Table

from practice.documents.fonts import BOLD, BOLD_ITALIC, REGULAR
from practice.documents.styles import INK, RULE, SHADE, styles, table_style
from practice.documents.text import cell, text_width

#: Left plus right padding of a cell in the shared table style.
CELL_PADDING = 10
BOX_PADDING = 16


def widest(texts: Sequence[str], style: ParagraphStyle, padding: float = CELL_PADDING) -> float:
    """The width a column needs to hold every one of ``texts`` on one line."""
    bold = style.fontName in (BOLD, BOLD_ITALIC)
    return max((text_width(t, style.fontSize, bold=bold) for t in texts), default=0.0) + padding


def share_widths(
    total: float, needed: Sequence[float | None], *, least: float = 20 * mm
) -> list[float]:
    """Column widths: measured columns get what they need; the rest (``None``) share what
    is left (at least ``least`` each). Measured columns shrink only if they must."""
    fixed = sum(w for w in needed if w is not None)
    flexible = [w for w in needed if w is None]
    left = total - fixed
    if flexible and left < least * len(flexible):
        # Not enough room: the measured columns give some back, in proportion.
        scale = max(total - least * len(flexible), 0) / fixed if fixed else 1.0
        return [least if w is None else w * scale for w in needed]
    share = left / len(flexible) if flexible else 0.0
    return [share if w is None else w for w in needed]


def details_table(rows: Sequence[tuple[str, str]], width: float) -> Table:
    """Label / value rows (client, programme, dates…) under thin rules."""
    st = styles()
    label_width = min(max(widest([label for label, _ in rows], st.cell_bold), 30 * mm), 48 * mm)
    table = Table(
        [[cell(label, st.cell_bold), cell(value, st.cell)] for label, value in rows],
        colWidths=[label_width, width - label_width],
        hAlign="LEFT",
    )
    table.setStyle(table_style(header=False))
    return table


def figures_box(rows: Sequence[tuple[str, str]], width: float, *, emphasise_last: bool) -> Table:
    """A shaded box of money figures; the last row large and bold when ``emphasise_last``.

    The figures column is as wide as the widest figure (never wrapping it), at least
    two fifths of the box."""
    st = styles()
    cells = []
    values: list[tuple[str, ParagraphStyle]] = []
    for index, (label, value) in enumerate(rows):
        big = emphasise_last and index == len(rows) - 1
        value_style = st.total_value if big else st.cell_right
        values.append((value, value_style))
        cells.append(
            [
                cell(label, st.total_label if big else st.cell),
                cell(value, value_style),
            ]
        )
    needed = max(widest([v], s, BOX_PADDING) for v, s in values) if values else 0.0
    value_width = min(max(needed, width * 0.4), width * 0.7)
    table = Table(cells, colWidths=[width - value_width, value_width], hAlign="LEFT")
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


def grid(
    header: Sequence[tuple[str, ParagraphStyle]],
    rows: Sequence[Sequence[tuple[str, ParagraphStyle]]],
    width: float,
    *,
    measured: Sequence[bool],
    total_row: bool = False,
) -> Table:
    """A table with a shaded header row repeated on every page it runs onto.

    Columns marked ``measured`` (dates, numbers, amounts) are as wide as their widest
    entry, header included; the others share the rest of ``width``."""
    everything = [list(header), *[list(r) for r in rows]]
    needed: list[float | None] = []
    for column, is_measured in enumerate(measured):
        if is_measured:
            needed.append(max(widest([t], s) for t, s in (row[column] for row in everything)))
        else:
            needed.append(None)
    table = Table(
        [[cell(text, style) for text, style in row] for row in everything],
        colWidths=share_widths(width, needed),
        hAlign="LEFT",
        repeatRows=1,
    )
    table.setStyle(table_style(total_row=total_row))
    return table
