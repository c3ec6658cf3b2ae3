"""Work off the GUI thread without Python's cycle collector running there.

The cycle collector runs in whichever thread happens to be allocating. Run in a worker,
it can destroy a Qt object that the GUI thread left in a reference cycle, off the GUI
thread, which crashes the process (seen once in the test suite, in the Reports page's
worker). So while any worker runs, automatic collection is off, and the GUI thread
collects before it starts one (:func:`collect_here`).
"""

from __future__ import annotations

import gc
import threading
from collections.abc import Iterator
from contextlib import contextmanager

_lock = threading.Lock()
_running = 0
_was_enabled = False


def hold_collection_until_shown() -> None:
    """From here to the window's first paint the cycle collector does not run (start-up
    makes objects that all stay: collecting among them found nothing and took about 50 ms
    of the first paint); :func:`keep_what_started` collects once and turns it back on."""
    gc.disable()


def keep_what_started() -> None:
    """Once the window is up: what start-up made (the modules, the mapped classes, the
    window and its pages) lives until the app quits, so it is collected once and then
    put out of the cycle collector's sight (:func:`gc.freeze`). A full collection then
    looks only at what came after: on a large practice it took 60–80 ms each time (before
    each report, and whenever Python chose to), and takes under a millisecond. Automatic
    collection is on again afterwards (once no worker runs, see below)."""
    global _was_enabled
    gc.collect()
    gc.freeze()
    with _lock:
        if _running == 0:
            gc.enable()
        else:  # the last worker to end turns it on
            _was_enabled = True


def collect_here() -> None:
    """Collect cycles now, on the calling (GUI) thread, before a worker starts."""
    gc.collect()


@contextmanager
def no_collection_in_this_thread() -> Iterator[None]:
    """Around a worker's whole job: no automatic cycle collection until every worker ends."""
    global _running, _was_enabled
    with _lock:
        if _running == 0:
            _was_enabled = gc.isenabled()
            gc.disable()
        _running += 1
    try:
        yield
    finally:
        with _lock:
            _running -= 1
            if _running == 0 and _was_enabled:
                gc.enable()
