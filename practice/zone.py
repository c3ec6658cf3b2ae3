"""Time zones by name: the practice's (kept in its profile) and this computer's.

Every day and period the practice counts — reports, the Today page's lists, calendars,
CSV times, search dates — is a day in the practice's time zone, kept in the profile as
the IANA time zone database names it (``Europe/London``), chosen when the practice is
made (the computer's zone then) and changed in Settings. A practice made before the
profile held one, or on a computer whose zone has no name, counts in this computer's
zone until one is chosen. :func:`practice_zone` (for a ``Database``) and
:func:`zone_named` (for a profile's name) are the only ways in.
"""

from __future__ import annotations

import contextlib
import os
from dataclasses import dataclass
from datetime import UTC, date, datetime, tzinfo
from functools import cache
from pathlib import Path
from typing import TYPE_CHECKING
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError, available_timezones

if TYPE_CHECKING:
    from practice.db import Database


@dataclass(frozen=True)
class PracticeZone:
    """A time zone with its IANA name, or ``name=None`` when none could be found (then
    ``tz`` is the computer's present offset and calendars are written in UTC)."""

    name: str | None
    tz: tzinfo

    def local(self, instant: datetime) -> datetime:
        return instant.astimezone(self.tz)

    def day(self, instant: datetime) -> date:
        return self.local(instant).date()


def practice_zone(db: Database | None = None) -> PracticeZone:
    """The zone the practice works in: its profile's, else this computer's."""
    if db is None:
        return computer_zone()
    from practice.models import PracticeProfile

    with db.reading() as s:
        profile = s.get(PracticeProfile, 1)
        name = profile.time_zone if profile is not None else ""
    return zone_named(name)


def use_practice_zone(db: Database) -> None:
    """Show times and count today in the practice's zone from now on (the app and the
    command line call this when a database is opened and when the profile changes).

    A practice that names no zone (or one unknown here) follows this computer's clock,
    daylight saving included."""
    from practice import timeutil
    from practice.models import PracticeProfile

    with db.reading() as s:
        profile = s.get(PracticeProfile, 1)
        name = profile.time_zone if profile is not None else ""
    timeutil.use_zone(ZoneInfo(name) if name and name in zone_names() else None)


def zone_named(name: str) -> PracticeZone:
    """The zone a profile names; this computer's when it names none (or one unknown here)."""
    if name and name in zone_names():
        return named_zone(name)
    return computer_zone()


@cache
def zone_names() -> frozenset[str]:
    """Every IANA zone name this computer knows (``Europe/London``, ``UTC``, …)."""
    return frozenset(available_timezones())


def named_zone(name: str) -> PracticeZone:
    """The IANA zone ``name`` (``Europe/London``); UTC for ``UTC``."""
    return PracticeZone(name, ZoneInfo(name))


def computer_zone() -> PracticeZone:
    for name in _candidate_names():
        try:
            zone = ZoneInfo(name)
        except (ZoneInfoNotFoundError, ValueError, OSError):
            continue
        now = datetime.now(UTC)
        if now.astimezone(zone).utcoffset() == now.astimezone().utcoffset():
            return PracticeZone(name, zone)
    present = datetime.now().astimezone().tzinfo
    return PracticeZone(None, present if present is not None else UTC)


def _candidate_names() -> list[str]:
    names: list[str] = []
    env = os.environ.get("TZ", "").lstrip(":")
    if env and not env.startswith("/"):
        names.append(env)
    localtime = Path("/etc/localtime")
    try:
        target = str(localtime.resolve()) if localtime.is_symlink() else ""
    except OSError:
        target = ""
    if "zoneinfo/" in target:
        names.append(target.split("zoneinfo/", 1)[1])
    with contextlib.suppress(OSError):
        names.append(Path("/etc/timezone").read_text(encoding="utf-8").strip())
    return [name for name in names if name]
