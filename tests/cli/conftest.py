"""A sample practice shared by the CLI tests (made once through ``practice demo``)."""

from __future__ import annotations

from pathlib import Path

import pytest

from practice.cli.main import main

from .helpers import SAMPLE_ARGS


@pytest.fixture(scope="session")
def sample_path(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A small sample practice; tests only read it (or copy it first)."""
    path = tmp_path_factory.mktemp("cli-sample") / "sample.db"
    assert main(["--database", str(path), "demo", *SAMPLE_ARGS, "--quiet"]) == 0
    return path
