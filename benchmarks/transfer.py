"""Note search over a large practice, and exporting a large practice (JSON and CSV).

    .venv/bin/python benchmarks/transfer.py --reuse /tmp/big.db            # 60,000 notes
    .venv/bin/python benchmarks/transfer.py --reuse /tmp/big.db --notes 100000
    .venv/bin/python benchmarks/transfer.py --reuse /tmp/big.db --write-results

``--reuse`` is a sample made by ``benchmarks/run.py --keep`` (the 2,000-client, 10-year
practice). It is exported as it is (the whole practice to JSON, then every list to CSV);
for the search, a copy of it is grown to ``--notes`` session notes with invented notes
put together from the sample practice's fragments (written through the same triggers
that keep the index in step), and searched for words that occur in a few, in many and
in most notes. Each figure is the best and the median of several runs, in milliseconds;
``--write-results`` puts the table into the notes of ``benchmarks/RESULTS.md``.
"""

from __future__ import annotations

import argparse
import random
import shutil
import statistics
import sys
import tempfile
import time
from collections.abc import Callable
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

from sqlalchemy import func, insert, select, text

from practice.db import Database, open_database
from practice.demo import texts
from practice.models import Client, Session, SessionNote
from practice.search import search_notes
from practice.timeutil import today
from practice.transfer.csv_lists import export_lists_csv
from practice.transfer.practice_json import export_practice

RESULTS = Path(__file__).with_name("RESULTS.md")
HEADING = "### Note search and export (benchmarks/transfer.py)"
QUERIES = (
    "lighthouse",  # in about one note in a thousand
    "father grief",  # two words, a few per cent of the notes
    "sleep",  # a common word
    "anx",  # the start of a word (anxiety, anxious…)
    '"inner critic"',  # a phrase
    "zoe",  # a client's name, with its accent folded
)


def timed(action: Callable[[], Any], repeat: int) -> tuple[float, float, Any]:
    times, result = [], None
    for _ in range(repeat):
        started = time.perf_counter()
        result = action()
        times.append((time.perf_counter() - started) * 1000)
    return min(times), statistics.median(times), result


def invented_note(rng: random.Random, name: str) -> str:
    strand = rng.choice(list(texts.THEMES))
    parts = [
        rng.choice(texts.OPENINGS),
        rng.choice(texts.THEMES[strand]),
        rng.choice(texts.WORK_DONE[strand]),
        rng.choice(texts.CLOSINGS),
    ]
    if rng.random() < 0.001:
        parts.append("We talked about the walk to the lighthouse.")
    return " ".join(parts).replace("{name}", name)


def grow_notes(db: Database, wanted: int, seed: int = 7) -> int:
    """Add sessions with notes until the practice has ``wanted`` notes; the count made."""
    rng = random.Random(seed)
    with db.transaction() as s:
        have = int(s.scalar(select(func.count()).select_from(SessionNote)) or 0)
        clients = list(s.execute(select(Client.id, Client.first_name)))
        next_id = int(s.scalar(select(func.max(Session.id))) or 0) + 1
    missing = max(0, wanted - have)
    start = datetime(2015, 1, 5, 9, 0, tzinfo=UTC)
    batch = 5000
    for first in range(0, missing, batch):
        count = min(batch, missing - first)
        sessions, notes = [], []
        for offset in range(count):
            client_id, name = rng.choice(clients)
            session_id = next_id + first + offset
            when = start + timedelta(hours=3 * (first + offset))
            sessions.append(
                {
                    "id": session_id,
                    "client_id": client_id,
                    "starts_at": when,
                    "duration_minutes": 50,
                    "kind": "session",
                    "mode": "in_person",
                    "attendance": "attended",
                    "created_at": when,
                    "updated_at": when,
                }
            )
            notes.append(
                {
                    "session_id": session_id,
                    "body": invented_note(rng, name),
                    "private_notes": "",
                    "updated_at": when,
                }
            )
        with db.transaction() as s:
            s.execute(insert(Session), sessions)
            s.execute(insert(SessionNote), notes)
    return missing


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--reuse", type=Path, required=True, help="a large sample practice")
    parser.add_argument("--notes", type=int, default=60_000, help="notes to search over")
    parser.add_argument("--write-results", action="store_true", help="update RESULTS.md")
    args = parser.parse_args()
    work = Path(tempfile.mkdtemp(prefix="practice-transfer-bench-"))
    lines: list[str] = []
    try:
        sample = work / "sample.db"
        shutil.copyfile(args.reuse, sample)
        db = open_database(sample, before_migrate=lambda *_: None)
        with db.transaction() as s:
            clients = int(s.scalar(select(func.count()).select_from(Client)) or 0)
        best, median, summary = timed(lambda: export_practice(db, work / "p.json", replace=True), 3)
        size = (work / "p.json").stat().st_size / 2**20
        csv_best, csv_median, _ = timed(
            lambda: export_lists_csv(db, work, today=today(), with_notes=True, replace=True), 3
        )
        restored = open_database(work / "restored.db")
        started = time.perf_counter()
        from practice.transfer.practice_json import import_practice

        import_practice(restored, work / "p.json")
        import_ms = (time.perf_counter() - started) * 1000
        restored.close()
        made = grow_notes(db, args.notes)
        with db.transaction() as s:
            notes = int(s.scalar(select(func.count()).select_from(SessionNote)) or 0)
            indexed = int(s.execute(text("SELECT count(*) FROM note_search")).scalar() or 0)
        search_notes(db, "warm up")
        lines += [
            HEADING,
            "",
            f"Practice: {clients:,} clients (`{args.reuse.name}`). Export of it: "
            f"{summary.rows:,} rows, {size:.1f} MiB of JSON.",
            "",
            "| step | best ms | median ms |",
            "| --- | ---: | ---: |",
            f"| export the whole practice to JSON | {best:,.0f} | {median:,.0f} |",
            f"| export every list to CSV (sessions with notes) | {csv_best:,.0f} | {csv_median:,.0f} |",
            f"| import that JSON into a new database | {import_ms:,.0f} | (one run) |",
            "",
            f"Note search over {notes:,} session notes ({made:,} invented ones added to the "
            f"sample; {indexed:,} texts in the index with private notes, addenda, action "
            "items and client details), the best 100 hits with their extracts:",
            "",
            "| search | hits | best ms | median ms |",
            "| --- | ---: | ---: | ---: |",
        ]
        for query in QUERIES:
            q_best, q_median, hits = timed(lambda q=query: search_notes(db, q), 7)
            lines.append(f"| `{query}` | {len(hits)} | {q_best:.1f} | {q_median:.1f} |")
        db.close()
    finally:
        shutil.rmtree(work, ignore_errors=True)
    report = "\n".join(lines) + "\n"
    print(report)
    if args.write_results:
        old = RESULTS.read_text(encoding="utf-8")
        if HEADING in old:
            head, _, rest = old.partition(HEADING)
            tail = rest[rest.find("\n### ") :] if "\n### " in rest else ""
            old = head.rstrip() + "\n"
            RESULTS.write_text(old + "\n" + report + tail, encoding="utf-8")
        else:
            RESULTS.write_text(old.rstrip() + "\n\n" + report, encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
