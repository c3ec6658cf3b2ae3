"""Amounts are read only as the practice's locale writes them; anything else is refused
with the field named and the text typed, never read as another amount."""

from __future__ import annotations

import pytest

from practice.errors import ValidationError
from practice.money import amount_text, parse_amount

READ = [
    ("en_GB", "GBP", "1,200.50", 120050),
    ("en_GB", "GBP", "1200.5", 120050),
    ("en_GB", "GBP", "£90", 9000),
    ("en_GB", "GBP", "£ 1,200.00", 120000),
    ("en_GB", "GBP", "90 GBP", 9000),
    ("en_US", "USD", "$1,200.50", 120050),
    ("de_DE", "EUR", "1.200,50", 120050),
    ("de_DE", "EUR", "1200,5", 120050),
    ("de_DE", "EUR", "1.200,50 €", 120050),
    ("fr_FR", "EUR", "1 200,50", 120050),
    ("fr_FR", "EUR", "1\u00a0200,50", 120050),
    ("fr_FR", "EUR", "1\u202f200,50", 120050),
    ("ja_JP", "JPY", "¥1,200", 1200),
    ("en_IN", "INR", "1,20,000.00", 12000000),
]

REFUSED = [
    ("en_GB", "GBP", "1,2,3", "is not an amount; write it as 1,234.56"),
    ("en_GB", "GBP", "1e3", "is not an amount"),
    ("en_GB", "GBP", "abc", "is not an amount"),
    ("en_GB", "GBP", "12,00", "is not an amount"),
    ("en_GB", "GBP", "−5", "is negative"),
    ("en_GB", "GBP", "-5", "is negative"),
    ("en_GB", "GBP", "(5.00)", "is negative"),
    ("en_GB", "GBP", "1200.505", "more decimals than GBP has"),
    ("en_GB", "GBP", "", "is empty"),
    ("de_DE", "EUR", "12.50", "write it as 1.234,56"),
    ("fr_FR", "EUR", "1.200,50", "is not an amount"),
    ("ja_JP", "JPY", "1200.5", "no decimal places"),
]


@pytest.mark.parametrize(("locale", "currency", "typed", "minor"), READ)
def test_what_the_locale_writes_is_read(locale: str, currency: str, typed: str, minor: int) -> None:
    assert parse_amount(typed, currency, "price", locale) == minor


@pytest.mark.parametrize(("locale", "currency", "typed", "said"), REFUSED)
def test_anything_else_is_refused_with_the_field_and_the_text(
    locale: str, currency: str, typed: str, said: str
) -> None:
    with pytest.raises(ValidationError) as refused:
        parse_amount(typed, currency, "price", locale)
    assert refused.value.field == "price" and said in str(refused.value)
    if typed:
        assert f"“{typed.strip()}”" in str(refused.value)


@pytest.mark.parametrize(
    ("locale", "currency"), [("en_GB", "GBP"), ("de_DE", "EUR"), ("fr_FR", "EUR"), ("ja_JP", "JPY")]
)
def test_an_amount_shown_for_editing_reads_back_as_itself(locale: str, currency: str) -> None:
    for minor in (0, 5, 120000, 9_999_999):
        assert parse_amount(amount_text(minor, currency, locale), currency, "x", locale) == minor
