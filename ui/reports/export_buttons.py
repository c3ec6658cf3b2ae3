"""Export CSV… (every report, one file each, or the one chosen) and Export PDF… (the
practice report with its charts drawn for print), asking where to save.

The files are written by :mod:`practice.reports` (readable by their owner only, noted in
the audit trail); this only asks where and says what was saved.
"""

from __future__ import annotations

from collections.abc import Callable, Collection, Mapping
from pathlib import Path

from PySide6.QtCore import QStandardPaths, Qt
from PySide6.QtGui import QAction
from PySide6.QtWidgets import (
    QFileDialog,
    QHBoxLayout,
    QMenu,
    QMessageBox,
    QPushButton,
    QToolButton,
    QWidget,
)

from practice.db import Database
from practice.economics.reports import PracticeReport
from practice.reports.csv_export import export_csv, file_stem
from practice.reports.tables import TABLES
from ui.errors import guarded
from ui.reports.chart_panel import ChartPanel


def documents_folder() -> str:
    return QStandardPaths.writableLocation(QStandardPaths.StandardLocation.DocumentsLocation)


class ExportButtons(QWidget):
    """``charts()`` gives the charts to print, by the key of the table they go with."""

    def __init__(
        self,
        db: Database,
        charts: Callable[[], Mapping[str, ChartPanel]],
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.db = db
        self.charts = charts
        self.report: PracticeReport | None = None
        self.csv_button = QToolButton()
        self.csv_button.setText("Export CSV…")
        self.csv_button.setPopupMode(QToolButton.ToolButtonPopupMode.InstantPopup)
        self.csv_button.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextOnly)
        menu = QMenu(self.csv_button)
        every = QAction("All reports (one file each)…", menu)
        every.triggered.connect(lambda: self.ask_csv(None))
        menu.addAction(every)
        menu.addSeparator()
        for key, name in TABLES.items():
            action = QAction(f"{name}…", menu)
            action.triggered.connect(lambda _checked=False, k=key: self.ask_csv([k]))
            menu.addAction(action)
        self.csv_button.setMenu(menu)
        self.pdf_button = QPushButton("Export PDF…")
        self.pdf_button.clicked.connect(self.ask_pdf)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.csv_button)
        layout.addWidget(self.pdf_button)

    def set_ready(self, report: PracticeReport | None) -> None:
        """The report to export, or None while there is none (the buttons are disabled)."""
        self.report = report
        self.csv_button.setEnabled(report is not None)
        self.pdf_button.setEnabled(report is not None)

    @guarded
    def ask_csv(self, keys: list[str] | None) -> None:
        if self.report is None:
            return
        folder = QFileDialog.getExistingDirectory(self, "Save the CSV files in", documents_folder())
        if not folder:
            return
        paths = self.export_csv_to(Path(folder), keys)
        QMessageBox.information(
            self,
            "Exported",
            f"Saved {len(paths)} CSV file{'s' if len(paths) != 1 else ''} in {folder}.",
        )

    def export_csv_to(self, folder: Path, keys: Collection[str] | None = None) -> list[Path]:
        assert self.report is not None
        return export_csv(self.db, self.report, folder, keys=keys)

    @guarded
    def ask_pdf(self) -> None:
        if self.report is None:
            return
        suggested = str(Path(documents_folder()) / f"{file_stem(self.report)}.pdf")
        path, _filter = QFileDialog.getSaveFileName(
            self, "Export the PDF report", suggested, "PDF documents (*.pdf)"
        )
        if not path:
            return
        if not path.lower().endswith(".pdf"):
            path += ".pdf"
        self.export_pdf_to(Path(path))
        QMessageBox.information(self, "Exported", f"Saved the report as {path}.")

    def export_pdf_to(self, path: Path) -> None:
        assert self.report is not None
        charts = {key: png for key, chart in self.charts().items() if (png := chart.png())}
        from practice.reports.pdf_report import export_report_pdf  # reportlab: on use

        export_report_pdf(self.db, self.report, path, charts=charts)
