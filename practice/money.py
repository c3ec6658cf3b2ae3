"""Money: an integer count of minor units plus an ISO 4217 currency. Never a float."""

from __future__ import annotations

import functools
import re
from dataclasses import dataclass
from decimal import Decimal
from typing import Literal

from babel import Locale
from babel.numbers import (
    NumberFormatError,
    format_currency,
    format_decimal,
    get_currency_precision,
    get_currency_symbol,
    get_decimal_symbol,
    get_group_symbol,
    parse_decimal,
)

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


#: Spaces people and programs put between thousands (space, no-break, narrow, thin).
_SPACES = " \u00a0\u202f\u2009"
#: Signs of a negative amount, as typed or pasted (hyphen, minus sign, dashes, brackets).
_NEGATIVE = re.compile("[-\u2212\u2012\u2013\u2014(]")
_SYMBOLS = "£$€¥₹₩₽₺₪₫"


def amount_example(currency: str, locale: str = "en_GB") -> str:
    """How the practice's locale writes an amount (“1,234.56”, “1.234,56”)."""
    return amount_text(123456 * 10 ** max(0, minor_digits(currency) - 2), currency, locale)


def amount_text(amount: int, currency: str, locale: str = "en_GB") -> str:
    """Minor units as the practice's locale writes the number, without a currency sign,
    for a field to edit (“1,200.00”; “1.200,00” in de_DE): what :func:`parse_amount`
    reads back."""
    digits = minor_digits(currency)
    pattern = "#,##0" + ("." + "0" * digits if digits else "")
    return str(format_decimal(to_decimal(amount, currency), format=pattern, locale=locale))


def parse_amount(text: str, currency: str, field: str = "amount", locale: str = "en_GB") -> int:
    """What a person typed (“1,200.50”, “£90”, “1.200,50 €” in de_DE) in minor units.

    Only what the practice's locale writes as an amount is taken: its decimal sign, its
    thousands separator in the right places, at most the currency's decimal places, and
    an optional currency sign or code. Anything else — “1,2,3”, “1e3”, a minus sign — is
    refused with the field named and the text typed, never read as another amount.
    """
    typed = (text or "").strip()
    if not typed:
        raise ValidationError(
            field, f"is empty; type an amount such as {amount_example(currency, locale)}."
        )
    if _NEGATIVE.search(typed):
        raise ValidationError(field, f"“{typed}” is negative; an amount cannot be below zero.")
    number = _without_currency(typed, currency, locale)
    group = get_group_symbol(locale)
    # Any kind of space stands for a locale's space separator; elsewhere none is allowed.
    number = re.sub(f"[{_SPACES}]", group, number) if group in _SPACES else number
    allowed = set("0123456789") | {group, get_decimal_symbol(locale)}
    refusal = ValidationError(
        field,
        f"“{typed}” is not an amount; write it as {amount_example(currency, locale)} "
        f"(or without the thousands separator).",
    )
    if not number or not set(number) <= allowed or not number[0].isdigit():
        raise refusal
    try:
        value = parse_decimal(number, locale=locale, strict=True)
    except NumberFormatError:
        raise refusal from None
    digits = minor_digits(currency)
    scaled = value * (10**digits)
    if scaled != scaled.to_integral_value():
        places = "no decimal places" if digits == 0 else f"at most {digits} decimal places"
        raise ValidationError(field, f"“{typed}” has more decimals than {currency} has ({places}).")
    return validate_amount(int(scaled), field, currency)


def _without_currency(typed: str, currency: str, locale: str) -> str:
    """The number of ``typed``, a currency sign or code before or after it taken off."""
    marks = {currency, get_currency_symbol(currency, locale), *_SYMBOLS}
    number = typed
    for mark in sorted(marks, key=len, reverse=True):
        if number.upper().startswith(mark.upper()):
            number = number[len(mark) :]
            break
    for mark in sorted(marks, key=len, reverse=True):
        if number.upper().endswith(mark.upper()):
            number = number[: -len(mark)]
            break
    return number.strip(_SPACES)


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
