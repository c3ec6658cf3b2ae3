"""Auto-lock after a period without keyboard or mouse activity (default 10 minutes).

The app feeds every input event to :meth:`IdleTimer.activity` (an event filter) and
polls :meth:`IdleTimer.expired` from a timer; the clock is injectable for tests.
"""

from __future__ import annotations

import time
from collections.abc import Callable

DEFAULT_MINUTES = 10


class IdleTimer:
    def __init__(
        self, minutes: int = DEFAULT_MINUTES, clock: Callable[[], float] = time.monotonic
    ) -> None:
        self.clock = clock
        self.minutes = minutes
        self._last = clock()

    @property
    def enabled(self) -> bool:
        """0 minutes turns auto-lock off."""
        return self.minutes > 0

    def set_minutes(self, minutes: int) -> None:
        self.minutes = max(0, int(minutes))
        self.activity()

    def activity(self) -> None:
        self._last = self.clock()

    def idle_seconds(self) -> float:
        return self.clock() - self._last

    def expired(self) -> bool:
        return self.enabled and self.idle_seconds() >= self.minutes * 60
