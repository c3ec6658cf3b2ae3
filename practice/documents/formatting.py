"""Money, dates and durations as a client reads them.

Documents are written in English, so their dates are English too ("14 December 2026"),
whatever the practice's locale: a German practice's agreement never says "14. Dezember
2026" inside an English sentence. English locales keep their own date order (en_US:
"December 14, 2026"); others get the British form. Amounts follow the practice's
locale (``1.200,00 €`` for de_DE), as its clients write them.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from babel import Locale, UnknownLocaleError
from babel.dates import format_date

from practice.models import LengthUnit
from practice.money import format_money

#: The language documents are written in.
DOCUMENT_LANGUAGE = "en"


def date_locale(locale: str) -> str:
    """The locale dates are written in: the practice's if it is English, else en_GB."""
    try:
        parsed = Locale.parse(locale)
    except (ValueError, TypeError, UnknownLocaleError):
        return "en_GB"
    return str(parsed) if parsed.language == DOCUMENT_LANGUAGE else "en_GB"


def document_language(locale: str) -> str:
    """The PDF's language tag: ``en-GB``, ``en-US``… (``en-GB`` for other locales)."""
    return date_locale(locale).replace("_", "-")


@dataclass(frozen=True)
class Formatter:
    """Formats for one document: amounts in the practice's locale, dates in English."""

    locale: str = "en_GB"

    def money(self, amount: int, currency: str) -> str:
        return format_money(amount, currency, self.locale)

    def date(self, day: dt.date) -> str:
        """A long date for people: ``3 March 2026`` (en_GB), ``March 3, 2026`` (en_US)."""
        return str(format_date(day, format="long", locale=date_locale(self.locale)))

    @property
    def language(self) -> str:
        return document_language(self.locale)


def plural(count: int, one: str, many: str | None = None) -> str:
    return f"{count} {one if count == 1 else (many or one + 's')}"


def minutes(count: int) -> str:
    """``60 minutes``, ``90 minutes``, ``1 minute``."""
    return plural(count, "minute")


def length(value: int, unit: LengthUnit | str) -> str:
    """``3 months``, ``1 week``."""
    word = "month" if str(unit) == LengthUnit.MONTHS.value else "week"
    return plural(value, word)


def paragraphs(text: str) -> list[str]:
    """Split plain text into paragraphs at blank lines (line breaks inside kept)."""
    blocks = [block.strip() for block in text.replace("\r\n", "\n").split("\n\n")]
    return [block for block in blocks if block]
