"""The fonts every document is set in, and which face draws which character.

A client's name may be written in any script, so documents carry a small family of fonts
(``resources/fonts/``, with their licences; ``scripts/make_fonts.py`` rebuilds them):

* **DejaVu Sans** (regular, bold, oblique, bold oblique): Latin, Vietnamese, Greek,
  Cyrillic, and the text of every document;
* **Noto Sans Arabic, Hebrew, Devanagari, Thai** (regular and bold);
* **Droid Sans Fallback**: Chinese, Japanese and Korean (one weight: bold CJK text is
  set in the regular face);
* **Symbola** (emoji blocks only): emoji in one colour, as they print.

:func:`face_for` picks, for one character in one style (bold, italic), the face that
draws it: the family made for its script first, then DejaVu, then the others, each in
the nearest style it has. A character no face draws is reported, never dropped
(:func:`can_draw`, and :mod:`practice.services.printable` names the client and field).

Each face is a :class:`DocumentFont`: reportlab's TrueType font, embedded as subsets,
plus what shaped text needs. A shaped glyph (an Arabic letter's joined form, a
Devanagari conjunct, a ligature) has no character of its own, so it gets a private
code whose ToUnicode entry is the text it stands for: copying or searching the PDF
gives the client's name back. Every subset gets its own tag (``ABCDEF+DejaVuSans``).
"""

from __future__ import annotations

import functools
import hashlib
import threading
from collections.abc import Mapping
from dataclasses import dataclass

from reportlab.lib.fonts import addMapping
from reportlab.pdfbase import pdfdoc, pdfmetrics
from reportlab.pdfbase.ttfonts import TTFont

from practice.resources import resource_file

#: The family name used in paragraph styles (``<b>`` and ``<i>`` map to its faces).
FAMILY = "DejaVuSans"
REGULAR = "DejaVuSans"
BOLD = "DejaVuSans-Bold"
ITALIC = "DejaVuSans-Oblique"
BOLD_ITALIC = "DejaVuSans-BoldOblique"

#: (bold, italic)
Style = tuple[bool, bool]
_R, _B, _I, _BI = (False, False), (True, False), (False, True), (True, True)

_ARABIC = ((0x0600, 0x06FF), (0x0750, 0x077F), (0x0870, 0x08FF), (0xFB50, 0xFDFF), (0xFE70, 0xFEFF))
_HEBREW = ((0x0590, 0x05FF), (0xFB1D, 0xFB4F))
_DEVANAGARI = ((0x0900, 0x097F), (0xA8E0, 0xA8FF), (0x1CD0, 0x1CFF))
_THAI = ((0x0E00, 0x0E7F),)
_CJK = (
    (0x1100, 0x11FF),
    (0x2E80, 0x2FDF),
    (0x3000, 0x33FF),
    (0x3400, 0x4DBF),
    (0x4E00, 0x9FFF),
    (0xA960, 0xA97F),
    (0xAC00, 0xD7FF),
    (0xF900, 0xFAFF),
    (0xFE30, 0xFE4F),
    (0xFF00, 0xFFEF),
    (0x20000, 0x2FFFF),
)
_EMOJI = ((0x1F000, 0x1FAFF),)


@dataclass(frozen=True)
class Family:
    """Faces of one design, the scripts it is preferred for, and the line it needs."""

    name: str
    faces: Mapping[Style, str]
    scripts: tuple[tuple[int, int], ...]
    #: The least line height, in ems, a line holding this family needs (tall marks).
    line_height: float

    def prefers(self, code: int) -> bool:
        return any(low <= code <= high for low, high in self.scripts)

    def faces_for(self, style: Style) -> list[str]:
        """This family's faces, nearest to ``style`` first (bold before italic)."""
        bold, italic = style
        order = [(bold, italic), (bold, False), (False, italic), _R]
        seen: list[str] = []
        for wanted in order:
            face = self.faces.get(wanted)
            if face and face not in seen:
                seen.append(face)
        return seen


FAMILIES: tuple[Family, ...] = (
    Family("latin", {_R: REGULAR, _B: BOLD, _I: ITALIC, _BI: BOLD_ITALIC}, (), 1.2),
    Family("arabic", {_R: "NotoSansArabic-Regular", _B: "NotoSansArabic-Bold"}, _ARABIC, 1.75),
    Family("hebrew", {_R: "NotoSansHebrew-Regular", _B: "NotoSansHebrew-Bold"}, _HEBREW, 1.35),
    Family(
        "devanagari",
        {_R: "NotoSansDevanagari-Regular", _B: "NotoSansDevanagari-Bold"},
        _DEVANAGARI,
        1.6,
    ),
    Family("thai", {_R: "NotoSansThai-Regular", _B: "NotoSansThai-Bold"}, _THAI, 1.6),
    Family("cjk", {_R: "DroidSansFallback"}, _CJK, 1.35),
    Family("emoji", {_R: "Symbola-Emoji"}, _EMOJI, 1.35),
)
_FAMILY_OF_FACE = {face: family for family in FAMILIES for face in family.faces.values()}

#: Characters that draw nothing (joiners, variation selectors, direction marks, the
#: soft hyphen): never reported as undrawable; the shaper hides them.
_INVISIBLE = (
    (0x00AD, 0x00AD),
    (0x034F, 0x034F),
    (0x061C, 0x061C),
    (0x180B, 0x180F),
    (0x200B, 0x200F),
    (0x202A, 0x202E),
    (0x2060, 0x206F),
    (0xFE00, 0xFE0F),
    (0xFEFF, 0xFEFF),
    (0xE0000, 0xE0FFF),
)

#: Private codes for shaped glyphs: Supplementary Private Use Area-A, never typed.
_FIRST_PRIVATE = 0xF0000


def invisible(char: str) -> bool:
    code = ord(char)
    return any(low <= code <= high for low, high in _INVISIBLE)


class DocumentFont(TTFont):
    """A TrueType face that can embed shaped glyphs and give their text back."""

    def __init__(self, name: str, path: str) -> None:
        super().__init__(name, path, shapable=False)
        #: The characters the face itself maps (shaped glyphs are added beside them).
        self.cmap: frozenset[int] = frozenset(self.face.charToGlyph)
        self.units_per_em: int = self.face.unitsPerEm
        self._codes: dict[tuple[int, str], int] = {}
        self._texts: dict[int, str] = {}
        self._next = _FIRST_PRIVATE
        self._lock = threading.Lock()

    def glyph_code(self, glyph: int, text: str, advance: int) -> int:
        """The character code that draws ``glyph`` and stands for ``text`` when read back.

        ``advance`` is the glyph's own width in font units (for the PDF's widths).
        """
        if len(text) == 1 and self.face.charToGlyph.get(ord(text)) == glyph:
            return ord(text)
        key = (glyph, text)
        with self._lock:
            code = self._codes.get(key)
            if code is None:
                code = self._next
                self._next += 1
                self.face.charToGlyph[code] = glyph
                self.face.charWidths[code] = round(advance * 1000 / self.units_per_em)
                self._codes[key] = code
                self._texts[code] = text
            return code

    def text_of(self, code: int) -> str:
        """What ``code`` reads back as (its character, or the text a shaped glyph is for)."""
        return self._texts.get(code, chr(code) if code < _FIRST_PRIVATE else "")

    def addObjects(self, doc: pdfdoc.PDFDocument) -> None:  # noqa: N802 (reportlab's name)
        """reportlab's TTFont.addObjects, with a tag per subset and a ToUnicode map that
        reads shaped glyphs back as their text."""
        state = self._assignState(doc)
        state.frozen = 1
        for n, subset in enumerate(state.subsets):
            internal_name = self.getSubsetInternalName(n, doc)[1:]
            base_name = f"{_subset_tag(self.fontName, n)}+{self.face.name.decode('latin-1')}"
            pdf_font = pdfdoc.PDFTrueTypeFont()
            pdf_font.__Comment__ = f"Font {self.fontName} subset {n}"
            pdf_font.Name = internal_name
            pdf_font.BaseFont = base_name
            pdf_font.FirstChar = 0
            pdf_font.LastChar = len(subset) - 1
            pdf_font.Widths = pdfdoc.PDFArray([self.face.getCharWidth(c) for c in subset])
            cmap = pdfdoc.PDFStream()
            cmap.content = _to_unicode(base_name, [self.text_of(c) for c in subset])
            if doc.compression:
                cmap.filters = [pdfdoc.PDFZCompress]
            pdf_font.ToUnicode = doc.Reference(cmap, "toUnicodeCMap:" + base_name)
            pdf_font.FontDescriptor = self.face.addSubsetObjects(doc, base_name, subset)
            reference = doc.Reference(pdf_font, internal_name)
            doc.idToObject["BasicFonts"].dict[internal_name] = pdf_font
            del reference
        del self.state[doc]


def _subset_tag(face: str, subset: int) -> str:
    """Six capital letters, different for every face and subset (the PDF's subset tag)."""
    digest = hashlib.sha1(f"{face}/{subset}".encode()).digest()
    return "".join(chr(ord("A") + byte % 26) for byte in digest[:6])


def _to_unicode(name: str, texts: list[str]) -> str:
    def utf16(text: str) -> str:
        return text.encode("utf-16-be").hex().upper()

    entries = [f"<{code:02X}> <{utf16(text)}>" for code, text in enumerate(texts)]
    lines = [
        "/CIDInit /ProcSet findresource begin",
        "12 dict begin",
        "begincmap",
        f"/CIDSystemInfo << /Registry ({name}) /Ordering ({name}) /Supplement 0 >> def",
        f"/CMapName /{name} def",
        "/CMapType 2 def",
        "1 begincodespacerange",
        f"<00> <{len(texts) - 1:02X}>",
        "endcodespacerange",
    ]
    for start in range(0, len(entries), 100):  # at most 100 entries per block
        chunk = entries[start : start + 100]
        lines += [f"{len(chunk)} beginbfchar", *chunk, "endbfchar"]
    lines += ["endcmap", "CMapName currentdict /CMap defineresource pop", "end", "end"]
    return "\n".join(lines)


_load_lock = threading.Lock()


@functools.cache
def font(face: str) -> DocumentFont:
    """The face named ``face``, loaded and registered with reportlab on first use."""
    with _load_lock, resource_file("fonts", f"{face}.ttf") as path:
        # TTFont reads the whole file while the path exists, so a temporary copy (a
        # zipped install) may go away afterwards.
        loaded = DocumentFont(face, str(path))
        pdfmetrics.registerFont(loaded)
        return loaded


@functools.cache
def register_fonts() -> str:
    """Register the DejaVu faces as the paragraph family (once); return the family."""
    for style, face in FAMILIES[0].faces.items():
        font(face)
        addMapping(FAMILY, int(style[0]), int(style[1]), face)
    return FAMILY


@functools.lru_cache(maxsize=8192)
def face_for(char: str, bold: bool = False, italic: bool = False) -> str | None:
    """The face that draws ``char`` in the nearest style to (bold, italic), or None."""
    code = ord(char)
    preferred = [family for family in FAMILIES if family.prefers(code)]
    for family in preferred + [f for f in FAMILIES if f not in preferred]:
        for face in family.faces_for((bold, italic)):
            if code in font(face).cmap:
                return face
    return None


def can_draw(char: str) -> bool:
    """Whether some shipped face draws ``char`` (spaces and invisible marks always can)."""
    return char.isspace() or invisible(char) or face_for(char) is not None


def undrawable(text: str) -> str:
    """The characters of ``text`` no shipped face draws, each once, in order."""
    seen: list[str] = []
    for char in text:
        if char not in seen and not can_draw(char):
            seen.append(char)
    return "".join(seen)


def line_height(face: str) -> float:
    """The least line height, in ems, a line set partly in ``face`` needs."""
    family = _FAMILY_OF_FACE.get(face)
    return family.line_height if family else 1.2
