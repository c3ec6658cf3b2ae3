"""Make the benchmarks' practice: twenty years of a busy practice, in bulk.

    .venv/bin/python benchmarks/lifetime.py --output DIR/lifetime.db   # 2,000 clients, 20 years
    .venv/bin/python benchmarks/lifetime.py --output X.db --clients 20 --years 2   # a check

The database is made under a temporary name beside ``--output`` and renamed into place
when whole; an existing file is never written over. Prints what was made and how long it
took (the target is 90 s for the 2,000-client practice) and writes ``lifetime.json``
beside RESULTS.md (or into ``--json-folder``); ``--write-results`` also puts it in
RESULTS.md.
"""

from __future__ import annotations

import argparse
import os
import platform
import sys
from dataclasses import asdict
from datetime import date
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from results import HERE, write_block, write_json  # noqa: E402

from practice.db import open_database  # noqa: E402
from practice.demo.batch import generate_batch  # noqa: E402


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--output", type=Path, required=True)
    parser.add_argument("--clients", type=int, default=2000)
    parser.add_argument("--years", type=int, default=20)
    parser.add_argument("--seed", type=int, default=2024)
    parser.add_argument("--json-folder", type=Path, default=HERE)
    parser.add_argument("--write-results", action="store_true")
    args = parser.parse_args(argv)
    if args.output.exists():
        parser.error(f"{args.output} already exists; it is never written over.")
    partial = args.output.with_name(args.output.name + ".partial")
    if partial.exists():
        partial.unlink()  # a half-made practice of an earlier run of this script
    db = open_database(partial)
    try:
        made = generate_batch(
            db,
            clients=args.clients,
            years=args.years,
            seed=args.seed,
            today=date.today(),  # current, as a practitioner's own practice is
            progress=lambda done, total: print(
                f"{done:,}/{total:,} clients", file=sys.stderr, flush=True
            ),
        )
    finally:
        db.close()
    os.replace(partial, args.output)
    size = args.output.stat().st_size / 2**20
    body = "\n".join(
        [
            "## The practice measured (benchmarks/lifetime.py)",
            "",
            f"Made on {date.today().isoformat()} ({platform.machine()}, {os.cpu_count()} cores, "
            f"Python {platform.python_version()}) in bulk by `practice.demo.batch`: "
            f"**{made.seconds:.1f} s** (target ≤ 90 s), database {size:,.0f} MiB.",
            "",
            "| what | rows |",
            "|---|---:|",
            f"| clients | {made.clients:,} |",
            f"| enrolments | {made.enrolments:,} |",
            f"| sessions (1–2 KB notes) | {made.sessions:,} |",
            f"| action items | {made.action_items:,} |",
            f"| payments and refunds | {made.payments + made.refunds:,} |",
            f"| work-log entries | {made.work_entries:,} |",
            f"| enquiries | {made.enquiries:,} |",
            "",
            f"From {made.first_day.isoformat()} to {made.today.isoformat()}, seed {args.seed}.",
        ]
    )
    print(body)
    write_json(
        args.json_folder / "lifetime.json",
        {**asdict(made), "database_mib": size, "clients_asked": args.clients},
    )
    if args.write_results:
        write_block("lifetime", body)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
