"""`make test` runs the lifetime maker and the screens benchmark on a tiny practice, so
they cannot rot unseen. No time is asserted: only that each step was measured and written."""

from __future__ import annotations

import json
import os
import re
import sqlite3
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]


def run(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, *args],
        capture_output=True,
        text=True,
        timeout=300,
        cwd=ROOT,
        env={**os.environ, "QT_QPA_PLATFORM": "offscreen"},
    )


def test_the_lifetime_practice_is_made_and_never_written_over(tmp_path: Path) -> None:
    target = tmp_path / "lifetime.db"
    args = [str(ROOT / "benchmarks" / "lifetime.py"), "--output", str(target)]
    made = run(*args, "--clients", "15", "--years", "3", "--json-folder", str(tmp_path))
    assert made.returncode == 0, made.stderr[-3000:]
    con = sqlite3.connect(target)
    try:
        assert con.execute("SELECT COUNT(*) FROM clients").fetchone()[0] == 15
    finally:
        con.close()
    data = json.loads((tmp_path / "lifetime.json").read_text(encoding="utf-8"))
    assert data["clients"] == 15 and data["sessions"] > 0 and data["seconds"] > 0
    before = target.read_bytes()
    again = run(*args, "--clients", "15", "--years", "3", "--json-folder", str(tmp_path))
    assert again.returncode != 0 and "never written over" in again.stderr
    assert target.read_bytes() == before


def test_the_screens_benchmark_runs_on_a_tiny_practice(tmp_path: Path) -> None:
    done = run(str(ROOT / "benchmarks" / "screens.py"), "--tiny", "--output", str(tmp_path))
    assert done.returncode == 0, done.stderr[-3000:]
    data = json.loads((tmp_path / "screens.json").read_text(encoding="utf-8"))
    names = [
        re.sub(r"\d[\d,]*", "N", timing["name"].split(" (")[0].split(":")[0])
        for timing in data["timings"]
    ]
    assert names == [
        "client search",
        "open a client with N sessions",
        "that client's Sessions tab",
        "Today",
        "a year's reports",
        "note search",
        "a backup of the whole database",
    ]
    assert all(timing["median_ms"] > 0 for timing in data["timings"])
    assert "| Today |" in done.stdout  # the table RESULTS.md gets
