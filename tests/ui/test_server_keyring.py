"""A practice server's password kept in a real system keyring (issue 15): GNOME Keyring's
Secret Service, started by the test in a D-Bus session of its own, with a HOME of its
own, so nothing reaches the keyring of whoever runs the tests.

The app runs in a child process (the keyring is found through that session's
environment): the login dialog offers to remember the password, keeps it in the keyring
(encrypted: not in any file as typed), the next opening uses it without asking, and a
password the server no longer takes is forgotten.
"""

from __future__ import annotations

import itertools
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from practice.models import PractitionerRole
from tests.postgres import PostgresServer, as_login

_names = itertools.count(1)
PASSWORD = "kept in the keyring, not a file"

pytestmark = pytest.mark.skipif(
    shutil.which("gnome-keyring-daemon") is None or shutil.which("dbus-run-session") is None,
    reason="needs GNOME Keyring and D-Bus (Debian: gnome-keyring, dbus; make test installs them)",
)

#: Run inside ``dbus-run-session``: unlock a new keyring, then use it as the app does.
CHILD = r"""
import os, subprocess, sys
started = subprocess.run(
    ["gnome-keyring-daemon", "--unlock", "--components=secrets"],
    input=b"the keyring's own password", capture_output=True, check=True,
)
for line in started.stdout.decode().splitlines():
    key, _, value = line.partition("=")
    if key:
        os.environ[key] = value

from PySide6.QtWidgets import QApplication

app = QApplication([])
from practice.db.saved_passwords import keyring_available, saved_password
from practice.db.server import ServerAddress, open_server_database
from ui.safekeeping.server_login import ServerLoginDialog, open_server_interactive

address = ServerAddress.parse(sys.argv[1])
password = sys.argv[2]
phase = sys.argv[3]
assert keyring_available(), "no keyring found"
if phase == "remember":
    assert saved_password(address) is None
    dialog = ServerLoginDialog(address, lambda typed: open_server_database(address, typed))
    assert dialog.remember.isEnabled()
    dialog.password.setText(password)
    dialog.remember.setChecked(True)
    dialog.accept()
    assert dialog.db is not None, dialog.error.text()
    dialog.db.close()
    assert saved_password(address) == password
    again = open_server_interactive(address)  # no dialog: it would wait for a person
    assert again is not None and again.where.endswith("as noa")
    again.close()
else:  # the password was changed on the server since
    assert saved_password(address) == password
    from PySide6.QtCore import QTimer

    asked = []

    def quit_when_asked():
        dialog = QApplication.activeModalWidget()
        asked.append(dialog.error.text())
        dialog.reject()  # the person presses Quit

    QTimer.singleShot(0, quit_when_asked)
    assert open_server_interactive(address) is None  # asked again, and left
    assert asked == ["The remembered password no longer opens the practice; enter it again."]
    assert saved_password(address) is None  # forgotten
print("ok")
"""


def run_child(home: Path, address: str, phase: str) -> str:
    env = {k: v for k, v in os.environ.items() if k != "PYTHON_KEYRING_BACKEND"}
    env |= {"HOME": str(home), "XDG_DATA_HOME": str(home / "data"), "QT_QPA_PLATFORM": "offscreen"}
    env.pop("DBUS_SESSION_BUS_ADDRESS", None)
    done = subprocess.run(
        ["dbus-run-session", "--", sys.executable, "-c", CHILD, address, PASSWORD, phase],
        env=env, capture_output=True, text=True, timeout=120, cwd=Path(__file__).parents[2],
    )  # fmt: skip
    assert done.returncode == 0, done.stderr[-3000:]
    return done.stdout


def test_the_password_is_kept_in_the_keyring_and_forgotten_when_it_stops_working(
    postgres: PostgresServer, tmp_path: Path
) -> None:
    members = [("Noa Levi", "noa", PractitionerRole.PRACTITIONER)]
    noa = as_login(postgres.team_practice(f"keyring_{next(_names)}", members, PASSWORD), "noa")
    home = tmp_path / "home"
    home.mkdir()

    assert run_child(home, noa, "remember").strip().endswith("ok")
    kept = [p for p in home.rglob("*") if p.is_file()]
    assert kept, "the keyring wrote nothing"
    assert not [p for p in kept if PASSWORD.encode() in p.read_bytes()]  # never as typed

    postgres.execute("ALTER ROLE noa PASSWORD 'changed by the administrator'")
    assert run_child(home, noa, "changed").strip().endswith("ok")
