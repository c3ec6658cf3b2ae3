"""Days and moments relative to when a test *runs*, not when it was collected.

A parametrize value like ``date.today() + timedelta(days=1)`` is computed when pytest
collects the module; a suite that starts at 23:55 reaches the test after midnight,
when that "tomorrow" is today and the refusal it expects no longer happens. Tests put
:class:`FromNow` in their parameters instead and :func:`resolve` it inside the test.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, date, datetime, timedelta
from typing import Any

from practice.timeutil import today


@dataclass(frozen=True)
class FromNow:
    """``days`` after the app's today (a date), or ``minutes`` after now (an instant)."""

    days: int = 0
    minutes: int = 0

    def value(self) -> date | datetime:
        if self.minutes:
            return datetime.now(UTC) + timedelta(days=self.days, minutes=self.minutes)
        return today() + timedelta(days=self.days)


def resolve(value: Any) -> Any:
    """``value`` with any :class:`FromNow` in it (or in a dict's values) worked out now."""
    if isinstance(value, FromNow):
        return value.value()
    if isinstance(value, dict):
        return {key: resolve(item) for key, item in value.items()}
    return value
