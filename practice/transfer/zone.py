"""The practice's time zone, for calendars, CSV times and search dates: one function.

The practice profile does not hold a time zone yet (another change adds one); until it
does, :func:`practice_zone` answers with this computer's zone, named as the IANA time
zone database names it (``Europe/London``) when the system says which it is. Repoint
:func:`practice_zone` at the profile's zone when it lands; nothing else asks.
"""

from __future__ import annotations

import contextlib
import os
from dataclasses import dataclass
from datetime import UTC, date, datetime, tzinfo
from pathlib import Path
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

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
    """The zone the practice works in. For now, the computer's own (see the module text)."""
    return computer_zone()


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
