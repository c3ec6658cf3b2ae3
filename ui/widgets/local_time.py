"""Between Qt's date-time editors and the aware instants the services take."""

from __future__ import annotations

from datetime import datetime

from PySide6.QtCore import QDateTime

from practice.timeutil import local_moment, to_local


def to_qdatetime(moment: datetime) -> QDateTime:
    """An instant shown in the practice's zone (see :func:`practice.timeutil.use_zone`)."""
    return QDateTime(to_local(moment).replace(tzinfo=None))


def aware_local(value: QDateTime) -> datetime:
    """What the person typed, read in the practice's zone, as an aware datetime."""
    moment = value.toPython()
    assert isinstance(moment, datetime)
    return local_moment(moment)
