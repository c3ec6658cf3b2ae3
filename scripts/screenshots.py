"""Screenshots of every page from a freshly made sample practice: ``make screenshots``.

Makes the demo practice in a temporary folder (with temporary settings, so nothing of
the person running it is touched), opens the main window offscreen at a fixed size and
saves a PNG of every page, the client page's tabs, the programme editor and the session
log dialog into ``docs/screenshots/``.
"""

from __future__ import annotations

import argparse
import os
import sys
import tempfile
import traceback
from collections.abc import Callable
from pathlib import Path
from typing import Any

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from PySide6.QtCore import QCoreApplication, QSettings  # noqa: E402
from PySide6.QtWidgets import QApplication, QWidget  # noqa: E402

from practice.db import Database, open_database  # noqa: E402
from practice.demo import generate_demo  # noqa: E402
from practice.economics.enrolment import enrolment_rows  # noqa: E402
from practice.models import ClientStatus, EnquiryOutcome, EnrolmentStatus  # noqa: E402
from practice.services.clients import list_clients  # noqa: E402
from practice.services.enquiries import list_enquiries  # noqa: E402
from practice.timeutil import today  # noqa: E402
from ui import errors  # noqa: E402
from ui.app import configure_application  # noqa: E402
from ui.context import AppContext  # noqa: E402
from ui.main_window import MainWindow  # noqa: E402

SIZE = (1280, 800)

#: What the session log dialog shows being typed (an invented, non-identifying note).
SAMPLE_NOTE = (
    "Arrived a little tired after a long week. We looked back at the sleep diary: three "
    "good nights out of five, and the evenings without screens helped most.\n\n"
    "Talked through the conversation with her manager; she wants to try it before our "
    "next session and will rehearse the opening line."
)

#: Errors met while taking the screenshots (shown at the end; the script then fails).
FAILURES: list[str] = []
#: Save only the screenshots whose names start with one of these (``--only``); all if empty.
ONLY: list[str] = []


def _record_failure(exc: BaseException, parent: object = None) -> None:
    """No message box offscreen (it would wait for a click): note the error instead."""
    text = "".join(traceback.format_exception(exc))
    print(text, file=sys.stderr)
    FAILURES.append(f"{type(exc).__name__}: {exc}")


DIALOG_SIZE = (900, 720)


def settle(app: QApplication) -> None:
    for _ in range(3):
        app.processEvents()


def save(widget: QWidget, folder: Path, name: str, app: QApplication) -> Path:
    settle(app)
    path = folder / f"{name}.png"
    if ONLY and not any(name.startswith(prefix) for prefix in ONLY):
        return path
    if not widget.grab().save(str(path)):
        raise SystemExit(f"could not write {path}")
    print(f"  {path}")
    return path


def busiest_client(db: Database) -> int:
    """The client of the active enrolment with the most sessions used: a full page."""
    rows = enrolment_rows(db, statuses=[EnrolmentStatus.ACTIVE], today=today())
    if not rows:
        raise SystemExit("the sample practice has no active enrolment to show")
    return max(rows, key=lambda r: (r.sessions_used, -r.id)).client_id


def take(window: MainWindow, db: Database, folder: Path, app: QApplication) -> None:
    for number, key in enumerate(window.page_keys, start=1):
        window.show_page(key)
        getattr(window.page(key), "wait_until_idle", lambda: None)()  # figures made off-thread
        if key == "enrol":  # an enquirer about to start: the preview of dates and payments
            enquirers = list_clients(db, statuses=[ClientStatus.ENQUIRY])
            if enquirers:
                window.page(key).open_item(enquirers[0].id)  # type: ignore[attr-defined]
        if key == "programmes":
            page = window.page(key)
            model = getattr(page, "model", None)
            if model is not None and model.rowCount():
                page.open_item(model.row_at(0).id)  # type: ignore[attr-defined]
        save(window, folder, f"{number:02d}-{key}", app)

    if "settings" in window.page_keys:  # the agreement terms editor
        window.show_page("settings")
        settings: Any = window.page("settings")
        settings.tabs.setCurrentWidget(settings.terms)
        save(window, folder, "settings-terms", app)
        settings.tabs.setCurrentIndex(0)
        # The practice details the terms use, scrolled into view on the profile tab.
        box = settings.term_fields["payment_details"].parentWidget()
        scroll = box.parentWidget()
        while scroll is not None and not hasattr(scroll, "ensureWidgetVisible"):
            scroll = scroll.parentWidget()
        if scroll is not None:
            scroll.ensureWidgetVisible(settings.term_fields["data_protection_number"])
        save(window, folder, "settings-terms-details", app)

    if "enquiries" in window.page_keys:  # an enquirer who was referred on, with the referral
        referred = list_enquiries(db, outcomes=EnquiryOutcome.REFERRED)
        if referred:
            window.ctx.navigate.emit("enquiries", referred[0].id)
            save(window, folder, "enquiries-referred", app)
    if "directory" in window.page_keys:  # the resource library tab
        window.show_page("directory")
        directory = window.page("directory")
        directory.tabs.setCurrentIndex(1)  # type: ignore[attr-defined]
        save(window, folder, "directory-resources", app)
        directory.tabs.setCurrentIndex(0)  # type: ignore[attr-defined]

    if "reports" in window.page_keys:  # the year so far, every tab of the Reports page
        reports: Any = window.page("reports")
        window.show_page("reports")
        reports.period_bar.kind.setCurrentIndex(reports.period_bar.kind.findData("year"))
        reports.wait_until_idle()
        for index in range(reports.tabs.count()):
            reports.tabs.setCurrentIndex(index)
            tab = reports.tabs.tabText(index).lower().replace(" ", "-")
            save(window, folder, "reports" if index == 0 else f"reports-{tab}", app)
        reports.tabs.setCurrentIndex(0)

    if "clients" in window.page_keys:
        client_id = busiest_client(db)
        window.ctx.navigate.emit("clients", client_id)
        clients = window.page("clients")
        client_page = clients.client_page  # type: ignore[attr-defined]
        for index in range(client_page.tabs.count()):
            client_page.tabs.setCurrentIndex(index)
            tab = client_page.tabs.tabText(index).lower().replace(" ", "-")
            save(window, folder, f"client-{index + 1}-{tab}", app)
        client_page.tabs.setCurrentIndex(0)
        dialogs: list[tuple[str, Callable[[], QWidget]]] = []
        from ui.dialogs.session_log import SessionLogDialog

        def log_dialog() -> QWidget:
            dialog = SessionLogDialog(window.ctx, window, client_id=client_id)
            dialog.notes.setPlainText(SAMPLE_NOTE)
            dialog.new_description.setText("Notice one moment of calm each day and jot it down")
            dialog.add_item_button.click()
            return dialog

        dialogs.append(("dialog-log-session", log_dialog))
        for name, make in dialogs:
            dialog = make()
            dialog.resize(*DIALOG_SIZE)
            dialog.show()
            save(dialog, folder, name, app)
            dialog.close()
        save_agreement_preview(window, db, client_id, folder, app)

    save_about(window, folder, app)

    from screenshots_transfer import take_transfer  # importing clients, note search

    take_transfer(window, db, folder, app, save)


def save_agreement_preview(
    window: MainWindow, db: Database, client_id: int, folder: Path, app: QApplication
) -> None:
    """The agreement of the client's newest enrolment in its preview, at its own size
    (it fits a 768-pixel-high screen)."""
    from practice.services.enrolments import list_enrolments
    from ui.documents.actions import show_agreement

    enrolments = list_enrolments(db, client_id=client_id)
    if not enrolments:
        return
    newest = max(enrolments, key=lambda e: (e.start_date, e.id))
    dialog = show_agreement(window, db, newest.id)
    if dialog is None:
        return
    settle(app)
    save(dialog, folder, "dialog-agreement-preview", app)
    dialog.close()


def save_about(window: MainWindow, folder: Path, app: QApplication) -> None:
    """Help › About, at its own size. Its places are shown as on a practitioner's Linux
    laptop with an encrypted practice, not this script's temporary, unencrypted sample."""
    from dataclasses import replace

    from ui.dialogs.about import AboutDialog, about_facts

    data = Path("/home/sam/.local/share/PracticeManager")
    facts = replace(
        about_facts(window.ctx.db),
        database=data / "practice.db",
        encrypted=True,
        backups=data / "backups",
        log_file=Path("/home/sam/.local/state/PracticeManager/log/practice-manager.log"),
    )
    dialog = AboutDialog(facts, window)
    dialog.show()
    save(dialog, folder, "dialog-about", app)
    dialog.close()


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--output", type=Path, default=Path("docs/screenshots"))
    parser.add_argument("--clients", type=int, default=30)
    parser.add_argument("--seed", type=int, default=2024)
    parser.add_argument(
        "--only", nargs="*", default=[], help="save only screenshots whose names start so"
    )
    args = parser.parse_args(argv)
    ONLY[:] = args.only
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
            print("Making the sample practice…")
            generate_demo(db, clients=args.clients, seed=args.seed)
            ctx = AppContext(
                db, QSettings(str(folder / "settings.ini"), QSettings.Format.IniFormat)
            )
            from ui.appearance import Appearance

            Appearance(app, ctx.settings).apply()  # the palette users see (light, readable)
            window = MainWindow(ctx, sample=True)
            window.resize(*SIZE)
            window.show()
            print(f"Saving screenshots to {args.output}/")
            take(window, db, args.output, app)
            window.close()
        finally:
            db.close()
    if FAILURES:
        print("Errors while taking screenshots:\n  " + "\n  ".join(FAILURES), file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
