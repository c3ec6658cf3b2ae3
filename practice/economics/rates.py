"""Rounding and rates: the few arithmetic rules every figure shares.

Money is whole minor units and durations are whole minutes, so every division goes
through :class:`fractions.Fraction` and is rounded once, at the end, half-up (a half
rounds away from zero, so -2.5 becomes -3). Never a float.
"""

from __future__ import annotations

from dataclasses import dataclass
from fractions import Fraction

MINUTES_PER_HOUR = 60


def _half_up(numerator: int, denominator: int) -> int:
    """``numerator ÷ denominator`` (``denominator`` > 0) rounded half-up, in whole numbers:
    ``floor(|n| ÷ d + ½)`` is ``(2|n| + d) // 2d``. Reports round thousands of figures,
    and building a Fraction for each was most of their arithmetic."""
    magnitude = (2 * abs(numerator) + denominator) // (2 * denominator)
    return magnitude if numerator >= 0 else -magnitude


def _parts(value: Fraction | int) -> tuple[int, int]:
    """Numerator and (positive) denominator of an int or a Fraction."""
    if isinstance(value, int):
        return value, 1
    return value.numerator, value.denominator


def round_half_up(value: Fraction | int) -> int:
    """Round to a whole number; exact halves go away from zero (2.5 → 3, -2.5 → -3)."""
    return _half_up(*_parts(value))


def divide(amount: int, by: Fraction | int) -> int | None:
    """``amount ÷ by`` rounded half-up; ``None`` when ``by`` is zero or less."""
    if by <= 0:
        return None
    top, bottom = _parts(by)
    return _half_up(amount * bottom, top)


def hourly_rate(amount: int, minutes: int | Fraction) -> int | None:
    """Minor units per hour for ``amount`` earned over ``minutes`` of work.

    ``amount ÷ (minutes ÷ 60)``, rounded half-up to whole minor units; ``None`` when no
    time was spent (a rate over zero hours means nothing).
    """
    if minutes <= 0:
        return None
    top, bottom = _parts(minutes)
    return _half_up(amount * MINUTES_PER_HOUR * bottom, top)


@dataclass(frozen=True, slots=True)
class Ratio:
    """A share such as a follow-through or renewal rate: ``part`` out of ``whole``.

    ``part`` is a :class:`Fraction` because a partly done action item scores a half.
    ``whole`` is never zero: where there is nothing to count the figure is ``None``.
    """

    part: Fraction
    whole: int

    @property
    def value(self) -> Fraction:
        """The share as an exact fraction between 0 and 1."""
        return self.part / self.whole

    @property
    def percent(self) -> int:
        """The share in whole per cent, rounded half-up (2.5 of 4 → 63)."""
        return round_half_up(self.value * 100)


def ratio(part: Fraction | int, whole: int) -> Ratio | None:
    """``Ratio(part, whole)``, or ``None`` when there is nothing to count."""
    if whole <= 0:
        return None
    return Ratio(Fraction(part), whole)
