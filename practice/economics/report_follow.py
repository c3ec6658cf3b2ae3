"""Report 5: client follow-through — action items done, partly done and not done.

* An action item counts in the period it was **reviewed** in (``reviewed_on``), as in
  the period figures: done, partly done, or not done (dropped). The follow-through
  score is :func:`~practice.economics.counting.follow_through` (done 1, partly ½).
* **Still open**: items agreed at a session starting in the period that have not been
  reviewed yet.
* **Over time**: the same counts for each bucket of the period (:mod:`~.report_period`).
* **Quiet clients**: :func:`~practice.economics.attention.quiet_clients` as of the
  period's last day (or ``today`` when the period runs on into the future).
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date, tzinfo

from sqlalchemy import func, select

from practice.economics.attention import QuietClient, quiet_clients
from practice.economics.counting import REVIEWED_ACTION, follow_through
from practice.economics.rates import Ratio
from practice.economics.report_period import Bucket
from practice.economics.source import Source, day_bounds, display_name, practice_tz, reading
from practice.models import ActionItem, ActionStatus, Client, Session


@dataclass(frozen=True, slots=True)
class FollowThroughCounts:
    done: int
    partly: int
    not_done: int  # dropped

    @property
    def reviewed(self) -> int:
        return self.done + self.partly + self.not_done

    @property
    def follow_through(self) -> Ratio | None:
        return follow_through(
            [
                (ActionStatus.DONE, self.done),
                (ActionStatus.PARTLY, self.partly),
                (ActionStatus.DROPPED, self.not_done),
            ]
        )


@dataclass(frozen=True, slots=True)
class ClientFollowThrough:
    client_id: int
    client_name: str
    counts: FollowThroughCounts
    still_open: int  # agreed at a session in the period, not yet reviewed

    @property
    def follow_through(self) -> Ratio | None:
        return self.counts.follow_through


@dataclass(frozen=True, slots=True)
class FollowThroughBar:
    start: date
    end: date
    counts: FollowThroughCounts


@dataclass(frozen=True, slots=True)
class FollowThroughReport:
    total: FollowThroughCounts
    clients: tuple[ClientFollowThrough, ...]  # by name
    over_time: tuple[FollowThroughBar, ...]
    quiet: tuple[QuietClient, ...]  # longest quiet first
    quiet_after_days: int


def _counts(by_status: dict[ActionStatus, int]) -> FollowThroughCounts:
    return FollowThroughCounts(
        done=by_status.get(ActionStatus.DONE, 0),
        partly=by_status.get(ActionStatus.PARTLY, 0),
        not_done=by_status.get(ActionStatus.DROPPED, 0),
    )


def follow_through_report(
    source: Source,
    start: date,
    end: date,
    bars: Sequence[Bucket],
    *,
    today: date,
    quiet_after_days: int,
    tz: tzinfo | None = None,
) -> FollowThroughReport:
    """Report 5 for ``start..end`` cut into ``bars`` (``tz`` None: the practice's zone)."""
    with reading(source) as s:
        tz = practice_tz(s, tz)
    first, after = day_bounds(start, end, tz)
    names: dict[int, str] = {}
    per_client: dict[int, dict[ActionStatus, int]] = defaultdict(dict)
    per_day: dict[date, dict[ActionStatus, int]] = defaultdict(lambda: defaultdict(int))
    with reading(source) as s:
        for client_id, first_name, preferred, last_name, status, reviewed_on, count in s.execute(
            # grouped by the client's key, so their name may be asked beside the counts
            # (PostgreSQL allows no other column that is not grouped)
            select(
                Client.id,
                Client.first_name,
                Client.preferred_name,
                Client.last_name,
                ActionItem.status,
                ActionItem.reviewed_on,
                func.count(),
            )
            .select_from(ActionItem)
            .join(Client, Client.id == ActionItem.client_id)
            .where(
                ActionItem.status.in_(REVIEWED_ACTION),
                ActionItem.reviewed_on >= start,
                ActionItem.reviewed_on <= end,
            )
            .group_by(Client.id, ActionItem.status, ActionItem.reviewed_on)
        ):
            names[client_id] = display_name(first_name, preferred, last_name)
            key = ActionStatus(status)
            per_client[client_id][key] = per_client[client_id].get(key, 0) + int(count)
            if reviewed_on is not None:  # filtered in the query
                per_day[reviewed_on][key] += int(count)
        still_open: dict[int, int] = {}
        for client_id, first_name, preferred, last_name, count in s.execute(
            select(
                Client.id,
                Client.first_name,
                Client.preferred_name,
                Client.last_name,
                func.count(),
            )
            .select_from(ActionItem)
            .join(Client, Client.id == ActionItem.client_id)
            .where(
                ActionItem.status == ActionStatus.OPEN,
                # the period's sessions first, then their action items (as a join,
                # SQLite went through every action item of the practice)
                ActionItem.session_id.in_(
                    select(Session.id).where(Session.starts_at >= first, Session.starts_at < after)
                ),
            )
            .group_by(Client.id)
        ):
            names[client_id] = display_name(first_name, preferred, last_name)
            still_open[client_id] = int(count)
        quiet = quiet_clients(s, today=min(end, today), quiet_after_days=quiet_after_days, tz=tz)

    clients = sorted(
        (
            ClientFollowThrough(
                client_id=ident,
                client_name=name,
                counts=_counts(per_client.get(ident, {})),
                still_open=still_open.get(ident, 0),
            )
            for ident, name in names.items()
        ),
        key=lambda c: (c.client_name.casefold(), c.client_id),
    )
    over_time = []
    for bar in bars:
        summed: dict[ActionStatus, int] = defaultdict(int)
        for day, by_status in per_day.items():
            if bar.start <= day <= bar.end:
                for key, count in by_status.items():
                    summed[key] += count
        over_time.append(FollowThroughBar(bar.start, bar.end, _counts(summed)))
    total: dict[ActionStatus, int] = defaultdict(int)
    for by_status in per_client.values():
        for key, count in by_status.items():
            total[key] += count
    return FollowThroughReport(
        total=_counts(total),
        clients=tuple(clients),
        over_time=tuple(over_time),
        quiet=tuple(quiet),
        quiet_after_days=quiet_after_days,
    )
