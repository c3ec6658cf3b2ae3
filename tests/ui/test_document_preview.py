"""The in-app PDF preview: shows the document, prints it, saves an owner-only copy."""

from __future__ import annotations

import io
import stat
from datetime import date
from pathlib import Path
from typing import Any

import pytest
from pypdf import PdfReader
from PySide6.QtCore import Qt
from PySide6.QtGui import QPageSize
from PySide6.QtPrintSupport import QPrinter
from PySide6.QtWidgets import QFileDialog
from pytestqt.qtbot import QtBot

from practice.db import Database
from practice.documents.agreement import agreement_pdf
from practice.models import AuditEntry
from tests.documents.factories import add_payment, make_enrolment, set_profile
from tests.ui.conftest import MessageBoxes
from ui.documents.actions import safe_filename, show_agreement, show_receipt, show_statement
from ui.documents.preview import DocumentPreviewDialog


def _pages(data: bytes) -> int:
    return len(PdfReader(io.BytesIO(data)).pages)


@pytest.fixture
def enrolment_id(db: Database) -> int:
    set_profile(db)
    return make_enrolment(db, first_name="Ελένη", last_name="Παπαδοπούλου")


@pytest.fixture
def dialog(db: Database, enrolment_id: int, qtbot: QtBot) -> DocumentPreviewDialog:
    data = agreement_pdf(db, enrolment_id)
    dlg = DocumentPreviewDialog(None, "Programme agreement", data, "agreement.pdf")
    qtbot.addWidget(dlg)
    return dlg


def test_preview_loads_every_page(dialog: DocumentPreviewDialog) -> None:
    assert dialog.page_count() > 0
    assert dialog.page_count() == _pages(dialog.pdf_bytes)
    assert dialog.status.text() == f"{dialog.page_count()} pages"


def test_print_renders_the_chosen_pages(dialog: DocumentPreviewDialog, tmp_path: Path) -> None:
    target = tmp_path / "printed.pdf"
    printer = QPrinter(QPrinter.PrinterMode.ScreenResolution)
    printer.setOutputFormat(QPrinter.OutputFormat.PdfFormat)
    printer.setOutputFileName(str(target))
    printer.setPageSize(QPageSize(QPageSize.PageSizeId.Letter))
    dialog.prepare(printer)  # the document is A4: the printer is set to A4 paper
    assert dialog.print_to(printer) == dialog.page_count()
    printed = PdfReader(io.BytesIO(target.read_bytes()))
    assert len(printed.pages) == dialog.page_count()
    box = printed.pages[0].mediabox
    assert (round(float(box.width)), round(float(box.height))) == (595, 842)

    only_second = tmp_path / "second.pdf"
    printer = QPrinter(QPrinter.PrinterMode.ScreenResolution)
    printer.setOutputFormat(QPrinter.OutputFormat.PdfFormat)
    printer.setOutputFileName(str(only_second))
    printer.setFromTo(2, 2)
    assert dialog.print_to(printer) == 1
    assert _pages(only_second.read_bytes()) == 1


def test_save_as_adds_pdf_and_writes_owner_only(
    dialog: DocumentPreviewDialog, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    offered: list[str] = []

    def choose(_parent: object, _title: str, start: str, _filter: str) -> tuple[str, str]:
        offered.append(start)
        return str(tmp_path / "for the client"), "PDF documents (*.pdf)"

    monkeypatch.setattr(QFileDialog, "getSaveFileName", staticmethod(choose))
    dialog.save_button.click()
    saved = tmp_path / "for the client.pdf"
    assert offered and offered[0].endswith("agreement.pdf")
    assert saved.read_bytes() == dialog.pdf_bytes
    assert stat.S_IMODE(saved.stat().st_mode) == 0o600
    assert dialog.saved_to == saved


def test_cancelled_save_writes_nothing(
    dialog: DocumentPreviewDialog, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(QFileDialog, "getSaveFileName", staticmethod(lambda *a: ("", "")))
    dialog.save_document()
    assert dialog.saved_to is None
    assert list(tmp_path.glob("*.pdf")) == []


def test_keyboard_save_and_escape(
    dialog: DocumentPreviewDialog, qtbot: QtBot, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(
        QFileDialog,
        "getSaveFileName",
        staticmethod(lambda *a: (str(tmp_path / "keyed.pdf"), "")),
    )
    with qtbot.waitActive(dialog):
        dialog.show()
        dialog.activateWindow()
    dialog.view.setFocus()
    qtbot.keyClick(dialog.view, Qt.Key.Key_S, Qt.KeyboardModifier.ControlModifier)
    qtbot.waitUntil(lambda: (tmp_path / "keyed.pdf").exists())
    qtbot.keyClick(dialog.view, Qt.Key.Key_Escape)
    qtbot.waitUntil(lambda: not dialog.isVisible())


def test_actions_open_the_preview_and_audit_a_saved_copy(
    db: Database, enrolment_id: int, qtbot: QtBot, tmp_path: Path
) -> None:
    payment_id = add_payment(db, enrolment_id, 40000, date(2026, 3, 3), instalment_number=1)
    for dialog in (
        show_agreement(None, db, enrolment_id),
        show_statement(None, db, enrolment_id),
        show_receipt(None, db, payment_id),
    ):
        assert dialog is not None
        qtbot.addWidget(dialog)
        assert dialog.page_count() >= 1
        assert "Ελένη Παπαδοπούλου" in dialog.windowTitle()
        assert dialog.suggested_filename.endswith(".pdf")
        dialog.save_to(tmp_path / dialog.suggested_filename)
        dialog.close()
    assert len(list(tmp_path.glob("*.pdf"))) == 3
    with db.transaction() as s:
        exports = s.query(AuditEntry).filter_by(action="export").all()
        assert sorted(e.detail for e in exports) == [
            "agreement PDF",
            "receipt PDF",
            "statement PDF",
        ]


def test_unknown_records_are_refused_in_plain_words(
    db: Database, message_boxes: MessageBoxes
) -> None:
    assert show_agreement(None, db, 999) is None
    assert show_receipt(None, db, 999) is None
    assert message_boxes.texts() == [
        "There is no enrolment with id 999.",
        "There is no payment with id 999.",
    ]


def test_safe_filename() -> None:
    assert safe_filename('Agreement: Zoë/Ødegård "AGR-1"') == "Agreement Zoë Ødegård AGR-1"
    assert safe_filename("...") == "document"


def test_the_preview_is_whole_on_the_screen(dialog: DocumentPreviewDialog) -> None:
    free = dialog.screen().availableGeometry()
    assert dialog.height() <= free.height() - 80 and dialog.width() <= free.width() - 40


def test_fit_to_screen_keeps_a_size_that_fits_and_shrinks_one_that_does_not(qtbot: Any) -> None:
    from PySide6.QtCore import QSize
    from PySide6.QtWidgets import QWidget

    from ui.widgets.screen_fit import fit_to_screen

    widget = QWidget()
    qtbot.addWidget(widget)
    free = widget.screen().availableGeometry().size()
    assert fit_to_screen(widget, QSize(300, 200)) == QSize(300, 200)
    too_big = fit_to_screen(widget, QSize(free.width() * 2, free.height() * 2))
    assert too_big == QSize(free.width() - 40, free.height() - 80)
