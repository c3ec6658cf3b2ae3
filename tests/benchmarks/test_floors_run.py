"""`make test` runs the floors benchmark on a tiny practice, so it cannot rot unseen.
It asserts no time: only that every figure was measured against its floor and written."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]


def test_the_floors_benchmark_runs_on_a_tiny_practice(tmp_path: Path) -> None:
    done = subprocess.run(
        [
            sys.executable,
            str(ROOT / "benchmarks" / "floors.py"),
            "--tiny",
            "--output",
            str(tmp_path),
        ],
        capture_output=True,
        text=True,
        timeout=300,
        cwd=ROOT,
    )
    assert done.returncode == 0, done.stderr[-3000:]
    data = json.loads((tmp_path / "floors.json").read_text(encoding="utf-8"))
    names = [figure["name"] for figure in data["figures"]]
    assert names == [
        "an encrypted practice to its first paint: the password box",
        "the same practice, from the password's Enter to the main window drawn",
        "the same, changed since its last check: every page read",
        "an unencrypted practice to its first paint (the main window)",
        "practice --version",
        "practice clients --json",
        "practice enrolments --json",
        "practice report --json",
        "an agreement PDF (warm)",
    ]
    for figure in data["figures"]:
        assert figure["seconds"] > 0 and figure["floor_seconds"] > 0 and figure["ratio"] > 0
    assert "| practice --version |" in done.stdout  # the table RESULTS.md gets
