"""What counts: the shared rules for sessions, action items and enrolment dates.

* A meeting (kind *session* or *review*) is **used** when it was attended, cancelled
  late or missed (no-show): the client's place was kept. Cancelled early and still
  planned meetings are not used. Support calls are counted separately by the same rule.
* **Contact minutes** are the minutes of attended meetings and attended support calls.
* **Follow-through**: a reviewed action item scores done = 1, partly = ½, dropped = 0;
  open items are not counted until they are reviewed.
* An enrolment **runs** from its start date to the day it ended early (``ended_on``)
  when set, otherwise to its end date.
* A **single consultation** is an enrolment whose agreed terms plan one session and no
  support between sessions; one followed by a programme is a **conversion**, never a
  renewal.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from datetime import date
from fractions import Fraction
from functools import cache
from typing import Any

from sqlalchemy import ColumnElement, Exists, and_, exists, func, or_
from sqlalchemy.orm import InstrumentedAttribute, aliased

from practice.economics.planned import planned_session_count
from practice.economics.rates import Ratio, ratio
from practice.models import ActionStatus, Attendance, Enrolment, EnrolmentStatus, SessionKind

USED_ATTENDANCE = (Attendance.ATTENDED, Attendance.CANCELLED_LATE, Attendance.NO_SHOW)
MISSED_ATTENDANCE = (Attendance.CANCELLED_LATE, Attendance.NO_SHOW)
MEETING_KINDS = (SessionKind.SESSION, SessionKind.REVIEW)
REVIEWED_ACTION = (ActionStatus.DONE, ActionStatus.PARTLY, ActionStatus.DROPPED)
#: Enrolments that really ran (or run): not merely proposed, not cancelled.
RAN = (EnrolmentStatus.ACTIVE, EnrolmentStatus.COMPLETED, EnrolmentStatus.ENDED_EARLY)

_SCORE = {
    ActionStatus.DONE: Fraction(1),
    ActionStatus.PARTLY: Fraction(1, 2),
    ActionStatus.DROPPED: Fraction(0),
}


def follow_through(counts: Iterable[tuple[ActionStatus | str, int]]) -> Ratio | None:
    """Follow-through from (status, number of items) pairs; ``None`` if none reviewed."""
    part = Fraction(0)
    whole = 0
    for status, count in counts:
        score = _SCORE.get(ActionStatus(status))
        if score is None:
            continue
        part += score * count
        whole += count
    return ratio(part, whole)


def single_session(snapshot: Mapping[str, Any]) -> bool:
    """Whether agreed terms are a one-off consultation: one session, no support calls."""
    periods = snapshot.get("periods") or ()
    return planned_session_count(periods) == 1 and snapshot.get("support_mode") == "none"


def session_plan() -> ColumnElement[Any]:
    """SQL: the session plan (``periods``) of an enrolment's agreed terms, read in the
    database: the whole ``terms_snapshot`` carries the agreement's clauses too, and
    loading and decoding it for every enrolment a figure counts was most of a report's
    time on a large practice. ``{"periods": value}`` is enough for
    :func:`~practice.economics.planned.snapshot_session_count`."""
    return Enrolment.terms_snapshot["periods"]


def support_mode() -> ColumnElement[str]:
    """SQL: the support mode of an enrolment's agreed terms (see :func:`session_plan`)."""
    return Enrolment.terms_snapshot["support_mode"].as_string()


def enrolment_end() -> ColumnElement[object]:
    """SQL: the last day an enrolment ran (``ended_on`` when set, else ``end_date``)."""
    return func.coalesce(Enrolment.ended_on, Enrolment.end_date)


@cache
def enrolment_alias(name: str) -> Any:
    """``Enrolment`` under another name in a query, made once per name: making an alias
    inspects the mapping and copies every column, which was most of the time of a
    programme comparison, and half of a week's figures."""
    return aliased(Enrolment, name=name)


def _later() -> Any:
    """The other enrolment of :func:`later_running`."""
    return enrolment_alias("later_enrolment")


def later_running(mine: Any, day: ColumnElement[date] | InstrumentedAttribute[date]) -> Exists:
    """SQL: another enrolment of the same client, started after ``mine`` (or the same
    day and made later), ran on ``day``. Client work logged without an enrolment counts
    towards the later-started one of two that overlap, so it counts once. ``mine`` is an
    ``Enrolment`` row or an aliased ``Enrolment`` in a query."""
    later = _later()
    return exists().where(
        later.client_id == mine.client_id,
        later.status.in_(RAN),
        later.id != mine.id,
        or_(
            later.start_date > mine.start_date,
            and_(later.start_date == mine.start_date, later.id > mine.id),
        ),
        later.start_date <= day,
        func.coalesce(later.ended_on, later.end_date) >= day,
    )
