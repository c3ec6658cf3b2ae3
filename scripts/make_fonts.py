"""Rebuild the script fonts in resources/fonts/ from Debian's font packages.

The documents set every script a client's name can be written in (see
practice/documents/fonts.py). DejaVu Sans and Droid Sans Fallback were already shipped;
this script copies the Noto faces for Arabic, Hebrew, Devanagari and Thai and cuts
Symbola down to its emoji and pictograph blocks (monochrome, so reportlab can embed it).

    apt-get install fonts-noto-core fonts-symbola
    .venv/bin/pip install fonttools
    .venv/bin/python scripts/make_fonts.py

Noto CJK is not used: Debian ships it as OpenType/CFF collections, which reportlab
cannot embed; Droid Sans Fallback (TrueType) covers Chinese, Japanese and Korean.
"""

from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path

FONTS = Path(__file__).resolve().parent.parent / "resources" / "fonts"
NOTO = Path("/usr/share/fonts/truetype/noto")
SYMBOLA = Path("/usr/share/fonts/truetype/ancient-scripts/Symbola_hint.ttf")

NOTO_FACES = [
    f"NotoSans{script}-{weight}.ttf"
    for script in ("Arabic", "Hebrew", "Devanagari", "Thai")
    for weight in ("Regular", "Bold")
]

#: Emoji, pictographs and the symbol blocks emoji are drawn from.
EMOJI_BLOCKS = (
    "U+2300-23FF,U+2600-27BF,U+2B00-2BFF,U+3030,U+303D,U+3297,U+3299,"
    "U+1F100-1F1FF,U+1F300-1F6FF,U+1F900-1F9FF,U+FE0E,U+FE0F,U+200D,U+20E3"
)


def main() -> int:
    for name in NOTO_FACES:
        shutil.copyfile(NOTO / name, FONTS / name)
    subprocess.run(
        [
            sys.executable,
            "-m",
            "fontTools.subset",
            str(SYMBOLA),
            f"--unicodes={EMOJI_BLOCKS}",
            "--layout-features=*",
            "--no-hinting",
            f"--output-file={FONTS / 'Symbola-Emoji.ttf'}",
        ],
        check=True,
    )
    total = sum(p.stat().st_size for p in FONTS.glob("*.ttf"))
    print(f"resources/fonts: {total / 1024 / 1024:.1f} MB of fonts", file=sys.stderr)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
