"""Paid, outstanding and credit of one enrolment, from its price and money movements.

* **Price due** is the agreed price; for an enrolment ended early, the instalments
  falling due on or before the day it ended; a cancelled enrolment owes nothing more.
* **Paid** = payments − refunds.
* A refund first gives back money paid beyond the price due; the rest of it lowers
  what the client pays overall (a goodwill refund, a missed session paid back).
* **Outstanding** = price due − payments, never below zero.
* **Credit** = payments − price due − refunds, never below zero: money held beyond what
  the client owes, which the practitioner may refund.

So ``paid + outstanding − credit == price due − (the part of refunds that lowered it)``.
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True, slots=True)
class Balance:
    price_due: int
    payments: int
    refunded: int
    paid: int
    outstanding: int
    credit: int

    @property
    def price_lowered_by(self) -> int:
        """The part of the refunds that lowered the price (beyond any overpayment)."""
        overpaid = max(self.payments - self.price_due, 0)
        return max(self.refunded - overpaid, 0)


def balance(price_due: int | None, payments: int, refunded: int) -> Balance:
    """The balance; ``price_due`` None means cancelled: nothing more owed, no credit."""
    paid = payments - refunded
    if price_due is None:
        return Balance(0, payments, refunded, paid, 0, 0)
    return Balance(
        price_due=price_due,
        payments=payments,
        refunded=refunded,
        paid=paid,
        outstanding=max(price_due - payments, 0),
        credit=max(payments - price_due - refunded, 0),
    )
