"""How the app writes durations, money, rates, dates and times."""

from __future__ import annotations

from datetime import UTC, date, datetime

import pytest

from ui import format as fmt


@pytest.mark.parametrize(
    ("minutes", "text"),
    [
        (0, "0 min"),
        (45, "45 min"),
        (60, "1 h"),
        (75, "1 h 15 min"),
        (905, "15 h 5 min"),
        (-20, "−20 min"),
        (None, "—"),
    ],
)
def test_duration(minutes: int | None, text: str) -> None:
    assert fmt.duration(minutes) == text


def test_money_and_rates_follow_the_practice_locale() -> None:
    assert fmt.money(120_000, "GBP") == "£1,200.00"
    assert fmt.money(120_000, "EUR", "de_DE") == "1.200,00\xa0€"
    assert fmt.money(None, "GBP") == "—"
    assert fmt.rate(7956, "GBP") == "£79.56/h"
    assert fmt.rate(None, "GBP") == "—"


def test_dates_and_times() -> None:
    assert fmt.day(date(2026, 3, 3)) == "3 Mar 2026"
    assert fmt.long_day(date(2026, 3, 3)) == "Tuesday 3 March 2026"
    assert fmt.weekday_short(date(2026, 3, 3)) == "Tue 3 Mar"
    moment = datetime(2026, 3, 3, 14, 30, tzinfo=UTC)
    local = moment.astimezone()
    assert fmt.time_of(moment) == f"{local:%H:%M}"
    assert fmt.day_and_time(moment).endswith(f", {local:%H:%M}")
    assert fmt.day_and_time(None) == "—"


def test_timer() -> None:
    assert fmt.elapsed(425) == "0:07:05"
    assert fmt.elapsed(-3) == "0:00:00"
