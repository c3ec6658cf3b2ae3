"""Workers run with the cycle collector off (it would destroy Qt objects off the GUI
thread), and it comes back on only when the last worker ends."""

from __future__ import annotations

import gc
import subprocess
import sys
import textwrap
import threading

from ui.threads import no_collection_in_this_thread


def test_collection_is_off_while_any_worker_runs_and_back_after_the_last() -> None:
    assert gc.isenabled()
    first_inside = threading.Event()
    let_first_end = threading.Event()
    seen: list[bool] = []

    def first() -> None:
        with no_collection_in_this_thread():
            first_inside.set()
            let_first_end.wait(5)
            seen.append(gc.isenabled())

    worker = threading.Thread(target=first)
    worker.start()
    first_inside.wait(5)
    with no_collection_in_this_thread():  # a second worker, overlapping the first
        assert not gc.isenabled()
    assert not gc.isenabled()  # the first still runs
    let_first_end.set()
    worker.join(5)
    assert seen == [False]
    assert gc.isenabled()


def test_collection_left_off_by_someone_else_stays_off() -> None:
    gc.disable()
    try:
        with no_collection_in_this_thread():
            pass
        assert not gc.isenabled()
    finally:
        gc.enable()


def test_what_started_is_kept_out_of_later_collections() -> None:
    """In a process of its own (freezing this one would keep every test's leftovers):
    start-up's objects are frozen, garbage made before is collected first, the collector
    (held off until the first paint) is on again, and cycles made after are collected."""
    script = textwrap.dedent(
        """
        import gc, weakref
        from ui.threads import collect_here, hold_collection_until_shown, keep_what_started

        class Node:
            pass

        def cycle():
            a, b = Node(), Node()
            a.other, b.other = b, a
            return weakref.ref(a)

        hold_collection_until_shown()
        assert not gc.isenabled()
        before = cycle()
        keep_what_started()
        assert before() is None, "garbage from start-up was frozen"
        assert gc.get_freeze_count() > 0
        assert gc.isenabled(), "the collector stayed off after the first paint"
        after = cycle()
        collect_here()
        assert after() is None, "a cycle made later was not collected"
        print("ok")
        """
    )
    done = subprocess.run(
        [sys.executable, "-c", script], capture_output=True, text=True, timeout=120, check=False
    )
    assert done.returncode == 0, done.stderr
    assert done.stdout.strip() == "ok"


def test_a_worker_running_at_the_first_paint_turns_the_collector_on_when_it_ends() -> None:
    script = textwrap.dedent(
        """
        import gc
        from ui.threads import (
            hold_collection_until_shown, keep_what_started, no_collection_in_this_thread,
        )

        hold_collection_until_shown()
        with no_collection_in_this_thread():  # a worker started before the first paint
            keep_what_started()
            assert not gc.isenabled(), "collection turned on while a worker runs"
        assert gc.isenabled(), "the worker's end left the collector off"
        print("ok")
        """
    )
    done = subprocess.run(
        [sys.executable, "-c", script], capture_output=True, text=True, timeout=120, check=False
    )
    assert done.returncode == 0, done.stderr
    assert done.stdout.strip() == "ok"
