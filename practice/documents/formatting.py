"""Money, dates and durations as a client reads them, in the practice's locale."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from xml.sax.saxutils import escape

from babel.dates import format_date

from practice.documents.fonts import FALLBACK, font_runs
from practice.models import LengthUnit
from practice.money import format_money


@dataclass(frozen=True)
class Formatter:
    """Formats for one document: the practice profile's locale."""

    locale: str = "en_GB"

    def money(self, amount: int, currency: str) -> str:
        return format_money(amount, currency, self.locale)

    def date(self, day: dt.date) -> str:
        """A long date for people: ``3 March 2026`` (en_GB), ``March 3, 2026`` (en_US)."""
        return str(format_date(day, format="long", locale=self.locale))


def plural(count: int, one: str, many: str | None = None) -> str:
    return f"{count} {one if count == 1 else (many or one + 's')}"


def minutes(count: int) -> str:
    """``60 minutes``, ``90 minutes``, ``1 minute``."""
    return plural(count, "minute")


def length(value: int, unit: LengthUnit | str) -> str:
    """``3 months``, ``1 week``."""
    word = "month" if str(unit) == LengthUnit.MONTHS.value else "week"
    return plural(value, word)


def markup(text: str) -> str:
    """Plain text made safe for a reportlab Paragraph: escaped, line breaks kept, and
    characters DejaVu cannot draw (a Japanese name) set in the fallback font."""
    pieces = []
    for font, run in font_runs(text):
        safe = escape(run).replace("\n", "<br/>")
        pieces.append(f'<font face="{FALLBACK}">{safe}</font>' if font == FALLBACK else safe)
    return "".join(pieces)


def paragraphs(text: str) -> list[str]:
    """Split plain text into paragraphs at blank lines; each returned as safe markup."""
    blocks = [block.strip() for block in text.replace("\r\n", "\n").split("\n\n")]
    return [markup(block) for block in blocks if block]
