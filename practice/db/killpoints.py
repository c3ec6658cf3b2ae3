"""Named points where a fault test may kill the process (``PRACTICE_KILL_AT=<name>``).

Only the kill tests set the variable: they run a real command in a subprocess that ends
abruptly (``os._exit``, as close to ``kill -9`` as a process can do to itself) exactly at
the named point, then check that nothing is lost and the next start recovers.
"""

from __future__ import annotations

import os

ENV = "PRACTICE_KILL_AT"


def kill_point(name: str) -> None:
    """End the process at once if a test asked to be killed at ``name``."""
    if os.environ.get(ENV) == name:
        os._exit(137)
