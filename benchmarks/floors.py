"""Start-up, the command line and an agreement, each measured against its floor in the
same run (issue 14): the ratio is what the app adds to what it cannot avoid.

    .venv/bin/python benchmarks/floors.py --reuse LIFETIME.db  # the practice measured
    .venv/bin/python benchmarks/floors.py                  # makes a 2,000-client one first
    .venv/bin/python benchmarks/floors.py --write-results  # also into RESULTS.md
    .venv/bin/python benchmarks/floors.py --tiny --output DIR  # what `make test` runs

Every measurement of a whole program is a fresh process, the app and its floor in turn
(A, B, A, B …) so a busy machine slows both alike; each figure is the median. Peak
memory is each process's own maximum resident size (``os.wait4``). Writes
``floors.json`` (beside RESULTS.md, or into ``--output``); no test asserts a time.
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from dataclasses import asdict, dataclass
from datetime import date
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent))
from results import markers, write_block  # noqa: E402

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent
START, END = markers("floors")


@dataclass(frozen=True)
class Run:
    seconds: float
    peak_mib: float


@dataclass(frozen=True)
class Figure:
    name: str
    seconds: float
    floor_name: str
    floor_seconds: float
    peak_mib: float
    floor_peak_mib: float
    target: str

    @property
    def ratio(self) -> float:
        return self.seconds / self.floor_seconds if self.floor_seconds else float("nan")

    @property
    def memory_ratio(self) -> float:
        return self.peak_mib / self.floor_peak_mib if self.floor_peak_mib else float("nan")


def run_once(command: list[str], env: dict[str, str]) -> Run:
    """Run ``command`` to its end; its wall time and its own peak resident size."""
    started = time.perf_counter()
    process = subprocess.Popen(
        command, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL
    )
    _pid, status, usage = os.wait4(process.pid, 0)
    seconds = time.perf_counter() - started
    if os.waitstatus_to_exitcode(status) != 0:
        raise RuntimeError(f"{' '.join(command)} failed")
    kib = usage.ru_maxrss if sys.platform != "darwin" else usage.ru_maxrss // 1024
    return Run(seconds, kib / 1024)


def against(
    name: str,
    command: list[str],
    floor_name: str,
    floor: list[str],
    *,
    runs: int,
    env: dict[str, str],
    target: str,
    once: Callable[[list[str], dict[str, str]], Run] = run_once,
) -> Figure:
    """``command`` and its ``floor``, in turn, ``runs`` times each (each run by ``once``:
    the whole program by default); the medians."""
    mine: list[Run] = []
    theirs: list[Run] = []
    once(command, env)  # warm the disk cache for both before timing
    once(floor, env)
    for _ in range(runs):
        mine.append(once(command, env))
        theirs.append(once(floor, env))
    return Figure(
        name,
        statistics.median(r.seconds for r in mine),
        floor_name,
        statistics.median(r.seconds for r in theirs),
        statistics.median(r.peak_mib for r in mine),
        statistics.median(r.peak_mib for r in theirs),
        target,
    )


def printed_once(command: list[str], env: dict[str, str]) -> Run:
    """Run ``command``, which prints the milliseconds of the part it timed itself (no
    memory figure: the part is not the whole process)."""
    done = subprocess.run(command, env=env, capture_output=True, text=True, check=False)
    if done.returncode != 0:
        raise RuntimeError(f"{' '.join(command)} failed: {done.stderr[-1000:]}")
    return Run(float(done.stdout.split()[-1]) / 1000, 0.0)


def encrypted_copy(database: Path, folder: Path, env: dict[str, str]) -> tuple[Path, Path]:
    """The practice measured, encrypted with a password (as a practitioner's is): a copy
    in ``folder``, and the file holding its password. Made in a process of its own: this
    one stays small, as the peak memory of every program it starts counts from its size."""
    folder.mkdir(parents=True, exist_ok=True)
    copy = folder / "encrypted.db"
    shutil.copyfile(database, copy)
    password = "a long, benchmarking passphrase"
    password_file = folder / "password.txt"
    password_file.write_text(password + "\n", encoding="utf-8")
    subprocess.run(
        [
            sys.executable,
            "-c",
            "import sys; from pathlib import Path; "
            "from practice.safekeeping.password import encrypt_plain_database; "
            "encrypt_plain_database(Path(sys.argv[1]), sys.argv[2])",
            str(copy),
            password,
        ],
        env=env,
        check=True,
    )
    return copy, password_file


def in_process(
    name: str,
    action: Callable[[], object],
    floor_name: str,
    floor: Callable[[], object],
    *,
    runs: int,
    target: str,
) -> Figure:
    """Warm timings inside this process (after one run of each), medians."""
    action()
    floor()
    mine, theirs = [], []
    for _ in range(runs):
        started = time.perf_counter()
        action()
        mine.append(time.perf_counter() - started)
        started = time.perf_counter()
        floor()
        theirs.append(time.perf_counter() - started)
    return Figure(
        name, statistics.median(mine), floor_name, statistics.median(theirs), 0, 0, target
    )


def bare_reportlab_pdf() -> bytes:
    """Two pages of text in DejaVu Sans, embedded: what any agreement costs at least."""
    from io import BytesIO

    from reportlab.lib.pagesizes import A4
    from reportlab.lib.styles import ParagraphStyle
    from reportlab.pdfbase import pdfmetrics
    from reportlab.pdfbase.ttfonts import TTFont
    from reportlab.platypus import Paragraph, SimpleDocTemplate

    if "FloorDejaVu" not in pdfmetrics.getRegisteredFontNames():
        pdfmetrics.registerFont(TTFont("FloorDejaVu", str(ROOT / "resources/fonts/DejaVuSans.ttf")))
    style = ParagraphStyle("body", fontName="FloorDejaVu", fontSize=10, leading=14)
    text = " ".join(["The client and the practitioner agree to these terms."] * 12)
    story = [Paragraph(text, style) for _ in range(16)]
    out = BytesIO()
    SimpleDocTemplate(out, pagesize=A4).build(story)
    return out.getvalue()


def make_sample(folder: Path, clients: int, years: int) -> Path:
    """A practice of ``clients`` over ``years`` made in bulk by benchmarks/lifetime.py."""
    path = folder / "sample.db"
    subprocess.run(
        [sys.executable, str(HERE / "lifetime.py"), "--output", str(path)]
        + ["--clients", str(clients), "--years", str(years), "--json-folder", str(folder)],
        check=True,
        cwd=ROOT,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    return path


def measure(database: Path, *, runs: int, home: Path) -> list[Figure]:
    env = {
        **os.environ,
        "HOME": str(home),
        "XDG_DATA_HOME": str(home / "data"),
        "XDG_CONFIG_HOME": str(home / "config"),
        "XDG_STATE_HOME": str(home / "state"),
        "QT_QPA_PLATFORM": os.environ.get("QT_QPA_PLATFORM", "offscreen"),
        "PYTHONPATH": str(ROOT),
    }
    # As on a practitioner's computer, the app's modules are compiled once and the
    # bytecode kept (an installed or packaged app has it; the warm-up run writes it here).
    # In a fresh checkout, a shell that says not to write bytecode would have every
    # measured start compile all of ui/ and practice/ again, which no user waits for.
    env.pop("PYTHONDONTWRITEBYTECODE", None)
    py = sys.executable
    cli = [py, "-m", "practice.cli.main", "--database", str(database)]
    encrypted, password_file = encrypted_copy(database, home / "encrypted", env)
    unlock = [str(encrypted), str(password_file)]
    figures = [
        against(
            "an encrypted practice to its first paint: the password box",
            [py, "-m", "ui.app", "--database", str(encrypted), "--exit-at-first-paint"],
            "a bare PySide6 window with a 100-row table",
            [py, str(HERE / "bare_window.py")],
            runs=runs,
            env=env,
            target="≤ 2× the time, ≤ 1.6× the memory",
        ),
        against(
            "the same practice, from the password's Enter to the main window drawn",
            [py, str(HERE / "unlock_window.py"), *unlock],
            "SQLCipher: the key from the password, and the schema read",
            [py, str(HERE / "unlock_floor.py"), *unlock],
            runs=runs,
            env=env,
            target="—",
            once=printed_once,
        ),
        against(
            "the same, changed since its last check: every page read",
            [py, str(HERE / "unlock_window.py"), *unlock, "--changed"],
            "SQLCipher: the key, quick_check and cipher_integrity_check",
            [py, str(HERE / "unlock_floor.py"), *unlock, "--every-page"],
            runs=runs,
            env=env,
            target="—",
            once=printed_once,
        ),
        against(
            "an unencrypted practice to its first paint (the main window)",
            [py, "-m", "ui.app", "--database", str(database), "--exit-when-shown"],
            "a bare PySide6 window with a 100-row table",
            [py, str(HERE / "bare_window.py")],
            runs=runs,
            env=env,
            target="≤ 2× the time, ≤ 1.6× the memory",
        ),
        against(
            "practice --version",
            [py, "-m", "practice.cli.main", "--version"],
            "python -c pass",
            [py, "-c", "pass"],
            runs=runs,
            env=env,
            target="≤ 2× + 50 ms",
        ),
    ]
    for command in (["clients", "--json"], ["enrolments", "--json"], ["report", "--json"]):
        figures.append(
            against(
                f"practice {' '.join(command)}",
                cli + command,
                'python -c "import sqlalchemy"',
                [py, "-c", "import sqlalchemy"],
                runs=runs,
                env=env,
                target="≤ 0.5 s",
            )
        )
    figures.append(agreement_figure(database, runs=runs))
    return figures


def agreement_figure(database: Path, *, runs: int) -> Figure:
    sys.path.insert(0, str(ROOT))
    from sqlalchemy import select

    from practice.db import open_database
    from practice.documents.agreement import agreement_pdf
    from practice.models import Enrolment

    db = open_database(database, create=False)
    try:
        with db.reading() as s:
            enrolment_id = s.scalar(select(Enrolment.id).order_by(Enrolment.id))
        if enrolment_id is None:
            raise RuntimeError("the sample has no enrolment")
        return in_process(
            "an agreement PDF (warm)",
            lambda: agreement_pdf(db, enrolment_id),
            "bare reportlab, two pages, DejaVu embedded",
            bare_reportlab_pdf,
            runs=runs,
            target="≤ 1.3×",
        )
    finally:
        db.close()


def render(figures: list[Figure], about: str) -> str:
    lines = [
        START,
        "## Against the floor (benchmarks/floors.py)",
        "",
        about,
        "",
        "| what | seconds | floor | floor seconds | ratio | peak MiB | floor MiB | memory ratio "
        "| target |",
        "|---|---:|---|---:|---:|---:|---:|---:|---|",
    ]
    for f in figures:
        memory = (
            f"{f.peak_mib:.0f} | {f.floor_peak_mib:.0f} | {f.memory_ratio:.1f}×"
            if f.peak_mib
            else "— | — | —"
        )
        lines.append(
            f"| {f.name} | {f.seconds:.3f} | {f.floor_name} | {f.floor_seconds:.3f} "
            f"| {f.ratio:.1f}× | {memory} | {f.target} |"
        )
    lines += ["", END]
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--reuse", type=Path, help="measure this practice database")
    parser.add_argument("--clients", type=int, default=2000)
    parser.add_argument("--years", type=int, default=20)
    parser.add_argument("--runs", type=int, default=7)
    parser.add_argument("--tiny", action="store_true", help="3 clients, 1 run: a check")
    parser.add_argument("--output", type=Path, help="write floors.json here")
    parser.add_argument("--write-results", action="store_true", help="also into RESULTS.md")
    args = parser.parse_args(argv)
    if args.tiny:
        args.clients, args.years, args.runs = 3, 2, 1
    with tempfile.TemporaryDirectory(prefix="floors-") as scratch:
        folder = Path(scratch)
        database = args.reuse or make_sample(folder, args.clients, args.years)
        figures = measure(database, runs=args.runs, home=folder / "home")
    about = (
        f"Measured on {date.today().isoformat()} ({platform.machine()}, {os.cpu_count()} cores, "
        f"Python {platform.python_version()}), medians of {args.runs} runs of each, the app "
        "and its floor in turn; "
        + (
            f"database {args.reuse.name}."
            if args.reuse
            else f"a {args.clients}-client, {args.years}-year sample."
        )
    )
    block = render(figures, about)
    print(block)
    out = (args.output or HERE) / "floors.json"
    out.parent.mkdir(parents=True, exist_ok=True)
    data: dict[str, Any] = {
        "about": about,
        "figures": [
            {
                **asdict(f),
                "ratio": f.ratio,
                "memory_ratio": f.memory_ratio if f.peak_mib else None,
            }
            for f in figures
        ],
    }
    temporary = out.with_suffix(".json.part")
    temporary.write_text(json.dumps(data, indent=2, allow_nan=False, default=str), encoding="utf-8")
    temporary.replace(out)
    if args.write_results:
        write_block("floors", block.removeprefix(START).removesuffix(END))
    return 0


if __name__ == "__main__":
    sys.exit(main())
