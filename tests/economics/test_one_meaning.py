"""Each figure has one meaning: the rules of issue 18 on small practices worked out by hand.

Every practice here is made in the test; today is fixed (15 March 2026) and every
instant is 10:00 UTC, asked in UTC.
"""

from __future__ import annotations

import re
from datetime import UTC, date
from pathlib import Path

import pytest

from practice.db import Database
from practice.economics import client_figures, enrolment_figures, enrolment_rows, period_figures
from practice.economics.client import ClientMoney
from practice.economics.glossary import TERMS
from practice.economics.instalments import InstalmentState
from practice.errors import ValidationError
from practice.models import Attendance, EnrolmentStatus, WorkCategory
from practice.services.payments import record_payment

from . import factories as f

TODAY = date(2026, 3, 15)
THREE = [(date(2026, 1, 5), 40000), (date(2026, 2, 5), 40000), (date(2026, 3, 5), 40000)]


def test_a_proposal_owes_nothing_and_is_never_overdue(db: Database) -> None:
    with db.transaction() as s:
        who = f.client(s, "Noor")
        proposal = f.enrolment(
            s,
            who,
            start=date(2026, 1, 5),
            end=date(2026, 4, 4),
            status=EnrolmentStatus.PROPOSED,
            instalments=THREE,
        )
        ident = proposal.id
    figures = enrolment_figures(db, ident, today=TODAY)
    # its dates have passed, and still nothing is owed until the client agrees
    assert (figures.price_due, figures.outstanding, figures.overdue, figures.credit) == (0, 0, 0, 0)
    assert {i.state for i in figures.instalments} == {InstalmentState.NOT_AGREED}
    assert figures.next_instalment is None
    (row,) = enrolment_rows(db, today=TODAY)
    assert (row.outstanding, row.overdue) == (0, 0)
    with pytest.raises(ValidationError) as refused:
        record_payment(db, enrolment_id=ident, amount=100, received_on=TODAY, method="cash")
    assert refused.value.field == "enrolment_id"
    assert "still a proposal" in refused.value.message


def test_currencies_are_never_added_together(db: Database) -> None:
    with db.transaction() as s:
        who = f.client(s, "Ines")
        pounds = f.enrolment(
            s, who, start=date(2026, 1, 5), end=date(2026, 4, 4), instalments=THREE
        )
        euros = f.enrolment(
            s,
            who,
            start=date(2026, 1, 5),
            end=date(2026, 4, 4),
            instalments=[(date(2026, 1, 5), 90000)],
            price=90000,
            currency="EUR",
        )
        f.pay(s, pounds, date(2026, 1, 5), 40000)
        f.pay(s, euros, date(2026, 1, 6), 90000, currency="EUR")
        f.meeting(s, who, f.at(2026, 1, 7), enrolment=pounds)  # 60 min
        f.meeting(s, who, f.at(2026, 1, 8), minutes=90, enrolment=euros)
        f.work(s, date(2026, 1, 8), 30, WorkCategory.WRITE_UP, who=who, enrolment=euros)
        f.work(s, date(2026, 1, 9), 60, WorkCategory.SUPERVISION)  # for the practice
        client_id = who.id
    ines = client_figures(db, client_id)
    # one session of seven in each: 120000 / 7 = 17143 and 90000 / 7 = 12857.14 → 12857
    assert ines.money == (
        ClientMoney("EUR", agreed_total=90000, earned=12857, paid=90000),
        ClientMoney("GBP", agreed_total=120000, earned=17143, paid=40000),
    )
    assert ines.currency is None and ines.effective_hourly_rate is None
    jan = period_figures(db, date(2026, 1, 1), date(2026, 1, 31), today=TODAY, tz=UTC)
    assert (jan.currency, jan.earned_income, jan.earned_other_currencies) == (
        "GBP",
        17143,
        {"EUR": 12857},
    )
    assert (jan.income_received, jan.received_other_currencies) == (40000, {"EUR": 90000})
    # the euro enrolment's 90 + 30 min are not behind the pound rate; supervision is:
    # 17143 × 60 / (60 + 60) = 8571.5 → 8572
    assert (jan.total_minutes, jan.other_currency_minutes) == (240, 120)
    assert jan.effective_hourly_rate == 8572


def test_client_work_without_an_enrolment_stays_with_its_enrolments_currency(
    db: Database,
) -> None:
    """Prep logged for a client but not for an enrolment counts towards the enrolment
    running that day; when that one is in another currency, its time stays out of the
    practice's rate like the rest of that enrolment's time."""
    with db.transaction() as s:
        who = f.client(s, "Lena")
        f.enrolment(s, who, start=date(2026, 1, 5), end=date(2026, 4, 4), instalments=THREE)
        euros = f.enrolment(
            s,
            who,
            start=date(2026, 1, 12),  # the later-started one: unlinked work goes to it
            end=date(2026, 4, 11),
            instalments=[(date(2026, 1, 12), 90000)],
            price=90000,
            currency="EUR",
        )
        f.meeting(s, who, f.at(2026, 1, 14), minutes=60, enrolment=euros)
        f.work(s, date(2026, 1, 8), 15, WorkCategory.PREP, who=who)  # only the pound one ran
        f.work(s, date(2026, 1, 14), 25, WorkCategory.PREP, who=who)  # the euro one's
        other = f.client(s, "Max")  # another client, no enrolment at all: the practice's
        f.work(s, date(2026, 1, 14), 10, WorkCategory.PREP, who=other)
    jan = period_figures(db, date(2026, 1, 1), date(2026, 1, 31), today=TODAY, tz=UTC)
    assert (jan.total_minutes, jan.other_currency_minutes) == (110, 85)


def test_client_work_without_an_enrolment_counts_once(db: Database) -> None:
    with db.transaction() as s:
        who = f.client(s, "Tom")
        first = f.enrolment(s, who, start=date(2026, 1, 5), end=date(2026, 4, 4), instalments=THREE)
        later = f.enrolment(
            s,
            who,
            start=date(2026, 3, 1),
            end=date(2026, 5, 31),
            instalments=[(date(2026, 3, 1), 120000)],
        )
        f.work(s, date(2026, 2, 10), 20, WorkCategory.ADMIN, who=who)  # only the first ran
        f.work(s, date(2026, 3, 10), 45, WorkCategory.ADMIN, who=who)  # both ran: the later
        ids = first.id, later.id
    one, two = (enrolment_figures(db, ident, today=TODAY) for ident in ids)
    assert (one.unseen_minutes, two.unseen_minutes) == (20, 45)


def test_an_enrolment_left_active_after_its_end_is_not_quiet_months_later(db: Database) -> None:
    from practice.economics.attention import quiet_clients

    with db.transaction() as s:
        left = f.client(s, "Left", "Active")
        f.enrolment(s, left, start=date(2025, 9, 1), end=date(2025, 11, 30), instalments=THREE)
        running = f.client(s, "Still", "Running")
        f.enrolment(s, running, start=date(2026, 1, 5), end=date(2026, 4, 4), instalments=THREE)
        f.meeting(s, running, f.at(2026, 2, 1))
        ids = left.id, running.id
    quiet = quiet_clients(db, today=TODAY, quiet_after_days=21, tz=UTC)
    assert [(q.client_id, q.days_quiet) for q in quiet] == [(ids[1], 42)]
    # as of 30 November 2025 the first was running and had never been seen: 90 days
    autumn = quiet_clients(db, today=date(2025, 11, 30), quiet_after_days=21, tz=UTC)
    assert [(q.client_id, q.days_quiet) for q in autumn] == [(ids[0], 90)]


def test_months_add_up_to_the_quarter(db: Database) -> None:
    """Earned income is additive: what months earn adds up to what their quarter earns."""
    with db.transaction() as s:
        who = f.client(s, "Asha")
        e = f.enrolment(s, who, start=date(2026, 1, 5), end=date(2026, 3, 20), instalments=THREE)
        for day in ((1, 7), (1, 21), (2, 4), (2, 18), (3, 4)):
            f.meeting(s, who, f.at(2026, *day), enrolment=e)
        f.meeting(s, who, f.at(2026, 3, 11), attendance=Attendance.CANCELLED_EARLY, enrolment=e)
        e.status = EnrolmentStatus.COMPLETED
        e.ended_on = date(2026, 3, 20)
    months = [
        period_figures(db, date(2026, m, 1), last, today=TODAY, tz=UTC).earned_income
        for m, last in ((1, date(2026, 1, 31)), (2, date(2026, 2, 28)), (3, date(2026, 3, 31)))
    ]
    quarter = period_figures(db, date(2026, 1, 1), date(2026, 3, 31), today=TODAY, tz=UTC)
    # two sessions each in January and February: 2 × 120000/7 rounded at each boundary
    # (34286, then 68571 − 34286 = 34285); the rest, 51429, on completion on 20 March
    assert months == [34286, 34285, 51429]
    assert sum(months) == quarter.earned_income == 120000


def test_the_planned_rate_is_on_the_agreed_price(db: Database) -> None:
    with db.transaction() as s:
        who = f.client(s, "Paid", "InFull")
        e = f.enrolment(
            s,
            who,
            snapshot=f.terms(full_payment_discount=6000, instalment_count=1),
            price=114000,
            start=date(2026, 1, 5),
            end=date(2026, 4, 4),
            instalments=[(date(2026, 1, 5), 114000)],
        )
        ident = e.id
    figures = enrolment_figures(db, ident, today=TODAY)
    # 114000 over the client's planned 725 min (the list price would give 9931)
    assert figures.planned_hourly_rate == 9434


def test_the_glossary_page_says_what_the_app_says() -> None:
    page = (Path(__file__).parents[2] / "docs" / "FIGURES.md").read_text(encoding="utf-8")
    headings = re.findall(r"^### (.+)$", page, flags=re.MULTILINE)
    assert headings == [t.name for t in TERMS]
    for t in TERMS:
        assert f"### {t.name}\n\n{t.meaning}\n" in page, t.key


def test_a_consultation_converts_and_a_programme_renews(db: Database) -> None:
    consultation = f.terms(
        name="First consultation",
        length_value=1,
        periods=[{"first_period": 1, "last_period": 1, "sessions_per_period": 1}],
        price=9000,
        support_mode="none",
        support_call_count=0,
        instalment_count=1,
    )
    with db.transaction() as s:
        lea = f.client(s, "Lea")
        first = f.enrolment(
            s,
            lea,
            snapshot=consultation,
            start=date(2026, 1, 10),
            end=date(2026, 1, 10),
            status=EnrolmentStatus.COMPLETED,
            instalments=[(date(2026, 1, 10), 9000)],
        )
        f.enrolment(  # the programme she then agreed to, marked as a renewal of it
            s,
            lea,
            start=date(2026, 1, 20),
            end=date(2026, 4, 19),
            renewal_of=first,
            instalments=THREE,
        )
        max_ = f.client(s, "Max")
        f.enrolment(
            s,
            max_,
            snapshot=consultation,
            start=date(2026, 1, 12),
            end=date(2026, 1, 12),
            status=EnrolmentStatus.COMPLETED,
            instalments=[(date(2026, 1, 12), 9000)],
        )
    jan = period_figures(db, date(2026, 1, 1), date(2026, 1, 31), today=TODAY, tz=UTC)
    assert (jan.enrolments_ended, jan.renewal_rate) == (0, None)  # no programme ended
    assert (jan.consultations_ended, jan.consultations_converted) == (2, 1)
    assert jan.conversion_rate is not None and jan.conversion_rate.percent == 50


def test_a_month_still_to_come_has_no_active_clients(db: Database) -> None:
    with db.transaction() as s:
        who = f.client(s, "Ines")
        f.enrolment(s, who, start=date(2026, 3, 1), end=date(2026, 5, 31), instalments=THREE)
    march = period_figures(db, date(2026, 3, 1), date(2026, 3, 31), today=TODAY, tz=UTC)
    may = period_figures(db, date(2026, 5, 1), date(2026, 5, 31), today=TODAY, tz=UTC)
    assert (march.active_clients, may.active_clients) == (1, 0)


def test_a_refund_gives_back_credit_first_then_lowers_the_price() -> None:
    from practice.economics.balance import RefundSplit, balance, refund_split

    # ended early: £800 due, £1,200 paid → £400 held in credit
    ended = balance(80000, 120000, 0)
    assert ended.credit == 40000
    assert refund_split(ended, 50000) == RefundSplit(from_credit=40000, lowers_price=10000)
    assert refund_split(ended, 30000) == RefundSplit(30000, 0)
    # nothing held beyond the price: a refund lowers what the client pays
    assert refund_split(balance(120000, 40000, 0), 10000) == RefundSplit(0, 10000)
