"""Days and periods are counted in the practice's time zone, whatever the computer's."""

from __future__ import annotations

import os
import time
from collections.abc import Iterator
from contextlib import contextmanager
from datetime import date

import pytest

from practice.db import Database
from practice.economics.attention import quiet_clients
from practice.economics.reports import practice_report
from practice.errors import ValidationError
from practice.models import Attendance, SessionKind
from practice.services.profile import get_profile, update_profile
from practice.zone import practice_zone

from . import factories as f

TODAY = date(2026, 7, 15)


@contextmanager
def computer_in(zone: str) -> Iterator[None]:
    """Run as if this computer's clock were set to ``zone``."""
    before = os.environ.get("TZ")
    os.environ["TZ"] = zone
    time.tzset()
    try:
        yield
    finally:
        if before is None:
            del os.environ["TZ"]
        else:
            os.environ["TZ"] = before
        time.tzset()


def _june_practice(db: Database) -> None:
    """Sessions at the edges of June in London: 30 June 23:30 and 1 June 00:30 (BST)."""
    with db.transaction() as s:
        who = f.client(s, "Ana")
        e = f.enrolment(
            s,
            who,
            start=date(2026, 5, 1),
            end=date(2026, 7, 31),
            instalments=[(date(2026, 5, 1), 120000)],
        )
        f.pay(s, e, date(2026, 5, 1), 120000)
        f.meeting(s, who, f.at(2026, 6, 30, 22, 30), enrolment=e)  # 23:30 in London
        f.meeting(s, who, f.at(2026, 5, 31, 23, 30), enrolment=e)  # 00:30 on 1 June
        f.meeting(s, who, f.at(2026, 6, 10, 9), minutes=15, kind=SessionKind.SUPPORT_CALL)
        f.meeting(s, who, f.at(2026, 6, 20), attendance=Attendance.NO_SHOW, enrolment=e)


def _figures(db: Database) -> tuple[object, ...]:
    report = practice_report(db, date(2026, 6, 1), date(2026, 6, 30), today=TODAY)
    fig = report.figures
    return (
        fig.sessions,
        fig.contact_minutes,
        fig.missed_sessions,
        fig.earned_income,
        fig.effective_hourly_rate,
        [(b.start, b.seen_minutes) for b in report.time],
        [(q.client_id, q.days_quiet) for q in report.follow_through.quiet],
    )


def test_the_report_is_the_same_on_computers_in_two_zones(db: Database) -> None:
    _june_practice(db)
    update_profile(db, time_zone="Europe/London")
    with computer_in("Pacific/Auckland"):
        in_auckland = _figures(db)
    with computer_in("America/Los_Angeles"):
        in_los_angeles = _figures(db)
    assert in_auckland == in_los_angeles
    # both June sessions (London days), the support call; the no-show is missed
    assert in_auckland[:3] == (2, 135, 1)
    # the test can fail: counted in each computer's own zone, June is not the same month
    update_profile(db, time_zone="")
    with computer_in("Pacific/Auckland"):
        auckland_own = _figures(db)
    with computer_in("America/Los_Angeles"):
        los_angeles_own = _figures(db)
    assert auckland_own != los_angeles_own


def test_quiet_clients_count_days_in_the_practice_zone(db: Database) -> None:
    _june_practice(db)
    update_profile(db, time_zone="Europe/London")
    with computer_in("Pacific/Auckland"):
        quiet = quiet_clients(db, today=date(2026, 7, 21), quiet_after_days=21)
    # last seen 30 June in London (1 July in Auckland): 21 days by 21 July → quiet
    assert [q.days_quiet for q in quiet] == [21]
    assert quiet[0].last_contact == date(2026, 6, 30)


def test_the_profile_names_a_real_zone(db: Database) -> None:
    update_profile(db, time_zone="Asia/Kolkata")
    assert get_profile(db).time_zone == "Asia/Kolkata"
    assert practice_zone(db).name == "Asia/Kolkata"
    with pytest.raises(ValidationError) as refused:
        update_profile(db, time_zone="Mars/Olympus_Mons")
    assert refused.value.field == "time_zone"
    assert "“Mars/Olympus_Mons” is not a time zone" in refused.value.message
    assert get_profile(db).time_zone == "Asia/Kolkata"
    update_profile(db, time_zone="")  # back to following the computer
    with computer_in("Europe/Oslo"):
        assert practice_zone(db).name == "Europe/Oslo"


def test_a_new_practice_starts_in_the_computers_zone(tmp_path: object) -> None:
    from pathlib import Path

    from practice.db import open_database

    with computer_in("America/Sao_Paulo"):
        db = open_database(Path(str(tmp_path)) / "new.db")
        try:
            assert get_profile(db).time_zone == "America/Sao_Paulo"
        finally:
            db.close()
