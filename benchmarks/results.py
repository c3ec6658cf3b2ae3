"""Blocks of ``benchmarks/RESULTS.md`` each script keeps between its own markers, so the
scripts can run in any order and each rewrites only what it measured."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

HERE = Path(__file__).resolve().parent
RESULTS = HERE / "RESULTS.md"
NOTES = "## Notes"


def markers(name: str) -> tuple[str, str]:
    return f"<!-- {name} -->", f"<!-- /{name} -->"


def write_block(name: str, body: str) -> None:
    """Put ``body`` between the ``name`` markers of RESULTS.md, in place of the last one
    (before "## Notes" the first time), written to a new file and renamed into place."""
    start, end = markers(name)
    block = f"{start}\n{body.strip()}\n\n{end}"
    text = RESULTS.read_text(encoding="utf-8") if RESULTS.exists() else "# Benchmark results\n"
    if start in text and end in text:
        head, rest = text.split(start, 1)
        text = head + block + rest.split(end, 1)[1]
    elif NOTES in text:
        head, rest = text.split(NOTES, 1)
        text = head + block + "\n\n" + NOTES + rest
    else:
        text = text.rstrip() + "\n\n" + block + "\n"
    write_text(RESULTS, text)


def write_json(path: Path, data: dict[str, Any]) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    write_text(path, json.dumps(data, indent=2, allow_nan=False, default=str))


def write_text(path: Path, text: str) -> None:
    partial = path.with_name(path.name + ".part")
    partial.write_text(text, encoding="utf-8")
    partial.replace(path)
