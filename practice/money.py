"""Money: an integer count of minor units plus an ISO 4217 currency. Never a float."""

from __future__ import annotations

import functools
import re
from dataclasses import dataclass
from decimal import Decimal, InvalidOperation
from typing import Literal

from babel import Locale
from babel.numbers import format_currency, get_currency_precision

from practice.errors import ValidationError

#: The largest amount accepted anywhere, in major units (ten million). Anything above is
#: treated as a typing mistake rather than a price.
MAX_MAJOR_UNITS = 10_000_000

Remainder = Literal["first", "last"]


def minor_digits(currency: str) -> int:
    """How many minor-unit digits a currency has (2 for GBP, 0 for JPY)."""
    return int(get_currency_precision(currency))


def max_minor(currency: str) -> int:
    return MAX_MAJOR_UNITS * 10 ** minor_digits(currency)


def validate_currency(code: str, field: str = "currency") -> str:
    """Upper-case a currency code and check it is one ISO 4217 knows."""
    code = (code or "").strip().upper()
    if not re.fullmatch(r"[A-Z]{3}", code):
        raise ValidationError(field, "must be a three-letter currency code such as GBP or EUR.")
    if code not in _iso_codes():
        raise ValidationError(field, f"{code} is not a currency code we know.")
    return code


@functools.cache
def _iso_codes() -> frozenset[str]:
    return frozenset(Locale("en").currencies)


def validate_amount(amount: int, field: str, currency: str, *, allow_zero: bool = True) -> int:
    """Check an amount in minor units: a whole number, not negative, not absurd."""
    if isinstance(amount, bool) or not isinstance(amount, int):
        raise ValidationError(field, "must be a whole number of minor units.")
    if amount < 0:
        raise ValidationError(field, "cannot be negative.")
    if amount == 0 and not allow_zero:
        raise ValidationError(field, "must be more than zero.")
    if amount > max_minor(currency):
        raise ValidationError(field, f"is more than {MAX_MAJOR_UNITS:,} — please check it.")
    return amount


def parse_amount(text: str, currency: str, field: str = "amount") -> int:
    """Parse what a person typed ("1,200.50", "1200", "£90") into minor units."""
    cleaned = re.sub(r"[^\d.,\-]", "", (text or "").strip())
    if not cleaned:
        raise ValidationError(field, "is empty; type an amount such as 120.00.")
    if "," in cleaned and "." in cleaned:
        # The last separator is the decimal one: 1,200.50 or 1.200,50.
        if cleaned.rfind(",") > cleaned.rfind("."):
            cleaned = cleaned.replace(".", "").replace(",", ".")
        else:
            cleaned = cleaned.replace(",", "")
    elif "," in cleaned:
        head, _, tail = cleaned.rpartition(",")
        cleaned = f"{head.replace(',', '')}.{tail}" if len(tail) != 3 else cleaned.replace(",", "")
    try:
        value = Decimal(cleaned)
    except InvalidOperation:
        raise ValidationError(field, f"“{text}” is not an amount.") from None
    digits = minor_digits(currency)
    scaled = value * (10**digits)
    if scaled != scaled.to_integral_value():
        raise ValidationError(field, f"has more than {digits} decimal places.")
    return validate_amount(int(scaled), field, currency)


def to_decimal(amount: int, currency: str) -> Decimal:
    return Decimal(amount).scaleb(-minor_digits(currency))


def format_money(amount: int, currency: str, locale: str = "en_GB") -> str:
    """Format minor units for people, by the practice locale: ``£1,200.00``."""
    return str(format_currency(to_decimal(amount, currency), currency, locale=locale))


def split_amount(total: int, parts: int, remainder: Remainder = "first") -> list[int]:
    """Split ``total`` minor units into ``parts`` amounts that add up exactly.

    Every part is the same but one: the leftover minor units (fewer than ``parts``) go
    to the first or the last part, as the agreement states.
    """
    if parts < 1:
        raise ValidationError("instalments", "must be at least 1.")
    if total < 0:
        raise ValidationError("total", "cannot be negative.")
    base, extra = divmod(total, parts)
    amounts = [base] * parts
    amounts[0 if remainder == "first" else -1] += extra
    return amounts


@dataclass(frozen=True, slots=True)
class Money:
    """An amount with its currency, for passing around and formatting together."""

    amount: int
    currency: str

    def format(self, locale: str = "en_GB") -> str:
        return format_money(self.amount, self.currency, locale)

    def __add__(self, other: Money) -> Money:
        if other.currency != self.currency:
            raise ValueError(f"cannot add {other.currency} to {self.currency}")
        return Money(self.amount + other.amount, self.currency)

    def __sub__(self, other: Money) -> Money:
        if other.currency != self.currency:
            raise ValueError(f"cannot subtract {other.currency} from {self.currency}")
        return Money(self.amount - other.amount, self.currency)
