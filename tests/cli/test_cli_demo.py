"""``practice demo`` is deterministic, and the installed entry points really run."""

from __future__ import annotations

import hashlib
import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from practice.db.paths import demo_database_path

from .helpers import SAMPLE_ARGS, run_cli

Capsys = pytest.CaptureFixture[str]
SMALL = ["--clients", "9", "--years", "1", "--today", "2025-03-15"]


def outputs(capsys: Capsys, path: Path) -> list[str]:
    found = []
    for command in (
        ["clients", "--json"],
        ["enrolments", "--json"],
        ["report", "--json", "--from", "2024-01-01"],
        ["report", "--json", "--from", "2025-01-01", "--to", "2025-01-31"],
    ):
        result = run_cli(capsys, "--database", path, *command)
        assert result.code == 0, result.err
        found.append(result.out)
    return found


def test_the_same_seed_makes_the_same_practice(capsys: Capsys, tmp_path: Path) -> None:
    first, second, other = tmp_path / "a.db", tmp_path / "b.db", tmp_path / "c.db"
    made = run_cli(capsys, "--database", first, "demo", *SMALL, "--seed", "5")
    assert made.code == 0, made.err
    assert made.out.startswith(f"Made a sample practice in {first}: 9 clients")
    assert run_cli(capsys, "--database", second, "demo", *SMALL, "--seed", "5").code == 0
    assert run_cli(capsys, "--database", other, "demo", *SMALL, "--seed", "6").code == 0
    assert outputs(capsys, first) == outputs(capsys, second)
    assert outputs(capsys, first)[:2] != outputs(capsys, other)[:2]


def test_demo_without_database_goes_to_its_own_file(
    capsys: Capsys, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    # platformdirs reads these on Linux; elsewhere the test only checks the path helper.
    monkeypatch.setenv("XDG_DATA_HOME", str(tmp_path / "data"))
    target = demo_database_path()
    if not str(target).startswith(str(tmp_path)):
        pytest.skip("the user data folder cannot be redirected on this platform")
    result = run_cli(capsys, "demo", *SMALL)
    assert result.code == 0, result.err
    assert target.exists() and target.name == "sample-practice.db"


def test_installed_command_and_python_m_practice(sample_path: Path, tmp_path: Path) -> None:
    """The real entry points, in a fresh process, from another folder."""
    env = {k: v for k, v in os.environ.items() if not k.startswith("PYTEST")}
    script = Path(sys.executable).with_name("practice")
    commands = [[sys.executable, "-m", "practice"]]
    if script.exists():
        commands.append([str(script)])
    junk = tmp_path / "junk.db"
    junk.write_bytes(b"\x00\x01not a database" * 100)
    before = hashlib.sha256(junk.read_bytes()).hexdigest()
    for command in commands:
        listed = subprocess.run(
            [*command, "--database", str(sample_path), "clients", "--json"],
            capture_output=True,
            text=True,
            cwd=tmp_path,
            env=env,
            timeout=120,
        )
        assert listed.returncode == 0, listed.stderr
        assert len(json.loads(listed.stdout)) == int(SAMPLE_ARGS[1])
        refused = subprocess.run(
            [*command, "--database", str(junk), "report"],
            capture_output=True,
            text=True,
            cwd=tmp_path,
            env=env,
            timeout=120,
        )
        assert refused.returncode != 0 and refused.stdout == ""
        assert "Traceback" not in refused.stderr
        assert len(refused.stderr.strip().splitlines()) == 1
    assert hashlib.sha256(junk.read_bytes()).hexdigest() == before
