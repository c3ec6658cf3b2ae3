"""Paid, outstanding and credit of one enrolment, from its price and money movements.

* **Price due** is the agreed price; for an enrolment ended early, the instalments
  falling due on or before the day it ended; a cancelled enrolment owes nothing more,
  and a proposal owes nothing until the client agrees to it. A **price reduction** (a
  credit note) lowers it by its amount, taken off the instalments still owed, the last
  first (see :mod:`~.instalments`); no money moves.
* **Paid** = payments − refunds.
* A refund first gives back money paid beyond the price due; the rest of it lowers
  what the client pays overall (a goodwill refund, a missed session paid back).
* **Outstanding** = price due − payments, never below zero.
* **Credit** = payments − price due − refunds, never below zero: money held beyond what
  the client owes, which the practitioner may refund.

So ``paid + outstanding − credit == price due − (the part of refunds that lowered it)``.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date
from typing import Protocol

from practice.economics.instalments import InstalmentStatus
from practice.models import EnrolmentStatus


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
    """The balance; ``price_due`` None (cancelled, proposed): nothing owed, no credit."""
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


class PriceTerms(Protocol):
    """What :func:`price_due` reads of an enrolment (an ``Enrolment`` or a row of its columns)."""

    @property
    def status(self) -> str: ...

    @property
    def ended_on(self) -> date | None: ...

    @property
    def agreed_price(self) -> int: ...


def price_due(e: PriceTerms, instalments: Sequence[InstalmentStatus]) -> int | None:
    """What the client owes overall (see the module text); None when cancelled or proposed."""
    if e.status in (EnrolmentStatus.CANCELLED, EnrolmentStatus.PROPOSED):
        return None
    if e.status == EnrolmentStatus.ENDED_EARLY and e.ended_on is not None and instalments:
        # the instalments' amounts are already net of any price reduction
        return sum(i.amount for i in instalments if i.due_date <= e.ended_on)
    return e.agreed_price - price_reduced(instalments)


def price_reduced(instalments: Sequence[InstalmentStatus]) -> int:
    """How much price reductions (credit notes) took off the instalments."""
    return sum(i.reduced for i in instalments)


@dataclass(frozen=True, slots=True)
class RefundSplit:
    """What a refund of some amount would do to a balance (see the module text)."""

    from_credit: int  # gives back money held beyond the price due
    lowers_price: int  # the rest lowers what the client pays overall


def refund_split(now: Balance, amount: int) -> RefundSplit:
    """How a refund of ``amount`` splits: credit given back first, the rest lowers the price."""
    from_credit = min(max(amount, 0), now.credit)
    return RefundSplit(from_credit, max(amount, 0) - from_credit)
