"""Measure a large sample practice: making it, opening it, listing and searching clients,
the enrolment rows and a year's report, with peak memory.

    .venv/bin/python benchmarks/run.py                     # 2000 clients over 20 years
    .venv/bin/python benchmarks/run.py --clients 300 --years 3
    .venv/bin/python benchmarks/run.py --through-services --years 10   # the slow way
    .venv/bin/python benchmarks/run.py --reuse /tmp/big.db # measure an existing sample
    .venv/bin/python benchmarks/run.py --write-results     # also rewrite RESULTS.md

Each measurement runs several times and reports the best and the median, in
milliseconds. Memory: the peak Python allocation of each step (tracemalloc, on a separate
run so it does not slow the timings) and the process's peak resident size. Not collected
by pytest (pytest only looks under tests/).
"""

from __future__ import annotations

import argparse
import os
import platform
import resource
import statistics
import subprocess
import sys
import tempfile
import time
import tracemalloc
from collections.abc import Callable
from dataclasses import dataclass
from datetime import date, timedelta
from pathlib import Path
from typing import Any

from sqlalchemy import func, select

sys.path.insert(0, str(Path(__file__).resolve().parent))
from results import write_block  # noqa: E402

from practice.db import Database, open_database
from practice.demo import generate_demo
from practice.demo.batch import generate_batch
from practice.economics import enrolment_rows, period_figures
from practice.models import ActionItem, Client, Enquiry, Enrolment, Payment, Session, WorkLogEntry
from practice.services.clients import count_clients, list_clients

SLOW_MS = 1000.0


@dataclass(frozen=True)
class Timing:
    name: str
    best_ms: float
    median_ms: float
    peak_kib: int
    note: str = ""


def measure(name: str, action: Callable[[], Any], *, repeat: int = 5, note: str = "") -> Timing:
    times = []
    for _ in range(repeat):
        started = time.perf_counter()
        action()
        times.append((time.perf_counter() - started) * 1000)
    tracemalloc.start()
    action()
    _, peak = tracemalloc.get_traced_memory()
    tracemalloc.stop()
    return Timing(name, min(times), statistics.median(times), peak // 1024, note)


def table_counts(db: Database) -> dict[str, int]:
    counted = {}
    with db.transaction() as s:
        for model in (Client, Enrolment, Session, ActionItem, Payment, WorkLogEntry, Enquiry):
            counted[model.__tablename__] = int(
                s.scalar(select(func.count()).select_from(model)) or 0
            )
    return counted


def show_progress(done: int, total: int) -> None:
    if done % 100 == 0 or done == total:
        print(f"making the sample: {done:,}/{total:,} clients", file=sys.stderr, flush=True)


def cli_seconds(path: Path, *command: str) -> float:
    """Wall time of the real command in a fresh process (interpreter start included)."""
    started = time.perf_counter()
    done = subprocess.run(
        [sys.executable, "-m", "practice", "--database", str(path), *command],
        capture_output=True,
        check=False,
    )
    if done.returncode != 0:
        raise SystemExit(done.stderr.decode())
    return time.perf_counter() - started


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--clients", type=int, default=2000)
    parser.add_argument("--years", type=int, default=20)
    parser.add_argument(
        "--through-services",
        action="store_true",
        help="make the sample one service call at a time (about 15 minutes for 2,000)",
    )
    parser.add_argument("--seed", type=int, default=2024)
    parser.add_argument("--reuse", type=Path, help="measure this sample instead of making one")
    parser.add_argument("--keep", type=Path, help="make the sample at this path and keep it")
    parser.add_argument("--write-results", action="store_true", help="rewrite RESULTS.md")
    args = parser.parse_args()

    workdir = Path(tempfile.mkdtemp(prefix="practice-bench-"))
    made_seconds: float | None = None
    if args.reuse is not None:
        path = args.reuse
    else:
        path = args.keep or workdir / "sample.db"
        db = open_database(path)
        started = time.perf_counter()
        make = generate_demo if args.through_services else generate_batch
        summary = make(
            db,
            clients=args.clients,
            years=args.years,
            seed=args.seed,
            progress=show_progress,
        )
        made_seconds = time.perf_counter() - started
        db.close()
        print(summary, file=sys.stderr)

    opened: list[float] = []
    for _ in range(5):
        started = time.perf_counter()
        db = open_database(path)
        opened.append((time.perf_counter() - started) * 1000)
        db.close()
    db = open_database(path)
    today = date.today()
    year_ago = today - timedelta(days=364)
    first_client = list_clients(db, limit=1)[0]
    timings = [
        Timing("open the database", min(opened), statistics.median(opened), 0),
        measure("list every client", lambda: list_clients(db)),
        measure("first page of clients (50)", lambda: list_clients(db, limit=50)),
        measure("count clients", lambda: count_clients(db)),
        measure("search clients: “sm”", lambda: list_clients(db, search="sm")),
        measure("search clients: “zoe odegard”", lambda: list_clients(db, search="zoe odegard")),
        measure("active clients only", lambda: list_clients(db, statuses=["active"])),
        measure("every enrolment row", lambda: enrolment_rows(db, today=today)),
        measure(
            "one client's enrolment rows",
            lambda: enrolment_rows(db, client_id=first_client.id, today=today),
        ),
        measure("a year's report", lambda: period_figures(db, year_ago, today, today=today)),
        measure(
            "the whole history's report",
            lambda: period_figures(db, date(today.year - 30, 1, 1), today, today=today),
        ),
    ]
    counts = table_counts(db)
    size_mib = path.stat().st_size / 2**20
    db.close()
    cli = {
        "practice clients --json": cli_seconds(path, "clients", "--json"),
        "practice enrolments --json": cli_seconds(path, "enrolments", "--json"),
        "practice report --json": cli_seconds(path, "report", "--json"),
    }
    peak_rss_mib = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024

    report = render(args, made_seconds, counts, size_mib, timings, cli, peak_rss_mib)
    print(report)
    if args.write_results:
        write_block("queries", report)
    return 0


def render(
    args: argparse.Namespace,
    made_seconds: float | None,
    counts: dict[str, int],
    size_mib: float,
    timings: list[Timing],
    cli: dict[str, float],
    peak_rss_mib: float,
) -> str:
    cpu = platform.processor() or platform.machine()
    lines = [
        "## Queries on the practice (benchmarks/run.py)",
        "",
        f"Measured on {date.today().isoformat()} with `benchmarks/run.py` on a shared "
        f"machine with {os.cpu_count()} cores ({cpu}, {platform.system()}, Python "
        f"{platform.python_version()}), other work running at the same time.",
        "",
        (
            f"Sample: {args.clients:,} clients over {args.years} years (seed {args.seed}); "
            if args.reuse is None
            else f"Sample: {args.reuse.name}, made earlier; "
        )
        + f"database {size_mib:.1f} MiB.",
        "",
        "| table | rows |",
        "| --- | ---: |",
        *[f"| {name} | {n:,} |" for name, n in counts.items()],
        "",
    ]
    if made_seconds is not None:
        per_client = made_seconds / max(counts["clients"], 1) * 1000
        lines += [
            f"Making the sample {'through the services' if args.through_services else 'in bulk'}: "
            f"{made_seconds:,.0f} s "
            f"({per_client:,.0f} ms a client).",
            "",
        ]
    lines += [
        "| step | best ms | median ms | peak Python KiB |",
        "| --- | ---: | ---: | ---: |",
    ]
    for t in timings:
        flag = " **slow**" if t.median_ms > SLOW_MS else ""
        lines.append(f"| {t.name}{flag} | {t.best_ms:,.1f} | {t.median_ms:,.1f} | {t.peak_kib:,} |")
    lines += [
        "",
        "The real command in a fresh process (interpreter start and imports included):",
        "",
        "| command | seconds |",
        "| --- | ---: |",
        *[f"| `{name}` | {seconds:.2f} |" for name, seconds in cli.items()],
        "",
        f"Peak resident size of the benchmark process: {peak_rss_mib:,.0f} MiB.",
        "",
    ]
    return "\n".join(lines)


if __name__ == "__main__":
    raise SystemExit(main())
