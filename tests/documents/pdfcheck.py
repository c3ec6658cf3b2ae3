"""Read generated PDFs back with pypdf: page texts, fonts, page sizes."""

from __future__ import annotations

import io
import re
from typing import cast

from pypdf import PdfReader
from pypdf.generic import ArrayObject, DictionaryObject


def reader(data: bytes) -> PdfReader:
    return PdfReader(io.BytesIO(data))


def page_texts(data: bytes) -> list[str]:
    """Each page's text with runs of whitespace collapsed to one space."""
    return [re.sub(r"\s+", " ", page.extract_text()) for page in reader(data).pages]


def all_text(data: bytes) -> str:
    return " ".join(page_texts(data))


def fonts(data: bytes) -> list[tuple[str, DictionaryObject]]:
    """Every font used on every page: (base font name, font dictionary)."""
    found = []
    for page in reader(data).pages:
        resources = cast(DictionaryObject, page["/Resources"].get_object())
        for _key, ref in cast(DictionaryObject, resources["/Font"].get_object()).items():
            font = cast(DictionaryObject, ref.get_object())
            found.append((str(font["/BaseFont"]), font))
    return found


def embedded(font: DictionaryObject) -> bool:
    """True when the font's program travels inside the PDF (a TrueType /FontFile2)."""
    descriptor = font.get("/FontDescriptor")
    if descriptor is None and "/DescendantFonts" in font:
        descendants = cast(ArrayObject, font["/DescendantFonts"])
        descriptor = cast(DictionaryObject, descendants[0].get_object()).get("/FontDescriptor")
    if descriptor is None:
        return False
    return "/FontFile2" in cast(DictionaryObject, descriptor.get_object())


def media_box(data: bytes) -> tuple[float, float]:
    box = reader(data).pages[0].mediabox
    return round(float(box.width)), round(float(box.height))
