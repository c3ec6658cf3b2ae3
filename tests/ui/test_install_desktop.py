"""``make install-desktop``: the .desktop entry and the icons in the user's data folder."""

from __future__ import annotations

import configparser
import subprocess
import sys
from pathlib import Path

import pytest
from PySide6.QtGui import QImage

ROOT = Path(__file__).resolve().parents[2]
SCRIPT = ROOT / "scripts" / "install_desktop.py"


def _run(*args: str, env_home: Path | None = None) -> str:
    env = {"PATH": "/usr/bin:/bin", "QT_QPA_PLATFORM": "offscreen", "HOME": str(env_home or "/")}
    if env_home is not None:
        env["XDG_DATA_HOME"] = str(env_home / "xdg")
    done = subprocess.run(
        [sys.executable, str(SCRIPT), *args], capture_output=True, text=True, env=env, check=True
    )
    return done.stdout


def _entry(path: Path) -> configparser.SectionProxy:
    parser = configparser.ConfigParser(interpolation=None)
    parser.optionxform = str  # type: ignore[assignment,method-assign]
    parser.read_string(path.read_text(encoding="utf-8"))
    return parser["Desktop Entry"]


def test_installs_the_entry_and_icons_into_xdg_data_home(tmp_path: Path) -> None:
    app_dir = tmp_path / "dist" / "Practice Manager"
    app_dir.mkdir(parents=True)
    program = app_dir / "practice-manager"
    program.write_text("#!/bin/sh\n", encoding="utf-8")
    program.chmod(0o755)
    _run("--app-dir", str(app_dir), env_home=tmp_path)  # XDG_DATA_HOME, not ~/.local
    home = tmp_path / "xdg"
    entry = _entry(home / "applications" / "practice-manager.desktop")
    assert entry["Name"] == "Practice Manager"
    assert entry["Icon"] == "practice-manager"
    assert entry["Terminal"] == "false"
    assert entry["Exec"] == f'"{program}"'  # the space in the folder's name, quoted
    for size in (16, 48, 256, 512):
        png = home / "icons" / "hicolor" / f"{size}x{size}" / "apps" / "practice-manager.png"
        image = QImage(str(png))
        assert (image.width(), image.height()) == (size, size)
    assert (home / "icons" / "hicolor" / "scalable" / "apps" / "practice-manager.svg").is_file()
    assert not list(home.rglob(".practice-manager*"))  # no temporary files left behind
    assert not (tmp_path / ".local").exists()

    _run("--remove", env_home=tmp_path)
    assert not (home / "applications" / "practice-manager.desktop").exists()
    assert not list((home / "icons").rglob("practice-manager.*"))


def test_without_a_built_app_the_entry_starts_the_installed_command(tmp_path: Path) -> None:
    _run("--data-home", str(tmp_path / "share"), "--app-dir", str(tmp_path / "nothing"))
    entry = _entry(tmp_path / "share" / "applications" / "practice-manager.desktop")
    assert entry["Exec"] == "practice-manager"


@pytest.mark.parametrize("given", ["", "relative/path"])
def test_an_unset_or_relative_xdg_data_home_means_local_share(tmp_path: Path, given: str) -> None:
    sys.path.insert(0, str(SCRIPT.parent))
    try:
        import install_desktop
    finally:
        sys.path.remove(str(SCRIPT.parent))
    with pytest.MonkeyPatch.context() as patch:
        patch.setenv("XDG_DATA_HOME", given)
        patch.setenv("HOME", str(tmp_path))
        assert install_desktop.data_home(None) == tmp_path / ".local" / "share"
