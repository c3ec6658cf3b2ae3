"""What the CLI tests share: the sample's options and a helper that runs the real CLI."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

import pytest

from practice.cli.main import main

#: The shared sample: a fixed day, so it is the same every run.
SAMPLE_ARGS = ["--clients", "12", "--years", "2", "--seed", "11", "--today", "2025-06-30"]


@dataclass(frozen=True)
class Result:
    code: int
    out: str
    err: str


def run_cli(capsys: pytest.CaptureFixture[str], *args: str | Path) -> Result:
    """Run ``practice ARGS`` in-process and capture what it printed."""
    capsys.readouterr()
    code = main([str(a) for a in args])
    captured = capsys.readouterr()
    return Result(code, captured.out, captured.err)
