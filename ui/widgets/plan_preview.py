"""The session plan in plain words: "3 sessions in month 1, then 2 a month in months 2–3"."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Protocol


class PlanLine(Protocol):
    first_period: int
    last_period: int
    sessions_per_period: int


def _sessions(count: int) -> str:
    return "1 session" if count == 1 else f"{count} sessions"


def _periods(first: int, last: int, unit: str) -> str:
    if first == last:
        return f"{unit} {first}"
    return f"{unit}s {first}–{last}"


def describe_plan(lines: Sequence[PlanLine], unit: str) -> str:
    """Describe a session plan; ``unit`` is "week" or "month"."""
    parts: list[str] = []
    for position, line in enumerate(sorted(lines, key=lambda item: item.first_period)):
        where = _periods(line.first_period, line.last_period, unit)
        count = line.sessions_per_period
        if count == 0:
            parts.append(f"no sessions in {where}")
        elif line.first_period == line.last_period:
            what = _sessions(count) if position == 0 else str(count)
            parts.append(f"{what} in {where}")
        else:
            what = _sessions(count) if position == 0 else str(count)
            parts.append(f"{what} a {unit} in {where}")
    if not parts:
        return "No sessions planned yet."
    text = ", then ".join(parts)
    return text[0].upper() + text[1:] + "."
