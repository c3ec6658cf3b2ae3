"""Put Practice Manager in the desktop's menu: ``make install-desktop``.

Writes ``applications/practice-manager.desktop`` and the icons
(``icons/hicolor/<size>/apps/practice-manager.png`` and the scalable SVG) under the
user's data folder: ``$XDG_DATA_HOME``, else ``~/.local/share``. The entry starts the
built app (``dist/Practice Manager/practice-manager``) when it is there, else
``practice-manager`` from PATH (``pipx install .``). ``--remove`` takes them away again.
Every file is written under a temporary name and renamed into place.
"""

from __future__ import annotations

import argparse
import os
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from make_icons import NAME, PNG_SIZES, ROOT, theme_icons  # noqa: E402

TEMPLATE = ROOT / "packaging" / "linux" / f"{NAME}.desktop"


def data_home(given: str | None) -> Path:
    if given:
        return Path(given).expanduser()
    env = os.environ.get("XDG_DATA_HOME", "")
    return Path(env) if env and Path(env).is_absolute() else Path.home() / ".local" / "share"


def exec_line(app_dir: Path | None) -> str:
    """The Exec= value: the built app by its absolute path (quoted), else from PATH."""
    if app_dir is not None:
        program = (app_dir / NAME).resolve()
        if program.is_file() and os.access(program, os.X_OK):
            quoted = str(program).replace("\\", "\\\\").replace('"', '\\"')
            return f'"{quoted}"' if " " in quoted or '"' in quoted else quoted
    return NAME


def desktop_entry(app_dir: Path | None) -> str:
    lines = TEMPLATE.read_text(encoding="utf-8").splitlines()
    return (
        "\n".join(
            f"Exec={exec_line(app_dir)}" if line.startswith("Exec=") else line for line in lines
        )
        + "\n"
    )


def _write(path: Path, data: bytes) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    handle, partial = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.")
    try:
        with os.fdopen(handle, "wb") as out:
            out.write(data)
        os.chmod(partial, 0o644)
        os.replace(partial, path)
    except BaseException:
        Path(partial).unlink(missing_ok=True)
        raise


def installed_paths(home: Path) -> list[Path]:
    icons = home / "icons" / "hicolor"
    return [
        home / "applications" / f"{NAME}.desktop",
        icons / "scalable" / "apps" / f"{NAME}.svg",
        *(icons / f"{size}x{size}" / "apps" / f"{NAME}.png" for size in PNG_SIZES),
    ]


def install(home: Path, app_dir: Path | None) -> list[Path]:
    with tempfile.TemporaryDirectory() as scratch:
        pngs, svg = theme_icons(Path(scratch))
        icons = home / "icons" / "hicolor"
        for size, png in pngs.items():
            _write(icons / f"{size}x{size}" / "apps" / f"{NAME}.png", png.read_bytes())
        _write(icons / "scalable" / "apps" / f"{NAME}.svg", svg.read_bytes())
    entry = home / "applications" / f"{NAME}.desktop"
    _write(entry, desktop_entry(app_dir).encode("utf-8"))
    _refresh(home)
    return installed_paths(home)


def remove(home: Path) -> list[Path]:
    removed = [path for path in installed_paths(home) if path.exists()]
    for path in removed:
        path.unlink()
    _refresh(home)
    return removed


def _refresh(home: Path) -> None:
    """Tell the desktop about the change, where its tools are installed (optional)."""
    for command in (
        ["update-desktop-database", str(home / "applications")],
        [
            "gtk-update-icon-cache",
            "--quiet",
            "--ignore-theme-index",
            str(home / "icons" / "hicolor"),
        ],
    ):
        if shutil.which(command[0]) and (home / "applications").is_dir():
            subprocess.run(command, check=False, capture_output=True)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--data-home", help="default: $XDG_DATA_HOME or ~/.local/share")
    parser.add_argument("--app-dir", type=Path, help="the built app's folder, if any")
    parser.add_argument("--remove", action="store_true", help="remove the entry and icons")
    args = parser.parse_args(argv)
    home = data_home(args.data_home)
    if args.remove:
        for path in remove(home):
            print(f"removed {path}")
        return 0
    install(home, args.app_dir)
    entry = home / "applications" / f"{NAME}.desktop"
    print(f"installed {entry} (Exec={exec_line(args.app_dir)}) and icons in {home / 'icons'}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
