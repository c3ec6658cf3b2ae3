"""The usual start of an encrypted practice, from the password's Enter to the main
window's first paint: prints the milliseconds (benchmarks/floors.py runs it).

    python benchmarks/unlock_window.py DATABASE PASSWORD_FILE [--changed]

The real ``practice-manager`` start (``ui.app.main``): its password box is drawn, and the
password is given once the window's code has loaded behind it (:mod:`ui.warm_up`), as
when a practitioner types it — so what is timed is what they wait for after Enter: the
key, the opening (with its integrity check), the main window and Today.

``--changed``: as after a day whose closing backup was not made — the record that the
file passed its checks (``<name>.checked``, :mod:`practice.db.checked`) is removed
first, so the opening reads every page.
"""

from __future__ import annotations

import sys
import time
from pathlib import Path

from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication

from ui.safekeeping import unlock_dialog
from ui.warm_up import STEPS

marks: dict[str, float] = {}


def main() -> int:
    database, password_file = sys.argv[1], Path(sys.argv[2])
    password = password_file.read_text(encoding="utf-8").rstrip("\n")
    if "--changed" in sys.argv[3:]:
        from practice.db.checked import forget_checked

        forget_checked(Path(database))
    real_exec = unlock_dialog.UnlockDialog.exec

    def exec_(dialog: unlock_dialog.UnlockDialog) -> int:
        def enter() -> None:
            if STEPS[-1] not in sys.modules:  # still typing, as it were
                QTimer.singleShot(10, enter)
                return
            from ui.first_paint import OnFirstPaint

            app = QApplication.instance()
            assert app is not None
            OnFirstPaint(app, lambda: marks.setdefault("paint", time.perf_counter()), now=True)
            dialog.password.setText(password)
            marks["enter"] = time.perf_counter()
            dialog.accept()

        QTimer.singleShot(0, enter)
        return int(real_exec(dialog))

    unlock_dialog.UnlockDialog.exec = exec_  # type: ignore[method-assign]
    from ui.app import main as app_main

    code = app_main(["--database", database, "--exit-when-shown"])
    if code != 0 or "paint" not in marks:
        print("the practice did not open", file=sys.stderr)
        return 1
    print(f"{(marks['paint'] - marks['enter']) * 1000:.1f}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
