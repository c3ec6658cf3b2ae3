"""Text broken into words and lines: the part of the layout that knows no page.

:func:`segments` cuts text at hard line breaks (each segment has its own direction),
into words (breaking only at spaces, and between Chinese or Japanese characters), and
each word into pieces of one face and one direction, shaped
(:mod:`practice.documents.scripts`). :func:`break_lines` fills lines word by word;
:func:`visual` gives a line's pieces in the order they are seen.
"""

from __future__ import annotations

import unicodedata
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from functools import cached_property, lru_cache
from typing import Any

from practice.documents.fonts import line_height
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
class Piece:
    shaped: Shaped
    level: int
    size: float

    @property
    def width(self) -> float:
        return self.shaped.width(self.size)


@dataclass(frozen=True)
class Word:
    pieces: tuple[Piece, ...]
    space_after: Piece | None  # the (breakable) space that follows, if any

    @cached_property
    def width(self) -> float:
        return sum(p.width for p in self.pieces)


@dataclass
class Line:
    words: list[Word] = field(default_factory=list)
    height: float = 0.0
    width: float = 0.0


@dataclass(frozen=True)
class Segment:
    """Text between hard line breaks: its own direction, its words."""

    rtl: bool
    words: tuple[Word, ...]


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


def segments(spans: Sequence[Span], size: float, rtl: bool | None) -> list[Segment]:
    """The text of ``spans`` between its hard line breaks, split into shaped words.

    Kept for the last few thousand texts asked: a paragraph is measured several times
    while a page is laid out (to keep a heading with what follows, to split it across
    pages) and table cells repeat; everything here is immutable, so the answer is shared.
    """
    return list(_segments(tuple(spans), size, rtl))


@lru_cache(maxsize=4096)
def _segments(spans: tuple[Span, ...], size: float, rtl: bool | None) -> tuple[Segment, ...]:
    styled: list[tuple[str, bool, bool]] = [
        (char, span.bold, span.italic) for span in spans for char in span.text
    ]
    out: list[Segment] = []
    start = 0
    for end in [i for i, (c, _b, _i) in enumerate(styled) if c == "\n"] + [len(styled)]:
        chars = styled[start:end]
        start = end + 1
        text = "".join(c for c, _b, _i in chars)
        direction = is_rtl(text) if rtl is None else rtl
        out.append(Segment(direction, tuple(_words(chars, text, direction, size))))
    return tuple(out)


def _words(
    chars: list[tuple[str, bool, bool]], text: str, rtl: bool, size: float
) -> Iterable[Word]:
    char_levels = levels(text, rtl)
    word: list[int] = []
    for index, (char, _bold, _italic) in enumerate(chars):
        if char in _BREAKING_SPACES:
            if word:
                yield Word(
                    _pieces(chars, char_levels, word, size), _space(chars, char_levels, index, size)
                )
            word = []
            continue
        word.append(index)
        if _breaks_after(text, index):
            yield Word(_pieces(chars, char_levels, word, size), None)
            word = []
    if word:
        yield Word(_pieces(chars, char_levels, word, size), None)


def _space(chars: list[tuple[str, bool, bool]], lv: list[int], index: int, size: float) -> Piece:
    _char, bold, italic = chars[index]
    face = face_runs(" ", bold, italic)[0][0]
    return Piece(shape(" ", face, False), lv[index], size)


def _pieces(
    chars: list[tuple[str, bool, bool]], lv: list[int], indices: list[int], size: float
) -> tuple[Piece, ...]:
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
            pieces.append(Piece(shape(text, face, level % 2 == 1), level, size))
    return tuple(pieces)


def _split_long(word: Word, width: float) -> list[Word]:
    """A word wider than the line (a long address, an unbroken string of letters) is
    cut between its pieces and, inside a piece, between glyphs that fit."""
    out: list[Word] = []
    current: list[Piece] = []
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
                out.append(Word(tuple(current), None))
                current, used = [], 0.0
                continue
            glyphs = glyphs[len(taken) :]
            part = Shaped(piece.shaped.face, piece.shaped.rtl, tuple(taken))
            current.append(Piece(part, piece.level, piece.size))
            used += advance
            if glyphs:
                out.append(Word(tuple(current), None))
                current, used = [], 0.0
    out.append(Word(tuple(current), word.space_after))
    return out


def break_lines(segment: Segment, widths: tuple[float, float], leading: float) -> list[Line]:
    """Fill lines greedily, word by word (``widths``: the first line's, then the others')."""
    lines = [Line()]
    pending = list(segment.words)
    while pending:
        word = pending.pop(0)
        line = lines[-1]
        room = widths[0] if len(lines) == 1 else widths[1]
        gap = line.words[-1].space_after.width if line.words and line.words[-1].space_after else 0
        if line.words and line.width + gap + word.width > room:
            lines.append(Line())
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


def visual(line: Line) -> list[Piece]:
    """The line's pieces and the spaces between its words, in the order they are seen."""
    items: list[Piece] = []
    for index, word in enumerate(line.words):
        items.extend(word.pieces)
        if index < len(line.words) - 1 and word.space_after is not None:
            items.append(word.space_after)
    return [items[i] for i in visual_order([p.level for p in items])]
