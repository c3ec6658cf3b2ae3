"""The balance of an enrolment as it stood right after one payment or refund (receipts).

* The money movements counted are the enrolment's payments and refunds received up to
  and including this one: those received on an earlier day, and those received the
  same day and recorded no later than it (by id).
* They go through the balance rule (:func:`~practice.economics.balance.balance`) with
  the enrolment's price due as it was on the day of the payment: the agreed price, or,
  once the enrolment had ended early (its ``ended_on`` on or before that day), the
  instalments due up to the day it ended (:func:`~.balance.price_due`), less the price
  reductions made by that day. An enrolment
  ended early or cancelled *after* the payment does not change its receipt: a receipt is
  a record of a moment, and reprinting it gives the same document.
"""

from __future__ import annotations

from sqlalchemy import and_, func, or_, select

from practice.economics.balance import Balance, balance, price_due
from practice.economics.instalments import instalment_statuses
from practice.economics.source import Source, reading
from practice.errors import NotFoundError
from practice.models import Enrolment, EnrolmentStatus, Payment, PaymentKind


def balance_after_payment(source: Source, payment_id: int) -> Balance:
    """Paid, outstanding and credit right after ``payment_id`` (raises ``NotFoundError``)."""
    with reading(source) as s:
        payment = s.get(Payment, payment_id)
        if payment is None:
            raise NotFoundError("payment", payment_id)
        enrolment = s.get(Enrolment, payment.enrolment_id)
        if enrolment is None:  # pragma: no cover - the foreign key forbids it
            raise NotFoundError("enrolment", payment.enrolment_id)
        up_to = or_(
            Payment.received_on < payment.received_on,
            and_(Payment.received_on == payment.received_on, Payment.id <= payment.id),
        )
        sums = {
            kind: int(amount)
            for kind, amount in s.execute(
                select(Payment.kind, func.sum(Payment.amount))
                .where(Payment.enrolment_id == enrolment.id, up_to)
                .group_by(Payment.kind)
            )
        }
        # the amounts and due dates of the instalments do not depend on the day asked
        instalments = instalment_statuses(
            s, [enrolment.id], today=payment.received_on, reductions_until=payment.received_on
        )
        owed = price_due(enrolment, instalments.get(enrolment.id, []))
        closed = (EnrolmentStatus.ENDED_EARLY, EnrolmentStatus.CANCELLED)
        if (
            enrolment.status in closed
            and enrolment.ended_on is not None
            and enrolment.ended_on > payment.received_on
        ):
            owed = enrolment.agreed_price  # still running on the day of the payment
        return balance(owed, sums.get(PaymentKind.PAYMENT, 0), sums.get(PaymentKind.REFUND, 0))
