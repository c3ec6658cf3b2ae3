"""Make every packaged icon from the one source image, ``resources/app/practice-manager.svg``.

``python scripts/make_icons.py [--output build/icons]`` writes:

- ``hicolor/<N>x<N>/apps/practice-manager.png`` (16 … 512) and
  ``hicolor/scalable/apps/practice-manager.svg``: the Linux icon theme folders that
  ``make install-desktop`` copies into ``~/.local/share/icons``;
- ``practice-manager.ico`` (Windows) and ``practice-manager.icns`` (macOS), through Pillow;
- ``practice-manager.png`` (512 px) for anything else.

``build.spec`` calls :func:`make_icons` itself, so ``pyinstaller build.spec`` alone works.
Qt draws the SVG (offscreen), Pillow writes the .ico and .icns; both come with the
``[build]`` extra.
"""

from __future__ import annotations

import argparse
import os
import shutil
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SOURCE = ROOT / "resources" / "app" / "practice-manager.svg"
NAME = "practice-manager"
PNG_SIZES = (16, 24, 32, 48, 64, 128, 256, 512)
ICO_SIZES = (16, 24, 32, 48, 64, 128, 256)


def _render_pngs(folder: Path) -> dict[int, Path]:
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from PySide6.QtCore import QRectF, QSize, Qt
    from PySide6.QtGui import QGuiApplication, QImage, QPainter
    from PySide6.QtSvg import QSvgRenderer

    _app = QGuiApplication.instance() or QGuiApplication(sys.argv[:1])
    renderer = QSvgRenderer(str(SOURCE))
    if not renderer.isValid():
        raise SystemExit(f"{SOURCE} is not a valid SVG")
    made: dict[int, Path] = {}
    for size in PNG_SIZES:
        image = QImage(QSize(size, size), QImage.Format.Format_ARGB32)
        image.fill(Qt.GlobalColor.transparent)
        painter = QPainter(image)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        renderer.render(painter, QRectF(0, 0, size, size))
        painter.end()
        target = folder / "hicolor" / f"{size}x{size}" / "apps" / f"{NAME}.png"
        target.parent.mkdir(parents=True, exist_ok=True)
        partial = target.with_name(target.name + ".partial.png")
        if not image.save(str(partial), "PNG"):
            raise SystemExit(f"cannot write {target}")
        os.replace(partial, target)
        made[size] = target
    return made


def theme_icons(folder: Path) -> tuple[dict[int, Path], Path]:
    """The icon-theme folders (``hicolor/…``) under ``folder``: the PNGs by size and the
    scalable SVG. Qt only (no Pillow): ``make install-desktop`` uses this."""
    folder.mkdir(parents=True, exist_ok=True)
    pngs = _render_pngs(folder)
    scalable = folder / "hicolor" / "scalable" / "apps" / f"{NAME}.svg"
    scalable.parent.mkdir(parents=True, exist_ok=True)
    partial = scalable.with_name(scalable.name + ".partial")
    shutil.copyfile(SOURCE, partial)
    os.replace(partial, scalable)
    return pngs, scalable


def make_icons(folder: Path) -> dict[str, Path]:
    """Write every icon into ``folder``; return the paths by kind (png, ico, icns, svg)."""
    from PIL import Image

    pngs, scalable = theme_icons(folder)
    largest = Image.open(pngs[512]).convert("RGBA")
    paths = {
        "png": folder / f"{NAME}.png",
        "ico": folder / f"{NAME}.ico",
        "icns": folder / f"{NAME}.icns",
        "svg": scalable,
    }
    for kind in ("png", "ico", "icns"):
        partial = paths[kind].with_name(f"{NAME}.partial.{kind}")
        if kind == "ico":
            largest.save(partial, format="ICO", sizes=[(s, s) for s in ICO_SIZES])
        elif kind == "icns":
            largest.save(partial, format="ICNS")
        else:
            largest.save(partial, format="PNG")
        os.replace(partial, paths[kind])
    return paths


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--output", type=Path, default=ROOT / "build" / "icons")
    args = parser.parse_args()
    for kind, path in make_icons(args.output).items():
        print(f"{kind}: {path}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
