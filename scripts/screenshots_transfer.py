"""Screenshots of importing clients (columns, then the check before importing) and of the
note search, into ``docs/screenshots/``. ``scripts/screenshots.py`` takes them with every
other page; run this alone to take only these three:

    QT_QPA_PLATFORM=offscreen .venv/bin/python scripts/screenshots_transfer.py
"""

from __future__ import annotations

import argparse
import os
import sys
import tempfile
from collections.abc import Callable
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from PySide6.QtCore import QCoreApplication, QSettings  # noqa: E402
from PySide6.QtWidgets import QApplication, QWidget  # noqa: E402

from practice.db import Database, open_database  # noqa: E402
from practice.demo import generate_demo  # noqa: E402
from ui.context import AppContext  # noqa: E402
from ui.main_window import MainWindow  # noqa: E402

#: An invented export from another practice tool (Jane-style headings), with the
#: problems real files have: a row without a name, an impossible date, a repeated email.
SAMPLE_CSV = (
    "Patient ID;First Name;Last Name;Preferred Name;Email;Mobile Phone;Birth Date;"
    "Address;City;Postal;Referred By;Patient Status\r\n"
    "1041;Maëlle;Durand;;maelle.durand@example.net;07700 900512;14/03/1986;"
    "12 Orchard Row;Bristol;BS6 5AB;Dr Okafor (GP);Active\r\n"
    "1042;Oskar;Nyström;Ossi;oskar@example.org;07700 900233;02/11/1979;;Bath;BA1 2QQ;"
    "Instagram;Active\r\n"
    "1043;Priya;Raman;;priya.raman@example.com;;30/02/1991;;;;Friend;Active\r\n"
    "1044;;;;no-name@example.org;07700 900999;;;;;;Inactive\r\n"
    "1045;Siobhán;Kelly;Shiv;s.kelly@example.ie;07700 900871;21/07/1990;"
    "4 Quay Street;Galway;H91 X2YZ;Website;Inactive\r\n"
    "1046;Tomasz;Wójcik;;maelle.durand@example.net;07700 900640;09/09/1968;;;;;Prospective\r\n"
    "1047;Amara;Okeke;;amara.okeke@example.com;07700 900118;05/05/2001;"
    "Flat 2, 9 Hill Road;Cardiff;CF10 1AA;Google;Active\r\n"
)

Save = Callable[[QWidget, Path, str, QApplication], Path]


def take_transfer(
    window: MainWindow, db: Database, folder: Path, app: QApplication, save: Save
) -> None:
    from ui.search.search_window import NoteSearchWindow
    from ui.transfer.import_wizard import ImportClientsWizard

    with tempfile.TemporaryDirectory(prefix="practice-import-") as tmp:
        sheet = Path(tmp) / "clients-from-jane.csv"
        sheet.write_bytes(SAMPLE_CSV.encode("cp1252"))
        wizard = ImportClientsWizard(window.ctx, sheet, window)
        wizard.resize(1040, 680)
        wizard.show()
        save(wizard, folder, "import-1-columns", app)
        wizard.next()
        save(wizard, folder, "import-2-check", app)
        wizard.close()
    search = NoteSearchWindow(window.ctx, window)
    search.resize(1040, 560)
    search.show()
    search.search.setText("father grief")
    search.run_search()
    save(search, folder, "note-search", app)
    search.close()


def main(argv: list[str] | None = None) -> int:
    sys.path.insert(0, str(Path(__file__).resolve().parent))
    from screenshots import FAILURES, SIZE, _record_failure, save

    from ui import errors
    from ui.app import configure_application

    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--output", type=Path, default=Path("docs/screenshots"))
    args = parser.parse_args(argv)
    args.output.mkdir(parents=True, exist_ok=True)
    configure_application()
    errors.report_exception = _record_failure
    app = QApplication(sys.argv[:1])
    with tempfile.TemporaryDirectory(prefix="practice-screenshots-") as tmp:
        folder = Path(tmp)
        QSettings.setDefaultFormat(QSettings.Format.IniFormat)
        QSettings.setPath(QSettings.Format.IniFormat, QSettings.Scope.UserScope, str(folder))
        QCoreApplication.setApplicationName("PracticeManagerScreenshots")
        db = open_database(folder / "sample-practice.db")
        try:
            generate_demo(db, clients=30, seed=2024)
            ctx = AppContext(
                db, QSettings(str(folder / "settings.ini"), QSettings.Format.IniFormat)
            )
            window = MainWindow(ctx, sample=True)
            window.resize(*SIZE)
            window.show()
            take_transfer(window, db, args.output, app, save)
            window.close()
        finally:
            db.close()
    return 1 if FAILURES else 0


if __name__ == "__main__":
    sys.exit(main())
