"""Fonts for every document, so any client's name prints correctly.

DejaVu Sans (regular, bold, oblique, bold oblique) sets Latin, Greek and Cyrillic text.
Characters DejaVu lacks — Chinese, Japanese and Korean names — are set in Droid Sans
Fallback: :func:`font_runs` splits text into runs by font, and
:func:`practice.documents.formatting.markup` wraps the fallback runs for paragraphs.

The TTF files ship in ``resources/fonts/`` (with their licences) and are found through
:func:`practice.resources.resource_file`. reportlab embeds a subset of each font used
(``/FontFile2`` in the PDF), so a document prints the same on any machine.
"""

from __future__ import annotations

import functools

from reportlab.lib.fonts import addMapping
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.ttfonts import TTFont

from practice.resources import resource_file

#: The family name used in paragraph styles (``<b>`` and ``<i>`` map to its faces).
FAMILY = "DejaVuSans"
REGULAR = "DejaVuSans"
BOLD = "DejaVuSans-Bold"
ITALIC = "DejaVuSans-Oblique"
BOLD_ITALIC = "DejaVuSans-BoldOblique"
#: For the characters DejaVu has no glyph for (CJK and more).
FALLBACK = "DroidSansFallback"

_FACES: dict[str, tuple[bool, bool]] = {
    REGULAR: (False, False),
    BOLD: (True, False),
    ITALIC: (False, True),
    BOLD_ITALIC: (True, True),
}


@functools.cache
def register_fonts() -> str:
    """Register the DejaVu faces and the fallback with reportlab (once); return the family."""
    for face, (bold, italic) in _FACES.items():
        pdfmetrics.registerFont(_load(face))
        addMapping(FAMILY, int(bold), int(italic), face)
    fallback = _load(FALLBACK)
    pdfmetrics.registerFont(fallback)
    for weight in (0, 1):
        for slant in (0, 1):
            addMapping(FALLBACK, weight, slant, FALLBACK)
    return FAMILY


def _load(face: str) -> TTFont:
    # TTFont reads the whole file while the path exists, so a temporary copy (a zipped
    # install) may go away afterwards.
    with resource_file("fonts", f"{face}.ttf") as path:
        return TTFont(face, str(path))


@functools.cache
def _covered() -> frozenset[int]:
    """Code points every DejaVu face can draw."""
    register_fonts()
    sets = [set(pdfmetrics.getFont(face).face.charToGlyph) for face in _FACES]
    return frozenset(set.intersection(*sets))


def needs_fallback(char: str) -> bool:
    return not char.isspace() and ord(char) not in _covered()


def font_runs(text: str, font: str = REGULAR) -> list[tuple[str, str]]:
    """Split ``text`` into (font name, run) pieces: ``font`` where DejaVu has the glyphs,
    the fallback elsewhere. Spaces stay with the run they are in."""
    runs: list[tuple[str, str]] = []
    for char in text:
        wanted = FALLBACK if needs_fallback(char) else font
        if runs and (runs[-1][0] == wanted or char.isspace()):
            runs[-1] = (runs[-1][0], runs[-1][1] + char)
        else:
            runs.append((wanted, char))
    return runs
