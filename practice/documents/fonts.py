"""DejaVu fonts for every document, so names in Latin, Greek and Cyrillic print correctly.

The TTF files ship in ``resources/fonts/`` and are found through
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

_FACES: dict[str, tuple[bool, bool]] = {
    REGULAR: (False, False),
    BOLD: (True, False),
    ITALIC: (False, True),
    BOLD_ITALIC: (True, True),
}


@functools.cache
def register_fonts() -> str:
    """Register the DejaVu faces with reportlab (once per process); return the family name."""
    for face, (bold, italic) in _FACES.items():
        with resource_file("fonts", f"{face}.ttf") as path:
            pdfmetrics.registerFont(TTFont(face, str(path)))
        addMapping(FAMILY, int(bold), int(italic), face)
    return FAMILY
