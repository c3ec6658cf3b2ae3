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

import unicodedata
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from typing import Any

from reportlab.lib.enums import TA_CENTER, TA_RIGHT
from reportlab.lib.styles import ParagraphStyle
from reportlab.pdfgen.canvas import Canvas
from reportlab.platypus import Flowable

from practice.documents.fonts import font, line_height
from practice.documents.scripts import Shaped, face_runs, is_rtl, levels, shape, visual_order

#: Characters a line may break at (the space is dropped at the break); no-break spaces
#: (U+00A0, U+202F, U+2007) are not among them.
_BREAKING_SPACES = " \t"
_NO_BREAK_BEFORE = set(
    "、。，．・：；！？）」』】〕〉》ーぁぃぅぇぉっゃゅょゎァィゥェォッャュョヮ々"
)


@dataclass(frozen=True)
class Span:
    """A piece of text in one style."""

    text: str
    bold: bool = False
    italic: bool = False


@dataclass(frozen=True)
class _Piece:
    shaped: Shaped
    level: int
    size: float

    @property
    def width(self) -> float:
        return self.shaped.width(self.size)


@dataclass(frozen=True)
class _Word:
    pieces: tuple[_Piece, ...]
    space_after: _Piece | None  # the (breakable) space that follows, if any

    @property
    def width(self) -> float:
        return sum(p.width for p in self.pieces)


@dataclass
class _Line:
    words: list[_Word] = field(default_factory=list)
    height: float = 0.0
    width: float = 0.0


@dataclass(frozen=True)
class _Segment:
    """Text between hard line breaks: its own direction, its words."""

    rtl: bool
    words: tuple[_Word, ...]


def _is_cjk(char: str) -> bool:
    code = ord(char)
    return (
        0x3040 <= code <= 0x30FF or 0x3400 <= code <= 0x9FFF or 0xF900 <= code <= 0xFAFF
    ) or 0x20000 <= code <= 0x2FFFF


def _breaks_after(text: str, index: int) -> bool:
    """A break between two CJK characters (no spaces there), not before closing marks."""
    char, following = text[index], text[index + 1] if index + 1 < len(text) else ""
    return (
        bool(following)
        and _is_cjk(char)
        and _is_cjk(following)
        and (following not in _NO_BREAK_BEFORE)
    )


def _segments(spans: Sequence[Span], size: float, rtl: bool | None) -> list[_Segment]:
    styled: list[tuple[str, bool, bool]] = [
        (char, span.bold, span.italic) for span in spans for char in span.text
    ]
    out: list[_Segment] = []
    start = 0
    for end in [i for i, (c, _b, _i) in enumerate(styled) if c == "\n"] + [len(styled)]:
        chars = styled[start:end]
        start = end + 1
        text = "".join(c for c, _b, _i in chars)
        direction = is_rtl(text) if rtl is None else rtl
        out.append(_Segment(direction, tuple(_words(chars, text, direction, size))))
    return out


def _words(
    chars: list[tuple[str, bool, bool]], text: str, rtl: bool, size: float
) -> Iterable[_Word]:
    char_levels = levels(text, rtl)
    word: list[int] = []
    for index, (char, _bold, _italic) in enumerate(chars):
        if char in _BREAKING_SPACES:
            if word:
                yield _Word(
                    _pieces(chars, char_levels, word, size), _space(chars, char_levels, index, size)
                )
            word = []
            continue
        word.append(index)
        if _breaks_after(text, index):
            yield _Word(_pieces(chars, char_levels, word, size), None)
            word = []
    if word:
        yield _Word(_pieces(chars, char_levels, word, size), None)


def _space(chars: list[tuple[str, bool, bool]], lv: list[int], index: int, size: float) -> _Piece:
    _char, bold, italic = chars[index]
    face = face_runs(" ", bold, italic)[0][0]
    return _Piece(shape(" ", face, False), lv[index], size)


def _pieces(
    chars: list[tuple[str, bool, bool]], lv: list[int], indices: list[int], size: float
) -> tuple[_Piece, ...]:
    """One word split where style or direction changes, then by face; each piece shaped."""
    groups: list[tuple[bool, bool, int, str]] = []
    for i in indices:
        char, bold, italic = chars[i]
        key = (bold, italic, lv[i])
        if groups and groups[-1][:3] == key:
            groups[-1] = (*key, groups[-1][3] + char)
        else:
            groups.append((*key, char))
    pieces = []
    for bold, italic, level, run in groups:
        for face, text in face_runs(unicodedata.normalize("NFC", run), bold, italic):
            pieces.append(_Piece(shape(text, face, level % 2 == 1), level, size))
    return tuple(pieces)


def _split_long(word: _Word, width: float) -> list[_Word]:
    """A word wider than the line (a long address, an unbroken string of letters) is
    cut between its pieces and, inside a piece, between glyphs that fit."""
    out: list[_Word] = []
    current: list[_Piece] = []
    used = 0.0
    for piece in word.pieces:
        glyphs = list(piece.shaped.glyphs)
        while glyphs:
            room = width - used
            taken: list[Any] = []
            advance = 0.0
            for glyph in glyphs:
                step = glyph.advance * piece.size / 1000
                if taken and advance + step > room:
                    break
                taken.append(glyph)
                advance += step
            if advance > room and current:
                out.append(_Word(tuple(current), None))
                current, used = [], 0.0
                continue
            glyphs = glyphs[len(taken) :]
            part = Shaped(piece.shaped.face, piece.shaped.rtl, tuple(taken))
            current.append(_Piece(part, piece.level, piece.size))
            used += advance
            if glyphs:
                out.append(_Word(tuple(current), None))
                current, used = [], 0.0
    out.append(_Word(tuple(current), word.space_after))
    return out


def _break_lines(segment: _Segment, widths: tuple[float, float], leading: float) -> list[_Line]:
    """Fill lines greedily, word by word (``widths``: the first line's, then the others')."""
    lines = [_Line()]
    pending = list(segment.words)
    while pending:
        word = pending.pop(0)
        line = lines[-1]
        room = widths[0] if len(lines) == 1 else widths[1]
        gap = line.words[-1].space_after.width if line.words and line.words[-1].space_after else 0
        if line.words and line.width + gap + word.width > room:
            lines.append(_Line())
            pending.insert(0, word)
            continue
        if not line.words and word.width > room and len(word.pieces[0].shaped.glyphs) > 0:
            parts = _split_long(word, room)
            if len(parts) > 1:
                pending[0:0] = parts
                continue
        line.width += gap + word.width
        line.words.append(word)
    for line in lines:
        tallest = max(
            (line_height(p.shaped.face) * p.size for w in line.words for p in w.pieces),
            default=0.0,
        )
        line.height = max(leading, tallest)
    return lines


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
        self._layout: list[tuple[_Segment, list[_Line]]] = []
        self._skip = 0  # lines already drawn on an earlier page (after a split)
        self._keep = 0  # lines this part draws (0: all)

    # ------------------------------------------------------------------ content

    @property
    def plain_text(self) -> str:
        return "".join(span.text for span in self.spans)

    def __repr__(self) -> str:
        return f"Text({self.plain_text[:40]!r})"

    def _lines(self) -> list[tuple[_Segment, _Line]]:
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
        for segment in _segments(self.spans, st.fontSize, self.rtl):
            self._layout.append((segment, _break_lines(segment, widths, st.leading)))
            widths = (text_width, text_width)
        self.width = availWidth
        self.height = sum(line.height for _segment, line in self._lines())
        return availWidth, self.height

    def line_heights(self) -> list[float]:
        """The height of each line (after :meth:`wrap`)."""
        return [line.height for _segment, line in self._lines()]

    def minWidth(self) -> float:  # noqa: N802 (reportlab's name)
        st = self.style
        words = [w.width for s in _segments(self.spans, st.fontSize, self.rtl) for w in s.words]
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
            _draw_pieces(canvas, x, baseline, _visual(line), st.textColor)
            if n == 0 and first and self.bullet:
                bullet = _segments([Span(self.bullet)], st.bulletFontSize, False)[0].words
                pieces = [p for w in bullet for p in w.pieces]
                _draw_pieces(canvas, st.bulletIndent, baseline, pieces, st.textColor)


def _offset(alignment: int, rtl_start: bool, room: float, width: float) -> float:
    if alignment == TA_RIGHT or (rtl_start and alignment not in (TA_CENTER, TA_RIGHT)):
        return room - width
    if alignment == TA_CENTER:
        return (room - width) / 2
    return 0.0


def _visual(line: _Line) -> list[_Piece]:
    """The line's pieces and the spaces between its words, in the order they are seen."""
    items: list[_Piece] = []
    for index, word in enumerate(line.words):
        items.extend(word.pieces)
        if index < len(line.words) - 1 and word.space_after is not None:
            items.append(word.space_after)
    return [items[i] for i in visual_order([p.level for p in items])]


def _draw_pieces(canvas: Canvas, x: float, y: float, pieces: Sequence[_Piece], color: Any) -> None:
    """Draw shaped pieces left to right from (x, y) on the baseline."""
    text = canvas.beginText(x, y)
    text.setFillColor(color)
    doc = canvas._doc
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
            ((glyph_subset, byte),) = face.splitString(chr(glyph.code), doc)
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
    for segment in _segments([Span(text, bold=bold, italic=italic)], size, None):
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
    segments = _segments([Span(text, bold=bold, italic=italic)], size, None)
    if not segments:
        return
    line = _Line(words=[w for s in segments for w in s.words])
    width = sum(w.width for w in line.words) + sum(
        w.space_after.width for w in line.words[:-1] if w.space_after is not None
    )
    left = {"left": x, "centre": x - width / 2, "right": x - width}[align]
    _draw_pieces(canvas, left, y, _visual(line), color)


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
