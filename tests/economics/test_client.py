"""Per-client figures on the hand-made practice."""

from __future__ import annotations

import pytest

from practice.db import Database
from practice.economics import client_figures
from practice.economics.client import ClientMoney
from practice.errors import NotFoundError

from .practice_fixture import Ids

Practice = tuple[Database, Ids]


def test_ana(practice: Practice) -> None:
    db, ids = practice
    ana = client_figures(db, ids.ana)
    # E1 only: 4 attended meetings + 1 support call, 255 contact minutes
    assert (ana.sessions_attended, ana.support_calls, ana.contact_minutes) == (4, 1, 255)
    # 115 as for E1 plus the 20 Dec admin (30), logged for Ana before E1 started
    assert ana.unseen_minutes == 145
    # E1 earned 5 of 7 sessions' share: 120000 × 5/7 = 85714; 85714 × 60 / 400 = 12857.1
    assert ana.money == (ClientMoney("GBP", agreed_total=120000, earned=85714, paid=80000),)
    assert (ana.currency, ana.effective_hourly_rate) == ("GBP", 12857)
    assert ana.follow_through is not None and ana.follow_through.percent == 50


def test_ben_over_two_enrolments(practice: Practice) -> None:
    db, ids = practice
    ben = client_figures(db, ids.ben)
    # E2: 60 + 50; E3: 60 + support call 20
    assert (ben.sessions_attended, ben.support_calls, ben.contact_minutes) == (3, 1, 190)
    assert ben.unseen_minutes == 55
    # 114000 + 120000 agreed; paid 104000 + 85000; earned: E2 completed, its net price
    # 104000, and E3 one of seven sessions, 17143
    assert ben.money == (ClientMoney("GBP", 234000, earned=121143, paid=189000),)
    # 121143 × 60 / 245 = 29667.67 → 29668
    assert ben.effective_hourly_rate == 29668
    assert ben.follow_through is None


def test_zoe_cancelled_enrolment_is_not_in_the_agreed_total(practice: Practice) -> None:
    db, ids = practice
    zoe = client_figures(db, ids.zoe)
    # E4 is free, E5 was cancelled and its £400 refunded: nothing kept
    assert zoe.money == (ClientMoney("GBP", 0, 0, 0),)
    assert (zoe.contact_minutes, zoe.unseen_minutes) == (60, 10)
    assert zoe.effective_hourly_rate == 0


def test_missing_client(practice: Practice) -> None:
    db, _ = practice
    with pytest.raises(NotFoundError):
        client_figures(db, 404)
