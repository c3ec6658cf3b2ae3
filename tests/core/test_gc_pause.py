"""Start-up's imports run with the cycle collector paused, and it is always back on after."""

from __future__ import annotations

import gc
import subprocess
import sys
from collections.abc import Iterator

import pytest

from practice.gc_pause import collector_paused


@pytest.fixture(autouse=True)
def _collector_restored() -> Iterator[None]:
    was = gc.isenabled()
    yield
    (gc.enable if was else gc.disable)()


def test_paused_inside_and_back_on_after_even_when_it_fails() -> None:
    gc.enable()
    with collector_paused():
        assert not gc.isenabled()
    assert gc.isenabled()
    with pytest.raises(ValueError), collector_paused():
        raise ValueError("a failed import")
    assert gc.isenabled()


def test_left_off_when_someone_else_had_turned_it_off() -> None:
    gc.disable()  # a worker thread's own pause (ui.threads) must not be undone here
    with collector_paused():
        assert not gc.isenabled()
    assert not gc.isenabled()


@pytest.mark.parametrize("args", [["--version"], ["--help"], ["no-such-command"]])
def test_the_command_line_turns_it_back_on_whatever_the_words(args: list[str]) -> None:
    code = (
        "import gc\n"
        "from practice.cli.main import main\n"
        "try:\n"
        f"    main({args!r})\n"
        "except SystemExit:\n"
        "    pass\n"
        "print('ENABLED', gc.isenabled())\n"
    )
    result = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=True, timeout=60
    )
    assert "ENABLED True" in result.stdout, result.stdout + result.stderr
