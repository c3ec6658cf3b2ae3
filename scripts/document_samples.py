"""The sample documents in docs/: the sample agreement and the pictures of every script.

    .venv/bin/python scripts/document_samples.py

* ``docs/sample-agreement.pdf`` and ``.png`` (page 1): enrolment 1 of the sample
  practice made with ``practice demo --seed 7 --today 2026-11-21``, on A4; the same
  agreement on Letter goes to ``--letter`` (default: a temporary file) to look at.
* ``docs/scripts/<script>.png``: the top of page 1 of an agreement for a client written
  in each script (tests/documents/script_samples.py), rendered at 80 dpi with pdftoppm
  (poppler-utils), as looked at when checking that each script prints.
"""

from __future__ import annotations

import argparse
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from practice.cli.main import main as cli  # noqa: E402
from practice.db import open_database  # noqa: E402
from practice.documents.agreement import agreement_pdf  # noqa: E402
from practice.models import PageSize  # noqa: E402
from practice.services.profile import update_profile  # noqa: E402
from tests.documents.factories import set_profile  # noqa: E402
from tests.documents.script_samples import SAMPLES, enrol_sample  # noqa: E402

DOCS = ROOT / "docs"


def _png(pdf: Path, target: Path, *, dpi: int, crop_height: int | None = None) -> None:
    """Page 1 of ``pdf`` as ``target`` (the top ``crop_height`` pixels when given)."""
    args = ["pdftoppm", "-png", "-r", str(dpi), "-f", "1", "-l", "1", "-singlefile"]
    if crop_height:
        args += ["-x", "0", "-y", "0", "-W", str(round(8.27 * dpi)), "-H", str(crop_height)]
    subprocess.run([*args, str(pdf), str(target.with_suffix(""))], check=True)


def sample_agreement(folder: Path, letter: Path) -> None:
    database = folder / "sample.db"
    args = ["--database", str(database), "demo", "--seed", "7", "--today", "2026-11-21"]
    if cli([*args, "--quiet"]) != 0:
        raise SystemExit("could not make the sample practice")
    db = open_database(database)
    try:
        (DOCS / "sample-agreement.pdf").write_bytes(agreement_pdf(db, 1))
        update_profile(db, page_size=PageSize.LETTER)
        letter.write_bytes(agreement_pdf(db, 1))
    finally:
        db.close()
    _png(DOCS / "sample-agreement.pdf", DOCS / "sample-agreement.png", dpi=80)


def script_pictures(folder: Path) -> None:
    target = DOCS / "scripts"
    target.mkdir(exist_ok=True)
    db = open_database(folder / "scripts.db")
    try:
        set_profile(db)
        for sample in SAMPLES:
            pdf = folder / f"{sample.script}.pdf"
            pdf.write_bytes(agreement_pdf(db, enrol_sample(db, sample)))
            _png(pdf, target / f"{sample.script}.png", dpi=80, crop_height=400)
    finally:
        db.close()


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--letter", type=Path, default=None, help="where the Letter copy goes")
    options = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        letter = options.letter or folder / "sample-agreement-letter.pdf"
        sample_agreement(folder, letter)
        script_pictures(folder)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
