"""A PDF shown inside the app (Qt PDF), with Print… and Save as….

The document is never written anywhere until the practitioner saves it; a saved copy
is readable by its owner only. Keyboard: Ctrl+P prints, Ctrl+S saves, Ctrl+plus and
Ctrl+minus zoom, Esc closes.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import (
    QBuffer,
    QByteArray,
    QIODevice,
    QPointF,
    QRectF,
    QSettings,
    QSize,
    QStandardPaths,
)
from PySide6.QtGui import QPageSize, QPainter
from PySide6.QtPdf import QPdfDocument
from PySide6.QtPdfWidgets import QPdfView
from PySide6.QtPrintSupport import QPrintDialog, QPrinter
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QLabel,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from practice.errors import PracticeError
from ui.errors import guarded, show_refusal
from ui.shortcuts import register_preview_keys
from ui.widgets.screen_fit import fit_to_screen

#: Pages are rendered for the printer at this resolution at most (sharp, not huge).
PRINT_DPI = 300
SETTINGS_FOLDER_KEY = "documents/last_folder"

#: Writes the document to a path (the default writes it owner-only).
Saver = Callable[[Path], None]


class DocumentPreviewDialog(QDialog):
    """Shows ``pdf_bytes``; Print… sends it to a printer, Save as… writes it to a file."""

    def __init__(
        self,
        parent: QWidget | None,
        title: str,
        pdf_bytes: bytes,
        suggested_filename: str,
        *,
        saver: Saver | None = None,
    ) -> None:
        super().__init__(parent)
        self.setWindowTitle(title)
        self.setObjectName("documentPreview")
        self.pdf_bytes = pdf_bytes
        self.suggested_filename = suggested_filename
        self._saver = saver
        self.saved_to: Path | None = None

        self._data = QByteArray(pdf_bytes)
        self._buffer = QBuffer(self._data, self)
        self._buffer.open(QIODevice.OpenModeFlag.ReadOnly)
        self.document = QPdfDocument(self)
        self.document.load(self._buffer)

        self.view = QPdfView(self)
        self.view.setDocument(self.document)
        self.view.setPageMode(QPdfView.PageMode.MultiPage)
        self.view.setZoomMode(QPdfView.ZoomMode.FitToWidth)
        self.view.setAccessibleName("Document preview")

        pages = self.document.pageCount()
        self.status = QLabel(
            f"{pages} page{'s' if pages != 1 else ''}"
            if self.document.status() == QPdfDocument.Status.Ready
            else "This document could not be shown."
        )

        self.print_button = QPushButton("&Print…")
        self.print_button.setToolTip("Print (Ctrl+P)")
        self.save_button = QPushButton("&Save as…")
        self.save_button.setToolTip("Save a copy as a PDF file (Ctrl+S)")
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.addButton(self.print_button, QDialogButtonBox.ButtonRole.ActionRole)
        buttons.addButton(self.save_button, QDialogButtonBox.ButtonRole.ActionRole)
        buttons.rejected.connect(self.reject)
        self.print_button.clicked.connect(self.print_document)
        self.save_button.clicked.connect(self.save_document)
        self.save_button.setDefault(True)

        register_preview_keys(
            self,
            {
                "Print the document": self.print_document,
                "Save the document as PDF": self.save_document,
                "Zoom in": lambda: self._zoom(1.2),
                "Zoom out": lambda: self._zoom(1 / 1.2),
            },
        )

        layout = QVBoxLayout(self)
        layout.addWidget(self.view, 1)
        layout.addWidget(self.status)
        layout.addWidget(buttons)
        fit_to_screen(self, QSize(820, 900))  # whole on a 768-pixel-high screen

    def page_count(self) -> int:
        return int(self.document.pageCount())

    def _zoom(self, factor: float) -> None:
        current = self.view.zoomFactor()
        self.view.setZoomMode(QPdfView.ZoomMode.Custom)
        self.view.setZoomFactor(max(0.25, min(current * factor, 5.0)))

    # Printing ---------------------------------------------------------------------------

    @guarded
    def print_document(self) -> None:
        printer = QPrinter(QPrinter.PrinterMode.HighResolution)
        self.prepare(printer)
        printer.setFromTo(1, self.page_count())
        dialog = QPrintDialog(printer, self)
        dialog.setWindowTitle("Print " + self.windowTitle())
        dialog.setMinMax(1, self.page_count())
        if dialog.exec() != QDialog.DialogCode.Accepted:
            return
        self.print_to(printer)

    def prepare(self, printer: QPrinter) -> None:
        """Name the job and choose the document's own paper (A4 or Letter) by default."""
        printer.setDocName(self.windowTitle())
        if self.page_count():
            points = self.document.pagePointSize(0).toSize()
            printer.setPageSize(QPageSize(points, "", QPageSize.SizeMatchPolicy.FuzzyMatch))

    def print_to(self, printer: QPrinter) -> int:
        """Render the chosen pages onto ``printer``; returns how many pages were sent."""
        count = self.page_count()
        first = max(printer.fromPage(), 1) if printer.fromPage() else 1
        last = min(printer.toPage(), count) if printer.toPage() else count
        painter = QPainter()
        if not painter.begin(printer):
            raise PracticeError("The printer could not be started; please check it is ready.")
        sent = 0
        try:
            for index in range(first - 1, last):
                if sent:
                    printer.newPage()
                self._paint_page(painter, printer, index)
                sent += 1
        finally:
            painter.end()
        return sent

    def _paint_page(self, painter: QPainter, printer: QPrinter, index: int) -> None:
        points = self.document.pagePointSize(index)
        dpi = min(printer.resolution(), PRINT_DPI)
        image = self.document.render(
            index, QSize(round(points.width() * dpi / 72), round(points.height() * dpi / 72))
        )
        target = QRectF(printer.pageRect(QPrinter.Unit.DevicePixel))
        target.moveTo(QPointF(0, 0))
        # Fit the page into the printable area, keeping its proportions.
        scale = min(target.width() / image.width(), target.height() / image.height())
        width, height = image.width() * scale, image.height() * scale
        painter.drawImage(QRectF(0, 0, width, height), image)

    # Saving -----------------------------------------------------------------------------

    @guarded
    def save_document(self) -> None:
        start = Path(self._last_folder()) / self.suggested_filename
        name, _filter = QFileDialog.getSaveFileName(
            self, "Save as", str(start), "PDF documents (*.pdf)"
        )
        if not name:
            return
        path = Path(name)
        if path.suffix.lower() != ".pdf":
            path = path.with_name(path.name + ".pdf")
        self.save_to(path)

    def save_to(self, path: Path) -> None:
        """Write the document to ``path`` (owner-only) and remember the folder."""
        try:
            if self._saver is not None:
                self._saver(path)
            else:
                from practice.documents.common import save_private  # reportlab: on use

                save_private(self.pdf_bytes, path)
        except OSError as exc:
            show_refusal(self, PracticeError(f"{path} cannot be written: {exc.strerror or exc}."))
            return
        self.saved_to = path
        self._settings_set_folder(str(path.parent))
        self.status.setText(f"Saved to {path}")

    def _last_folder(self) -> str:
        folder = QSettings().value(SETTINGS_FOLDER_KEY, "")
        if isinstance(folder, str) and folder and Path(folder).is_dir():
            return folder
        documents = QStandardPaths.writableLocation(
            QStandardPaths.StandardLocation.DocumentsLocation
        )
        return documents or str(Path.home())

    def _settings_set_folder(self, folder: str) -> None:
        QSettings().setValue(SETTINGS_FOLDER_KEY, folder)
