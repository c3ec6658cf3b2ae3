"""Open a client document in the preview: what the pages call.

``show_agreement(parent, db, enrolment_id)``, ``show_receipt(parent, db, payment_id)`` and
``show_statement(parent, db, enrolment_id)`` make the PDF (with the wait cursor), open
:class:`~ui.documents.preview.DocumentPreviewDialog` window-modally and return it. A
refusal (the record no longer exists) is shown in plain words and returns ``None``.
Saving from the preview writes the file owner-only and notes the export in the audit
trail.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QMessageBox, QWidget

from practice.db import Database
from practice.errors import PracticeError
from practice.models import PaymentKind
from practice.timeutil import today
from ui.documents.preview import DocumentPreviewDialog
from ui.errors import report_exception

if TYPE_CHECKING:
    from practice.services.printable import Unprintable


@contextmanager
def _waiting() -> Iterator[None]:
    QApplication.setOverrideCursor(Qt.CursorShape.WaitCursor)
    try:
        yield
    finally:
        QApplication.restoreOverrideCursor()


def safe_filename(text: str) -> str:
    """A file name every system accepts: no path separators or reserved characters."""
    cleaned = re.sub(r'[\\/:*?"<>|\x00-\x1f]+', " ", text)
    return re.sub(r"\s+", " ", cleaned).strip(" .") or "document"


def confirm_printable(parent: QWidget | None, problems: list[Unprintable]) -> bool:
    """Warn, naming each client and field, when some characters will print as a box;
    True when there is nothing to warn about or the practitioner opens it anyway."""
    if not problems:
        return True
    from practice.services.printable import warning

    answer = QMessageBox.question(
        parent,
        "Characters that cannot be printed",
        warning(problems) + "\n\nOpen the document anyway?",
        QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No,
        QMessageBox.StandardButton.No,
    )
    return answer == QMessageBox.StandardButton.Yes


def _open(
    parent: QWidget | None,
    title: str,
    make: Callable[[], bytes],
    filename: str,
    save: Callable[[bytes, Path], None],
) -> DocumentPreviewDialog | None:
    try:
        with _waiting():
            data = make()
    except PracticeError as exc:
        report_exception(exc, parent)
        return None
    dialog = DocumentPreviewDialog(
        parent,
        title,
        data,
        safe_filename(filename) + ".pdf",
        saver=lambda path: save(data, path),
    )
    dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
    dialog.open()
    return dialog


def show_agreement(
    parent: QWidget | None, db: Database, enrolment_id: int
) -> DocumentPreviewDialog | None:
    """Preview the programme agreement of ``enrolment_id``, to print or save."""
    # the documents (reportlab, the fonts) load on first use, not at start-up
    from practice.documents.agreement import agreement_pdf, agreement_reference, agreement_title
    from practice.documents.common import export_pdf
    from practice.documents.loading import load_enrolment
    from practice.services.printable import unprintable_in_enrolment

    try:
        record = load_enrolment(db, enrolment_id)
        problems = unprintable_in_enrolment(db, enrolment_id)
    except PracticeError as exc:
        report_exception(exc, parent)
        return None
    if not confirm_printable(parent, problems):
        return None
    reference = agreement_reference(enrolment_id, record.agreed_on or today())
    return _open(
        parent,
        f"{agreement_title(record)} — {record.client_name}",
        lambda: agreement_pdf(db, enrolment_id),
        f"Agreement {record.client_name} {reference}",
        lambda data, path: export_pdf(
            db, data, path, entity="enrolment", entity_id=enrolment_id, document="agreement"
        ),
    )


def show_statement(
    parent: QWidget | None, db: Database, enrolment_id: int
) -> DocumentPreviewDialog | None:
    """Preview today's statement of ``enrolment_id``, to print or save."""
    from practice.documents.common import export_pdf
    from practice.documents.loading import load_enrolment
    from practice.documents.statement import statement_pdf, statement_reference
    from practice.services.printable import unprintable_in_enrolment

    try:
        record = load_enrolment(db, enrolment_id)
        problems = unprintable_in_enrolment(db, enrolment_id)
    except PracticeError as exc:
        report_exception(exc, parent)
        return None
    if not confirm_printable(parent, problems):
        return None
    on = today()
    return _open(
        parent,
        f"Statement — {record.client_name}",
        lambda: statement_pdf(db, enrolment_id, on=on),
        f"Statement {record.client_name} {statement_reference(enrolment_id, on)}",
        lambda data, path: export_pdf(
            db, data, path, entity="enrolment", entity_id=enrolment_id, document="statement"
        ),
    )


def show_receipt(
    parent: QWidget | None, db: Database, payment_id: int
) -> DocumentPreviewDialog | None:
    """Preview the receipt for ``payment_id``, to print or save."""
    from practice.documents.common import export_pdf
    from practice.documents.loading import load_enrolment, load_payment
    from practice.documents.receipt import receipt_number, receipt_pdf
    from practice.services.printable import unprintable_in_payment

    try:
        payment, enrolment_id = load_payment(db, payment_id)
        record = load_enrolment(db, enrolment_id)
        problems = unprintable_in_payment(db, payment_id)
    except PracticeError as exc:
        report_exception(exc, parent)
        return None
    if not confirm_printable(parent, problems):
        return None
    refund = payment.kind == PaymentKind.REFUND
    number = receipt_number(payment_id, refund=refund)
    title = "Refund" if refund else "Receipt"
    return _open(
        parent,
        f"{title} {number} — {record.client_name}",
        lambda: receipt_pdf(db, payment_id),
        f"{title} {record.client_name} {number}",
        lambda data, path: export_pdf(
            db, data, path, entity="payment", entity_id=payment_id, document="receipt"
        ),
    )
