"""Script handling for documents: which face sets each piece of text, which way it runs,
and the shaped glyphs that draw it.

* **Faces** — :func:`face_runs` splits text into runs, one face each
  (:func:`practice.documents.fonts.face_for`); marks and joiners stay with the letter
  they belong to, and punctuation stays in the face around it when that face has it.
* **Direction** — :func:`levels` gives each character its Unicode bidirectional
  embedding level (python-bidi's implementation of UAX #9): even runs left to right,
  odd runs right to left. :func:`visual_order` puts the pieces of one line in the order
  they are seen (rule L2), so a Hebrew or Arabic name reads right to left inside an
  English sentence, and an Arabic paragraph reads right to left line by line.
* **Shaping** — :func:`shape` runs HarfBuzz (uharfbuzz) over one run in one face:
  Arabic letters join, Devanagari conjuncts and vowel signs form, Thai and Hebrew marks
  sit on their letters, right-to-left runs come out in visual order, kerning applies.

The text layout (:mod:`practice.documents.text`) is the only user of this module.
"""

from __future__ import annotations

import functools
import unicodedata
from dataclasses import dataclass
from typing import Any

import uharfbuzz as hb
from bidi import algorithm as bidi

from practice.documents.fonts import REGULAR, face_for, font, invisible
from practice.resources import resource_bytes

#: Stands in for a character no face can draw: DejaVu's missing-glyph box, which reads
#: back as the character itself (the app warned before printing; it is never dropped).
MISSING = REGULAR


@dataclass(frozen=True)
class Glyph:
    """One glyph to draw, in thousandths of an em (PDF text space units)."""

    code: int  # the character code that draws it (see DocumentFont.glyph_code)
    advance: float  # how far the pen moves after it
    x_offset: float
    y_offset: float
    width: float  # the code's own width in the PDF (what a viewer advances by)


@dataclass(frozen=True)
class Shaped:
    """A run of text in one face and one direction, shaped: glyphs in visual order."""

    face: str
    rtl: bool
    glyphs: tuple[Glyph, ...]

    @functools.cached_property
    def advance(self) -> float:
        """The run's width in thousandths of an em (added up once: it is asked for each
        time a line is broken or drawn)."""
        return sum(g.advance for g in self.glyphs)

    def width(self, size: float) -> float:
        return self.advance * size / 1000


def _joins_previous(char: str) -> bool:
    """Marks, joiners and selectors belong to the character before them."""
    return unicodedata.category(char) in ("Mn", "Mc", "Me") or invisible(char)


def _neutral(char: str) -> bool:
    """Punctuation, symbols, digits and spaces: set in the face around them if it has them."""
    return unicodedata.category(char)[0] in "PSNZ"


def face_runs(text: str, bold: bool = False, italic: bool = False) -> list[tuple[str, str]]:
    """Split ``text`` into (face, run) pieces; characters no face draws get :data:`MISSING`."""
    runs: list[tuple[str, str]] = []
    for char in text:
        if runs:
            current = runs[-1][0]
            covered = ord(char) in font(current).cmap
            if (_joins_previous(char) and (covered or invisible(char))) or (
                _neutral(char) and covered and current != MISSING
            ):
                runs[-1] = (current, runs[-1][1] + char)
                continue
        face = face_for(char, bold, italic)
        if face is None:
            face = MISSING if not invisible(char) else (runs[-1][0] if runs else REGULAR)
        if runs and runs[-1][0] == face:
            runs[-1] = (face, runs[-1][1] + char)
        else:
            runs.append((face, char))
    return runs


def is_rtl(text: str) -> bool:
    """The paragraph direction: that of its first strong character (rules P2, P3)."""
    return bidi.get_base_level(text) == 1


def levels(text: str, rtl: bool) -> list[int]:
    """The resolved embedding level of every character of ``text`` (UAX #9, W1-I2)."""
    if not text:
        return []
    storage: dict[str, Any] = bidi.get_empty_storage()
    storage["base_level"] = 1 if rtl else 0
    storage["base_dir"] = "R" if rtl else "L"
    bidi.get_embedding_levels(text, storage)
    bidi.explicit_embed_and_overrides(storage)
    bidi.resolve_weak_types(storage, False)
    bidi.resolve_neutral_types(storage, False)
    bidi.resolve_implicit_levels(storage, False)
    resolved = storage["chars"]
    # Explicit embedding codes are removed by rule X9: they take the level before them.
    out: list[int] = []
    index = 0
    base = storage["base_level"]
    for char in text:
        if index < len(resolved) and resolved[index]["ch"] == char:
            out.append(int(resolved[index]["level"]))
            index += 1
        else:
            out.append(out[-1] if out else base)
    return out


def visual_order(item_levels: list[int]) -> list[int]:
    """Indices of a line's pieces in the order they are seen, left to right (rule L2)."""
    order = list(range(len(item_levels)))
    if not item_levels:
        return order
    highest = max(item_levels)
    lowest_odd = min((lv for lv in item_levels if lv % 2), default=highest + 1)
    for level in range(highest, lowest_odd - 1, -1):
        start = None
        for i in range(len(order) + 1):
            inside = i < len(order) and item_levels[order[i]] >= level
            if inside and start is None:
                start = i
            elif not inside and start is not None:
                order[start:i] = reversed(order[start:i])
                start = None
    return order


@functools.cache
def _hb_font(face: str) -> Any:
    return hb.Font(hb.Face(hb.Blob(resource_bytes("fonts", f"{face}.ttf"))))


_FEATURES = {"kern": True, "liga": True}


@functools.lru_cache(maxsize=20000)
def shape(text: str, face: str, rtl: bool) -> Shaped:
    """Shape one run of ``text`` in ``face`` (right to left when ``rtl``)."""
    target = font(face)
    hb_font = _hb_font(face)
    scale = 1000 / target.units_per_em
    buffer = hb.Buffer()
    buffer.add_codepoints([ord(c) for c in text])
    buffer.guess_segment_properties()
    buffer.direction = "rtl" if rtl else "ltr"
    buffer.cluster_level = hb.BufferClusterLevel.MONOTONE_GRAPHEMES
    hb.shape(hb_font, buffer, _FEATURES)
    infos, positions = buffer.glyph_infos, buffer.glyph_positions
    starts = sorted({info.cluster for info in infos})
    ends = dict(zip(starts, [*starts[1:], len(text)], strict=True))
    seen: set[int] = set()
    glyphs: list[Glyph] = []
    for info, position in zip(infos, positions, strict=True):
        cluster = info.cluster
        # The first glyph of a cluster reads back as the cluster's text, the others as
        # nothing: a Devanagari vowel sign drawn before its consonant still reads in order.
        piece = "" if cluster in seen else text[cluster : ends[cluster]]
        seen.add(cluster)
        own = hb_font.get_glyph_h_advance(info.codepoint)
        code = target.glyph_code(info.codepoint, piece, own)
        glyphs.append(
            Glyph(
                code=code,
                advance=position.x_advance * scale,
                x_offset=position.x_offset * scale,
                y_offset=position.y_offset * scale,
                width=target.face.getCharWidth(code),
            )
        )
    return Shaped(face, rtl, tuple(glyphs))
