"""Times on screen, and the days they fall on, are the practice's, whatever the computer's
clock is set to (a practitioner in Auckland on a laptop still set to London)."""

from __future__ import annotations

from datetime import UTC, date, datetime

from PySide6.QtCore import QDate, QDateTime, QTime
from pytestqt.qtbot import QtBot

from practice import timeutil
from practice.db import Database
from practice.models import Attendance, SessionKind, SessionMode
from practice.services import sessions as session_service
from practice.services import worklog as worklog_service
from practice.services.profile import update_profile
from tests.economics.test_practice_zone import computer_in
from tests.ui.test_enrol_page import make_client
from ui import format as fmt
from ui.context import AppContext
from ui.models.today_sessions import TodaySessionsModel
from ui.widgets.local_time import aware_local, to_qdatetime

#: 20:00 UTC on Wednesday 10 March 2021 is 09:00 on Thursday 11 March in Auckland (NZDT)
#: and 20:00 on the 10th in London.
INSTANT = datetime(2021, 3, 10, 20, 0, tzinfo=UTC)


def _logged_session(db: Database) -> int:
    client = make_client(db, "Aroha", "Ngata")
    return session_service.log_session(
        db,
        client_id=client,
        starts_at=INSTANT,
        duration_minutes=50,
        kind=SessionKind.SESSION,
        mode=SessionMode.VIDEO,
        attendance=Attendance.ATTENDED,
    ).id


def test_times_and_days_are_shown_in_the_practices_zone(db: Database, qtbot: QtBot) -> None:
    update_profile(db, time_zone="Pacific/Auckland")
    session_id = _logged_session(db)
    with computer_in("Europe/London"):
        ctx = AppContext(db)
        assert fmt.time_of(INSTANT) == "09:00"
        assert timeutil.to_local(INSTANT).date() == date(2021, 3, 11)
        model = TodaySessionsModel(with_day=True)
        model.set_rows(session_service.list_sessions(db))
        assert model.index(0, 0).data() == "Thu 11 Mar, 09:00"
        # What a person types into a time field is read in the practice's zone too.
        typed = QDateTime(QDate(2021, 3, 11), QTime(9, 0))
        assert aware_local(typed) == INSTANT
        assert to_qdatetime(INSTANT) == typed
        # The day of the session's prep and write-up is the practice's day, even for a
        # caller that set no zone at all.
        timeutil.use_zone(None)
        suggested = worklog_service.suggest_work_after_session(db, session_id)
        assert {s.work_date for s in suggested} == {date(2021, 3, 11)}
        # Choosing another zone in Settings moves what is shown at once.
        update_profile(db, time_zone="Europe/London")
        ctx.changed("profile")
        assert fmt.time_of(INSTANT) == "20:00"


def test_a_practice_that_names_no_zone_follows_the_computer(db: Database) -> None:
    update_profile(db, time_zone="")
    with computer_in("Pacific/Auckland"):
        AppContext(db)
        assert fmt.time_of(INSTANT) == "09:00"
    with computer_in("Europe/London"):
        assert fmt.time_of(INSTANT) == "20:00"
