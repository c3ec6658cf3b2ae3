"""Payments of the sample practice: on time, late, missing, and refunds.

Each enrolment's payer habit (from the plan) decides when its instalments are paid:
on time (on the due date or a few days before), late (some instalments weeks after the
due date), or missing (recent instalments not paid yet). Refunds follow the practice's
terms: ending early after paying in full returns the value of the unused sessions.
"""

from __future__ import annotations

import random
from dataclasses import dataclass
from datetime import date, timedelta

from practice.db import Database
from practice.demo.plan import LATE, MISSING, EnrolmentPlan
from practice.models import Enrolment, PaymentMethod, PaymentPlan
from practice.services.payments import record_payment, record_refund

_METHODS = [
    PaymentMethod.BANK_TRANSFER,
    PaymentMethod.CARD,
    PaymentMethod.CASH,
    PaymentMethod.CHEQUE,
]
_METHOD_WEIGHTS = [70, 20, 6, 4]


@dataclass
class PaymentTally:
    payments: int = 0
    refunds: int = 0


class PaymentWriter:
    def __init__(self, db: Database, rng: random.Random, today: date, tally: PaymentTally) -> None:
        self.db = db
        self.rng = rng
        self.today = today
        self.tally = tally

    def _method(self) -> PaymentMethod:
        return self.rng.choices(_METHODS, weights=_METHOD_WEIGHTS)[0]

    def pay(self, enrolment: Enrolment, plan: EnrolmentPlan, *, until: date) -> int:
        """Pay the instalments due up to ``until`` the way this payer does; the total paid."""
        rng = self.rng
        paid = 0
        for instalment in enrolment.instalments:
            due = instalment.due_date
            if due > until:
                break
            received = due - timedelta(days=rng.randint(0, 3))
            if plan.agreed_on is not None:
                received = max(received, plan.agreed_on)
            if plan.payer == LATE and (instalment.number == 1 or rng.random() < 0.6):
                received = due + timedelta(days=rng.randint(5, 35))
            elif plan.payer == MISSING and (self.today - due).days < 75:
                continue
            if received > self.today:
                continue  # paid late, and not yet
            record_payment(
                self.db,
                enrolment_id=enrolment.id,
                amount=instalment.amount,
                received_on=received,
                method=self._method(),
                instalment_id=instalment.id,
                reference=f"RW-{enrolment.id:05d}-{instalment.number}",
            )
            self.tally.payments += 1
            paid += instalment.amount
        return paid

    def refund_unused(
        self, enrolment: Enrolment, plan: EnrolmentPlan, paid: int, used: int, planned: int
    ) -> None:
        """After ending early: a pay-in-full client gets back the unused sessions' share."""
        if (
            plan.payment_plan is not PaymentPlan.FULL
            or paid == 0
            or planned == 0
            or used >= planned
        ):
            return
        assert plan.ended_on is not None
        amount = paid * (planned - used) // planned // 100 * 100  # whole pounds
        on = min(plan.ended_on + timedelta(days=self.rng.randint(2, 10)), self.today)
        if amount > 0:
            self._refund(enrolment, amount, on, "Unused sessions after ending early")

    def _refund(self, enrolment: Enrolment, amount: int, on: date, note: str) -> None:
        record_refund(
            self.db,
            enrolment_id=enrolment.id,
            amount=amount,
            received_on=on,
            method=PaymentMethod.BANK_TRANSFER,
            reference=f"RW-{enrolment.id:05d}-R",
            note=note,
        )
        self.tally.refunds += 1
