"""Text on the page, in any script: the paragraph every document uses, and single lines.

:class:`Text` is a reportlab flowable standing in for ``Paragraph``: it takes plain text
(or bold and italic :class:`Span` pieces), chooses a face for every run
(:mod:`practice.documents.fonts`), shapes it and orders it by direction
(:mod:`practice.documents.scripts`), breaks lines only between words (never inside a
word, never at a no-break space; a word wider than the whole line is the one exception),
grows a line that holds taller scripts, splits across pages between lines, and draws.
:func:`draw_line` sets one line on a canvas (footers); :func:`text_width` measures.

Paragraph styles (:mod:`practice.documents.styles`) give size, leading, colour,
alignment, indents, spacing and keep-with-next. A right-to-left paragraph (its first
strong letter is Hebrew or Arabic) aligns right where the style says left, except in
table cells (``align_by_direction=False``), which keep the table's alignment.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from reportlab.lib.enums import TA_CENTER, TA_RIGHT
from reportlab.lib.styles import ParagraphStyle
from reportlab.pdfgen.canvas import Canvas
from reportlab.platypus import Flowable

from practice.documents.fonts import font
from practice.documents.words import Line, Piece, Segment, Span, break_lines, segments, visual


class Text(Flowable):
    """A paragraph of plain text in any script (see the module docstring)."""

    def __init__(
        self,
        text: str | Sequence[Span],
        style: ParagraphStyle,
        *,
        bullet: str | None = None,
        rtl: bool | None = None,
        align_by_direction: bool = True,
    ) -> None:
        super().__init__()
        self.spans: tuple[Span, ...] = (Span(text),) if isinstance(text, str) else tuple(text)
        self.style = style
        self.bullet = bullet
        self.rtl = rtl
        self.align_by_direction = align_by_direction
        self._layout: list[tuple[Segment, list[Line]]] = []
        self._skip = 0  # lines already drawn on an earlier page (after a split)
        self._keep = 0  # lines this part draws (0: all)

    # ------------------------------------------------------------------ content

    @property
    def plain_text(self) -> str:
        return "".join(span.text for span in self.spans)

    def __repr__(self) -> str:
        return f"Text({self.plain_text[:40]!r})"

    def _lines(self) -> list[tuple[Segment, Line]]:
        flat = [(segment, line) for segment, lines in self._layout for line in lines]
        end = self._skip + self._keep if self._keep else len(flat)
        return flat[self._skip : end]

    # --------------------------------------------------------------- flowable API

    def _left_indent(self) -> float:
        """The text's left indent: past the bullet, if the style leaves no room for it."""
        st = self.style
        if not self.bullet:
            return float(st.leftIndent)
        bullet = text_width(self.bullet, st.bulletFontSize) + st.bulletFontSize * 0.6
        return float(max(st.leftIndent, st.bulletIndent + bullet))

    def wrap(self, availWidth: float, availHeight: float) -> tuple[float, float]:  # noqa: N803
        st = self.style
        text_width = availWidth - self._left_indent() - st.rightIndent
        widths = (text_width - st.firstLineIndent, text_width)
        self._layout = []
        for segment in segments(self.spans, st.fontSize, self.rtl):
            self._layout.append((segment, break_lines(segment, widths, st.leading)))
            widths = (text_width, text_width)
        self.width = availWidth
        self.height = sum(line.height for _segment, line in self._lines())
        return availWidth, self.height

    def line_heights(self) -> list[float]:
        """The height of each line (after :meth:`wrap`)."""
        return [line.height for _segment, line in self._lines()]

    def minWidth(self) -> float:  # noqa: N802 (reportlab's name)
        st = self.style
        words = [w.width for s in segments(self.spans, st.fontSize, self.rtl) for w in s.words]
        return max(words, default=0.0) + self._left_indent() + st.rightIndent

    def split(self, availWidth: float, availHeight: float) -> list[Flowable]:  # noqa: N803
        self.wrap(availWidth, availHeight)
        lines = self._lines()
        fits, used = 0, 0.0
        for _segment, line in lines:
            if used + line.height > availHeight + 1e-6:
                break
            used += line.height
            fits += 1
        if fits == 0 or fits == len(lines):
            return [] if fits == 0 else [self]
        if fits == 1 and len(lines) > 2:
            return []  # no first line left alone at the foot of a page
        if len(lines) - fits == 1 and fits > 2:
            fits -= 1  # nor a last line alone at the top of the next
        first, rest = self._part(self._skip, fits), self._part(self._skip + fits, 0)
        rest.style = ParagraphStyle(f"{self.style.name}_cont", parent=self.style, spaceBefore=0)
        first.style = ParagraphStyle(f"{self.style.name}_head", parent=self.style, spaceAfter=0)
        rest.bullet = None
        return [first, rest]

    def _part(self, skip: int, keep: int) -> Text:
        part = Text(
            self.spans,
            self.style,
            bullet=self.bullet,
            rtl=self.rtl,
            align_by_direction=self.align_by_direction,
        )
        part._skip, part._keep = skip, keep
        return part

    def draw(self) -> None:
        st = self.style
        canvas: Canvas = self.canv
        top = self.height
        first = self._skip == 0
        for n, (segment, line) in enumerate(self._lines()):
            baseline = top - (line.height - st.leading) - st.fontSize
            top -= line.height
            indent = self._left_indent() + (st.firstLineIndent if first and n == 0 else 0)
            room = self.width - indent - st.rightIndent
            x = indent + _offset(
                st.alignment, segment.rtl and self.align_by_direction, room, line.width
            )
            _draw_pieces(canvas, x, baseline, visual(line), st.textColor)
            if n == 0 and first and self.bullet:
                bullet = segments([Span(self.bullet)], st.bulletFontSize, False)[0].words
                pieces = [p for w in bullet for p in w.pieces]
                _draw_pieces(canvas, st.bulletIndent, baseline, pieces, st.textColor)


def _offset(alignment: int, rtl_start: bool, room: float, width: float) -> float:
    if alignment == TA_RIGHT or (rtl_start and alignment not in (TA_CENTER, TA_RIGHT)):
        return room - width
    if alignment == TA_CENTER:
        return (room - width) / 2
    return 0.0


def _draw_pieces(canvas: Canvas, x: float, y: float, pieces: Sequence[Piece], color: Any) -> None:
    """Draw shaped pieces left to right from (x, y) on the baseline."""
    text = canvas.beginText(x, y)
    text.setFillColor(color)
    doc = canvas._doc
    # a glyph keeps the subset and byte the document gave it first: asked once each
    slots: dict[tuple[str, int], tuple[int, bytes]] = doc.__dict__.setdefault(
        "_practice_glyph_slots", {}
    )
    for piece in pieces:
        if not piece.shaped.glyphs:
            continue
        face = font(piece.shaped.face)
        size = piece.size
        text.setTextOrigin(x, y)
        rise, subset = 0.0, -1
        array: list[str] = []
        ops = text._code
        for glyph in piece.shaped.glyphs:
            slot = slots.get((face.fontName, glyph.code))
            if slot is None:
                ((glyph_subset, byte),) = face.splitString(chr(glyph.code), doc)
                slot = slots[(face.fontName, glyph.code)] = (glyph_subset, byte)
            glyph_subset, byte = slot
            glyph_rise = glyph.y_offset * size / 1000
            if glyph_subset != subset or glyph_rise != rise:
                if array:
                    ops.append(f"[{' '.join(array)}] TJ")
                    array = []
                if glyph_subset != subset:
                    name = face.getSubsetInternalName(glyph_subset, doc)
                    ops.append(f"{name} {size:g} Tf")
                    subset = glyph_subset
                if glyph_rise != rise:
                    ops.append(f"{glyph_rise:.3f} Ts")
                    rise = glyph_rise
            if glyph.x_offset:
                array.append(f"{-glyph.x_offset:.2f}")
            array.append(f"<{byte.hex()}>")
            after = glyph.width - glyph.advance + glyph.x_offset
            if abs(after) > 0.005:
                array.append(f"{after:.2f}")
        if array:
            ops.append(f"[{' '.join(array)}] TJ")
        if rise:
            ops.append("0 Ts")
        x += piece.width
    canvas.drawText(text)


def text_width(text: str, size: float, *, bold: bool = False, italic: bool = False) -> float:
    """How wide ``text`` is on one line at ``size`` points (spaces included)."""
    total = 0.0
    for segment in segments([Span(text, bold=bold, italic=italic)], size, None):
        words = segment.words
        total += sum(w.width for w in words)
        total += sum(w.space_after.width for w in words[:-1] if w.space_after is not None)
    return total


def draw_line(
    canvas: Canvas,
    x: float,
    y: float,
    text: str,
    size: float,
    color: Any,
    *,
    align: str = "left",
    bold: bool = False,
    italic: bool = False,
) -> None:
    """Set ``text`` on one line at (x, y): its left end, centre or right end at ``x``."""
    parts = segments([Span(text, bold=bold, italic=italic)], size, None)
    if not parts:
        return
    line = Line(words=[w for s in parts for w in s.words])
    width = sum(w.width for w in line.words) + sum(
        w.space_after.width for w in line.words[:-1] if w.space_after is not None
    )
    left = {"left": x, "centre": x - width / 2, "right": x - width}[align]
    _draw_pieces(canvas, left, y, visual(line), color)


def fit_text(text: str, size: float, width: float, *, italic: bool = False) -> str:
    """``text`` shortened with an ellipsis at a word boundary so it fits ``width``."""
    if text_width(text, size, italic=italic) <= width:
        return text
    words = text.split()
    while words:
        words.pop()
        candidate = " ".join(words).rstrip(",;:-–—") + "…"
        if words and text_width(candidate, size, italic=italic) <= width:
            return candidate
    shortened = text
    while shortened and text_width(shortened + "…", size, italic=italic) > width:
        shortened = shortened[:-1]
    return shortened + "…"


def cell(text: str | Sequence[Span], style: ParagraphStyle) -> Text:
    """Text for a table cell: it keeps the column's alignment in either direction."""
    return Text(text, style, align_by_direction=False)
